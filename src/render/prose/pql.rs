//! The sentences of `gtm pql`: what each trigger means, the evidence that
//! fired it, who acts and the next step, and the notes on the run.

use crate::motion::Motion;
use crate::signals::time;
use crate::signals::{AccountSignals, Evidence, Trigger, Verdict, WhoActs};

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A trigger in a few words, for headings and totals.
pub fn trigger_name(t: Trigger) -> &'static str {
    match t {
        Trigger::AccountBased => "a user from a target account",
        Trigger::TeamUsage => "several users in one company",
        Trigger::ActiveUsers => "a workspace past the active-user line",
        Trigger::UsageLimit => "a usage limit hit",
        Trigger::Intent => "buying intent",
        Trigger::EnterpriseNeed => "an enterprise need",
        Trigger::EngagedFree => "heavy use on a free plan",
    }
}

/// What fired the trigger, with its counts: "12 active users (threshold 10)".
pub fn evidence(e: &Evidence) -> String {
    let held = time::format(e.first_held);
    let threshold = e.threshold.unwrap_or(0);
    match e.trigger {
        Trigger::AccountBased => format!("a user with a target domain, first seen {held}"),
        Trigger::TeamUsage | Trigger::ActiveUsers => format!(
            "{} active (threshold {threshold}), reached {held}",
            plural(e.count, "user", "users")
        ),
        Trigger::UsageLimit => format!("{} hit, first {held}", plural(e.count, "limit", "limits")),
        Trigger::Intent => format!(
            "{}, first {held}",
            plural(e.count, "intent event", "intent events")
        ),
        Trigger::EnterpriseNeed => format!(
            "{}, first {held}",
            plural(e.count, "enterprise-need event", "enterprise-need events")
        ),
        Trigger::EngagedFree => format!(
            "{} on a free plan (threshold {threshold}), reached {held}",
            plural(e.count, "event", "events")
        ),
    }
}

/// Who acts, in words.
pub fn who(w: WhoActs) -> &'static str {
    match w {
        WhoActs::InProduct => "the product",
        WhoActs::LightTouch => "a light sales touch",
        WhoActs::SalesAssist => "sales-assist",
        WhoActs::AccountExecutive => "the account executive",
    }
}

/// The next step for one account, in one line.
pub fn next_step(a: &AccountSignals) -> String {
    let lead = a.fired().lead().unwrap_or(Trigger::TeamUsage);
    if !a.activated && !a.fired().contains(Trigger::AccountBased) {
        return "Not activated yet: help them to first value in the product; nobody calls a signup.".into();
    }
    let what = match lead {
        Trigger::AccountBased => "a user from a target account is in the product",
        Trigger::EnterpriseNeed => {
            "they asked for something only an enterprise plan gives (SSO, teams, a security review)"
        }
        Trigger::Intent => "they looked at pricing or started a security questionnaire",
        Trigger::UsageLimit => "they hit a usage limit",
        Trigger::ActiveUsers => "the workspace has grown past the active-user line",
        Trigger::TeamUsage => "several people from one company use it",
        Trigger::EngagedFree => "they use it heavily but have not paid",
    };
    match a.who_acts {
        WhoActs::InProduct => match lead {
            Trigger::TeamUsage | Trigger::ActiveUsers => "Show the team plan in the product: several people from one company use it.".into(),
            Trigger::UsageLimit => "Show the upgrade at the limit, in the product.".into(),
            Trigger::Intent => "Answer in the product: public pricing and a security page, one click from where they looked.".into(),
            Trigger::EnterpriseNeed => "Offer the plan with SSO and teams in the product, with a way to ask for help.".into(),
            Trigger::EngagedFree => "Prompt the upgrade in the product: heavy use on a free plan.".into(),
            Trigger::AccountBased => "Make the target account's first steps smooth in the product.".into(),
        },
        WhoActs::LightTouch => format!("Offer help, lightly and with the usage in hand: {what}."),
        WhoActs::SalesAssist => format!("Sales-assist reaches out with the usage in hand: {what}."),
        WhoActs::AccountExecutive => format!("The account executive engages, with the usage in hand: {what}."),
    }
}

