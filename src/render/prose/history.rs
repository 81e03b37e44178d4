//! The sentences of `gtm diff` and of the gate's `motion-changed` notice,
//! shared by every format.

use crate::engine::diff::Diff;
use crate::rulebook::Rulebook;

/// "The motion changes from Hybrid (product-led sales) to Sales-led." or
/// "The motion stays …".
pub fn motion_verdict(d: &Diff, rules: &Rulebook) -> String {
    let (before, after) = d.motion;
    if before == after {
        format!("The motion stays {}.", rules.motion(after).name)
    } else {
        format!(
            "The motion changes from {} to {}.",
            rules.motion(before).name,
            rules.motion(after).name
        )
    }
}

/// The parts of the decision before and after, as rows of three: what,
/// before, after. Only what changed, except the motion, always first.
pub fn decision_rows(d: &Diff) -> Vec<[String; 3]> {
    let mut rows = vec![[
        "Motion".to_string(),
        d.motion.0.id().to_string(),
        d.motion.1.id().to_string(),
    ]];
    if d.band.0 != d.band.1 {
        rows.push([
            "ACV band".into(),
            d.band.0.id().into(),
            d.band.1.id().into(),
        ]);
    }
    if d.confidence.0 != d.confidence.1 {
        rows.push([
            "Confidence".into(),
            d.confidence.0.into(),
            d.confidence.1.into(),
        ]);
    }
    for r in &d.readings {
        rows.push([
            format!("Reading: {}", r.reading),
            r.before.into(),
            r.after.into(),
        ]);
    }
    for s in &d.segments {
        let side = |m: Option<crate::motion::Motion>| m.map_or("(none)", |m| m.id()).to_string();
        rows.push([format!("Segment {}", s.name), side(s.before), side(s.after)]);
    }
    rows
}

/// "Conflicts: now pull-at-sales-price; no longer plg-top-down." — one line
/// per list that changed, ids as the rulebook names them; the checklist,
/// which changes wholesale with the motion, by counts.
pub fn delta_lines(d: &Diff) -> Vec<String> {
    let mut out = Vec::new();
    for (label, delta) in [
        ("Conflicts", &d.conflicts),
        ("Notes", &d.notes),
        ("Findings", &d.findings),
    ] {
        let mut parts = Vec::new();
        if !delta.added.is_empty() {
            parts.push(format!("now {}", delta.added.join(", ")));
        }
        if !delta.removed.is_empty() {
            parts.push(format!("no longer {}", delta.removed.join(", ")));
        }
        if !parts.is_empty() {
            out.push(format!("{label}: {}.", parts.join("; ")));
        }
    }
    let items = |n: usize| {
        if n == 1 {
            "1 item".to_string()
        } else {
            format!("{n} items")
        }
    };
    let mut parts = Vec::new();
    if !d.checklist.added.is_empty() {
        parts.push(format!(
            "{} added ({})",
            items(d.checklist.added.len()),
            d.checklist.added.join(", ")
        ));
    }
    if !d.checklist.removed.is_empty() {
        parts.push(format!(
            "{} gone ({})",
            items(d.checklist.removed.len()),
            d.checklist.removed.join(", ")
        ));
    }
    if !parts.is_empty() {
        out.push(format!("Checklist: {}.", parts.join("; ")));
    }
    out
}

/// The line of the `motion-changed` notice: what the baseline gave, what
/// the profile gives now, and the answers that changed it.
pub fn motion_changed_message(d: &Diff, baseline: &str, rules: &Rulebook) -> String {
    let answers: Vec<&str> = d.answers.iter().map(|a| a.label.as_str()).collect();
    let because = if answers.is_empty() {
        String::new()
    } else {
        format!("; answers changed: {}", answers.join(", "))
    };
    format!(
        "The motion was {} in {baseline} and is {} now{because}.",
        rules.motion(d.motion.0).name,
        rules.motion(d.motion.1).name
    )
}
