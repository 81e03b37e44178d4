//! The CI gate: a profile passes when it is valid, its `[expect] motion` (if
//! any) is the recommendation, and no error-level finding remains after the
//! allow lists. Pure: no I/O.

use super::assess::Assessment;
use super::findings::Finding;
use crate::motion::Motion;
use crate::profile::Profile;
use crate::rulebook::{Level, Rulebook};

/// The gate's own finding ids (the rulebook's lint rules add theirs);
/// the rulebook refuses rules that reuse them.
pub use crate::rulebook::RESERVED_FINDING_IDS as GATE_IDS;
/// `[expect] motion` differs from the recommendation.
pub const EXPECTED_MOTION: &str = "expected-motion";
/// `--require-checklist` and items remain.
pub const CHECKLIST_INCOMPLETE: &str = "checklist-incomplete";
/// The profile could not be read; reported by the edge, listed here so its id is reserved.
pub const INVALID_PROFILE: &str = "invalid-profile";
/// The motion differs from the baseline's (`--baseline`, `--baseline-ref`).
pub const MOTION_CHANGED: &str = "motion-changed";

/// How strict the gate is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GateOptions {
    /// Warnings fail the check too.
    pub deny_warnings: bool,
    /// Finding ids silenced from the command line (the profile's `[check] allow` adds to these).
    pub allow: Vec<String>,
    /// Every checklist item of the recommended motion must be done.
    pub require_checklist: bool,
    /// A `motion-changed` notice fails the check (`--deny motion-changed`).
    pub deny_motion_changed: bool,
}

/// What the profile gave before the change a baseline stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baseline {
    /// The baseline's motion.
    pub motion: Motion,
    /// Where it came from, as the message names it (`origin/main:gtm.toml`).
    pub name: String,
    /// The message of the notice, worded by the caller (the engine writes
    /// no prose of its own beyond its findings').
    pub message: String,
    /// The profile key of the first changed answer that moved it, for the
    /// notice's line.
    pub key: Option<String>,
}

/// The gate's verdict on one valid profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The recommended motion.
    pub motion: Motion,
    /// The expected motion, if the profile names one.
    pub expected: Option<Motion>,
    /// Findings that count, in rulebook order after the gate's own, each
    /// with whether it fails the check.
    pub findings: Vec<Gated>,
    /// Ids that fired but were allowed.
    pub allowed: Vec<String>,
    /// Whether the profile passes.
    pub passed: bool,
}

/// A finding as the gate judged it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gated {
    /// The finding.
    pub finding: Finding,
    /// Whether it fails the check: an error, or a warning under
    /// `--deny warnings`.
    pub fails: bool,
}

impl Gated {
    /// A file that could not be read or is not a valid profile: its
    /// problem as a finding, which always fails.
    pub fn invalid(finding: Finding) -> Gated {
        Gated {
            finding,
            fails: true,
        }
    }
}

/// Whether a finding fails the check under `opts`.
fn fails(finding: &Finding, opts: &GateOptions) -> bool {
    match finding.level {
        Level::Error => true,
        Level::Warning => opts.deny_warnings,
        Level::Notice => opts.deny_motion_changed && finding.id == MOTION_CHANGED,
    }
}

/// Every finding id the gate can report: its own, then the rulebook's.
pub fn all_ids(rules: &Rulebook) -> Vec<&str> {
    rules.finding_ids()
}

/// Judges one profile.
pub fn judge(
    profile: &Profile,
    assessment: &Assessment,
    rules: &Rulebook,
    opts: &GateOptions,
) -> Verdict {
    judge_against(profile, assessment, rules, opts, None)
}

