//! Scoring: a profile and a rulebook in, an assessment out. Pure: no I/O.
//!
//! The model, simple enough to explain on one screen:
//! 1. the ACV band gives the starting motion;
//! 2. every other answer leans toward product (negative weight), sales
//!    (positive) or neither, per the rulebook; the weights add up to a net lean;
//! 3. a net lean of at least the threshold moves the motion one step, never
//!    more; `self-serve` needs the lowest band and no sales-leaning answer at
//!    all, and `enterprise` needs the highest band.
//!
//! Every weight only rises as an answer grows more sales-heavy (the rulebook
//! refuses anything else), and each step above is monotone, so the whole is
//! monotone too.

use crate::checklist::{self, ChecklistEntry};
use crate::findings::{self as lint, Finding};
use crate::flip::{self, FlipPoint};
use crate::motion::{Buyer, Compliance, Motion, Onboarding};
use crate::profile::{Money, Profile, Signals};
use crate::rulebook::{Condition, FactorId, Lean, Rulebook};
use crate::segments::{HandoffResult, SegmentResult, assess_segments};

/// The recommendation for one profile, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The profile's name.
    pub name: String,
    /// The recommended motion.
    pub motion: Motion,
    /// The ACV band the profile falls in (the starting motion).
    pub acv_band: Motion,
    /// The profile's ACV.
    pub acv: Money,
    /// The sum of all weights: negative toward product, positive toward sales.
    pub lean_score: f64,
    /// How large `lean_score` must be to move the motion.
    pub threshold: f64,
    /// Which way the net lean moved the motion from the band.
    pub step: Step,
    /// Why the motion is not simply the band moved by `step`, if it is not.
    pub limit: Option<Limit>,
    /// The smallest change in lean that would give another motion.
    pub margin: Option<Margin>,
    /// Every answered factor, ACV first.
    pub factors: Vec<Factor>,
    /// Signals the profile left unanswered (they lean nowhere).
    pub unanswered: Vec<FactorId>,
    /// Answers that pull hard against the ACV band.
    pub conflicts: Vec<Conflict>,
    /// The recommended motion's checklist, with progress.
    pub checklist: Vec<ChecklistEntry>,
    /// Practices and signals the documents warn about, given this motion.
    pub findings: Vec<Finding>,
    /// Single changes that would give another motion.
    pub flip_points: Vec<FlipPoint>,
    /// A motion per customer segment, when the profile describes segments.
    pub segments: Vec<SegmentResult>,
    /// The share of revenue per motion across the segments.
    pub motion_mix: Vec<(Motion, f64)>,
    /// The hand-offs between the motions the segments need.
    pub handoffs: Vec<HandoffResult>,
}

/// The move the net lean asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// One step toward product-led motions.
    TowardProduct,
    /// No move: the lean is not clear enough.
    Stay,
    /// One step toward sales-led motions.
    TowardSales,
}

impl Step {
    fn offset(self) -> isize {
        match self {
            Step::TowardProduct => -1,
            Step::Stay => 0,
            Step::TowardSales => 1,
        }
    }
}

/// A rule of the model that held the motion back from the band plus the step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Self-serve only allows no sales-leaning answer at all.
    SelfServeNeedsNoSalesLean,
    /// Self-serve only happens in the lowest ACV band.
    SelfServeNeedsLowestBand,
    /// Enterprise only happens in the highest ACV band.
    EnterpriseNeedsHighestBand,
    /// The motion is already at that end of the scale.
    EndOfScale,
}

/// How close the profile is to another motion.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margin {
    /// Points of lean (the same units as the weights) that would change the motion.
    pub points: f64,
    /// The motion that change would give.
    pub motion: Motion,
}

/// One answered factor and its lean.
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    /// Factor id: `acv`, `time_to_value`, `buyer`, ... or a signal's name.
    pub id: &'static str,
    /// Label for tables.
    pub label: String,
    /// The answer as shown to people, e.g. "$12,000" or "20 minutes".
    pub value: String,
    /// The rule's weight.
    pub weight: f64,
    /// Which way it leans.
    pub lean: Lean,
    /// The citation, e.g. "ACV framework — Product-Led vs Sales-Led in 2026".
    pub source: String,
    /// Why the answer leans that way.
    pub why: String,
}

/// An answer that pulls hard against the ACV band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Stable id.
    pub id: String,
    /// What the conflict is.
    pub message: String,
    /// What to do about it.
    pub advice: String,
    /// The citation.
    pub source: String,
}

