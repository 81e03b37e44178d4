//! The decision: the ACV band and the three readings give the motion, moved
//! at most one step by the rulebook's move table; and for a profile with
//! segments, the headline made of the segments' decisions. Pure: no I/O.
//!
//! This is the one place a motion is decided. Explanations, flip points,
//! what-if, segments, reports and the CI gate all call [`decide`] or
//! [`decide_profile`], so none of them can disagree with the headline.

use crate::motion::Motion;
use crate::profile::{Profile, SegmentAnswers};
use crate::rulebook::{MoveRule, Rulebook, Source, Text};

use super::readings::{Context, Facts, Readings, read};

/// One decision: band, readings, the move rules that held, and the motion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// The ACV band's motion, where the decision starts.
    pub band: Motion,
    /// The three readings.
    pub readings: Readings,
    /// Indexes into the rulebook's `moves` of every rule of the band that held.
    pub held: Vec<usize>,
    /// The motion: the band's, or one step from it.
    pub motion: Motion,
}

impl Decision {
    /// The rules that held, in rulebook order.
    pub fn rules<'r>(&self, rules: &'r Rulebook) -> impl Iterator<Item = &'r MoveRule> {
        self.held.iter().map(move |&i| &rules.moves[i])
    }

    /// The ids of the rules that moved the motion (empty when it stayed).
    pub fn move_ids<'r>(&self, rules: &'r Rulebook) -> Vec<&'r str> {
        self.rules(rules)
            .filter(|m| m.to.is_some())
            .map(|m| m.id.get_ref().as_str())
            .collect()
    }

    /// The conflicts this decision reports, given the facts: those of the
    /// move rules that held, then those of the rulebook's `conflicts` whose
    /// motions include where the decision ends.
    pub fn conflicts<'r>(&self, facts: &Facts, rules: &'r Rulebook) -> Vec<Raised<'r>> {
        let ctx = Context {
            readings: Some(&self.readings),
            ..Context::of(facts)
        };
        let from_moves = self.rules(rules).filter_map(|m| {
            let conflict = m.conflict.as_ref()?;
            m.conflict_when
                .iter()
                .all(|c| ctx.holds(c))
                .then(|| Raised {
                    id: m.id.get_ref(),
                    conflict,
                    advice: m.advice.as_ref().unwrap_or(conflict),
                    source: &m.source,
                })
        });
        let at_the_end = rules
            .conflicts
            .iter()
            .filter(|c| c.motions.contains(&self.motion) && ctx.all_and_any(&c.when, &c.any))
            .map(|c| Raised {
                id: c.id.get_ref(),
                conflict: &c.conflict,
                advice: &c.advice,
                source: &c.source,
            });
        from_moves.chain(at_the_end).collect()
    }
}

/// A conflict a decision reports: which rule, what it says, what to do.
#[derive(Debug, Clone, Copy)]
pub struct Raised<'r> {
    /// The rule's id.
    pub id: &'r Text,
    /// The conflict.
    pub conflict: &'r Text,
    /// What to do about it.
    pub advice: &'r Text,
    /// Where it comes from.
    pub source: &'r Source,
}

/// Decides one set of facts.
pub fn decide(facts: &Facts, rules: &Rulebook) -> Decision {
    let mut held = Vec::new();
    let (band, readings, motion) = decide_with(facts, rules, |i| held.push(i));
    Decision {
        band,
        readings,
        held,
        motion,
    }
}

/// The motion alone, for callers that need nothing else (flip points,
/// portfolios): the same decision as [`decide`], without allocating.
pub fn motion_of(facts: &Facts, rules: &Rulebook) -> Motion {
    decide_with(facts, rules, |_| {}).2
}

/// The decision itself: band, readings, and the motion after the move
/// table; `held` hears the index of every rule of the band that holds.
fn decide_with(
    facts: &Facts,
    rules: &Rulebook,
    mut held: impl FnMut(usize),
) -> (Motion, Readings, Motion) {
    let band = rules.band(facts.acv);
    let readings = read(facts, rules);
    let ctx = Context {
        readings: Some(&readings),
        ..Context::of(facts)
    };
    let mut motion = band;
    for (i, rule) in rules.moves.iter().enumerate() {
        if *rule.band.get_ref() == band && ctx.all_and_any(&rule.when, &rule.any) {
            held(i);
            // Validation guarantees every move of a band has the same target.
            if let Some(to) = &rule.to {
                motion = *to.get_ref();
            }
        }
    }
    (band, readings, motion)
}

