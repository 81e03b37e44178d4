//! `gtm pql` from outside: the shipped sample in every format, the readers
//! (gzip, JSON lines, stdin, each vendor preset), bad rows and bad inputs
//! with their exit codes, hostile account ids, the SQL of every dialect,
//! and (ignored, run by .ci/run with DuckDB and sqlglot installed) the
//! native run beside DuckDB running the emitted query on generated events.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{gen_events, gtm, have_python_module, run, text};

const PROFILE: &str = "examples/crewbook.toml";
const SAMPLE: &str = "examples/crewbook-events.csv";

fn json(args: &[&str]) -> serde_json::Value {
    let out = gtm().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

/// Writes `body` to `name` in `dir` and returns its path as text.
fn events_file(dir: &tempfile::TempDir, name: &str, body: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    path.to_str().unwrap().to_string()
}

/// `gtm report PROFILE --events EVENTS --out OUT`: its exit status and stderr.
fn report(events: &Path, out: &Path) -> (i32, String) {
    let (code, _, err) = run(&[
        "report",
        PROFILE,
        "--events",
        events.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    (code, err)
}

fn pql_json(events: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["pql", PROFILE, events.to_str().unwrap(), "--format", "json"];
    args.extend_from_slice(extra);
    json(&args)
}

#[test]
fn the_sample_runs_in_every_format() {
    let (code, out, err) = run(&["pql", PROFILE, SAMPLE]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("PQL signals for Crewbook (hybrid motion)"),
        "{out}"
    );
    assert!(out.contains("Next for acct-"), "{out}");
    assert!(
        out.contains("rows from excluded domains did not count"),
        "{out}"
    );
    let j = json(&["pql", PROFILE, SAMPLE, "--format", "json"]);
    assert_eq!(j["schema_version"], 1);
    assert_eq!(j["motion"], "hybrid");
    assert_eq!(j["window"], "30 days");
    let accounts = j["accounts"].as_array().unwrap();
    assert!(accounts.len() > 10, "{j}");
    for a in accounts {
        let who = a["who_acts"].as_str().unwrap();
        assert!(["in-product", "sales-assist"].contains(&who), "{a}");
        let target = a["triggers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == "account-based");
        if a["activated"] == false && !target {
            assert_eq!(who, "in-product", "{a}");
        }
        for t in a["triggers"].as_array().unwrap() {
            assert!(t["source"].as_str().unwrap().contains(" — "), "{t}");
        }
    }
    assert_eq!(j["totals"].as_array().unwrap().len(), 7);
    assert_eq!(j["rows"]["read"], 4000);
    let (code, csv, _) = run(&["pql", PROFILE, SAMPLE, "--format", "csv"]);
    assert_eq!(code, 0);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with(
        "account,domain,activated,plan,users,events,triggers,who_acts,next_step,account_based_at,"
    ));
    assert_eq!(lines.count(), accounts.len());
    let (code, md, _) = run(&["pql", PROFILE, SAMPLE, "--format", "markdown", "--top", "3"]);
    assert_eq!(code, 0);
    assert!(md.starts_with("## PQL signals for Crewbook"), "{md}");
    assert!(
        md.contains("| Trigger | Means | Accounts | Source |"),
        "{md}"
    );
    assert!(
        md.contains("more accounts (`gtm pql` lists them all)"),
        "{md}"
    );
}

#[test]
fn the_shipped_sample_is_what_the_generator_makes() {
    let out = Command::new(gen_events()).output().unwrap();
    assert!(out.status.success());
    let shipped = std::fs::read(SAMPLE).unwrap();
    assert!(
        out.stdout == shipped,
        "examples/crewbook-events.csv differs from `cargo run --example gen_events`"
    );
}

#[test]
fn gzip_json_lines_and_stdin_read_the_same_as_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let plain = std::fs::read(SAMPLE).unwrap();
    let gz_path = dir.path().join("events.csv.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&plain).unwrap();
    std::fs::write(&gz_path, gz.finish().unwrap()).unwrap();
    let want = pql_json(Path::new(SAMPLE), &[]);
    assert_eq!(pql_json(&gz_path, &[])["accounts"], want["accounts"]);
    // The same events as JSON lines, with the time in Unix milliseconds.
    let mut ndjson = String::new();
    let text_csv = String::from_utf8(plain.clone()).unwrap();
    for line in text_csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let ms = gtm_advisor::signals::time::parse(f[0].as_bytes()).unwrap();
        ndjson.push_str(&serde_json::json!({"timestamp": ms, "account": f[1], "user": f[2], "event": f[3], "email": f[4], "plan": f[5]}).to_string());
        ndjson.push('\n');
    }
    let nd_path = dir.path().join("events.ndjson");
    std::fs::write(&nd_path, &ndjson).unwrap();
    assert_eq!(pql_json(&nd_path, &[])["accounts"], want["accounts"]);
    let out = gtm()
        .args(["pql", PROFILE, "-", "--format", "json"])
        .write_stdin(plain)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let from_stdin: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(from_stdin["accounts"], want["accounts"]);
    // Two inputs count as one stream of events.
    let (head, tail) = text_csv.split_at(text_csv.find("\n2026-11-2").unwrap() + 1);
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    std::fs::write(&a, head).unwrap();
    std::fs::write(
        &b,
        format!("timestamp,account,user,event,email,plan\n{tail}"),
    )
    .unwrap();
    let both = json(&[
        "pql",
        PROFILE,
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(both["accounts"], want["accounts"]);
}

#[test]
fn each_preset_reads_its_vendors_export_shape() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "segment",
            r#"{"type":"track","event":"project_created","userId":"u1","timestamp":"2026-11-20T10:00:00.000Z","context":{"groupId":"acme","traits":{"email":"ann@acme.com"}}}
{"type":"track","event":"pricing_viewed","userId":"u1","timestamp":"2026-11-21T10:00:00.000Z","context":{"groupId":"acme","traits":{"email":"ann@acme.com"}}}"#,
        ),
        (
            "posthog",
            r#"{"uuid":"0190","event":"project_created","distinct_id":"u1","timestamp":"2026-11-20T10:00:00.000000+00:00","properties":{"$groups":{"company":"acme"}},"person_properties":{"email":"ann@acme.com"}}
{"uuid":"0191","event":"pricing_viewed","distinct_id":"u1","timestamp":"2026-11-21T10:00:00.000000+00:00","properties":{"$groups":{"company":"acme"}},"person_properties":{"email":"ann@acme.com"}}"#,
        ),
        (
            "amplitude",
            r#"{"event_type":"project_created","user_id":"u1","event_time":"2026-11-20 10:00:00.000000","groups":{"company":["acme"]},"user_properties":{"email":"ann@acme.com"}}
{"event_type":"pricing_viewed","user_id":"u1","event_time":"2026-11-21 10:00:00.000000","groups":{"company":["acme"]},"user_properties":{"email":"ann@acme.com"}}"#,
        ),
        (
            "mixpanel",
            r#"{"event":"project_created","properties":{"time":1795168800,"distinct_id":"u1","company_id":"acme","$email":"ann@acme.com"}}
{"event":"pricing_viewed","properties":{"time":1795255200,"distinct_id":"u1","company_id":"acme","$email":"ann@acme.com"}}"#,
        ),
    ];
    for (preset, rows) in cases {
        let path = dir.path().join(format!("{preset}.ndjson"));
        std::fs::write(&path, rows).unwrap();
        let j = pql_json(&path, &["--preset", preset]);
        let a = &j["accounts"][0];
        assert_eq!(a["account"], "acme", "{preset}: {j}");
        assert_eq!(a["domain"], "acme.com", "{preset}");
        assert_eq!(a["activated"], true, "{preset}");
        assert_eq!(a["triggers"][0]["id"], "intent", "{preset}");
        assert_eq!(
            a["triggers"][0]["first_held"], "2026-11-21T10:00:00Z",
            "{preset}"
        );
        assert_eq!(a["who_acts"], "sales-assist", "{preset}");
        // Without the preset, nothing in these rows is where the plain names look.
        let (code, _, err) = run(&["pql", PROFILE, path.to_str().unwrap()]);
        assert_eq!(code, 2, "{preset}");
        assert!(
            err.contains("none of its 2 rows is usable"),
            "{preset}: {err}"
        );
    }
    // --map reaches any field, and overrides a preset's.
    let path = dir.path().join("custom.csv");
    std::fs::write(&path, "when,org,member,what\n2026-11-20T10:00:00Z,acme,u1,project_created\n2026-11-21T10:00:00Z,acme,u1,sso_requested\n").unwrap();
    let j = pql_json(
        &path,
        &[
            "--map",
            "timestamp=when,account=org",
            "--map",
            "user=member,event=what",
        ],
    );
    assert_eq!(
        j["accounts"][0]["triggers"][0]["id"], "enterprise-need",
        "{j}"
    );
}

#[test]
fn bad_rows_are_named_and_skipped_or_with_strict_fail() {
    let dir = tempfile::tempdir().unwrap();
    let p = &events_file(
        &dir,
        "events.csv",
        "timestamp,account,user,event\n2026-11-20T10:00:00Z,acme,u1,project_created\nyesterday,acme,u1,x\n2026-11-21T10:00:00Z,,u1,x\n2026-11-21T10:00:00Z,acme,u1,pricing_viewed\n",
    );
    let (code, out, err) = run(&["pql", PROFILE, p]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("events.csv:3: timestamp `yesterday` is neither RFC 3339"),
        "{err}"
    );
    assert!(
        err.contains("events.csv:4: no account; the row was skipped"),
        "{err}"
    );
    assert!(out.contains("2 bad rows were skipped"), "{out}");
    assert!(out.contains("No row carries a plan"), "{out}");
    let (code, out, err) = run(&["pql", PROFILE, p, "--strict"]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("error: ") && err.contains("--strict: bad rows are errors"),
        "{err}"
    );
}

#[test]
fn unusable_inputs_are_errors_that_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_string()
    };
    let cases = [
        (
            write("cols.csv", "time,org\n1,2\n"),
            "has no column `timestamp` (timestamp)",
        ),
        (write("empty.csv", ""), "the input is empty"),
        (
            write("header.csv", "timestamp,account,user,event\n"),
            "no events in it",
        ),
        (
            dir.path().join("missing.csv").to_str().unwrap().to_string(),
            "no such events file",
        ),
        (dir.path().to_str().unwrap().to_string(), "is a directory"),
    ];
    for (path, says) in cases {
        let (code, out, err) = run(&["pql", PROFILE, &path]);
        assert_eq!((code, out.as_str()), (2, ""), "{path}: {err}");
        assert!(err.contains(says), "{path}: {err}");
    }
    for (args, says) in [
        (vec!["pql", "-", "-"], "can be read only once"),
        (
            vec!["pql", PROFILE, SAMPLE, "--as-of", "soon"],
            "--as-of `soon` is not a time",
        ),
        (
            vec!["pql", PROFILE, SAMPLE, "--map", "acount=x"],
            "not a role",
        ),
        (
            vec![
                "pql",
                PROFILE,
                "--sql",
                "duckdb",
                "--table",
                "x; DROP TABLE y",
            ],
            "is not a table name",
        ),
        (vec!["pql", PROFILE], "EVENTS"),
        (
            vec!["pql", PROFILE, SAMPLE, "--sql", "duckdb"],
            "cannot be used with",
        ),
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn as_of_fixes_now_and_later_rows_do_not_count() {
    let early = json(&[
        "pql",
        PROFILE,
        SAMPLE,
        "--format",
        "json",
        "--as-of",
        "2026-11-15T00:00:00Z",
    ]);
    assert_eq!(early["as_of"], "2026-11-15T00:00:00Z");
    assert!(
        early["rows"]["after_as_of"].as_u64().unwrap() > 500,
        "{}",
        early["rows"]
    );
    let late = json(&["pql", PROFILE, SAMPLE, "--format", "json"]);
    assert_ne!(early["accounts"], late["accounts"]);
    // The newest event is "now" by default.
    assert_eq!(late["as_of"], "2026-11-29T23:58:02Z");
}

#[test]
fn hostile_ids_reach_no_line_start_and_no_spreadsheet_formula() {
    let dir = tempfile::tempdir().unwrap();
    let p = &events_file(
        &dir,
        "events.csv",
        "timestamp,account,user,event\n2026-11-20T10:00:00Z,::error::pwned,u1,project_created\n2026-11-21T10:00:00Z,::error::pwned,u1,pricing_viewed\n2026-11-20T10:00:00Z,=1+1,u1,project_created\n2026-11-21T10:00:00Z,=1+1,u1,pricing_viewed\n2026-11-21T10:00:00Z,\"a\nb\",u1,pricing_viewed\n",
    );
    for format in ["text", "markdown", "csv"] {
        let (code, out, err) = run(&["pql", PROFILE, p, "--format", format]);
        assert_eq!(code, 0, "{err}");
        for line in out.lines() {
            assert!(
                !line.starts_with("::") && !line.starts_with('='),
                "{format}: {line:?}"
            );
        }
        let shown = if format == "markdown" {
            "&#58;&#58;error&#58;&#58;pwned"
        } else {
            "::error::pwned"
        };
        assert!(out.contains(shown), "{format}: {out}");
    }
    let (_, csv, _) = run(&["pql", PROFILE, p, "--format", "csv"]);
    assert!(csv.contains("\"::error::pwned\""), "{csv}");
    assert!(csv.contains("\"'=1+1\""), "{csv}");
    // An id over two lines is a bad row, named with its line.
    let (_, _, err) = run(&["pql", PROFILE, p]);
    assert!(
        err.contains("events.csv:6: its account runs over several lines"),
        "{err}"
    );
    // Markdown shows ids as text: no markup, no mention, no terminal escape.
    let tricky = dir.path().join("md.csv");
    std::fs::write(&tricky, "timestamp,account,user,event\n2026-11-20T10:00:00Z,<!-- @octocat \u{1b}[2J,u1,project_created\n2026-11-21T10:00:00Z,<!-- @octocat \u{1b}[2J,u1,pricing_viewed\n").unwrap();
    let (_, md, _) = run(&[
        "pql",
        PROFILE,
        tricky.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    assert!(
        !md.contains("<!--") && !md.contains("@octocat") && !md.contains('\u{1b}'),
        "{md}"
    );
}

#[test]
fn the_client_report_gains_a_signals_section_from_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("r.md");
    let html = dir.path().join("r.html");
    for out in [&md, &html] {
        let (code, _, err) = run(&[
            "report",
            PROFILE,
            "profiles/acme-analytics.toml",
            "--events",
            SAMPLE,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("wrote"), "{err}");
    }
    let md = std::fs::read_to_string(&md).unwrap();
    // Only the profile with criteria gets the section.
    assert_eq!(md.matches("### Signals: who to contact").count(), 1, "{md}");
    assert!(
        md.contains("28 of your 59 accounts showed a signal"),
        "{md}"
    );
    assert!(
        md.contains("| acct-00033 | Several users in one company;"),
        "{md}"
    );
    assert!(md.contains("18 more accounts showed a signal"), "{md}");
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(html.contains("<h3>Signals: who to contact</h3>"), "{html}");
    assert!(html.contains("<td>acct-00033</td>"));
    // A second profile with criteria reads the events once more, to the same answer.
    let copy = dir.path().join("copy.toml");
    std::fs::copy(PROFILE, &copy).unwrap();
    let both = dir.path().join("both.md");
    let (code, _, err) = run(&[
        "report",
        PROFILE,
        copy.to_str().unwrap(),
        "--events",
        SAMPLE,
        "--out",
        both.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let both = std::fs::read_to_string(&both).unwrap();
    assert_eq!(
        both.matches("28 of your 59 accounts showed a signal")
            .count(),
        2,
        "{both}"
    );
    // Without criteria, nothing is made up; the note says why.
    let (code, _, err) = run(&[
        "report",
        "profiles/acme-analytics.toml",
        "--events",
        SAMPLE,
        "--out",
        dir.path().join("x.md").to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(
        err.contains("no profile has a [pql] table, so no Signals section was written"),
        "{err}"
    );
    // An account id cannot write markup into the report.
    let hostile = dir.path().join("events.csv");
    std::fs::write(&hostile, "timestamp,account,user,event\n2026-11-20T10:00:00Z,<script>x</script>,u1,project_created\n2026-11-21T10:00:00Z,<script>x</script>,u1,pricing_viewed\n").unwrap();
    let out = dir.path().join("h.html");
    let (code, err) = report(&hostile, &out);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(!html.contains("<script>x"), "the id is escaped");
    assert!(html.contains("&lt;script&gt;x"), "{html}");
}

#[test]
fn check_warns_about_criteria_that_can_never_fire_on_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gtm.toml");
    let text = std::fs::read_to_string(PROFILE).unwrap().replace(
        "intent_events = [\"pricing_viewed\", \"security_questionnaire_started\"]",
        "intent_events = []",
    );
    std::fs::write(&path, &text).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("intent_events"))
        .unwrap()
        + 1;
    let p = path.to_str().unwrap();
    let (code, out, _) = run(&["check", p, "--format", "github"]);
    assert_eq!(code, 0, "a warning does not fail the gate: {out}");
    assert!(
        out.contains(&format!(
            "::warning file={p},line={line},title=gtm pql-cannot-fire::"
        )),
        "{out}"
    );
    assert!(out.contains("the intent trigger can never fire"), "{out}");
    let (code, _, _) = run(&["check", p, "--deny", "warnings"]);
    assert_eq!(code, 1);
    // A [pql] table counts as defining PQL criteria.
    let j = json(&["recommend", p, "--format", "json"]);
    let item = j["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "define-pql-criteria")
        .unwrap();
    assert_eq!(item["done"], true, "{item}");
}

#[test]
fn a_pipe_is_read_as_it_comes_once_and_kept_for_a_second_read() {
    let want = json(&["pql", PROFILE, SAMPLE, "--format", "json"]);
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    for as_of in [None, Some("2026-11-29T23:58:02Z")] {
        // `sh` writes the sample into a FIFO while gtm reads it.
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("events.fifo");
        assert!(
            Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let gtm = assert_cmd::cargo::cargo_bin!("gtm");
        let extra = as_of.map_or(String::new(), |t| format!(" --as-of {t}"));
        let script = format!(
            "cat {SAMPLE} > '{f}' & '{g}' pql {PROFILE} '{f}' --format json{extra}",
            f = fifo.display(),
            g = gtm.display()
        );
        let out = Command::new("sh").arg("-c").arg(&script).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{as_of:?}: {}",
            text(&out.stderr)
        );
        let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got["accounts"], want["accounts"], "{as_of:?}");
    }
    // Standard input with --as-of is read as it comes, too.
    let out = gtm()
        .args([
            "pql",
            PROFILE,
            "-",
            "--format",
            "json",
            "--as-of",
            "2026-11-29T23:58:02Z",
        ])
        .write_stdin(sample)
        .output()
        .unwrap();
    let got: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got["accounts"], want["accounts"]);
}

#[test]
fn a_report_whose_events_cannot_be_read_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("odd.csv");
    std::fs::write(&odd, "time,org\n1,2\n").unwrap();
    let out = dir.path().join("r.md");
    let (code, err) = report(&odd, &out);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("has no column `timestamp`"), "{err}");
    assert!(!err.contains("wrote"), "{err}");
    assert!(!out.exists(), "no report without the section asked for");
    // Events on stdin and the report on stdout do not clash.
    let o = gtm()
        .args([
            "report", PROFILE, "--events", "-", "--out", "-", "--format", "markdown",
        ])
        .write_stdin(std::fs::read(SAMPLE).unwrap())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("### Signals: who to contact"));
}

#[test]
fn a_profile_without_pql_runs_on_the_documents_defaults() {
    let (code, out, _) = run(&["pql", "profiles/acme-analytics.toml", SAMPLE]);
    assert_eq!(code, 0);
    assert!(
        out.contains("no [pql] table, so the documents' defaults were used"),
        "{out}"
    );
}

#[test]
fn sql_is_printed_for_every_dialect_with_the_criteria_in_it() {
    for dialect in ["duckdb", "postgres", "snowflake", "bigquery"] {
        let (code, sql, err) = run(&[
            "pql",
            PROFILE,
            "--sql",
            dialect,
            "--table",
            "analytics.events",
        ]);
        assert_eq!(code, 0, "{dialect}: {err}");
        assert!(sql.starts_with("-- PQL criteria of Crewbook"), "{dialect}");
        for needle in [
            "'limit_reached'",
            "'bigcorp0.com'",
            "'%.crewbook.io'",
            "n = 150",
            "2592000000",
        ] {
            assert!(sql.contains(needle), "{dialect}: {needle}");
        }
    }
}

const DUCKDB_RUN: &str = r#"
import duckdb, json, sys
con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
con.execute("CREATE VIEW events AS SELECT * FROM read_csv('%s')" % sys.argv[1].replace("'", "''"))
cur = con.execute(open(sys.argv[2]).read())
names = [d[0] for d in cur.description]
print(json.dumps([dict(zip(names, row)) for row in cur.fetchall()]))
"#;

/// Runs `python3 -c SCRIPT ARGS` and returns its stdout.
fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The native run's accounts as the SQL query's rows.
fn as_rows(native: &serde_json::Value) -> Vec<serde_json::Value> {
    use gtm_advisor::signals::Trigger;
    native["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let mut row = serde_json::json!({
                "account": a["account"], "domain": a["domain"], "activated": a["activated"],
                "users": a["users"], "events": a["events"], "who_acts": a["who_acts"],
                "triggers": a["triggers"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect::<Vec<_>>().join(","),
            });
            for t in Trigger::ALL {
                let at = a["triggers"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["id"] == t.id())
                    .map(|x| gtm_advisor::signals::time::parse(x["first_held"].as_str().unwrap().as_bytes()).unwrap());
                row[gtm_advisor::signals::sql::at_column(t)] = serde_json::json!(at);
            }
            row
        })
        .collect()
}

