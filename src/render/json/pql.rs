//! `gtm pql --format json` (DESIGN.md, "The signal system"; its own
//! `schema_version`, starting at 1).

use serde::Serialize;

use crate::render::prose::pql::{evidence, next_step, run_notes};
use crate::signals::{Verdict, time};

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    profile: &'a str,
    motion: &'static str,
    as_of: String,
    window: &'a str,
    accounts: Vec<Account<'a>>,
    totals: Vec<Total>,
    rows: Rows,
    notes: Vec<String>,
}

#[derive(Serialize)]
struct Account<'a> {
    account: &'a str,
    domain: Option<&'a str>,
    activated: bool,
    plan: Option<&'static str>,
    users: u64,
    events: u64,
    triggers: Vec<Fired>,
    who_acts: &'static str,
    next_step: String,
}

#[derive(Serialize)]
struct Fired {
    id: &'static str,
    first_held: String,
    evidence: String,
    source: &'static str,
}

#[derive(Serialize)]
struct Total {
    trigger: &'static str,
    accounts: u64,
}

#[derive(Serialize)]
struct Rows {
    read: u64,
    skipped: u64,
    excluded: u64,
    after_as_of: u64,
    before_window: u64,
}

/// The verdict as JSON. `profile` is the file's name as shown.
pub fn pql(profile: &str, v: &Verdict, window: &str, defaults: bool) -> String {
    let report = Report {
        schema_version: 1,
        profile,
        motion: v.motion.id(),
        as_of: time::format(v.as_of),
        window,
        accounts: v
            .accounts
            .iter()
            .map(|a| Account {
                account: &a.account,
                domain: a.domain.as_deref(),
                activated: a.activated,
                plan: a.free.map(|free| if free { "free" } else { "paid" }),
                users: a.users,
                events: a.events,
                triggers: a
                    .evidence
                    .iter()
                    .map(|e| Fired {
                        id: e.trigger.id(),
                        first_held: time::format(e.first_held),
                        evidence: evidence(e),
                        source: e.trigger.source(),
                    })
                    .collect(),
                who_acts: a.who_acts.id(),
                next_step: next_step(a),
            })
            .collect(),
        totals: v
            .totals
            .iter()
            .map(|(t, n)| Total {
                trigger: t.id(),
                accounts: *n,
            })
            .collect(),
        rows: Rows {
            read: v.rows.read,
            skipped: v.rows.skipped,
            excluded: v.rows.excluded,
            after_as_of: v.rows.after,
            before_window: v.rows.before,
        },
        notes: run_notes(v, defaults),
    };
    super::to_string(&report)
}