/// All of the revenue, in basis points.
pub const WHOLE_BP: u32 = 10_000;
/// The share each end of the scale needs for a hybrid headline, in basis points.
pub const BOTH_ENDS_BP: u32 = 2_000;

/// How the headline of a profile with segments was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headline {
    /// No segments: the company-wide decision.
    Single,
    /// Product-led and sales-led segments each carry at least 20%: hybrid.
    BothEnds,
    /// The revenue-weighted median motion.
    Median,
}

/// One segment's decision.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentDecision {
    /// The segment's name.
    pub name: String,
    /// Its share of revenue as written.
    pub share: f64,
    /// Its share in basis points.
    pub share_bp: u32,
    /// Its facts: its own answers, the company's for the rest.
    pub facts: Facts,
    /// Its decision.
    pub decision: Decision,
}

/// A profile's decision: the headline, and what it was made of.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileDecision {
    /// The headline motion.
    pub motion: Motion,
    /// How the headline was reached.
    pub headline: Headline,
    /// The company-wide facts.
    pub facts: Facts,
    /// The decision of the company-wide facts.
    pub company: Decision,
    /// Each described segment's decision (empty without segments).
    pub segments: Vec<SegmentDecision>,
    /// The share of revenue the company-wide facts decide (the rest after the
    /// segments), in basis points; all of it without segments.
    pub remainder_bp: u32,
    /// Revenue per motion in basis points, in motion order, zeros left out.
    pub mix: Vec<(Motion, u32)>,
}

/// The facts of one segment: its answers over the company's.
pub fn segment_facts(company: &Facts, s: &SegmentAnswers) -> Facts {
    Facts {
        acv: s.acv,
        time_to_value: s
            .time_to_value
            .as_ref()
            .map_or(company.time_to_value, |d| d.seconds()),
        buyer: s.buyer.unwrap_or(company.buyer),
        compliance: s.compliance.unwrap_or(company.compliance),
        onboarding: s.onboarding.unwrap_or(company.onboarding),
        signals: s.signals.unwrap_or(company.signals),
    }
}

/// Decides a profile: company-wide, per segment, and the headline.
pub fn decide_profile(profile: &Profile, rules: &Rulebook) -> ProfileDecision {
    decide_parts(&Facts::from(profile), &profile.segments, rules)
}

/// Decides company-wide facts and segments; flip points and what-if change
/// the facts and call this again.
pub fn decide_parts(
    company: &Facts,
    segments: &[SegmentAnswers],
    rules: &Rulebook,
) -> ProfileDecision {
    let decision = decide(company, rules);
    let segments: Vec<SegmentDecision> = segments
        .iter()
        .map(|s| {
            let facts = segment_facts(company, s);
            SegmentDecision {
                name: s.name.clone(),
                share: s.share,
                share_bp: s.share_bp,
                decision: decide(&facts, rules),
                facts,
            }
        })
        .collect();
    let described: u32 = segments.iter().map(|s| s.share_bp).sum();
    let remainder_bp = WHOLE_BP.saturating_sub(described);
    let mut by_motion = [0u32; 5];
    by_motion[decision.motion.rank()] += remainder_bp;
    for s in &segments {
        by_motion[s.decision.motion.rank()] += s.share_bp;
    }
    let (motion, headline) = if segments.is_empty() {
        (decision.motion, Headline::Single)
    } else {
        headline(&by_motion)
    };
    let mix = Motion::ALL
        .iter()
        .zip(by_motion)
        .filter(|(_, bp)| *bp > 0)
        .map(|(m, bp)| (*m, bp))
        .collect();
    ProfileDecision {
        motion,
        headline,
        facts: *company,
        company: decision,
        segments,
        remainder_bp,
        mix,
    }
}

/// The headline motion alone, without allocating: the same decision as
/// [`decide_parts`], for flip points.
pub fn headline_of(company: &Facts, segments: &[SegmentAnswers], rules: &Rulebook) -> Motion {
    let own = motion_of(company, rules);
    if segments.is_empty() {
        return own;
    }
    let mut by_motion = [0u32; 5];
    let described: u32 = segments.iter().map(|s| s.share_bp).sum();
    by_motion[own.rank()] += WHOLE_BP.saturating_sub(described);
    for s in segments {
        by_motion[motion_of(&segment_facts(company, s), rules).rank()] += s.share_bp;
    }
    headline(&by_motion).0
}

