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

/// Every single change that gives a motion other than `facts`' own.
pub fn flip_points(facts: &Facts, rules: &Rulebook) -> Vec<FlipPoint> {
    let current = motion_of(facts, rules);
    let mut flips = Vec::new();

    // ACV: walk the bands outward from the current one; each band edge where
    // the motion changes is a flip point.
    let spans = band_spans(rules);
    let here = rules.band(facts.acv).rank();
    let at = |acv: f64| motion_of(&Facts { acv, ..*facts }, rules);
    let mut previous = current;
    for &(low, _) in &spans[here + 1..] {
        let motion = at(low);
        if motion != previous {
            flips.push(FlipPoint {
                change: "acv".into(),
                to: dollars(low),
                motion,
                raise: true,
            });
            previous = motion;
        }
    }
    let mut previous = current;
    for &(_, high) in spans[..here].iter().rev() {
        if high < 0.0 {
            continue;
        }
        let motion = at(high);
        if motion != previous {
            flips.push(FlipPoint {
                change: "acv".into(),
                to: dollars(high),
                motion,
                raise: false,
            });
            previous = motion;
        }
    }

    // Time to value: the shortest time of every other range (half the first
    // range's edge for the first one, which starts at zero).
    let mut lower = 0.0;
    for range in &rules.time_to_value.ranges {
        let upper = range.below_seconds;
        let inside = facts.time_to_value >= lower && facts.time_to_value < upper;
        let start = if lower == 0.0 { upper / 2.0 } else { lower };
        lower = upper;
        if inside || !start.is_finite() {
            continue;
        }
        let motion = motion_of(
            &Facts {
                time_to_value: start,
                ..*facts
            },
            rules,
        );
        if motion != current {
            flips.push(FlipPoint {
                change: "time_to_value".into(),
                to: readable(start),
                motion,
                raise: false,
            });
        }
    }

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
    for &b in Buyer::ALL.iter().filter(|b| **b != facts.buyer) {
        try_change("buyer", b.id(), Facts { buyer: b, ..*facts });
    }
    for &c in Compliance::ALL.iter().filter(|c| **c != facts.compliance) {
        try_change(
            "compliance",
            c.id(),
            Facts {
                compliance: c,
                ..*facts
            },
        );
    }
    for &o in Onboarding::ALL.iter().filter(|o| **o != facts.onboarding) {
        try_change(
            "onboarding",
            o.id(),
            Facts {
                onboarding: o,
                ..*facts
            },
        );
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
        let now = *slot(&mut probe);
        for value in [Some(true), Some(false), None] {
            if value != now {
                *slot(&mut probe) = value;
                let to = value.map_or("unknown", |v| if v { "true" } else { "false" });
                try_change(name, to, probe);
            }
        }
    }
    let segments = Segment::ALL.iter().map(|s| Some(*s)).chain([None]);
    for segment in segments.filter(|s| *s != facts.signals.segment) {
        let changed = Facts {
            signals: crate::profile::Signals {
                segment,
                ..facts.signals
            },
            ..*facts
        };
        try_change(
            "signals.segment",
            segment.map_or("unknown", Segment::id),
            changed,
        );
    }
    let costs = SwitchingCost::ALL.iter().map(|s| Some(*s)).chain([None]);
    for cost in costs.filter(|c| *c != facts.signals.switching_cost) {
        let changed = Facts {
            signals: crate::profile::Signals {
                switching_cost: cost,
                ..facts.signals
            },
            ..*facts
        };
        try_change(
            "signals.switching_cost",
            cost.map_or("unknown", SwitchingCost::id),
            changed,
        );
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
