//! The sentences of the client report, in the client's words: no profile
//! keys, ids or commands. The tool's own outputs use the sentences of
//! [`super`]; these say the same things to a reader outside it.

use crate::engine::assess::{Assessment, DecisionView};
use crate::engine::flip::{Direction, FlipPoint};
use crate::rulebook::Rulebook;

/// The same for a client: what was expected and what the answers give now.
pub fn broken_expectation_for_client(a: &Assessment, rules: &Rulebook) -> Option<String> {
    let expected = a.broken_expectation()?;
    Some(format!(
        "This profile was expected to give {}; its answers now give {}.",
        rules.motion(expected).name,
        rules.motion(a.motion).name
    ))
}

/// An answer's value in a reader's words: yes and no for true and false,
/// and snake_case ids with spaces.
pub(crate) fn plain_value(value: &str) -> String {
    match value {
        "true" => "yes".to_string(),
        "false" => "no".to_string(),
        v => v.replace('_', " "),
    }
}

/// A profile key in a reader's words ("time to value" for `time_to_value`,
/// "viral loops" for `signals.viral_loops`).
pub(crate) fn plain_key(key: &str) -> String {
    match crate::rulebook::Key::parse(key) {
        Some(crate::rulebook::Key::Acv) => "ACV".to_string(),
        Some(k) => k.label().replace('_', " ").to_lowercase(),
        None => key.replace(['.', '_'], " "),
    }
}

/// A reading's value in a client's words.
fn reading_for_client(value: &str) -> String {
    match value {
        "sells-itself" => "sells itself".to_string(),
        "needs-assist" => "needs some assistance".to_string(),
        "needs-sales" => "needs a salesperson".to_string(),
        "bottom-up" => "the users choose (bottom-up)".to_string(),
        "top-down" => "decided above the users (top-down)".to_string(),
        v => plain_value(v),
    }
}

/// [`super::reading_line`] for a client: no keys, plain values ("needs assist
/// (time to value 2 days, onboarding guided)").
pub(crate) fn reading_line_for_client(d: &DecisionView, i: usize) -> String {
    let r = &d.readings[i];
    let because: Vec<String> = r
        .because
        .iter()
        .map(|(k, v)| format!("{} {}", plain_key(&k.name()), plain_value(v)))
        .collect();
    if because.is_empty() {
        reading_for_client(r.value)
    } else if r.value == "no" {
        format!("no (no sign of it in {})", because.join(", "))
    } else {
        format!("{} ({})", reading_for_client(r.value), because.join(", "))
    }
}

/// What the confidence means, for a client.
pub(crate) fn confidence_for_client(a: &Assessment) -> &'static str {
    match a.confidence {
        crate::engine::assess::Confidence::Clear => {
            "Clear: the price band and the other answers agree on this motion, and no conflict was found."
        }
        crate::engine::assess::Confidence::Contested => {
            "Contested: the other answers pull against the price band, moving the motion off it, raising a conflict, or pointing across a line the price is close to; each is explained below."
        }
    }
}

/// Each segment's conflicts in a client's words: (segment, conflict,
/// advice), so a report that calls a result contested shows why.
pub(crate) fn segment_conflicts(a: &Assessment) -> Vec<(&str, &str, &str)> {
    a.segments
        .iter()
        .flat_map(|s| {
            s.decision
                .conflicts
                .iter()
                .map(move |c| (s.name.as_str(), c.message.as_str(), c.advice.as_str()))
        })
        .collect()
}

/// The checklist's items grouped by section, sections in the order their
/// first item comes.
pub(crate) fn checklist_sections(
    a: &Assessment,
) -> Vec<(&str, Vec<&crate::engine::checklist::ChecklistEntry>)> {
    let mut out: Vec<(&str, Vec<_>)> = Vec::new();
    for item in &a.checklist {
        match out.iter_mut().find(|(s, _)| *s == item.section.as_str()) {
            Some((_, items)) => items.push(item),
            None => out.push((&item.section, vec![item])),
        }
    }
    out
}

/// A checklist section's heading for a client. Sections are rulebook ids;
/// the built-in ones have titles, others are shown with spaces.
pub(crate) fn section_title(id: &str) -> String {
    match id {
        "assess" => "First, measure where you stand".to_string(),
        "product-led" => "The product-led motion".to_string(),
        "hybrid" => "Running product and sales together".to_string(),
        "hybrid-product" => "The product side".to_string(),
        "hybrid-sales" => "The sales side".to_string(),
        "sales-led" => "The sales-led motion".to_string(),
        "enterprise" => "Enterprise sales".to_string(),
        other => {
            let spaced = other.replace(['-', '_'], " ");
            let mut chars = spaced.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_uppercase().collect::<String>() + chars.as_str()
            })
        }
    }
}

/// A flip point in a client's words (no keys).
pub fn flip_sentence_for_client(flip: &FlipPoint, rules: &Rulebook) -> String {
    let becomes = format!(
        "the motion becomes {}{}",
        rules.motion(flip.motion).name,
        if flip.conflicts.is_empty() {
            ""
        } else {
            ", though the other answers would then conflict with it"
        }
    );
    match (flip.change.as_str(), flip.direction) {
        ("acv", Direction::Up) => format!("Raise the ACV to {} and {becomes}.", flip.to),
        ("acv", Direction::Down) => format!("Lower the ACV to {} and {becomes}.", flip.to),
        ("time_to_value", _) => format!("With a time to value of {}, {becomes}.", flip.to),
        (key, _) => format!(
            "With {} {}, {becomes}.",
            plain_key(key),
            plain_value(&flip.to)
        ),
    }
}
