//! `gtm pql --format markdown`, and the client report's "Signals" section.

use crate::render::escape::{cell, inline};
use crate::render::prose::pql::{
    evidence, heading, next_step, run_notes, summary, trigger_name, who,
};
use crate::signals::Verdict;

/// The accounts table (the first `top`), the totals per trigger and the
/// notes, under a heading of `level`.
pub fn signals(
    level: &str,
    name: &str,
    v: &Verdict,
    window: &str,
    defaults: bool,
    top: usize,
) -> String {
    let mut out = format!(
        "{level} {}\n\n",
        heading(&inline(name), v.motion, v, &inline(window))
    );
    out.push_str(&summary(v));
    out.push_str("\n\n");
    if !v.accounts.is_empty() {
        out.push_str("| Account | Domain | Activated | Users | Events | Triggers | Who acts | Next step |\n|---|---|---|---|---|---|---|---|\n");
        for a in v.accounts.iter().take(top) {
            let fired: Vec<String> = a
                .evidence
                .iter()
                .map(|e| format!("**{}**: {}", e.trigger.id(), evidence(e)))
                .collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                inline(&a.account),
                inline(a.domain.as_deref().unwrap_or("")),
                if a.activated { "yes" } else { "no" },
                a.users,
                a.events,
                cell(&fired.join("; ")).replace("\\*\\*", "**"),
                who(a.who_acts),
                cell(&next_step(a)),
            ));
        }
        if v.accounts.len() > top {
            out.push_str(&format!(
                "\n… and {} more accounts (`gtm pql` lists them all).\n",
                v.accounts.len() - top
            ));
        }
        out.push('\n');
    }
    out.push_str("| Trigger | Means | Accounts | Source |\n|---|---|---|---|\n");
    for (t, n) in &v.totals {
        out.push_str(&format!(
            "| {} | {} | {n} | {} |\n",
            t.id(),
            trigger_name(*t),
            cell(t.source())
        ));
    }
    let notes = run_notes(v, defaults);
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            out.push_str(&format!("- {}\n", inline(&n)));
        }
    }
    out
}

/// `gtm pql --format markdown`: every account.
pub fn pql(name: &str, v: &Verdict, window: &str, defaults: bool) -> String {
    signals("##", name, v, window, defaults, usize::MAX)
}

/// The client report's "Signals" section in Markdown.
pub fn client_signals(v: &Verdict, window: &str) -> String {
    use crate::render::prose::pql::{CLIENT_TOP, client_intro, client_more, client_why};
    let mut out = format!(
        "\n### Signals: who to contact\n\n{}\n\n",
        inline(&client_intro(v, window))
    );
    if !v.accounts.is_empty() {
        out.push_str("| Account | Why | Who acts | Next step |\n|---|---|---|---|\n");
        for a in v.accounts.iter().take(CLIENT_TOP) {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                inline(&a.account),
                cell(&client_why(a)),
                who(a.who_acts),
                cell(&next_step(a)),
            ));
        }
        if let Some(more) = client_more(v) {
            out.push_str(&format!("\n{}\n", inline(&more)));
        }
        out.push('\n');
    }
    out.push_str("What the criteria look for, and how many accounts showed it:\n\n");
    for (t, n) in &v.totals {
        out.push_str(&format!(
            "- {}: {n} ({})\n",
            trigger_name(*t),
            cell(t.source())
        ));
    }
    out.push('\n');
    out
}