/// The answers that decide the motion, and nothing else: small and `Copy`,
/// so what-if questions can change one and score again cheaply.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Facts {
    /// ACV in dollars.
    pub acv: f64,
    /// Time to value in seconds.
    pub time_to_value: f64,
    /// Who buys.
    pub buyer: Buyer,
    /// Compliance burden.
    pub compliance: Compliance,
    /// Onboarding needs.
    pub onboarding: Onboarding,
    /// Optional signals.
    pub signals: Signals,
}

impl From<&Profile> for Facts {
    fn from(p: &Profile) -> Facts {
        Facts {
            acv: p.acv.dollars(),
            time_to_value: p.time_to_value.seconds(),
            buyer: p.buyer,
            compliance: p.compliance,
            onboarding: p.onboarding,
            signals: p.signals,
        }
    }
}

/// The motion alone, without the explanation: the same model as [`assess`],
/// allocation-free, for flip points and large portfolios.
pub fn motion_of(facts: &Facts, rules: &Rulebook) -> Motion {
    let band = rules.band(facts.acv);
    let mut score = *rules.duration_range(facts.time_to_value).weight.get_ref();
    let mut any_sales = score > 0.0;
    for &id in FactorId::CHOICES {
        if let Some(rule) = id.answer(facts).and_then(|a| rules.value_rule(id, a)) {
            score += rule.weight;
            any_sales |= rule.weight > 0.0;
        }
    }
    decide(band, score, any_sales, rules.lean.threshold).motion
}

/// Scores a profile against a rulebook.
pub fn assess(profile: &Profile, rules: &Rulebook) -> Assessment {
    let facts = Facts::from(profile);
    let acv_band = rules.band(profile.acv.dollars());
    let mut factors = vec![Factor {
        id: "acv",
        label: "ACV".to_string(),
        value: profile.acv.to_string(),
        weight: 0.0,
        lean: Lean::None,
        source: rules.cite(&rules.acv.source),
        why: format!(
            "Sets the starting motion: this ACV falls in the {} band.",
            rules.motion(acv_band).name
        ),
    }];

    let range = rules.duration_range(facts.time_to_value);
    factors.push(Factor {
        id: FactorId::TimeToValue.id(),
        label: rules.time_to_value.label.clone(),
        value: profile.time_to_value.to_string(),
        weight: *range.weight.get_ref(),
        lean: Lean::of(*range.weight.get_ref()),
        source: rules.cite(&range.source),
        why: range.why.clone(),
    });

    let mut unanswered = Vec::new();
    for &id in FactorId::CHOICES {
        let (Some(answer), Some(factor)) = (id.answer(&facts), rules.factor(id)) else {
            unanswered.push(id);
            continue;
        };
        // Validation guarantees a rule for every value.
        let Some(rule) = rules.value_rule(id, answer) else {
            continue;
        };
        factors.push(Factor {
            id: id.id(),
            label: factor.label.clone(),
            value: answer.to_string(),
            weight: rule.weight,
            lean: Lean::of(rule.weight),
            source: rules.cite(&rule.source),
            why: rule.why.clone(),
        });
    }

    let lean_score: f64 = factors.iter().map(|f| f.weight).sum();
    let any_sales = factors.iter().any(|f| f.lean == Lean::Sales);
    let threshold = rules.lean.threshold;
    let decision = decide(acv_band, lean_score, any_sales, threshold);
    let margin = margin(
        rules,
        acv_band,
        lean_score,
        any_sales,
        &factors,
        decision.motion,
    );

    let (segments, motion_mix, handoffs) = assess_segments(profile, rules);
    let conflicts = rules
        .conflicts
        .iter()
        .filter(|c| c.bands.contains(&acv_band))
        .filter(|c| c.when.iter().all(|cond| holds(cond, &factors)))
        .map(|c| Conflict {
            id: c.id.get_ref().clone(),
            message: c.message.clone(),
            advice: c.advice.clone(),
            source: rules.cite(&c.source),
        })
        .collect();

    Assessment {
        name: profile.name.clone(),
        motion: decision.motion,
        acv_band,
        acv: profile.acv,
        lean_score,
        threshold,
        step: decision.step,
        limit: decision.limit,
        margin,
        checklist: checklist::for_motion(rules, decision.motion, &profile.checklist_done),
        findings: lint::lint(profile, decision.motion, rules),
        flip_points: flip::flip_points(&facts, rules),
        segments,
        motion_mix,
        handoffs,
        factors,
        unanswered,
        conflicts,
    }
}

fn holds(cond: &Condition, factors: &[Factor]) -> bool {
    let id = cond.factor.get_ref().id();
    let Some(factor) = factors.iter().find(|f| f.id == id) else {
        return false;
    };
    match (&cond.values, cond.lean) {
        (Some(values), _) => values.contains(&factor.value),
        (None, Some(lean)) => factor.lean == lean,
        (None, None) => false,
    }
}

