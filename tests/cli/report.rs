//! `gtm report`: a self-contained HTML page (or Markdown) that reads well,
//! and, with Debian's chromium installed, a real headless render.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{gtm, text};

const MOTION_NAMES: [&str; 5] = [
    "Self-serve only",
    "Product-led (PLG)",
    "Hybrid (product-led sales)",
    "Sales-led",
    "Enterprise sales",
];

fn report(dir: &Path, name: &str, args: &[&str]) -> (i32, PathBuf, String) {
    let out_path = dir.join(name);
    let out = gtm()
        .arg("report")
        .args(args)
        .arg("--out")
        .arg(&out_path)
        .output()
        .unwrap();
    (out.status.code().unwrap(), out_path, text(&out.stderr))
}

/// Each example profile's name and the display name of its motion.
fn expected_motions() -> Vec<(String, String)> {
    let out = gtm()
        .args(["recommend", "profiles", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let id = r["motion"].as_str().unwrap();
            let index = ["self-serve", "plg", "hybrid", "sales-led", "enterprise"]
                .iter()
                .position(|m| *m == id)
                .unwrap();
            (
                r["name"].as_str().unwrap().to_string(),
                MOTION_NAMES[index].to_string(),
            )
        })
        .collect()
}

#[test]
fn the_html_report_is_well_formed_self_contained_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let (code, path, stderr) = report(dir.path(), "portfolio.html", &["profiles"]);
    assert_eq!(code, 0, "{stderr}");
    let count = std::fs::read_dir("profiles").unwrap().count();
    assert!(
        stderr.contains("wrote") && stderr.contains(&format!("({count} profiles)")),
        "{stderr}"
    );
    let html = std::fs::read_to_string(&path).unwrap();
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&html, options).expect("well-formed markup");
    assert!(!html.contains("<script"), "no scripts");
    assert!(
        !html.contains("src=") && !html.contains("@import") && !html.contains("url("),
        "nothing fetched"
    );
    let sections: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("profile"))
        .collect();
    assert_eq!(sections.len(), count);
    for (name, motion) in expected_motions() {
        let section = sections
            .iter()
            .find(|s| {
                s.descendants().any(|n| {
                    n.has_tag_name("h2")
                        && n.descendants()
                            .any(|t| t.text().is_some_and(|t| t.contains(&name)))
                })
            })
            .unwrap_or_else(|| panic!("no section for {name}"));
        let heading: String = section
            .descendants()
            .find(|n| n.has_tag_name("h2"))
            .unwrap()
            .descendants()
            .filter_map(|n| n.text())
            .collect();
        assert!(heading.contains(&motion), "{name}: {heading}");
        let words: String = section.descendants().filter_map(|n| n.text()).collect();
        for part in [
            "How the answers read",
            "The answers",
            "Conflicts",
            "What would change the motion",
            "Implementation checklist",
        ] {
            assert!(words.contains(part), "{name} lacks {part}");
        }
        assert!(
            section.descendants().any(|n| n.has_tag_name("svg")),
            "{name} has no spectrum"
        );
    }
    // The portfolio chart places every profile.
    let chart = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("chart"))
        .expect("a portfolio chart");
    assert_eq!(
        chart
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .count(),
        count
    );
    assert!(html.contains("@media print"), "print styles");
}

#[test]
fn one_profile_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let (code, path, _) = report(dir.path(), "acme.html", &["profiles/modelforge.toml"]);
    assert_eq!(code, 0);
    let html = std::fs::read_to_string(path).unwrap();
    assert!(html.contains("<title>Go-to-market motion: ModelForge</title>"));
    assert!(
        !html.contains("class=\"chart\""),
        "no portfolio chart for one profile"
    );
    assert!(html.contains("Advice:"), "conflicts come with advice");
    let (code, path, _) = report(dir.path(), "acme.md", &["profiles/modelforge.toml"]);
    assert_eq!(code, 0);
    let md = std::fs::read_to_string(path).unwrap();
    assert!(
        md.starts_with("# Go-to-market motion: ModelForge\n\nPrepared on "),
        "{md}"
    );
    assert!(
        md.contains("\n## ModelForge: Hybrid (product-led sales)"),
        "{md}"
    );
    assert!(
        md.contains("## Flip points") && md.contains("Raise the ACV to"),
        "{md}"
    );
    assert!(md.contains("## Sources\n"), "{md}");
}

#[test]
fn never_overwrites_without_force_and_needs_a_known_extension() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("report.html");
    std::fs::write(&existing, "mine").unwrap();
    let (code, _, stderr) = report(dir.path(), "report.html", &["profiles/slack.toml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "mine");
    let (code, _, _) = report(
        dir.path(),
        "report.html",
        &["profiles/slack.toml", "--force"],
    );
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .contains("Slack")
    );
    let (code, _, stderr) = report(dir.path(), "report.pdf", &["profiles/slack.toml"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(".html") && stderr.contains(".md"),
        "{stderr}"
    );
}

fn chromium() -> Command {
    let mut cmd = Command::new("chromium");
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]);
    cmd
}

