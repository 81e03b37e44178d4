//! Flip points: holding everything else fixed, the single changes that would
//! give another motion. ACV flips sit exactly on the rulebook's band edges,
//! found from the bands themselves rather than by sampling. Pure: no I/O.

use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment, SwitchingCost};
use crate::profile::Money;
use crate::rulebook::Rulebook;
use crate::score::{Facts, motion_of};

/// One change that gives another motion.
#[derive(Debug, Clone, PartialEq)]
pub struct FlipPoint {
    /// What changes: `acv`, `time_to_value`, `buyer`, ... or `signals.NAME`.
    pub change: String,
    /// The new answer as shown to people, e.g. "$50,001" or "committee".
    pub to: String,
    /// The motion it gives.
    pub motion: Motion,
    /// For ACV: true when the ACV rises to reach it.
    pub raise: bool,
}

fn dollars(x: f64) -> String {
    Money::new(x).map_or_else(|_| x.to_string(), |m| m.to_string())
}

/// A readable length for `seconds`, in the largest unit that divides it.
fn readable(seconds: f64) -> String {
    const UNITS: &[(f64, &str)] = &[
        (604_800.0, "week"),
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
        (1.0, "second"),
    ];
    for (size, unit) in UNITS {
        let n = seconds / size;
        if n >= 1.0 && (n - n.round()).abs() < 1e-9 {
            let n = n.round();
            return format!("{n} {unit}{}", if n == 1.0 { "" } else { "s" });
        }
    }
    format!("{} minutes", (seconds / 60.0 * 100.0).round() / 100.0)
}

/// The lowest and highest whole-dollar ACV of each band, in band order.
fn band_spans(rules: &Rulebook) -> Vec<(f64, f64)> {
    Motion::ALL
        .iter()
        .map(|m| {
            let (lower, upper) = rules.band_edges(*m);
            let low = match lower {
                None => 0.0,
                Some((x, true)) => x.ceil(),
                Some((x, false)) => x.floor() + 1.0,
            };
            let high = match upper {
                None => f64::INFINITY,
                Some((x, true)) => x.floor(),
                Some((x, false)) => x.ceil() - 1.0,
            };
            (low, high)
        })
        .collect()
}

/// Where a yes/no signal lives in [`Facts`].
type FlagSlot = fn(&mut Facts) -> &mut Option<bool>;

/// Every answer to an optional question other than `now`: each value, then
/// unknown.
fn alternatives<T: Copy + PartialEq>(all: &[T], now: Option<T>) -> impl Iterator<Item = Option<T>> {
    all.iter()
        .map(|v| Some(*v))
        .chain([None])
        .filter(move |v| *v != now)
}

/// Walks ACV band edges outward from the current band; each edge where the
/// motion changes is a flip point.
fn acv_flips(
    facts: &Facts,
    current: Motion,
    rules: &Rulebook,
    edges: impl Iterator<Item = f64>,
    raise: bool,
    flips: &mut Vec<FlipPoint>,
) {
    let mut previous = current;
    for acv in edges {
        let motion = motion_of(&Facts { acv, ..*facts }, rules);
        if motion != previous {
            flips.push(FlipPoint {
                change: "acv".into(),
                to: dollars(acv),
                motion,
                raise,
            });
            previous = motion;
        }
    }
}

