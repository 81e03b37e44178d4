//! The client report in Markdown: the overview table, each profile, and
//! the flip points at the end.

use crate::engine::assess::Assessment;
use crate::render::escape::inline;
use crate::render::html::ReportMeta;
use crate::render::{Evaluated, Row};
use crate::rulebook::Rulebook;
use std::fmt::Write as _;

/// The same report as Markdown.
pub fn report(results: &[Evaluated<'_>], rules: &Rulebook, meta: &ReportMeta) -> String {
    let rows: Vec<Row> = results
        .iter()
        .map(|r| Row::new(r.file, r.assessment))
        .collect();
    let sections: Vec<String> = results
        .iter()
        .map(|r| super::assessment(r.assessment, rules))
        .collect();
    let mut out = report_head(&rows.iter().collect::<Vec<_>>(), 0, meta, rules);
    for section in &sections {
        out.push_str(report_between(rows.len()));
        out.push_str(section);
    }
    out.push_str(REPORT_FLIP_POINTS);
    for r in results {
        out.push_str(&report_flip_points(r.assessment, rules));
    }
    out.push_str(&report_foot(rules));
    out
}

/// The end of the Markdown report: the source documents.
pub fn report_foot(rules: &Rulebook) -> String {
    let mut out = String::from(
        "\n## Sources\n\nThe advice applies these documents; each table and finding above names the section it comes from.\n\n",
    );
    for d in &rules.documents {
        let _ = writeln!(out, "- *{}*", inline(&d.title));
    }
    out
}

/// The Markdown report before its first profile: the portfolio table for
/// several profiles, nothing for one. A streamed report writes this, then
/// each profile's [`super::assessment`] preceded by
/// [`markdown_between`], then [`REPORT_FLIP_POINTS`] and each profile's
/// [`markdown_flip_points`].
pub fn report_head(rows: &[&Row], unread: usize, meta: &ReportMeta, rules: &Rulebook) -> String {
    // The tool's words as they are, the input escaped.
    let title = match (&meta.title, rows) {
        (Some(t), _) => inline(t),
        (None, [one]) => format!("Go-to-market motion: {}", inline(&one.name)),
        (None, _) => format!("Go-to-market motions: {} profiles", rows.len()),
    };
    let mut out = format!("# {title}\n\n");
    if let Some(byline) = meta.byline() {
        let _ = write!(out, "{}\n\n", inline(&byline));
    }
    if rows.len() > 1 {
        out.push_str(&super::portfolio_table(rows, unread, rules));
    } else if let Some(note) = crate::render::prose::unread_note(unread) {
        let _ = write!(out, "*{note}*\n\n");
    }
    out
}

/// What goes before each profile's section in a report of `count` profiles.
pub fn report_between(count: usize) -> &'static str {
    if count > 1 { "\n" } else { "" }
}

/// The heading of the flip points, which follow every profile's section:
/// the sections above leave them out.
pub const REPORT_FLIP_POINTS: &str = "\n## Flip points\n";

/// One profile's flip points in the Markdown report.
pub fn report_flip_points(a: &Assessment, rules: &Rulebook) -> String {
    let mut out = format!("\n### {}\n\n", crate::render::escape::inline(&a.name));
    if a.flip_points.is_empty() {
        out.push_str("No single change of one answer gives another motion.\n");
    }
    for f in &a.flip_points {
        let _ = writeln!(
            out,
            "- {}",
            crate::render::prose::flip_sentence_for_client(f, rules)
        );
    }
    out
}
