//! Every kind of bad input gives exit 2, one clear message on stderr naming
//! the file (and line where there is one), nothing on stdout, and no panic.

use crate::support::{gtm, text, valid_with};
use std::io::Write;

/// Runs `gtm recommend` on `content` saved as `bad.toml`; returns stderr.
fn refused(content: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::File::create(&path)
        .unwrap()
        .write_all(content)
        .unwrap();
    let out = gtm().arg("recommend").arg(&path).output().unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty(), "stdout: {}", text(&out.stdout));
    assert!(
        stderr.contains("bad.toml"),
        "stderr does not name the file: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    stderr
}

/// Like `refused`, and the message points at `line` and mentions `needle`.
fn refused_at(content: &str, line: usize, needle: &str) -> String {
    let stderr = refused(content.as_bytes());
    assert!(
        stderr.contains(&format!("bad.toml:{line}:")),
        "expected line {line}: {stderr}"
    );
    assert!(stderr.contains(needle), "expected {needle:?}: {stderr}");
    stderr
}

#[test]
fn empty_file() {
    let stderr = refused(b"");
    assert!(
        stderr.contains("missing required key `version`"),
        "{stderr}"
    );
    assert!(stderr.contains("missing required key `acv`"), "{stderr}");
}

#[test]
fn random_bytes() {
    let stderr = refused(&[0x89, b'P', b'N', b'G', 0xff, 0x00, 0x13, 0x37]);
    assert!(stderr.contains("not UTF-8"), "{stderr}");
    assert!(stderr.contains("bad.toml:1:1"), "{stderr}");
}

#[test]
fn invalid_toml() {
    refused_at(
        &valid_with("buyer = \"team\"", "buyer = \"team"),
        5,
        "not valid TOML",
    );
}

#[test]
fn a_duplicate_key_is_named_with_both_lines() {
    let stderr = refused_at(
        &valid_with(
            "buyer = \"team\"",
            "buyer = \"team\"\nbuyer = \"committee\"",
        ),
        6,
        "`buyer`: set twice: first on line 5, again here",
    );
    assert!(
        stderr.contains("help: a key can be set once in each table"),
        "{stderr}"
    );
}

#[test]
fn nesting_too_deep_points_at_its_line() {
    let deep = format!("{} = 1", vec!["a"; 300].join("."));
    refused_at(
        &valid_with("[signals]", &format!("{deep}\n[signals]")),
        9,
        "nested too deeply",
    );
}

#[test]
fn each_required_key_missing() {
    for key in [
        "version",
        "name",
        "acv",
        "time_to_value",
        "buyer",
        "compliance",
        "onboarding",
    ] {
        let line = crate::support::VALID
            .lines()
            .find(|l| l.starts_with(&format!("{key} ")))
            .unwrap();
        let stderr = refused(valid_with(&format!("{line}\n"), "").as_bytes());
        assert!(
            stderr.contains(&format!("missing required key `{key}`")),
            "{key}: {stderr}"
        );
        assert_eq!(stderr.matches("error:").count(), 1, "{key}: {stderr}");
    }
}

#[test]
fn bad_acv_values() {
    for (acv, needle) in [
        ("-5", "cannot be negative"),
        ("\"-$5k\"", "cannot be negative"),
        ("nan", "finite"),
        ("inf", "finite"),
        ("-inf", "finite"),
        ("\"lots\"", "not an amount of money"),
        ("\"12,00\"", "not an amount of money"),
        ("true", "expected an amount"),
    ] {
        let stderr = refused_at(&valid_with("\"$12k\"", acv), 3, needle);
        assert!(stderr.contains("`acv`"), "{stderr}");
    }
}

#[test]
fn zero_and_unparseable_durations() {
    refused_at(
        &valid_with("\"20 minutes\"", "\"0 minutes\""),
        4,
        "longer than zero",
    );
    refused_at(
        &valid_with("\"20 minutes\"", "\"soonish\""),
        4,
        "not a duration",
    );
    refused_at(&valid_with("\"20 minutes\"", "20"), 4, "has no unit");
}