/// Judges one profile, and against its baseline when there is one: a
/// motion other than the baseline's is a `motion-changed` notice, on the
/// line of the answer that moved it.
pub fn judge_against(
    profile: &Profile,
    assessment: &Assessment,
    rules: &Rulebook,
    opts: &GateOptions,
    baseline: Option<&Baseline>,
) -> Verdict {
    let mut all = Vec::new();
    if let Some(b) = baseline.filter(|b| b.motion != assessment.motion) {
        all.push(Finding {
            id: MOTION_CHANGED.to_string(),
            level: Level::Notice,
            message: b.message.clone(),
            fix: format!(
                "Run `gtm diff` with the version in {} to see what the change did. A new motion \
                 that is meant needs no change here; under --deny motion-changed the check \
                 fails until the baseline gives it too.",
                b.name
            ),
            source: rules.cite(&rules.acv.source),
            line: b
                .key
                .as_deref()
                .and_then(|k| {
                    // Answers are named by their short key (`viral_loops`);
                    // the profile records lines by full key.
                    profile
                        .line_of(k)
                        .or_else(|| profile.line_of(&format!("signals.{k}")))
                        .or_else(|| profile.line_of(&format!("practices.{k}")))
                })
                .or_else(|| profile.line_of("acv")),
        });
    }
    if let Some(expected) = profile.expect_motion.filter(|m| *m != assessment.motion) {
        all.push(Finding {
            id: EXPECTED_MOTION.to_string(),
            level: Level::Error,
            message: format!(
                "The profile expects {}, but its answers now give {}.",
                rules.motion(expected).name,
                rules.motion(assessment.motion).name
            ),
            fix: format!(
                "Run `gtm explain` to see which answers moved it; then change the motion you plan for, or set `[expect] motion = \"{}\"`.",
                assessment.motion.id()
            ),
            source: rules.cite(&rules.acv.source),
            line: profile.line_of("expect.motion"),
        });
    }
    if opts.require_checklist {
        let remaining: Vec<&str> = assessment
            .checklist
            .iter()
            .filter(|i| !i.done)
            .map(|i| i.id.as_str())
            .collect();
        if !remaining.is_empty() {
            all.push(Finding {
                id: CHECKLIST_INCOMPLETE.to_string(),
                level: Level::Error,
                message: format!(
                    "{} of {} checklist items for {} remain: {}.",
                    remaining.len(),
                    assessment.checklist.len(),
                    rules.motion(assessment.motion).name,
                    remaining.join(", ")
                ),
                fix: "Do them and list their ids in `[checklist] done`; `gtm checklist MOTION` describes each.".to_string(),
                source: "Implementation checklist — Product-Led vs Sales-Led in 2026".into(),
                line: profile.line_of("checklist.done").or_else(|| profile.line_of("checklist")),
            });
        }
    }
    all.extend(assessment.findings.iter().cloned());
    let is_allowed = |id: &str| {
        opts.allow
            .iter()
            .chain(&profile.check_allow)
            .any(|a| a == id)
    };
    let (allowed, findings): (Vec<Finding>, Vec<Finding>) =
        all.into_iter().partition(|f| is_allowed(&f.id));
    let findings: Vec<Gated> = findings
        .into_iter()
        .map(|finding| Gated {
            fails: fails(&finding, opts),
            finding,
        })
        .collect();
    let passed = !findings.iter().any(|g| g.fails);
    Verdict {
        motion: assessment.motion,
        expected: profile.expect_motion,
        findings,
        allowed: allowed.into_iter().map(|f| f.id).collect(),
        passed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::assess::assess;
    use crate::profile::parse;

    fn verdict(src: &str, opts: &GateOptions) -> Verdict {
        let rules = Rulebook::default_rules();
        let p = parse(src, "t.toml", &rules).unwrap();
        judge(&p, &assess(&p, &rules), &rules, opts)
    }

    const HYBRID: &str = "version = 1\nname = \"T\"\nacv = \"$20k\"\ntime_to_value = \"3 days\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"guided\"\n";

    #[test]
    fn a_clean_profile_passes_and_a_wrong_expectation_fails() {
        assert!(verdict(HYBRID, &GateOptions::default()).passed);
        let v = verdict(
            &format!("{HYBRID}[expect]\nmotion = \"hybrid\"\n"),
            &GateOptions::default(),
        );
        assert!(v.passed);
        let v = verdict(
            &format!("{HYBRID}[expect]\nmotion = \"plg\"\n"),
            &GateOptions::default(),
        );
        assert!(!v.passed);
        assert_eq!(v.findings[0].finding.id, EXPECTED_MOTION);
        assert_eq!(v.findings[0].finding.line, Some(9));
    }

    #[test]
    fn warnings_fail_only_when_denied() {
        let src = format!("{HYBRID}[practices]\npricing_public = false\n");
        assert!(verdict(&src, &GateOptions::default()).passed);
        let strict = GateOptions {
            deny_warnings: true,
            ..GateOptions::default()
        };
        assert!(!verdict(&src, &strict).passed);
    }

    #[test]
    fn allow_lists_silence_findings() {
        let src = format!("{HYBRID}[practices]\ndemo_required = true\n");
        assert!(!verdict(&src, &GateOptions::default()).passed);
        let cli = GateOptions {
            allow: vec!["demo-required-to-start".into()],
            ..GateOptions::default()
        };
        let v = verdict(&src, &cli);
        assert!(v.passed);
        assert_eq!(v.allowed, ["demo-required-to-start"]);
        let in_profile = format!("{src}[check]\nallow = [\"demo-required-to-start\"]\n");
        assert!(verdict(&in_profile, &GateOptions::default()).passed);
    }

    #[test]
    fn the_checklist_gate_lists_what_remains() {
        let opts = GateOptions {
            require_checklist: true,
            ..GateOptions::default()
        };
        let v = verdict(HYBRID, &opts);
        assert!(!v.passed);
        assert!(
            v.findings[0]
                .finding
                .message
                .contains("define-pql-criteria")
        );
        let rules = Rulebook::default_rules();
        let every: Vec<String> =
            crate::engine::checklist::for_motion(&rules, Motion::Hybrid, None, &[])
                .into_iter()
                .map(|i| format!("\"{}\"", i.id))
                .collect();
        let done = format!("{HYBRID}[checklist]\ndone = [{}]\n", every.join(", "));
        assert!(verdict(&done, &opts).passed);
    }
}
