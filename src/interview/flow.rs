//! The prompting loop: asks the questions in order through a prompt layer
//! ([`Ask`]), with a way back, the optional questions behind a gate, and
//! the segments. It knows nothing of the decision: whether a practice
//! question can matter is asked of the caller.

use super::answers::{Answers, SegmentText};
use super::questions::{
    BACK, BACK_TYPED, CORE, Check, CheckFn, Choice, Field, OPTIONAL, OPTIONAL_GATE, Question, SAME,
    SEGMENTS_GATE, SEGMENTS_HELP, acv_or_back, check_acv, check_for, check_share_of, choices,
    choices_for, duration_or_back, share_bp,
};
use crate::motion::{Buyer, Compliance, Onboarding};
use crate::profile::{Profile, check_name};

/// Why an interview stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Esc or Ctrl-C.
    Interrupted,
    /// End of input (Ctrl-D, or the terminal went away).
    EndOfInput,
}

/// What a prompt layer must offer. Each call may end the interview.
pub trait Ask {
    /// Shows the help line of the next question.
    fn help(&mut self, text: &str);
    /// Asks for text; an empty answer takes `default`. Re-asks, showing the
    /// reason, until `check` accepts the answer.
    fn text(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: Check<'_>,
    ) -> Result<String, Stop>;
    /// Asks to pick one of `choices`, with the cursor on `default`; returns its index.
    fn choose(&mut self, prompt: &str, choices: &[Choice], default: usize) -> Result<usize, Stop>;
    /// Asks yes or no.
    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Stop>;
}

/// Asks for one override: "same" or one of the values.
fn override_choice<T: Copy + PartialEq>(
    ask: &mut dyn Ask,
    prompt: &str,
    all: &[T],
    id: fn(T) -> &'static str,
    meaning: fn(T) -> &'static str,
    current: Option<T>,
) -> Result<Option<T>, Stop> {
    let mut options = vec![SAME];
    options.extend(choices(all, id, meaning));
    let default = current
        .and_then(|c| all.iter().position(|v| *v == c))
        .map_or(0, |i| i + 1);
    let picked = ask.choose(prompt, &options, default)?;
    Ok(picked.checked_sub(1).and_then(|i| all.get(i).copied()))
}

fn ask_segments(ask: &mut dyn Ask, a: &mut Answers) -> Result<(), Stop> {
    let earlier = std::mem::take(&mut a.segments);
    loop {
        let i = a.segments.len();
        let old = earlier.get(i).cloned().unwrap_or_default();
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        ask.help(SEGMENTS_HELP);
        let name = ask.text(
            &format!("Segment {} name", i + 1),
            some(&old.name).as_deref(),
            &check_name,
        )?;
        let acv = ask.text(
            "Its annual contract value (USD)",
            some(&old.acv).as_deref(),
            &check_acv,
        )?;
        // Checked against what the segments before it left, so the shares
        // cannot add up to more than the whole.
        let used: u32 = a.segments.iter().filter_map(|s| share_bp(&s.share)).sum();
        let share = ask.text(
            "Its share of revenue (more than 0, at most 1)",
            some(&old.share).as_deref(),
            &|text: &str| check_share_of(text, used),
        )?;
        let buyer = override_choice(
            ask,
            "Who buys in this segment?",
            Buyer::ALL,
            Buyer::id,
            Buyer::meaning,
            old.buyer,
        )?;
        let compliance = override_choice(
            ask,
            "Its compliance burden?",
            Compliance::ALL,
            Compliance::id,
            Compliance::meaning,
            old.compliance,
        )?;
        let onboarding = override_choice(
            ask,
            "What it takes to get started?",
            Onboarding::ALL,
            Onboarding::id,
            Onboarding::meaning,
            old.onboarding,
        )?;
        // What the interview does not ask is kept as the profile had it.
        a.segments.push(SegmentText {
            name,
            acv,
            share,
            buyer,
            compliance,
            onboarding,
            time_to_value: old.time_to_value.clone(),
            signals: old.signals,
        });
        if !ask.confirm("Add another segment?", earlier.len() > i + 1)? {
            return Ok(());
        }
    }
}

/// Whether a question was answered or the person asked to go back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Next,
    Back,
}

