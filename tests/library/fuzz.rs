//! Every output format against hostile text.
//!
//! `any_name_in_every_format` runs with `cargo test`: whatever Unicode a
//! profile name, a segment name or a file name holds (controls, U+FFFE,
//! bidi overrides, markup, formula starts, `::error::`), every format still
//! parses as what it claims to be (JSON, CSV with a CSV reader, XHTML and
//! JUnit with an XML parser, one GitHub command per line) and holds no raw
//! control character except the line breaks and tabs the format allows.
//!
//! `fuzz_profiles_through_every_renderer` is the long run, ignored by
//! `cargo test`: 100,000 mangled profile texts (or `FUZZ_CASES`) read by
//! the real reader and, when valid, rendered in every format under the same
//! checks. Run it with
//! `cargo test --release --test library -- --ignored fuzz::` (about two minutes).

use gtm_advisor::engine::gate::{self as verdict, GateOptions};
use gtm_advisor::profile;
use gtm_advisor::render::gate::{self, Checked, GateFormat};
use gtm_advisor::render::{Evaluated, Row, TextOptions, csv, html, json, markdown, text};
use gtm_advisor::{Profile, assess};
use proptest::prelude::*;

use crate::support::rules;
use std::io::Write as _;

const BASE: &str = include_str!("../../profiles/canvasly.toml");

/// No raw control character but those `allowed` (and, in XML, none of the
/// noncharacters XML 1.0 forbids either).
fn clean(format: &str, out: &str, allowed: &[char]) -> Result<(), TestCaseError> {
    let xml = out.starts_with("<?xml") || out.starts_with("<!DOCTYPE");
    if let Some(c) = out.chars().find(|c| {
        (c.is_control() && !allowed.contains(c)) || (xml && matches!(c, '\u{fffe}' | '\u{ffff}'))
    }) {
        return Err(TestCaseError::fail(format!(
            "{format}: raw {c:?} in output:\n{out}"
        )));
    }
    Ok(())
}

