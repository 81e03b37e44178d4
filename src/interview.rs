//! The founder's interview: which questions, in which order, with what help,
//! how each answer is checked, and the commented profile the answers become.
//!
//! Nothing here touches a terminal. A prompt layer implements [`Ask`] (the
//! binary's draws with dialoguer's theme); tests drive the same flow with
//! scripted answers. Answers are checked with the parsers profile files use,
//! and the saved text is read back with the profile reader, so an interview
//! and `gtm recommend` on the saved file always agree.

use std::fmt::Write as _;

use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment, SwitchingCost};
use crate::profile::{Duration, Money, Practices, Profile, Signals, check_name};
use crate::rulebook::Rulebook;

/// Why an interview stopped before its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Esc or Ctrl-C.
    Interrupted,
    /// End of input (Ctrl-D, or the terminal went away).
    EndOfInput,
}

/// One option of a select: its id and a one-line meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The value as written in profiles.
    pub id: &'static str,
    /// What it means, in a few words.
    pub meaning: &'static str,
}

/// Checks a free-text answer: the value to keep, or why it was refused.
pub type Check = fn(&str) -> Result<String, String>;

/// What a prompt layer must offer. Each call may end the interview.
pub trait Ask {
    /// Shows the help line of the next question.
    fn help(&mut self, text: &str);
    /// Asks for text; an empty answer takes `default`. Re-asks, showing the
    /// reason, until `check` accepts the answer.
    fn text(&mut self, prompt: &str, default: Option<&str>, check: Check) -> Result<String, Stop>;
    /// Asks to pick one of `choices`, with the cursor on `default`; returns its index.
    fn choose(&mut self, prompt: &str, choices: &[Choice], default: usize) -> Result<usize, Stop>;
    /// Asks yes or no.
    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Stop>;
}

/// What a question fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// `name`
    Name,
    /// `acv`
    Acv,
    /// `time_to_value`
    TimeToValue,
    /// `buyer`
    Buyer,
    /// `compliance`
    Compliance,
    /// `onboarding`
    Onboarding,
    /// A key of `[signals]`.
    Signal(&'static str),
    /// A key of `[practices]`.
    Practice(&'static str),
}

/// One question: what it fills, how it is asked, and why it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// What the answer fills in.
    pub field: Field,
    /// The prompt.
    pub prompt: &'static str,
    /// One line: why it matters and which table it feeds.
    pub help: &'static str,
}

/// The five core facts and the name, in the order they are asked.
pub const CORE: &[Question] = &[
    Question {
        field: Field::Name,
        prompt: "Company or product name",
        help: "Used to title the result and the saved profile.",
    },
    Question {
        field: Field::Acv,
        prompt: "Annual contract value per customer (USD, e.g. 12000, $12k, 1.5M)",
        help: "Sets the starting motion: ACV framework (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::TimeToValue,
        prompt: "Time until a new user gets real value (e.g. 20 minutes, 3 days, 2 weeks)",
        help: "Under a day a product can sell itself; a week or more needs sales: When each motion fits (Sales-led vs PLG).",
    },
    Question {
        field: Field::Buyer,
        prompt: "Who decides to buy?",
        help: "Committees and non-user buyers need a salesperson: When each motion fits (Sales-led vs PLG).",
    },
    Question {
        field: Field::Compliance,
        prompt: "What compliance burden do buyers impose?",
        help: "A review before any trial needs a salesperson: signal tables (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Onboarding,
        prompt: "What does it take to get started?",
        help: "Self-serve setup lets the product sell; services need sales: When each motion fits (Sales-led vs PLG).",
    },
];

