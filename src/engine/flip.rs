//! Flip points: holding everything else fixed, the nearest value of each
//! company-wide answer, in each direction, that changes the headline motion.
//! Found by running the same decision ([`headline_of`]) over the values
//! where it can change: every ACV and time threshold the rulebook's bands and
//! conditions use (in cents and seconds, on both sides), and every other
//! answer. Pure: no I/O.

use std::cmp::Ordering;

use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment};
use crate::profile::{Money, SegmentAnswers};
use crate::rulebook::{Condition, Rulebook, Test};

use super::decide::{decide, headline_of};
use super::readings::Facts;

/// Which way the headline moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Direction {
    /// The answer (or the price) falls, or the motion moves toward product.
    Down,
    /// The answer (or the price) rises, or the motion moves toward sales.
    Up,
}

impl Direction {
    /// `down` or `up`.
    pub fn id(self) -> &'static str {
        match self {
            Direction::Down => "down",
            Direction::Up => "up",
        }
    }
}

/// One change that gives another headline motion.
#[derive(Debug, Clone, PartialEq)]
pub struct FlipPoint {
    /// What changes: `acv`, `time_to_value`, `buyer`, ... or `signals.NAME`.
    pub change: String,
    /// For ACV and time, whether the value falls or rises; for other answers,
    /// whether the motion moves toward product or toward sales.
    pub direction: Direction,
    /// The new answer as shown to people, e.g. "$50,000.01" or "committee".
    pub to: String,
    /// The motion it gives.
    pub motion: Motion,
    /// The ids of the conflicts the company-wide answers would have after
    /// the change: a flip that lands on a motion the other answers fight
    /// says so.
    pub conflicts: Vec<String>,
}

