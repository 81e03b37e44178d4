//! The client report in Markdown: the overview table, each profile, and
//! the flip points at the end.

use crate::engine::assess::Assessment;
use crate::render::escape::inline;
use crate::render::meta::ReportMeta;
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
        .map(|r| client_section(r.assessment, rules))
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
    let title = meta.heading(rows.len(), rows.first().map(|r| r.name.as_str()), inline);
    let mut out = format!("# {title}\n\n");
    if let Some(byline) = meta.byline() {
        let _ = write!(out, "{}\n\n", inline(&byline));
    }
    if rows.len() > 1 {
        // The client's table: names, not file paths, and checklist progress.
        let cells = rows.iter().map(|r| {
            vec![
                inline(&r.name),
                r.acv.to_string(),
                rules.motion(r.brief.motion).name.to_string(),
                r.brief.confidence.id().to_string(),
                r.brief.conflicts.to_string(),
                format!("{}/{}", r.brief.done, r.brief.total),
            ]
        });
        let _ = write!(
            out,
            "## Portfolio\n\n{}\n",
            super::table(
                &[
                    "Name",
                    "ACV",
                    "Motion",
                    "Confidence",
                    "Conflicts",
                    "Checklist"
                ],
                cells
            )
        );
        if let Some(note) = crate::render::prose::unread_note(unread) {
            let _ = write!(out, "*{note}*\n\n");
        }
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

/// One profile's section of the Markdown report, written for the client as
/// the HTML page is: no profile keys, ids or commands; the checklist under
/// section headings. The flip points follow every section, at the end.
pub fn client_section(a: &Assessment, rules: &Rulebook) -> String {
    use crate::render::prose::{
        confidence_for_client, factor_rows, plain_value, profile_reasoning, progress,
        reading_line_for_client, section_title,
    };
    let info = rules.motion(a.motion);
    let mut out = format!(
        "## {}: {}\n\n{}\n\n{}\n\n**Confidence.** {}\n\n",
        inline(&a.name),
        info.name,
        info.sales_role,
        profile_reasoning(a, rules).join(" "),
        confidence_for_client(a)
    );
    if let Some(stale) = crate::render::prose::broken_expectation_for_client(a, rules) {
        let _ = write!(out, "**Note.** {stale}\n\n");
    }
    let questions = [
        "Can the product sell itself?",
        "Who decides to buy?",
        "Do users already pull it in?",
    ];
    let readings = a.decision.readings.iter().enumerate().map(|(i, r)| {
        vec![
            questions[i].to_string(),
            reading_line_for_client(&a.decision, i),
            r.source.to_string(),
        ]
    });
    out.push_str("### How the answers read\n\n");
    out.push_str(&super::table(
        &["Question", "Reading (the answers behind it)", "Source"],
        readings,
    ));
    out.push_str("\n### The answers\n\n");
    out.push_str(&super::table(
        &["Answer", "Value", "Bears on", "Source"],
        factor_rows(a)
            .into_iter()
            .map(|[label, value, reading, source]| {
                vec![
                    label.replace('_', " "),
                    plain_value(&value),
                    reading,
                    source,
                ]
            }),
    ));
    out.push_str("\n### Conflicts\n\n");
    if a.conflicts().is_empty() {
        out.push_str("None: no conflict the documents describe applies to these answers.\n");
    }
    for c in a.conflicts() {
        let _ = write!(
            out,
            "- **{}**\n  *Advice:* {}\n  *Source:* {}\n",
            c.message, c.advice, c.source
        );
    }
    if !a.notes.is_empty() {
        out.push_str("\n### Where the documents disagree\n\n");
        for n in &a.notes {
            let _ = writeln!(
                out,
                "- {} *({})*",
                n.message,
                crate::rulebook::Text::join(&n.sources, "; ")
            );
        }
    }
    if !a.segments.is_empty() {
        out.push_str("\n### Segments\n\n");
        let mut rows: Vec<Vec<String>> = a
            .segments
            .iter()
            .map(|s| {
                vec![
                    inline(&s.name),
                    s.acv.to_string(),
                    crate::render::percent(s.share),
                    rules.motion(s.decision.motion).name.to_string(),
                ]
            })
            .collect();
        if a.remainder_share > 0.0 {
            rows.push(vec![
                "The rest of revenue".to_string(),
                a.acv.to_string(),
                crate::render::percent(a.remainder_share),
                rules.motion(a.decision.motion).name.to_string(),
            ]);
        }
        out.push_str(&super::table(&["Segment", "ACV", "Share", "Motion"], rows));
        let _ = write!(
            out,
            "\n**Motion mix.** {}\n\n**Headline.** {}\n",
            crate::render::prose::mix_sentence(a, rules),
            crate::render::prose::headline_sentence(a, rules)
        );
        for (segment, conflict, advice) in crate::render::prose::segment_conflicts(a) {
            let _ = write!(
                out,
                "\n- **{}**: {conflict}\n  *Advice:* {advice}\n",
                inline(segment)
            );
        }
        for h in &a.handoffs {
            let _ = write!(
                out,
                "\n**Hand-off from {} to {}.**\n\n",
                rules.motion(h.from).name,
                rules.motion(h.to).name
            );
            for (_, text, source) in &h.triggers {
                let _ = writeln!(out, "- {text} *({source})*");
            }
        }
    }
    if !a.findings.is_empty() {
        out.push_str("\n### Practices to change\n\n");
        for f in &a.findings {
            // Rulebook text with motion names filled in, checked for
            // markup when the rulebook loads.
            let _ = write!(out, "- **{}**\n  *What to do:* {}\n", f.message, f.fix);
        }
    }
    let _ = write!(out, "\n### Implementation checklist ({})\n", progress(a));
    for (section, items) in crate::render::prose::checklist_sections(a) {
        let _ = write!(out, "\n#### {}\n\n", section_title(section));
        for item in items {
            let mark = if item.done { "[x]" } else { "[ ]" };
            let _ = writeln!(out, "- {mark} {}", item.text);
        }
    }
    out
}
