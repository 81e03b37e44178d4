//! A consultant's portfolio: directories, ordering, counts, CSV.

use crate::support::{gtm, run, text};

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
    let out = json_portfolio(dir.path(), None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        names_in(&out.stdout),
        ["Calendly", "Workday", "Acme Analytics"]
    );
}

#[test]
fn the_text_portfolio_counts_profiles_per_motion() {
    let dir = clients();
    let out = gtm().arg("recommend").arg(dir.path()).output().unwrap();
    let stdout = text(&out.stdout);
    for header in [
        "Name",
        "ACV",
        "Motion",
        "Confidence",
        "Conflicts",
        "Checklist",
    ] {
        assert!(stdout.contains(header), "{header}: {stdout}");
    }
    assert!(
        stdout.contains(
            "3 profiles: 1 Self-serve only, 1 Hybrid (product-led sales), 1 Enterprise sales"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("2/25"), "checklist progress: {stdout}");
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
        names_in(stdout.as_bytes())
    };
    assert_eq!(
        names("name"),
        ["Acme Analytics", "Calendly", "Slack", "Workday"]
    );
    assert_eq!(
        names("acv"),
        ["Calendly", "Slack", "Acme Analytics", "Workday"]
    );
    // Slack ($5,300) is hybrid like Acme Analytics; ties keep the order given.
    assert_eq!(
        names("motion"),
        ["Calendly", "Acme Analytics", "Slack", "Workday"]
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
    // A name a spreadsheet would run as a formula.
    std::fs::write(
        dir.path().join("d-formula.toml"),
        std::fs::read_to_string("profiles/tracewise.toml")
            .unwrap()
            .replace(
                "name = \"Tracewise\"",
                "name = \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"",
            ),
    )
    .unwrap();
    let out = gtm()
        .arg("recommend")
        .arg(dir.path())
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "file");
    assert_eq!(&headers[3], "motion");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    let formula = rows
        .iter()
        .find(|r| r[0].ends_with("d-formula.toml"))
        .unwrap();
    assert_eq!(&formula[1], "'=HYPERLINK(\"http://x\",\"y\")");
    assert_eq!(&formula[2], "3600", "numbers stay numbers");
    let comma = rows
        .iter()
        .find(|r| r[0].ends_with("c-comma.toml"))
        .unwrap();
    assert_eq!(&comma[1], "Trace, \"wise\"");
    assert_eq!(&comma[2], "3600");
    assert_eq!(&comma[3], "plg");
    let acme = rows.iter().find(|r| &r[1] == "Acme Analytics").unwrap();
    assert_eq!(&headers[5], "confidence");
    assert_eq!((&acme[8], &acme[9]), ("2", "25"));
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

/// A profile that cannot be read is counted where the others are: in the
/// text summary, the Markdown portfolio and both reports.
#[test]
fn a_profile_left_out_is_counted_in_every_total() {
    let dir = clients();
    std::fs::write(dir.path().join("broken.toml"), "version = 1\nname = ").unwrap();
    let out = gtm().arg("recommend").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let summary = text(&out.stdout).replace("\n  ", " ");
    assert!(
        summary.contains("3 profiles: ") && summary.contains("; 1 more could not be used"),
        "{summary}"
    );
    let out = gtm()
        .arg("recommend")
        .arg(dir.path())
        .args(["--format", "markdown"])
        .output()
        .unwrap();
    assert!(
        text(&out.stdout).contains("*1 more profile could not be read and is not included.*"),
        "{}",
        text(&out.stdout)
    );
    let reports = tempfile::tempdir().unwrap();
    for name in ["r.html", "r.md"] {
        let target = reports.path().join(name);
        let out = gtm()
            .arg("report")
            .arg(dir.path())
            .arg("--out")
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let report = std::fs::read_to_string(&target).unwrap();
        assert!(
            report.contains("1 more profile could not be read and is not included."),
            "{name}: {report}"
        );
        assert!(
            text(&out.stderr).contains("(3 profiles; 1 could not be read)"),
            "{name}: {}",
            text(&out.stderr)
        );
    }
}

/// `gtm recommend DIR --format json`, sorted by `sort` if given.
fn json_portfolio(dir: &std::path::Path, sort: Option<&str>) -> std::process::Output {
    let mut cmd = gtm();
    cmd.arg("recommend").arg(dir).args(["--format", "json"]);
    if let Some(sort) = sort {
        cmd.args(["--sort", sort]);
    }
    cmd.output().unwrap()
}

/// The profile names in a JSON array of results, in order.
fn names_in(stdout: &[u8]) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_large_json_portfolio_streams_every_profile_in_order() {
    // More profiles than one streamed chunk, so the chunk seams are crossed.
    let count = 600;
    let dir = many_clients(count);
    let ascending: Vec<String> = (0..count).map(|i| format!("Client {i:04}")).collect();
    let file_order: Vec<String> = ascending.iter().rev().cloned().collect();
    for (sort, expected) in [(None, file_order), (Some("name"), ascending)] {
        let out = json_portfolio(dir.path(), sort);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(names_in(&out.stdout), expected, "sort {sort:?}");
    }
}

/// A directory of `count` renamed copies of four examples, `c0000.toml`...
/// Names run backwards against the files (`c0000.toml` is the last client,
/// `Client {count-1}`), and the examples cycle through three motions and
/// four amounts, so that no sort key finds them already in order.
fn many_clients(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let examples = ["calendly", "workday", "acme-analytics", "slack"];
    for i in 0..count {
        let source = std::fs::read_to_string(format!("profiles/{}.toml", examples[i % 4])).unwrap();
        let start = source.find("name = ").unwrap();
        let end = start + source[start..].find('\n').unwrap();
        let renamed = format!(
            "{}name = \"Client {:04}\"{}",
            &source[..start],
            count - 1 - i,
            &source[end..]
        );
        std::fs::write(dir.path().join(format!("c{i:04}.toml")), renamed).unwrap();
    }
    dir
}

#[test]
fn a_large_markdown_portfolio_streams_sections_in_the_tables_order() {
    // More profiles than one streamed chunk, and a bad file among them.
    let dir = many_clients(600);
    std::fs::write(dir.path().join("c0300-bad.toml"), "version = 1\n").unwrap();
    for sort in [None, Some("motion"), Some("acv")] {
        let mut cmd = gtm();
        cmd.arg("recommend")
            .arg(dir.path())
            .args(["--format", "markdown"]);
        if let Some(key) = sort {
            cmd.args(["--sort", key]);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "the bad file");
        assert!(
            text(&out.stderr).contains("c0300-bad.toml"),
            "{}",
            text(&out.stderr)
        );
        let stdout = text(&out.stdout);
        let in_table: Vec<&str> = stdout
            .lines()
            .filter(|l| l.starts_with("| ") && l.contains(".toml"))
            .map(|l| l.split(" | ").nth(1).unwrap())
            .collect();
        let in_sections: Vec<&str> = stdout
            .lines()
            .filter_map(|l| l.strip_prefix("## "))
            .map(|l| l.split(':').next().unwrap())
            .collect();
        assert_eq!(in_table.len(), 600, "sort {sort:?}");
        assert_eq!(in_table, in_sections, "sort {sort:?}");
        if sort.is_none() {
            let expected: Vec<String> = (0..600).rev().map(|i| format!("Client {i:04}")).collect();
            assert_eq!(in_table, expected);
        }
    }
}

#[test]
fn a_sorted_json_portfolio_keeps_standard_input_and_reports_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "version = 1\nname = \"\"\n").unwrap();
    let out = gtm()
        .args(["recommend", "--format", "json", "--sort", "name"])
        .args(["profiles/workday.toml", "-"])
        .arg(&bad)
        .arg("profiles/calendly.toml")
        .write_stdin(std::fs::read_to_string("profiles/slack.toml").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("bad.toml"),
        "{}",
        text(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(&str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap(), r["file"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("Calendly", "profiles/calendly.toml"),
            ("Slack", "<stdin>"),
            ("Workday", "profiles/workday.toml")
        ]
    );
}

#[test]
fn a_json_portfolio_of_only_bad_files_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.toml", "b.toml"] {
        std::fs::write(dir.path().join(name), "version = 1\nacv = [valid").unwrap();
    }
    for sort in [None, Some("acv")] {
        let out = json_portfolio(dir.path(), sort);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("a.toml") && stderr.contains("b.toml"),
            "{stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_fifos_and_twin_links_are_handled() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("a")).unwrap();
    std::fs::copy("profiles/slack.toml", root.join("a/slack.toml")).unwrap();
    // A link back to the root: walking it naively never ends.
    symlink(root, root.join("a/loop")).unwrap();
    // A second name for the same file is read once.
    symlink(root.join("a/slack.toml"), root.join("twin.toml")).unwrap();
    // A FIFO named like a profile would block a reader forever.
    let fifo = root.join("pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let out = gtm()
        .arg("recommend")
        .arg(root)
        .args(["--format", "csv"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 2, "one profile, once:\n{stdout}");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("loop") && stderr.contains("skipped: a symbolic link that loops back to"),
        "{stderr}"
    );
    let out = gtm()
        .arg("check")
        .arg(root.join("a"))
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[cfg(unix)]
#[test]
fn standard_input_and_fifos_are_read_once_even_when_sorting() {
    // check - - : stdin can be read only once.
    let out = gtm()
        .args(["check", "-", "-"])
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("can be given only once"),
        "{}",
        text(&out.stderr)
    );
    // A FIFO named on the command line is read, once, in a sorted JSON portfolio.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let profile = std::fs::read_to_string("profiles/slack.toml").unwrap();
            std::fs::write(&fifo, profile).unwrap();
        })
    };
    let out = gtm()
        .args([
            "recommend",
            "--format",
            "json",
            "--sort",
            "name",
            "profiles/calendly.toml",
        ])
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(names_in(&out.stdout), ["Calendly", "Slack"]);
}

