//! The files a command's arguments name: a file as given, or every `*.toml`
//! under a directory. Whether a walked file is a gtm profile is decided
//! when it is read, from the whole file (see [`Walk::finish`]), so no
//! padding before its keys can hide a profile from the gate, and no file is
//! read twice.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use gtm_advisor::diagnostic::{ECHO_CHARS, first_chars, printable, printable_path};

use super::input::is_stdin;

/// A file to read.
#[derive(Debug, Clone)]
pub struct Target {
    /// The path, as given or as the walk found it.
    pub path: PathBuf,
    /// The directory walk that found it (an index into [`Walk::dirs`]);
    /// `None` for a file named on the command line, which is always read.
    pub walked: Option<usize>,
}

impl Target {
    /// A file named on the command line.
    pub fn named(path: &Path) -> Target {
        Target {
            path: path.to_path_buf(),
            walked: None,
        }
    }
}

/// The files the arguments name, in order.
#[derive(Debug, Default)]
pub struct Walk {
    /// Every file to read.
    pub targets: Vec<Target>,
    /// The directories walked, as given.
    pub dirs: Vec<PathBuf>,
}

/// A path as a message shows it: escaped, and cut short when long.
fn shown(path: &Path) -> String {
    let full = printable_path(path);
    first_chars(&full, 4 * ECHO_CHARS).into_owned()
}

/// The files named by `paths`: a file as given, a directory as every
/// regular `*.toml` file under it, hidden entries skipped, sorted by path.
/// Symbolic links are followed; each directory is walked once however many
/// links lead to it (so a tangle of links cannot make the walk explode), a
/// file reached twice is read once, and a link that loops back to a
/// directory above it is skipped with a warning. FIFOs, sockets and devices
/// found by walking are skipped, since reading one can hang; one named on
/// the command line is read, as asked. What cannot be walked (a dangling
/// link, an unreadable directory) is named in `notes` and the walk goes on;
/// a dangling `*.toml` link is kept, so reading it reports the profile as
/// invalid. A directory with no `*.toml` file at all is an error.
pub fn expand(paths: &[PathBuf], notes: &mut Vec<String>) -> Result<Walk, String> {
    let mut walk = Walk::default();
    for path in paths {
        if is_stdin(path) || !path.is_dir() {
            walk.targets.push(Target {
                path: path.clone(),
                walked: None,
            });
            continue;
        }
        let dir = walk.dirs.len();
        walk.dirs.push(path.clone());
        let found = walk_dir(path, notes);
        if found.is_empty() {
            return Err(format!(
                "{}: no *.toml files in this directory",
                shown(path)
            ));
        }
        walk.targets.extend(found.into_iter().map(|path| Target {
            path,
            walked: Some(dir),
        }));
    }
    Ok(walk)
}

/// Every `*.toml` under `root`, in path order.
fn walk_dir(root: &Path, notes: &mut Vec<String>) -> Vec<PathBuf> {
    let mut visited = HashSet::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            // A directory reached again through another link is not walked again.
            if !e.file_type().is_dir() {
                return true;
            }
            match std::fs::metadata(e.path()) {
                Ok(m) => visited.insert(identity(&m, e.path())),
                Err(_) => true,
            }
        });
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let at = e.path().unwrap_or(root);
                if let Some(ancestor) = e.loop_ancestor() {
                    notes.push(format!(
                        "warning: {}: skipped: a symbolic link that loops back to {}",
                        shown(at),
                        shown(ancestor)
                    ));
                } else if e.depth() > 0 && at.extension().is_some_and(|x| x == "toml") {
                    // A profile that cannot be read is an invalid profile,
                    // reported when it is read.
                    found.push(at.to_path_buf());
                } else {
                    let why = e
                        .io_error()
                        .map_or_else(|| "cannot be walked".to_string(), |io| io.to_string());
                    notes.push(format!(
                        "warning: {}: skipped: {}",
                        shown(at),
                        printable(&why)
                    ));
                }
                continue;
            }
        };
        let p = entry.path();
        if !entry.file_type().is_file() || p.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        // Two links to one file read it once.
        let real = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        if seen.insert(real) {
            found.push(p.to_path_buf());
        }
    }
    // Path order, component by component.
    found.sort();
    found
}

/// What makes a directory the same directory, however it is reached.
#[cfg(unix)]
fn identity(m: &std::fs::Metadata, _: &Path) -> (u64, u64, PathBuf) {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino(), PathBuf::new())
}

/// What makes a directory the same directory, however it is reached.
#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata, path: &Path) -> (u64, u64, PathBuf) {
    (
        0,
        0,
        std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
    )
}

impl Walk {
    /// After the files were read: `not_profile` says, per target, which
    /// walked files turned out not to be gtm profiles (Cargo.toml,
    /// pyproject.toml). Returns the notes naming each of them (with
    /// `verbose`) and an error for each directory that held no profile.
    pub fn finish(&self, not_profile: &[bool], verbose: bool) -> (Vec<String>, Vec<String>) {
        let mut notes = Vec::new();
        let mut others = vec![0usize; self.dirs.len()];
        let mut profiles = vec![0usize; self.dirs.len()];
        for (target, &skipped) in self.targets.iter().zip(not_profile) {
            let Some(dir) = target.walked else {
                continue;
            };
            if skipped {
                others[dir] += 1;
                if verbose {
                    notes.push(format!(
                        "skipped {}: not a gtm profile (no `version`, `acv`, `time_to_value`, `buyer`, `compliance` or `onboarding` before its first table)",
                        shown(&target.path)
                    ));
                }
            } else {
                profiles[dir] += 1;
            }
        }
        let errors = self
            .dirs
            .iter()
            .enumerate()
            .filter(|(i, _)| profiles[*i] == 0)
            .map(|(i, dir)| {
                let n = others[i];
                let files = if n == 1 { "file" } else { "files" };
                format!(
                    "{}: no gtm profiles in this directory ({n} other TOML {files}; --verbose names them)",
                    shown(dir)
                )
            })
            .collect();
        (notes, errors)
    }
}
