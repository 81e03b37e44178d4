//! The interview through a real pseudo-terminal, typed key by key, and its
//! refusal to run without one.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::support::pty::{Pty, answer, finish};
use crate::support::{gtm, text};
use expectrl::{Expect, Session};

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const CTRL_C: &str = "\x03";
const CTRL_D: &str = "\x04";
const ESC: &str = "\x1b";

fn spawn(dir: &Path, args: &[&str]) -> Pty {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("gtm"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env_remove("COLUMNS");
    let mut p = Session::spawn(cmd).expect("spawn gtm in a pty");
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    p
}

fn motion_of(path: &Path) -> String {
    let out = gtm()
        .arg("recommend")
        .arg(path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["motion"].as_str().unwrap().to_string()
}

/// The core questions, then no segments.
fn answer_core(p: &mut Pty) {
    answer_core_questions(p);
    answer(p, "Describe customer segments", ENTER);
}

fn answer_core_questions(p: &mut Pty) {
    answer(p, "Company or product name", "Acme Labs\r");
    answer(p, "Annual contract value", "lots\r");
    answer(p, "is not an amount of money", "24k\r");
    answer(p, "Time until a new user gets real value", "2 days\r");
    answer(p, "Who decides to buy?", &format!("{DOWN}{ENTER}"));
    answer(p, "What compliance burden", &format!("{DOWN}{ENTER}"));
    answer(
        p,
        "What does it take to get started?",
        &format!("{DOWN}{ENTER}"),
    );
}

#[test]
fn a_full_interview_typed_key_by_key_saves_a_profile_that_recommend_agrees_with() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer_core_questions(&mut p);
    // One segment, typed in full, overriding the buyer only; offered right
    // after the core questions.
    answer(&mut p, "Describe customer segments", "y");
    answer(&mut p, "Segment 1 name", "SMB\r");
    answer(&mut p, "Its annual contract value", "1.2k\r");
    answer(&mut p, "Its share of revenue", "0.4\r");
    answer(
        &mut p,
        "Who buys in this segment?",
        &format!("{DOWN}{ENTER}"),
    );
    answer(&mut p, "Its compliance burden?", ENTER);
    answer(&mut p, "What it takes to get started?", ENTER);
    answer(&mut p, "Add another segment?", ENTER);
    answer(&mut p, "Answer optional questions", "y");
    answer(
        &mut p,
        "Does a single user get value alone?",
        &format!("{DOWN}{ENTER}"),
    );
    // Enter through the other optional questions: they stay unanswered.
    for prompt in [
        "Do users naturally invite others?",
        "Are usage milestones tracked",
        "Does value depend on connecting",
        "Do users already find the product",
        "Are the end users engineers?",
        "Which segment",
        "How costly is it",
        "Which motion do you run today?",
        "Do you offer a free trial?",
        "Are your prices published?",
        "Must prospects sit through a demo",
        "Does sales contact every new signup?",
        "Do account executives earn commission",
        "Does each motion have its own funnel",
        "Have you defined product-qualified-lead criteria?",
    ] {
        answer(&mut p, prompt, ENTER);
    }
    p.expect("Acme Labs: Hybrid (product-led sales)").unwrap();
    p.expect("Saved acme.toml").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    let saved = dir.path().join("acme.toml");
    let src = std::fs::read_to_string(&saved).unwrap();
    assert!(src.contains("individual_value = true"), "{src}");
    assert!(
        src.contains(
            "[[segments]]\nname = \"SMB\"\nacv = \"$1,200\"\nshare = 0.4\nbuyer = \"individual\"\n"
        ),
        "{src}"
    );
    assert!(src.contains("acv = \"$24,000\""), "{src}");
    assert_eq!(motion_of(&saved), "hybrid");
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn without_save_it_asks_where_and_offers_the_default_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &[]);
    answer_core(&mut p);
    answer(&mut p, "Answer optional questions", ENTER);
    answer(&mut p, "Save these answers as a profile?", ENTER);
    answer(&mut p, "Save to", ENTER);
    p.expect("Saved gtm.toml").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(motion_of(&dir.path().join("gtm.toml")), "hybrid");
}

