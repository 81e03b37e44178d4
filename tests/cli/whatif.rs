//! `gtm what-if`: every kind of key, bad values refused, the file never written.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use crate::support::{gtm, text};
use serde_json::Value;

/// A copy of acme-analytics.toml in a temporary directory, and its hash.
fn copy() -> (tempfile::TempDir, PathBuf, u64) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.toml");
    std::fs::copy("profiles/acme-analytics.toml", &path).unwrap();
    let hash = hash(&path);
    (dir, path, hash)
}

fn hash(path: &PathBuf) -> u64 {
    let mut h = DefaultHasher::new();
    std::fs::read(path).unwrap().hash(&mut h);
    h.finish()
}

fn what_if(path: &PathBuf, sets: &[&str]) -> (i32, String, String) {
    let mut cmd = gtm();
    cmd.arg("what-if").arg(path).args(["--format", "json"]);
    for s in sets {
        cmd.args(["--set", s]);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        text(&out.stdout),
        text(&out.stderr),
    )
}

fn after(sets: &[&str]) -> Value {
    let (_dir, path, before) = copy();
    let (code, stdout, stderr) = what_if(&path, sets);
    assert_eq!(code, 0, "{sets:?}: {stderr}");
    assert_eq!(hash(&path), before, "what-if wrote the file");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn each_key_type_changes_the_result() {
    let v = after(&["acv=60k"]);
    assert_eq!(v["before"]["motion"], "hybrid");
    assert_eq!(v["after"]["motion"], "sales-led");
    assert_eq!(v["motion_changed"], true);
    assert_eq!(
        v["changed_factors"][0],
        serde_json::json!({"id": "acv", "before": "$24,000", "after": "$60,000"})
    );

    let v = after(&["time_to_value=10 minutes"]);
    assert_eq!(v["changed_factors"][0]["after"], "10 minutes");

    // Below $5K a single buyer keeps a product that needs some help product-led.
    let v = after(&["acv=4k", "buyer=individual", "compliance=none"]);
    assert_eq!(v["after"]["motion"], "plg");
    assert_eq!(v["after"]["acv_band"], "plg");
    assert_eq!(v["changed_factors"].as_array().unwrap().len(), 3);

    let v = after(&["signals.viral_loops=true"]);
    assert_eq!(
        v["changed_factors"][0],
        serde_json::json!({"id": "viral_loops", "before": null, "after": "true"})
    );

    let v = after(&["signals.segment=smb", "signals.instrumented="]);
    let ids: Vec<&str> = v["changed_factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["instrumented", "segment"]);

    let v = after(&["practices.motion=hybrid"]);
    assert_eq!(v["motion_changed"], false);
    let findings = |side: &str| {
        v[side]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["id"] == "motion-mismatch")
    };
    assert!(findings("before") && !findings("after"));
}

#[test]
fn invalid_values_exit_2_and_leave_the_file_untouched() {
    for (set, needle) in [
        (
            "acv=-5",
            "--set acv=-5: an annual contract value cannot be negative",
        ),
        ("acv=lots", "not an amount of money"),
        ("time_to_value=0m", "longer than zero"),
        ("buyer=comitee", "did you mean \"committee\"?"),
        ("signals.viral_loops=maybe", "expected true or false"),
        ("signals.viral=true", "did you mean `signals.viral_loops`?"),
        ("budget=5", "unknown key"),
        ("acv.x=1", "not a table"),
        ("version=2", "not supported"),
        ("viral_loops=true", "write `signals.viral_loops`"),
        (
            "signals.viral_loops={a=1}",
            "--set signals.viral_loops={a=1}: expected true or false, found a table `{a=1}`",
        ),
        ("signals.segment={x=1}", "expected a string, found a table"),
    ] {
        let (_dir, path, before) = copy();
        let (code, stdout, stderr) = what_if(&path, &[set]);
        assert_eq!(code, 2, "{set}");
        assert!(stdout.is_empty(), "{set}: {stdout}");
        assert!(stderr.contains(needle), "{set}: {stderr}");
        assert_eq!(hash(&path), before, "{set} changed the file");
    }
    let out = gtm()
        .args(["what-if", "profiles/acme-analytics.toml", "--set", "acv"])
        .output()
        .unwrap();
    refused_with(&out, "KEY=VALUE");
}

#[test]
fn text_shows_before_and_after_side_by_side() {
    let out = gtm()
        .args([
            "what-if",
            "profiles/acme-analytics.toml",
            "--set",
            "acv=60k",
        ])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("The motion changes from Hybrid (product-led sales) to Sales-led."),
        "{stdout}"
    );
    assert!(stdout.contains("Before") && stdout.contains("After"));
    assert!(stdout.contains("Factor that changed"));
    insta::assert_snapshot!("what_if_text", stdout);
}

#[test]
fn markdown_shows_the_same_tables() {
    let out = gtm()
        .args([
            "what-if",
            "profiles/acme-analytics.toml",
            "--set",
            "acv=60k",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("what_if_markdown", text(&out.stdout));
}

#[test]
fn standard_input_is_read_once_and_named() {
    let out = gtm()
        .args(["what-if", "-", "--set", "acv=60k", "--format", "json"])
        .write_stdin(std::fs::read_to_string("profiles/acme-analytics.toml").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["file"], "<stdin>");
    assert_eq!(v["before"]["motion"], "hybrid");
    assert_eq!(v["after"]["motion"], "sales-led");

    let out = gtm()
        .args(["what-if", "-", "--set", "buyer=crowd"])
        .write_stdin(std::fs::read_to_string("profiles/acme-analytics.toml").unwrap())
        .output()
        .unwrap();
    refused_with(&out, "--set buyer=crowd");
}

/// Exit status 2 and `needle` in the error message.
fn refused_with(out: &std::process::Output, needle: &str) {
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains(needle), "{stderr}");
}
