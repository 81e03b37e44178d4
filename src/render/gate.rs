//! Output of `gtm check`, one function per format: text for people, JSON for
//! scripts, GitHub workflow commands, JUnit XML and GitLab Code Quality JSON
//! for CI systems. All of them show the same facts.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::escape_markup;
use super::json::{self, Finding as JsonFinding};
use super::text::wrap;
use crate::diagnostic::{printable, printable_lines};
use crate::engine::findings::Finding;
use crate::engine::gate::{GateOptions, Gated, INVALID_PROFILE, Verdict};
use crate::motion::Motion;
use crate::rulebook::Level;
use crate::spool::Spool;

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
    fn findings(&self) -> Vec<Gated> {
        match self {
            Checked::Judged { verdict, .. } => verdict.findings.clone(),
            Checked::Invalid { problems, .. } => problems
                .iter()
                .map(|(line, message)| Gated::invalid(Finding {
                    id: INVALID_PROFILE.to_string(),
                    level: Level::Error,
                    message: message.clone(),
                    fix: "Fix the profile as the message says; `gtm init` writes a valid starter profile.".to_string(),
                    source: Default::default(),
                    line: *line,
                }))
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

/// The formats of a check report; clap offers these to `gtm check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GateFormat {
    /// Grouped by file, one finding per line with its fix.
    Text,
    /// JSON, schema_version 2.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML: one test case per profile and rule.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

impl Summary {
    /// Adds one checked file.
    fn count(&mut self, r: &Checked<'_>) {
        self.profiles += 1;
        match r.status() {
            "passed" => self.passed += 1,
            "failed" => self.failed += 1,
            _ => self.invalid += 1,
        }
    }

    fn line(&self) -> String {
        let noun = if self.profiles == 1 {
            "profile"
        } else {
            "profiles"
        };
        let mut line = format!(
            "{} {noun} checked: {} passed, {} failed",
            self.profiles, self.passed, self.failed
        );
        if self.invalid > 0 {
            let _ = write!(line, ", {} invalid", self.invalid);
        }
        line
    }
}

/// A check report written one file at a time, in any format.
///
/// Only the counts are kept, so memory does not grow with the number of
/// files. Formats that put totals first (JSON's `summary`, JUnit's
/// `<testsuites tests=...>`) hold their body in a [`Spool`] until
/// [`GateReport::finish`] knows the totals.
pub struct GateReport<'o> {
    format: GateFormat,
    opts: &'o GateOptions,
    rule_ids: &'o [&'o str],
    width: usize,
    summary: Summary,
    warnings: bool,
    body: Spool,
    elements: usize,
    junit: (usize, usize),
}

