//! The sentences every format says, built once: band ranges, readings,
//! the reasoning, the segment mix and headline, checklist progress, and
//! flip points. Renderers lay these out; they do not word them again.

use crate::profile::edit::Change;

use crate::engine::assess::{Assessment, DecisionView};
use crate::engine::flip::{Direction, FlipPoint};
use crate::motion::Motion;
use crate::profile::Money;
use crate::rulebook::Rulebook;

use super::percent;

mod client;
pub mod compare;
pub mod history;
pub mod pql;

pub use client::{broken_expectation_for_client, flip_sentence_for_client};
pub(crate) use client::{
    checklist_sections, confidence_for_client, plain_value, reading_line_for_client, section_title,
    segment_conflicts,
};

/// The ACV range of a band in words, e.g. "$5,000 to $50,000".
pub fn band_range(rules: &Rulebook, motion: Motion) -> String {
    let money = |c: u64| Money::from_cents(c).map_or_else(|_| c.to_string(), |m| m.to_string());
    match rules.band_span(motion) {
        Some((0, Some(high))) => format!("up to {}", money(high)),
        Some((low, Some(high))) => format!("{} to {}", money(low), money(high)),
        Some((low, None)) => format!("{} or more", money(low)),
        None => "no band of its own in this rulebook".into(),
    }
}

/// When `[expect]` no longer holds: what it names, what the answers give,
/// and that the gate fails on it. A stale expectation is otherwise only
/// found when `gtm check` fails on it.
pub fn broken_expectation(a: &Assessment, rules: &Rulebook) -> Option<String> {
    let expected = a.broken_expectation()?;
    Some(format!(
        "the profile's [expect] names {}, but these answers give {}; `gtm check` fails on it \
         until the answers or [expect] change.",
        rules.motion(expected).name,
        rules.motion(a.motion).name
    ))
}

/// Says that `unread` profiles could not be read and are left out of the
/// totals and sections around it; nothing when every profile was read.
pub fn unread_note(unread: usize) -> Option<String> {
    match unread {
        0 => None,
        1 => Some("1 more profile could not be read and is not included.".to_string()),
        n => Some(format!(
            "{n} more profiles could not be read and are not included."
        )),
    }
}

/// "product needs-assist (onboarding guided, time_to_value 3 days)".
pub(crate) fn reading_line(d: &DecisionView, i: usize) -> String {
    let r = &d.readings[i];
    let because: Vec<String> = r
        .because
        .iter()
        .map(|(k, v)| format!("{} {v}", k.short()))
        .collect();
    if because.is_empty() {
        r.value.to_string()
    } else if r.value == "no" {
        // The answers behind a "no" are the ones that showed no sign of
        // it, not its cause.
        format!("no (no sign of it in {})", because.join(", "))
    } else {
        format!("{} ({})", r.value, because.join(", "))
    }
}

/// The signals left unanswered, split by what that means: a yes/no signal
/// not answered is read as false; one with values (`segment`,
/// `switching_cost`) is simply unknown. Each list comes with its lead-in;
/// `code` wraps each name for Markdown.
pub fn unanswered(a: &Assessment, code: bool) -> Vec<String> {
    let yes_no = |name: &str| {
        crate::rulebook::Key::parse(&format!("signals.{name}"))
            .is_some_and(|k| k.values() == ["true", "false"])
    };
    let shown = |names: Vec<&&str>| -> String {
        let names: Vec<String> = names
            .into_iter()
            .map(|n| {
                if code {
                    format!("`{n}`")
                } else {
                    n.to_string()
                }
            })
            .collect();
        names.join(", ")
    };
    let (false_, unknown): (Vec<&&str>, Vec<&&str>) = a.unanswered.iter().partition(|n| yes_no(n));
    let mut out = Vec::new();
    if !false_.is_empty() {
        out.push(format!(
            "Not answered, so read as false: {}.",
            shown(false_)
        ));
    }
    if !unknown.is_empty() {
        out.push(format!(
            "Not answered (unknown, and read as neither): {}.",
            shown(unknown)
        ));
    }
    out
}