#[test]
fn unknown_enum_value() {
    let stderr = refused_at(
        &valid_with("\"team\"", "\"tem\""),
        5,
        "allowed: individual, team, committee, executive",
    );
    assert!(stderr.contains("did you mean \"team\""), "{stderr}");
}

#[test]
fn misspelt_key() {
    let stderr = refused_at(
        &valid_with("compliance =", "complience ="),
        6,
        "unknown key",
    );
    assert!(stderr.contains("did you mean `compliance`?"), "{stderr}");
}

#[test]
fn version_2() {
    let stderr = refused_at(
        &valid_with("version = 1", "version = 2"),
        1,
        "version 2 is not supported",
    );
    assert!(stderr.contains("reads version 1"), "{stderr}");
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
}

#[test]
fn empty_name() {
    refused_at(
        &valid_with("\"Acme Analytics\"", "\"\""),
        2,
        "name is empty",
    );
}

#[test]
fn absurdly_deep_nesting() {
    let deep = format!(
        "{}x = {}1{}\n",
        crate::support::VALID,
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    refused_at(&deep, 14, "not valid TOML");
    let tables = format!(
        "{}y = {}1{}\n",
        crate::support::VALID,
        "{a = ".repeat(100_000),
        "}".repeat(100_000)
    );
    refused_at(&tables, 14, "not valid TOML");
}

#[test]
fn fifty_megabyte_file() {
    let mut big = crate::support::VALID.as_bytes().to_vec();
    big.resize(50 * 1024 * 1024, b'#');
    let stderr = refused(&big);
    assert!(stderr.contains("larger than 1048576 bytes"), "{stderr}");
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    // `explain` takes one profile, so a directory is refused.
    let out = gtm().arg("explain").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("is a directory"),
        "{}",
        text(&out.stderr)
    );
    // `recommend` evaluates the profiles in a directory; an empty one is an error.
    let out = gtm().arg("recommend").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("no *.toml files"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_missing_file() {
    let out = gtm()
        .args(["recommend", "no/such/profile.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("no/such/profile.toml: no such file"),
        "{stderr}"
    );
    assert!(stderr.contains("gtm init"), "{stderr}");
}

#[test]
fn long_keys_and_values_are_named_by_a_short_prefix() {
    let long = "k".repeat(100_000);
    for (from, to) in [
        ("[signals]", format!("{long} = 1\n[signals]")),
        ("buyer = \"team\"", format!("buyer = \"{long}\"")),
        ("acv = \"$12k\"", format!("acv = \"{long}\"")),
        (
            "time_to_value = \"20 minutes\"",
            format!("time_to_value = \"{long}\""),
        ),
    ] {
        let stderr = refused(valid_with(from, &to).as_bytes());
        assert!(
            stderr.len() < 1_000,
            "{} bytes: {stderr:.300}",
            stderr.len()
        );
        assert!(stderr.contains(&format!("{}…", "k".repeat(40))), "{stderr}");
    }
}

#[test]
fn many_unknown_checklist_ids_give_twenty_warnings_and_a_count() {
    let ids: Vec<String> = (0..500).map(|i| format!("\"gone-{i}\"")).collect();
    let out = gtm()
        .args(["recommend", "-", "--format", "json"])
        .write_stdin(valid_with("\"measure-time-to-value\"", &ids.join(", ")))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let unknown: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "unknown-checklist-id")
        .collect();
    assert_eq!(unknown.len(), 21);
    assert!(
        unknown[20]["message"]
            .as_str()
            .unwrap()
            .starts_with("480 more ids")
    );
    // The portfolio row counts the same findings the full result lists.
    let out = gtm()
        .args(["recommend", "-", "--format", "csv"])
        .write_stdin(valid_with("\"measure-time-to-value\"", &ids.join(", ")))
        .output()
        .unwrap();
    let row = text(&out.stdout).lines().nth(1).unwrap().to_string();
    let findings = v["findings"].as_array().unwrap().len();
    assert!(
        row.contains(&format!(",{findings},")),
        "{row} vs {findings}"
    );
}

#[test]
fn unknown_checklist_id_is_a_warning_naming_the_nearest_id() {
    // A rulebook update may retire an id; the saved profile still loads, and
    // the result warns on the line, with the nearest id.
    let out = gtm()
        .args(["recommend", "-", "--format", "json"])
        .write_stdin(valid_with(
            "\"measure-time-to-value\"",
            "\"measure-time-to-valu\"",
        ))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let finding = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "unknown-checklist-id")
        .expect("a warning for the unknown id");
    assert_eq!(finding["level"], "warning");
    assert_eq!(finding["line"], 13);
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("`measure-time-to-valu`")
    );
    assert!(
        finding["fix"]
            .as_str()
            .unwrap()
            .contains("`measure-time-to-value`")
    );
    let checked = gtm()
        .args(["check", "-", "--deny", "warnings"])
        .write_stdin(valid_with(
            "\"measure-time-to-value\"",
            "\"measure-time-to-valu\"",
        ))
        .output()
        .unwrap();
    assert_eq!(checked.status.code(), Some(1), "{}", text(&checked.stdout));
}

