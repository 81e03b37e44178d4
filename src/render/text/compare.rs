//! `gtm compare` as text: a row per rulebook, the consensus, the lines
//! within reach, and whose reading the mapping is.

use crate::diagnostic::printable;
use crate::engine::compare::Comparison;
use crate::profile::Money;
use crate::render::TextOptions;
use crate::render::prose::compare::{
    consensus_sentence, near_sentence, readings_note, split_or_agreement,
};
use crate::render::wrap::wrap_into;

/// Text: the table, then the consensus, near lines and the note on readings.
pub fn compare(
    name: &str,
    acv: Money,
    c: &Comparison<'_>,
    reference: usize,
    opts: &TextOptions,
) -> String {
    let width = usize::from(opts.width);
    let base = c.opinions[reference].rules;
    let mut out = String::new();
    wrap_into(
        &mut out,
        &format!("Second opinions for {} ({acv} a year)", printable(name)),
        width,
        "",
        "  ",
    );
    out.push('\n');
    let mut t = super::table(opts, &["Rulebook", "Motion", "ACV band", "Where it splits"]);
    for (i, o) in c.opinions.iter().enumerate() {
        t.add_row(vec![
            o.rules.name().unwrap_or("(your file)").to_string(),
            o.motion.id().to_string(),
            o.acv_band.id().to_string(),
            split_or_agreement(acv, o.split.as_ref(), o.rules, base, i == reference),
        ]);
    }
    out.push_str(&t.to_string());
    out.push_str("\n\n");
    wrap_into(
        &mut out,
        &consensus_sentence(c, base, "rulebooks"),
        width,
        "",
        "",
    );
    out.push('\n');
    for n in &c.near {
        wrap_into(
            &mut out,
            &near_sentence(acv, n, base),
            width,
            "Near a line: ",
            "  ",
        );
        out.push('\n');
    }
    if let Some(note) = readings_note(c) {
        out.push('\n');
        wrap_into(&mut out, &note, width, "", "");
        out.push('\n');
    }
    out
}
