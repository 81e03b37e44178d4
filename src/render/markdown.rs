//! Markdown output, for reports and pull-request comments.

use super::escape::{cell, inline};
use super::prose::{conditions_text, factor_rows, profile_reasoning, progress, reading_line};
use super::{Evaluated, Row, percent};
use crate::engine::assess::Assessment;
use crate::engine::assess::Conflict;
use crate::engine::checklist::ChecklistEntry;
use crate::motion::Motion;
use crate::rulebook::Text;
use crate::rulebook::{Reading, Rulebook};

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
    let readings = |d: &crate::engine::assess::DecisionView| {
        d.readings
            .iter()
            .map(|r| r.value)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut rows: Vec<Vec<String>> = a
        .segments
        .iter()
        .map(|s| {
            vec![
                inline(&s.name),
                s.acv.to_string(),
                percent(s.share),
                readings(&s.decision),
                rules.motion(s.decision.motion).name.to_string(),
            ]
        })
        .collect();
    if a.remainder_share > 0.0 {
        rows.push(vec![
            "(rest, company-wide answers)".to_string(),
            a.acv.to_string(),
            percent(a.remainder_share),
            readings(&a.decision),
            rules.motion(a.decision.motion).name.to_string(),
        ]);
    }
    let mut out = format!(
        "### Segments ({})\n\n{}",
        a.segments.len(),
        table(&["Segment", "ACV", "Share", "Readings", "Motion"], rows)
    );
    out.push_str(&format!(
        "\n**Motion mix.** {}\n\n**Headline.** {}\n",
        super::prose::mix_sentence(a, rules),
        super::prose::headline_sentence(a, rules)
    ));
    for s in &a.segments {
        for c in &s.decision.conflicts {
            out.push_str(&format!(
                "- **{}** (`{}`): {}\n",
                inline(&s.name),
                c.id,
                c.message
            ));
        }
    }
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

fn conflicts(list: &[Conflict]) -> String {
    if list.is_empty() {
        return "### Conflicts\n\nNone: the readings and the price point the same way.\n\n"
            .to_string();
    }
    let mut out = format!("### Conflicts ({})\n\n", list.len());
    for c in list {
        out.push_str(&format!(
            "- **{}**: {}\n  *Advice:* {}\n  *Source:* {}\n",
            c.id, c.message, c.advice, c.source
        ));
    }
    out.push('\n');
    out
}

fn notes(a: &Assessment) -> String {
    if a.notes.is_empty() {
        return String::new();
    }
    let mut out = format!("### Where the documents disagree ({})\n\n", a.notes.len());
    for n in &a.notes {
        out.push_str(&format!(
            "- **{}**: {}\n  *Sources:* {}\n",
            n.id,
            n.message,
            Text::join(&n.sources, "; ")
        ));
    }
    out.push('\n');
    out
}

fn readings(a: &Assessment) -> String {
    let rows = Reading::ALL.iter().enumerate().map(|(i, r)| {
        vec![
            r.id().to_string(),
            reading_line(&a.decision, i),
            a.decision.readings[i].source.to_string(),
        ]
    });
    table(
        &["Reading", "Value (the answers behind it)", "Source"],
        rows,
    )
}

/// The full result for one profile.
pub fn assessment(a: &Assessment, rules: &Rulebook) -> String {
    let info = rules.motion(a.motion);
    let mut out = format!(
        "## {}: {}\n\n{}\n\n",
        inline(&a.name),
        info.name,
        info.sales_role
    );
    out.push_str(&format!(
        "**Why.** {}\n\n",
        profile_reasoning(a, rules).join(" ")
    ));
    out.push_str(&readings(a));
    out.push('\n');
    out.push_str(&table(
        &["Answer", "Value", "Decides", "Source"],
        factor_rows(a).into_iter().map(|r| r.to_vec()),
    ));
    out.push('\n');
    out.push_str(&conflicts(&a.decision.conflicts));
    out.push_str(&notes(a));
    out.push_str(&segments(a, rules));
    if !a.findings.is_empty() {
        out.push_str(&format!("### Findings ({})\n\n", a.findings.len()));
        for f in &a.findings {
            out.push_str(&format!(
                "- **{}** `{}`: {}\n  *Fix:* {}\n",
                f.level.id(),
                f.id,
                inline(&f.message),
                inline(&f.fix)
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
    let rows: Vec<Row> = results
        .iter()
        .map(|r| Row::new(r.file, r.assessment))
        .collect();
    let mut out = portfolio_table(&rows.iter().collect::<Vec<_>>(), rules);
    for r in results {
        out.push_str(&portfolio_section(r.assessment, rules));
    }
    out
}

/// The head of a portfolio: its title and a table with one row per profile.
/// A streamed portfolio writes this, then each [`portfolio_section`].
pub fn portfolio_table(rows: &[&Row], rules: &Rulebook) -> String {
    let cells = rows.iter().map(|r| {
        vec![
            inline(&r.file),
            inline(&r.name),
            r.acv.to_string(),
            rules.motion(r.brief.motion).name.to_string(),
            r.brief.confidence.id().to_string(),
            r.brief.conflicts.to_string(),
        ]
    });
    format!(
        "# Portfolio\n\n{}\n",
        table(
            &["File", "Name", "ACV", "Motion", "Confidence", "Conflicts"],
            cells
        )
    )
}

/// One profile's result in full, as it follows the portfolio table.
pub fn portfolio_section(a: &Assessment, rules: &Rulebook) -> String {
    format!("\n{}", assessment(a, rules))
}

/// The checklist of one motion.
pub fn checklist(motion: Motion, items: &[ChecklistEntry], rules: &Rulebook) -> String {
    format!(
        "## Checklist for {}\n\n{}",
        rules.motion(motion).name,
        checklist_lines(items, false)
    )
}

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
                    super::prose::band_range(rules, d.acv_band)
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
                super::prose::headline_sentence(a, rules),
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
        out.push_str(&format!("- {}\n", super::prose::flip_sentence(f, rules)));
    }
    out
}

/// The rulebook as tables.
pub fn rulebook(rules: &Rulebook) -> String {
    let mut out = format!(
        "# Rulebook {}\n\n{}\n\n## 1. ACV framework\n\n",
        rules.revision, rules.title
    );
    out.push_str(&table(
        &["Motion", "ACV", "Sales role"],
        Motion::ALL.iter().map(|m| {
            vec![
                rules.motion(*m).name.to_string(),
                super::prose::band_range(rules, *m),
                rules.motion(*m).sales_role.to_string(),
            ]
        }),
    ));
    out.push_str(&format!(
        "\nSource: {}.\n\n## 2. Readings\n",
        rules.cite(&rules.acv.source)
    ));
    for t in &rules.readings {
        out.push_str(&format!("\n### {} — {}\n\nRows are checked top to bottom; the first that holds gives the value.\n\n", t.id.get_ref(), t.question));
        out.push_str(&table(
            &["Value", "When", "Meaning", "Source"],
            t.rows.iter().map(|r| {
                vec![
                    r.value.get_ref().to_string(),
                    conditions_text(&r.when, &r.any),
                    r.message.to_string(),
                    rules.cite(&r.source).to_string(),
                ]
            }),
        ));
    }
    out.push_str("\n## 3. Moves\n\nA band's motion moves at most one step; rules without a target hold it.\n\n");
    out.push_str(&table(
        &["Id", "Band", "Moves to", "When", "Conflict", "Source"],
        rules.moves.iter().map(|m| {
            let conflict = match (&m.conflict, m.conflict_when.is_empty()) {
                (None, _) => "no".to_string(),
                (Some(_), true) => "yes".to_string(),
                (Some(_), false) => format!("when {}", conditions_text(&m.conflict_when, &[])),
            };
            vec![
                m.id.get_ref().to_string(),
                m.band.get_ref().id().to_string(),
                m.to.as_ref()
                    .map_or("—".to_string(), |t| t.get_ref().id().to_string()),
                conditions_text(&m.when, &m.any),
                conflict,
                rules.cite(&m.source).to_string(),
            ]
        }),
    ));
    out.push_str("\n## 4. Where the documents disagree\n\n");
    out.push_str(&table(
        &["Id", "When", "Note", "Sources"],
        rules.notes.iter().map(|n| {
            let when = match &n.with_move {
                Some(m) => format!("move `{}` holds", m.get_ref()),
                None => conditions_text(&n.when, &n.any),
            };
            let sources: Vec<Text> = n.sources.iter().map(|s| rules.cite(s)).collect();
            vec![
                n.id.get_ref().to_string(),
                when,
                n.message.to_string(),
                Text::join(&sources, "; "),
            ]
        }),
    ));
    out.push_str("\n## Findings (`gtm check`)\n\n");
    out.push_str(&table(
        &[
            "Id",
            "Level",
            "Recommended motions",
            "When",
            "Message",
            "Source",
        ],
        rules.findings.iter().map(|f| {
            let motions: Vec<&str> = f.motions.iter().map(|m| m.id()).collect();
            let motions = if motions.is_empty() {
                "any".to_string()
            } else {
                motions.join(", ")
            };
            vec![
                f.id.get_ref().to_string(),
                f.level.id().to_string(),
                motions,
                conditions_text(&f.when, &f.any),
                f.message.to_string(),
                rules.cite(&f.source).to_string(),
            ]
        }),
    ));
    out.push_str("\n## Checklist\n\n");
    out.push_str(&table(
        &["Id", "Motions", "Only when", "What to do", "Source"],
        rules.checklist.iter().map(|i| {
            let motions: Vec<&str> = i.motions.iter().map(|m| m.id()).collect();
            vec![
                i.id.get_ref().to_string(),
                motions.join(", "),
                conditions_text(&i.when, &i.any),
                i.text.to_string(),
                rules.cite(&i.source).to_string(),
            ]
        }),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_becomes_inert_markdown() {
        assert_eq!(
            inline("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert&#40;1&#41;&gt;"
        );
        assert_eq!(
            inline("[x](javascript:y)"),
            "&#91;x&#93;&#40;javascript:y&#41;"
        );
        // The escape is shown as text, its characters made inert too.
        assert_eq!(
            inline("a|b `c` *d* \u{1b}"),
            "a&#124;b &#96;c&#96; &#42;d&#42; &#92;u&#123;1b&#125;"
        );
        assert_eq!(inline("Acme Analytics, Inc."), "Acme Analytics, Inc.");
    }

    #[test]
    fn cells_escape_pipes_and_newlines() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