/// A text table larger than one drawn block reads as one table: one top
/// border, one header, one bottom border, every line the same width.
#[test]
fn a_large_text_table_is_drawn_in_blocks_that_read_as_one() {
    let dir = many_clients(600);
    let out = gtm().arg("recommend").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let table: Vec<&str> = stdout
        .lines()
        .take_while(|l| l.starts_with(['╭', '│', '╞', '╰']))
        .collect();
    assert!(table.len() > 600, "{stdout}");
    assert_eq!(table.iter().filter(|l| l.starts_with('╭')).count(), 1);
    assert_eq!(table.iter().filter(|l| l.starts_with('╰')).count(), 1);
    assert_eq!(table.iter().filter(|l| l.contains("┆ Motion ")).count(), 1);
    let width = table[0].chars().count();
    assert!(table.iter().all(|l| l.chars().count() == width), "{stdout}");
    for i in 0..600 {
        assert!(stdout.contains(&format!("│ Client {i:04} ")), "row {i}");
    }
}

/// On a narrow terminal whole columns go before any value is split: every
/// motion id and amount stays on one line.
#[test]
fn narrow_tables_drop_columns_rather_than_split_values() {
    for columns in ["60", "44", "30"] {
        let out = gtm()
            .args(["recommend", "profiles"])
            .env("COLUMNS", columns)
            .output()
            .unwrap();
        let stdout = text(&out.stdout);
        for token in [
            "self-serve",
            "enterprise",
            "sales-led",
            "$1,200,000",
            "$24,000",
        ] {
            assert!(
                stdout.contains(token),
                "COLUMNS={columns}: {token} split:\n{stdout}"
            );
        }
        let widest = stdout.lines().map(|l| l.chars().count()).max().unwrap();
        if columns != "30" {
            assert!(
                widest <= columns.parse().unwrap(),
                "COLUMNS={columns}:\n{stdout}"
            );
        }
    }
    let out = gtm()
        .args(["recommend", "profiles"])
        .env("COLUMNS", "60")
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    let table: String = stdout.lines().filter(|l| l.contains('│')).collect();
    assert!(
        table.contains("┆ Checklist │") && !table.contains("Conflicts"),
        "{stdout}"
    );
    // The summary says what was hidden and how to see it.
    let summary = stdout.replace("\n  ", " ");
    assert!(
        summary.contains("Hidden at 60 columns: Confidence, Conflicts;")
            && summary.contains("--format csv"),
        "{stdout}"
    );
}

