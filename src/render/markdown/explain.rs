//! `gtm explain` in Markdown: the same things the text says, as a document.

use super::{conflicts, notes, segments, table};
use crate::engine::assess::Assessment;
use crate::render::escape::inline;
use crate::render::prose::{profile_reasoning, reading_line};
use crate::rulebook::Rulebook;

/// The decision first, then why, advice, evidence and flip points.
pub fn explain(a: &Assessment, rules: &Rulebook) -> String {
    let d = &a.decision;
    let info = rules.motion(a.motion);
    let mut out = format!(
        "## {}: {}\n\n**Confidence.** {}\n\n### Decision\n\n",
        inline(&a.name),
        info.name,
        a.confidence.id()
    );
    let step = match d.moves.first() {
        Some(m) => format!(
            "{} → {} (`{}`)",
            rules.motion(m.from).name,
            rules.motion(m.to).name,
            m.rules.join("`, `")
        ),
        None => format!("none; {} stays", rules.motion(d.motion).name),
    };
    let step = if a.segments.is_empty() {
        step
    } else {
        format!("{step} (company-wide answers)")
    };
    out.push_str(&table(
        &["Step", "Result"],
        [
            vec![
                "Band".to_string(),
                format!(
                    "{} ({})",
                    rules.motion(d.acv_band).name,
                    crate::render::prose::band_range(rules, d.acv_band)
                ),
            ],
            vec!["Product".to_string(), reading_line(d, 0)],
            vec!["Buyer".to_string(), reading_line(d, 1)],
            vec!["Pull".to_string(), reading_line(d, 2)],
            vec!["Move".to_string(), step],
        ]
        .into_iter()
        .chain((!a.segments.is_empty()).then(|| {
            vec![
                "Headline".to_string(),
                crate::render::prose::headline_sentence(a, rules),
            ]
        })),
    ));
    out.push('\n');
    out.push_str(&conflicts(&d.conflicts));
    out.push_str(&notes(a));
    out.push_str("### Why\n\n");
    for (i, sentence) in profile_reasoning(a, rules).iter().enumerate() {
        out.push_str(&format!("{}. {sentence}\n", i + 1));
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
    if !a.unanswered.is_empty() {
        let names: Vec<String> = a.unanswered.iter().map(|f| format!("`{f}`")).collect();
        out.push_str(&format!(
            "\nNot answered, so read as false: {}.\n",
            names.join(", ")
        ));
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
