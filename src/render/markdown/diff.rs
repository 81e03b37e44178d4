//! `gtm diff --format markdown`: a pull-request comment on what a change
//! did to the advice.

use crate::engine::diff::Diff;
use crate::render::escape::{cell, inline};
use crate::render::prose::answer;
use crate::render::prose::history::{decision_rows, delta_lines, motion_verdict};
use crate::rulebook::Rulebook;

/// Markdown for `gtm diff OLD NEW`.
pub fn diff(old: &str, new: &str, d: &Diff, rules: &Rulebook) -> String {
    let mut out = format!(
        "## From {} to {}\n\n{}\n\n",
        inline(old),
        inline(new),
        motion_verdict(d, rules)
    );
    if d.answers.is_empty() {
        out.push_str("No company-wide answer changed.\n\n");
    } else {
        out.push_str("| Answer that changed | Before | After |\n|---|---|---|\n");
        for f in &d.answers {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                cell(&f.label),
                cell(&answer(&f.before)),
                cell(&answer(&f.after))
            ));
        }
        out.push('\n');
    }
    out.push_str("| | Before | After |\n|---|---|---|\n");
    for [what, before, after] in decision_rows(d) {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            inline(&what),
            cell(&before),
            cell(&after)
        ));
    }
    out.push('\n');
    for line in delta_lines(d) {
        out.push_str(&format!("- {}\n", cell(&line)));
    }
    if d.advice_unchanged() {
        out.push_str("\nThe advice is the same in every part.\n");
    }
    out
}
