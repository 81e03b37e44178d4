//! `gtm check --format junit`: JUnit XML, a test suite per profile and a
//! test case per rule the gate ran.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Checked, Exporter, Gated, Summary};
use crate::engine::gate::INVALID_PROFILE;
use crate::render::escape::escape_markup;
use crate::spool::Spool;

/// The JUnit report.
pub struct Junit<'o> {
    rule_ids: &'o [&'o str],
    body: Spool,
    /// Test cases and failures so far, for the `<testsuites>` totals.
    totals: (usize, usize),
}

impl<'o> Junit<'o> {
    /// A JUnit report with a case per rule in `rule_ids`, suites spooled in `body`.
    pub fn new(rule_ids: &'o [&'o str], body: Spool) -> Junit<'o> {
        Junit {
            rule_ids,
            body,
            totals: (0, 0),
        }
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
        self.totals.0 += tests;
        self.totals.1 += failures;
        format!(
            "  <testsuite name=\"{file}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n{cases}  </testsuite>\n"
        )
    }
}

impl Exporter for Junit<'_> {
    fn file(&mut self, r: &Checked<'_>, found: &[Gated], _: &mut dyn Write) -> io::Result<()> {
        let suite = self.junit_suite(r, found);
        self.body.write_all(suite.as_bytes())
    }

    fn finish(self: Box<Self>, _: &Summary, out: &mut dyn Write) -> io::Result<()> {
        let (tests, failures) = self.totals;
        write!(
            out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"gtm check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n"
        )?;
        self.body.copy_all(out)?;
        out.write_all(b"</testsuites>\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape_markup("<a & \"b\">\u{1}"),
            "&lt;a &amp; &quot;b&quot;&gt;\u{fffd}"
        );
    }
}
