//! `gtm check` for people: grouped by file, a status line, then each
//! finding on one unwrapped line with its fix.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Checked, Exporter, Gated, Summary};
use crate::diagnostic::printable;
use crate::render::wrap::wrap;
use crate::rulebook::Level;

/// How many findings of each level, as `; 1 error, 2 warnings`, or nothing.
fn counts(found: &[Gated]) -> String {
    let mut parts = Vec::new();
    for (level, one, many) in [
        (Level::Error, "error", "errors"),
        (Level::Warning, "warning", "warnings"),
        (Level::Notice, "notice", "notices"),
    ] {
        let n = found.iter().filter(|g| g.finding.level == level).count();
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("; {}", parts.join(", "))
    }
}

/// ANSI colours for the status and level words, on a terminal.
const RED: &str = "\x1b[1;31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

/// The text report.
pub struct Text {
    deny_warnings: bool,
    width: usize,
    colour: bool,
    /// Whether any file had a warning, for the note before the summary.
    warnings: bool,
    /// Whether any judged file had a finding, for the note on accepting one.
    findings: bool,
}

impl Text {
    /// Text as wide and as coloured as `opts` says; `deny_warnings` adds a
    /// note that warnings fail.
    pub fn new(deny_warnings: bool, opts: crate::render::TextOptions) -> Text {
        Text {
            deny_warnings,
            width: usize::from(opts.width),
            colour: opts.colour,
            warnings: false,
            findings: false,
        }
    }

    /// `word` in `code` when colour is on. Only the tool's own words are
    /// coloured, so the padding and what follows stay as they are.
    fn paint(&self, word: &str, code: &str) -> String {
        if self.colour {
            format!("{code}{word}{RESET}")
        } else {
            word.to_string()
        }
    }

    /// The status word, padded to seven columns, coloured by what it says.
    fn status(&self, status: &str) -> String {
        let code = if status == "passed" { GREEN } else { RED };
        let pad = " ".repeat(7usize.saturating_sub(status.len()));
        format!("{}{pad}", self.paint(status, code))
    }

    /// A finding's level word, coloured by its weight.
    fn level(&self, level: Level) -> String {
        let code = match level {
            Level::Error => RED,
            Level::Warning => YELLOW,
            Level::Notice => CYAN,
        };
        self.paint(level.id(), code)
    }

    /// Grouped by file: a status line (`failed  FILE (NAME: motion hybrid matches [expect]; 1 error)`), then
    /// each finding as `level[id] file:line: message` and its fix. Every line
    /// starts with the tool's own words (a status, a level, `fix:`), never
    /// with a file or profile name: CI runners read commands from the start
    /// of log lines.
    fn text(&self, r: &Checked<'_>, found: &[Gated]) -> String {
        let mut out = match r {
            Checked::Judged { name, verdict, .. } => {
                // Each part says what it is about, so "failed (…, as
                // expected)" cannot read as "this failure was expected".
                let expected = match verdict.expected {
                    Some(m) if m == verdict.motion => " matches [expect]".to_string(),
                    Some(m) => format!(", but [expect] says {m}"),
                    None => String::new(),
                };
                format!(
                    "{} {} ({}: motion {}{expected}{})\n",
                    self.status(r.status()),
                    printable(r.file()),
                    printable(name),
                    verdict.motion,
                    counts(found)
                )
            }
            Checked::Invalid { .. } => {
                format!("{} {}\n", self.status(r.status()), printable(r.file()))
            }
        };
        for Gated { finding: f, .. } in found {
            let at = f.line.map_or(String::new(), |l| format!(":{l}"));
            // One line per finding, unwrapped, so logs can be searched
            // (`grep 'error\['`) and parsed.
            let _ = writeln!(
                out,
                "  {}[{}] {}{at}: {}",
                self.level(f.level),
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
}

impl Exporter for Text {
    fn file(&mut self, r: &Checked<'_>, found: &[Gated], out: &mut dyn Write) -> io::Result<()> {
        self.warnings |= found.iter().any(|g| g.finding.level == Level::Warning);
        self.findings |= matches!(r, Checked::Judged { .. }) && !found.is_empty();
        out.write_all(self.text(r, found).as_bytes())
    }

    fn finish(self: Box<Self>, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"\n")?;
        if self.findings {
            out.write_all(
                b"A finding accepted on purpose goes in the profile's `[check] allow = [\"ID\"]` (or --allow ID).\n",
            )?;
        }
        if self.deny_warnings && self.warnings {
            out.write_all(b"Warnings fail the check (--deny warnings).\n")?;
        }
        writeln!(out, "{}", summary.line())
    }
}
