//! From the tally to the answer: which triggers each account fired, with
//! their evidence, who acts, and the ranking. Pure.

use super::tally::{AccountTally, RowCounts, Tally};
use super::triggers::{Fired, Trigger, WhoActs, who_acts};
use crate::motion::Motion;
use crate::profile::pql::Pql;

/// One trigger an account fired, with what shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The trigger.
    pub trigger: Trigger,
    /// When it first held, in ms: the event that made it hold.
    pub first_held: i64,
    /// The count behind it: users, events of its kind, or events in all.
    pub count: u64,
    /// The threshold it crossed, for the counted triggers.
    pub threshold: Option<u64>,
}

/// One account that fired at least one trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountSignals {
    /// The account id, as in the events.
    pub account: String,
    /// Its domain, when its users' emails give one.
    pub domain: Option<String>,
    /// Whether an activation event happened.
    pub activated: bool,
    /// Whether its newest plan is free (`None`: no plan in the data).
    pub free: Option<bool>,
    /// Users active in the window.
    pub users: u64,
    /// Events in the window.
    pub events: u64,
    /// The triggers, in listing order.
    pub evidence: Vec<Evidence>,
    /// Who acts on it.
    pub who_acts: WhoActs,
}

impl AccountSignals {
    /// The triggers it fired.
    pub fn fired(&self) -> Fired {
        let mut f = Fired::default();
        self.evidence.iter().for_each(|e| f.insert(e.trigger));
        f
    }
}

/// The criteria's answer over one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// "Now", in ms.
    pub as_of: i64,
    /// The window's start, in ms.
    pub start: i64,
    /// The motion who-acts follows.
    pub motion: Motion,
    /// Accounts that fired, ranked: routed to a person first, then more
    /// triggers, more events in the window, and the account id.
    pub accounts: Vec<AccountSignals>,
    /// Per trigger, how many accounts fired it, in listing order.
    pub totals: Vec<(Trigger, u64)>,
    /// Accounts seen at all.
    pub accounts_seen: u64,
    /// How the rows went.
    pub rows: RowCounts,
}

/// The `n`-th smallest of `firsts`, when there are that many.
fn nth(firsts: &mut [i64], n: u32) -> Option<i64> {
    let n = n as usize;
    if n == 0 || firsts.len() < n {
        return None;
    }
    let (_, nth, _) = firsts.select_nth_unstable(n - 1);
    Some(*nth)
}

fn evidence(a: &AccountTally, firsts: &mut [i64], pql: &Pql) -> Vec<Evidence> {
    let mut out = Vec::new();
    let users = u64::from(a.users);
    if let Some(t) = a.target_first {
        out.push(Evidence {
            trigger: Trigger::AccountBased,
            first_held: t,
            count: users,
            threshold: None,
        });
    }
    for (trigger, n) in [
        (Trigger::TeamUsage, pql.team_users),
        (Trigger::ActiveUsers, pql.active_users),
    ] {
        if let Some(t) = nth(firsts, n) {
            out.push(Evidence {
                trigger,
                first_held: t,
                count: users,
                threshold: Some(u64::from(n)),
            });
        }
    }
    for (trigger, kind) in [
        (Trigger::UsageLimit, a.limit),
        (Trigger::Intent, a.intent),
        (Trigger::EnterpriseNeed, a.enterprise),
    ] {
        if kind.count > 0 {
            out.push(Evidence {
                trigger,
                first_held: kind.first,
                count: kind.count,
                threshold: None,
            });
        }
    }
    let engaged = u64::from(pql.engaged_events);
    if a.is_free() && a.events >= engaged {
        if let Some(t) = a.earliest.peek() {
            out.push(Evidence {
                trigger: Trigger::EngagedFree,
                first_held: *t,
                count: a.events,
                threshold: Some(engaged),
            });
        }
    }
    out
}

/// Evaluates the tally's accounts for a company whose motion is `motion`.
pub fn verdict(tally: Tally<'_>, pql: &Pql, motion: Motion) -> Verdict {
    let (as_of, start) = tally.bounds();
    let rows = tally.counts;
    let accounts_seen = tally.accounts.len() as u64;
    let mut totals = [0u64; 7];
    // Each account's users' first times, gathered from the one users table
    // for the accounts with enough users for a user trigger.
    let least = pql.team_users.min(pql.active_users);
    let mut firsts: Vec<Vec<i64>> = tally
        .accounts
        .iter()
        .map(|a| {
            if a.users >= least {
                Vec::with_capacity(a.users as usize)
            } else {
                Vec::new()
            }
        })
        .collect();
    for (key, first) in &tally.users {
        if tally.accounts[key.account as usize].users >= least {
            firsts[key.account as usize].push(*first);
        }
    }
    let mut accounts: Vec<AccountSignals> = tally
        .names
        .into_iter()
        .zip(tally.accounts)
        .zip(firsts)
        .filter_map(|((name, a), mut firsts)| {
            let evidence = evidence(&a, &mut firsts, pql);
            if evidence.is_empty() {
                return None;
            }
            evidence
                .iter()
                .for_each(|e| totals[e.trigger as usize] += 1);
            let mut fired = Fired::default();
            evidence.iter().for_each(|e| fired.insert(e.trigger));
            Some(AccountSignals {
                account: String::from_utf8_lossy(&name).into_owned(),
                domain: a
                    .domain
                    .as_deref()
                    .map(|d| String::from_utf8_lossy(d).into_owned()),
                activated: a.activated,
                free: a.plan_key.map(|_| a.is_free()),
                users: u64::from(a.users),
                events: a.events,
                who_acts: who_acts(motion, fired, a.activated),
                evidence,
            })
        })
        .collect();
    rank(&mut accounts);
    Verdict {
        as_of,
        start,
        motion,
        accounts,
        totals: Trigger::ALL.into_iter().zip(totals).collect(),
        accounts_seen,
        rows,
    }
}

/// Ranks accounts: routed to a person first, then more triggers, more
/// events in the window, and the account id.
fn rank(accounts: &mut [AccountSignals]) {
    accounts.sort_by(|x, y| {
        y.who_acts
            .is_person()
            .cmp(&x.who_acts.is_person())
            .then(y.evidence.len().cmp(&x.evidence.len()))
            .then(y.events.cmp(&x.events))
            .then_with(|| x.account.as_bytes().cmp(y.account.as_bytes()))
    });
}

/// One verdict of the verdicts of tallies that hold disjoint accounts
/// (the shards of [`super::parallel`]), as if one tally had held them all.
pub fn merge(parts: Vec<Verdict>) -> Option<Verdict> {
    let mut parts = parts.into_iter();
    let mut whole = parts.next()?;
    for part in parts {
        whole.accounts.extend(part.accounts);
        for (total, (_, n)) in whole.totals.iter_mut().zip(part.totals) {
            total.1 += n;
        }
        whole.accounts_seen += part.accounts_seen;
        whole.rows.add(&part.rows);
    }
    rank(&mut whole.accounts);
    Some(whole)
}
