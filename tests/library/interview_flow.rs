//! The interview's flow driven by scripted answers, without a terminal:
//! the order of questions, refusals, the way back, `--from`, segments and
//! the saved text read back.

use gtm_advisor::Profile;
use gtm_advisor::Rulebook;
use gtm_advisor::interview::questions::*;
use gtm_advisor::interview::{Answers, Ask, Stop, run};
use gtm_advisor::motion::{Buyer, Compliance, Motion, Onboarding};
use gtm_advisor::profile::parse;

/// The interview as `gtm interview` runs it: a practice question is
/// asked when the answers so far are not yet a profile, or when the
/// motion they give reads it.
fn run_with(ask: &mut dyn Ask, from: Option<&Profile>, rules: &Rulebook) -> Result<Answers, Stop> {
    run(ask, from, &|a, key| {
        parse(&a.to_toml(), "<interview>", rules)
            .ok()
            .is_none_or(|p| gtm_advisor::engine::assess::practice_matters(&p, key, rules))
    })
}

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
        check: Check<'_>,
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
    fn choose(&mut self, prompt: &str, choices: &[Choice], default: usize) -> Result<usize, Stop> {
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
    let mut s = Scripted::new(&["Acme", "$24k", "2 days", "team", "light", "guided", "", ""]);
    let a = run_with(&mut s, None, &Rulebook::default_rules()).unwrap();
    // Segments are offered on their own, before the optional questions.
    assert_eq!(
        s.asked,
        CORE.iter()
            .map(|q| q.prompt)
            .chain([SEGMENTS_GATE, OPTIONAL_GATE])
            .collect::<Vec<_>>()
    );
    assert_eq!(a.acv, "$24,000");
    assert_eq!(a.buyer, Some(Buyer::Team));
}

#[test]
fn invalid_answers_are_asked_again_with_the_reason() {
    let mut s = Scripted::new(&[
        "", "Acme", "lots", "-5", "24000", "0 days", "2 days", "", "", "", "", "",
    ]);
    let a = run_with(&mut s, None, &Rulebook::default_rules()).unwrap();
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
        "", // no segments
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
    let mut s = Scripted::new(&script);
    let a = run_with(&mut s, None, &rules).unwrap();
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
        "",
        "", // back from compliance: a new buyer
    ]);
    let a = run_with(&mut s, None, &rules).unwrap();
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
    // The first question offers no way back, and says so.
    let mut s = Scripted::new(&["<", "x", "24k", "2 days", "team", "light", "guided", "", ""]);
    assert_eq!(run_with(&mut s, None, &rules).unwrap().name, "x");
    assert_eq!(
        s.errors,
        ["this is the first question, so there is nothing to go back to"]
    );
}

#[test]
fn practice_questions_come_only_when_they_can_matter() {
    let rules = Rulebook::default_rules();
    // A self-serve product: $480 a year, minutes to value, one user.
    let mut script = vec![
        "Tiny",
        "480",
        "5m",
        "individual",
        "none",
        "self-serve",
        "",
        "y",
    ];
    script.extend(["", "", "", "", "", "", "", ""]); // signals: not sure
    script.extend(["", "", "", "", "", "", "", "", ""]); // practices asked, if any; then no segments
    let mut s = Scripted::new(&script);
    run_with(&mut s, None, &rules).unwrap();
    let asked = |prompt: &str| s.asked.iter().any(|p| p.contains(prompt));
    assert!(asked("Which motion do you run today?"), "{:?}", s.asked);
    assert!(
        !asked("Do account executives earn commission"),
        "no AE question for a self-serve product: {:?}",
        s.asked
    );
    // A hybrid company is asked about AE commission.
    let mut script = vec!["Mid", "24k", "2 days", "team", "light", "guided", "", "y"];
    script.extend(["", "", "", "", "", "", "", ""]);
    script.extend(["", "", "", "", "", "", "", "", ""]);
    let mut s = Scripted::new(&script);
    run_with(&mut s, None, &rules).unwrap();
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
    script.push(""); // no segments
    script.push("y");
    script.extend([""; 16]);
    let mut s = Scripted::new(&script);
    let a = run_with(&mut s, Some(&p), &Rulebook::default_rules()).unwrap();
    let again = parse(&a.to_toml(), "new.toml", &rules).unwrap();
    assert_eq!(Answers::from_profile(&again), Answers::from_profile(&p));
}