/// The optional signal and practice questions, in the order they are asked.
pub const OPTIONAL: &[Question] = &[
    Question {
        field: Field::Signal("individual_value"),
        prompt: "Does a single user get value alone?",
        help: "Value for one person lets adoption start small: PLG signals (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("viral_loops"),
        prompt: "Do users naturally invite others?",
        help: "Invitations make acquisition compound without sales: PLG signals (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("instrumented"),
        prompt: "Are usage milestones tracked in the product?",
        help: "Tracked usage lets the product qualify accounts: How to choose (Sales-led vs PLG).",
    },
    Question {
        field: Field::Signal("integration_heavy"),
        prompt: "Does value depend on connecting existing systems?",
        help: "Integration work is something buyers want help with: sales-led signals (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("organic_demand"),
        prompt: "Do users already find the product unprompted?",
        help: "Organic demand is a product-led motion waiting to be served: Common mistakes (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("developer_audience"),
        prompt: "Are the end users engineers?",
        help: "Developers prefer to try tools themselves: Common mistakes (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("segment"),
        prompt: "Which segment do you mainly sell to?",
        help: "Each segment buys its own way: Segment by customer type (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Signal("switching_cost"),
        prompt: "How costly is it for a customer to leave their current tool for yours?",
        help: "Their tool: a competitor's, or a spreadsheet. A cheap move lets people try first: PLG market signals (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("motion"),
        prompt: "Which motion do you run today?",
        help: "Compared with the recommendation; switching motions is costly (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("free_trial"),
        prompt: "Do you offer a free trial?",
        help: "A trial without usage tracking is a common pitfall (Sales-led vs PLG).",
    },
    Question {
        field: Field::Practice("pricing_public"),
        prompt: "Are your prices published?",
        help: "Hidden pricing for everyone marks a bad hybrid (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("demo_required"),
        prompt: "Must prospects sit through a demo before they can start?",
        help: "Forcing a demo before a trial breaks the product experience (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("sales_contacts_all_signups"),
        prompt: "Does sales contact every new signup?",
        help: "Sales should contact activated accounts, not every signup (Product-Led vs Sales-Led in 2026).",
    },
    Question {
        field: Field::Practice("ae_commission_on_self_serve"),
        prompt: "Do account executives earn commission on self-serve revenue?",
        help: "Paying for revenue sales did not influence corrupts both motions (Sales-led vs PLG).",
    },
    Question {
        field: Field::Practice("separate_funnels"),
        prompt: "Does each motion have its own funnel, conversion model and forecast?",
        help: "One funnel for two motions gives meaningless ratios (Sales-led vs PLG).",
    },
    Question {
        field: Field::Practice("pql_defined"),
        prompt: "Have you defined product-qualified-lead criteria?",
        help: "PQLs tell sales whom to contact: The PQL model (Product-Led vs Sales-Led in 2026).",
    },
];

/// The question that leads to the optional ones.
pub const OPTIONAL_GATE: &str = "Answer optional questions about signals and current practices?";

const UNKNOWN: Choice = Choice {
    id: "not sure",
    meaning: "leave it unanswered; it then counts as false",
};
const YES_NO: [Choice; 3] = [
    UNKNOWN,
    Choice {
        id: "yes",
        meaning: "",
    },
    Choice {
        id: "no",
        meaning: "",
    },
];

/// Everything the interview collects; it becomes a profile with [`Answers::to_toml`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answers {
    /// Company or product name.
    pub name: String,
    /// ACV as it will be written, e.g. "$24,000".
    pub acv: String,
    /// Time to value as the user wrote it.
    pub time_to_value: String,
    /// Who buys (`None` until asked).
    pub buyer: Option<Buyer>,
    /// Compliance burden.
    pub compliance: Option<Compliance>,
    /// Onboarding needs.
    pub onboarding: Option<Onboarding>,
    /// Optional signals.
    pub signals: Signals,
    /// Optional practices.
    pub practices: Practices,
    /// Kept from `--from`: checklist progress.
    pub checklist_done: Vec<String>,
    /// Kept from `--from`: the expected motion.
    pub expect_motion: Option<Motion>,
    /// Kept from `--from`: silenced finding ids.
    pub check_allow: Vec<String>,
    /// Customer segments, each with its own ACV.
    pub segments: Vec<SegmentText>,
}

/// One segment's answers as they will be written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SegmentText {
    /// The segment's name.
    pub name: String,
    /// Its ACV, e.g. "$1,200".
    pub acv: String,
    /// Its share of revenue, e.g. "0.35".
    pub share: String,
    /// Who buys, when different from the company.
    pub buyer: Option<Buyer>,
    /// Compliance, when different.
    pub compliance: Option<Compliance>,
    /// Onboarding, when different.
    pub onboarding: Option<Onboarding>,
}

/// The question that leads to the segment questions.
pub const SEGMENTS_GATE: &str = "Describe customer segments, each with its own ACV?";
const SEGMENTS_HELP: &str = "Each segment gets its own motion, and the hand-offs between them: Segment by customer type (Product-Led vs Sales-Led in 2026).";
const SAME: Choice = Choice {
    id: "same",
    meaning: "as for the company as a whole",
};

