//! Snapshots of what people read. A change here is a reviewed change:
//! run `cargo insta review` (or INSTA_UPDATE=always cargo test) and inspect the diff.

use crate::support::{gtm, text};

fn stdout(args: &[&str]) -> String {
    let out = gtm().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn all_profiles() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir("profiles")
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn recommend_text() {
    insta::assert_snapshot!(
        "recommend_text_hybrid",
        stdout(&["recommend", "profiles/acme-analytics.toml"])
    );
    insta::assert_snapshot!(
        "recommend_text_conflicts",
        stdout(&["recommend", "profiles/modelforge.toml"])
    );
    insta::assert_snapshot!(
        "recommend_text_self_serve",
        stdout(&["recommend", "profiles/calendly.toml"])
    );
}

#[test]
fn recommend_json() {
    insta::assert_snapshot!(
        "recommend_json",
        stdout(&["recommend", "profiles/vaultnote.toml", "--format", "json"])
    );
}

#[test]
fn recommend_markdown() {
    insta::assert_snapshot!(
        "recommend_markdown",
        stdout(&[
            "recommend",
            "profiles/modelforge.toml",
            "--format",
            "markdown"
        ])
    );
}

#[test]
fn portfolio() {
    let mut args = vec!["recommend".to_string()];
    args.extend(all_profiles());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    insta::assert_snapshot!("portfolio_text", stdout(&args));
}

#[test]
fn explain() {
    insta::assert_snapshot!("explain_text", stdout(&["explain", "profiles/slack.toml"]));
    // One profile per motion, plus one decided by its segments.
    for (motion, profile) in [
        ("self-serve", "calendly"),
        ("plg", "tracewise"),
        ("hybrid", "phishguard"),
        ("sales-led", "claims-ledger"),
        ("enterprise", "ledgerlens"),
        ("segments", "canvasly"),
    ] {
        insta::assert_snapshot!(
            format!("explain_{motion}"),
            stdout(&["explain", &format!("profiles/{profile}.toml")])
        );
    }
    insta::assert_snapshot!(
        "explain_markdown",
        stdout(&["explain", "profiles/calendly.toml", "--format", "markdown"])
    );
}

#[test]
fn checklists() {
    for motion in ["self-serve", "plg", "hybrid", "sales-led", "enterprise"] {
        insta::assert_snapshot!(
            format!("checklist_{motion}"),
            stdout(&["checklist", motion])
        );
    }
}

#[test]
fn check_formats() {
    let files = [
        "profiles/acme-analytics.toml",
        "tests/fixtures/warning-only.toml",
        "tests/fixtures/invalid.toml",
        "profiles/tracewise.toml",
    ];
    for format in ["text", "json", "github", "junit", "gitlab"] {
        let mut args = vec!["check"];
        args.extend(files);
        args.extend(["--format", format]);
        let out = gtm().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}");
        insta::assert_snapshot!(format!("check_{format}"), text(&out.stdout));
    }
}

#[test]
fn schema() {
    insta::assert_snapshot!("schema", stdout(&["schema"]));
}

#[test]
fn rules_markdown() {
    insta::assert_snapshot!("rules_markdown", stdout(&["rules", "--format", "markdown"]));
}

#[test]
fn errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("client.toml");
    std::fs::write(
        &path,
        "version = 1\nname = \"\"\nacv = \"-5k\"\ntime_to_value = \"soon\"\nbuyr = \"team\"\ncompliance = \"heavy\"\nonboarding = \"guided\"\n\n[signals]\nviral = true\n",
    )
    .unwrap();
    let out = gtm()
        .current_dir(dir.path())
        .args(["recommend", "client.toml"])
        .output()
        .unwrap();
    insta::assert_snapshot!("errors", text(&out.stderr));
}

#[test]
fn help() {
    insta::assert_snapshot!("help", stdout(&["--help"]));
    for cmd in crate::support::SUBCOMMANDS {
        insta::assert_snapshot!(format!("help_{cmd}"), stdout(&[cmd, "--help"]));
    }
}

#[test]
fn compare_and_diff() {
    insta::assert_snapshot!(
        "compare_text",
        stdout(&["compare", "profiles/acme-analytics.toml"])
    );
    insta::assert_snapshot!(
        "compare_markdown",
        stdout(&["compare", "profiles/snowflake.toml", "--format", "markdown"])
    );
    insta::assert_snapshot!("rules_list", stdout(&["rules", "--list"]));
    let out = crate::support::gtm()
        .args(["diff", "profiles/figma.toml", "profiles/notion.toml"])
        .output()
        .unwrap();
    insta::assert_snapshot!("diff_text", text(&out.stdout));
}
