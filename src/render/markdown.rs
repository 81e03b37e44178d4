//! Markdown output, for reports and pull-request comments.

use super::{Evaluated, factor_rows, margin_sentence, progress, reasoning, round2, signed};
use crate::checklist::ChecklistEntry;
use crate::motion::Motion;
use crate::rulebook::Rulebook;
use crate::score::Assessment;

/// Escapes text for a table cell: pipes and line breaks would end the cell.
pub fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

/// A Markdown table; every cell is escaped.
pub(super) fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = format!(
        "| {} |\n|{}\n",
        header.join(" | "),
        "---|".repeat(header.len())
    );
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

fn checklist_lines(items: &[ChecklistEntry], with_done: bool) -> String {
    items
        .iter()
        .map(|i| {
            let mark = if !with_done {
                "-"
            } else if i.done {
                "- [x]"
            } else {
                "- [ ]"
            };
            format!("{mark} `{}` {} *({})*\n", i.id, i.text, i.section)
        })
        .collect()
}

fn segments(a: &Assessment, rules: &Rulebook) -> String {
    if a.segments.is_empty() {
        return String::new();
    }
    let rows = a.segments.iter().map(|s| {
        vec![
            s.name.clone(),
            s.acv.to_string(),
            format!("{}%", round2(s.share * 100.0)),
            rules.motion(s.motion).name.clone(),
        ]
    });
    let mut out = format!(
        "### Segments ({})\n\n{}",
        a.segments.len(),
        table(&["Segment", "ACV", "Share", "Motion"], rows)
    );
    out.push_str(&format!(
        "\n**Motion mix.** {}\n",
        super::mix_sentence(a, rules)
    ));
    for h in &a.handoffs {
        out.push_str(&format!(
            "\n**Hand-off from {} to {}.**\n",
            rules.motion(h.from).name,
            rules.motion(h.to).name
        ));
        for (id, text, _) in &h.triggers {
            out.push_str(&format!("- {text} (`{id}`)\n"));
        }
    }
    out.push('\n');
    out
}

fn conflicts(a: &Assessment) -> String {
    if a.conflicts.is_empty() {
        return "### Conflicts\n\nNone: no answer pulls hard against the ACV band.\n\n".to_string();
    }
    let mut out = format!("### Conflicts ({})\n\n", a.conflicts.len());
    for c in &a.conflicts {
        out.push_str(&format!(
            "- **{}**: {}\n  *Advice:* {}\n  *Source:* {}\n",
            c.id, c.message, c.advice, c.source
        ));
    }
    out.push('\n');
    out
}