/// The headline of a revenue split (basis points per motion, in motion
/// order), per DESIGN.md "Segments".
pub fn headline(by_motion: &[u32; 5]) -> (Motion, Headline) {
    let product = by_motion[Motion::SelfServe.rank()] + by_motion[Motion::Plg.rank()];
    let sales = by_motion[Motion::SalesLed.rank()] + by_motion[Motion::Enterprise.rank()];
    if product >= BOTH_ENDS_BP && sales >= BOTH_ENDS_BP {
        return (Motion::Hybrid, Headline::BothEnds);
    }
    let mut cumulative = 0;
    for (m, bp) in Motion::ALL.iter().zip(by_motion) {
        cumulative += bp;
        if cumulative * 2 > WHOLE_BP {
            return (*m, Headline::Median);
        }
    }
    // Shares always add up to the whole, so the loop returns; the last motion
    // is the only answer consistent with a median past the end.
    (Motion::Enterprise, Headline::Median)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::default_rules;
    use crate::motion::{Buyer, Compliance, Onboarding};
    use crate::profile::Signals;

    fn facts(
        acv: u64,
        ttv_days: f64,
        buyer: Buyer,
        compliance: Compliance,
        onboarding: Onboarding,
    ) -> Facts {
        Facts {
            acv: crate::profile::Money::from_dollars(acv).unwrap(),
            time_to_value: ttv_days * 86_400.0,
            buyer,
            compliance,
            onboarding,
            signals: Signals::default(),
        }
    }

    #[test]
    fn the_design_example_moves_once_listing_both_rules() {
        let rules = default_rules();
        let f = facts(
            4_000,
            0.01,
            Buyer::Committee,
            Compliance::Light,
            Onboarding::Guided,
        );
        let d = decide(&f, &rules);
        assert_eq!((d.band, d.motion), (Motion::Plg, Motion::Hybrid));
        assert_eq!(d.move_ids(&rules), ["plg-needs-help", "plg-top-down"]);
        let conflicts: Vec<&str> = d
            .conflicts(&f, &rules)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(conflicts, ["plg-top-down"]);
    }

    #[test]
    fn a_single_buyer_keeps_plg_and_the_conflict_is_still_reported() {
        let rules = default_rules();
        let f = facts(
            3_000,
            0.01,
            Buyer::Individual,
            Compliance::Regulated,
            Onboarding::SelfServe,
        );
        let d = decide(&f, &rules);
        assert_eq!(d.motion, Motion::Plg);
        let conflicts: Vec<&str> = d
            .conflicts(&f, &rules)
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(conflicts, ["plg-individual-holds"]);
    }

    #[test]
    fn hybrid_moves_to_sales_led_only_from_25k_when_the_product_needs_sales() {
        let rules = default_rules();
        let needs_sales = |acv| {
            facts(
                acv,
                30.0,
                Buyer::Team,
                Compliance::Light,
                Onboarding::Implementation,
            )
        };
        assert_eq!(motion_of(&needs_sales(24_999), &rules), Motion::Hybrid);
        assert_eq!(motion_of(&needs_sales(25_000), &rules), Motion::SalesLed);
        let assisted = facts(
            45_000,
            3.0,
            Buyer::Team,
            Compliance::Light,
            Onboarding::Guided,
        );
        assert_eq!(motion_of(&assisted, &rules), Motion::Hybrid);
    }

    #[test]
    fn the_headline_follows_the_20_percent_rule_then_the_median() {
        let mut by = [0u32; 5];
        by[Motion::Plg.rank()] = 7_000;
        by[Motion::SalesLed.rank()] = 3_000;
        assert_eq!(headline(&by), (Motion::Hybrid, Headline::BothEnds));
        by[Motion::Plg.rank()] = 8_100;
        by[Motion::SalesLed.rank()] = 1_900;
        assert_eq!(headline(&by), (Motion::Plg, Headline::Median));
        let mut by = [0u32; 5];
        by[Motion::Hybrid.rank()] = 5_000;
        by[Motion::Enterprise.rank()] = 5_000;
        assert_eq!(headline(&by), (Motion::Enterprise, Headline::Median));
    }
}