/// The heading line: the profile, its motion, "now" and the window.
pub fn heading(name: &str, motion: Motion, v: &Verdict, window: &str) -> String {
    format!(
        "PQL signals for {name} ({} motion), as of {}, over the last {window}",
        motion.id(),
        time::format(v.as_of)
    )
}

/// How many accounts fired, and how many go to a person.
pub fn summary(v: &Verdict) -> String {
    let people = v.accounts.iter().filter(|a| a.who_acts.is_person()).count() as u64;
    let goes = if people == 1 {
        "1 goes".to_string()
    } else {
        format!("{people} go")
    };
    format!(
        "{} of {} fired a trigger; {goes} to a person, the rest to the product.",
        v.accounts.len(),
        plural(v.accounts_seen, "account", "accounts"),
    )
}

/// The notes on the run: rows skipped, excluded and outside the window,
/// defaults used, and a trigger the data cannot show.
pub fn run_notes(v: &Verdict, defaults: bool) -> Vec<String> {
    let mut notes = Vec::new();
    let r = v.rows;
    if defaults {
        notes.push(
            "The profile has no [pql] table, so the documents' defaults were used; `gtm init` writes a commented one to copy.".into(),
        );
    }
    if r.skipped > 0 {
        notes.push(format!(
            "{} skipped (see the warnings).",
            plural(r.skipped, "bad row was", "bad rows were")
        ));
    }
    if r.excluded > 0 {
        notes.push(format!(
            "{} from excluded domains did not count.",
            plural(r.excluded, "row", "rows")
        ));
    }
    if r.before > 0 {
        notes.push(format!(
            "{} before the window counted only for activation, plan and domain.",
            plural(r.before, "row", "rows")
        ));
    }
    if r.after > 0 {
        notes.push(format!(
            "{} after --as-of did not count.",
            plural(r.after, "row", "rows")
        ));
    }
    if r.with_plan == 0 {
        notes.push(
            "No row carries a plan, so heavy use on a free plan (engaged-free) cannot be told; map a plan column with --map plan=FIELD.".into(),
        );
    }
    notes
}

/// How many accounts the client report lists.
pub const CLIENT_TOP: usize = 10;

/// The client report's opening sentence of its Signals section.
pub fn client_intro(v: &Verdict, window: &str) -> String {
    let people = v.accounts.iter().filter(|a| a.who_acts.is_person()).count();
    let day = time::format(v.as_of);
    let day = day.split('T').next().unwrap_or(&day);
    let first = format!(
        "In your usage data for the {window} up to {day}, {} of your {} accounts showed a signal your criteria look for",
        v.accounts.len(),
        v.accounts_seen
    );
    match (v.motion, people) {
        (Motion::SelfServe, _) => format!(
            "{first}. With a self-serve motion the product answers each one: an upgrade prompt, the team plan, a pricing page."
        ),
        (_, 0) => format!(
            "{first}; none is ready for a person yet (an account is contacted only once it is activated), so the product answers them for now."
        ),
        (_, n) => format!(
            "{first}; {n} of them are ready for {} now, and the rest are best left to the product until they are activated.",
            who(v
                .accounts
                .iter()
                .find(|a| a.who_acts.is_person())
                .map_or(WhoActs::SalesAssist, |a| a.who_acts))
        ),
    }
}

/// Why an account is listed, in the client's words: its triggers' meanings.
pub fn client_why(a: &AccountSignals) -> String {
    let words: Vec<&str> = a.evidence.iter().map(|e| trigger_name(e.trigger)).collect();
    let mut text = words.join("; ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

/// The closing line: how many more accounts the full run lists.
pub fn client_more(v: &Verdict) -> Option<String> {
    (v.accounts.len() > CLIENT_TOP).then(|| {
        format!(
            "{} more accounts showed a signal; ask for the full list, which gives the evidence for each.",
            v.accounts.len() - CLIENT_TOP
        )
    })
}