/// The full result for one profile.
pub fn assessment(a: &Assessment, rules: &Rulebook) -> String {
    let info = rules.motion(a.motion);
    let mut out = format!(
        "## {}: {}\n\n{}\n\n",
        cell(&a.name),
        info.name,
        info.sales_role
    );
    out.push_str(&format!(
        "**Why.** {}\n\n**Margin.** {}\n\n",
        reasoning(a, rules).join(" "),
        margin_sentence(a, rules)
    ));
    out.push_str(&table(
        &["Factor", "Your answer", "Leans toward", "Source"],
        factor_rows(a).into_iter().map(|r| r.to_vec()),
    ));
    out.push('\n');
    out.push_str(&conflicts(a));
    out.push_str(&segments(a, rules));
    if !a.findings.is_empty() {
        out.push_str(&format!("### Findings ({})\n\n", a.findings.len()));
        for f in &a.findings {
            out.push_str(&format!(
                "- **{}** `{}`: {}\n  *Fix:* {}\n",
                f.level.id(),
                f.id,
                f.message,
                f.fix
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("### Checklist ({})\n\n", progress(a)));
    out.push_str(&checklist_lines(&a.checklist, true));
    out
}

/// Several results: a portfolio table, then each result in full.
pub fn portfolio(results: &[Evaluated<'_>], rules: &Rulebook) -> String {
    let rows = results.iter().map(|r| {
        let a = r.assessment;
        vec![
            format!("`{}`", r.file),
            a.name.clone(),
            a.acv.to_string(),
            rules.motion(a.motion).name.clone(),
            a.margin.map_or("-".to_string(), |m| {
                format!("{} to {}", round2(m.points), m.motion)
            }),
            a.conflicts.len().to_string(),
        ]
    });
    let mut out = format!(
        "# Portfolio\n\n{}\n",
        table(
            &["File", "Name", "ACV", "Motion", "Margin", "Conflicts"],
            rows
        )
    );
    for r in results {
        out.push('\n');
        out.push_str(&assessment(r.assessment, rules));
    }
    out
}

/// The checklist of one motion.
pub fn checklist(motion: Motion, items: &[ChecklistEntry], rules: &Rulebook) -> String {
    format!(
        "## Checklist for {}\n\n{}",
        rules.motion(motion).name,
        checklist_lines(items, false)
    )
}

/// Every factor with its weight, reason and source.
pub fn explain(a: &Assessment, rules: &Rulebook) -> String {
    let info = rules.motion(a.motion);
    let mut out = format!(
        "## {}: {}\n\n### How the motion was reached\n\n",
        cell(&a.name),
        info.name
    );
    for (i, sentence) in reasoning(a, rules).iter().enumerate() {
        out.push_str(&format!("{}. {sentence}\n", i + 1));
    }
    out.push_str(&format!("\n**Margin.** {}\n\n", margin_sentence(a, rules)));
    let rows = a.factors.iter().map(|f| {
        let weight = if f.id == "acv" {
            "band".to_string()
        } else {
            signed(f.weight)
        };
        vec![
            f.label.clone(),
            f.value.clone(),
            weight,
            f.why.clone(),
            f.source.clone(),
        ]
    });
    out.push_str(&table(
        &["Factor", "Answer", "Weight", "Why", "Source"],
        rows,
    ));
    out.push_str(&format!(
        "\nNet lean {} (threshold ±{}).\n",
        signed(a.lean_score),
        round2(a.threshold)
    ));
    if !a.unanswered.is_empty() {
        let names: Vec<String> = a
            .unanswered
            .iter()
            .map(|f| format!("`{}`", f.id()))
            .collect();
        out.push_str(&format!(
            "Not answered, so leaning nowhere: {}.\n",
            names.join(", ")
        ));
    }
    out.push('\n');
    out.push_str(&conflicts(a));
    out.push_str(&segments(a, rules));
    out.push_str("### Flip points\n\n");
    if a.flip_points.is_empty() {
        out.push_str("No single change of one answer gives another motion.\n");
    }
    for flip in &a.flip_points {
        out.push_str(&format!("- {}\n", crate::flip::sentence(flip, rules)));
    }
    out
}

/// The rulebook as tables.
pub fn rulebook(rules: &Rulebook) -> String {
    let mut out = format!(
        "# Rulebook {}\n\n{}\n\n## ACV framework\n\n",
        rules.revision, rules.title
    );
    out.push_str(&table(
        &["Motion", "ACV", "Sales role"],
        Motion::ALL.iter().map(|m| {
            vec![
                rules.motion(*m).name.clone(),
                super::band_range(rules, *m),
                rules.motion(*m).sales_role.clone(),
            ]
        }),
    ));
    out.push_str(&format!(
        "\nSource: {}. A net lean of ±{} moves the motion one step.\n\n## Time to value\n\n",
        rules.cite(&rules.acv.source),
        round2(rules.lean.threshold)
    ));
    out.push_str(&table(
        &["Shorter than", "Weight", "Why", "Source"],
        rules.time_to_value.ranges.iter().map(|r| {
            vec![
                r.below
                    .as_ref()
                    .map_or("(longer)".to_string(), |b| b.get_ref().clone()),
                signed(*r.weight.get_ref()),
                r.why.clone(),
                rules.cite(&r.source),
            ]
        }),
    ));
    for f in &rules.factors {
        out.push_str(&format!("\n## {} (`{}`)\n\n", f.label, f.id.get_ref().id()));
        out.push_str(&table(
            &["Answer", "Weight", "Why", "Source"],
            f.values.iter().map(|v| {
                vec![
                    v.value.get_ref().clone(),
                    signed(v.weight),
                    v.why.clone(),
                    rules.cite(&v.source),
                ]
            }),
        ));
    }
    out.push_str("\n## Conflicts\n\n");
    out.push_str(&table(
        &["Id", "ACV bands", "Message", "Source"],
        rules.conflicts.iter().map(|c| {
            let bands: Vec<&str> = c.bands.iter().map(|b| b.id()).collect();
            vec![
                c.id.get_ref().clone(),
                bands.join(", "),
                c.message.clone(),
                rules.cite(&c.source),
            ]
        }),
    ));
    out.push_str("\n## Findings (`gtm check`)\n\n");
    out.push_str(&table(
        &["Id", "Level", "Recommended motions", "Message", "Source"],
        rules.findings.iter().map(|f| {
            let motions: Vec<&str> = f.motions.iter().map(|m| m.id()).collect();
            let motions = if motions.is_empty() {
                "any".to_string()
            } else {
                motions.join(", ")
            };
            vec![
                f.id.get_ref().clone(),
                f.level.id().to_string(),
                motions,
                f.message.clone(),
                rules.cite(&f.source),
            ]
        }),
    ));
    out.push_str("\n## Checklist\n\n");
    out.push_str(&table(
        &["Id", "Motions", "What to do", "Source"],
        rules.checklist.iter().map(|i| {
            let motions: Vec<&str> = i.motions.iter().map(|m| m.id()).collect();
            vec![
                i.id.get_ref().clone(),
                motions.join(", "),
                i.text.clone(),
                rules.cite(&i.source),
            ]
        }),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_newlines() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