impl<'o> GateReport<'o> {
    /// A report in `format`. `rule_ids` lists every rule the gate ran (JUnit
    /// shows each as a test case); `width` is for wrapped text lines.
    pub fn new(
        format: GateFormat,
        opts: &'o GateOptions,
        rule_ids: &'o [&'o str],
        width: u16,
        body: Spool,
    ) -> GateReport<'o> {
        GateReport {
            format,
            opts,
            rule_ids,
            width: usize::from(width),
            summary: Summary::default(),
            warnings: false,
            body,
            elements: 0,
            junit: (0, 0),
        }
    }

    /// Writes (or spools) one file's result.
    pub fn file(&mut self, r: &Checked<'_>, out: &mut dyn Write) -> io::Result<()> {
        self.summary.count(r);
        let found = r.findings();
        self.warnings |= found.iter().any(|g| g.finding.level == Level::Warning);
        match self.format {
            GateFormat::Text => out.write_all(self.text(r, &found).as_bytes()),
            GateFormat::Github => out.write_all(self.github(r, &found).as_bytes()),
            GateFormat::Gitlab => {
                for issue in self.gitlab(r, &found) {
                    let before = if self.elements == 0 { "[\n" } else { ",\n" };
                    self.elements += 1;
                    out.write_all(before.as_bytes())?;
                    out.write_all(indented(&json::to_string(&issue), "  ").as_bytes())?;
                }
                Ok(())
            }
            GateFormat::Json => {
                let element = indented(&json::to_string(&self.json_profile(r, &found)), "    ");
                let before = if self.elements == 0 { "" } else { ",\n" };
                self.elements += 1;
                self.body.write_all(before.as_bytes())?;
                self.body.write_all(element.as_bytes())
            }
            GateFormat::Junit => {
                let suite = self.junit_suite(r, &found);
                self.body.write_all(suite.as_bytes())
            }
        }
    }

    /// Writes what comes after the last file (and, for JSON and JUnit, the
    /// totals and then the spooled body); returns the counts.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<Summary> {
        let summary = self.summary;
        match self.format {
            GateFormat::Text => {
                out.write_all(b"\n")?;
                if self.opts.deny_warnings && self.warnings {
                    out.write_all(b"Warnings fail the check (--deny warnings).\n")?;
                }
                writeln!(out, "{}", summary.line())?;
            }
            GateFormat::Github => writeln!(out, "{}", summary.line())?,
            GateFormat::Gitlab if self.elements == 0 => out.write_all(b"[]\n")?,
            GateFormat::Gitlab => out.write_all(b"\n]\n")?,
            GateFormat::Json => {
                let head = json::to_string(&JsonReport {
                    schema_version: json::SCHEMA_VERSION,
                    passed: summary.failed == 0 && summary.invalid == 0,
                    deny_warnings: self.opts.deny_warnings,
                    summary,
                });
                // The head is a whole object; reopen it for the profiles.
                let head = head
                    .trim_end()
                    .strip_suffix('}')
                    .unwrap_or(&head)
                    .trim_end();
                write!(out, "{head},\n  \"profiles\": [")?;
                if self.elements > 0 {
                    out.write_all(b"\n")?;
                    self.body.copy_all(out)?;
                    out.write_all(b"\n  ]\n}\n")?;
                } else {
                    out.write_all(b"]\n}\n")?;
                }
            }
            GateFormat::Junit => {
                let (tests, failures) = self.junit;
                write!(
                    out,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gtm check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n"
                )?;
                self.body.copy_all(out)?;
                out.write_all(b"</testsuites>\n")?;
            }
        }
        Ok(summary)
    }

    /// Grouped by file: a status line (`failed  FILE (NAME: motion)`), then
    /// each finding as `level[id] file:line: message` and its fix. Every line
    /// starts with the tool's own words (a status, a level, `fix:`), never
    /// with a file or profile name: CI runners read commands from the start
    /// of log lines.
    fn text(&self, r: &Checked<'_>, found: &[Gated]) -> String {
        let mut out = match r {
            Checked::Judged { name, verdict, .. } => {
                let expected = match verdict.expected {
                    Some(m) if m == verdict.motion => ", as expected".to_string(),
                    Some(m) => format!(", expected {m}"),
                    None => String::new(),
                };
                format!(
                    "{:<7} {} ({}: {}{expected})\n",
                    r.status(),
                    printable(r.file()),
                    printable(name),
                    verdict.motion
                )
            }
            Checked::Invalid { .. } => format!("{:<7} {}\n", r.status(), printable(r.file())),
        };
        for Gated { finding: f, .. } in found {
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
                    self.width,
                    "  ",
                    "    ",
                ));
                out.push('\n');
            }
        }
        out
    }

    fn json_profile<'r>(&self, r: &'r Checked<'_>, found: &'r [Gated]) -> JsonProfile<'r> {
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
            findings: found
                .iter()
                .map(|g| JsonFinding::from(&g.finding))
                .collect(),
            allowed: verdict
                .map(|v| v.allowed.iter().map(String::as_str).collect())
                .unwrap_or_default(),
        }
    }

    /// Workflow commands that GitHub Actions shows as annotations on the line.
    fn github(&self, r: &Checked<'_>, found: &[Gated]) -> String {
        let mut out = String::new();
        for Gated { finding: f, fails } in found {
            let command = if *fails { "error" } else { "warning" };
            let line = f.line.map_or(String::new(), |l| format!(",line={l}"));
            let _ = writeln!(
                out,
                "::{command} file={}{line},title={}::{}",
                github_property(r.file()),
                github_property(&format!("gtm {}", f.id)),
                github_data(&format!("{} Fix: {}", f.message, f.fix))
            );
        }
        out
    }

    /// One JUnit suite per file, one test case per rule: rules that passed
    /// show as passed cases, allowed findings are skipped, and warnings that
    /// do not fail are passed cases with the warning in `system-out`.
    fn junit_suite(&mut self, r: &Checked<'_>, found: &[Gated]) -> String {
        let file = escape_markup(r.file());
        let ids: Vec<&str> = match r {
            Checked::Judged { .. } => self
                .rule_ids
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
            let mine: Vec<&Gated> = found.iter().filter(|g| g.finding.id == id).collect();
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
            } else if mine.iter().any(|g| g.fails) {
                failures += 1;
                cases.push_str(">\n");
                for Gated { finding: f, .. } in &mine {
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
                for Gated { finding: f, .. } in &mine {
                    let _ = write!(cases, "warning: {}", escape_markup(&f.message));
                }
                cases.push_str("</system-out>\n    </testcase>\n");
            } else {
                cases.push_str("/>\n");
            }
        }
        self.junit.0 += tests;
        self.junit.1 += failures;
        format!(
            "  <testsuite name=\"{file}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n{cases}  </testsuite>\n"
        )
    }

    /// GitLab Code Quality: one issue per finding.
    fn gitlab(&self, r: &Checked<'_>, found: &[Gated]) -> Vec<CodeQuality> {
        found
            .iter()
            .map(|Gated { finding: f, fails }| CodeQuality {
                description: format!("{} Fix: {}", f.message, f.fix),
                check_name: f.id.clone(),
                fingerprint: fingerprint(&[r.file(), &f.id, &f.message]),
                severity: if *fails { "major" } else { "minor" },
                location: Location {
                    path: r.file().to_string(),
                    lines: Lines {
                        begin: f.line.unwrap_or(1),
                    },
                },
            })
            .collect()
    }
}

/// The whole report of `results` as a string: [`GateReport`] for callers
/// that hold every result anyway (tests, small runs).
pub fn render(
    results: &[Checked<'_>],
    format: GateFormat,
    opts: &GateOptions,
    rule_ids: &[&str],
    width: u16,
) -> String {
    let mut out = Vec::new();
    let mut report = GateReport::new(format, opts, rule_ids, width, Spool::in_memory());
    // Writing into memory cannot fail.
    for r in results {
        let _ = report.file(r, &mut out);
    }
    let _ = report.finish(&mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// `text` with every line after the first indented by `indent`: a
/// pretty-printed JSON value placed `indent` deep in a larger document (its
/// strings never hold a raw line break).
fn indented(text: &str, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.trim_end_matches('\n').lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(indent);
        out.push_str(line);
    }
    out
}

#[derive(Serialize)]
struct JsonReport {
    schema_version: u32,
    passed: bool,
    deny_warnings: bool,
    summary: Summary,
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
