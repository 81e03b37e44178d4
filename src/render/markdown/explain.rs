//! `gtm explain` in Markdown: the same things the text says, from the
//! same sentences ([`decision_rows`], [`reading_explanations`]), as a
//! document.

use super::{conflicts, notes, segments, table};
use crate::engine::assess::Assessment;
use crate::render::escape::inline;
use crate::render::prose::{decision_rows, profile_reasoning, reading_explanations};
use crate::rulebook::Rulebook;

/// The decision first, then why, advice, evidence and flip points.
pub fn explain(a: &Assessment, rules: &Rulebook) -> String {
    let d = &a.decision;
    let info = rules.motion(a.motion);
    let mut out = format!(
        "## {}: {}\n\n{}\n\n**Confidence.** {}\n\n### Decision\n\n",
        inline(&a.name),
        info.name,
        info.sales_role,
        a.confidence.id()
    );
    let rows = decision_rows(a, rules)
        .into_iter()
        .map(|(label, text)| vec![label.to_string(), text]);
    out.push_str(&table(&["Step", "Result"], rows));
    out.push('\n');
    out.push_str(&conflicts(&d.conflicts));
    out.push_str(&notes(a));
    out.push_str("### Why\n\n");
    for (i, sentence) in profile_reasoning(a, rules).iter().enumerate() {
        out.push_str(&format!("{}. {sentence}\n", i + 1));
    }
    out.push('\n');
    for line in reading_explanations(d) {
        out.push_str(&format!("- {line}\n"));
    }
    out.push_str("\n### Evidence\n\n");
    let rows = a.factors.iter().map(|f| {
        vec![
            f.label.to_string(),
            f.value.clone(),
            f.reading.clone(),
            f.message.to_string(),
            f.source.to_string(),
        ]
    });
    out.push_str(&table(
        &["Answer", "Value", "Decides", "What it says", "Source"],
        rows,
    ));
    for line in crate::render::prose::unanswered(a, true) {
        out.push_str(&format!("\n{line}\n"));
    }
    out.push('\n');
    out.push_str(&segments(a, rules));
    out.push_str("### Flip points\n\n");
    if a.flip_points.is_empty() {
        out.push_str("No single change of one answer gives another motion.\n");
    }
    for f in &a.flip_points {
        out.push_str(&format!(
            "- {}\n",
            crate::render::prose::flip_sentence(f, rules)
        ));
    }
    out
}
