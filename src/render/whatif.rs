//! Output of `gtm what-if`: before and after, side by side.

use serde::Serialize;

use super::{Evaluated, TextOptions};
use crate::diagnostic::printable;
use crate::engine::assess::Assessment;
use crate::engine::whatif::FactorChange;
use crate::motion::Motion;
use crate::profile::edit::Change;
use crate::rulebook::Rulebook;

/// "plg -> hybrid (plg-needs-help)", or "none".
fn moved(a: &Assessment) -> String {
    a.decision.moves.first().map_or("none".to_string(), |m| {
        format!("{} -> {} ({})", m.from, m.to, m.rules.join(", "))
    })
}

/// The rows both text and Markdown show: what, before, after.
fn summary_rows(before: &Assessment, after: &Assessment, rules: &Rulebook) -> [[String; 3]; 9] {
    let name = |m: Motion| rules.motion(m).name.clone();
    let reading = |a: &Assessment, i: usize| a.decision.readings[i].value.to_string();
    [
        [
            "Motion".into(),
            name(before.motion).to_string(),
            name(after.motion).to_string(),
        ],
        [
            "Confidence".into(),
            before.confidence.id().into(),
            after.confidence.id().into(),
        ],
        [
            "ACV band".into(),
            before.acv_band().id().into(),
            after.acv_band().id().into(),
        ],
        ["Product".into(), reading(before, 0), reading(after, 0)],
        ["Buyer".into(), reading(before, 1), reading(after, 1)],
        ["Pull".into(), reading(before, 2), reading(after, 2)],
        ["Move".into(), moved(before), moved(after)],
        [
            "Conflicts".into(),
            before.conflicts().len().to_string(),
            after.conflicts().len().to_string(),
        ],
        [
            "Findings".into(),
            before.findings.len().to_string(),
            after.findings.len().to_string(),
        ],
    ]
}

fn answer(side: &Option<(String, String)>) -> String {
    match side {
        None => "(unanswered)".to_string(),
        Some((value, decides)) => format!("{value} (decides: {decides})"),
    }
}

fn changes_line(changes: &[Change]) -> String {
    let shown: Vec<String> = changes
        .iter()
        .map(|c| {
            if c.value.is_empty() {
                format!("{} removed", c.key)
            } else {
                format!("{}={}", c.key, c.value)
            }
        })
        .collect();
    shown.join(", ")
}

fn verdict(before: &Assessment, after: &Assessment, rules: &Rulebook) -> String {
    if before.motion == after.motion {
        format!("The motion stays {}.", rules.motion(after.motion).name)
    } else {
        format!(
            "The motion changes from {} to {}.",
            rules.motion(before.motion).name,
            rules.motion(after.motion).name
        )
    }
}

/// Text: what changed, a before/after table, and the factors that moved.
pub fn text(
    file: &str,
    changes: &[Change],
    before: &Assessment,
    after: &Assessment,
    factors: &[FactorChange],
    rules: &Rulebook,
    opts: &TextOptions,
) -> String {
    let width = usize::from(opts.width);
    let mut out = super::wrap::wrap(
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
    out.push_str(&verdict(before, after, rules));
    out.push_str("\n\n");
    let mut table = super::text::table(opts, &["", "Before", "After"]);
    for row in summary_rows(before, after, rules) {
        table.add_row(row.to_vec());
    }
    out.push_str(&table.to_string());
    out.push_str("\n\n");
    if factors.is_empty() {
        out.push_str("No factor changed.\n");
        return out;
    }
    let mut table = super::text::table(opts, &["Factor that changed", "Before", "After"]);
    for f in factors {
        table.add_row(vec![f.label.clone(), answer(&f.before), answer(&f.after)]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out
}

/// Markdown: the same tables.
pub fn markdown(
    file: &str,
    changes: &[Change],
    before: &Assessment,
    after: &Assessment,
    factors: &[FactorChange],
    rules: &Rulebook,
) -> String {
    use super::escape::inline;
    use super::markdown::table;
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

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    file: &'a str,
    changes: Vec<JsonChange<'a>>,
    motion_changed: bool,
    changed_factors: Vec<JsonFactor<'a>>,
    before: super::json::Result<'a>,
    after: super::json::Result<'a>,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    key: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct JsonFactor<'a> {
    id: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
}

/// JSON: the changes, the changed factors, and both full results.
pub fn json(
    file: &str,
    changes: &[Change],
    before: &Assessment,
    after: &Assessment,
    factors: &[FactorChange],
) -> String {
    let result = |assessment| super::json::result(&Evaluated { file, assessment });
    super::json::to_string(&Report {
        schema_version: super::json::SCHEMA_VERSION,
        file,
        changes: changes
            .iter()
            .map(|c| JsonChange {
                key: &c.key,
                value: &c.value,
            })
            .collect(),
        motion_changed: before.motion != after.motion,
        changed_factors: factors
            .iter()
            .map(|f| JsonFactor {
                id: f.id,
                before: f.before.as_ref().map(|(v, _)| v.as_str()),
                after: f.after.as_ref().map(|(v, _)| v.as_str()),
            })
            .collect(),
        before: result(before),
        after: result(after),
    })
}