/// One portfolio row as a format shows it: name, ACV in dollars, motion.
type Shown = (String, u64, String);

/// The rows of `gtm recommend DIR --format FORMAT [--sort KEY]`, read back
/// from what each format prints.
fn shown_rows(dir: &std::path::Path, format: &str, sort: Option<&str>) -> Vec<Shown> {
    let mut cmd = gtm();
    cmd.arg("recommend")
        .arg(dir)
        .args(["--format", format])
        .env("COLUMNS", "200");
    if let Some(key) = sort {
        cmd.args(["--sort", key]);
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let dollars = |s: &str| -> u64 {
        s.trim()
            .trim_start_matches('$')
            .replace(',', "")
            .parse()
            .unwrap()
    };
    let stdout = text(&out.stdout);
    match format {
        "json" => {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            v.as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r["name"].as_str().unwrap().to_string(),
                        r["acv_cents"].as_u64().unwrap() / 100,
                        r["motion"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        }
        "csv" => csv::Reader::from_reader(out.stdout.as_slice())
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[1].to_string(), dollars(&r[2]), r[3].to_string())
            })
            .collect(),
        "markdown" => stdout
            .lines()
            .filter(|l| l.starts_with("| ") && l.contains(".toml"))
            .map(|l| {
                let cells: Vec<&str> = l.split(" | ").collect();
                let motion = match cells[3] {
                    "Self-serve only" => "self-serve",
                    "Product-led (PLG)" => "plg",
                    "Hybrid (product-led sales)" => "hybrid",
                    "Sales-led" => "sales-led",
                    "Enterprise sales" => "enterprise",
                    other => panic!("motion name {other:?}"),
                };
                (cells[1].to_string(), dollars(cells[2]), motion.to_string())
            })
            .collect(),
        _ => stdout
            .lines()
            .filter(|l| l.starts_with("│ Client"))
            .map(|l| {
                let cells: Vec<&str> = l.trim_matches('│').split('┆').map(str::trim).collect();
                (
                    cells[0].to_string(),
                    dollars(cells[1]),
                    cells[2].to_string(),
                )
            })
            .collect(),
    }
}

