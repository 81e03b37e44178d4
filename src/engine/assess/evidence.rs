//! From a decision to what shows it: the decision view, which answers feed
//! which reading, the evidence table, the notes that apply and the
//! hand-offs between the motions a company runs.

use crate::engine::assess::{
    Conflict, DecisionView, Factor, HandoffResult, Hold, Move, Note, ReadingResult,
};
use crate::engine::decide::Decision;
use crate::engine::readings::{Context, Facts, because};
use crate::motion::Motion;
use crate::profile::{Money, Profile};
use crate::rulebook::{Key, Reading, Rulebook, Text};

/// The answer to a key, as people read it.
pub(super) fn shown(profile_facts: &Facts, ctx: &Context<'_>, key: Key, ttv_text: &str) -> String {
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
            id: m.id.to_string(),
            message: m.conflict.clone(),
            advice: m.advice.clone(),
            source: rules.cite(m.source),
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
pub(super) fn feeds(key: Key, rules: &Rulebook) -> String {
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

pub(super) fn factors(
    p: &Profile,
    facts: &Facts,
    band: Motion,
    rules: &Rulebook,
) -> (Vec<Factor>, Vec<&'static str>) {
    let ctx = Context::of(facts);
    let ttv = p.time_to_value.to_string();
    // `band` is the band the ACV fell in, so the rulebook has it.
    let (low, high) = rules.band_span(band).unwrap_or((0, None));
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

pub(super) fn notes(facts: &Facts, decision: &Decision, rules: &Rulebook) -> Vec<Note> {
    let ctx = Context {
        readings: Some(&decision.readings),
        ..Context::of(facts)
    };
    let held: Vec<&str> = decision
        .rules(rules)
        .map(|m| m.id.get_ref().as_str())
        .collect();
    let mut out: Vec<Note> = rules
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
        .collect();
    out.extend(near_line(facts, decision, &ctx, rules));
    out
}

/// Whether the near-line note applies to `decision`, for summaries that
/// build no notes.
pub(super) fn is_near_line(facts: &Facts, decision: &Decision, rules: &Rulebook) -> bool {
    let ctx = Context {
        readings: Some(&decision.readings),
        ..Context::of(facts)
    };
    near_line(facts, decision, &ctx, rules).is_some()
}

/// The lines near-line notes watch, in cents, each the lowest ACV of its
/// upper side: every band's edge, and the rulebook's other lines.
fn lines(rules: &Rulebook, also: &[Text]) -> Vec<u64> {
    let mut out: Vec<u64> = rules
        .acv
        .bands
        .iter()
        .filter_map(|b| b.top_cents.map(|top| top + 1))
        .chain(
            also.iter()
                .filter_map(|a| a.parse::<Money>().ok())
                .map(Money::cents),
        )
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The near-line note, when the ACV is within the rulebook's percent of a
/// line and the readings point across it to a motion the decision is not
/// already: the motion keeps to the line, and the note says where the
/// answers point. The nearest such line is named.
fn near_line(
    facts: &Facts,
    decision: &Decision,
    ctx: &Context<'_>,
    rules: &Rulebook,
) -> Option<Note> {
    let n = rules.near_line.as_ref()?;
    let cents = facts.acv.cents();
    let near = |line: u64| cents.abs_diff(line) * 100 <= line * u64::from(n.within_percent);
    let mut candidates: Vec<(u64, u64)> = lines(rules, &n.also)
        .into_iter()
        .filter(|&line| near(line))
        .filter_map(|line| {
            // Just above a line, the other side is a cent below it; just
            // below, the line itself.
            let (holds, across) = if cents >= line {
                (ctx.all_and_any(&n.above_when, &[]), line.checked_sub(1)?)
            } else {
                (ctx.all_and_any(&n.below_when, &[]), line)
            };
            holds.then_some((line, across))
        })
        .collect();
    candidates.sort_by_key(|(line, _)| cents.abs_diff(*line));
    candidates.into_iter().find_map(|(line, across)| {
        let other = Facts {
            acv: Money::from_cents(across).ok()?,
            ..*facts
        };
        let motion = crate::engine::decide::motion_of(&other, rules);
        (motion != decision.motion).then(|| {
            let money =
                |c: u64| Money::from_cents(c).map_or_else(|_| c.to_string(), |m| m.to_string());
            let message = n
                .message
                .replace("{acv}", &facts.acv.to_string())
                .replace("{line}", &money(line))
                .replace("{distance}", &money(cents.abs_diff(line)))
                .replace("{motion}", &rules.motion(motion).name);
            Note {
                id: n.id.get_ref().to_string(),
                summary: n.summary.clone(),
                message: Text::from(message),
                sources: n.sources.iter().map(|s| rules.cite(s)).collect(),
            }
        })
    })
}

pub(super) fn handoffs(mix: &[(Motion, u32)], rules: &Rulebook) -> Vec<HandoffResult> {
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