/// Renders `profile` (as `file`) in every format and checks each one.
fn every_format(profile: &Profile, file: &str) -> Result<(), TestCaseError> {
    let rules = rules();
    let a = assess(profile, rules);
    let one = Evaluated {
        file,
        assessment: &a,
    };
    let opts = TextOptions {
        width: 80,
        colour: false,
    };
    clean("text", &text::assessment(&a, rules, &opts), &['\n'])?;
    clean("explain", &text::explain(&a, rules, &opts), &['\n'])?;
    let rows = [Row::new(file, &a), Row::new(file, &a)];
    clean(
        "text portfolio",
        &text::portfolio(&rows, rules, &opts),
        &['\n'],
    )?;
    clean("markdown", &markdown::assessment(&a, rules), &['\n'])?;
    clean("markdown explain", &markdown::explain(&a, rules), &['\n'])?;
    let both = [one, one];
    clean(
        "markdown portfolio",
        &markdown::portfolio(&both, rules),
        &['\n'],
    )?;

    let out = json::assessment(&one);
    clean("json", &out, &['\n'])?;
    let v: serde_json::Value =
        serde_json::from_str(&out).map_err(|e| TestCaseError::fail(format!("JSON: {e}\n{out}")))?;
    prop_assert_eq!(v["name"].as_str(), Some(a.name.as_str()));
    prop_assert_eq!(v["file"].as_str(), Some(file));

    let out = csv::portfolio(&rows);
    clean("csv", &out, &['\n', '\r', '\t'])?;
    let records: Vec<_> = ::csv::Reader::from_reader(out.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .map_err(|e| TestCaseError::fail(format!("CSV: {e}\n{out}")))?;
    prop_assert_eq!(records.len(), 2);
    prop_assert!(records.iter().all(|r| r.len() == 10), "{}", out);

    // The title and author a consultant types are input too.
    let meta = gtm_advisor::render::meta::ReportMeta {
        title: Some(a.name.clone()),
        author: Some(file.to_string()),
        date: None,
    };
    for (format, page) in [
        (
            "html",
            html::report(std::slice::from_ref(&one), rules, &meta),
        ),
        ("html portfolio", html::report(&both, rules, &meta)),
    ] {
        clean(format, &page, &['\n'])?;
        let options = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        roxmltree::Document::parse_with_options(&page, options)
            .map_err(|e| TestCaseError::fail(format!("{format}: {e}")))?;
    }
    clean(
        "markdown report",
        &markdown::report(&both, rules, &meta),
        &['\n'],
    )?;

    let gate_opts = GateOptions::default();
    let verdict = verdict::judge(profile, &a, rules, &gate_opts);
    let checked = [
        Checked::Judged {
            file,
            name: &profile.name,
            verdict: &verdict,
        },
        Checked::Invalid {
            file,
            problems: vec![(Some(1), format!("`{}` is not valid", profile.name))],
        },
    ];
    let ids = verdict::all_ids(rules);
    for format in [
        GateFormat::Text,
        GateFormat::Json,
        GateFormat::Github,
        GateFormat::Junit,
        GateFormat::Gitlab,
    ] {
        let out = gate::render(&checked, format, &gate_opts, &ids, 80);
        let name = format!("check {format:?}");
        clean(&name, &out, &['\n'])?;
        match format {
            GateFormat::Json | GateFormat::Gitlab => {
                serde_json::from_str::<serde_json::Value>(&out)
                    .map_err(|e| TestCaseError::fail(format!("{name}: {e}\n{out}")))?;
            }
            GateFormat::Junit => {
                roxmltree::Document::parse(&out)
                    .map_err(|e| TestCaseError::fail(format!("{name}: {e}\n{out}")))?;
            }
            GateFormat::Github => {
                // Each finding is one command line; the last line is the summary.
                let lines: Vec<&str> = out.lines().collect();
                let (summary, commands) = lines.split_last().unwrap();
                prop_assert!(summary.ends_with(" invalid"), "{}", out);
                prop_assert!(
                    commands
                        .iter()
                        .all(|l| l.starts_with("::error file=") || l.starts_with("::warning file=")),
                    "{}",
                    out
                );
            }
            GateFormat::Text => {}
        }
    }
    Ok(())
}

fn base_profile() -> Profile {
    profile::parse(BASE, "canvasly.toml", rules()).expect("the example is valid")
}

/// Text a person or an attacker might put in a name.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,20}",
        proptest::sample::select(vec![
            "::error file=x::pwned".to_string(),
            "<img src=x onerror=alert(1)> & \"q\" 'a'".to_string(),
            "=HYPERLINK(\"http://x\")".to_string(),
            "\u{1b}]0;title\u{7}".to_string(),
            "a\u{fffe}b\u{ffff}\u{0}".to_string(),
            "\u{202e}evil\r\n]]>".to_string(),
            "`tick` | pipe [x](javascript:y)".to_string(),
        ]),
    ]
}

proptest! {
    #[test]
    fn any_name_in_every_format(name in hostile(), segment in hostile(), file in hostile()) {
        let mut p = base_profile();
        p.name = name;
        // Canvasly has segments, so their names reach every format too.
        p.segments[0].name = segment;
        every_format(&p, &file)?;
    }
}

