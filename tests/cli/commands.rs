//! The commands, run as a user runs them: exit codes, stdout and stderr.

use crate::support::{gtm, text, valid_with};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let out = gtm().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn recommend_prints_motion_factors_conflicts_and_checklist() {
    let out = gtm()
        .args(["recommend", "profiles/vaultnote.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Motion for VaultNote: Hybrid (product-led sales)\n"),
        "{stdout}"
    );
    for needle in [
        "Why: ACV $3,000 falls in the Product-led (PLG) band",
        "one step to hybrid",
        "Readings: product needs-sales (compliance review-before-trial)",
        "│ Answer",
        "review-before-trial",
        "ACV framework [1]",
        "Conflicts (1)",
        "! plg-needs-help",
        "Checklist for Hybrid (product-led sales), 0 of 24 done",
        "[ ] define-pql-criteria",
    ] {
        assert!(stdout.contains(needle), "missing {needle:?} in\n{stdout}");
    }
}

#[test]
fn text_fits_80_columns_and_has_no_colour_off_a_terminal() {
    for args in [
        vec!["recommend", "profiles/modelforge.toml"],
        vec![
            "recommend",
            "profiles/slack.toml",
            "profiles/workday.toml",
            "profiles/acme-analytics.toml",
        ],
        vec!["explain", "profiles/modelforge.toml"],
        vec!["checklist", "hybrid"],
    ] {
        let out = gtm().args(&args).output().unwrap();
        let stdout = text(&out.stdout);
        assert!(!stdout.contains('\x1b'), "{args:?} has escape codes");
        for line in stdout.lines() {
            assert!(
                line.chars().count() <= 80,
                "{args:?}: line longer than 80 columns:\n{line}"
            );
        }
    }
}

#[test]
fn columns_sets_the_width() {
    let out = gtm()
        .env("COLUMNS", "120")
        .args(["recommend", "profiles/modelforge.toml"])
        .output()
        .unwrap();
    let widest = text(&out.stdout)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert!(widest > 80 && widest <= 120, "{widest}");
}

#[test]
fn json_has_exactly_the_documented_shape() {
    let v = json(&[
        "recommend",
        "profiles/acme-analytics.toml",
        "--format",
        "json",
    ]);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "schema_version",
        "file",
        "name",
        "motion",
        "acv_band",
        "confidence",
        "readings",
        "moves",
        "factors",
        "conflicts",
        "notes",
        "findings",
        "checklist",
        "flip_points",
    ] {
        assert!(keys.contains(&key), "missing {key}: {keys:?}");
    }
    for gone in ["margin", "lean_score", "threshold", "nearest_motion"] {
        assert!(!keys.contains(&gone), "{gone} is gone with model 1");
    }
    assert_eq!(v["schema_version"], 2);
    assert_eq!(v["file"], "profiles/acme-analytics.toml");
    assert_eq!(v["name"], "Acme Analytics");
    assert_eq!(v["motion"], "hybrid");
    assert_eq!(v["acv_band"], "hybrid");
    assert_eq!(v["confidence"], "clear");
    assert_eq!(v["moves"], serde_json::json!([]));
    assert_eq!(v["readings"]["product"]["value"], "needs-assist");
    assert_eq!(
        v["readings"]["product"]["because"],
        serde_json::json!(["time_to_value", "onboarding", "integration_heavy"])
    );
    assert_eq!(v["readings"]["buyer"]["value"], "bottom-up");
    assert_eq!(v["readings"]["pull"]["value"], "no");
    let notes: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        notes,
        ["acv-plg-to-50k", "guided-onboarding", "light-review"]
    );
    assert_eq!(
        v["flip_points"][0],
        serde_json::json!({"change": "acv", "direction": "down", "to": "$999.99", "motion": "self-serve", "conflicts": []})
    );
    assert_eq!(
        v["flip_points"][1],
        serde_json::json!({"change": "acv", "direction": "up", "to": "$50,000.01", "motion": "sales-led", "conflicts": []})
    );
    let finding_ids: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        finding_ids,
        [
            "demo-required-to-start",
            "pricing-hidden",
            "motion-mismatch"
        ]
    );
    assert_eq!(v["findings"][0]["level"], "error");
    assert_eq!(v["findings"][0]["line"], 20);
    let acv = &v["factors"][0];
    assert_eq!(acv["id"], "acv");
    assert_eq!(acv["value"], "$24,000");
    assert_eq!(acv["reading"], "band");
    assert_eq!(
        acv["source"],
        "ACV framework — Product-Led vs Sales-Led in 2026"
    );
    for f in v["factors"].as_array().unwrap() {
        let reading = f["reading"].as_str().unwrap();
        assert!(
            ["band", "product", "buyer", "pull", "evidence"]
                .iter()
                .any(|r| reading.contains(r)),
            "{f}"
        );
        assert!(f["source"].as_str().unwrap().contains(" — "), "{f}");
    }
    let item = &v["checklist"][0];
    assert_eq!(item["id"], "calculate-acv-distribution");
    assert_eq!(item["section"], "assess");
    assert_eq!(item["done"], true);
}

