//! Helpers shared by every test binary: the real `gtm` with a steady
//! environment, running it, the built-in rulebook, a sample valid profile,
//! and a skip for tools cargo does not provide.
#![allow(dead_code)]

pub mod pty;

use assert_cmd::Command;
use gtm_advisor::Rulebook;

/// Every subcommand of `gtm`, as `gtm --help` lists them.
pub const SUBCOMMANDS: [&str; 15] = [
    "interview",
    "recommend",
    "explain",
    "what-if",
    "report",
    "compare",
    "diff",
    "pql",
    "checklist",
    "check",
    "schema",
    "completions",
    "man",
    "init",
    "rules",
];

/// The real `gtm` binary, with an environment that does not depend on the
/// machine running the tests.
pub fn gtm() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("gtm");
    cmd.env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .env_remove("TERM");
    cmd
}

/// Runs `gtm ARGS`: its exit status, stdout and stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = gtm().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// The built-in rulebook, decoded once per test binary.
pub fn rules() -> &'static Rulebook {
    static RULES: std::sync::OnceLock<Rulebook> = std::sync::OnceLock::new();
    RULES.get_or_init(Rulebook::default_rules)
}

/// Whether the program `tool`, which cargo does not provide, can be run
/// here. When it cannot, the test that asked skips: it says so on the
/// harness's own standard error, which `cargo test` shows even for a passing
/// test, naming what to install. With `GTM_REQUIRE_TOOLS` set (`.ci/run`
/// sets it, after installing every tool) a missing tool fails instead, so CI
/// never skips in silence.
pub fn have(tool: &str, test: &str, install: &str) -> bool {
    let found = std::process::Command::new(tool)
        .arg("--version")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("GTM_REQUIRE_TOOLS").is_none(),
            "{test}: `{tool}` cannot be run, and GTM_REQUIRE_TOOLS is set (package: {install})"
        );
        // Written to the process's stderr directly: libtest captures only
        // the print macros, so this line shows in `cargo test`'s output.
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "note: {test} skipped: `{tool}` is not installed (package: {install}; .ci/run installs it)"
        );
    }
    found
}

/// Whether `python3` can import `module` (duckdb, sqlglot); skips or
/// fails as [`have`] does when it cannot.
pub fn have_python_module(module: &str, test: &str) -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            std::env::var_os("GTM_REQUIRE_TOOLS").is_none(),
            "{test}: python3 cannot import `{module}`, and GTM_REQUIRE_TOOLS is set (pip install {module})"
        );
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "note: {test} skipped: python3 cannot import `{module}` (pip install {module}; .ci/run installs it)"
        );
    }
    found
}

/// The example that generates usage events (`examples/gen_events.rs`),
/// which `cargo test` builds beside the test binaries.
pub fn gen_events() -> std::path::PathBuf {
    let gtm = std::path::PathBuf::from(env!("CARGO_BIN_EXE_gtm"));
    let path = gtm.parent().unwrap().join("examples").join("gen_events");
    assert!(
        path.exists(),
        "{} is missing: a plain `cargo test` builds it, or run `cargo build --example gen_events` first",
        path.display()
    );
    path
}

/// A temporary directory holding every man page `gtm man --out` installs.
pub fn installed_man_pages() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = gtm()
        .arg("man")
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    dir
}

/// Output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

/// A valid profile to start variations from.
pub const VALID: &str = r#"version = 1
name = "Acme Analytics"
acv = "$12k"
time_to_value = "20 minutes"
buyer = "team"
compliance = "light"
onboarding = "self-serve"

[signals]
viral_loops = true

[checklist]
done = ["measure-time-to-value"]
"#;

/// `VALID` with its first `from` replaced by `to`.
pub fn valid_with(from: &str, to: &str) -> String {
    assert!(VALID.contains(from), "{from:?} is not in the valid profile");
    VALID.replacen(from, to, 1)
}

/// The HTML client report of the profile at `file`, written beside it by
/// `gtm report` (which must succeed).
pub fn html_report(file: &std::path::Path) -> String {
    let html = file.with_extension("report.html");
    let out = gtm()
        .arg("report")
        .arg(file)
        .arg("--out")
        .arg(&html)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    std::fs::read_to_string(&html).unwrap()
}