/// The decision in sentences: band, move or hold, and the motion.
pub fn reasoning(d: &DecisionView, acv: Money, rules: &Rulebook) -> Vec<String> {
    let name = |m: Motion| rules.motion(m).name.as_str();
    let mut out = vec![format!(
        "ACV {acv} falls in the {} band ({}).",
        name(d.acv_band),
        band_range(rules, d.acv_band)
    )];
    for m in &d.moves {
        out.extend(m.messages.iter().map(|t| t.to_string()));
    }
    for h in &d.holds {
        out.push(h.message.to_string());
    }
    if d.moves.is_empty() && d.holds.is_empty() {
        out.push(format!(
            "No rule of the move table applies, so the band's motion stands: {}.",
            name(d.motion)
        ));
    }
    out
}

/// The factor table's rows: factor, answer, what it feeds, source.
pub(crate) fn factor_rows(a: &Assessment) -> Vec<[String; 4]> {
    a.factors
        .iter()
        .map(|f| {
            [
                f.label.to_string(),
                f.value.clone(),
                f.reading.clone(),
                f.source.to_string(),
            ]
        })
        .collect()
}

/// "50% Product-led (PLG), 30% Hybrid (product-led sales)".
pub(crate) fn mix_sentence(a: &Assessment, rules: &Rulebook) -> String {
    let parts: Vec<String> = a
        .motion_mix
        .iter()
        .map(|(m, share)| format!("{} {}", percent(*share), rules.motion(*m).name))
        .collect();
    parts.join(", ")
}

/// The reasoning of a whole profile: the decision's sentences, framed as
/// the company-wide answers' when segments make the headline.
pub fn profile_reasoning(a: &Assessment, rules: &Rulebook) -> Vec<String> {
    let sentences = reasoning(&a.decision, a.acv, rules);
    if a.segments.is_empty() {
        return sentences;
    }
    let mut out = vec!["Read on their own, the company-wide answers decide this way.".to_string()];
    out.extend(sentences);
    out.push(format!(
        "The headline comes from the segments: {}",
        headline_sentence(a, rules)
    ));
    out
}

/// A rulebook condition as people read it, e.g. "onboarding is implementation or custom".
pub(crate) fn condition_text(c: &crate::rulebook::Condition) -> String {
    let key = c.key.get_ref();
    let list = |v: &[crate::rulebook::Text]| {
        v.iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(" or ")
    };
    if let Some(v) = &c.values {
        format!("{key} is {}", list(v))
    } else if let Some(v) = &c.not {
        format!("{key} is not {}", list(v))
    } else if let Some(x) = &c.at_least {
        format!("{key} ≥ {x}")
    } else if let Some(x) = &c.above {
        format!("{key} > {x}")
    } else if let Some(x) = &c.below {
        format!("{key} < {x}")
    } else if let Some(x) = &c.at_most {
        format!("{key} ≤ {x}")
    } else {
        format!("{key} differs from the recommendation")
    }
}

/// `when` and `any` conditions in words; "always" when there are none.
pub(crate) fn conditions_text(
    when: &[crate::rulebook::Condition],
    any: &[crate::rulebook::Condition],
) -> String {
    let mut parts: Vec<String> = when.iter().map(condition_text).collect();
    if !any.is_empty() {
        let either: Vec<String> = any.iter().map(condition_text).collect();
        parts.push(if either.len() == 1 {
            either[0].clone()
        } else {
            format!("any of: {}", either.join("; "))
        });
    }
    if parts.is_empty() {
        "always (everything else)".to_string()
    } else {
        parts.join(", and ")
    }
}

