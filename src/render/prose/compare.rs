//! The sentences of `gtm compare`, shared by every format and the
//! reports' "Second opinions" section: where a rulebook's band splits from
//! the reference's, the consensus, and the lines within reach.

use crate::engine::compare::{Comparison, NearLine, Span, Split};
use crate::motion::Motion;
use crate::profile::Money;
use crate::rulebook::Rulebook;

fn money(cents: u64) -> String {
    Money::from_cents(cents).map_or_else(|_| cents.to_string(), |m| m.to_string())
}

/// What sentences call a rulebook's source ("the KBCM survey"), or its
/// title for a rulebook without an `[origin]`.
pub fn called(rules: &Rulebook) -> String {
    rules
        .origin
        .as_ref()
        .map_or_else(|| rules.title.to_string(), |o| o.called.to_string())
}

/// The citation of a rulebook's ACV lines, as people read it.
pub fn source(rules: &Rulebook) -> String {
    let source = rules
        .origin
        .as_ref()
        .map_or(&rules.acv.source, |o| &o.source);
    rules.cite(source).to_string()
}

/// A band's edge facing another band: its lower edge ("from $25,000") when
/// it lies above, its upper one when below ("below $25,000" for an edge
/// given as `below`, "to $50,000" for one given as `up_to`).
fn edge(span: Span, above: bool) -> String {
    match (above, span) {
        (true, (low, _)) => format!("from {}", money(low)),
        (false, (_, Some(high))) if high % 100 == 99 => format!("below {}", money(high + 1)),
        (false, (_, Some(high))) => format!("to {}", money(high)),
        (false, (_, None)) => "with no upper edge".into(),
    }
}

/// Where a rulebook's band splits from the reference's, in one line:
/// "$30,000: sales-led from $25,000 in the KBCM survey; hybrid to $50,000
/// in the ACV framework".
pub fn split_sentence(acv: Money, split: &Split, rules: &Rulebook, reference: &Rulebook) -> String {
    let (band, span) = split.band;
    let (base, base_span) = split.reference;
    let above = band > base;
    format!(
        "{acv}: {band} {} in {}; {base} {} in {}",
        edge(span, above),
        called(rules),
        edge(base_span, !above),
        called(reference)
    )
}

/// The row's last cell: the split, or that there is none.
pub fn split_or_agreement(
    acv: Money,
    split: Option<&Split>,
    rules: &Rulebook,
    reference: &Rulebook,
    is_reference: bool,
) -> String {
    match split {
        _ if is_reference => "(the reference for the splits)".into(),
        Some(split) => split_sentence(acv, split, rules, reference),
        None => "same band".into(),
    }
}

/// The same for the client report, whose reference is the report's advice.
pub fn split_for_client(
    acv: Money,
    split: Option<&Split>,
    rules: &Rulebook,
    reference: &Rulebook,
    is_reference: bool,
) -> String {
    if is_reference {
        "the advice in this report".into()
    } else {
        split_or_agreement(acv, split, rules, reference, false)
    }
}

/// "Consensus: hybrid, 3 of 4 rulebooks." (or that there is no majority).
/// `noun` names what is counted ("rulebooks"; "frameworks" for a client).
pub fn consensus_sentence(c: &Comparison<'_>, rules: &Rulebook, noun: &str) -> String {
    let k = c.consensus;
    let name = &rules.motion(k.motion).name;
    if k.agree == k.of {
        format!("Consensus: {name}, all {} {noun} agree.", k.of)
    } else if k.agree * 2 > k.of {
        format!("Consensus: {name}, {} of {} {noun}.", k.agree, k.of)
    } else {
        format!(
            "No majority: {name} is the most given, by {} of {} {noun}.",
            k.agree, k.of
        )
    }
}

/// A line within reach: "$52,000 is $2,000 above the $50,000 line of the
/// ACV framework; across it, these answers give hybrid."
pub fn near_sentence(acv: Money, n: &NearLine<'_>, rules: &Rulebook) -> String {
    let names: Vec<String> = n.rulebooks.iter().map(|r| called(r)).collect();
    let side = if n.above { "above" } else { "below" };
    let whose = match names.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    };
    format!(
        "{acv} is {} {side} the {} line of {whose}; across it, these answers give {}.",
        money(n.distance),
        money(n.line),
        rules.motion(n.across).name
    )
}

/// Which rulebooks map their source onto the five motions by the tool's
/// own reading: every one with an `[origin]` but the default.
pub fn readings_note(c: &Comparison<'_>) -> Option<String> {
    let own: Vec<&str> = c
        .opinions
        .iter()
        .filter_map(|o| o.rules.name())
        .filter(|n| *n != "default")
        .collect();
    (!own.is_empty()).then(|| {
        format!(
            "Each second opinion keeps the default's readings and moves and draws its own ACV \
             lines; how {} map onto the five motions is this tool's reading of their sources \
             (`gtm rules --list`).",
            own.join(", ")
        )
    })
}

/// A motion's short id for table cells.
pub fn motion_id(m: Motion) -> &'static str {
    m.id()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_read_as_their_source_gives_them() {
        assert_eq!(edge((2_500_000, Some(25_000_000)), true), "from $25,000");
        assert_eq!(edge((500_000, Some(5_000_000)), false), "to $50,000");
        assert_eq!(edge((100_000, Some(2_499_999)), false), "below $25,000");
    }
}
