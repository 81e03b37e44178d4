//! Lint: a profile's practices and signals against the documents' pitfalls,
//! as the rulebook's `[[findings]]` rules describe them, judged against the
//! recommended motion. Pure: no I/O.

use crate::diagnostic::{echo, nearest};
use crate::motion::Motion;
use crate::profile::Profile;
use crate::profile::pql::{Dead, dead};
use crate::rulebook::{FindingRule, Level, Rulebook, Test, Text};

use super::readings::Context;

/// The finding for a `[checklist] done` id the rulebook does not have.
pub const UNKNOWN_CHECKLIST_ID: &str = "unknown-checklist-id";

/// The finding for `[pql]` criteria that can never fire.
pub const PQL_CANNOT_FIRE: &str = "pql-cannot-fire";

/// One thing a profile does that the documents warn about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable kebab-case id.
    pub id: String,
    /// Error or warning.
    pub level: Level,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
    /// The citation.
    pub source: Text,
    /// The profile line it concerns, when the profile has that key.
    pub line: Option<usize>,
}

/// The rules that fire for `ctx.motion` as the recommendation.
fn firing<'r>(ctx: &Context<'_>, rules: &'r Rulebook) -> impl Iterator<Item = &'r FindingRule> {
    let recommended = ctx.motion.unwrap_or(Motion::Hybrid);
    rules
        .findings
        .iter()
        .filter(move |r| r.motions.is_empty() || r.motions.contains(&recommended))
        .filter(move |r| ctx.all_and_any(&r.when, &r.any))
}

/// How many findings [`lint`] reports, without writing them.
pub fn count(profile: &Profile, ctx: &Context<'_>, rules: &Rulebook) -> usize {
    let unknown = profile
        .checklist_done
        .iter()
        .filter(|id| rules.checklist_item(id).is_none())
        .count();
    // As many as `lint` writes: the first few one by one, the rest as one.
    let unknown = if unknown > UNKNOWN_IDS_SHOWN {
        UNKNOWN_IDS_SHOWN + 1
    } else {
        unknown
    };
    firing(ctx, rules).count() + unknown + profile.pql.as_ref().map_or(0, |p| dead(p).len())
}

/// Every finding rule that fires for `profile` when `ctx.motion` is the
/// recommendation, then a warning per unknown `[checklist] done` id.
pub fn lint(profile: &Profile, ctx: &Context<'_>, rules: &Rulebook) -> Vec<Finding> {
    let recommended = ctx.motion.unwrap_or(Motion::Hybrid);
    let mut out: Vec<Finding> = firing(ctx, rules)
        .map(|r| {
            let current = profile
                .practices
                .motion
                .map_or("none", |m| rules.motion(m).name.as_str());
            let fill = |text: &str| {
                text.replace("{current}", current)
                    .replace("{recommended}", &rules.motion(recommended).name)
            };
            let mut message = fill(&r.message);
            let compares = r
                .when
                .iter()
                .any(|c| c.test == Test::DiffersFromRecommendation);
            if let Some(switch) = profile
                .practices
                .motion
                .filter(|_| compares)
                .and_then(|from| {
                    rules
                        .switching
                        .iter()
                        .find(|s| s.from.contains(&from) && s.to.contains(&recommended))
                })
            {
                message.push_str(&format!(
                    " Switching means {}; it pays off when {} ({}).",
                    switch.cost,
                    switch.when,
                    rules.cite(&switch.source)
                ));
            }
            Finding {
                id: r.id.get_ref().to_string(),
                level: r.level,
                message,
                fix: fill(&r.fix),
                source: rules.cite(&r.source),
                line: profile.line_of(r.line.get_ref()),
            }
        })
        .collect();
    let unknown: Vec<&String> = profile
        .checklist_done
        .iter()
        .filter(|id| rules.checklist_item(id).is_none())
        .collect();
    for id in unknown.iter().take(UNKNOWN_IDS_SHOWN) {
        let ids = rules.checklist.iter().map(|i| i.id.get_ref().as_str());
        let fix = match nearest(id, ids) {
            Some(near) => format!(
                "Did you mean `{near}`? Replace the id, or remove it; `gtm checklist MOTION` lists the ids."
            ),
            None => "Remove it from `[checklist] done`; `gtm checklist MOTION` lists the ids."
                .to_string(),
        };
        out.push(Finding {
            id: UNKNOWN_CHECKLIST_ID.to_string(),
            level: Level::Warning,
            message: format!(
                "`{}` in `[checklist] done` is not a checklist item of this rulebook, so it counts for nothing.",
                echo(id)
            ),
            fix,
            source: rules.cite(&rules.checklist[0].source),
            line: profile.line_of("checklist.done"),
        });
    }
    out.extend(pql_findings(profile));
    if unknown.len() > UNKNOWN_IDS_SHOWN {
        out.push(Finding {
            id: UNKNOWN_CHECKLIST_ID.to_string(),
            level: Level::Warning,
            message: format!(
                "{} more ids in `[checklist] done` are not checklist items of this rulebook.",
                unknown.len() - UNKNOWN_IDS_SHOWN
            ),
            fix: "Remove them; `gtm checklist MOTION` lists the ids.".to_string(),
            source: rules.cite(&rules.checklist[0].source),
            line: profile.line_of("checklist.done"),
        });
    }
    out
}

/// A warning for each part of `[pql]` that can never fire, on its line.
fn pql_findings(profile: &Profile) -> Vec<Finding> {
    let Some(pql) = &profile.pql else {
        return Vec::new();
    };
    let line = |key: &str| {
        profile
            .line_of(&format!("pql.{key}"))
            .or_else(|| profile.line_of("pql"))
    };
    dead(pql)
        .into_iter()
        .map(|d| {
            let (message, fix, key) = match d {
                Dead::NoEvents { key, trigger } => (
                    format!("`{key}` is empty, so the {trigger} trigger can never fire."),
                    format!(
                        "Name the events of your export that mean it, or remove the `{key}` line to use the defaults."
                    ),
                    key,
                ),
                Dead::TargetsExcluded => (
                    "Every target domain is also excluded, so the account-based trigger can never fire.".to_string(),
                    "Take the target domains out of `exclude_domains`.".to_string(),
                    "target_domains",
                ),
                Dead::NoActivation => (
                    "`activation_events` is empty, so no account is ever activated and only a target account can reach a person.".to_string(),
                    "Name the event that means a new account got first value (a project created, a first report).".to_string(),
                    "activation_events",
                ),
                Dead::ActivationIsTrigger { key, trigger } => (
                    format!(
                        "Every event in `{key}` also activates an account, so the {trigger} trigger only repeats that the account is activated."
                    ),
                    "Keep activation and the trigger's events apart: activation is first value, the trigger is what follows it.".to_string(),
                    key,
                ),
            };
            Finding {
                id: PQL_CANNOT_FIRE.to_string(),
                level: Level::Warning,
                message,
                fix,
                source: Text::from("Mistake 4: No Signal System — Product-Led vs Sales-Led in 2026"),
                line: line(key),
            }
        })
        .collect()
}

/// How many unknown `[checklist] done` ids get a warning of their own (with
/// the nearest id); the rest are counted in one more warning.
const UNKNOWN_IDS_SHOWN: usize = 20;
