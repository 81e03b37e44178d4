//! The assessment: the decision with everything needed to explain and act on
//! it — readings and the answers behind them, moves, conflicts, notes where
//! the documents disagree, evidence, findings, checklist and flip points.
//! Every sentence here comes from a rulebook rule that held for the final
//! decision, so none can contradict the headline. Pure: no I/O.

use crate::motion::Motion;
use crate::profile::{Money, Profile};
use crate::rulebook::{Key, Reading, Rulebook, Text};

use super::checklist::{self, ChecklistEntry};
use super::decide::{Decision, Headline, ProfileDecision, decide_profile};
use super::findings::{self, Finding};
use super::flip::{self, FlipPoint};
use super::readings::{Context, Facts, because};

/// Whether the decision is plain or had to weigh answers against the price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// The motion is the band's and nothing conflicts.
    Clear,
    /// The motion moved from the band, or a conflict was found.
    Contested,
}

impl Confidence {
    /// `clear` or `contested`.
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Clear => "clear",
            Confidence::Contested => "contested",
        }
    }
}

/// One reading with what decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingResult {
    /// Which reading.
    pub reading: Reading,
    /// Its value, e.g. `needs-assist`.
    pub value: &'static str,
    /// The answers that decided it, as (key, answer shown to people).
    pub because: Vec<(Key, String)>,
    /// What the value means, from the rulebook row.
    pub message: Text,
    /// The citation of that row.
    pub source: Text,
}

/// A move of the motion from the band, with every rule that called for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// The band's motion.
    pub from: Motion,
    /// The motion it moved to.
    pub to: Motion,
    /// The ids of the rules that held.
    pub rules: Vec<String>,
    /// Why, one sentence per rule.
    pub messages: Vec<Text>,
    /// The citations, one per rule.
    pub sources: Vec<Text>,
}

/// A rule that held the band's motion where it is, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Hold {
    /// The rule's id.
    pub rule: String,
    /// Why the motion stays.
    pub message: Text,
    /// The citation.
    pub source: Text,
}

/// One answer shown as evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    /// The key: `acv`, `time_to_value`, `buyer`, ... or a signal's name.
    pub id: &'static str,
    /// Label for tables.
    pub label: &'static str,
    /// The answer as shown to people, e.g. "$12,000" or "20 minutes".
    pub value: String,
    /// What the answer feeds: `band`, the readings it decides (e.g.
    /// `product, buyer`), or `evidence` when it never changes the motion.
    pub reading: String,
    /// The citation.
    pub source: Text,
    /// What the answer says.
    pub message: Text,
}

/// A place where the product or buyer reading and the price point at
/// opposite ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The id of the move rule that reports it.
    pub id: String,
    /// What the conflict is.
    pub message: Text,
    /// What to do about it.
    pub advice: Text,
    /// The citation.
    pub source: Text,
}

/// Where the two documents disagree on this profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Stable id.
    pub id: String,
    /// The disagreement in one short line.
    pub summary: Text,
    /// What each says and what the tool does.
    pub message: Text,
    /// The sections that disagree.
    pub sources: Vec<Text>,
}

/// One decision laid out for people: band, readings, moves, holds, motion.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionView {
    /// The ACV band's motion.
    pub acv_band: Motion,
    /// The three readings.
    pub readings: Vec<ReadingResult>,
    /// The move, if the motion left the band (at most one).
    pub moves: Vec<Move>,
    /// Rules that held the motion in its band.
    pub holds: Vec<Hold>,
    /// Conflicts the rules that held report.
    pub conflicts: Vec<Conflict>,
    /// The motion.
    pub motion: Motion,
}

/// One segment's result.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentResult {
    /// The segment's name.
    pub name: String,
    /// Its ACV.
    pub acv: Money,
    /// Its share of revenue, 0..1.
    pub share: f64,
    /// Its decision.
    pub decision: DecisionView,
}

/// A hand-off between two motions the company runs, with its triggers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffResult {
    /// The more product-led motion.
    pub from: Motion,
    /// The more sales-led motion it hands accounts to.
    pub to: Motion,
    /// The triggers: id, sentence and citation.
    pub triggers: Vec<(Text, Text, Text)>,
}

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
}