#[test]
fn from_prefills_every_answer_so_enter_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::canonicalize("profiles/salesforce.toml").unwrap();
    let original = original.to_str().unwrap();
    let mut p = spawn(
        dir.path(),
        &["interview", "--from", original, "--save", "again.toml"],
    );
    for prompt in [
        "Company or product name",
        "Annual contract value",
        "Time until a new user gets real value",
        "Who decides to buy?",
        "What compliance burden",
        "What does it take to get started?",
        "Describe customer segments",
        "Answer optional questions",
    ] {
        answer(&mut p, prompt, ENTER);
    }
    p.expect("Salesforce: Sales-led").unwrap();
    p.expect("Saved again.toml").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    let json = |path: &Path| {
        let out = gtm()
            .arg("recommend")
            .arg(path)
            .args(["--format", "json"])
            .output()
            .unwrap();
        let mut v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v.as_object_mut().unwrap().remove("file");
        v
    };
    assert_eq!(
        json(&dir.path().join("again.toml")),
        json(Path::new(original))
    );
}

/// A profile whose segments carry their own time to value and signals,
/// answered with Enter at every question, comes back with every answer,
/// asked or not, as it was.
#[test]
fn from_keeps_what_it_does_not_ask_through_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::canonicalize("profiles/canvasly.toml").unwrap();
    let mut p = spawn(
        dir.path(),
        &[
            "interview",
            "--from",
            original.to_str().unwrap(),
            "--save",
            "again.toml",
        ],
    );
    p.set_expect_timeout(Some(Duration::from_millis(300)));
    let mut saved = false;
    for _ in 0..200 {
        p.send(ENTER).unwrap();
        if p.expect("Saved again.toml").is_ok() {
            saved = true;
            break;
        }
    }
    assert!(saved, "the interview never reached its save");
    p.set_expect_timeout(Some(Duration::from_secs(20)));
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    let answers = |path: &Path| -> toml::Table {
        let mut t: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
        // Money is written back in full (`$2k` becomes `$2,000`); compare
        // what it decides, below, not how it is spelled.
        t.remove("acv");
        for segment in t["segments"].as_array_mut().unwrap() {
            segment.as_table_mut().unwrap().remove("acv");
        }
        t
    };
    let again = answers(&dir.path().join("again.toml"));
    let before = answers(&original);
    for segment in before["segments"].as_array().unwrap() {
        let segment = segment.as_table().unwrap();
        if segment.contains_key("time_to_value") || segment.contains_key("signals") {
            let name = &segment["name"];
            let kept = again["segments"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| &s["name"] == name)
                .unwrap_or_else(|| panic!("segment {name} kept"));
            assert_eq!(kept.get("time_to_value"), segment.get("time_to_value"));
            assert_eq!(kept.get("signals"), segment.get("signals"));
        }
    }
    assert_eq!(again, before);
    assert_eq!(
        motion_of(&dir.path().join("again.toml")),
        motion_of(&original)
    );
}

#[test]
fn ctrl_c_mid_interview_writes_nothing_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer(&mut p, "Company or product name", "Acme\r");
    answer(&mut p, "Annual contract value", "12");
    std::thread::sleep(Duration::from_millis(50));
    p.send(CTRL_C).unwrap();
    let (rest, code) = finish(p);
    assert_eq!(code, 130);
    assert!(rest.contains("nothing was saved"), "{rest}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn esc_in_a_list_stops_and_leaves_the_cursor_visible() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer(&mut p, "Company or product name", "Acme\r");
    answer(&mut p, "Annual contract value", "12k\r");
    answer(&mut p, "Time until a new user gets real value", "5m\r");
    p.expect("\x1b[?25l").unwrap(); // the list hides the cursor
    p.expect("Who decides to buy?").unwrap();
    std::thread::sleep(Duration::from_millis(50));
    p.send(ESC).unwrap();
    let (rest, code) = finish(p);
    assert_eq!(code, 130);
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor was not shown again: {rest:?}"
    );
    assert!(rest.contains("nothing was saved"));
    assert!(!dir.path().join("acme.toml").exists());
}