struct Decision {
    motion: Motion,
    step: Step,
    limit: Option<Limit>,
}

/// Steps 1 and 3 of the model: the band, moved at most one step, within the ends' rules.
fn decide(band: Motion, lean_score: f64, any_sales: bool, threshold: f64) -> Decision {
    let step = if lean_score <= -threshold {
        Step::TowardProduct
    } else if lean_score >= threshold {
        Step::TowardSales
    } else {
        Step::Stay
    };
    let last = Motion::ALL.len() - 1;
    let raw = band.rank() as isize + step.offset();
    let lowest = if band == Motion::SelfServe && !any_sales {
        0
    } else {
        1
    };
    let highest = if band == Motion::Enterprise {
        last
    } else {
        last - 1
    };
    let clamped = raw.clamp(lowest as isize, highest as isize) as usize;
    let limit = if clamped as isize == raw {
        None
    } else if raw < 0 || raw > last as isize {
        Some(Limit::EndOfScale)
    } else if raw < lowest as isize && band == Motion::SelfServe {
        Some(Limit::SelfServeNeedsNoSalesLean)
    } else if raw < lowest as isize {
        Some(Limit::SelfServeNeedsLowestBand)
    } else {
        Some(Limit::EnterpriseNeedsHighestBand)
    };
    Decision {
        motion: Motion::ALL[clamped],
        step,
        limit,
    }
}

/// The smallest change in net lean, in points, that gives another motion.
///
/// Two kinds of change can do it: moving the net lean across a threshold, and
/// (in the lowest band only) an answer starting or ceasing to lean toward sales.
fn margin(
    rules: &Rulebook,
    band: Motion,
    score: f64,
    any_sales: bool,
    factors: &[Factor],
    current: Motion,
) -> Option<Margin> {
    let t = rules.lean.threshold;
    let mut candidates: Vec<(f64, Motion)> = Vec::new();
    // Scores just across each threshold, and the distance to them.
    let probes = [
        (score > -t, -t, score + t),
        (score < t, t, t - score),
        (score <= -t, -t + f64::EPSILON.max(t * 1e-9), -t - score),
        (score >= t, t - f64::EPSILON.max(t * 1e-9), score - t),
    ];
    for (applies, probe, distance) in probes {
        if applies {
            let motion = decide(band, probe, any_sales, t).motion;
            if motion != current {
                candidates.push((distance.max(0.0), motion));
            }
        }
    }
    if band == Motion::SelfServe {
        let distance = if any_sales {
            // Every sales-leaning answer must drop to at most neutral.
            factors
                .iter()
                .filter(|f| f.weight > 0.0)
                .map(|f| f.weight - best_neutral(rules, f.id))
                .sum()
        } else {
            // The cheapest single answer that starts leaning toward sales.
            cheapest_sales_answer(rules, factors)
        };
        if distance.is_finite() {
            let sign = if any_sales { -1.0 } else { 1.0 };
            let motion = decide(band, score + sign * distance, !any_sales, t).motion;
            if motion != current {
                candidates.push((distance, motion));
            }
        }
    }
    candidates
        .into_iter()
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
        .map(|(points, motion)| Margin { points, motion })
}

/// The largest weight of a factor that does not lean toward sales.
fn best_neutral(rules: &Rulebook, id: &str) -> f64 {
    weights_of(rules, id)
        .into_iter()
        .filter(|w| *w <= 0.0)
        .fold(0.0_f64, f64::max)
}

fn weights_of(rules: &Rulebook, id: &str) -> Vec<f64> {
    if id == FactorId::TimeToValue.id() {
        return rules
            .time_to_value
            .ranges
            .iter()
            .map(|r| *r.weight.get_ref())
            .collect();
    }
    rules
        .factors
        .iter()
        .find(|f| f.id.get_ref().id() == id)
        .map(|f| f.values.iter().map(|v| v.weight).collect())
        .unwrap_or_default()
}