#[test]
fn wrong_types_and_unknown_tables() {
    refused_at(
        &valid_with("viral_loops = true", "viral_loops = \"yes\""),
        10,
        "expected true or false",
    );
    refused_at(
        &valid_with("[signals]", "[signal]"),
        9,
        "did you mean `signals`?",
    );
    refused_at(
        &valid_with("viral_loops = true", "viral_loop = true"),
        10,
        "did you mean `signals.viral_loops`?",
    );
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let content = valid_with("\"team\"", "\"tem\"").replace("\"light\"", "\"heavy\"");
    let stderr = refused(content.as_bytes());
    assert_eq!(stderr.matches("error:").count(), 2, "{stderr}");
}

#[test]
fn standard_input_errors_are_named() {
    let out = gtm()
        .args(["recommend", "-"])
        .write_stdin("version = 1\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("<stdin>:"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn garbage_of_every_kind_never_panics() {
    let samples: [&[u8]; 8] = [
        b"\xef\xbb\xbfversion = 1",
        b"\0\0\0\0",
        b"[[[[[[[[",
        b"version = 1\n[checklist]\ndone = [1, 2, {a = 1}]\n",
        b"version = 1\nacv = 1e999\n",
        b"version = 1\nacv = 99999999999999999999999\n",
        b"version = \"1\"\n",
        b"= = =\n\"\"\"\n",
    ];
    for sample in samples {
        refused(sample);
    }
}

#[test]
fn control_and_bidi_characters_from_input_are_shown_escaped() {
    // A file name with an escape sequence and a newline that would start a
    // GitHub workflow command, and a profile name with a bidi override.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("x\u{1b}]0;pwned\u{7}\n::error::y.toml");
    std::fs::write(&bad, "version = 1\nname = ").unwrap();
    let good = dir.path().join("ok.toml");
    std::fs::write(
        &good,
        valid_with("name = \"Acme Analytics\"", "name = \"Acme \u{202e}evil\""),
    )
    .unwrap();
    for format in ["text", "github"] {
        let out = gtm()
            .arg("check")
            .arg(&bad)
            .arg(&good)
            .args(["--format", format])
            .output()
            .unwrap();
        for stream in [text(&out.stdout), text(&out.stderr)] {
            assert!(
                !stream.contains('\u{1b}') && !stream.contains('\u{7}'),
                "{stream}"
            );
            assert!(!stream.contains('\u{202e}'), "{stream}");
            assert!(
                !stream.lines().any(|l| l.starts_with("::error::y")),
                "{stream}"
            );
        }
    }
    let out = gtm().arg("recommend").arg(&bad).output().unwrap();
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("x\\u{1b}]0;pwned\\u{7}\\n::error::y.toml"),
        "{stderr}"
    );
    let out = gtm().arg("recommend").arg(&good).output().unwrap();
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Motion for Acme \\u{202e}evil: "),
        "{stdout}"
    );
}

