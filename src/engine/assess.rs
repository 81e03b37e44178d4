//! The assessment: the decision with everything needed to explain and act on
//! it — readings and the answers behind them, moves, conflicts, notes where
//! the documents disagree, evidence, findings, checklist and flip points.
//! Every sentence here comes from a rulebook rule that held for the final
//! decision, so none can contradict the headline. Pure: no I/O.

use evidence::{factors, handoffs, notes, view};

mod evidence;
mod parts;

pub use parts::{
    Confidence, Conflict, DecisionView, Factor, HandoffResult, Hold, Move, Note, ReadingResult,
    SegmentResult,
};

use crate::motion::Motion;
use crate::profile::{Money, Profile};
use crate::rulebook::Rulebook;

use super::checklist::{self, ChecklistEntry};
use super::decide::{Headline, ProfileDecision, decide_profile};
use super::findings::{self, Finding};
use super::flip::{self, FlipPoint};
use super::readings::Context;

/// The recommendation for one profile, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The profile's name.
    pub name: String,
    /// The recommended motion (the headline).
    pub motion: Motion,
    /// Clear or contested.
    pub confidence: Confidence,
    /// The company-wide ACV.
    pub acv: Money,
    /// The company-wide decision. Without segments its motion is the headline.
    pub decision: DecisionView,
    /// Notes where the documents disagree about this profile.
    pub notes: Vec<Note>,
    /// Every answer, ACV first, with what it feeds and says.
    pub factors: Vec<Factor>,
    /// Signals the profile left unanswered (they count as false).
    pub unanswered: Vec<&'static str>,
    /// The recommended motion's checklist, with progress.
    pub checklist: Vec<ChecklistEntry>,
    /// Practices and signals the documents warn about, given this motion.
    pub findings: Vec<Finding>,
    /// The nearest single changes that would give another motion.
    pub flip_points: Vec<FlipPoint>,
    /// How the headline was reached.
    pub headline: Headline,
    /// A decision per customer segment, when the profile describes segments.
    pub segments: Vec<SegmentResult>,
    /// The share of revenue the company-wide answers decide, 0..1.
    pub remainder_share: f64,
    /// The share of revenue per motion across the segments (and the rest).
    pub motion_mix: Vec<(Motion, f64)>,
    /// The hand-offs between the motions the segments need.
    pub handoffs: Vec<HandoffResult>,
    /// The motion the profile's `[expect]` names, if it names one.
    pub expected: Option<Motion>,
}

impl Assessment {
    /// The ACV band of the company-wide answers.
    pub fn acv_band(&self) -> Motion {
        self.decision.acv_band
    }

    /// The motion `[expect]` names when the answers no longer give it:
    /// `gtm check` fails on it, so every result says so.
    pub fn broken_expectation(&self) -> Option<Motion> {
        self.expected.filter(|m| *m != self.motion)
    }

    /// The conflicts of the company-wide decision.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.decision.conflicts
    }

    /// What a portfolio row shows of it; [`summarize`] makes the same
    /// without the explanation.
    pub fn summary(&self) -> Summary {
        Summary {
            motion: self.motion,
            acv_band: self.acv_band(),
            confidence: self.confidence,
            conflicts: self.conflicts().len(),
            findings: self.findings.len(),
            done: self.checklist.iter().filter(|i| i.done).count(),
            total: self.checklist.len(),
        }
    }
}

/// What a portfolio row shows of one profile, decided the same way as
/// [`assess`] but without writing any explanation: large portfolios need
/// only this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// The headline motion.
    pub motion: Motion,
    /// The company-wide ACV band.
    pub acv_band: Motion,
    /// Clear or contested.
    pub confidence: Confidence,
    /// Conflicts of the company-wide decision.
    pub conflicts: usize,
    /// Findings.
    pub findings: usize,
    /// Checklist items done.
    pub done: usize,
    /// Checklist items in all.
    pub total: usize,
}

/// The [`Summary`] of a profile.
pub fn summarize(profile: &Profile, rules: &Rulebook) -> Summary {
    let d = decide_profile(profile, rules);
    let facts = d.facts;
    let conflicts = d.company.conflicts(&facts, rules).len();
    let contested = d.motion != d.company.band
        || conflicts > 0
        || d.segments
            .iter()
            .any(|s| !s.decision.conflicts(&s.facts, rules).is_empty())
        || evidence::is_near_line(&facts, &d.company, rules);
    let ctx = Context {
        facts: &facts,
        readings: Some(&d.company.readings),
        practices: Some(&profile.practices),
        motion: Some(d.motion),
    };
    let (mut total, mut done) = (0, 0);
    let done_ids = checklist::done_ids(profile, rules);
    for item in checklist::applying(rules, d.motion, Some(&ctx)) {
        total += 1;
        done += usize::from(done_ids.iter().any(|id| id == item.id.get_ref()));
    }
    Summary {
        motion: d.motion,
        acv_band: d.company.band,
        confidence: if contested {
            Confidence::Contested
        } else {
            Confidence::Clear
        },
        conflicts,
        findings: findings::count(profile, &ctx, rules),
        done,
        total,
    }
}

/// How much of the assessment to work out besides the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything, flip points included.
    Full,
    /// Everything but the flip points, for outputs that do not show them
    /// (the text and Markdown recommendation): `flip_points` is left empty.
    WithoutFlipPoints,
}

/// Assesses a profile against a rulebook.
pub fn assess(profile: &Profile, rules: &Rulebook) -> Assessment {
    assess_with(profile, rules, Detail::Full)
}

