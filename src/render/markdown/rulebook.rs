//! `gtm rules --format markdown`: the rulebook as readable tables.

use super::table;
use crate::motion::Motion;
use crate::render::prose::conditions_text;
use crate::rulebook::{Rulebook, Text};

/// The rulebook as tables.
pub fn rulebook(rules: &Rulebook) -> String {
    let mut out = format!("# Rulebook {}\n\n{}\n\n", rules.revision, rules.title);
    if let Some(o) = &rules.origin {
        out.push_str(&format!(
            "`{}`: {} {} {}\n\n",
            o.name.get_ref(),
            o.summary,
            o.ignores,
            o.reading
        ));
    }
    out.push_str("## 1. ACV framework\n\n");
    out.push_str(&table(
        &["Motion", "ACV", "Sales role"],
        Motion::ALL.iter().map(|m| {
            vec![
                rules.motion(*m).name.to_string(),
                crate::render::prose::band_range(rules, *m),
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
    if !rules.conflicts.is_empty() {
        out.push_str(
            "\nConflicts reported by where the decision ends, in any band (they never move it):\n\n",
        );
        out.push_str(&table(
            &["Id", "Decision ends", "When", "Conflict", "Source"],
            rules.conflicts.iter().map(|c| {
                let motions: Vec<&str> = c.motions.iter().map(|m| m.id()).collect();
                vec![
                    c.id.get_ref().to_string(),
                    motions.join(", "),
                    conditions_text(&c.when, &c.any),
                    c.conflict.to_string(),
                    rules.cite(&c.source).to_string(),
                ]
            }),
        ));
    }
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

/// The shipped rulebooks as one table: what `gtm rules --list` shows.
pub fn rulebook_list(books: &[Rulebook]) -> String {
    let mut out = String::from("# Shipped rulebooks\n\n");
    out.push_str(&table(
        &["Name", "Source", "In one line"],
        books.iter().map(|r| {
            vec![
                format!("`{}`", r.name().unwrap_or("")),
                crate::render::prose::compare::source(r),
                r.origin
                    .as_ref()
                    .map_or_else(|| r.title.to_string(), |o| o.summary.to_string()),
            ]
        }),
    ));
    out.push_str("\nThe second opinions keep the default's readings and moves; each draws the ACV lines where its source does.\n");
    out
}