fn check_share(text: &str) -> Result<String, String> {
    match text.trim().parse::<f64>() {
        Ok(n) if (0.0..=1.0).contains(&n) => Ok(format!("{}", (n * 1000.0).round() / 1000.0)),
        _ => Err(format!(
            "`{}` is not a share; write a number from 0 to 1, e.g. 0.35 for 35% of revenue",
            text.trim()
        )),
    }
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
            check_name,
        )?;
        let acv = ask.text(
            "Its annual contract value (USD)",
            some(&old.acv).as_deref(),
            check_acv,
        )?;
        let share = ask.text(
            "Its share of revenue (0 to 1)",
            some(&old.share).as_deref(),
            check_share,
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
        a.segments.push(SegmentText {
            name,
            acv,
            share,
            buyer,
            compliance,
            onboarding,
        });
        if !ask.confirm("Add another segment?", earlier.len() > i + 1)? {
            return Ok(());
        }
    }
}

/// `text` without one pair of surrounding quotes: the hints show forms such
/// as `"12,000"` as a profile file writes them, and a person may type them
/// so at a prompt.
fn unquoted(text: &str) -> &str {
    let t = text.trim();
    ['"', '\'']
        .iter()
        .find_map(|q| t.strip_prefix(*q).and_then(|r| r.strip_suffix(*q)))
        .unwrap_or(t)
}

fn check_acv(text: &str) -> Result<String, String> {
    unquoted(text)
        .parse::<Money>()
        .map(|m| m.to_string())
        .map_err(|e| e.to_string())
}

fn check_duration(text: &str) -> Result<String, String> {
    unquoted(text)
        .parse::<Duration>()
        .map(|d| d.to_string())
        .map_err(|e| e.to_string())
}

/// The entry that goes back one question in a list, and what typed at a
/// text prompt does the same.
pub const BACK: Choice = Choice {
    id: "← back",
    meaning: "to the previous question; every answer is kept",
};
/// Typed at a text prompt, goes back one question.
pub const BACK_TYPED: &str = "<";

/// Whether a question was answered or the person asked to go back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Next,
    Back,
}

fn acv_or_back(text: &str) -> Result<String, String> {
    if text.trim() == BACK_TYPED {
        return Ok(BACK_TYPED.to_string());
    }
    check_acv(text)
}

fn duration_or_back(text: &str) -> Result<String, String> {
    if text.trim() == BACK_TYPED {
        return Ok(BACK_TYPED.to_string());
    }
    check_duration(text)
}

/// The checker for a free-text field.
pub fn check_for(field: Field) -> Option<Check> {
    match field {
        Field::Name => Some(check_name),
        Field::Acv => Some(check_acv),
        Field::TimeToValue => Some(check_duration),
        _ => None,
    }
}

fn choices<T: Copy>(
    all: &[T],
    id: fn(T) -> &'static str,
    meaning: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            id: id(*v),
            meaning: meaning(*v),
        })
        .collect()
}

/// The options of a select question, in DESIGN.md's order.
pub fn choices_for(field: Field) -> Vec<Choice> {
    let optional = |mut list: Vec<Choice>| {
        list.insert(0, UNKNOWN);
        list
    };
    match field {
        Field::Buyer => choices(Buyer::ALL, Buyer::id, Buyer::meaning),
        Field::Compliance => choices(Compliance::ALL, Compliance::id, Compliance::meaning),
        Field::Onboarding => choices(Onboarding::ALL, Onboarding::id, Onboarding::meaning),
        Field::Signal("segment") => optional(choices(Segment::ALL, Segment::id, Segment::meaning)),
        Field::Signal("switching_cost") => optional(choices(
            SwitchingCost::ALL,
            SwitchingCost::id,
            SwitchingCost::meaning,
        )),
        Field::Practice("motion") => optional(choices(Motion::ALL, Motion::id, Motion::meaning)),
        Field::Signal(_) | Field::Practice(_) => YES_NO.to_vec(),
        Field::Name | Field::Acv | Field::TimeToValue => Vec::new(),
    }
}