#[test]
fn end_of_input_stops_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["interview"]);
    answer(&mut p, "Company or product name", CTRL_D);
    let (rest, code) = finish(p);
    assert_eq!(code, 130);
    assert!(rest.contains("End of input"), "{rest}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_existing_file_is_only_replaced_after_a_yes() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("acme.toml");
    std::fs::write(&target, "original").unwrap();

    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer_core(&mut p);
    answer(&mut p, "Answer optional questions", ENTER);
    answer(&mut p, "acme.toml already exists. Replace it?", ENTER); // default: no
    answer(&mut p, "Save under another name?", "n");
    p.expect("Not saved").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "original");

    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer_core(&mut p);
    answer(&mut p, "Answer optional questions", ENTER);
    answer(&mut p, "acme.toml already exists. Replace it?", "y");
    p.expect("Saved acme.toml").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(motion_of(&target), "hybrid");
}

/// An interview whose answers are all given and whose `--save` path is in a
/// folder that does not exist, so the save fails.
fn answered_then_failed_to_save(dir: &Path) -> Pty {
    let mut p = spawn(dir, &["interview", "--save", "no/such/folder/acme.toml"]);
    answer_core(&mut p);
    answer(&mut p, "Answer optional questions", ENTER);
    p
}

#[test]
fn a_failed_save_asks_for_another_path_and_keeps_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = answered_then_failed_to_save(dir.path());
    p.expect("no/such/folder/acme.toml: cannot save").unwrap();
    answer(&mut p, "Save them somewhere else?", ENTER); // default: yes
    answer(&mut p, "Save to", "acme.toml\r");
    p.expect("Saved acme.toml").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(motion_of(&dir.path().join("acme.toml")), "hybrid");
}

#[test]
fn a_directory_given_to_save_is_reported_and_another_name_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("clients")).unwrap();
    let mut p = spawn(dir.path(), &["interview", "--save", "clients"]);
    answer_core(&mut p);
    answer(&mut p, "Answer optional questions", ENTER);
    p.expect("clients is a directory; give a file name")
        .unwrap();
    answer(&mut p, "Save these answers as a profile?", ENTER);
    answer(&mut p, "Save to", "clients/acme.toml\r");
    p.expect("Saved clients/acme.toml").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(motion_of(&dir.path().join("clients/acme.toml")), "hybrid");
}

#[test]
fn giving_up_after_a_failed_save_prints_the_profile_instead() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = answered_then_failed_to_save(dir.path());
    answer(&mut p, "Save them somewhere else?", "n");
    let (rest, code) = finish(p);
    assert_eq!(code, 2, "{rest}");
    assert!(rest.contains("name = \"Acme Labs\""), "{rest}");
    assert!(rest.contains("acv = \"$24,000\""), "{rest}");
    assert!(
        rest.contains("Not saved: the profile is printed above"),
        "{rest}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Ctrl-C in a yes/no question raises SIGINT as well as ending the prompt;
/// after a failed save the answers must still be printed, not dropped by the
/// signal handler.
#[test]
fn ctrl_c_after_a_failed_save_still_prints_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = answered_then_failed_to_save(dir.path());
    answer(&mut p, "Save them somewhere else?", CTRL_C);
    let (rest, code) = finish(p);
    assert_eq!(code, 2, "{rest}");
    assert!(rest.contains("acv = \"$24,000\""), "{rest}");
    assert!(!rest.contains("nothing was saved"), "{rest}");
}

/// Ctrl-C in a list stops once: one message, exit 130, the cursor shown.
#[test]
fn ctrl_c_in_a_list_stops_with_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer(&mut p, "Company or product name", "Acme\r");
    answer(&mut p, "Annual contract value", "12k\r");
    answer(&mut p, "Time until a new user gets real value", "5m\r");
    answer(&mut p, "Who decides to buy?", CTRL_C);
    let (rest, code) = finish(p);
    assert_eq!(code, 130, "{rest}");
    assert_eq!(rest.matches("nothing was saved").count(), 1, "{rest}");
    assert!(rest.contains("\x1b[?25h"), "{rest:?}");
    assert!(!dir.path().join("acme.toml").exists());
}

