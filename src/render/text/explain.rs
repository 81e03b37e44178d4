//! `gtm explain` as text: the decision first (band, readings, move,
//! conflicts, notes), then why, the evidence and the flip points.

use super::{BOLD, evidence_table, headline, notes, paint, segments, warning_heading};
use crate::engine::assess::Assessment;
use crate::render::TextOptions;
use crate::render::prose::{decision_rows, profile_reasoning, reading_explanations};
use crate::render::wrap::wrap_into;
use crate::rulebook::{Rulebook, Text};

/// The decision first (band, readings with the answers behind them, the
/// move and its rules, conflicts, notes), then why, advice, the evidence
/// with sources, segments and the flip points.
pub fn explain(a: &Assessment, rules: &Rulebook, opts: &TextOptions) -> String {
    let width = usize::from(opts.width);
    let d = &a.decision;
    let mut out = headline(a, rules, opts);
    out.push_str("\n\n");
    out.push_str(&format!(
        "{} ({})\n",
        paint("Decision", BOLD, opts),
        a.confidence.id()
    ));
    out.push_str(&decision_lines(a, rules, width));
    if !d.conflicts.is_empty() {
        out.push_str(&warning_heading("Conflicts", d.conflicts.len(), opts));
        for c in &d.conflicts {
            wrap_into(
                &mut out,
                &format!("{}: {}", c.id, c.message),
                width,
                "  ! ",
                "    ",
            );
            out.push('\n');
        }
    }
    out.push_str(&notes(a, opts, true));
    out.push('\n');
    out.push_str(&paint("Why", BOLD, opts));
    out.push('\n');
    for (i, sentence) in profile_reasoning(a, rules).iter().enumerate() {
        let number = format!("  {}. ", i + 1);
        wrap_into(&mut out, sentence, width, &number, "     ");
        out.push('\n');
    }
    for line in reading_explanations(d) {
        wrap_into(&mut out, &line, width, "  - ", "    ");
        out.push('\n');
    }
    out.push('\n');
    if !a.notes.is_empty() {
        out.push_str(&paint("What the documents say", BOLD, opts));
        out.push('\n');
        for n in &a.notes {
            let line = format!("{}: {} ({})", n.id, n.message, Text::join(&n.sources, "; "));
            wrap_into(&mut out, &line, width, "  * ", "    ");
            out.push('\n');
        }
        out.push('\n');
    }
    if !d.conflicts.is_empty() {
        out.push_str(&paint("Advice", BOLD, opts));
        out.push('\n');
        for c in &d.conflicts {
            wrap_into(
                &mut out,
                &format!("{}: {} ({})", c.id, c.advice, c.source),
                width,
                "  - ",
                "    ",
            );
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&paint("Evidence", BOLD, opts));
    out.push('\n');
    out.push_str(&evidence_table(a, opts, true));
    out.push_str(&segments(a, rules, opts));
    out.push_str(&paint("Flip points", BOLD, opts));
    if !a.segments.is_empty() {
        out.push_str(" (changing one company-wide answer)");
    }
    out.push('\n');
    if a.flip_points.is_empty() {
        out.push_str("  No single change of one answer gives another motion.\n");
    }
    for f in &a.flip_points {
        wrap_into(
            &mut out,
            &crate::render::prose::flip_sentence(f, rules),
            width,
            "  - ",
            "    ",
        );
        out.push('\n');
    }
    out
}

/// [`decision_rows`], labels aligned and text wrapped to `width`.
fn decision_lines(a: &Assessment, rules: &Rulebook, width: usize) -> String {
    let mut out = String::new();
    for (label, text) in decision_rows(a, rules) {
        let first = format!("  {label:<9}");
        wrap_into(&mut out, &text, width, &first, "           ");
        out.push('\n');
    }
    out
}
