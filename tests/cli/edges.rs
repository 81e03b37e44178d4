//! The gate at its edges: a reader that goes away early, a padded profile,
//! hostile file names and arguments, and trees of links that are dangling,
//! tangled or loop. None of them may make the gate pass when it should
//! fail, write a line a CI runner reads as a command, or hang.

use std::path::Path;
use std::process::Command;

use crate::support::{gtm, text};

const FAILING: &str = "profiles/acme-analytics.toml";
const PASSING: &str = "profiles/tracewise.toml";
const INVALID: &str = "tests/fixtures/invalid.toml";

/// Runs `script` with bash, `pipefail` on, `$GTM` naming the binary; its
/// exit status, stdout and stderr.
fn bash(dir: &Path, script: &str) -> (i32, String, String) {
    let gtm = assert_cmd::cargo::cargo_bin!("gtm");
    let root = std::env::current_dir().unwrap();
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!("set -o pipefail\n{script}"))
        .current_dir(dir)
        .env("GTM", gtm)
        .env("ROOT", root)
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        text(&out.stdout),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A folder of `n` copies of the failing profile, and one invalid one.
fn many_failing(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let failing = std::fs::read_to_string(FAILING).unwrap();
    for i in 0..n {
        std::fs::write(dir.path().join(format!("client-{i:03}.toml")), &failing).unwrap();
    }
    dir
}

#[test]
fn a_reader_that_goes_away_early_does_not_change_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["text", "json", "github", "junit", "gitlab"] {
        let script = format!("\"$GTM\" check \"$ROOT/{FAILING}\" --format {format} | true");
        assert_eq!(
            bash(dir.path(), &script).0,
            1,
            "{format}: a failing profile"
        );
        let script = format!("\"$GTM\" check \"$ROOT/{INVALID}\" --format {format} | true");
        let (code, _, stderr) = bash(dir.path(), &script);
        assert_eq!(code, 2, "{format}: an invalid profile");
        assert!(!stderr.contains("cannot write"), "{format}: {stderr}");
    }
    // Far more output than a pipe holds, so the writes after `head` left
    // really fail: the rest is still decided, and reported.
    let many = many_failing(300);
    std::fs::copy(INVALID, many.path().join("zz-invalid.toml")).unwrap();
    for format in ["text", "json", "github", "junit", "gitlab"] {
        let script = format!("\"$GTM\" check . --format {format} | head -1");
        let (code, _, stderr) = bash(many.path(), &script);
        assert_eq!(
            code, 2,
            "{format}: the invalid file at the end still counts"
        );
        // The reader leaving is not an error of the gate's.
        assert!(!stderr.contains("cannot write"), "{format}: {stderr}");
    }
    std::fs::remove_file(many.path().join("zz-invalid.toml")).unwrap();
    assert_eq!(bash(many.path(), "\"$GTM\" check . | head -1").0, 1);
    // Streamed portfolios say so too.
    std::fs::write(many.path().join("zz-broken.toml"), "version = 1\n").unwrap();
    for format in ["text", "json", "markdown", "csv"] {
        let script = format!("\"$GTM\" recommend . --format {format} | head -1");
        let (code, _, stderr) = bash(many.path(), &script);
        assert_eq!(code, 2, "{format}: {stderr}");
        assert!(stderr.contains("zz-broken.toml"), "{format}: {stderr}");
    }
}

#[test]
fn a_padded_profile_is_still_checked_in_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let mut padded = "# licence text\n".repeat(4_000);
    assert!(padded.len() > 32 * 1024);
    padded.push_str(&std::fs::read_to_string(FAILING).unwrap());
    std::fs::write(dir.path().join("gtm.toml"), padded).unwrap();
    std::fs::write(dir.path().join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    let out = gtm().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("failed"),
        "{}",
        text(&out.stdout)
    );
}

/// Every line `gtm ARGS` prints, on stdout and stderr.
fn lines_of(out: &std::process::Output) -> Vec<String> {
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    lines.extend(
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .map(str::to_string),
    );
    lines
}

