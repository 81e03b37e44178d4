//! `gtm what-if --format markdown`: the two tables as Markdown.

use crate::engine::assess::Assessment;
use crate::engine::whatif::FactorChange;
use crate::profile::edit::Change;
use crate::render::prose::{answer, changes_line, summary_rows, verdict};
use crate::rulebook::Rulebook;

/// Markdown: the same tables.
pub fn whatif(
    file: &str,
    changes: &[Change],
    before: &Assessment,
    after: &Assessment,
    factors: &[FactorChange],
    rules: &Rulebook,
) -> String {
    use super::table;
    use crate::render::escape::inline;
    let mut out = format!(
        "## What if {}, in {}?\n\n{}\n\n",
        inline(&changes_line(changes)),
        inline(file),
        verdict(before, after, rules)
    );
    out.push_str(&table(
        &["", "Before", "After"],
        summary_rows(before, after, rules).map(Vec::from),
    ));
    if !factors.is_empty() {
        out.push('\n');
        out.push_str(&table(
            &["Factor that changed", "Before", "After"],
            factors
                .iter()
                .map(|f| vec![f.label.clone(), answer(&f.before), answer(&f.after)]),
        ));
    }
    out
}
