//! Second opinions and history from outside: `--rules NAME`, `gtm rules
//! --list`, `gtm compare`, `gtm diff` and `gtm check --baseline[-ref]`,
//! with their exit codes, and a temporary git repository for the ref.

use std::path::Path;
use std::process::Command;

use crate::support::{gtm, run, text};

const ACME: &str = "profiles/acme-analytics.toml";

fn json(args: &[&str]) -> serde_json::Value {
    let out = gtm().args(args).output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

#[test]
fn rules_are_selected_by_name_and_a_path_needs_a_slash_or_toml() {
    let (code, out, _) = run(&["rules", "--list"]);
    assert_eq!(code, 0);
    for name in ["default:", "dimension-table:", "kbcm-2019:", "janz-2019:"] {
        assert!(out.contains(name), "{out}");
    }
    assert!(out.contains("this tool's reading"), "{out}");
    let list = json(&["rules", "--list", "--format", "json"]);
    assert_eq!(list["rulebooks"].as_array().unwrap().len(), 4);
    // By name: the KBCM survey puts $2,000 in inside sales (hybrid).
    let j = json(&[
        "recommend",
        "profiles/figma.toml",
        "--rules",
        "kbcm-2019",
        "--format",
        "json",
    ]);
    assert_eq!(j["acv_band"], "hybrid", "{j}");
    // The text of a shipped rulebook is a whole rulebook, usable as a file.
    let (_, kbcm, _) = run(&["rules", "--rules", "kbcm-2019"]);
    assert!(kbcm.contains("name = \"kbcm-2019\"") && kbcm.contains("[[readings]]"));
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("mine.toml");
    std::fs::write(&copy, &kbcm).unwrap();
    let j2 = json(&[
        "recommend",
        "profiles/figma.toml",
        "--rules",
        copy.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(j2["acv_band"], "hybrid");
    // An unknown name is refused with the names and how to give a file.
    let (code, _, err) = run(&["recommend", ACME, "--rules", "kbcm"]);
    assert_eq!(code, 2);
    assert!(err.contains("no shipped rulebook has that name"), "{err}");
    assert!(
        err.contains("default, dimension-table, kbcm-2019, janz-2019"),
        "{err}"
    );
    assert!(err.contains("./kbcm"), "{err}");
}

#[test]
fn compare_has_a_row_per_rulebook_and_a_consensus() {
    let (code, out, err) = run(&["compare", "profiles/figma.toml"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("kbcm-2019"), "{out}");
    assert!(
        out.contains("$1,700: hybrid from $1,000 in the KBCM"),
        "{out}"
    );
    assert!(
        out.contains("Consensus: Product-led (PLG), 3 of 4 rulebooks."),
        "{out}"
    );
    let j = json(&["compare", "profiles/figma.toml", "--format", "json"]);
    assert_eq!(j["file"], "profiles/figma.toml");
    let names: Vec<&str> = j["rulebooks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["default", "dimension-table", "kbcm-2019", "janz-2019"]
    );
    assert_eq!(j["rulebooks"][0]["split"], serde_json::Value::Null);
    assert_eq!(j["rulebooks"][2]["motion"], "hybrid");
    assert_eq!(
        j["consensus"],
        serde_json::json!({"motion": "plg", "agree": 3, "of": 4})
    );
    // Near a line in another rulebook: $24K is $1K below KBCM's $25K.
    let (_, out, _) = run(&["compare", ACME]);
    assert!(
        out.contains("Near a line: $24,000 is $1,000 below the $25,000 line of the"),
        "{out}"
    );
    // Splits are told against the rulebook --rules names.
    let j = json(&[
        "compare",
        "profiles/figma.toml",
        "--rules",
        "kbcm-2019",
        "--format",
        "json",
    ]);
    assert_eq!(j["reference"], "kbcm-2019");
    assert_eq!(j["rulebooks"][2]["split"], serde_json::Value::Null);
    assert!(
        j["rulebooks"][0]["split"]
            .as_str()
            .unwrap()
            .contains("in the ACV framework")
    );
}

#[test]
fn diff_exits_one_when_the_motion_changes() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.toml");
    let src = std::fs::read_to_string(ACME).unwrap();
    std::fs::write(&new, src.replace("acv = \"$24k\"", "acv = \"$60k\"")).unwrap();
    let new = new.to_str().unwrap();
    let (code, out, err) = run(&["diff", ACME, new]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("The motion changes from Hybrid (product-led sales) to Sales-led."),
        "{out}"
    );
    assert!(out.contains("ACV"), "{out}");
    assert!(out.contains("Checklist: 7 items added"), "{out}");
    let (code, out, _) = run(&["diff", ACME, ACME]);
    assert_eq!(code, 0);
    assert!(
        out.contains("The advice is the same in every part."),
        "{out}"
    );
    let j = json(&["diff", ACME, new, "--format", "json"]);
    assert_eq!(j["motion_changed"], true);
    assert_eq!(
        j["motion"],
        serde_json::json!({"before": "hybrid", "after": "sales-led"})
    );
    assert_eq!(j["changed_answers"][0]["id"], "acv");
    assert_eq!(j["after"]["motion"], "sales-led");
    let (_, md, _) = run(&["diff", ACME, new, "--format", "markdown"]);
    assert!(md.starts_with("## From "), "{md}");
    let (code, _, err) = run(&["diff", "-", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("only one of OLD and NEW"), "{err}");
    let (code, _, err) = run(&["diff", ACME, "missing.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.toml"), "{err}");
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.email=t@example.com",
            "-c",
            "user.name=t",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
}

#[test]
fn baseline_ref_reads_the_profile_from_git_and_notices_a_changed_motion() {
    if !crate::support::have("git", "baseline_ref", "git") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    let src = std::fs::read_to_string(ACME).unwrap();
    // No [expect], so only the baseline tells of the change.
    let src = src[..src.find("[expect]").unwrap()].to_string();
    std::fs::write(repo.join("gtm.toml"), &src).unwrap();
    git(repo, &["add", "gtm.toml"]);
    git(repo, &["commit", "-qm", "first"]);
    std::fs::write(
        repo.join("gtm.toml"),
        src.replace("acv = \"$24k\"", "acv = \"$60k\""),
    )
    .unwrap();
    git(repo, &["commit", "-qam", "second"]);
    let check = |args: &[&str]| {
        let out = gtm()
            .current_dir(repo)
            .arg("check")
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            text(&out.stdout),
            text(&out.stderr),
        )
    };
    // A notice, passing.
    let (code, out, err) = check(&["--baseline-ref", "HEAD~1"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("notice[motion-changed] gtm.toml:5"), "{out}");
    assert!(out.contains("in HEAD~1:gtm.toml"), "{out}");
    // Denied, it fails; in GitHub's format, an annotation on the ACV's line.
    let (code, out, _) = check(&[
        "--baseline-ref",
        "HEAD~1",
        "--deny",
        "motion-changed",
        "--format",
        "github",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("::error file=gtm.toml,line=5,title=gtm motion-changed::"),
        "{out}"
    );
    let (_, out, _) = check(&["--baseline-ref", "HEAD~1", "--format", "github"]);
    assert!(
        out.contains("::notice file=gtm.toml,line=5,title=gtm motion-changed::"),
        "{out}"
    );
    // The same motion: no notice.
    let (code, out, _) = check(&["--baseline-ref", "HEAD", "--deny", "motion-changed"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("motion-changed"), "{out}");
    // A path not at the revision, and an unknown revision: exit 2, naming both.
    std::fs::copy(repo.join("gtm.toml"), repo.join("other.toml")).unwrap();
    let (code, _, err) = check(&["other.toml", "--baseline-ref", "HEAD"]);
    assert_eq!(code, 2);
    assert!(err.contains("other.toml does not exist at HEAD"), "{err}");
    let (code, _, err) = check(&["--baseline-ref", "no-such-branch"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-branch"), "{err}");
    // A revision that looks like an option is never passed to git.
    let (code, _, err) = check(&["--baseline-ref=--output=x"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a git revision"), "{err}");
    assert!(!repo.join("x").exists());
    // The recipe in docs/ci.md, as written, against a target branch.
    git(repo, &["branch", "origin/main", "HEAD~1"]);
    let ci = std::fs::read_to_string("docs/ci.md").unwrap();
    let recipe = ci
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("- run: gtm check")
                .filter(|r| r.contains("--baseline-ref"))
        })
        .expect("docs/ci.md has the baseline recipe");
    let args: Vec<&str> = recipe.split_whitespace().collect();
    let (code, out, _) = check(&args);
    assert_eq!(code, 1, "{recipe}: {out}");
    assert!(
        out.contains("::error file=gtm.toml,line=5,title=gtm motion-changed::"),
        "{out}"
    );
    // --baseline FILE does the same without git.
    let old = dir.path().join("old.toml");
    std::fs::write(&old, &src).unwrap();
    let (code, out, _) = check(&[
        "--baseline",
        old.to_str().unwrap(),
        "--deny",
        "motion-changed",
    ]);
    assert_eq!(code, 1, "{out}");
}

#[test]
fn baseline_ref_outside_git_is_a_clear_error() {
    if !crate::support::have("git", "baseline_ref_outside_git", "git") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(ACME, dir.path().join("gtm.toml")).unwrap();
    let out = gtm()
        .current_dir(dir.path())
        .env("GIT_CEILING_DIRECTORIES", dir.path().parent().unwrap())
        .args(["check", "--baseline-ref", "origin/main"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("--baseline-ref origin/main: gtm.toml is not in a git repository"),
        "{err}"
    );
}