/// Assesses a profile, working out only what `detail` asks for.
pub fn assess_with(profile: &Profile, rules: &Rulebook, detail: Detail) -> Assessment {
    let d: ProfileDecision = decide_profile(profile, rules);
    let facts = d.facts;
    let ttv = profile.time_to_value.to_string();
    let decision = view(&facts, &d.company, &ttv, rules);
    let (factors, unanswered) = factors(profile, &facts, d.company.band, rules);
    let ctx = Context {
        facts: &facts,
        readings: Some(&d.company.readings),
        practices: Some(&profile.practices),
        motion: Some(d.motion),
    };
    let segments: Vec<SegmentResult> = d
        .segments
        .iter()
        .zip(&profile.segments)
        .map(|(s, answers)| {
            let ttv = answers
                .time_to_value
                .as_ref()
                .map_or_else(|| ttv.clone(), |t| t.to_string());
            SegmentResult {
                name: s.name.clone(),
                acv: s.facts.acv,
                share: s.share,
                decision: view(&s.facts, &s.decision, &ttv, rules),
            }
        })
        .collect();
    let notes = notes(&facts, &d.company, rules);
    // A near-line note says the answers point across a line: contested too.
    let near_line = rules
        .near_line
        .as_ref()
        .is_some_and(|n| notes.iter().any(|x| x.id == n.id.get_ref().as_str()));
    let contested = d.motion != d.company.band
        || !decision.conflicts.is_empty()
        || segments.iter().any(|s| !s.decision.conflicts.is_empty())
        || near_line;
    let whole = f64::from(super::decide::WHOLE_BP);
    Assessment {
        name: profile.name.clone(),
        motion: d.motion,
        confidence: if contested {
            Confidence::Contested
        } else {
            Confidence::Clear
        },
        acv: profile.acv,
        notes,
        factors,
        unanswered,
        checklist: checklist::for_motion(
            rules,
            d.motion,
            Some(&ctx),
            &checklist::done_ids(profile, rules),
        ),
        findings: findings::lint(profile, &ctx, rules),
        flip_points: match detail {
            Detail::Full => flip::flip_points(&facts, &profile.segments, rules),
            Detail::WithoutFlipPoints => Vec::new(),
        },
        headline: d.headline,
        segments,
        remainder_share: if profile.segments.is_empty() {
            1.0
        } else {
            f64::from(d.remainder_bp) / whole
        },
        motion_mix: if profile.segments.is_empty() {
            Vec::new()
        } else {
            d.mix
                .iter()
                .map(|(m, bp)| (*m, f64::from(*bp) / whole))
                .collect()
        },
        handoffs: if profile.segments.is_empty() {
            Vec::new()
        } else {
            handoffs(&d.mix, rules)
        },
        expected: profile.expect_motion,
        decision,
    }
}

/// Whether the answer to the practice `key` (e.g. `free_trial`) can matter
/// for `profile`: some finding rule that applies to the motion the profile
/// is given reads it. The interview asks only such practice questions.
pub fn practice_matters(profile: &Profile, key: &str, rules: &Rulebook) -> bool {
    let motion = assess(profile, rules).motion;
    rules.finding_reads(&format!("practices.{key}"), motion)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::parse;

    fn assessed(body: &str) -> Assessment {
        let rules = Rulebook::default_rules();
        let src = format!("version = 1\nname = \"T\"\n{body}");
        assess(&parse(&src, "t.toml", &rules).unwrap(), &rules)
    }

    #[test]
    fn a_clear_hybrid_has_no_move_and_one_hold() {
        let a = assessed(
            "acv = \"$20k\"\ntime_to_value = \"3 days\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"guided\"\n",
        );
        assert_eq!(a.motion, Motion::Hybrid);
        assert_eq!(a.confidence, Confidence::Clear);
        assert!(a.decision.moves.is_empty());
        assert_eq!(a.decision.holds[0].rule, "hybrid-holds");
        let notes: Vec<&str> = a.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(
            notes,
            ["acv-plg-to-50k", "guided-onboarding", "light-review"]
        );
        assert_eq!(a.unanswered.len(), 8);
    }

    #[test]
    fn the_summary_is_the_assessment_in_brief_for_every_example() {
        let rules = Rulebook::default_rules();
        let mut seen = 0;
        for entry in std::fs::read_dir("profiles").unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let p = parse(&text, "p.toml", &rules).unwrap();
            let full = assess(&p, &rules).summary();
            assert_eq!(summarize(&p, &rules), full, "{}", path.display());
            seen += 1;
        }
        assert!(seen >= 20);
    }

    #[test]
    fn segments_decide_the_headline() {
        let a = assessed(
            "acv = \"$2k\"\ntime_to_value = \"10 minutes\"\nbuyer = \"individual\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n\n[signals]\nviral_loops = true\n\n[[segments]]\nname = \"Teams\"\nacv = \"$2k\"\nshare = 0.7\n\n[[segments]]\nname = \"Enterprise\"\nacv = \"$180k\"\nshare = 0.3\nbuyer = \"committee\"\ncompliance = \"review-before-trial\"\nonboarding = \"implementation\"\n\n[segments.signals]\nsegment = \"enterprise\"\n",
        );
        assert_eq!(a.segments[1].decision.motion, Motion::SalesLed);
        assert_eq!(a.headline, Headline::BothEnds);
        assert_eq!(a.motion, Motion::Hybrid);
        assert_eq!(a.decision.motion, Motion::Plg);
        assert_eq!(a.confidence, Confidence::Contested);
        // The enterprise segment's own signals replace the company's viral loops.
        assert_eq!(a.segments[1].decision.readings[2].value, "no");
    }
}
