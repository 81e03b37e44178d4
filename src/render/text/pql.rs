//! `gtm pql` as text: the heading, a row per account that fired, the
//! totals per trigger, and the notes.

use crate::diagnostic::printable;
use crate::render::TextOptions;
use crate::render::prose::pql::{evidence, heading, next_step, run_notes, summary, trigger_name};
use crate::render::wrap::wrap_into;
use crate::signals::Verdict;

/// Text: the accounts (the first `top`), then totals and notes.
pub fn pql(
    name: &str,
    v: &Verdict,
    window: &str,
    defaults: bool,
    top: usize,
    opts: &TextOptions,
) -> String {
    let width = usize::from(opts.width);
    let mut out = String::new();
    wrap_into(
        &mut out,
        &heading(&printable(name), v.motion, v, &printable(window)),
        width,
        "",
        "  ",
    );
    out.push('\n');
    wrap_into(&mut out, &summary(v), width, "", "  ");
    out.push('\n');
    if !v.accounts.is_empty() {
        out.push('\n');
        let mut t = super::table(
            opts,
            &[
                "Account", "Domain", "Users", "Events", "Triggers", "Who acts",
            ],
        );
        for a in v.accounts.iter().take(top) {
            let account = if a.activated {
                printable(&a.account).into_owned()
            } else {
                format!("{} (not activated)", printable(&a.account))
            };
            t.add_row(vec![
                account,
                a.domain
                    .as_deref()
                    .map_or("-".into(), |d| printable(d).into_owned()),
                a.users.to_string(),
                a.events.to_string(),
                a.evidence.len().to_string(),
                a.who_acts.id().to_string(),
            ]);
        }
        out.push_str(&t.to_string());
        out.push('\n');
        if v.accounts.len() > top {
            out.push_str(&format!(
                "… and {} more accounts (--top to show more).\n",
                v.accounts.len() - top
            ));
        }
        out.push('\n');
        for a in v.accounts.iter().take(top) {
            // The line starts with the tool's words, never the account id, so
            // no id from the events can start a line a CI runner obeys.
            wrap_into(
                &mut out,
                &format!("Next for {}: {}", printable(&a.account), next_step(a)),
                width,
                "",
                "  ",
            );
            out.push('\n');
            for e in &a.evidence {
                wrap_into(
                    &mut out,
                    &format!("{}: {}", e.trigger.id(), evidence(e)),
                    width,
                    "  - ",
                    "    ",
                );
                out.push('\n');
            }
        }
    }
    out.push('\n');
    let mut t = super::table(opts, &["Trigger", "Accounts", "Means"]);
    for (trigger, n) in &v.totals {
        t.add_row(vec![
            trigger.id().to_string(),
            n.to_string(),
            trigger_name(*trigger).to_string(),
        ]);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    let notes = run_notes(v, defaults);
    if !notes.is_empty() {
        out.push('\n');
        for n in notes {
            wrap_into(&mut out, &n, width, "Note: ", "  ");
            out.push('\n');
        }
    }
    out
}
