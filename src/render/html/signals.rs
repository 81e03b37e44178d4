//! The client report's "Signals" block in HTML: the accounts the usage data
//! points to, why, who acts and the next step, and what was looked for.

use super::escape_markup;
use crate::render::prose::pql::{
    CLIENT_TOP, client_intro, client_more, client_why, next_step, trigger_name, who,
};
use crate::signals::Verdict;

/// The block, for the end of a profile's section.
pub fn signals(v: &Verdict, window: &str) -> String {
    let mut out = format!(
        "<h3>Signals: who to contact</h3><p>{}</p>",
        escape_markup(&client_intro(v, window))
    );
    if !v.accounts.is_empty() {
        out.push_str(
            "<table><thead><tr><th>Account</th><th>Why</th><th>Who acts</th><th>Next step</th></tr></thead><tbody>",
        );
        for a in v.accounts.iter().take(CLIENT_TOP) {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape_markup(&a.account),
                escape_markup(&client_why(a)),
                escape_markup(who(a.who_acts)),
                escape_markup(&next_step(a)),
            ));
        }
        out.push_str("</tbody></table>");
        if let Some(more) = client_more(v) {
            out.push_str(&format!("<p>{}</p>", escape_markup(&more)));
        }
    }
    out.push_str("<p>What the criteria look for, and how many accounts showed it:</p><ul>");
    for (t, n) in &v.totals {
        out.push_str(&format!(
            "<li>{}: {n} <small>({})</small></li>",
            escape_markup(trigger_name(*t)),
            escape_markup(t.source())
        ));
    }
    out.push_str("</ul>");
    out
}