fn flag_slot(a: &mut Answers, field: Field) -> Option<&mut Option<bool>> {
    let s = &mut a.signals;
    let p = &mut a.practices;
    Some(match field {
        Field::Signal("individual_value") => &mut s.individual_value,
        Field::Signal("viral_loops") => &mut s.viral_loops,
        Field::Signal("instrumented") => &mut s.instrumented,
        Field::Signal("integration_heavy") => &mut s.integration_heavy,
        Field::Signal("organic_demand") => &mut s.organic_demand,
        Field::Signal("developer_audience") => &mut s.developer_audience,
        Field::Practice("free_trial") => &mut p.free_trial,
        Field::Practice("pricing_public") => &mut p.pricing_public,
        Field::Practice("demo_required") => &mut p.demo_required,
        Field::Practice("sales_contacts_all_signups") => &mut p.sales_contacts_all_signups,
        Field::Practice("ae_commission_on_self_serve") => &mut p.ae_commission_on_self_serve,
        Field::Practice("separate_funnels") => &mut p.separate_funnels,
        Field::Practice("pql_defined") => &mut p.pql_defined,
        _ => return None,
    })
}

impl Answers {
    /// Starts from a saved profile, so each question offers its earlier answer.
    pub fn from_profile(p: &Profile) -> Answers {
        Answers {
            name: p.name.clone(),
            acv: p.acv.to_string(),
            time_to_value: p.time_to_value.to_string(),
            buyer: Some(p.buyer),
            compliance: Some(p.compliance),
            onboarding: Some(p.onboarding),
            signals: p.signals,
            practices: p.practices,
            checklist_done: p.checklist_done.clone(),
            expect_motion: p.expect_motion,
            check_allow: p.check_allow.clone(),
            segments: p
                .segments
                .iter()
                .map(|s| SegmentText {
                    name: s.name.clone(),
                    acv: s.acv.to_string(),
                    share: format!("{}", s.share),
                    buyer: s.buyer,
                    compliance: s.compliance,
                    onboarding: s.onboarding,
                })
                .collect(),
        }
    }

    /// The current answer of a select field, as a choice id.
    fn choice_id(&mut self, field: Field) -> Option<&'static str> {
        match field {
            Field::Buyer => self.buyer.map(Buyer::id),
            Field::Compliance => self.compliance.map(Compliance::id),
            Field::Onboarding => self.onboarding.map(Onboarding::id),
            Field::Signal("segment") => Some(self.signals.segment.map_or(UNKNOWN.id, Segment::id)),
            Field::Signal("switching_cost") => Some(
                self.signals
                    .switching_cost
                    .map_or(UNKNOWN.id, SwitchingCost::id),
            ),
            Field::Practice("motion") => Some(self.practices.motion.map_or(UNKNOWN.id, Motion::id)),
            _ => flag_slot(self, field).map(|slot| match slot {
                None => UNKNOWN.id,
                Some(true) => "yes",
                Some(false) => "no",
            }),
        }
    }

    /// Records a select answer given as a choice id.
    fn set_choice(&mut self, field: Field, id: &str) {
        let known = id != UNKNOWN.id;
        match field {
            Field::Buyer => self.buyer = id.parse().ok(),
            Field::Compliance => self.compliance = id.parse().ok(),
            Field::Onboarding => self.onboarding = id.parse().ok(),
            Field::Signal("segment") => self.signals.segment = id.parse().ok(),
            Field::Signal("switching_cost") => self.signals.switching_cost = id.parse().ok(),
            Field::Practice("motion") => self.practices.motion = id.parse().ok(),
            _ => {
                if let Some(slot) = flag_slot(self, field) {
                    *slot = known.then_some(id == "yes");
                }
            }
        }
    }

    fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        match field {
            Field::Name => Some(&mut self.name),
            Field::Acv => Some(&mut self.acv),
            Field::TimeToValue => Some(&mut self.time_to_value),
            _ => None,
        }
    }

    /// The answers as a commented profile (format v1) that the reader accepts.
    pub fn to_toml(&self) -> String {
        let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
        let id = |v: Option<&'static str>| quote(v.unwrap_or(""));
        let mut out = String::new();
        let _ = write!(
            out,
            "# A gtm-advisor profile (format version 1), saved by `gtm interview`.\n\
             # Evaluate it with `gtm recommend FILE`; revisit it with `gtm interview --from FILE`.\n\
             version = 1\n\
             name = {}\n\n\
             # Annual contract value per customer, US dollars per year.\n\
             acv = {}\n\
             # Time until a new user gets first real value.\n\
             time_to_value = {}\n\
             # Who decides to buy: individual | team | committee | executive\n\
             buyer = {}\n\
             # Compliance burden: none | light | review-before-trial | regulated\n\
             compliance = {}\n\
             # What it takes to get started: self-serve | guided | implementation | custom\n\
             onboarding = {}\n",
            quote(&self.name),
            quote(&self.acv),
            quote(&self.time_to_value),
            id(self.buyer.map(Buyer::id)),
            id(self.compliance.map(Compliance::id)),
            id(self.onboarding.map(Onboarding::id)),
        );
        let mut signals = Vec::new();
        let mut practices = Vec::new();
        let mut copy = self.clone();
        for q in OPTIONAL {
            let Some(value) = copy.choice_id(q.field).filter(|v| *v != UNKNOWN.id) else {
                continue;
            };
            let value = match value {
                "yes" => "true".to_string(),
                "no" => "false".to_string(),
                other => quote(other),
            };
            match q.field {
                Field::Signal(key) => signals.push(format!("{key} = {value}  # {}", q.prompt)),
                Field::Practice(key) => practices.push(format!("{key} = {value}  # {}", q.prompt)),
                _ => {}
            }
        }
        for (table, lines) in [("signals", signals), ("practices", practices)] {
            if !lines.is_empty() {
                let _ = write!(out, "\n[{table}]\n{}\n", lines.join("\n"));
            }
        }
        let list = |ids: &[String]| ids.iter().map(|i| quote(i)).collect::<Vec<_>>().join(", ");
        if !self.checklist_done.is_empty() {
            let _ = write!(
                out,
                "\n[checklist]\ndone = [{}]\n",
                list(&self.checklist_done)
            );
        }
        if let Some(m) = self.expect_motion {
            let _ = write!(out, "\n[expect]\nmotion = {}\n", quote(m.id()));
        }
        if !self.check_allow.is_empty() {
            let _ = write!(out, "\n[check]\nallow = [{}]\n", list(&self.check_allow));
        }
        for s in &self.segments {
            let _ = write!(
                out,
                "\n[[segments]]\nname = {}\nacv = {}\nshare = {}\n",
                quote(&s.name),
                quote(&s.acv),
                s.share
            );
            if let Some(b) = s.buyer {
                let _ = writeln!(out, "buyer = {}", quote(b.id()));
            }
            if let Some(c) = s.compliance {
                let _ = writeln!(out, "compliance = {}", quote(c.id()));
            }
            if let Some(o) = s.onboarding {
                let _ = writeln!(out, "onboarding = {}", quote(o.id()));
            }
        }
        out
    }
}

