//! Output of `gtm check`, one function per format: text for people, JSON for
//! scripts, GitHub workflow commands, JUnit XML and GitLab Code Quality JSON
//! for CI systems. All of them show the same facts.

use std::fmt::Write as _;

use serde::Serialize;

use super::escape_markup;
use super::json::{self, Finding as JsonFinding};
use super::text::wrap;
use crate::check::{GateOptions, INVALID_PROFILE, Verdict, fails};
use crate::diagnostic::{printable, printable_lines};
use crate::engine::findings::Finding;
use crate::motion::Motion;
use crate::rulebook::Level;

/// One checked file.
#[derive(Debug, Clone)]
pub enum Checked<'a> {
    /// A valid profile and the gate's verdict.
    Judged {
        /// The file as given.
        file: &'a str,
        /// The profile's name.
        name: &'a str,
        /// The verdict.
        verdict: &'a Verdict,
    },
    /// A file that could not be read or is not a valid profile.
    Invalid {
        /// The file as given.
        file: &'a str,
        /// Each problem: its line, if any, and the message.
        problems: Vec<(Option<usize>, String)>,
    },
}

impl Checked<'_> {
    fn file(&self) -> &str {
        match self {
            Checked::Judged { file, .. } | Checked::Invalid { file, .. } => file,
        }
    }

    fn status(&self) -> &'static str {
        match self {
            Checked::Judged { verdict, .. } if verdict.passed => "passed",
            Checked::Judged { .. } => "failed",
            Checked::Invalid { .. } => "invalid",
        }
    }

    /// The findings to show, with the invalid file's problems as findings too.
    fn findings(&self) -> Vec<Finding> {
        match self {
            Checked::Judged { verdict, .. } => verdict.findings.clone(),
            Checked::Invalid { problems, .. } => problems
                .iter()
                .map(|(line, message)| Finding {
                    id: INVALID_PROFILE.to_string(),
                    level: Level::Error,
                    message: message.clone(),
                    fix: "Fix the profile as the message says; `gtm init` writes a valid starter profile.".to_string(),
                    source: Default::default(),
                    line: *line,
                })
                .collect(),
        }
    }
}

/// Counts by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files checked.
    pub profiles: usize,
    /// Files that passed.
    pub passed: usize,
    /// Valid profiles that failed.
    pub failed: usize,
    /// Files that could not be read or were invalid.
    pub invalid: usize,
}