/// The examples after "e.g." in a hint: `12000, $12k, 1.5M` or
/// `12000, "12,000", "$12k" or "1.5M"`.
fn examples(hint: &str) -> Vec<String> {
    let after = &hint[hint.find("e.g. ").expect("a hint with examples") + 5..];
    let list = after.split(')').next().unwrap();
    list.split(", ")
        .flat_map(|part| part.split(" or "))
        .map(|e| e.trim().to_string())
        .collect()
}

/// Every example the ACV question and its refusal show, typed as shown
/// (quotes included) in a real terminal, is accepted: each is typed, the
/// next question is left with `<`, and the next example replaces it.
#[test]
fn every_acv_example_shown_is_accepted_when_typed() {
    use gtm_advisor::interview::{CORE, Field, check_for};
    let acv = CORE.iter().find(|q| q.field == Field::Acv).unwrap();
    let refusal = check_for(Field::Acv).unwrap()("lots").unwrap_err();
    let mut typed = examples(acv.prompt);
    typed.extend(examples(&refusal));
    assert!(typed.len() >= 6, "{typed:?}");
    assert!(typed.iter().any(|e| e.starts_with('"')), "{typed:?}");

    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer(&mut p, "Company or product name", "Acme\r");
    answer(&mut p, "Annual contract value", "lots\r");
    p.expect("is not an amount of money").unwrap();
    for example in &typed {
        std::thread::sleep(Duration::from_millis(50));
        p.send(format!("{example}\r")).unwrap();
        let shown = p
            .expect("Time until a new user")
            .unwrap_or_else(|e| panic!("{example} was not accepted: {e}"));
        let shown = String::from_utf8_lossy(shown.before()).into_owned();
        assert!(
            shown.contains("· $") && !shown.contains("✘"),
            "{example}: {shown:?}"
        );
        // Back to the ACV question for the next example.
        answer(&mut p, "›", "<\r");
        p.expect("Annual contract value").unwrap();
    }
    std::thread::sleep(Duration::from_millis(50));
    p.send(ESC).unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 130);
}

/// A name pre-filled from a profile (`--from`) may hold a bidirectional
/// override, which a profile allows; the interview shows it escaped, in the
/// offered default and in the answer, and keeps the name itself.
#[test]
fn text_from_a_profile_is_shown_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string("profiles/salesforce.toml").unwrap();
    let start = source.find("name = ").unwrap();
    let end = start + source[start..].find('\n').unwrap();
    let hostile = format!(
        "{}name = \"Acme\u{202e}Labs\"{}",
        &source[..start],
        &source[end..]
    );
    let from = dir.path().join("from.toml");
    std::fs::write(&from, hostile).unwrap();
    let mut p = spawn(
        dir.path(),
        &["interview", "--from", "from.toml", "--save", "again.toml"],
    );
    answer(&mut p, "Company or product name", ENTER);
    let drawn = p.expect("Annual contract value").unwrap();
    let drawn = String::from_utf8_lossy(drawn.as_bytes()).into_owned();
    assert!(!drawn.contains('\u{202e}'), "{drawn:?}");
    assert!(drawn.contains("Acme\\u{202e}Labs"), "{drawn:?}");
    std::thread::sleep(Duration::from_millis(50));
    p.send(ESC).unwrap();
    let (rest, code) = finish(p);
    assert_eq!(code, 130, "{rest}");
}

/// Runs gtm with stdin from /dev/null and no terminal, failing if it hangs.
fn detached(args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("gtm"));
    cmd.args(args).stdin(std::process::Stdio::null());
    assert_cmd::Command::from_std(cmd)
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap()
}

