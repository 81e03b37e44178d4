//! `gtm diff` as text: the verdict, the answers that changed, the decision
//! before and after, and what came and went.

use crate::diagnostic::printable;
use crate::engine::diff::Diff;
use crate::render::TextOptions;
use crate::render::prose::answer;
use crate::render::prose::history::{decision_rows, delta_lines, motion_verdict};
use crate::render::wrap::wrap_into;
use crate::rulebook::Rulebook;

/// Text for `gtm diff OLD NEW`.
pub fn diff(old: &str, new: &str, d: &Diff, rules: &Rulebook, opts: &TextOptions) -> String {
    let width = usize::from(opts.width);
    let mut out = String::new();
    wrap_into(
        &mut out,
        &format!("From {} to {}", printable(old), printable(new)),
        width,
        "",
        "  ",
    );
    out.push('\n');
    wrap_into(&mut out, &motion_verdict(d, rules), width, "", "");
    out.push_str("\n\n");
    if d.answers.is_empty() {
        out.push_str("No company-wide answer changed.\n\n");
    } else {
        let mut t = super::table(opts, &["Answer that changed", "Before", "After"]);
        for f in &d.answers {
            t.add_row(vec![f.label.clone(), answer(&f.before), answer(&f.after)]);
        }
        out.push_str(&t.to_string());
        out.push_str("\n\n");
    }
    let mut t = super::table(opts, &["", "Before", "After"]);
    for row in decision_rows(d) {
        t.add_row(row.to_vec());
    }
    out.push_str(&t.to_string());
    out.push('\n');
    let lines = delta_lines(d);
    if !lines.is_empty() {
        out.push('\n');
    }
    for line in lines {
        wrap_into(&mut out, &line, width, "", "  ");
        out.push('\n');
    }
    if d.advice_unchanged() {
        out.push_str("\nThe advice is the same in every part.\n");
    }
    out
}