/// Renders the portfolio report in Debian's chromium (installed by .ci/run):
/// the screenshot is not blank and the rendered DOM names every motion.
#[test]
#[ignore = "needs Debian's chromium; .ci/run installs it and runs this test"]
fn the_report_renders_in_headless_chromium() {
    let test = "the_report_renders_in_headless_chromium";
    if !crate::support::have("chromium", test, "Debian chromium") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (code, path, _) = report(dir.path(), "portfolio.html", &["profiles"]);
    assert_eq!(code, 0);
    let url = format!("file://{}", path.display());
    let profile_dir = dir.path().join("chromium-profile");
    let shot = dir.path().join("shot.png");
    let status = chromium()
        .arg(format!("--user-data-dir={}", profile_dir.display()))
        .arg("--window-size=1100,1600")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(shot.exists(), "no screenshot: {}", text(&status.stderr));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    let pixels = &pixels[..info.buffer_size()];
    let first = &pixels[..3];
    let different = pixels
        .chunks(info.color_type.samples())
        .filter(|p| &p[..3] != first)
        .count();
    assert!(
        different * 20 > pixels.len() / info.color_type.samples(),
        "the screenshot is (nearly) blank"
    );

    let dom = chromium()
        .arg(format!("--user-data-dir={}", profile_dir.display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("chromium runs");
    let dom = text(&dom.stdout);
    for (name, motion) in expected_motions() {
        assert!(dom.contains(&name), "{name} missing from the rendered page");
        assert!(
            dom.contains(&motion),
            "{motion} missing from the rendered page"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_new_report_gets_an_ordinary_mode_and_a_replaced_one_keeps_its_own() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // What any new file gets here (0666 less the umask).
    let reference = dir.path().join("reference");
    std::fs::File::create(&reference).unwrap();
    let out = dir.path().join("r.html");
    let status = gtm()
        .args(["report", "profiles/acme-analytics.toml", "--out"])
        .arg(&out)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    assert_eq!(
        mode(&out),
        mode(&reference),
        "not the temporary file's 0600"
    );
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
    let status = gtm()
        .args(["report", "profiles/acme-analytics.toml", "--force", "--out"])
        .arg(&out)
        .output()
        .unwrap()
        .status;
    assert!(status.success());
    assert_eq!(mode(&out), 0o640, "--force keeps the file's mode");
}

/// A report larger than one streamed chunk, with a bad file among the good:
/// the bad one is reported, the rest are written, and every link of the
/// overview finds its section; with only bad files nothing is written.
#[test]
fn a_large_report_streams_every_profile_and_skips_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let clients = dir.path().join("clients");
    std::fs::create_dir(&clients).unwrap();
    let source = std::fs::read_to_string("profiles/acme-analytics.toml").unwrap();
    for i in 0..300 {
        let renamed = source.replacen(
            "name = \"Acme Analytics\"",
            &format!("name = \"Client {i:03}\""),
            1,
        );
        std::fs::write(clients.join(format!("c{i:03}.toml")), renamed).unwrap();
    }
    std::fs::write(clients.join("c150-bad.toml"), "version = 1\n").unwrap();
    let (code, html, stderr) = report(dir.path(), "r.html", &[clients.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("c150-bad.toml"), "{stderr}");
    assert!(
        stderr.contains("(300 profiles; 1 could not be read)"),
        "{stderr}"
    );
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("<title>Go-to-market motions: 300 profiles</title>"));
    assert_eq!(html.matches("<section class=\"profile\"").count(), 300);
    for i in 0..300 {
        assert!(
            html.contains(&format!(
                "<a href=\"#profile-{i}\"><bdi>Client {i:03}</bdi></a>"
            )),
            "row {i}"
        );
        let at = html.find(&format!("id=\"profile-{i}\"")).unwrap();
        assert!(
            html[at..].contains(&format!("Client {i:03}")),
            "section {i}"
        );
    }
    assert!(html.trim_end().ends_with("</html>"));

    let (code, md, _) = report(dir.path(), "r.md", &[clients.to_str().unwrap()]);
    assert_eq!(code, 2);
    let md = std::fs::read_to_string(md).unwrap();
    let sections: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("## Client "))
        .collect();
    let flips: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("### Client "))
        .collect();
    assert_eq!(sections.len(), 300);
    assert_eq!(flips.len(), 300);
    assert!(
        sections.iter().zip(&flips).all(|(s, f)| s.starts_with(f)),
        "same order"
    );

    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    std::fs::write(bad.join("only.toml"), "version = 1\n").unwrap();
    let (code, path, _) = report(dir.path(), "none.html", &[bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        !path.exists(),
        "nothing is written when no profile can be used"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        4,
        "no temporary file left"
    );
}

/// The page shows code as code, not as backticks; an error never shows the
/// temporary file the report was being written through.
#[test]
fn no_literal_backticks_and_no_temporary_paths() {
    let dir = tempfile::tempdir().unwrap();
    let (code, html, stderr) = report(dir.path(), "r.html", &["profiles/tracewise.toml"]);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(html).unwrap();
    assert!(!html.contains('`'), "literal backticks in the page");
    assert!(
        html.contains("<li>With buyer "),
        "flip points name the answer in words: {html}"
    );
    let (code, _, stderr) = report(
        dir.path(),
        "missing/dir/r.html",
        &["profiles/tracewise.toml"],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("missing/dir/r.html: cannot write"),
        "{stderr}"
    );
    assert!(
        !stderr.contains(".gtm-profile") && !stderr.contains("at path"),
        "{stderr}"
    );
}

/// The client report speaks to the client: no profile keys, finding or
/// checklist ids, command lines or tool internals; the two documents named
/// in a Sources section; title, author and date as given; the checklist
/// under section headings. Its text is pinned by a snapshot.
#[test]
fn the_client_report_speaks_to_the_client() {
    let out = gtm()
        .args([
            "report",
            "profiles/acme-analytics.toml",
            "--out",
            "-",
            "--title",
            "Acme: go-to-market review",
            "--author",
            "Jo Reyes",
            "--date",
            "2026-12-02",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = text(&out.stdout);
    let body = &html[html.find("<body>").unwrap()..];
    for leak in [
        "gtm-advisor",
        "rulebook",
        "gtm ",
        "[check]",
        "_",
        "<code>",
        "The tool",
        "demo-required-to-start",
        "calculate-acv-distribution",
    ] {
        assert!(!body.contains(leak), "the report shows {leak:?}");
    }
    for part in [
        "<h1>Acme: go-to-market review</h1>",
        "<bdi>Prepared by Jo Reyes on 2026-12-02.</bdi>",
        "<h2>Sources</h2>",
        "<cite>Sales-led vs PLG</cite>",
        "<cite>Product-Led vs Sales-Led in 2026</cite>",
        "<h4>First, measure where you stand</h4>",
    ] {
        assert!(body.contains(part), "{part} missing");
    }
    // The page as a reader sees it, tags taken out.
    let mut words = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                words.push('\n');
            }
            '>' => in_tag = false,
            c if !in_tag => words.push(c),
            _ => {}
        }
    }
    let lines: Vec<&str> = words
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    insta::assert_snapshot!("client_report_text", lines.join("\n"));
    // A hostile author cannot reorder or break the page.
    let out = gtm()
        .args(["report", "profiles/acme-analytics.toml", "--out", "-"])
        .args(["--author", "Jo\u{202e}<b>x</b>\n::error::pwned"])
        .output()
        .unwrap();
    let html = text(&out.stdout);
    assert!(
        !html.contains('\u{202e}') && !html.contains("<b>x"),
        "{html}"
    );
    assert!(!html.lines().any(|l| l.starts_with("::")), "{html}");
    // Markdown to standard output too.
    let out = gtm()
        .args([
            "report",
            "profiles/acme-analytics.toml",
            "--out",
            "-",
            "--format",
            "markdown",
            "--date",
            "",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let md = text(&out.stdout);
    assert!(
        md.starts_with("# Go-to-market motion: Acme Analytics\n\n## "),
        "{md}"
    );
    for leak in [
        "_",
        "`",
        "[check]",
        "gtm ",
        "demo-required-to-start",
        "rulebook",
    ] {
        assert!(
            !md.contains(leak),
            "the Markdown report shows {leak:?}: {md}"
        );
    }
    assert!(md.contains("#### First, measure where you stand\n"), "{md}");
    assert!(md.contains("\n## Sources\n"), "{md}");
}

/// A portfolio report for the client names clients, not files, and shows
/// what makes a segmented result contested: each segment's conflict and
/// the hand-offs, in HTML and Markdown alike.
#[test]
fn a_portfolio_report_shows_segment_conflicts_and_no_file_paths() {
    for format in ["markdown", "html"] {
        let out = gtm()
            .args([
                "report",
                "profiles/",
                "--out",
                "-",
                "--format",
                format,
                "--date",
                "",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let report = text(&out.stdout);
        assert!(
            !report.contains(".toml"),
            "{format}: a file path in the report"
        );
        assert!(report.contains("Hand-off from"), "{format}: hand-offs");
        // Orbit CRM's enterprise segment reports product pull at a sales price.
        assert!(
            report.contains("Users already bring the product in"),
            "{format}: a segment's conflict"
        );
        for internal in ["needs-assist", "sells-itself", "needs-sales"] {
            assert!(!report.contains(internal), "{format}: shows {internal}");
        }
    }
}
