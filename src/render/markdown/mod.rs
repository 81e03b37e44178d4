//! Markdown output, for reports and pull-request comments.

mod compare;
mod diff;
mod explain;
mod pql;
mod report;
mod rulebook;
mod whatif;

pub use compare::{client_opinions, compare, second_opinions};
pub use diff::diff;
pub use explain::explain;
pub use pql::{client_signals, pql, signals};
pub use report::{
    REPORT_FLIP_POINTS, client_section, report, report_between, report_flip_points, report_foot,
    report_head,
};
pub use rulebook::{rulebook, rulebook_list};
pub use whatif::whatif;

use super::escape::{cell, inline};
use super::prose::{factor_rows, profile_reasoning, progress, reading_line};
use super::{Evaluated, Row, percent};
use crate::engine::assess::{Assessment, Conflict};
use crate::engine::checklist::ChecklistEntry;
use crate::motion::Motion;
use crate::rulebook::{Reading, Rulebook, Text};

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
        return "### Conflicts\n\nNone: no conflict the documents describe applies to these answers.\n\n"
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
    if let Some(stale) = super::prose::broken_expectation(a, rules) {
        out.push_str(&format!("> **Not as expected:** {stale}\n\n"));
    }
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
    let mut out = portfolio_table(&rows.iter().collect::<Vec<_>>(), 0, rules);
    for r in results {
        out.push_str(&portfolio_section(r.assessment, rules));
    }
    out
}

/// The head of a portfolio: its title and a table with one row per profile.
/// A streamed portfolio writes this, then each [`portfolio_section`].
pub fn portfolio_table(rows: &[&Row], unread: usize, rules: &Rulebook) -> String {
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
    let mut out = format!(
        "# Portfolio\n\n{}\n",
        table(
            &["File", "Name", "ACV", "Motion", "Confidence", "Conflicts"],
            cells
        )
    );
    if let Some(note) = super::prose::unread_note(unread) {
        out.push_str(&format!("*{note}*\n\n"));
    }
    out
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
            "&#91;x&#93;&#40;javascript&#58;y&#41;"
        );
        // GitHub's extended autolinks and mentions stay text.
        assert_eq!(inline("https://evil.example"), "https&#58;//evil.example");
        assert_eq!(inline("see WWW.evil.example"), "see WWW&#46;evil.example");
        assert_eq!(inline("@ceo ping"), "&#64;ceo ping");
        assert_eq!(inline("a@b.example"), "a&#64;b.example");
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
