//! `gtm what-if` as text: the before/after table and the factors that changed.

use crate::diagnostic::printable;
use crate::engine::assess::Assessment;
use crate::engine::whatif::FactorChange;
use crate::profile::edit::Change;
use crate::render::TextOptions;
use crate::render::prose::{answer, changes_line, summary_rows, verdict};
use crate::rulebook::Rulebook;

/// Text: what changed, a before/after table, and the factors that moved.
pub fn whatif(
    file: &str,
    changes: &[Change],
    before: &Assessment,
    after: &Assessment,
    factors: &[FactorChange],
    rules: &Rulebook,
    opts: &TextOptions,
) -> String {
    let width = usize::from(opts.width);
    let mut out = crate::render::wrap::wrap(
        &format!(
            "What if {}, in {}?",
            printable(&changes_line(changes)),
            printable(file)
        ),
        width,
        "",
        "  ",
    );
    out.push('\n');
    out.push_str(&crate::render::wrap::wrap(
        &verdict(before, after, rules),
        width,
        "",
        "",
    ));
    out.push_str("\n\n");
    let mut table = super::table(opts, &["", "Before", "After"]);
    for row in summary_rows(before, after, rules) {
        table.add_row(row.to_vec());
    }
    out.push_str(&table.to_string());
    out.push_str("\n\n");
    if factors.is_empty() {
        out.push_str("No factor changed.\n");
        return out;
    }
    let mut table = super::table(opts, &["Factor that changed", "Before", "After"]);
    for f in factors {
        table.add_row(vec![f.label.clone(), answer(&f.before), answer(&f.after)]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}