/// The motion `answers` give, if they make a valid profile yet.
fn motion_so_far(answers: &Answers, rules: &Rulebook) -> Option<Motion> {
    let profile = crate::profile::parse(&answers.to_toml(), "<interview>", rules).ok()?;
    Some(crate::assess(&profile, rules).motion)
}

/// Asks `q`, keeping its current answer as the default. With `back`, the
/// person may go back one question instead: `← back` at the end of a list,
/// or `<` typed at a text prompt; the answer stays as it was.
fn ask_one(ask: &mut dyn Ask, a: &mut Answers, q: &Question, back: bool) -> Result<Step, Stop> {
    ask.help(q.help);
    if let Some(check) = check_for(q.field) {
        let check = match (back, q.field) {
            (true, Field::Acv) => acv_or_back as Check,
            (true, Field::TimeToValue) => duration_or_back,
            _ => check,
        };
        let slot = a.text_mut(q.field).expect("text fields have a slot");
        let default = (!slot.is_empty()).then(|| slot.clone());
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

/// Runs the interview: the core questions, the gate, then the optional ones
/// if wanted. `from` pre-fills every answer.
pub fn run(ask: &mut dyn Ask, from: Option<&Profile>, rules: &Rulebook) -> Result<Answers, Stop> {
    let mut answers = from.map(Answers::from_profile).unwrap_or_default();
    ask_all(ask, &mut answers, CORE, |_, _| false)?;
    if ask.confirm(OPTIONAL_GATE, false)? {
        // A practice question is only asked when its answer can matter for
        // the motion the answers so far give (no AE commission for a
        // self-serve product); the motion is worked out from the answers as
        // they stand, so a step back that changes a signal counts.
        ask_all(ask, &mut answers, OPTIONAL, |a, q| match q.field {
            Field::Practice(key) if key != "motion" => motion_so_far(a, rules)
                .is_some_and(|m| !rules.finding_reads(&format!("practices.{key}"), m)),
            _ => false,
        })?;
        if ask.confirm(SEGMENTS_GATE, false)? {
            ask_segments(ask, &mut answers)?;
        }
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_a_hint_shows_is_accepted_as_typed() {
        // The prompt's own examples, and the forms the error message shows
        // (with the quotes a profile file needs).
        for typed in [
            "12000",
            "$12k",
            "1.5M",
            "\"12,000\"",
            "\"$12k\"",
            "'1.5M'",
            " 12000 ",
        ] {
            assert!(check_acv(typed).is_ok(), "{typed}");
        }
        let hint = check_acv("lots").unwrap_err();
        for example in ["12000", "\"12,000\"", "\"$12k\"", "\"1.5M\""] {
            assert!(hint.contains(example), "{hint}");
            assert!(check_acv(example).is_ok(), "{example} from the hint");
        }
        for typed in ["20 minutes", "3 days", "2 weeks", "\"20 minutes\"", "5m"] {
            assert!(check_duration(typed).is_ok(), "{typed}");
        }
        let hint = check_duration("soon").unwrap_err();
        for example in [
            "\"5m\"",
            "\"20 minutes\"",
            "\"3 hours\"",
            "\"2 days\"",
            "\"2 weeks\"",
            "\"3 months\"",
        ] {
            assert!(hint.contains(example), "{hint}");
            assert!(check_duration(example).is_ok(), "{example} from the hint");
        }
        assert!(
            check_acv("\"12,000").is_err(),
            "an unpaired quote is not stripped"
        );
    }
    use crate::profile::parse;

    /// Answers from a script; records every prompt it was shown.
    struct Scripted {
        replies: Vec<&'static str>,
        asked: Vec<String>,
        errors: Vec<String>,
    }

    impl Scripted {
        fn new(replies: &[&'static str]) -> Scripted {
            Scripted {
                replies: replies.iter().rev().copied().collect(),
                asked: Vec::new(),
                errors: Vec::new(),
            }
        }
        fn next(&mut self) -> Result<&'static str, Stop> {
            match self.replies.pop() {
                Some("<esc>") => Err(Stop::Interrupted),
                Some(r) => Ok(r),
                None => Err(Stop::EndOfInput),
            }
        }
    }

    impl Ask for Scripted {
        fn help(&mut self, _: &str) {}
        fn text(
            &mut self,
            prompt: &str,
            default: Option<&str>,
            check: Check,
        ) -> Result<String, Stop> {
            self.asked.push(prompt.to_string());
            loop {
                let reply = self.next()?;
                let reply = if reply.is_empty() {
                    default.unwrap_or("")
                } else {
                    reply
                };
                match check(reply) {
                    Ok(v) => return Ok(v),
                    Err(e) => self.errors.push(e),
                }
            }
        }
        fn choose(
            &mut self,
            prompt: &str,
            choices: &[Choice],
            default: usize,
        ) -> Result<usize, Stop> {
            self.asked.push(prompt.to_string());
            let reply = self.next()?;
            Ok(if reply.is_empty() {
                default
            } else {
                choices.iter().position(|c| c.id == reply).expect(reply)
            })
        }
        fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Stop> {
            self.asked.push(prompt.to_string());
            let reply = self.next()?;
            Ok(if reply.is_empty() {
                default
            } else {
                reply == "y"
            })
        }
    }

    #[test]
    fn core_questions_come_in_the_documented_order() {
        let mut s = Scripted::new(&["Acme", "$24k", "2 days", "team", "light", "guided", ""]);
        let a = run(&mut s, None, &Rulebook::default_rules()).unwrap();
        assert_eq!(
            s.asked,
            CORE.iter()
                .map(|q| q.prompt)
                .chain([OPTIONAL_GATE])
                .collect::<Vec<_>>()
        );
        assert_eq!(a.acv, "$24,000");
        assert_eq!(a.buyer, Some(Buyer::Team));
    }

    #[test]
    fn invalid_answers_are_asked_again_with_the_reason() {
        let mut s = Scripted::new(&[
            "", "Acme", "lots", "-5", "24000", "0 days", "2 days", "", "", "", "",
        ]);
        let a = run(&mut s, None, &Rulebook::default_rules()).unwrap();
        assert_eq!(a.name, "Acme");
        assert_eq!(a.acv, "$24,000");
        assert_eq!(a.time_to_value, "2 days");
        assert_eq!(s.errors.len(), 4, "{:?}", s.errors);
        assert!(s.errors[1].contains("not an amount of money"));
        assert!(s.errors[2].contains("negative"));
        // Enter on a select takes the first value.
        assert_eq!(
            (a.buyer, a.compliance, a.onboarding),
            (
                Some(Buyer::Individual),
                Some(Compliance::None),
                Some(Onboarding::SelfServe)
            )
        );
    }

    #[test]
    fn the_saved_text_reads_back_as_the_same_answers() {
        let mut script = vec![
            "Ünïcode \"quoted\" Co",
            "1.5M",
            "3 months",
            "committee",
            "regulated",
            "custom",
            "y",
        ];
        // The signals.
        script.extend(["yes", "no", "", "yes", "", "no", "enterprise", "high"]);
        // The practices, each asked only if it can matter for enterprise
        // sales, the motion these answers give.
        let rules = Rulebook::default_rules();
        let practices = [
            ("motion", "sales-led"),
            ("free_trial", "yes"),
            ("pricing_public", "no"),
            ("demo_required", "yes"),
            ("sales_contacts_all_signups", ""),
            ("ae_commission_on_self_serve", ""),
            ("separate_funnels", "no"),
            ("pql_defined", "yes"),
        ];
        let asked = |key: &str| {
            key == "motion" || rules.finding_reads(&format!("practices.{key}"), Motion::Enterprise)
        };
        script.extend(practices.iter().filter(|(k, _)| asked(k)).map(|(_, r)| *r));
        script.push(""); // no segments
        let mut s = Scripted::new(&script);
        let a = run(&mut s, None, &rules).unwrap();
        let p = parse(&a.to_toml(), "saved.toml", &rules)
            .unwrap_or_else(|e| panic!("{e}\n{}", a.to_toml()));
        assert_eq!(Answers::from_profile(&p), a);
        assert_eq!(p.signals.individual_value, Some(true));
        assert_eq!(p.signals.instrumented, None);
        assert_eq!(p.practices.motion, Some(Motion::SalesLed));
        let pql = asked("pql_defined").then_some(true);
        assert_eq!(p.practices.pql_defined, pql);
    }

    #[test]
    fn back_returns_to_the_previous_question_and_keeps_every_answer() {
        let rules = Rulebook::default_rules();
        let mut s = Scripted::new(&[
            "Acme",
            "<",
            "",
            "24k", // `<` at ACV: the name again, kept with Enter
            "2 days",
            "← back",
            "",
            "team", // back from the buyer: the time again, kept
            "← back",
            "committee",
            "light",
            "guided",
            "", // back from compliance: a new buyer
        ]);
        let a = run(&mut s, None, &rules).unwrap();
        assert_eq!(a.name, "Acme");
        assert_eq!(a.acv, "$24,000");
        assert_eq!(a.time_to_value, "2 days");
        assert_eq!(a.buyer, Some(Buyer::Committee));
        assert_eq!(a.compliance, Some(Compliance::Light));
        assert_eq!(a.onboarding, Some(Onboarding::Guided));
        let order: Vec<&str> = s.asked.iter().map(String::as_str).collect();
        assert_eq!(
            order[..9],
            [
                CORE[0].prompt,
                CORE[1].prompt,
                CORE[0].prompt,
                CORE[1].prompt,
                CORE[2].prompt,
                CORE[3].prompt,
                CORE[2].prompt,
                CORE[3].prompt,
                CORE[4].prompt,
            ]
        );
        // The first question offers no way back: `<` is just a name there.
        let mut s = Scripted::new(&["<", "x", "24k", "2 days", "team", "light", "guided", ""]);
        assert_eq!(run(&mut s, None, &rules).unwrap().name, "<");
    }

    #[test]
    fn practice_questions_come_only_when_they_can_matter() {
        let rules = Rulebook::default_rules();
        // A self-serve product: $480 a year, minutes to value, one user.
        let mut script = vec!["Tiny", "480", "5m", "individual", "none", "self-serve", "y"];
        script.extend(["", "", "", "", "", "", "", ""]); // signals: not sure
        script.extend(["", "", "", "", "", "", "", "", ""]); // practices asked, if any; then no segments
        let mut s = Scripted::new(&script);
        run(&mut s, None, &rules).unwrap();
        let asked = |prompt: &str| s.asked.iter().any(|p| p.contains(prompt));
        assert!(asked("Which motion do you run today?"), "{:?}", s.asked);
        assert!(
            !asked("Do account executives earn commission"),
            "no AE question for a self-serve product: {:?}",
            s.asked
        );
        // A hybrid company is asked about AE commission.
        let mut script = vec!["Mid", "24k", "2 days", "team", "light", "guided", "y"];
        script.extend(["", "", "", "", "", "", "", ""]);
        script.extend(["", "", "", "", "", "", "", "", ""]);
        let mut s = Scripted::new(&script);
        run(&mut s, None, &rules).unwrap();
        assert!(
            s.asked
                .iter()
                .any(|p| p.contains("Do account executives earn commission"))
        );
    }

    #[test]
    fn from_prefills_every_answer_and_keeps_the_rest() {
        let rules = Rulebook::default_rules();
        let src = "version = 1\nname = \"Old\"\nacv = 3000\ntime_to_value = \"1h\"\nbuyer = \"executive\"\ncompliance = \"regulated\"\nonboarding = \"custom\"\n[signals]\nsegment = \"smb\"\n[checklist]\ndone = [\"publish-pricing\"]\n[expect]\nmotion = \"plg\"\n";
        let p = parse(src, "old.toml", &rules).unwrap();
        // Enter through everything, including the optional questions.
        let mut script = vec![""; 6];
        script.push("y");
        script.extend([""; 16]);
        script.push(""); // no segments
        let mut s = Scripted::new(&script);
        let a = run(&mut s, Some(&p), &Rulebook::default_rules()).unwrap();
        let again = parse(&a.to_toml(), "new.toml", &rules).unwrap();
        assert_eq!(Answers::from_profile(&again), Answers::from_profile(&p));
    }

    #[test]
    fn segments_are_asked_after_the_optional_questions_and_read_back() {
        let mut script = vec!["Orbit", "18k", "1 day", "team", "light", "guided", "y"];
        script.extend([""; 16]);
        script.extend([
            "y",
            "SMB",
            "1.2k",
            "2",
            "0.35",
            "individual",
            "",
            "self-serve",
            "y",
        ]);
        script.extend([
            "Enterprise",
            "150k",
            "0.25",
            "committee",
            "review-before-trial",
            "implementation",
            "",
        ]);
        let mut s = Scripted::new(&script);
        let a = run(&mut s, None, &Rulebook::default_rules()).unwrap();
        assert_eq!(a.segments.len(), 2);
        assert_eq!(s.errors.len(), 1, "share 2 is refused: {:?}", s.errors);
        let rules = Rulebook::default_rules();
        let p = parse(&a.to_toml(), "orbit.toml", &rules)
            .unwrap_or_else(|e| panic!("{e}\n{}", a.to_toml()));
        assert_eq!(p.segments[0].share, 0.35);
        assert_eq!(p.segments[0].buyer, Some(Buyer::Individual));
        assert_eq!(
            p.segments[0].compliance, None,
            "\"same\" keeps the company's answer"
        );
        assert_eq!(p.segments[1].onboarding, Some(Onboarding::Implementation));
        assert_eq!(Answers::from_profile(&p), a);
    }

    #[test]
    fn a_stop_ends_the_interview() {
        let mut s = Scripted::new(&["Acme", "<esc>"]);
        assert_eq!(
            run(&mut s, None, &Rulebook::default_rules()),
            Err(Stop::Interrupted)
        );
        let mut s = Scripted::new(&["Acme"]);
        assert_eq!(
            run(&mut s, None, &Rulebook::default_rules()),
            Err(Stop::EndOfInput)
        );
    }

    #[test]
    fn every_select_lists_values_with_meanings_in_order() {
        let ids: Vec<_> = choices_for(Field::Buyer).iter().map(|c| c.id).collect();
        assert_eq!(ids, Buyer::IDS);
        assert!(
            choices_for(Field::Compliance)
                .iter()
                .all(|c| !c.meaning.is_empty())
        );
        assert_eq!(choices_for(Field::Signal("segment"))[0], UNKNOWN);
        for q in CORE.iter().chain(OPTIONAL) {
            assert!(!q.help.is_empty());
            assert!(
                q.prompt.chars().count() <= 76,
                "prompt too long: {}",
                q.prompt
            );
            assert!(
                check_for(q.field).is_some() == choices_for(q.field).is_empty(),
                "{:?}",
                q.field
            );
        }
    }
}
