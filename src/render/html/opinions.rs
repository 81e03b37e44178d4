//! The client report's "Second opinions" block in HTML: each published
//! rulebook's motion for the profile, where it splits, and the consensus.

use super::escape_markup;
use crate::engine::compare::Comparison;
use crate::profile::Money;
use crate::render::prose::compare::{
    called, consensus_sentence, near_sentence, source, split_for_client,
};

/// The block, for the end of a profile's section.
pub fn second_opinions(acv: Money, c: &Comparison<'_>, reference: usize) -> String {
    let base = c.opinions[reference].rules;
    let mut out = String::from(
        "<h3>Second opinions</h3><p>Other published frameworks draw the price lines \
         elsewhere; with the same answers, each gives:</p><table><thead><tr><th>Framework</th>\
         <th>Motion</th><th>Price band</th><th>Where it splits</th></tr></thead><tbody>",
    );
    for (i, o) in c.opinions.iter().enumerate() {
        out.push_str(&format!(
            "<tr><td>{} <small>({})</small></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_markup(&called(o.rules)),
            escape_markup(&source(o.rules)),
            escape_markup(&base.motion(o.motion).name),
            escape_markup(&base.motion(o.acv_band).name),
            escape_markup(&split_for_client(
                acv,
                o.split.as_ref(),
                o.rules,
                base,
                i == reference
            )),
        ));
    }
    out.push_str("</tbody></table>");
    out.push_str(&format!(
        "<p>{}</p>",
        escape_markup(&consensus_sentence(c, base, "frameworks"))
    ));
    for n in &c.near {
        out.push_str(&format!(
            "<p>Near a line: {}</p>",
            escape_markup(&near_sentence(acv, n, base))
        ));
    }
    out.push_str(
        "<p>Each framework is read with the same questions; how its price bands map onto the \
         five motions is this tool's reading of it.</p>",
    );
    out
}
