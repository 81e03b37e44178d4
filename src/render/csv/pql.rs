//! `gtm pql --format csv`: one row per account that fired, for a CRM import.

use super::{field, quoted};
use crate::render::prose::pql::next_step;
use crate::signals::{Trigger, Verdict, time};

/// A header row, then one row per account, ranked; a column per trigger
/// holds the time it first held (empty where it did not fire).
pub fn pql(v: &Verdict) -> String {
    let mut header: Vec<String> = [
        "account",
        "domain",
        "activated",
        "plan",
        "users",
        "events",
        "triggers",
        "who_acts",
        "next_step",
    ]
    .iter()
    .map(|s| (*s).to_string())
    .collect();
    header.extend(
        Trigger::ALL
            .iter()
            .map(|t| crate::signals::sql::at_column(*t)),
    );
    let mut out = header.join(",");
    out.push_str("\r\n");
    for a in &v.accounts {
        let ids: Vec<&str> = a.evidence.iter().map(|e| e.trigger.id()).collect();
        let mut row = vec![
            // Always quoted, so that no row starts with input text: CI
            // runners read commands from the start of log lines.
            quoted(&a.account),
            field(a.domain.as_deref().unwrap_or("")),
            a.activated.to_string(),
            a.free
                .map_or("", |f| if f { "free" } else { "paid" })
                .to_string(),
            a.users.to_string(),
            a.events.to_string(),
            field(&ids.join(",")),
            a.who_acts.id().to_string(),
            field(&next_step(a)),
        ];
        for t in Trigger::ALL {
            row.push(
                a.evidence
                    .iter()
                    .find(|e| e.trigger == t)
                    .map_or(String::new(), |e| time::format(e.first_held)),
            );
        }
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