fn cheapest_sales_answer(rules: &Rulebook, factors: &[Factor]) -> f64 {
    let mut ids: Vec<&str> = vec![FactorId::TimeToValue.id()];
    ids.extend(FactorId::CHOICES.iter().map(|f| f.id()));
    ids.into_iter()
        .filter_map(|id| {
            let current = factors
                .iter()
                .find(|f| f.id == id)
                .map_or(0.0, |f| f.weight);
            let cheapest = weights_of(rules, id)
                .into_iter()
                .filter(|w| *w > 0.0)
                .reduce(f64::min)?;
            Some(cheapest - current)
        })
        .reduce(f64::min)
        .unwrap_or(f64::INFINITY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::parse;

    fn profile(
        acv: &str,
        ttv: &str,
        buyer: &str,
        compliance: &str,
        onboarding: &str,
        extra: &str,
    ) -> Profile {
        let src = format!(
            "version = 1\nname = \"T\"\nacv = \"{acv}\"\ntime_to_value = \"{ttv}\"\nbuyer = \"{buyer}\"\ncompliance = \"{compliance}\"\nonboarding = \"{onboarding}\"\n{extra}"
        );
        parse(&src, "t.toml", &Rulebook::default_rules()).unwrap()
    }

    fn motion(acv: &str, ttv: &str, buyer: &str, compliance: &str, onboarding: &str) -> Motion {
        assess(
            &profile(acv, ttv, buyer, compliance, onboarding, ""),
            &Rulebook::default_rules(),
        )
        .motion
    }

    #[test]
    fn pure_cases() {
        assert_eq!(
            motion("$500", "5m", "individual", "none", "self-serve"),
            Motion::SelfServe
        );
        assert_eq!(
            motion("$3k", "5m", "individual", "none", "self-serve"),
            Motion::Plg
        );
        assert_eq!(
            motion("$20k", "3 days", "team", "light", "guided"),
            Motion::Hybrid
        );
        assert_eq!(
            motion(
                "$100k",
                "2 months",
                "committee",
                "regulated",
                "implementation"
            ),
            Motion::SalesLed
        );
        assert_eq!(
            motion(
                "$1M",
                "3 months",
                "executive",
                "review-before-trial",
                "custom"
            ),
            Motion::Enterprise
        );
    }

    #[test]
    fn a_clear_lean_moves_one_step_only() {
        // Hybrid band, strongly product: one step to PLG, never to self-serve.
        assert_eq!(
            motion("$20k", "5m", "individual", "none", "self-serve"),
            Motion::Plg
        );
        // Hybrid band, strongly sales: one step to sales-led, never to enterprise.
        assert_eq!(
            motion("$20k", "3 months", "executive", "regulated", "custom"),
            Motion::SalesLed
        );
        // Enterprise band, strongly product: sales-led.
        assert_eq!(
            motion("$300k", "5m", "individual", "none", "self-serve"),
            Motion::SalesLed
        );
    }

    #[test]
    fn self_serve_needs_no_sales_lean_at_all() {
        let a = assess(
            &profile("$500", "5m", "individual", "none", "guided", ""),
            &Rulebook::default_rules(),
        );
        assert_eq!(a.motion, Motion::Plg);
        assert_eq!(a.limit, Some(Limit::SelfServeNeedsNoSalesLean));
    }

    #[test]
    fn conflicts_fire_against_the_band() {
        let a = assess(
            &profile("$3k", "5m", "team", "review-before-trial", "self-serve", ""),
            &Rulebook::default_rules(),
        );
        let ids: Vec<_> = a.conflicts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["review-before-trial-at-low-acv"]);
        let a = assess(
            &profile("$20k", "3 days", "team", "light", "guided", ""),
            &Rulebook::default_rules(),
        );
        assert!(a.conflicts.is_empty());
    }

    #[test]
    fn margin_is_the_distance_to_the_nearest_threshold() {
        // Balanced hybrid: score 0, threshold 3 either way; ties go to the earlier motion.
        let a = assess(
            &profile("$20k", "3 days", "team", "light", "guided", ""),
            &Rulebook::default_rules(),
        );
        assert_eq!(a.lean_score, 0.0);
        let m = a.margin.unwrap();
        assert_eq!(m.points, 3.0);
        assert_eq!(m.motion, Motion::Plg);
        // Self-serve: one sales-leaning answer away from PLG.
        let a = assess(
            &profile("$500", "5m", "individual", "none", "self-serve", ""),
            &Rulebook::default_rules(),
        );
        let m = a.margin.unwrap();
        assert_eq!(m.motion, Motion::Plg);
        assert_eq!(m.points, 1.0); // an unknown signal (0) turning to +1
    }

    #[test]
    fn unanswered_signals_lean_nowhere() {
        let a = assess(
            &profile("$20k", "3 days", "team", "light", "guided", ""),
            &Rulebook::default_rules(),
        );
        assert_eq!(a.unanswered.len(), 8);
        let b = assess(
            &profile(
                "$20k",
                "3 days",
                "team",
                "light",
                "guided",
                "[signals]\nviral_loops = true\n",
            ),
            &Rulebook::default_rules(),
        );
        assert_eq!(b.unanswered.len(), 7);
        assert_eq!(b.lean_score, -1.0);
    }
}
