//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod pty;

use assert_cmd::Command;

/// Every subcommand of `gtm`, as `gtm --help` lists them.
pub const SUBCOMMANDS: [&str; 12] = [
    "interview",
    "recommend",
    "explain",
    "what-if",
    "report",
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