#[test]
fn several_files_give_one_json_array_in_order() {
    let v = json(&[
        "recommend",
        "profiles/workday.toml",
        "profiles/calendly.toml",
        "--format",
        "json",
    ]);
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0]["name"], "Workday");
    assert_eq!(arr[1]["name"], "Calendly");
}

#[test]
fn several_files_give_a_portfolio_table() {
    let out = gtm()
        .args([
            "recommend",
            "profiles/workday.toml",
            "profiles/calendly.toml",
            "profiles/notion.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("│ Name"), "{stdout}");
    assert!(stdout.contains("Workday") && stdout.contains("Calendly") && stdout.contains("Notion"));
    assert!(
        stdout.contains("3 profiles: 1 Self-serve only, 1 Product-led (PLG), 1 Enterprise sales"),
        "{stdout}"
    );
}

#[test]
fn one_bad_file_is_reported_and_the_rest_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, valid_with("\"team\"", "\"crowd\"")).unwrap();
    let out = gtm()
        .args(["recommend", "profiles/workday.toml"])
        .arg(&bad)
        .args(["profiles/calendly.toml", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("bad.toml:5:9: `buyer`: `crowd` is not a valid buyer"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = gtm()
        .args(["recommend", "-", "--format", "json"])
        .write_stdin(crate::support::VALID)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["file"], "<stdin>");
    let out = gtm()
        .args(["recommend", "-", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn markdown_is_a_document() {
    let out = gtm()
        .args([
            "recommend",
            "profiles/modelforge.toml",
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("## ModelForge: Hybrid (product-led sales)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("| Reading | Value (the answers behind it) | Source |"));
    assert!(stdout.contains("| Answer | Value | Decides | Source |"));
    assert!(stdout.contains("### Conflicts (1)"));
    assert!(stdout.contains("### Where the documents disagree (1)"));
    assert!(stdout.contains("- [ ] `define-pql-criteria`"));
}

#[test]
fn explain_lists_every_factor_weight_and_unanswered_signal() {
    let out = gtm()
        .args(["explain", "profiles/vaultnote.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    for needle in [
        "Decision (contested)",
        "  Band     ACV $3,000 is in the Product-led (PLG) band",
        "  Product  needs-sales (compliance review-before-trial)",
        "  Buyer    bottom-up (buyer team, compliance review-before-trial)",
        "  Move     plg -> hybrid (plg-needs-help)",
        "  ! plg-needs-help:",
        "Why",
        "Advice",
        "Evidence",
        "Not answered, so read as false:",
        "viral_loops",
        "Flip points",
        "Lower ACV to $999.99 and the motion becomes Product-led (PLG), with a\n    conflict (self-serve-needs-sales).",
    ] {
        assert!(stdout.contains(needle), "missing {needle:?}:\n{stdout}");
    }
    let v = json(&["explain", "profiles/vaultnote.toml", "--format", "json"]);
    assert_eq!(v["motion"], "hybrid");
    assert_eq!(
        v["moves"][0]["rules"],
        serde_json::json!(["plg-needs-help"])
    );
}

#[test]
fn checklist_prints_one_motion() {
    let out = gtm().args(["checklist", "sales-led"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("Checklist for Sales-led ("), "{stdout}");
    assert!(stdout.contains("write-sales-playbook"));
    assert!(!stdout.contains("define-pql-criteria"));
    let v = json(&["checklist", "hybrid", "--format", "json"]);
    assert_eq!(v["motion"], "hybrid");
    assert!(
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["id"] == "define-pql-criteria")
    );
    let out = gtm().args(["checklist", "growth"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("self-serve, plg, hybrid, sales-led, enterprise"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn init_writes_a_profile_that_evaluates_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.toml");
    let out = gtm().arg("init").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("gtm recommend"));
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("# "), "the starter profile is commented");
    let out = gtm().arg("recommend").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    std::fs::write(&path, "mine").unwrap();
    let out = gtm().arg("init").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("already exists"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");

    let out = gtm().args(["init", "-"]).output().unwrap();
    assert_eq!(text(&out.stdout), written);
}

/// `init` writes through the atomic helper: an ordinary mode (not a
/// temporary file's 0600), nothing else left in the directory, and into a
/// missing folder nothing at all.
#[cfg(unix)]
#[test]
fn init_writes_atomically_with_an_ordinary_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    std::fs::File::create(&reference).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let path = dir.path().join("gtm.toml");
    let out = gtm().arg("init").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(mode(&path), mode(&reference));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    // A parent that is a file: the file, what failed, and the cause, in
    // one line, and nothing written.
    let out = gtm()
        .arg("init")
        .arg(dir.path().join("reference/gtm.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("reference/gtm.toml: cannot write: Not a directory"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// `gtm init clients/acme.toml` in a fresh folder makes `clients/`, and
/// says so.
#[test]
fn init_makes_the_folders_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let out = gtm()
        .current_dir(dir.path())
        .args(["init", "clients/acme/gtm.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(dir.path().join("clients/acme/gtm.toml").is_file());
    assert!(
        text(&out.stderr).contains("created folder clients/acme"),
        "{}",
        text(&out.stderr)
    );
}

/// A file name that is not UTF-8 is read (found by walking or named), and
/// shown with its odd bytes as `\xff`, never silently replaced.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_read_and_shown_escaped() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join(OsStr::from_bytes(b"acme\xff.toml"));
    std::fs::copy("profiles/acme-analytics.toml", &odd).unwrap();
    for arg in [odd.as_os_str(), dir.path().as_os_str()] {
        let out = gtm()
            .arg("recommend")
            .arg(arg)
            .args(["--format", "csv"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("acme\\xff.toml\","),
            "{}",
            text(&out.stdout)
        );
    }
    let out = gtm().arg("check").arg(dir.path()).output().unwrap();
    assert!(
        text(&out.stdout).contains("acme\\xff.toml ("),
        "{}",
        text(&out.stdout)
    );
    let missing = dir.path().join(OsStr::from_bytes(b"gone\xfe.toml"));
    let out = gtm().arg("recommend").arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("gone\\xfe.toml: no such file"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn init_defaults_to_gtm_toml_in_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out = gtm().current_dir(dir.path()).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("gtm.toml").exists());
}

#[test]
fn rules_prints_the_rulebook_and_another_can_replace_it() {
    let out = gtm().arg("rules").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let builtin = text(&out.stdout);
    assert!(builtin.contains("[[acv.bands]]"));
    let v = json(&["rules", "--format", "json"]);
    assert_eq!(v["acv"]["bands"][2]["up_to"], "$50,000");
    let md = gtm()
        .args(["rules", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(text(&md.stdout).contains("| Motion | ACV | Sales role |"));

    // Moving the hybrid band's top edge from $50K to $20K makes a $24K product sales-led.
    let dir = tempfile::tempdir().unwrap();
    let custom = dir.path().join("rules.toml");
    std::fs::write(
        &custom,
        builtin.replace("up_to = \"$50,000\"", "up_to = \"$20,000\""),
    )
    .unwrap();
    let out = gtm()
        .args([
            "recommend",
            "profiles/acme-analytics.toml",
            "--format",
            "json",
            "--rules",
        ])
        .arg(&custom)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["acv_band"], "sales-led");
    let out = gtm()
        .arg("rules")
        .arg("--rules")
        .arg(&custom)
        .output()
        .unwrap();
    assert!(text(&out.stdout).contains("up_to = \"$20,000\""));
}

#[test]
fn a_bad_rulebook_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let custom = dir.path().join("rules.toml");
    let builtin = gtm_advisor::rulebook::DEFAULT_RULEBOOK;
    // A rulebook refused on load: exit 2, nothing on stdout, the problem on stderr.
    let refused = |rulebook: &str| {
        std::fs::write(&custom, rulebook).unwrap();
        let out = gtm()
            .args(["recommend", "profiles/acme-analytics.toml", "--rules"])
            .arg(&custom)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        text(&out.stderr)
    };
    // A move of two steps breaks DESIGN.md's one-step rule.
    let stderr = refused(&builtin.replacen(
        "band = \"plg\"\nto = \"hybrid\"",
        "band = \"plg\"\nto = \"sales-led\"",
        1,
    ));
    assert!(stderr.contains("rules.toml:"), "{stderr}");
    assert!(stderr.contains("one-step rule"), "{stderr}");
    assert!(
        stderr.contains("move `plg-needs-help` goes from plg to sales-led"),
        "{stderr}"
    );
    // A rulebook of model 1 is told which format this build reads.
    let stderr = refused("format = 1\nrevision = \"2026.11\"\n[lean]\nthreshold = 3.0\n");
    assert!(
        stderr.contains("rules.toml:1:10: `format`: rulebook format 1 is not supported; this build reads format 2"),
        "{stderr}"
    );

    std::fs::write(&custom, format!("{builtin}\nsurprise = 1\n")).unwrap();
    let out = gtm()
        .args(["rules", "--rules"])
        .arg(&custom)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("surprise"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn output_is_byte_identical_across_runs() {
    let run = || {
        gtm()
            .args([
                "recommend",
                "profiles/slack.toml",
                "profiles/modelforge.toml",
                "--format",
                "json",
            ])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn usage_errors_exit_2_and_bare_gtm_prints_help() {
    let out = gtm().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = gtm().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("Usage: gtm"),
        "{}",
        text(&out.stderr)
    );
    let out = gtm()
        .args(["recommend", "x.toml", "--format", "yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_teaches_with_examples() {
    let out = gtm().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Examples:") && stdout.contains("gtm recommend acme.toml"),
        "{stdout}"
    );
    // The list the help tests walk is the list `gtm --help` shows.
    let listed: Vec<&str> = stdout
        .split("Commands:\n")
        .nth(1)
        .unwrap()
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert_eq!(listed, crate::support::SUBCOMMANDS);
    for cmd in crate::support::SUBCOMMANDS {
        let out = gtm().args([cmd, "--help"]).output().unwrap();
        assert!(
            text(&out.stdout).contains("Examples:"),
            "{cmd} --help has no examples"
        );
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let bin = assert_cmd::cargo::cargo_bin!("gtm");
    let mut child = Command::new(bin)
        .arg("rules")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        !text(&out.stderr).contains("panicked"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn segments_give_a_motion_mix_and_hand_offs() {
    let v = json(&["recommend", "profiles/orbit-crm.toml", "--format", "json"]);
    let motions: Vec<&str> = v["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["motion"].as_str().unwrap())
        .collect();
    assert_eq!(motions, ["plg", "hybrid", "sales-led"]);
    let smb = &v["segments"][0];
    assert_eq!(
        (
            &smb["name"],
            &smb["acv"],
            &smb["share"],
            &smb["acv_band"],
            &smb["motion"]
        ),
        (
            &serde_json::json!("SMB"),
            &serde_json::json!("$1,200"),
            &serde_json::json!(0.35),
            &serde_json::json!("plg"),
            &serde_json::json!("plg")
        )
    );
    assert_eq!(smb["readings"]["pull"]["value"], "yes");
    assert_eq!(v["motion"], "hybrid");
    assert_eq!(v["headline"], "both-ends");
    assert_eq!(v["company_wide"]["motion"], "hybrid");
    assert_eq!(
        v["motion_mix"][1],
        serde_json::json!({"motion": "hybrid", "share": 0.4})
    );
    assert_eq!(v["handoffs"][1]["from"], "hybrid");
    assert_eq!(v["handoffs"][1]["triggers"][0]["id"], "account-trigger");
    let out = gtm()
        .args(["explain", "profiles/orbit-crm.toml"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Segments (3)") && stdout.contains("Motion mix: 35% Product-led (PLG)"),
        "{stdout}"
    );
    let v = json(&[
        "recommend",
        "profiles/acme-analytics.toml",
        "--format",
        "json",
    ]);
    assert!(v.get("segments").is_none() && v.get("company_wide").is_none());
}

#[test]
fn a_full_or_closed_stderr_changes_nothing_but_the_message() {
    use std::process::{Command, Stdio};
    let bin = assert_cmd::cargo::cargo_bin!("gtm");
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    // An invalid profile with nowhere to write the error: still exit 2, no abort.
    let out = Command::new(bin)
        .args(["recommend", "tests/fixtures/invalid.toml"])
        .stderr(Stdio::from(full()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{:?}", out.status);
    // A full stdout is an error with its own exit status, not a signal.
    let out = Command::new(bin)
        .arg("rules")
        .stdout(Stdio::from(full()))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{:?}", out.status);
    assert!(text(&out.stderr).contains("cannot write to standard output"));
    // Both full: still exit 2.
    let out = Command::new(bin)
        .arg("rules")
        .stdout(Stdio::from(full()))
        .stderr(Stdio::from(full()))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{:?}", out.status);
}

#[test]
fn checklist_reads_motions_as_people_type_them() {
    let by_id = gtm().args(["checklist", "hybrid"]).output().unwrap();
    assert_eq!(by_id.status.code(), Some(0));
    for typed in ["Hybrid", "HYBRID", "product-led sales", "Product_Led_Sales"] {
        let out = gtm().args(["checklist", typed]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{typed}: {}", text(&out.stderr));
        assert_eq!(out.stdout, by_id.stdout, "{typed}");
    }
    for (typed, heading) in [
        ("PLG", "Product-led (PLG)"),
        ("sales led", "Sales-led"),
        ("product-led", "Product-led (PLG)"),
        ("enterprise sales", "Enterprise sales"),
        ("Self-Serve", "Self-serve only"),
    ] {
        let out = gtm().args(["checklist", typed]).output().unwrap();
        assert!(
            text(&out.stdout).starts_with(&format!("Checklist for {heading} (")),
            "{typed}: {}",
            text(&out.stdout)
        );
    }
    let out = gtm().args(["checklist", "viral"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("'viral'")
            && stderr.contains("self-serve, plg, hybrid, sales-led, enterprise"),
        "{stderr}"
    );
}

/// The hook other repositories install with the pre-commit framework runs
/// this crate's `gtm` binary on files named gtm.toml.
#[test]
fn the_pre_commit_hook_definition_points_at_gtm_check() {
    let hooks = std::fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    for line in [
        "- id: gtm-check",
        "  entry: gtm check",
        "  language: rust",
        "  files: (^|/)gtm\\.toml$",
    ] {
        assert!(hooks.lines().any(|l| l == line), "{line} missing:\n{hooks}");
    }
    let manifest = std::fs::read_to_string("Cargo.toml").unwrap();
    assert!(
        manifest.contains("[[bin]]\nname = \"gtm\""),
        "the binary is gtm"
    );
}

/// `gtm init` leaves `[expect]` commented out, so editing the answers never
/// fails the gate on an expectation nobody wrote; once uncommented, the gate
/// holds the motion, and every result says when it no longer holds.
#[test]
fn init_then_check_passes_and_then_gates_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| gtm().current_dir(dir.path()).args(args).output().unwrap();
    assert_eq!(run(&["init"]).status.code(), Some(0));
    let starter = std::fs::read_to_string(dir.path().join("gtm.toml")).unwrap();
    assert!(
        starter.contains("\n# [expect]\n# motion = \"hybrid\"\n"),
        "{starter}"
    );
    assert!(
        starter.contains("\n# [check]\n# allow = ["),
        "a commented [check]"
    );
    let out = run(&["check", "gtm.toml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["profiles"][0]["motion"], "hybrid", "{v}");
    // An edited answer moves the motion; without [expect] the gate passes.
    let edited = starter.replace("acv = \"$12k\"", "acv = \"$400k\"");
    std::fs::write(dir.path().join("gtm.toml"), &edited).unwrap();
    assert_eq!(run(&["check", "gtm.toml"]).status.code(), Some(0));
    // With [expect] uncommented, the gate fails and every result says why.
    let expecting = edited.replace("# [expect]\n# motion", "[expect]\nmotion");
    std::fs::write(dir.path().join("gtm.toml"), expecting).unwrap();
    let out = run(&["check", "gtm.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("error[expected-motion]"),
        "{}",
        text(&out.stdout)
    );
    for args in [
        &["recommend", "gtm.toml"][..],
        &["explain", "gtm.toml"],
        &["recommend", "gtm.toml", "--format", "markdown"],
    ] {
        let out = run(args);
        let stdout = text(&out.stdout);
        assert!(
            stdout.contains("Not as expected") && stdout.contains("[expect] names Hybrid"),
            "{args:?}: {stdout}"
        );
    }
    let out = run(&["recommend", "gtm.toml", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["expect"],
        serde_json::json!({"motion": "hybrid", "holds": false})
    );
    let out = run(&["what-if", "gtm.toml", "--set", "acv=12k"]);
    assert!(
        text(&out.stdout)
            .replace('\n', " ")
            .contains("now matches the profile's [expect]"),
        "{}",
        text(&out.stdout)
    );
    let report = dir.path().join("r.html");
    let out = run(&["report", "gtm.toml", "--out", report.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(report).unwrap();
    assert!(
        html.contains("was expected to give Hybrid"),
        "the report says so too"
    );
}

/// Every help page offers `--rules` exactly where a rulebook is read, and
/// `--stdin-name` exactly where `-` reads a profile; each does what it says.
#[test]
fn help_offers_only_options_the_command_uses() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad-rules.toml");
    std::fs::write(&bad, "format = 2\nnot_a_rulebook = true\n").unwrap();
    let profile = "profiles/acme-analytics.toml";
    // Each subcommand, arguments that run it, and whether it reads a rulebook
    // and standard input.
    let commands: [(&str, Vec<&str>, bool, bool); 14] = [
        ("interview", vec![], true, false),
        ("recommend", vec![profile], true, true),
        ("explain", vec![profile], true, true),
        ("what-if", vec![profile, "--set", "acv=9000"], true, true),
        ("report", vec![profile, "--out", "r.html"], true, false),
        ("compare", vec![profile], true, true),
        ("diff", vec![profile, profile], true, false),
        ("checklist", vec!["plg"], true, false),
        ("check", vec![profile], true, true),
        ("schema", vec![], true, false),
        ("completions", vec!["bash"], false, false),
        ("man", vec![], false, false),
        ("init", vec!["-"], false, false),
        ("rules", vec![], true, false),
    ];
    for (name, args, reads_rules, reads_stdin) in commands {
        let help = text(&gtm().args([name, "--help"]).output().unwrap().stdout);
        assert_eq!(
            help.contains("--rules <NAME|FILE>"),
            reads_rules,
            "gtm {name} --help:\n{help}"
        );
        assert_eq!(
            help.contains("--stdin-name <NAME>"),
            reads_stdin,
            "gtm {name} --help:\n{help}"
        );
        assert!(
            !help.contains("array when several"),
            "gtm {name} --help:\n{help}"
        );
        if reads_stdin {
            assert!(
                help.contains("`-` reads"),
                "gtm {name} --help does not say `-` reads stdin"
            );
        }
        if name == "interview" {
            // Runs only on a terminal: only its help is checked here.
            continue;
        }
        let out = gtm()
            .arg(name)
            .args(&args)
            .arg("--rules")
            .arg(&bad)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "gtm {name} --rules BAD");
        // Used: a broken rulebook is refused, naming it. Not offered: clap
        // refuses the option.
        let expected = if reads_rules {
            "bad-rules.toml"
        } else {
            "unexpected argument '--rules'"
        };
        assert!(
            text(&out.stderr).contains(expected),
            "gtm {name}: {}",
            text(&out.stderr)
        );
    }
}

/// Help speaks of deciding, as model 2 does, and each command's formats
/// are described as that command prints them.
#[test]
fn help_texts_say_what_the_binary_does() {
    let mut pages = vec![text(&gtm().arg("--help").output().unwrap().stdout)];
    for cmd in crate::support::SUBCOMMANDS {
        pages.push(text(&gtm().args([cmd, "--help"]).output().unwrap().stdout));
    }
    for page in &pages {
        for stale in ["Score against", "scores it", "score it"] {
            assert!(!page.contains(stale), "{stale}: {page}");
        }
    }
    let rules = text(&gtm().args(["rules", "--help"]).output().unwrap().stdout);
    assert!(rules.contains("`text` is the rulebook's TOML"), "{rules}");
    assert!(!rules.contains("Tables for a terminal"), "{rules}");
    let checklist = text(&gtm().args(["checklist", "--help"]).output().unwrap().stdout);
    assert!(!checklist.contains("schema_version 2"), "{checklist}");
}

/// `gtm man --out DIR` installs gtm(1) and one page per command, each with
/// its own options and examples; every page gtm(1) refers to exists.
#[test]
fn man_writes_a_page_per_command_with_its_options() {
    let dir = crate::support::installed_man_pages();
    let root = std::fs::read_to_string(dir.path().join("gtm.1")).unwrap();
    let mut referenced = 0;
    for line in root.lines() {
        if let Some(name) = line.strip_suffix("(1)").filter(|l| l.starts_with("gtm\\-")) {
            let file = format!("{}.1", name.replace("\\-", "-"));
            assert!(
                dir.path().join(&file).exists(),
                "gtm.1 refers to {file}, which is missing"
            );
            referenced += 1;
        }
    }
    assert_eq!(referenced, 15, "{root}");
    for (page, options) in [
        (
            "gtm-recommend.1",
            vec!["\\-\\-sort", "\\-\\-format", "\\-\\-stdin\\-name"],
        ),
        (
            "gtm-check.1",
            vec!["\\-\\-deny", "\\-\\-allow", "\\-\\-require\\-checklist"],
        ),
        ("gtm-what-if.1", vec!["\\-\\-set"]),
    ] {
        let roff = std::fs::read_to_string(dir.path().join(page)).unwrap();
        for option in options {
            assert!(roff.contains(option), "{page} lacks {option}");
        }
        // Examples keep their lines: no filling.
        assert!(roff.contains(".SH EXAMPLES\n.nf\n"), "{page}");
    }
    // The synopsis names each option's value.
    let check = std::fs::read_to_string(dir.path().join("gtm-check.1")).unwrap();
    let synopsis =
        &check[check.find(".SH SYNOPSIS").unwrap()..check.find(".SH DESCRIPTION").unwrap()];
    for part in [
        "[\\fB\\-\\-format\\fR \\fIFORMAT\\fR]",
        "[\\fB\\-\\-deny\\fR \\fILEVEL\\fR]",
        "[\\fB\\-\\-require\\-checklist\\fR]",
        "[\\fIFILE|DIR\\fR...]",
    ] {
        assert!(synopsis.contains(part), "{part} in {synopsis}");
    }
    // Installed pages are not replaced without --force.
    let again = gtm()
        .arg("man")
        .arg("--out")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("pass --force"),
        "{}",
        text(&again.stderr)
    );
    let forced = gtm()
        .arg("man")
        .arg("--out")
        .arg(dir.path())
        .arg("--force")
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(0));
    // One page on stdout.
    let one = gtm().args(["man", "check"]).output().unwrap();
    assert_eq!(
        text(&one.stdout),
        std::fs::read_to_string(dir.path().join("gtm-check.1")).unwrap()
    );
    let none = gtm().args(["man", "nope"]).output().unwrap();
    assert_eq!(none.status.code(), Some(2));
}

/// One time to value shows one way, whatever way it was written.
#[test]
fn time_to_value_is_shown_in_one_normal_form() {
    let shown = |typed: &str| {
        let out = gtm()
            .args(["recommend", "-", "--format", "json"])
            .write_stdin(crate::support::valid_with(
                "time_to_value = \"20 minutes\"",
                &format!("time_to_value = \"{typed}\""),
            ))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["factors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == "time_to_value")
            .unwrap()["value"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(shown("1.5 hours"), "90 minutes");
    assert_eq!(shown("90 minutes"), "90 minutes");
    assert_eq!(shown("1h 30m"), "90 minutes");
    assert_eq!(shown("14 days"), "2 weeks");
}

/// `explain` says the same things in text and in Markdown: the band, each
/// reading with what it means and its source, the move and its rules, for
/// every example profile.
#[test]
fn explain_says_the_same_in_text_and_markdown() {
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut files: Vec<_> = std::fs::read_dir("profiles")
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let file = file.to_str().unwrap();
        let run = |format: &str| {
            let out = gtm()
                .args(["explain", file, "--format", format])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{file} {format}");
            text(&out.stdout)
        };
        let (plain, markdown) = (collapse(&run("text")), collapse(&run("markdown")));
        let v = json(&["recommend", file, "--format", "json"]);
        let mut said = vec![format!("ACV {} is in the", v["acv"].as_str().unwrap())];
        for reading in ["product", "buyer", "pull"] {
            let r = &v["readings"][reading];
            said.push(format!(
                "{reading} {}: {} ({})",
                r["value"].as_str().unwrap(),
                r["message"].as_str().unwrap(),
                r["source"].as_str().unwrap()
            ));
        }
        for m in v["moves"].as_array().unwrap() {
            let rules: Vec<&str> = m["rules"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            said.push(format!(
                "{} -> {} ({})",
                m["from"].as_str().unwrap(),
                m["to"].as_str().unwrap(),
                rules.join(", ")
            ));
        }
        for sentence in said {
            let sentence = collapse(&sentence);
            assert!(plain.contains(&sentence), "{file}: text lacks {sentence:?}");
            assert!(
                markdown.contains(&sentence),
                "{file}: Markdown lacks {sentence:?}"
            );
        }
    }
}

/// `--brief` is the top of the full result and one line counting the rest.
#[test]
fn brief_is_the_top_of_the_result_and_a_count_of_the_rest() {
    let file = "profiles/acme-analytics.toml";
    let full = text(&gtm().args(["recommend", file]).output().unwrap().stdout);
    let out = gtm().args(["recommend", file, "--brief"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let brief = text(&out.stdout);
    let top = &brief[..brief.find("\n\n0 conflicts").expect(&brief)];
    assert!(full.starts_with(top), "{brief}");
    assert!(brief.contains("3 findings; checklist 2 of 25"), "{brief}");
    assert!(brief.lines().count() < 20, "{brief}");
    let out = gtm()
        .args(["recommend", file, "--brief", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `--color` has the last word on colour, in `check` as elsewhere; only
/// the tool's words are coloured.
#[test]
fn color_always_and_never_override_the_environment() {
    let file = "profiles/acme-analytics.toml";
    let out = gtm()
        .args(["check", file, "--color", "always"])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("\u{1b}[1;31mfailed\u{1b}[0m  profiles/"),
        "{stdout:?}"
    );
    assert!(stdout.contains("  \u{1b}[1;31merror\u{1b}[0m[demo-required-to-start]"));
    let out = gtm()
        .args(["--color", "never", "recommend", file])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(!text(&out.stdout).contains('\u{1b}'));
    let out = gtm()
        .args(["recommend", file, "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(text(&out.stdout).contains('\u{1b}'));
}

/// `check -q` prints nothing; the exit status says it all.
#[test]
fn check_quiet_prints_nothing_and_keeps_the_exit_status() {
    for (file, code) in [
        ("profiles/tracewise.toml", 0),
        ("profiles/acme-analytics.toml", 1),
        ("tests/fixtures/invalid.toml", 2),
    ] {
        let out = gtm().args(["check", "-q", file]).output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{file}");
        assert!(out.stdout.is_empty(), "{file}: {}", text(&out.stdout));
    }
    let out = gtm().args(["check", "-q", "profiles"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}
