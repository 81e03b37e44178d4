//! Reading a file as it was at a git revision (`gtm check --baseline-ref`),
//! with `git show REV:./PATH` run in the file's folder.

use std::path::Path;
use std::process::{Command, Stdio};

use gtm_advisor::diagnostic::{printable, printable_path, short};
use gtm_advisor::profile::MAX_PROFILE_BYTES;

/// The text of `path` at `rev` and the name it goes by (`REV:PATH`), or a
/// message naming both that says why it cannot be read.
pub fn show(rev: &str, path: &Path) -> Result<(String, String), String> {
    let shown_rev = printable(&short(rev)).into_owned();
    let shown_path = printable_path(path);
    // A revision is never an option to git, whatever it says.
    if rev.is_empty() || rev.starts_with('-') || rev.contains(':') {
        return Err(format!(
            "--baseline-ref {shown_rev}: not a git revision (give a branch, tag or commit, \
             e.g. origin/main)"
        ));
    }
    let file = path
        .file_name()
        .ok_or_else(|| format!("--baseline-ref: {shown_path} is not a file git can show"))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let spec = format!("{rev}:./{}", file.to_string_lossy());
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["show", "--no-textconv", &spec])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| {
            format!(
                "--baseline-ref {shown_rev}: could not run git to read {shown_path} ({e}); \
                 install git, or give the earlier version with --baseline FILE"
            )
        })?;
    let name = format!("{shown_rev}:{shown_path}");
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = printable(&short(said.trim())).into_owned();
        let why = if said.contains("not a git repository") {
            format!("{shown_path} is not in a git repository")
        } else if said.contains("does not exist") || said.contains("exists on disk, but not in") {
            format!("{shown_path} does not exist at {shown_rev}")
        } else if said.contains("invalid object name") || said.contains("unknown revision") {
            format!("git knows no revision {shown_rev} (fetch it first, e.g. with full history)")
        } else {
            format!("git could not show {shown_path} at {shown_rev}")
        };
        return Err(format!(
            "--baseline-ref {shown_rev}: {why} (git said: {said})"
        ));
    }
    if output.stdout.len() > MAX_PROFILE_BYTES {
        return Err(format!(
            "--baseline-ref {shown_rev}: {shown_path} at {shown_rev} is larger than a profile can be"
        ));
    }
    let text = String::from_utf8(output.stdout)
        .map_err(|_| format!("--baseline-ref {shown_rev}: {name} is not UTF-8 text"))?;
    Ok((name, text))
}