/// The built-in rulebook's TOML text.
fn builtin_rulebook() -> &'static str {
    gtm_advisor::rulebook::DEFAULT_RULEBOOK
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any text as a rulebook string (here the hybrid motion's name, which
    /// every format prints) never loads when one of its characters acts on
    /// a terminal or a log (the refusal says so), and no refusal starts a
    /// line with input. (Markup outside code spans is refused too.)
    #[test]
    fn a_rulebook_string_loads_only_when_it_cannot_act(name in hostile()) {
        let quoted = toml::Value::String(name.clone()).to_string();
        let text = builtin_rulebook().replacen(
            "name = \"Hybrid (product-led sales)\"",
            &format!("name = {quoted}"),
            1,
        );
        prop_assert_ne!(text.as_str(), builtin_rulebook());
        let loaded = gtm_advisor::engine::load_rules(&text, "r.toml");
        let acts = name.chars().any(gtm_advisor::diagnostic::acts);
        match loaded {
            Ok(_) => prop_assert!(!acts, "{name:?} loaded"),
            Err(problems) => {
                let shown = problems.to_string();
                prop_assert!(
                    !acts || shown.contains("control or bidirectional"),
                    "{name:?}: {shown}"
                );
                prop_assert!(shown.lines().all(|l| !l.starts_with("::")), "{shown}");
            }
        }
    }
}

/// Values a profile line might hold, valid for some key and not for others.
const VALUES: [&str; 14] = [
    "\"$12k\"",
    "250000",
    "\"4,999.99\"",
    "0",
    "\"2 weeks\"",
    "\"10 minutes\"",
    "\"team\"",
    "\"committee\"",
    "\"regulated\"",
    "\"implementation\"",
    "true",
    "false",
    "0.25",
    "[\"plg\"]",
];

/// A profile text with a few random edits: a name or a segment's name set
/// to hostile text (as a TOML string), a line removed, a value swapped for
/// one valid elsewhere, or a line of raw junk inserted.
fn mangled() -> impl Strategy<Value = String> {
    let lines: Vec<String> = BASE.lines().map(str::to_string).collect();
    let n = lines.len();
    let edit = (
        0..n,
        0..10u8,
        hostile(),
        proptest::sample::select(VALUES.to_vec()),
    );
    (proptest::collection::vec(edit, 1..4), Just(lines)).prop_map(|(edits, mut lines)| {
        for (at, kind, text, value) in edits {
            let at = at.min(lines.len().saturating_sub(1));
            let quoted = toml::Value::String(text.clone()).to_string();
            match kind {
                // Names, where hostile text is allowed and reaches every format.
                0..=3 => {
                    let names: Vec<usize> = (0..lines.len())
                        .filter(|&i| lines[i].starts_with("name = "))
                        .collect();
                    if !names.is_empty() {
                        let i = names[usize::from(kind) % names.len()];
                        lines[i] = format!("name = {quoted}");
                    }
                }
                4 | 5 if lines.len() > 1 => {
                    lines.remove(at);
                }
                6 | 7 => {
                    if let Some((key, _)) = lines[at].split_once('=') {
                        lines[at] = format!("{key}= {value}");
                    }
                }
                _ => lines.insert(at, text),
            }
        }
        lines.join("\n")
    })
}

/// Reads `text` as a profile; a valid one goes through every format, an
/// invalid one through the diagnostics, which must hold no raw control
/// character but their own line breaks. Returns whether it was valid.
fn read_and_render(text: &str) -> Result<bool, TestCaseError> {
    match profile::parse(text, "fuzz.toml", rules()) {
        Ok(p) => every_format(&p, "fuzz.toml").map(|()| true),
        Err(problems) => clean("diagnostics", &problems.to_string(), &['\n']).map(|()| false),
    }
}

#[test]
#[ignore = "long run: cargo test --release --test library -- --ignored fuzz::"]
fn fuzz_profiles_through_every_renderer() {
    use proptest::test_runner::{Config, TestRunner};
    use std::sync::atomic::{AtomicU32, Ordering};
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let valid = AtomicU32::new(0);
    let result = runner.run(&prop_oneof![4 => mangled(), 1 => any::<String>()], |text| {
        if read_and_render(&text)? {
            valid.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let valid = valid.into_inner();
    // The tally is the run's report (seen with --nocapture).
    let _ = writeln!(
        std::io::stderr(),
        "{cases} cases: {valid} valid profiles rendered in every format, the rest refused cleanly"
    );
    // Mangled profiles must often stay valid, or the renderers go untested.
    assert!(valid > cases / 10, "only {valid} of {cases} were valid");
}