/// Counts the results.
pub fn summary(results: &[Checked<'_>]) -> Summary {
    let count = |status| results.iter().filter(|r| r.status() == status).count();
    Summary {
        profiles: results.len(),
        passed: count("passed"),
        failed: count("failed"),
        invalid: count("invalid"),
    }
}

fn summary_line(results: &[Checked<'_>]) -> String {
    let s = summary(results);
    let noun = if s.profiles == 1 {
        "profile"
    } else {
        "profiles"
    };
    let mut line = format!(
        "{} {noun} checked: {} passed, {} failed",
        s.profiles, s.passed, s.failed
    );
    if s.invalid > 0 {
        let _ = write!(line, ", {} invalid", s.invalid);
    }
    line
}

/// Grouped by file: a status line (`failed  FILE (NAME: motion)`), then each
/// finding as `level[id] file:line: message` and its fix. Every line starts
/// with the tool's own words (a status, a level, `fix:`), never with a file
/// or profile name: CI runners read commands from the start of log lines.
pub fn text(results: &[Checked<'_>], opts: &GateOptions, width: u16) -> String {
    let width = usize::from(width);
    let mut out = String::new();
    for r in results {
        let head = match r {
            Checked::Judged { name, verdict, .. } => {
                let expected = match verdict.expected {
                    Some(m) if m == verdict.motion => ", as expected".to_string(),
                    Some(m) => format!(", expected {m}"),
                    None => String::new(),
                };
                format!(
                    "{:<7} {} ({}: {}{expected})",
                    r.status(),
                    printable(r.file()),
                    printable(name),
                    verdict.motion
                )
            }
            Checked::Invalid { .. } => format!("{:<7} {}", r.status(), printable(r.file())),
        };
        out.push_str(&head);
        out.push('\n');
        for f in r.findings() {
            let at = f.line.map_or(String::new(), |l| format!(":{l}"));
            // One line per finding, unwrapped, so logs can be searched
            // (`grep 'error\['`) and parsed.
            let _ = writeln!(
                out,
                "  {}[{}] {}{at}: {}",
                f.level.id(),
                f.id,
                printable(r.file()),
                printable(&f.message)
            );
            let _ = writeln!(out, "    fix: {}", printable(&f.fix));
        }
        if let Checked::Judged { verdict, .. } = r {
            if !verdict.allowed.is_empty() {
                out.push_str(&wrap(
                    &format!("allowed: {}", verdict.allowed.join(", ")),
                    width,
                    "  ",
                    "    ",
                ));
                out.push('\n');
            }
        }
    }
    out.push('\n');
    if opts.deny_warnings
        && results
            .iter()
            .any(|r| r.findings().iter().any(|f| f.level == Level::Warning))
    {
        out.push_str("Warnings fail the check (--deny warnings).\n");
    }
    out.push_str(&summary_line(results));
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    passed: bool,
    deny_warnings: bool,
    summary: Summary,
    profiles: Vec<JsonProfile<'a>>,
}

#[derive(Serialize)]
struct JsonProfile<'a> {
    file: &'a str,
    name: Option<&'a str>,
    status: &'static str,
    motion: Option<Motion>,
    expected_motion: Option<Motion>,
    findings: Vec<JsonFinding<'a>>,
    allowed: Vec<&'a str>,
}

/// One JSON object: overall result, counts, and each profile with its findings.
pub fn json(results: &[Checked<'_>], opts: &GateOptions) -> String {
    let findings: Vec<Vec<Finding>> = results.iter().map(Checked::findings).collect();
    let profiles = results
        .iter()
        .zip(&findings)
        .map(|(r, found)| {
            let (name, verdict) = match r {
                Checked::Judged { name, verdict, .. } => (Some(*name), Some(*verdict)),
                Checked::Invalid { .. } => (None, None),
            };
            JsonProfile {
                file: r.file(),
                name,
                status: r.status(),
                motion: verdict.map(|v| v.motion),
                expected_motion: verdict.and_then(|v| v.expected),
                findings: found.iter().map(JsonFinding::from).collect(),
                allowed: verdict
                    .map(|v| v.allowed.iter().map(String::as_str).collect())
                    .unwrap_or_default(),
            }
        })
        .collect();
    let s = summary(results);
    json::to_string(&JsonReport {
        schema_version: json::SCHEMA_VERSION,
        passed: s.failed == 0 && s.invalid == 0,
        deny_warnings: opts.deny_warnings,
        summary: s,
        profiles,
    })
}

/// GitHub's escaping for a workflow command's message.
fn github_data(text: &str) -> String {
    // Control characters from input are shown escaped first; then GitHub's
    // own escapes keep the command on one line.
    printable_lines(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping for a workflow command's property.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Workflow commands that GitHub Actions shows as annotations on the line.
pub fn github(results: &[Checked<'_>], opts: &GateOptions) -> String {
    let mut out = String::new();
    for r in results {
        for f in r.findings() {
            let command = if fails(&f, opts) { "error" } else { "warning" };
            let line = f.line.map_or(String::new(), |l| format!(",line={l}"));
            let _ = writeln!(
                out,
                "::{command} file={}{line},title={}::{}",
                github_property(r.file()),
                github_property(&format!("gtm {}", f.id)),
                github_data(&format!("{} Fix: {}", f.message, f.fix))
            );
        }
    }
    out.push_str(&summary_line(results));
    out.push('\n');
    out
}

/// JUnit XML: one suite per profile, one test case per rule.
///
/// `rule_ids` lists every rule the gate ran, so rules that passed show as
/// passed test cases; allowed findings are skipped, and warnings that do not
/// fail are passed cases with the warning in `system-out`.
pub fn junit(results: &[Checked<'_>], opts: &GateOptions, rule_ids: &[&str]) -> String {
    let mut suites = String::new();
    let (mut total_tests, mut total_failures) = (0, 0);
    for r in results {
        let file = escape_markup(r.file());
        let found = r.findings();
        let ids: Vec<&str> = match r {
            Checked::Judged { .. } => rule_ids
                .iter()
                .copied()
                .filter(|id| *id != INVALID_PROFILE)
                .collect(),
            Checked::Invalid { .. } => vec![INVALID_PROFILE],
        };
        let mut cases = String::new();
        let (mut tests, mut failures, mut skipped) = (0, 0, 0);
        for id in ids {
            tests += 1;
            let mine: Vec<&Finding> = found.iter().filter(|f| f.id == id).collect();
            let allowed = matches!(r, Checked::Judged { verdict, .. } if verdict.allowed.iter().any(|a| a == id));
            let _ = write!(
                cases,
                "    <testcase classname=\"{file}\" name=\"{}\"",
                escape_markup(id)
            );
            if allowed {
                skipped += 1;
                cases.push_str(
                    ">\n      <skipped message=\"allowed by configuration\"/>\n    </testcase>\n",
                );
            } else if mine.iter().any(|f| fails(f, opts)) {
                failures += 1;
                cases.push_str(">\n");
                for f in &mine {
                    let at = f.line.map_or(String::new(), |l| format!(":{l}"));
                    let _ = write!(
                        cases,
                        "      <failure message=\"{}\" type=\"{}\">{}{at}: {}\nfix: {}</failure>\n",
                        escape_markup(&f.message),
                        f.level.id(),
                        file,
                        escape_markup(&f.message),
                        escape_markup(&f.fix)
                    );
                }
                cases.push_str("    </testcase>\n");
            } else if !mine.is_empty() {
                cases.push_str(">\n      <system-out>");
                for f in &mine {
                    let _ = write!(cases, "warning: {}", escape_markup(&f.message));
                }
                cases.push_str("</system-out>\n    </testcase>\n");
            } else {
                cases.push_str("/>\n");
            }
        }
        total_tests += tests;
        total_failures += failures;
        let _ = write!(
            suites,
            "  <testsuite name=\"{file}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n{cases}  </testsuite>\n"
        );
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gtm check\" tests=\"{total_tests}\" failures=\"{total_failures}\" errors=\"0\">\n{suites}</testsuites>\n"
    )
}

#[derive(Serialize)]
struct CodeQuality {
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// A stable fingerprint: FNV-1a over file, id and message, as 16 hex digits.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// GitLab Code Quality JSON: one issue per finding.
pub fn gitlab(results: &[Checked<'_>], opts: &GateOptions) -> String {
    let issues: Vec<CodeQuality> = results
        .iter()
        .flat_map(|r| {
            r.findings().into_iter().map(move |f| CodeQuality {
                description: format!("{} Fix: {}", f.message, f.fix),
                check_name: f.id.clone(),
                fingerprint: fingerprint(&[r.file(), &f.id, &f.message]),
                severity: if fails(&f, opts) { "major" } else { "minor" },
                location: Location {
                    path: r.file().to_string(),
                    lines: Lines {
                        begin: f.line.unwrap_or(1),
                    },
                },
            })
        })
        .collect();
    json::to_string(&issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_for_each_format() {
        assert_eq!(github_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(
            escape_markup("<a & \"b\">\u{1}"),
            "&lt;a &amp; &quot;b&quot;&gt;\u{fffd}"
        );
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
    }
}