/// A readable length for `seconds`, in the largest unit that divides it.
pub fn readable(seconds: f64) -> String {
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

fn conditions(rules: &Rulebook) -> impl Iterator<Item = &Condition> {
    rules
        .readings
        .iter()
        .flat_map(|t| t.rows.iter().flat_map(|r| r.when.iter().chain(&r.any)))
        .chain(rules.moves.iter().flat_map(|m| m.when.iter().chain(&m.any)))
}

/// Every ACV, in cents, on either side of a place where the decision can change.
fn acv_candidates(rules: &Rulebook) -> Vec<u64> {
    let mut out = vec![0];
    for (low, high) in Motion::ALL.iter().filter_map(|&m| rules.band_span(m)) {
        out.push(low);
        out.extend(low.checked_sub(1));
        out.extend(high);
        out.extend(high.map(|h| h + 1));
    }
    for c in conditions(rules) {
        match c.test {
            Test::AcvAtLeast(x) => out.extend([Some(x), x.checked_sub(1)].into_iter().flatten()),
            Test::AcvAtMost(x) => out.extend([x, x + 1]),
            _ => {}
        }
    }
    out.retain(|c| Money::from_cents(*c).is_ok());
    out.sort_unstable();
    out.dedup();
    out
}

/// Every time threshold, in seconds, the readings use.
fn time_thresholds(rules: &Rulebook) -> Vec<f64> {
    let mut out: Vec<f64> = conditions(rules)
        .filter_map(|c| match c.test {
            Test::TimeAtLeast(s) | Test::TimeBelow(s) => Some(s),
            _ => None,
        })
        .collect();
    out.sort_by(f64::total_cmp);
    out.dedup();
    out
}

/// Every single change that gives a headline other than the current one.
pub fn flip_points(facts: &Facts, segments: &[SegmentAnswers], rules: &Rulebook) -> Vec<FlipPoint> {
    let headline = |f: &Facts| headline_of(f, segments, rules);
    let conflicts_at = |f: &Facts| -> Vec<String> {
        decide(f, rules)
            .conflicts(f, rules)
            .iter()
            .map(|m| m.id.to_string())
            .collect()
    };
    let current = headline(facts);
    let mut flips = Vec::new();

    // ACV: the nearest candidate in each direction whose headline differs.
    let cents = facts.acv.cents();
    let candidates = acv_candidates(rules);
    let up = candidates.iter().filter(|c| **c > cents);
    let down = candidates.iter().rev().filter(|c| **c < cents);
    for (direction, mut walk) in [
        (
            Direction::Down,
            Box::new(down) as Box<dyn Iterator<Item = &u64>>,
        ),
        (Direction::Up, Box::new(up)),
    ] {
        let found = walk.find_map(|c| {
            let acv = Money::from_cents(*c).ok()?;
            let motion = headline(&Facts { acv, ..*facts });
            (motion != current).then_some((acv, motion))
        });
        if let Some((acv, motion)) = found {
            flips.push(FlipPoint {
                change: "acv".into(),
                direction,
                to: acv.to_string(),
                motion,
                conflicts: conflicts_at(&Facts { acv, ..*facts }),
            });
        }
    }

    // Time to value: just under each threshold below, or at each above.
    let thresholds = time_thresholds(rules);
    let t = facts.time_to_value;
    let down = thresholds
        .iter()
        .rev()
        .filter(|s| **s <= t)
        .map(|s| (*s - 1.0, format!("just under {}", readable(*s))));
    let found_down = down.filter(|(s, _)| *s > 0.0).find_map(|(s, text)| {
        let motion = headline(&Facts {
            time_to_value: s,
            ..*facts
        });
        (motion != current).then_some((s, text, motion))
    });
    let found_up = thresholds.iter().filter(|s| **s > t).find_map(|s| {
        let motion = headline(&Facts {
            time_to_value: *s,
            ..*facts
        });
        (motion != current).then(|| (*s, readable(*s), motion))
    });
    for (direction, found) in [(Direction::Down, found_down), (Direction::Up, found_up)] {
        if let Some((seconds, to, motion)) = found {
            flips.push(FlipPoint {
                change: "time_to_value".into(),
                direction,
                to,
                motion,
                conflicts: conflicts_at(&Facts {
                    time_to_value: seconds,
                    ..*facts
                }),
            });
        }
    }

    // Ordered answers: the nearest other value each way along the list.
    let mut ordered =
        |change: &str, ids: &[&'static str], now: usize, with: &dyn Fn(usize) -> Facts| {
            let below = (0..now).rev().map(|i| (Direction::Down, i));
            let above = (now + 1..ids.len()).map(|i| (Direction::Up, i));
            for walk in [below.collect::<Vec<_>>(), above.collect()] {
                if let Some((direction, i, motion)) = walk.into_iter().find_map(|(d, i)| {
                    let motion = headline(&with(i));
                    (motion != current).then_some((d, i, motion))
                }) {
                    flips.push(FlipPoint {
                        change: change.into(),
                        direction,
                        to: ids[i].into(),
                        motion,
                        conflicts: conflicts_at(&with(i)),
                    });
                }
            }
        };
    ordered("buyer", Buyer::IDS, facts.buyer.rank(), &|i| Facts {
        buyer: Buyer::ALL[i],
        ..*facts
    });
    ordered(
        "compliance",
        Compliance::IDS,
        facts.compliance.rank(),
        &|i| Facts {
            compliance: Compliance::ALL[i],
            ..*facts
        },
    );
    ordered(
        "onboarding",
        Onboarding::IDS,
        facts.onboarding.rank(),
        &|i| Facts {
            onboarding: Onboarding::ALL[i],
            ..*facts
        },
    );

    // Signals: unknown counts as false, so a yes/no signal flips between
    // true and false; the segment tries each value.
    type Slot = fn(&mut Facts) -> &mut Option<bool>;
    let flags: [(&str, Slot); 6] = [
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
        let now = slot(&mut probe).unwrap_or(false);
        *slot(&mut probe) = Some(!now);
        let motion = headline(&probe);
        if motion != current {
            let direction = if motion > current {
                Direction::Up
            } else {
                Direction::Down
            };
            flips.push(FlipPoint {
                change: name.into(),
                direction,
                to: (!now).to_string(),
                motion,
                conflicts: conflicts_at(&probe),
            });
        }
    }
    let mut by_segment: Vec<FlipPoint> = Segment::ALL
        .iter()
        .filter(|s| Some(**s) != facts.signals.segment)
        .filter_map(|s| {
            let mut probe = *facts;
            probe.signals.segment = Some(*s);
            let motion = headline(&probe);
            let direction = match motion.cmp(&current) {
                Ordering::Greater => Direction::Up,
                Ordering::Less => Direction::Down,
                Ordering::Equal => return None,
            };
            Some(FlipPoint {
                change: "signals.segment".into(),
                direction,
                to: s.id().into(),
                motion,
                conflicts: conflicts_at(&probe),
            })
        })
        .collect();
    // One per direction: the first in list order going up, the last going down.
    by_segment.dedup_by(|b, a| a.direction == b.direction && a.direction == Direction::Up);
    flips.extend(by_segment);
    flips
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Signals;

    fn facts(dollars: u64) -> Facts {
        Facts {
            acv: Money::from_dollars(dollars).unwrap(),
            time_to_value: 3.0 * 86_400.0,
            buyer: Buyer::Team,
            compliance: Compliance::Light,
            onboarding: Onboarding::Guided,
            signals: Signals::default(),
        }
    }

    #[test]
    fn acv_flips_are_the_nearest_cent_each_way() {
        let rules = Rulebook::default_rules();
        let flips = flip_points(&facts(20_000), &[], &rules);
        let acv: Vec<(Direction, &str, Motion)> = flips
            .iter()
            .filter(|f| f.change == "acv")
            .map(|f| (f.direction, f.to.as_str(), f.motion))
            .collect();
        // Down to the PLG band a guided product still needs help and a team
        // decides, so the motion stays hybrid until the self-serve band.
        assert_eq!(
            acv,
            [
                (Direction::Down, "$999.99", Motion::SelfServe),
                (Direction::Up, "$50,000.01", Motion::SalesLed)
            ]
        );
    }

    #[test]
    fn a_needs_sales_product_flips_at_25k() {
        let rules = Rulebook::default_rules();
        let f = Facts {
            onboarding: Onboarding::Implementation,
            ..facts(20_000)
        };
        let up: Vec<String> = flip_points(&f, &[], &rules)
            .iter()
            .filter(|p| p.change == "acv" && p.direction == Direction::Up)
            .map(|p| format!("{}>{}", p.to, p.motion))
            .collect();
        assert_eq!(up, ["$25,000>sales-led"]);
    }

    #[test]
    fn readable_lengths() {
        assert_eq!(readable(600.0), "10 minutes");
        assert_eq!(readable(86_400.0), "1 day");
        assert_eq!(readable(604_800.0), "1 week");
    }
}