#[test]
#[ignore = "needs python3 with duckdb; .ci/run installs it"]
fn duckdb_running_the_emitted_query_agrees_account_by_account() {
    if !have_python_module(
        "duckdb",
        "pql::duckdb_running_the_emitted_query_agrees_account_by_account",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("events.csv");
    let out = Command::new(gen_events())
        .args([
            "--events",
            "150000",
            "--accounts",
            "4000",
            "--seed",
            "11",
            "--days",
            "45",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    std::fs::write(&events, &out.stdout).unwrap();
    let ev = events.to_str().unwrap();
    // Three sets of criteria and motions, the default "now" and a fixed one.
    let plg = dir.path().join("plg.toml");
    std::fs::write(
        &plg,
        "version = 1\nname = \"Tiny\"\nacv = \"$2k\"\ntime_to_value = \"10 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n\
         [pql]\nwindow = \"2 weeks\"\nteam_users = 2\nactive_users = 5\nengaged_events = 20\nlimit_events = [\"limit_reached\", \"export_downloaded\"]\n\
         exclude_domains = [\"crewbook.io\", \"gmail.com\"]\ntarget_domains = [\"bigcorp2.com\"]\n",
    )
    .unwrap();
    let sales = dir.path().join("sales.toml");
    std::fs::write(
        &sales,
        "version = 1\nname = \"Big\"\nacv = \"$120k\"\ntime_to_value = \"3 months\"\nbuyer = \"committee\"\ncompliance = \"regulated\"\nonboarding = \"implementation\"\n\
         [pql]\nactivation_events = [\"project_created\", \"invoice_created\"]\nintent_events = []\n",
    )
    .unwrap();
    let mut compared = 0;
    for (profile, as_of) in [
        (PROFILE, None),
        (plg.to_str().unwrap(), None),
        (sales.to_str().unwrap(), Some("2026-11-20T12:00:00Z")),
    ] {
        let mut native_args = vec!["pql", profile, ev, "--format", "json"];
        let mut sql_args = vec!["pql", profile, "--sql", "duckdb"];
        if let Some(t) = as_of {
            native_args.extend(["--as-of", t]);
            sql_args.extend(["--as-of", t]);
        }
        let native = json(&native_args);
        let (code, sql, err) = run(&sql_args);
        assert_eq!(code, 0, "{err}");
        let query = dir.path().join("query.sql");
        std::fs::write(&query, sql).unwrap();
        let duck: Vec<serde_json::Value> =
            serde_json::from_str(&python(DUCKDB_RUN, &[ev, query.to_str().unwrap()])).unwrap();
        let mine = as_rows(&native);
        assert!(
            mine.len() > 50,
            "{profile}: only {} accounts fired",
            mine.len()
        );
        assert_eq!(mine.len(), duck.len(), "{profile}");
        for (i, (m, d)) in mine.iter().zip(&duck).enumerate() {
            assert_eq!(m, d, "{profile}: row {i}");
        }
        compared += mine.len();
    }
    assert!(compared > 300, "{compared}");
}

const SQLGLOT_PARSE: &str = r#"
import sqlglot, sys
from sqlglot.errors import ErrorLevel
sql = open(sys.argv[2]).read()
tree = sqlglot.parse_one(sql, read=sys.argv[1], error_level=ErrorLevel.RAISE)
print(len(list(tree.find_all(sqlglot.exp.CTE))))
"#;

#[test]
#[ignore = "needs python3 with sqlglot; .ci/run installs it"]
fn the_warehouse_dialects_parse_under_a_real_sql_parser() {
    if !have_python_module(
        "sqlglot",
        "pql::the_warehouse_dialects_parse_under_a_real_sql_parser",
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for (dialect, reader) in [
        ("postgres", "postgres"),
        ("snowflake", "snowflake"),
        ("bigquery", "bigquery"),
        ("duckdb", "duckdb"),
    ] {
        let (code, sql, err) = run(&[
            "pql",
            PROFILE,
            "--sql",
            dialect,
            "--table",
            "analytics.events",
        ]);
        assert_eq!(code, 0, "{err}");
        let path = dir.path().join(format!("{dialect}.sql"));
        std::fs::write(&path, sql).unwrap();
        let ctes = python(SQLGLOT_PARSE, &[reader, path.to_str().unwrap()]);
        assert_eq!(ctes.trim(), "11", "{dialect}");
    }
}