fn no_line_starts_with_a_command(out: &std::process::Output, what: &str) {
    for line in lines_of(out) {
        // `--format github` writes workflow commands of its own, always
        // with a file property first.
        let own = line.starts_with("::error file=") || line.starts_with("::warning file=");
        assert!(
            own || !line.starts_with("::") && !line.starts_with("##vso"),
            "{what}: a line begins with input: {line:?}"
        );
        assert!(
            !line.contains('\u{1b}') && !line.contains('\u{202e}'),
            "{what}: a raw control character: {line:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn hostile_names_in_a_walked_tree_stay_inert_and_the_walk_goes_on() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::copy(FAILING, root.join("gtm.toml")).unwrap();
    std::fs::create_dir(root.join("sub")).unwrap();
    // A dangling link with a line break and a workflow command in its name.
    symlink("/no/such/target", root.join("sub/x\n::error::pwned")).unwrap();
    symlink("/no/such/target", root.join("sub/\u{1b}]0;title\u{7}")).unwrap();
    // A dangling profile is a profile that cannot be read.
    symlink("/no/such/profile.toml", root.join("sub/gone.toml")).unwrap();
    for format in ["text", "json", "github", "junit", "gitlab"] {
        let out = gtm()
            .arg("check")
            .arg(root)
            .args(["--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}: the dangling profile");
        no_line_starts_with_a_command(&out, format);
        let all = lines_of(&out).join("\n");
        assert!(
            all.contains("gtm.toml"),
            "{format}: the rest was checked: {all}"
        );
        assert!(all.contains("gone.toml"), "{format}: {all}");
    }
    // Without the dangling profile the walk goes on past the dangling links
    // and the verdict is the failing profile's.
    std::fs::remove_file(root.join("sub/gone.toml")).unwrap();
    let out = gtm().arg("check").arg(root).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("warning:") && stderr.contains("skipped"),
        "{stderr}"
    );
    no_line_starts_with_a_command(&out, "text");
}

/// A folder whose path is longer than the system allows, and one that
/// cannot be read, are reported (escaped, cut short) and skipped; the rest
/// of the tree is still checked and decides the verdict.
#[cfg(unix)]
#[test]
fn an_over_long_path_or_an_unreadable_folder_is_skipped_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::copy(FAILING, root.join("gtm.toml")).unwrap();
    // Twenty-five levels of 200 characters: 5,000 bytes, past PATH_MAX
    // (4,096). `mkdir -p` goes down one level at a time, so it can make
    // what a single path cannot name.
    let deep = vec!["d".repeat(200); 25].join("/");
    let made = std::process::Command::new("mkdir")
        .args(["-p", &deep])
        .current_dir(root)
        .status()
        .unwrap();
    assert!(made.success());
    let out = gtm().arg("check").arg(root).output().unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "the failing profile: {stderr}");
    assert!(stderr.contains("too long"), "{stderr}");
    assert!(
        stderr.lines().all(|l| l.chars().count() < 400),
        "the path is cut short: {stderr}"
    );
    // An unreadable folder (root reads every folder, so this part only
    // holds for other users).
    let locked = root.join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::copy(FAILING, locked.join("gtm.toml")).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&locked).is_err() {
        let out = gtm().arg("check").arg(root).output().unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("locked") && stderr.contains("skipped"),
            "{stderr}"
        );
    } else {
        use std::io::Write as _;
        let _ = writeln!(
            std::io::stderr(),
            "note: the unreadable-folder part skipped: this user reads every folder (root)"
        );
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_tangle_of_links_is_walked_once_per_directory() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    // Thirty levels, each with two links to the next: 2^30 paths to the
    // last one, which holds the only profile.
    let levels = 30;
    for i in 0..=levels {
        std::fs::create_dir(dir.path().join(format!("l{i}"))).unwrap();
    }
    for i in 0..levels {
        for link in ["a", "b"] {
            symlink(
                dir.path().join(format!("l{}", i + 1)),
                dir.path().join(format!("l{i}/{link}")),
            )
            .unwrap();
        }
    }
    std::fs::copy(PASSING, dir.path().join(format!("l{levels}/gtm.toml"))).unwrap();
    let out = gtm()
        .arg("check")
        .arg(dir.path().join("l0"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("1 profile checked"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn arguments_clap_refuses_are_echoed_inert() {
    let cases: [&[&str]; 4] = [
        &["check", "--x\n::error::pwned"],
        &["recommend", PASSING, "--sort", "n\n::add-mask::secret"],
        &["check", "--format", "\u{1b}]0;t\u{7}\n::error::x"],
        &["what-if", PASSING, "--set", "no-equals\n::error::x"],
    ];
    for args in cases {
        let out = gtm().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("error:"), "{args:?}");
        no_line_starts_with_a_command(&out, &format!("{args:?}"));
    }
}

#[test]
fn what_if_echoes_keys_and_values_inert_and_short() {
    let long = "k".repeat(100_000);
    let cases = [
        "practices.motion.deeper\n::error::x=1".to_string(),
        format!("{long}.x=1"),
        format!("acv=\n::error::{long}"),
    ];
    for set in &cases {
        let out = gtm()
            .args(["what-if", FAILING, "--set", set])
            .output()
            .unwrap();
        no_line_starts_with_a_command(&out, set);
        assert!(
            out.stderr.len() < 2_000,
            "a --set is echoed in full: {} bytes",
            out.stderr.len()
        );
    }
}

#[test]
fn input_is_echoed_by_its_first_characters_in_every_check_format() {
    let dir = tempfile::tempdir().unwrap();
    // Long, but under the 1 MiB a profile may hold.
    let long = "x".repeat(300_000);
    let base = std::fs::read_to_string(PASSING).unwrap();
    let files = [
        ("key.toml", format!("{long} = 1\n{base}")),
        (
            "done.toml",
            base.replace("done = [", &format!("done = [\"{long}\", ")),
        ),
        ("twice.toml", format!("{base}\n[{long}]\n[{long}]\n")),
    ];
    for (name, text) in &files {
        assert!(text.contains(&long), "{name}");
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    for format in ["text", "json", "github", "junit", "gitlab"] {
        let out = gtm()
            .arg("check")
            .arg(dir.path())
            .args(["--format", format])
            .output()
            .unwrap();
        let printed = out.stdout.len() + out.stderr.len();
        assert!(
            printed < 64 * 1024,
            "{format}: {printed} bytes printed for three files"
        );
    }
}

#[test]
fn a_huge_unknown_id_gets_no_slow_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(PASSING).unwrap();
    let long = "define-pql-criteria".repeat(40_000);
    let text = base.replace("done = [", &format!("done = [\"{long}\", "));
    assert!(text.contains(&long));
    std::fs::write(dir.path().join("gtm.toml"), text).unwrap();
    let out = gtm()
        .arg("recommend")
        .arg(dir.path().join("gtm.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text_of(&out.stderr));
    let stdout = text_of(&out.stdout);
    assert!(stdout.contains("unknown-checklist-id"), "{stdout}");
    assert!(stdout.len() < 64 * 1024, "{} bytes", stdout.len());
}

fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The built-in rulebook's TOML text, as `gtm rules` prints it.
fn builtin_rules() -> String {
    text(&gtm().arg("rules").output().unwrap().stdout)
}

/// Runs `gtm COMMAND PROFILE [ARGS] --rules FILE`, with `rules` written to
/// FILE (named `name`) in `dir`.
fn with_rules(
    dir: &Path,
    name: &str,
    rules: &str,
    command: &str,
    args: &[&str],
) -> std::process::Output {
    let file = dir.join(name);
    std::fs::write(&file, rules).unwrap();
    gtm()
        .args([command, PASSING])
        .args(args)
        .arg("--rules")
        .arg(&file)
        .output()
        .unwrap()
}

#[test]
fn a_rulebook_whose_text_would_act_on_a_terminal_or_a_log_is_refused() {
    let rules = builtin_rules();
    let dir = tempfile::tempdir().unwrap();
    for (what, hostile) in [
        ("an escape sequence", r#"\u001b]0;pwned\u0007Sales-led"#),
        (
            "a line break and a workflow command",
            r#"Sales-led\n::error::pwned"#,
        ),
        ("a bidirectional override", r#"Sales\u202eled"#),
    ] {
        let changed = rules.replacen("name = \"Sales-led\"", &format!("name = \"{hostile}\""), 1);
        assert_ne!(changed, rules, "the rulebook names Sales-led");
        let out = with_rules(dir.path(), "hostile.toml", &changed, "recommend", &[]);
        assert_eq!(out.status.code(), Some(2), "{what}");
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("control or bidirectional character")
                && stderr.contains("hostile.toml:"),
            "{what}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{what}");
        no_line_starts_with_a_command(&out, what);
    }
}

#[test]
fn a_rulebook_too_large_to_decide_quickly_is_refused() {
    let mut rules = builtin_rules();
    for i in 0..600 {
        rules.push_str(&format!(
            "\n[[checklist]]\nid = \"extra-{i}\"\nsection = \"assess\"\nmotions = [\"plg\"]\ntext = \"More.\"\nsource = {{ doc = \"plg-2026\", section = \"Implementation checklist\" }}\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let out = with_rules(dir.path(), "big.toml", &rules, "check", &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("`checklist`: 644 entries; a rulebook may hold at most 500"),
        "{stderr}"
    );
}

#[test]
fn small_edges_say_what_they_mean() {
    // A missing rulebook is not a missing profile.
    let out = gtm()
        .args(["recommend", PASSING, "--rules", "no-such-rules.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("no such rulebook")
            && stderr.contains("gtm rules >")
            && !stderr.contains("gtm init"),
        "{stderr}"
    );
    // An empty name for standard input is refused, not used.
    let out = gtm()
        .args(["check", "-", "--stdin-name", ""])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[cfg(unix)]
#[test]
fn force_never_turns_a_link_into_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let aim = dir.path().join("elsewhere.html");
    std::fs::write(&aim, "keep me").unwrap();
    let link = dir.path().join("report.html");
    std::os::unix::fs::symlink(&aim, &link).unwrap();
    let out = gtm()
        .args(["report", PASSING, "--force", "--out"])
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("is a symbolic link"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&aim).unwrap(), "keep me");
    // No temporary file is left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn names_stay_names_in_the_report_and_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(PASSING).unwrap();
    let hostile = "Evil `x` \u{202e}desrever https://a.example @ceo www.b.example";
    let profile = base.replacen("name = \"Tracewise\"", &format!("name = \"{hostile}\""), 1);
    assert!(profile.contains("Evil"));
    let file = dir.path().join("p.toml");
    std::fs::write(&file, profile).unwrap();
    let page = crate::support::html_report(&file);
    assert!(
        page.contains("<bdi>Evil `x` \u{202e}desrever"),
        "the name is isolated"
    );
    assert!(
        !page.contains("<code>x</code>"),
        "a backtick in a name is not code"
    );
    let out = gtm()
        .args(["recommend", "--format", "markdown"])
        .arg(&file)
        .output()
        .unwrap();
    let markdown = text(&out.stdout);
    for live in ["https://a.example", "@ceo", "www.b.example", "\u{202e}"] {
        assert!(!markdown.contains(live), "{live:?} is live in: {markdown}");
    }
}

#[test]
fn nothing_on_standard_input_is_said_so_once() {
    let out = gtm().args(["check", "-"]).write_stdin("").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("nothing on standard input"), "{stdout}");
    assert_eq!(stdout.matches("error[").count(), 1, "{stdout}");
}

#[test]
fn a_rulebook_whose_prose_holds_markup_is_refused() {
    let rules = builtin_rules();
    let dir = tempfile::tempdir().unwrap();
    for hostile in [
        "Sales-led <img src=x onerror=alert(1)>",
        "Sales-led [click](https://evil.example)",
        "Sales-led, ask @ceo",
        "Sales-led at www.evil.example",
        "Sales-led `unclosed [x](y)",
        "Sales-led *loudly*",
        "Sales-led ~~struck~~",
        "Sales-led _leaning_",
    ] {
        let changed = rules.replacen("name = \"Sales-led\"", &format!("name = {hostile:?}"), 1);
        let args = ["--format", "markdown"];
        let out = with_rules(dir.path(), "markup.toml", &changed, "recommend", &args);
        assert_eq!(out.status.code(), Some(2), "{hostile}");
        assert!(
            text(&out.stderr).contains("outside a code span"),
            "{}",
            text(&out.stderr)
        );
    }
    // Inside backticks the same characters are code, and fine; so is an
    // underscore inside a word.
    let changed = rules.replacen(
        "name = \"Sales-led\"",
        "name = \"Sales-led `[x] *y*` sales_led\"",
        1,
    );
    let out = with_rules(dir.path(), "code.toml", &changed, "recommend", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// Ctrl-C while a report is being written leaves neither the report nor
/// its temporary file behind.
#[cfg(unix)]
#[test]
fn an_interrupted_report_leaves_no_temporary_file() {
    let many = many_failing(3_000);
    let out_dir = tempfile::tempdir().unwrap();
    let gtm = assert_cmd::cargo::cargo_bin!("gtm");
    let mut child = Command::new(gtm)
        .arg("report")
        .arg(many.path())
        .arg("--out")
        .arg(out_dir.path().join("r.html"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let temporary = || {
        std::fs::read_dir(out_dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().starts_with(".gtm-write-"))
    };
    let started = std::time::Instant::now();
    while !temporary() && started.elapsed() < std::time::Duration::from_secs(20) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    if child.try_wait().unwrap().is_none() {
        let _ = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let status = child.wait().unwrap();
        assert!(!temporary(), "a temporary file was left behind");
        if status.code() == Some(130) {
            assert!(!out_dir.path().join("r.html").exists());
        } else {
            // The signal came as the last bytes were renamed into place (a
            // loaded machine): then the report is whole.
            let html = std::fs::read_to_string(out_dir.path().join("r.html")).unwrap();
            assert!(html.trim_end().ends_with("</html>"));
        }
    } else {
        // Finished before it could be interrupted: nothing to clean up.
        assert!(!temporary());
    }
}