#[test]
fn markup_in_names_stays_inert_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.toml");
    let hostile = "<img src=x onerror=alert(1)> [x](javascript:y) | *b*";
    std::fs::write(
        &file,
        valid_with(
            "name = \"Acme Analytics\"",
            &format!("name = \"{hostile}\""),
        ),
    )
    .unwrap();
    let good = dir.path().join("y.toml");
    std::fs::write(&good, valid_with("", "")).unwrap();
    for args in [
        vec!["recommend", "--format", "markdown"],
        vec!["explain", "--format", "markdown"],
    ] {
        let out = gtm().args(&args).arg(&file).output().unwrap();
        let stdout = text(&out.stdout);
        assert!(
            !stdout.contains("<img") && !stdout.contains("](javascript"),
            "{stdout}"
        );
        assert!(
            stdout.contains("&lt;img src=x onerror=alert&#40;1&#41;&gt;"),
            "{stdout}"
        );
    }
    // In a portfolio table a pipe in a name must not open a new cell.
    let out = gtm()
        .args(["recommend", "--format", "markdown"])
        .arg(&file)
        .arg(&good)
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    let row = stdout.lines().find(|l| l.contains("onerror")).unwrap();
    assert_eq!(row.matches(" | ").count(), 5, "{row}");
    // A backtick in a file name cannot open a code span that swallows the row.
    let ticked = dir.path().join("a`b|c.toml");
    std::fs::copy(&good, &ticked).unwrap();
    let out = gtm()
        .args(["recommend", "--format", "markdown"])
        .arg(&ticked)
        .arg(&good)
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    let row = stdout
        .lines()
        .find(|l| l.contains("a&#96;b&#124;c.toml"))
        .unwrap();
    assert_eq!(row.matches(" | ").count(), 5, "{row}");
    assert!(!row.contains('`'), "{row}");
}