#[test]
fn segments_are_offered_after_the_core_questions_and_read_back() {
    let mut script = vec!["Orbit", "18k", "1 day", "team", "light", "guided"];
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
        "0.7",
        "0.25",
        "committee",
        "review-before-trial",
        "implementation",
        "",
        "", // no optional questions
    ]);
    let mut s = Scripted::new(&script);
    let a = run_with(&mut s, None, &Rulebook::default_rules()).unwrap();
    assert_eq!(a.segments.len(), 2);
    assert_eq!(
        s.errors.len(),
        2,
        "shares 2 and 0.7 are refused: {:?}",
        s.errors
    );
    // The second is checked against what the first left.
    assert_eq!(
        s.errors[1],
        "0.35 so far; at most 0.65 is left for this segment"
    );
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
        run_with(&mut s, None, &Rulebook::default_rules()),
        Err(Stop::Interrupted)
    );
    let mut s = Scripted::new(&["Acme"]);
    assert_eq!(
        run_with(&mut s, None, &Rulebook::default_rules()),
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
    // Unanswered, a value is unknown and a yes/no answer reads as false.
    assert_eq!(choices_for(Field::Signal("segment"))[0], UNKNOWN_VALUE);
    assert_eq!(choices_for(Field::Practice("motion"))[0], UNKNOWN_VALUE);
    assert_eq!(choices_for(Field::Signal("viral_loops"))[0], UNKNOWN);
    assert!(UNKNOWN_VALUE.meaning.contains("unknown"));
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

/// The text the interview saves, every part of it answered: comments,
/// quoting, tables and segments exactly as a person will read them.
#[test]
fn the_saved_text_is_a_commented_profile() {
    let rules = Rulebook::default_rules();
    let src = r#"version = 1
name = "Quote \"Co\""
acv = "$24k"
time_to_value = "2 days"
buyer = "team"
compliance = "light"
onboarding = "guided"
[signals]
viral_loops = true
segment = "mid-market"
[practices]
motion = "sales-led"
free_trial = false
[checklist]
done = ["publish-pricing", "measure-time-to-value"]
[expect]
motion = "hybrid"
[check]
allow = ["motion-mismatch"]
[[segments]]
name = "Teams"
acv = "$2k"
share = 0.6
[[segments]]
name = "Enterprise"
acv = "$180k"
share = 0.4
buyer = "committee"
compliance = "review-before-trial"
onboarding = "implementation"
"#;
    let p = parse(src, "full.toml", &rules).unwrap();
    let saved = Answers::from_profile(&p).to_toml();
    insta::assert_snapshot!(saved);
    let again = parse(&saved, "saved.toml", &rules).unwrap();
    assert_eq!(Answers::from_profile(&again), Answers::from_profile(&p));
}

/// `--from` keeps what the interview does not ask: each segment's own time
/// to value and `[segments.signals]`, so pressing Enter through every
/// question saves the profile it started from, answer for answer.
#[test]
fn from_keeps_each_segments_time_to_value_and_signals() {
    let rules = Rulebook::default_rules();
    let src = r#"version = 1
name = "Orbit"
acv = "$18k"
time_to_value = "2 days"
buyer = "team"
compliance = "light"
onboarding = "guided"
[signals]
viral_loops = true
[[segments]]
name = "SMB"
acv = "$3k"
share = 0.5
time_to_value = "20 minutes"
[segments.signals]
viral_loops = true
segment = "smb"
[[segments]]
name = "Enterprise"
acv = "$120k"
share = 0.3
time_to_value = "6 weeks"
buyer = "committee"
[segments.signals]
organic_demand = true
"#;
    let p = parse(src, "orbit.toml", &rules).unwrap();
    // Enter through everything, segments included, and no more segments.
    let mut script = vec![""; 6];
    script.push("y"); // describe segments
    for more in ["y", "n"] {
        script.extend(["", "", "", "", "", ""]);
        script.push(more);
    }
    script.push("y");
    script.extend([""; 16]);
    let mut s = Scripted::new(&script);
    let a = run_with(&mut s, Some(&p), &rules).unwrap();
    let saved = parse(&a.to_toml(), "saved.toml", &rules)
        .unwrap_or_else(|e| panic!("{e}\n{}", a.to_toml()));
    assert_eq!(saved.segments.len(), 2);
    for (before, after) in p.segments.iter().zip(&saved.segments) {
        assert_eq!(before.time_to_value, after.time_to_value, "{}", before.name);
        assert_eq!(before.signals, after.signals, "{}", before.name);
        assert_eq!(before.buyer, after.buyer, "{}", before.name);
    }
    let motion = |p: &gtm_advisor::Profile| gtm_advisor::assess(p, &rules).motion;
    assert_eq!(motion(&saved), motion(&p));
}