/// Motions in the order `--sort motion` uses: from self-serve to enterprise.
fn rank(motion: &str) -> usize {
    ["self-serve", "plg", "hybrid", "sales-led", "enterprise"]
        .iter()
        .position(|m| *m == motion)
        .unwrap_or_else(|| panic!("motion {motion:?}"))
}

/// Whether `rows` are in `key`'s order (ties in motion by name).
fn in_order(rows: &[Shown], key: &str) -> bool {
    rows.windows(2).all(|w| {
        let (a, b) = (&w[0], &w[1]);
        match key {
            "name" => a.0 <= b.0,
            "acv" => a.1 <= b.1,
            _ => (rank(&a.2), &a.0) <= (rank(&b.2), &b.0),
        }
    })
}

/// Every portfolio format honours every sort key, over more rows than one
/// streamed block, from a folder whose file order matches none of the keys
/// (checked first, so a sort that does nothing cannot pass).
#[test]
fn every_format_sorts_by_every_key() {
    let count = 300;
    let dir = many_clients(count);
    for format in ["json", "csv", "markdown", "text"] {
        let unsorted = shown_rows(dir.path(), format, None);
        assert_eq!(unsorted.len(), count, "{format}");
        for key in ["name", "acv", "motion"] {
            assert!(
                !in_order(&unsorted, key),
                "{format}: the files are already in {key} order, so this proves nothing"
            );
            let sorted = shown_rows(dir.path(), format, Some(key));
            assert!(
                in_order(&sorted, key),
                "{format} --sort {key}: {:?}...",
                &sorted[..8]
            );
            let mut same = sorted.clone();
            let mut given = unsorted.clone();
            same.sort();
            given.sort();
            assert_eq!(same, given, "{format} --sort {key} keeps every row");
        }
    }
}