#[test]
fn off_a_terminal_the_interview_refuses_at_once() {
    let out = detached(&["interview"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("terminal"), "{stderr}");
    assert!(
        stderr.contains("gtm init") && stderr.contains("gtm recommend"),
        "{stderr}"
    );
}

#[test]
fn bare_gtm_off_a_terminal_prints_the_usage_help() {
    let out = detached(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("Usage: gtm"),
        "{}",
        text(&out.stderr)
    );
}

/// "← back", the last entry of a list (and `<` at a text prompt), goes back
/// one question with its answer offered again; nothing is lost.
#[test]
fn back_goes_to_the_previous_question_keeping_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer(&mut p, "Company or product name", "Acme Labs\r");
    answer(&mut p, "Annual contract value", "<\r");
    answer(&mut p, "Company or product name", ENTER); // kept: Acme Labs
    answer(&mut p, "Annual contract value", "24k\r");
    answer(&mut p, "Time until a new user gets real value", "2 days\r");
    // The buyer list starts on its first value; four down is "← back".
    p.expect("Who decides to buy?").unwrap();
    p.expect("← back").unwrap();
    std::thread::sleep(Duration::from_millis(50));
    p.send(format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}")).unwrap();
    answer(&mut p, "Time until a new user gets real value", ENTER); // kept: 2 days
    answer(&mut p, "Who decides to buy?", &format!("{DOWN}{ENTER}"));
    answer(&mut p, "What compliance burden", &format!("{DOWN}{ENTER}"));
    answer(
        &mut p,
        "What does it take to get started?",
        &format!("{DOWN}{ENTER}"),
    );
    answer(&mut p, "Describe customer segments", ENTER);
    answer(&mut p, "Answer optional questions", ENTER);
    p.expect("Saved acme.toml").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    let saved = std::fs::read_to_string(dir.path().join("acme.toml")).unwrap();
    assert!(saved.contains("name = \"Acme Labs\""), "{saved}");
    assert!(saved.contains("time_to_value = \"2 days\""), "{saved}");
    assert!(saved.contains("acv = \"$24,000\""), "{saved}");
    assert_eq!(motion_of(&dir.path().join("acme.toml")), "hybrid");
}

/// A dangling link at the save target is there: the interview asks before
/// replacing it, and a "no" never loops on the same path.
#[cfg(unix)]
#[test]
fn a_dangling_link_at_the_target_is_asked_about_not_retried() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("acme.toml");
    std::os::unix::fs::symlink("/no/such/place.toml", &link).unwrap();

    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer_core(&mut p);
    answer(&mut p, "Answer optional questions", ENTER);
    answer(
        &mut p,
        "acme.toml is a symbolic link. Replace the link with the profile?",
        ENTER,
    ); // default: no
    answer(&mut p, "Save under another name?", "n");
    p.expect("Not saved").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    answer_core(&mut p);
    answer(&mut p, "Answer optional questions", ENTER);
    answer(&mut p, "Replace the link with the profile?", "y");
    p.expect("Saved acme.toml").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    assert_eq!(motion_of(&link), "hybrid");
}

/// Shares are checked as they are typed against what the segments before
/// left, so the interview ends with a saved, valid profile; the result is
/// short and ends with a one-line summary just before the save question.
#[test]
fn shares_are_checked_as_typed_and_the_result_is_short() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["interview"]);
    answer_core_questions(&mut p);
    answer(&mut p, "Describe customer segments", "y");
    answer(&mut p, "Segment 1 name", "SMB\r");
    answer(&mut p, "Its annual contract value", "2k\r");
    answer(&mut p, "Its share of revenue", "0.6\r");
    answer(&mut p, "Who buys in this segment?", ENTER);
    answer(&mut p, "Its compliance burden?", ENTER);
    answer(&mut p, "What it takes to get started?", ENTER);
    answer(&mut p, "Add another segment?", "y");
    answer(&mut p, "Segment 2 name", "Enterprise\r");
    answer(&mut p, "Its annual contract value", "150k\r");
    answer(&mut p, "Its share of revenue", "0.5\r");
    answer(&mut p, "0.6 so far; at most 0.4 is left", "0.4\r");
    answer(&mut p, "Who buys in this segment?", ENTER);
    answer(&mut p, "Its compliance burden?", ENTER);
    answer(&mut p, "What it takes to get started?", ENTER);
    answer(&mut p, "Add another segment?", ENTER);
    answer(&mut p, "Answer optional questions", ENTER);
    p.expect("Result: ").unwrap();
    let shown = p.expect("Save these answers as a profile?").unwrap();
    let shown = String::from_utf8_lossy(shown.before()).into_owned();
    assert!(
        !shown.contains("calculate-acv-distribution"),
        "the checklist is a command away, not on screen: {shown}"
    );
    p.send(ENTER).unwrap();
    // The default name is the one init and check use.
    answer(&mut p, "Save to", ENTER);
    p.expect("Saved gtm.toml").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    let out = gtm()
        .args(["check", "gtm.toml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
}

/// With `--from`, the save question offers that file (replaced only after a
/// yes), and a name without `.toml` is warned about.
#[test]
fn from_offers_its_own_file_and_a_name_without_toml_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("profiles/salesforce.toml", dir.path().join("sf.toml")).unwrap();
    let mut p = spawn(dir.path(), &["interview", "--from", "sf.toml"]);
    for _ in 0..8 {
        answer(&mut p, "?", ENTER);
    }
    answer(&mut p, "Save these answers as a profile?", ENTER);
    answer(&mut p, "Save to (sf.toml)", ENTER);
    answer(&mut p, "sf.toml already exists. Replace it?", "n");
    answer(&mut p, "Save under another name?", ENTER);
    answer(&mut p, "Save to", "notes.txt\r");
    p.expect("does not end in .toml").unwrap();
    p.expect("Saved notes.txt").unwrap();
    let (_, code) = finish(p);
    assert_eq!(code, 0);
    assert!(dir.path().join("notes.txt").is_file());
}