/// How the segments made the headline, in one sentence.
pub(crate) fn headline_sentence(a: &Assessment, rules: &Rulebook) -> String {
    use crate::engine::decide::Headline;
    let name = &rules.motion(a.motion).name;
    match a.headline {
        Headline::BothEnds => format!(
            "{name}: product-led segments and sales-led segments each carry at least 20% of revenue, so the company runs product into its smaller accounts and sales for its larger ones."
        ),
        Headline::Median => format!(
            "{name}: the motion of the median dollar of revenue, counting segments in the order of sales effort."
        ),
        Headline::Single => format!("{name}: the company-wide decision."),
    }
}

/// "3 of 20 done".
pub(crate) fn progress(a: &Assessment) -> String {
    let done = a.checklist.iter().filter(|i| i.done).count();
    format!("{done} of {} done", a.checklist.len())
}

/// A flip point as a sentence.
pub fn flip_sentence(flip: &FlipPoint, rules: &Rulebook) -> String {
    let becomes = format!(
        "the motion becomes {}{}",
        rules.motion(flip.motion).name,
        match flip.conflicts.len() {
            0 => String::new(),
            1 => format!(", with a conflict ({})", flip.conflicts[0]),
            _ => format!(", with conflicts ({})", flip.conflicts.join(", ")),
        }
    );
    match (flip.change.as_str(), flip.direction) {
        ("acv", Direction::Up) => format!("Raise ACV to {} and {becomes}.", flip.to),
        ("acv", Direction::Down) => format!("Lower ACV to {} and {becomes}.", flip.to),
        ("time_to_value", _) => format!("With a time to value of {}, {becomes}.", flip.to),
        (key, _) => format!("With `{key}` = {}, {becomes}.", flip.to),
    }
}

/// "plg -> hybrid (plg-needs-help)", or "none".
pub(crate) fn moved(a: &Assessment) -> String {
    a.decision.moves.first().map_or("none".to_string(), |m| {
        format!("{} -> {} ({})", m.from, m.to, m.rules.join(", "))
    })
}

/// The rows both text and Markdown show: what, before, after.
pub(crate) fn summary_rows(
    before: &Assessment,
    after: &Assessment,
    rules: &Rulebook,
) -> [[String; 3]; 9] {
    let name = |m: Motion| rules.motion(m).name.clone();
    let reading = |a: &Assessment, i: usize| a.decision.readings[i].value.to_string();
    [
        [
            "Motion".into(),
            name(before.motion).to_string(),
            name(after.motion).to_string(),
        ],
        [
            "Confidence".into(),
            before.confidence.id().into(),
            after.confidence.id().into(),
        ],
        [
            "ACV band".into(),
            before.acv_band().id().into(),
            after.acv_band().id().into(),
        ],
        ["Product".into(), reading(before, 0), reading(after, 0)],
        ["Buyer".into(), reading(before, 1), reading(after, 1)],
        ["Pull".into(), reading(before, 2), reading(after, 2)],
        ["Move".into(), moved(before), moved(after)],
        [
            "Conflicts".into(),
            before.conflicts().len().to_string(),
            after.conflicts().len().to_string(),
        ],
        [
            "Findings".into(),
            before.findings.len().to_string(),
            after.findings.len().to_string(),
        ],
    ]
}

pub(crate) fn answer(side: &Option<(String, String)>) -> String {
    match side {
        None => "(unanswered)".to_string(),
        Some((value, decides)) => format!("{value} (decides: {decides})"),
    }
}

pub(crate) fn changes_line(changes: &[Change]) -> String {
    let shown: Vec<String> = changes
        .iter()
        .map(|c| {
            if c.value.is_empty() {
                format!("{} removed", c.key)
            } else {
                format!("{}={}", c.key, c.value)
            }
        })
        .collect();
    shown.join(", ")
}