impl Assessment {
    /// The ACV band of the company-wide answers.
    pub fn acv_band(&self) -> Motion {
        self.decision.acv_band
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

/// The answer to a key, as people read it.
fn shown(profile_facts: &Facts, ctx: &Context<'_>, key: Key, ttv_text: &str) -> String {
    match key {
        Key::Acv => profile_facts.acv.to_string(),
        Key::TimeToValue => ttv_text.to_string(),
        _ => ctx.answer(key).unwrap_or("unknown").to_string(),
    }
}

/// Lays out one decision for people.
pub fn view(facts: &Facts, decision: &Decision, ttv_text: &str, rules: &Rulebook) -> DecisionView {
    let ctx = Context {
        readings: Some(&decision.readings),
        ..Context::of(facts)
    };
    let readings = Reading::ALL
        .iter()
        .map(|&r| {
            let row = &rules.reading(r).rows[decision.readings.row(r)];
            ReadingResult {
                reading: r,
                value: decision.readings.value(r),
                because: because(facts, &decision.readings, r, rules)
                    .into_iter()
                    .map(|k| (k, shown(facts, &ctx, k, ttv_text)))
                    .collect(),
                message: row.message.clone(),
                source: rules.cite(&row.source),
            }
        })
        .collect();
    let mut moves = Vec::new();
    let mut holds = Vec::new();
    for rule in decision.rules(rules) {
        match &rule.to {
            Some(to) => {
                if moves.is_empty() {
                    moves.push(Move {
                        from: decision.band,
                        to: *to.get_ref(),
                        rules: Vec::new(),
                        messages: Vec::new(),
                        sources: Vec::new(),
                    });
                }
                let m = &mut moves[0];
                m.rules.push(rule.id.get_ref().to_string());
                m.messages.push(rule.message.clone());
                m.sources.push(rules.cite(&rule.source));
            }
            None => holds.push(Hold {
                rule: rule.id.get_ref().to_string(),
                message: rule.message.clone(),
                source: rules.cite(&rule.source),
            }),
        }
    }
    let conflicts = decision
        .conflicts(facts, rules)
        .into_iter()
        .map(|m| Conflict {
            id: m.id.get_ref().to_string(),
            message: m.conflict.clone().unwrap_or_default(),
            advice: m.advice.clone().unwrap_or_default(),
            source: rules.cite(&m.source),
        })
        .collect();
    DecisionView {
        acv_band: decision.band,
        readings,
        moves,
        holds,
        conflicts,
        motion: decision.motion,
    }
}

/// Which readings a key feeds, for the evidence table.
fn feeds(key: Key, rules: &Rulebook) -> String {
    if key == Key::Acv {
        return "band".into();
    }
    let names: Vec<&str> = rules
        .readings
        .iter()
        .filter(|t| {
            t.rows
                .iter()
                .flat_map(|r| r.when.iter().chain(&r.any))
                .any(|c| c.test.key() == Some(key))
        })
        .map(|t| t.id.get_ref().id())
        .collect();
    if names.is_empty() {
        "evidence".into()
    } else {
        names.join(", ")
    }
}

fn factors(
    p: &Profile,
    facts: &Facts,
    band: Motion,
    rules: &Rulebook,
) -> (Vec<Factor>, Vec<&'static str>) {
    let ctx = Context::of(facts);
    let ttv = p.time_to_value.to_string();
    let (low, high) = rules.band_span(band);
    let range = |c: u64| Money::from_cents(c).map_or(String::new(), |m| m.to_string());
    let span = match high {
        Some(h) if low == 0 => format!("up to {}", range(h)),
        Some(h) => format!("{} to {}", range(low), range(h)),
        None => format!("{} or more", range(low)),
    };
    let mut out = vec![Factor {
        id: "acv",
        label: Key::Acv.label(),
        value: facts.acv.to_string(),
        reading: "band".into(),
        source: rules.cite(&rules.acv.source),
        message: Text::from(format!(
            "Sets the starting motion: {} ({span}).",
            rules.motion(band).name
        )),
    }];
    let mut unanswered = Vec::new();
    let mut keys = vec![
        Key::TimeToValue,
        Key::Buyer,
        Key::Compliance,
        Key::Onboarding,
    ];
    keys.extend((0..crate::rulebook::SIGNALS.len()).map(Key::Signal));
    for key in keys {
        let name = key.name();
        let Some(table) = rules.evidence(&name) else {
            continue;
        };
        let row = if key == Key::TimeToValue {
            table
                .rows
                .iter()
                .find(|r| facts.time_to_value < r.below_seconds)
        } else {
            let Some(answer) = ctx.answer(key) else {
                unanswered.push(key.short());
                continue;
            };
            table
                .rows
                .iter()
                .find(|r| r.value.as_deref() == Some(answer))
        };
        if let Some(row) = row {
            out.push(Factor {
                id: key.short(),
                label: key.label(),
                value: shown(facts, &ctx, key, &ttv),
                reading: feeds(key, rules),
                source: rules.cite(&row.source),
                message: row.message.clone(),
            });
        }
    }
    (out, unanswered)
}

fn notes(facts: &Facts, decision: &Decision, rules: &Rulebook) -> Vec<Note> {
    let ctx = Context {
        readings: Some(&decision.readings),
        ..Context::of(facts)
    };
    let held: Vec<&str> = decision
        .rules(rules)
        .map(|m| m.id.get_ref().as_str())
        .collect();
    rules
        .notes
        .iter()
        .filter(|n| match &n.with_move {
            Some(m) => held.contains(&m.get_ref().as_str()),
            None => ctx.all_and_any(&n.when, &n.any),
        })
        .map(|n| Note {
            id: n.id.get_ref().to_string(),
            summary: n.summary.clone(),
            message: n.message.clone(),
            sources: n.sources.iter().map(|s| rules.cite(s)).collect(),
        })
        .collect()
}

fn handoffs(mix: &[(Motion, u32)], rules: &Rulebook) -> Vec<HandoffResult> {
    let present: Vec<Motion> = mix.iter().map(|(m, _)| *m).collect();
    present
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
        .collect()
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
            .any(|s| !s.decision.conflicts(&s.facts, rules).is_empty());
    let ctx = Context {
        facts: &facts,
        readings: Some(&d.company.readings),
        practices: Some(&profile.practices),
        motion: Some(d.motion),
    };
    let (mut total, mut done) = (0, 0);
    for item in checklist::applying(rules, d.motion, Some(&ctx)) {
        total += 1;
        done += usize::from(
            profile
                .checklist_done
                .iter()
                .any(|id| id == item.id.get_ref()),
        );
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
    let contested = d.motion != d.company.band
        || !decision.conflicts.is_empty()
        || segments.iter().any(|s| !s.decision.conflicts.is_empty());
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
        notes: notes(&facts, &d.company, rules),
        factors,
        unanswered,
        checklist: checklist::for_motion(rules, d.motion, Some(&ctx), &profile.checklist_done),
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
