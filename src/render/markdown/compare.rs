//! `gtm compare` as Markdown, and the reports' "Second opinions" section.

use crate::engine::compare::Comparison;
use crate::profile::Money;
use crate::render::escape::{cell, inline};
use crate::render::prose::compare::{
    consensus_sentence, near_sentence, readings_note, source, split_for_client, split_or_agreement,
};

/// The table, consensus, near lines and the note on readings, under a
/// heading of `level` (`##` for the command, `###` in a report).
pub fn second_opinions(level: &str, acv: Money, c: &Comparison<'_>, reference: usize) -> String {
    let base = c.opinions[reference].rules;
    let mut out = format!(
        "{level} Second opinions\n\n| Rulebook | Motion | ACV band | Source | Where it splits |\n|---|---|---|---|---|\n"
    );
    for (i, o) in c.opinions.iter().enumerate() {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(o.rules.name().unwrap_or("(your file)")),
            o.motion.id(),
            o.acv_band.id(),
            cell(&source(o.rules)),
            cell(&split_or_agreement(
                acv,
                o.split.as_ref(),
                o.rules,
                base,
                i == reference
            )),
        ));
    }
    out.push('\n');
    out.push_str(&consensus_sentence(c, base, "rulebooks"));
    out.push_str("\n\n");
    for n in &c.near {
        out.push_str(&format!("- Near a line: {}\n", near_sentence(acv, n, base)));
    }
    if !c.near.is_empty() {
        out.push('\n');
    }
    if let Some(note) = readings_note(c) {
        out.push_str(&note);
        out.push('\n');
    }
    out
}

/// `gtm compare --format markdown`.
pub fn compare(name: &str, acv: Money, c: &Comparison<'_>, reference: usize) -> String {
    format!(
        "# {} ({acv} a year)\n\n{}",
        inline(name),
        second_opinions("##", acv, c, reference)
    )
}

/// The client report's "Second opinions": the same table in the client's
/// words, without commands.
pub fn client_opinions(acv: Money, c: &Comparison<'_>, reference: usize) -> String {
    let base = c.opinions[reference].rules;
    let mut out = String::from(
        "\n### Second opinions\n\nOther published frameworks draw the price lines elsewhere; with the same answers, each gives:\n\n| Framework | Motion | Price band | Where it splits |\n|---|---|---|---|\n",
    );
    for (i, o) in c.opinions.iter().enumerate() {
        out.push_str(&format!(
            "| {} ({}) | {} | {} | {} |\n",
            cell(&crate::render::prose::compare::called(o.rules)),
            cell(&source(o.rules)),
            cell(&base.motion(o.motion).name),
            cell(&base.motion(o.acv_band).name),
            cell(&split_for_client(
                acv,
                o.split.as_ref(),
                o.rules,
                base,
                i == reference
            )),
        ));
    }
    out.push_str(&format!(
        "\n{}\n",
        consensus_sentence(c, base, "frameworks")
    ));
    for n in &c.near {
        out.push_str(&format!(
            "\n- Near a line: {}\n",
            near_sentence(acv, n, base)
        ));
    }
    out.push_str("\nEach framework is read with the same questions; how its price bands map onto the five motions is this tool's reading of it.\n");
    out
}
