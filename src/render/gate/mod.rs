//! Output of `gtm check`, one file per format behind one trait
//! ([`Exporter`]): text for people, JSON for scripts, GitHub workflow
//! commands, JUnit XML and GitLab Code Quality JSON for CI systems. All of
//! them show the same facts, as the gate judged them: no exporter decides
//! what passes.

mod github;
mod gitlab;
mod json;
mod junit;
mod text;

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use crate::engine::findings::Finding;
use crate::engine::gate::{GateOptions, Gated, INVALID_PROFILE, Verdict};
use crate::render::TextOptions;
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
    /// The file as given.
    pub(super) fn file(&self) -> &str {
        match self {
            Checked::Judged { file, .. } | Checked::Invalid { file, .. } => file,
        }
    }

    /// `passed`, `failed` or `invalid`.
    pub(super) fn status(&self) -> &'static str {
        match self {
            Checked::Judged { verdict, .. } if verdict.passed => "passed",
            Checked::Judged { .. } => "failed",
            Checked::Invalid { .. } => "invalid",
        }
    }

    /// The findings to show, with the invalid file's problems as findings too.
    pub(super) fn findings(&self) -> Vec<Gated> {
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
    pub(super) fn count(&mut self, r: &Checked<'_>) {
        self.profiles += 1;
        match r.status() {
            "passed" => self.passed += 1,
            "failed" => self.failed += 1,
            _ => self.invalid += 1,
        }
    }

    /// "3 profiles checked: 2 passed, 1 failed".
    pub(super) fn line(&self) -> String {
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

/// One CI format: each checked file written as it comes, then what
/// follows the last one.
pub trait Exporter {
    /// Writes (or spools) one file's result; `found` are its findings as
    /// the gate judged them.
    fn file(&mut self, r: &Checked<'_>, found: &[Gated], out: &mut dyn Write) -> io::Result<()>;
    /// Writes what comes after the last file, given the counts.
    fn finish(self: Box<Self>, summary: &Summary, out: &mut dyn Write) -> io::Result<()>;
}

/// A check report written one file at a time, in any format.
///
/// Only the counts are kept, so memory does not grow with the number of
/// files. Formats that put totals first (JSON's `summary`, JUnit's
/// `<testsuites tests=...>`) hold their body in a [`Spool`] until
/// [`GateReport::finish`] knows the totals.
pub struct GateReport<'o> {
    exporter: Box<dyn Exporter + 'o>,
    summary: Summary,
}

impl<'o> GateReport<'o> {
    /// A report in `format`. `rule_ids` lists every rule the gate ran (JUnit
    /// shows each as a test case); `text` is the width of wrapped text lines
    /// and whether the text format may use colour; `body` holds what JSON
    /// and JUnit write before their totals.
    pub fn new(
        format: GateFormat,
        opts: &'o GateOptions,
        rule_ids: &'o [&'o str],
        text: TextOptions,
        body: Spool,
    ) -> GateReport<'o> {
        let exporter: Box<dyn Exporter + 'o> = match format {
            GateFormat::Text => Box::new(text::Text::new(opts.deny_warnings, text)),
            GateFormat::Json => Box::new(json::Json::new(opts.deny_warnings, body)),
            GateFormat::Github => Box::new(github::Github),
            GateFormat::Junit => Box::new(junit::Junit::new(rule_ids, body)),
            GateFormat::Gitlab => Box::new(gitlab::Gitlab::default()),
        };
        GateReport {
            exporter,
            summary: Summary::default(),
        }
    }

    /// Writes (or spools) one file's result.
    pub fn file(&mut self, r: &Checked<'_>, out: &mut dyn Write) -> io::Result<()> {
        self.summary.count(r);
        self.exporter.file(r, &r.findings(), out)
    }

    /// Writes what comes after the last file (and, for JSON and JUnit, the
    /// totals and then the spooled body); returns the counts.
    pub fn finish(self, out: &mut dyn Write) -> io::Result<Summary> {
        self.exporter.finish(&self.summary, out)?;
        Ok(self.summary)
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
    let text = TextOptions {
        width,
        colour: false,
    };
    let mut report = GateReport::new(format, opts, rule_ids, text, Spool::in_memory());
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
pub(super) fn indented(text: &str, indent: &str) -> String {
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
