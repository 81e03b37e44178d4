//! Fitting the shell: completion scripts that their shells accept, a man page
//! that renders without warnings, and a version that names the rulebook.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::{gtm, have, text};

/// The script for `shell`; bash, zsh and fish also complete motion ids and
/// formats (clap_complete's elvish and PowerShell scripts complete commands
/// and options only).
fn completions(shell: &str) -> String {
    let out = gtm().args(["completions", shell]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{shell}: {}", text(&out.stderr));
    let script = text(&out.stdout);
    let values = ["bash", "zsh", "fish"].contains(&shell);
    let words: &[&str] = if values {
        &[
            "recommend",
            "what-if",
            "format",
            "self-serve",
            "enterprise",
            "markdown",
            "junit",
        ]
    } else {
        &["recommend", "what-if", "format"]
    };
    for word in words {
        assert!(script.contains(word), "{shell} completions lack {word}");
    }
    script
}

/// Runs `shell args...` with the script on a file; returns (success, stderr).
fn syntax_check(shell: &str, args: &[&str], script: &str) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gtm-completions");
    std::fs::write(&path, script).unwrap();
    let out = Command::new(shell)
        .args(args)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{shell}: {e}"));
    (out.status.success(), text(&out.stderr))
}

#[test]
fn every_shell_gets_a_script_and_bash_accepts_its_own() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        completions(shell);
    }
    if have(
        "bash",
        "every_shell_gets_a_script_and_bash_accepts_its_own",
        "Debian bash",
    ) {
        let (ok, stderr) = syntax_check("bash", &["-n"], &completions("bash"));
        assert!(ok, "bash -n: {stderr}");
    }
}

/// zsh and fish are Debian packages that .ci/run installs; run with
/// `--ignored`. Skipped with a note where they are missing.
#[test]
#[ignore = "needs zsh and fish; .ci/run installs them and runs this test"]
fn zsh_and_fish_accept_their_scripts() {
    let test = "zsh_and_fish_accept_their_scripts";
    if !have("zsh", test, "Debian zsh") || !have("fish", test, "Debian fish") {
        return;
    }
    let (ok, stderr) = syntax_check("zsh", &["-n"], &completions("zsh"));
    assert!(ok, "zsh -n: {stderr}");
    let (ok, stderr) = syntax_check("fish", &["--no-execute"], &completions("fish"));
    assert!(ok, "fish --no-execute: {stderr}");
}

#[test]
fn every_installed_man_page_renders_without_warnings() {
    let test = "every_installed_man_page_renders_without_warnings";
    if !have("groff", test, "Debian groff-base") {
        return;
    }
    let dir = crate::support::installed_man_pages();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let rendered = Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-P", "-cbou"])
            .arg(&path)
            .output()
            .expect("groff runs");
        assert!(rendered.status.success(), "{}", path.display());
        assert_eq!(
            text(&rendered.stderr),
            "",
            "groff warned on {}",
            path.display()
        );
        let shown = text(&rendered.stdout);
        for section in ["NAME", "SYNOPSIS", "OPTIONS", "VERSION"] {
            assert!(
                shown.contains(section),
                "{} lacks {section}",
                path.display()
            );
        }
    }
}

#[test]
#[ignore = "needs groff: .ci/run installs it"]
fn the_man_page_renders_without_warnings() {
    let test = "the_man_page_renders_without_warnings";
    if !have("groff", test, "Debian groff-base") {
        return;
    }
    let out = gtm().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = out.stdout;
    assert!(text(&page).starts_with(".ie"), "roff source");
    let mut groff = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-P", "-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("groff runs");
    groff.stdin.take().unwrap().write_all(&page).unwrap();
    let rendered = groff.wait_with_output().unwrap();
    assert!(rendered.status.success());
    assert_eq!(text(&rendered.stderr), "", "groff warned");
    let shown = text(&rendered.stdout);
    for word in ["NAME", "SYNOPSIS", "recommend", "interview", "check"] {
        assert!(shown.contains(word), "the rendered page lacks {word}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gtm.1");
    std::fs::write(&file, &page).unwrap();
    let man = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .output();
    if let Ok(man) = man {
        assert!(man.status.success(), "man -l: {}", text(&man.stderr));
        assert_eq!(text(&man.stderr), "", "man warned");
    }
}

#[test]
fn version_names_the_crate_and_the_rulebook() {
    let out = gtm().arg("--version").output().unwrap();
    assert_eq!(
        text(&out.stdout),
        format!(
            "gtm {} (rulebook {})\n",
            env!("CARGO_PKG_VERSION"),
            gtm_advisor::rulebook::default_revision()
        )
    );
    let out = gtm().args(["recommend", "--version"]).output().unwrap();
    assert!(
        text(&out.stdout).contains("rulebook"),
        "subcommands share the version"
    );
}