#[test]
fn keys_values_and_arguments_cannot_start_a_line_of_their_own() {
    // A quoted key and a multi-line string value holding a newline and a
    // GitHub workflow command.
    let src = format!(
        "{}\"a\\n::error::key\" = 1\n",
        valid_with(
            "name = \"Acme Analytics\"",
            "name = \"\"\"\n::error::value\"\"\""
        )
    );
    let out = gtm()
        .args(["recommend", "-"])
        .write_stdin(src)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("a\\n::error::key"), "{stderr}");
    assert!(!stderr.lines().any(|l| l.starts_with("::")), "{stderr}");
    // An argument echoed in an error.
    let out = gtm()
        .args([
            "check",
            "profiles/acme-analytics.toml",
            "--allow",
            "x\n::error::y",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(!stderr.lines().any(|l| l.starts_with("::")), "{stderr}");
}

/// A line whose first non-blank text is taken from the input can be read as a
/// command by whatever reads the output (GitHub Actions runs `::error ...`
/// lines from any step's log). Every name here starts with `::`, so a line
/// that begins with input begins with `::`; only `--format github` may print
/// such lines, and only its own well-formed annotations.
#[test]
fn no_line_in_any_format_begins_with_text_from_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let profile = format!(
        "{}\n[[segments]]\nname = \"the enterprise accounts bought by committees after long reviews ::warning::segment ##vso[task.complete]\"\nacv = \"$180k\"\nshare = 0.3\nbuyer = \"committee\"\n",
        valid_with("name = \"Acme Analytics\"", "name = \"::error::pwned\"")
            .replace("[checklist]\ndone = [\"measure-time-to-value\"]\n", "")
            .replace(
                "[signals]",
                "[practices]\ndemo_required = true\n\n[signals]"
            )
    );
    // Relative names, run from the directory, so that each name can begin a line.
    let (file, other, invalid) = ("::error::f.toml", "::notice::g.toml", "::error::bad.toml");
    std::fs::write(dir.path().join(file), &profile).unwrap();
    std::fs::write(dir.path().join(other), &profile).unwrap();
    std::fs::write(
        dir.path().join(invalid),
        "version = 1\nname = \"::error::x\"\nacv = \"::error::y\"\n",
    )
    .unwrap();
    let (md, html) = ("report.md", "report.html");

    let mut runs: Vec<(String, Vec<std::ffi::OsString>)> = Vec::new();
    let os = |parts: &[&dyn AsRef<std::ffi::OsStr>]| -> Vec<std::ffi::OsString> {
        parts.iter().map(|p| p.as_ref().to_os_string()).collect()
    };
    for format in ["text", "json", "markdown", "csv"] {
        runs.push((
            format.into(),
            os(&[&"recommend", &file, &"--format", &format]),
        ));
        runs.push((
            format.into(),
            os(&[&"recommend", &file, &other, &"--format", &format]),
        ));
        runs.push((
            format.into(),
            os(&[&"recommend", &file, &invalid, &"--format", &format]),
        ));
    }
    for format in ["text", "json", "markdown"] {
        runs.push((
            format.into(),
            os(&[&"explain", &file, &"--format", &format]),
        ));
        runs.push((
            format.into(),
            os(&[&"explain", &invalid, &"--format", &format]),
        ));
        runs.push((
            format.into(),
            os(&[
                &"what-if",
                &file,
                &"--set",
                &"acv=90000",
                &"--format",
                &format,
            ]),
        ));
    }
    for format in ["text", "json", "github", "junit", "gitlab"] {
        runs.push((
            format.into(),
            os(&[&"check", &file, &invalid, &"--format", &format]),
        ));
    }
    runs.push(("markdown".into(), os(&[&"report", &file, &"--out", &md])));
    runs.push(("html".into(), os(&[&"report", &file, &"--out", &html])));

    let mut failures = Vec::new();
    for (format, args) in &runs {
        let out = gtm().current_dir(dir.path()).args(args).output().unwrap();
        let mut streams = vec![("stdout", text(&out.stdout)), ("stderr", text(&out.stderr))];
        if args[0] == "report" {
            let written = dir.path().join(&args[3]);
            streams.push(("report", std::fs::read_to_string(&written).unwrap()));
            std::fs::remove_file(&written).unwrap();
        }
        for (stream, output) in streams {
            for line in output.lines() {
                let start = line.trim_start();
                if start.starts_with("##vso[") {
                    failures.push(format!("gtm {args:?} ({format}) {stream}:\n  {line}"));
                }
                if !start.starts_with("::") {
                    continue;
                }
                // An annotation's properties are escaped (`:` is `%3A`), so the
                // first `::` after its name ends them and input is only data.
                let properties = start[2..].split("::").next().unwrap_or_default();
                let own_annotation = format == "github"
                    && stream == "stdout"
                    && (properties.starts_with("error file=")
                        || properties.starts_with("warning file="))
                    && !properties.contains(':');
                if !own_annotation {
                    failures.push(format!("gtm {args:?} ({format}) {stream}:\n  {line}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "lines that begin with input:\n{}",
        failures.join("\n")
    );
}

/// A TOML file named on purpose that is not a profile at all gets one
/// message saying so, not one per missing key.
#[test]
fn a_named_file_that_is_no_profile_gets_one_message() {
    let out = gtm().args(["check", "Cargo.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.matches("error[").count(), 1, "{stdout}");
    assert!(stdout.contains("this is not a gtm profile"), "{stdout}");
    let out = gtm().args(["recommend", "Cargo.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.matches("error:").count(), 1, "{stderr}");
    assert!(stderr.contains("gtm init FILE"), "{stderr}");
}

/// `--stdin-name` without `-` would name nothing: refused, not ignored.
#[test]
fn stdin_name_without_a_dash_is_refused() {
    let out = gtm()
        .args(["check", "profiles/figma.toml", "--stdin-name", "x.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no `-` was given"),
        "{}",
        text(&out.stderr)
    );
    let out = gtm()
        .args(["check", "-", "--stdin-name", "x.toml"])
        .write_stdin(std::fs::read_to_string("profiles/figma.toml").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("x.toml"));
}