pub(crate) fn verdict(before: &Assessment, after: &Assessment, rules: &Rulebook) -> String {
    let mut out = if before.motion == after.motion {
        format!("The motion stays {}.", rules.motion(after.motion).name)
    } else {
        format!(
            "The motion changes from {} to {}.",
            rules.motion(before.motion).name,
            rules.motion(after.motion).name
        )
    };
    // What the change does to the gate, when the profile expects a motion.
    if let Some(expected) = after.expected {
        let name = &rules.motion(expected).name;
        let held = before.broken_expectation().is_none();
        let holds = after.broken_expectation().is_none();
        let effect = match (held, holds) {
            (true, true) => " It still matches the profile's [expect].".to_string(),
            (true, false) => format!(
                " The profile's [expect] names {name}, so after this change `gtm check` fails."
            ),
            (false, true) => {
                " It now matches the profile's [expect], which it did not before.".to_string()
            }
            (false, false) => format!(
                " The profile's [expect] names {name}, which neither gives: `gtm check` fails."
            ),
        };
        out.push_str(&effect);
    }
    out
}

/// The decision, step by step, as `gtm explain` shows it in every format:
/// the band, the three readings with the answers behind them, the move (or
/// what held the band's motion) and, with segments, how the headline came.
pub fn decision_rows(a: &Assessment, rules: &Rulebook) -> Vec<(&'static str, String)> {
    let d = &a.decision;
    let mut rows = vec![(
        "Band",
        format!(
            "ACV {} is in the {} band ({}).",
            a.acv,
            rules.motion(d.acv_band).name,
            band_range(rules, d.acv_band)
        ),
    )];
    for (i, label) in ["Product", "Buyer", "Pull"].into_iter().enumerate() {
        rows.push((label, reading_line(d, i)));
    }
    let step = match (d.moves.first(), d.holds.is_empty()) {
        (Some(m), _) => format!("{} -> {} ({})", m.from, m.to, m.rules.join(", ")),
        (None, false) => {
            let ids: Vec<&str> = d.holds.iter().map(|h| h.rule.as_str()).collect();
            format!("none; {} stays ({})", d.motion, ids.join(", "))
        }
        (None, true) => format!("none; no rule applies, {} stays", d.motion),
    };
    if a.segments.is_empty() {
        rows.push(("Move", step));
    } else {
        rows.push(("Move", format!("{step} (company-wide answers)")));
        rows.push(("Headline", headline_sentence(a, rules)));
    }
    rows
}

/// What each reading means and where the documents say so, one sentence
/// per reading: "product needs-sales: Someone has to ... (source)".
pub fn reading_explanations(d: &DecisionView) -> Vec<String> {
    d.readings
        .iter()
        .map(|r| format!("{} {}: {} ({})", r.reading, r.value, r.message, r.source))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_ranges_read_naturally() {
        let r = Rulebook::default_rules();
        assert_eq!(band_range(&r, Motion::SelfServe), "up to $999.99");
        assert_eq!(band_range(&r, Motion::Plg), "$1,000 to $4,999.99");
        assert_eq!(band_range(&r, Motion::Hybrid), "$5,000 to $50,000");
        assert_eq!(band_range(&r, Motion::SalesLed), "$50,000.01 to $250,000");
        assert_eq!(band_range(&r, Motion::Enterprise), "$250,000.01 or more");
    }

    #[test]
    fn a_flip_point_reads_as_a_sentence() {
        let rules = Rulebook::default_rules();
        let flip = FlipPoint {
            change: "acv".to_string(),
            direction: Direction::Up,
            to: "$50,000.01".to_string(),
            motion: Motion::SalesLed,
            conflicts: Vec::new(),
        };
        assert_eq!(
            flip_sentence(&flip, &rules),
            "Raise ACV to $50,000.01 and the motion becomes Sales-led."
        );
        // A flip onto a motion the other answers fight says so.
        let flip = FlipPoint {
            change: "acv".to_string(),
            direction: Direction::Down,
            to: "$999.99".to_string(),
            motion: Motion::Plg,
            conflicts: vec!["plg-top-down".to_string()],
        };
        assert_eq!(
            flip_sentence(&flip, &rules),
            "Lower ACV to $999.99 and the motion becomes Product-led (PLG), with a conflict (plg-top-down)."
        );
        assert!(flip_sentence_for_client(&flip, &rules).ends_with("would then conflict with it."));
    }
}
