//! Several customer segments in one company: a motion per segment, the
//! company's motion mix, and the hand-offs between its motions. Pure: no I/O.

use crate::motion::Motion;
use crate::profile::{Money, Profile};
use crate::rulebook::Rulebook;
use crate::score::{Facts, motion_of};

/// One segment's result.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentResult {
    /// The segment's name.
    pub name: String,
    /// Its ACV.
    pub acv: Money,
    /// Its share of revenue, 0..1.
    pub share: f64,
    /// Its ACV band.
    pub acv_band: Motion,
    /// The motion for this segment.
    pub motion: Motion,
}

/// A hand-off between two motions the company runs, with its triggers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffResult {
    /// The more product-led motion.
    pub from: Motion,
    /// The more sales-led motion it hands accounts to.
    pub to: Motion,
    /// The triggers: id, sentence and citation.
    pub triggers: Vec<(String, String, String)>,
}

/// The segments' results, the share of revenue per motion (in motion order,
/// with any share left unassigned to no motion omitted), and the hand-offs.
pub fn assess_segments(
    profile: &Profile,
    rules: &Rulebook,
) -> (Vec<SegmentResult>, Vec<(Motion, f64)>, Vec<HandoffResult>) {
    let company = Facts::from(profile);
    let results: Vec<SegmentResult> = profile
        .segments
        .iter()
        .map(|s| {
            let facts = Facts {
                acv: s.acv.dollars(),
                buyer: s.buyer.unwrap_or(company.buyer),
                compliance: s.compliance.unwrap_or(company.compliance),
                onboarding: s.onboarding.unwrap_or(company.onboarding),
                ..company
            };
            SegmentResult {
                name: s.name.clone(),
                acv: s.acv,
                share: s.share,
                acv_band: rules.band(facts.acv),
                motion: motion_of(&facts, rules),
            }
        })
        .collect();
    let mix: Vec<(Motion, f64)> = Motion::ALL
        .iter()
        .map(|m| {
            (
                *m,
                results
                    .iter()
                    .filter(|r| r.motion == *m)
                    .map(|r| r.share)
                    .sum::<f64>(),
            )
        })
        .filter(|(m, _)| results.iter().any(|r| r.motion == *m))
        .collect();
    let present: Vec<Motion> = mix.iter().map(|(m, _)| *m).collect();
    let handoffs = present
        .windows(2)
        .map(|pair| HandoffResult {
            from: pair[0],
            to: pair[1],
            triggers: rules
                .handoffs
                .iter()
                .filter(|h| h.from.contains(&pair[0]) && h.to.contains(&pair[1]))
                .map(|h| {
                    (
                        h.id.get_ref().clone(),
                        h.text.clone(),
                        rules.cite(&h.source),
                    )
                })
                .collect(),
        })
        .collect();
    (results, mix, handoffs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::parse;

    const COMPANY: &str = "version = 1\nname = \"Multi\"\nacv = \"$20k\"\ntime_to_value = \"20 minutes\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"self-serve\"\n";

    #[test]
    fn each_segment_gets_its_motion_and_the_mix_adds_up() {
        let rules = Rulebook::default_rules();
        let src = format!(
            "{COMPANY}\n[[segments]]\nname = \"SMB\"\nacv = \"$2k\"\nshare = 0.5\n\n[[segments]]\nname = \"Mid\"\nacv = \"$20k\"\nshare = 0.3\n\n[[segments]]\nname = \"Enterprise\"\nacv = \"$180k\"\nshare = 0.2\nbuyer = \"committee\"\ncompliance = \"review-before-trial\"\nonboarding = \"implementation\"\n"
        );
        let p = parse(&src, "m.toml", &rules).unwrap();
        let (segments, mix, handoffs) = assess_segments(&p, &rules);
        let motions: Vec<Motion> = segments.iter().map(|s| s.motion).collect();
        assert_eq!(motions, [Motion::Plg, Motion::Hybrid, Motion::SalesLed]);
        assert_eq!(
            mix,
            [
                (Motion::Plg, 0.5),
                (Motion::Hybrid, 0.3),
                (Motion::SalesLed, 0.2)
            ]
        );
        assert_eq!(handoffs.len(), 2);
        assert_eq!(
            (handoffs[0].from, handoffs[0].to),
            (Motion::Plg, Motion::Hybrid)
        );
        let ids: Vec<&str> = handoffs[1].triggers.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(ids, ["account-trigger", "intent-trigger"]);
    }

    #[test]
    fn segment_problems_name_their_line() {
        let rules = Rulebook::default_rules();
        let bad = format!(
            "{COMPANY}\n[[segments]]\nname = \"A\"\nacv = \"$2k\"\nshare = 0.8\n\n[[segments]]\nname = \"B\"\nacv = -1\nshare = 0.7\nbuyr = \"team\"\n"
        );
        let problems = parse(&bad, "m.toml", &rules).unwrap_err().problems;
        let keys: Vec<Option<String>> = problems.iter().map(|p| p.key.clone()).collect();
        assert!(
            keys.contains(&Some("segments[1].acv".into())),
            "{problems:?}"
        );
        assert!(
            keys.contains(&Some("segments[1].buyr".into())),
            "{problems:?}"
        );
        let over = format!(
            "{COMPANY}\n[[segments]]\nname = \"A\"\nacv = 1\nshare = 0.8\n\n[[segments]]\nname = \"B\"\nacv = 2\nshare = 0.7\n"
        );
        let problems = parse(&over, "m.toml", &rules).unwrap_err().problems;
        assert!(
            problems[0].message.contains("add up to 1.5"),
            "{problems:?}"
        );
        let missing = format!("{COMPANY}\n[[segments]]\nname = \"A\"\n");
        let problems = parse(&missing, "m.toml", &rules).unwrap_err().problems;
        assert_eq!(problems.len(), 2, "acv and share missing: {problems:?}");
    }
}
