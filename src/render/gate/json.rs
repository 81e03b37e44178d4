//! `gtm check --format json`: one object with the totals first, then a
//! profile per file (spooled until the totals are known).

use std::io::{self, Write};

use serde::Serialize;

use super::{Checked, Exporter, Gated, Summary, indented};
use crate::motion::Motion;
use crate::render::json::{self, Finding as JsonFinding};
use crate::spool::Spool;

/// The JSON report.
pub struct Json {
    deny_warnings: bool,
    body: Spool,
    elements: usize,
}

impl Json {
    /// A JSON report whose profiles wait in `body` for the totals.
    pub fn new(deny_warnings: bool, body: Spool) -> Json {
        Json {
            deny_warnings,
            body,
            elements: 0,
        }
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
}

impl Exporter for Json {
    fn file(&mut self, r: &Checked<'_>, found: &[Gated], _: &mut dyn Write) -> io::Result<()> {
        let element = indented(&json::to_string(&self.json_profile(r, found)), "    ");
        let before = if self.elements == 0 { "" } else { ",\n" };
        self.elements += 1;
        self.body.write_all(before.as_bytes())?;
        self.body.write_all(element.as_bytes())
    }

    fn finish(self: Box<Self>, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        let head = json::to_string(&JsonReport {
            schema_version: json::SCHEMA_VERSION,
            passed: summary.failed == 0 && summary.invalid == 0,
            deny_warnings: self.deny_warnings,
            summary: *summary,
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
            out.write_all(b"\n  ]\n}\n")
        } else {
            out.write_all(b"]\n}\n")
        }
    }
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