/// Every single change that gives a motion other than `facts`' own.
pub fn flip_points(facts: &Facts, rules: &Rulebook) -> Vec<FlipPoint> {
    let current = motion_of(facts, rules);
    let mut flips = Vec::new();
    let spans = band_spans(rules);
    let here = rules.band(facts.acv).rank();
    let raising = spans[here + 1..].iter().map(|&(low, _)| low);
    acv_flips(facts, current, rules, raising, true, &mut flips);
    let lowering = spans[..here].iter().rev().map(|&(_, high)| high);
    acv_flips(
        facts,
        current,
        rules,
        lowering.filter(|h| *h >= 0.0),
        false,
        &mut flips,
    );

    let mut try_change = |change: &str, to: &str, changed: Facts| {
        let motion = motion_of(&changed, rules);
        if motion != current {
            flips.push(FlipPoint {
                change: change.into(),
                to: to.into(),
                motion,
                raise: false,
            });
        }
    };

    // Time to value: the shortest time of every other range (half the first
    // range's edge for the first one, which starts at zero).
    let mut lower = 0.0;
    for range in &rules.time_to_value.ranges {
        let upper = range.below_seconds;
        let inside = facts.time_to_value >= lower && facts.time_to_value < upper;
        let start = if lower == 0.0 { upper / 2.0 } else { lower };
        lower = upper;
        if !inside && start.is_finite() {
            let changed = Facts {
                time_to_value: start,
                ..*facts
            };
            try_change("time_to_value", &readable(start), changed);
        }
    }

    for &b in Buyer::ALL.iter().filter(|b| **b != facts.buyer) {
        try_change("buyer", b.id(), Facts { buyer: b, ..*facts });
    }
    for &c in Compliance::ALL.iter().filter(|c| **c != facts.compliance) {
        let changed = Facts {
            compliance: c,
            ..*facts
        };
        try_change("compliance", c.id(), changed);
    }
    for &o in Onboarding::ALL.iter().filter(|o| **o != facts.onboarding) {
        let changed = Facts {
            onboarding: o,
            ..*facts
        };
        try_change("onboarding", o.id(), changed);
    }
    let flags: [(&str, FlagSlot); 6] = [
        ("signals.individual_value", |f| {
            &mut f.signals.individual_value
        }),
        ("signals.viral_loops", |f| &mut f.signals.viral_loops),
        ("signals.instrumented", |f| &mut f.signals.instrumented),
        ("signals.integration_heavy", |f| {
            &mut f.signals.integration_heavy
        }),
        ("signals.organic_demand", |f| &mut f.signals.organic_demand),
        ("signals.developer_audience", |f| {
            &mut f.signals.developer_audience
        }),
    ];
    for (name, slot) in flags {
        let mut probe = *facts;
        for value in alternatives(&[true, false], *slot(&mut probe)) {
            *slot(&mut probe) = value;
            let to = value.map_or("unknown", |v| if v { "true" } else { "false" });
            try_change(name, to, probe);
        }
    }
    for segment in alternatives(Segment::ALL, facts.signals.segment) {
        let mut probe = *facts;
        probe.signals.segment = segment;
        try_change(
            "signals.segment",
            segment.map_or("unknown", Segment::id),
            probe,
        );
    }
    for cost in alternatives(SwitchingCost::ALL, facts.signals.switching_cost) {
        let mut probe = *facts;
        probe.signals.switching_cost = cost;
        let to = cost.map_or("unknown", SwitchingCost::id);
        try_change("signals.switching_cost", to, probe);
    }
    flips
}

/// A flip point as a sentence.
pub fn sentence(flip: &FlipPoint, rules: &Rulebook) -> String {
    let becomes = format!("the motion becomes {}", rules.motion(flip.motion).name);
    match flip.change.as_str() {
        "acv" if flip.raise => format!("Raise ACV to {} and {becomes}.", flip.to),
        "acv" => format!("Lower ACV to {} and {becomes}.", flip.to),
        "time_to_value" => format!("With a time to value of {}, {becomes}.", flip.to),
        key => format!("With `{key}` = {}, {becomes}.", flip.to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(acv: f64) -> Facts {
        Facts {
            acv,
            time_to_value: 3.0 * 86_400.0,
            buyer: Buyer::Team,
            compliance: Compliance::Light,
            onboarding: Onboarding::Guided,
            signals: Default::default(),
        }
    }

    #[test]
    fn acv_flips_sit_on_the_band_edges() {
        let rules = Rulebook::default_rules();
        let flips = flip_points(&facts(20_000.0), &rules);
        let acv: Vec<(&str, Motion)> = flips
            .iter()
            .filter(|f| f.change == "acv")
            .map(|f| (f.to.as_str(), f.motion))
            .collect();
        // Above $250,000 the band itself is enterprise; below $1,000 the guided
        // onboarding still leans toward sales, so self-serve is out of reach.
        assert_eq!(
            acv,
            [
                ("$50,001", Motion::SalesLed),
                ("$250,001", Motion::Enterprise),
                ("$4,999", Motion::Plg)
            ]
        );
        assert_eq!(
            sentence(&flips[0], &rules),
            "Raise ACV to $50,001 and the motion becomes Sales-led."
        );
    }

    #[test]
    fn single_answer_changes_are_listed() {
        let rules = Rulebook::default_rules();
        // Net lean -2.5: half a point short of PLG.
        let near = Facts {
            time_to_value: 1200.0,
            onboarding: Onboarding::SelfServe,
            ..facts(20_000.0)
        };
        assert_eq!(motion_of(&near, &rules), Motion::Hybrid);
        let changes: Vec<String> = flip_points(&near, &rules)
            .iter()
            .map(|f| format!("{}={}>{}", f.change, f.to, f.motion))
            .collect();
        for expected in [
            "buyer=individual>plg",
            "compliance=none>plg",
            "signals.viral_loops=true>plg",
        ] {
            assert!(
                changes.iter().any(|c| c == expected),
                "{expected} missing from {changes:?}"
            );
        }
        assert!(
            !changes.iter().any(|c| c.starts_with("buyer=committee")),
            "{changes:?}"
        );
    }

    #[test]
    fn readable_lengths() {
        assert_eq!(readable(600.0), "10 minutes");
        assert_eq!(readable(86_400.0), "1 day");
        assert_eq!(readable(604_800.0), "1 week");
        assert_eq!(readable(300.0), "5 minutes");
    }
}
