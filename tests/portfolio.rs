//! A consultant's portfolio: directories, ordering, counts, CSV.

mod common;

use common::{gtm, text};

fn run(args: &[&str]) -> (i32, String, String) {
    let out = gtm().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        text(&out.stdout),
        text(&out.stderr),
    )
}

/// A client folder with nested directories, a hidden one, and a non-profile file.
fn clients() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("emea")).unwrap();
    std::fs::create_dir_all(root.join(".archive")).unwrap();
    std::fs::copy("profiles/workday.toml", root.join("b-workday.toml")).unwrap();
    std::fs::copy("profiles/calendly.toml", root.join("a-calendly.toml")).unwrap();
    std::fs::copy("profiles/acme-analytics.toml", root.join("emea/acme.toml")).unwrap();
    std::fs::copy("profiles/slack.toml", root.join(".archive/slack.toml")).unwrap();
    std::fs::write(root.join("notes.md"), "not a profile").unwrap();
    dir
}

#[test]
fn a_directory_is_every_profile_under_it_in_path_order() {
    let dir = clients();
    let out = gtm()
        .arg("recommend")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Calendly", "Workday", "Acme Analytics"]);
}

#[test]
fn the_text_portfolio_counts_profiles_per_motion() {
    let dir = clients();
    let out = gtm().arg("recommend").arg(dir.path()).output().unwrap();
    let stdout = text(&out.stdout);
    for header in ["Name", "ACV", "Motion", "Margin", "Conflicts", "Checklist"] {
        assert!(stdout.contains(header), "{header}: {stdout}");
    }
    assert!(
        stdout.contains(
            "3 profiles: 1 Self-serve only, 1 Hybrid (product-led sales), 1 Enterprise sales"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("2/23"), "checklist progress: {stdout}");
}

#[test]
fn sort_orders_the_rows() {
    let files = [
        "profiles/workday.toml",
        "profiles/calendly.toml",
        "profiles/acme-analytics.toml",
        "profiles/slack.toml",
    ];
    let names = |sort: &str| {
        let mut args = vec!["recommend", "--format", "json", "--sort", sort];
        args.extend(files);
        let (_, stdout, _) = run(&args);
        let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names("name"),
        ["Acme Analytics", "Calendly", "Slack", "Workday"]
    );
    assert_eq!(
        names("acv"),
        ["Calendly", "Slack", "Acme Analytics", "Workday"]
    );
    assert_eq!(
        names("motion"),
        ["Calendly", "Slack", "Acme Analytics", "Workday"]
    );
}

#[test]
fn csv_parses_back_with_one_row_per_profile() {
    let dir = clients();
    std::fs::write(
        dir.path().join("c-comma.toml"),
        std::fs::read_to_string("profiles/tracewise.toml")
            .unwrap()
            .replace("name = \"Tracewise\"", "name = \"Trace, \\\"wise\\\"\""),
    )
    .unwrap();
    let out = gtm()
        .arg("recommend")
        .arg(dir.path())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "file");
    assert_eq!(&headers[3], "motion");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let comma = rows
        .iter()
        .find(|r| r[0].ends_with("c-comma.toml"))
        .unwrap();
    assert_eq!(&comma[1], "Trace, \"wise\"");
    assert_eq!(&comma[2], "3600");
    assert_eq!(&comma[3], "plg");
    let acme = rows.iter().find(|r| &r[1] == "Acme Analytics").unwrap();
    assert_eq!((&acme[9], &acme[10]), ("2", "23"));
}

#[test]
fn one_unreadable_profile_is_reported_and_the_rest_evaluated() {
    let dir = clients();
    std::fs::write(dir.path().join("broken.toml"), "version = 1\nname = ").unwrap();
    let out = gtm()
        .arg("recommend")
        .arg(dir.path())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("broken.toml:2:"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        text(&out.stdout).lines().count(),
        4,
        "header and three rows"
    );
}