/// Help inside the interview: `?` explains the question and the keys and
/// is no answer; `<` on the first question says there is nothing to go
/// back to; going back is not recorded as an answer; an unanswered value
/// is "unknown", not "false".
#[test]
fn question_marks_and_going_back_are_no_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = spawn(dir.path(), &["interview", "--save", "acme.toml"]);
    let mut seen = String::new();
    let mut step = |p: &mut Pty, prompt: &str, keys: &str| {
        let c = p
            .expect(prompt)
            .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
        seen.push_str(&String::from_utf8_lossy(c.as_bytes()));
        std::thread::sleep(Duration::from_millis(50));
        p.send(keys).unwrap();
    };
    step(&mut p, "`?` explains a question", "");
    step(&mut p, "Company or product name", "?\r");
    step(&mut p, "`<` goes back one question", "<\r");
    step(&mut p, "nothing to go back to", "Acme\r");
    step(&mut p, "Annual contract value", "<\r");
    step(&mut p, "Company or product name", ENTER);
    step(&mut p, "Annual contract value", "24k\r");
    step(&mut p, "Time until a new user gets real value", "2 days\r");
    step(
        &mut p,
        "← back",
        &format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}"),
    );
    step(&mut p, "Time until a new user gets real value", ENTER);
    step(&mut p, "Who decides to buy?", &format!("{DOWN}{ENTER}"));
    step(&mut p, "What compliance burden", ENTER);
    step(&mut p, "What does it take to get started?", ENTER);
    step(&mut p, "Describe customer segments", ENTER);
    step(&mut p, "Answer optional questions", "y");
    // Enter through the yes/no signals to the segment list, whose "not
    // sure" leaves the answer unknown rather than false.
    p.set_expect_timeout(Some(Duration::from_millis(300)));
    let mut unknown = false;
    for _ in 0..20 {
        if p.expect("leave it unanswered (unknown)").is_ok() {
            unknown = true;
            break;
        }
        p.send(ENTER).unwrap();
    }
    assert!(unknown, "the segment list offers an unknown answer");
    let mut saved = false;
    for _ in 0..60 {
        p.send(ENTER).unwrap();
        if p.expect("Saved acme.toml").is_ok() {
            saved = true;
            break;
        }
    }
    assert!(saved, "the interview never reached its save");
    let (rest, code) = finish(p);
    assert_eq!(code, 0, "{rest}");
    let plain: String = seen.chars().filter(|c| !c.is_control()).collect();
    assert!(!plain.contains("· <"), "`<` recorded as an answer: {plain}");
    assert!(
        !plain.contains("· ← back"),
        "back recorded as an answer: {plain}"
    );
    assert!(!plain.contains("· ?"), "`?` recorded as an answer: {plain}");
    let saved = std::fs::read_to_string(dir.path().join("acme.toml")).unwrap();
    assert!(saved.contains("name = \"Acme\""), "{saved}");
}