/// Asks `q`, keeping its current answer as the default. With `back`, the
/// person may go back one question instead: `← back` at the end of a list,
/// or `<` typed at a text prompt; the answer stays as it was.
fn ask_one(ask: &mut dyn Ask, a: &mut Answers, q: &Question, back: bool) -> Result<Step, Stop> {
    ask.help(q.help);
    if let Some(check) = check_for(q.field) {
        let check = match (back, q.field) {
            (true, Field::Acv) => acv_or_back as CheckFn,
            (true, Field::TimeToValue) => duration_or_back,
            _ => check,
        };
        let slot = a.text_mut(q.field).expect("text fields have a slot");
        let default = (!slot.is_empty()).then(|| slot.clone());
        // On the first question there is nowhere to go back to: say so,
        // rather than take `<` as the answer.
        let first = |text: &str| {
            if text.trim() == BACK_TYPED {
                Err("this is the first question, so there is nothing to go back to".to_string())
            } else {
                check(text)
            }
        };
        let check: Check<'_> = if back { &check } else { &first };
        let answer = ask.text(q.prompt, default.as_deref(), check)?;
        if back && answer == BACK_TYPED {
            return Ok(Step::Back);
        }
        *slot = answer;
        return Ok(Step::Next);
    }
    let mut options = choices_for(q.field);
    let current = a.choice_id(q.field);
    let default = current
        .and_then(|c| options.iter().position(|o| o.id == c))
        .unwrap_or(0);
    let answers = options.len();
    if back {
        options.push(BACK);
    }
    let picked = ask.choose(q.prompt, &options, default)?;
    if back && picked == answers {
        return Ok(Step::Back);
    }
    // A prompt layer returns an index into `options`; anything else keeps the default.
    let picked = options[..answers].get(picked).unwrap_or(&options[default]);
    a.set_choice(q.field, picked.id);
    Ok(Step::Next)
}

/// Asks `questions` in order, letting the person step back to the question
/// asked before (the first one offers no way back). `skip` leaves a question
/// out, its answer kept, given the answers as they stand when it comes up.
fn ask_all(
    ask: &mut dyn Ask,
    a: &mut Answers,
    questions: &[Question],
    mut skip: impl FnMut(&Answers, &Question) -> bool,
) -> Result<(), Stop> {
    let mut i = 0;
    let mut shown: Vec<usize> = Vec::new();
    while i < questions.len() {
        if skip(a, &questions[i]) {
            i += 1;
            continue;
        }
        match ask_one(ask, a, &questions[i], !shown.is_empty())? {
            Step::Next => {
                shown.push(i);
                i += 1;
            }
            Step::Back => {
                // `shown` is not empty, or there was no way back.
                i = shown.pop().unwrap_or(0);
            }
        }
    }
    Ok(())
}

/// Runs the interview: the core questions, the segments if wanted, then the
/// optional questions if wanted. `from` pre-fills every answer.
///
/// `practice_matters(answers, key)` says whether the practice `key` can
/// matter for the motion the answers so far give (no AE commission for a
/// self-serve product); a question whose answer cannot matter is not asked.
pub fn run(
    ask: &mut dyn Ask,
    from: Option<&Profile>,
    practice_matters: &dyn Fn(&Answers, &str) -> bool,
) -> Result<Answers, Stop> {
    let mut answers = from.map(Answers::from_profile).unwrap_or_default();
    ask_all(ask, &mut answers, CORE, |_, _| false)?;
    // Segments are offered on their own, not behind the optional questions;
    // revisiting a profile, "no" keeps what it has.
    let segments = match (from, answers.segments.len()) {
        (Some(_), n) if n > 0 => format!("{SEGMENTS_GATE} (no keeps the {n} it has)"),
        _ => SEGMENTS_GATE.to_string(),
    };
    if ask.confirm(&segments, false)? {
        ask_segments(ask, &mut answers)?;
    }
    let optional = match from {
        Some(_) => format!("{OPTIONAL_GATE} (no keeps the answers the profile has)"),
        None => OPTIONAL_GATE.to_string(),
    };
    if ask.confirm(&optional, false)? {
        // A practice question is only asked when its answer can matter for
        // the motion the answers so far give (no AE commission for a
        // self-serve product); the motion is worked out from the answers as
        // they stand, so a step back that changes a signal counts.
        ask_all(ask, &mut answers, OPTIONAL, |a, q| match q.field {
            Field::Practice(key) if key != "motion" => !practice_matters(a, key),
            _ => false,
        })?;
    }
    Ok(answers)
}
