//! `gtm check --format github`: GitHub Actions workflow commands, which
//! Actions shows as annotations on the profile's lines.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Checked, Exporter, Gated, Summary};
use crate::diagnostic::printable_lines;

/// The GitHub Actions report.
pub struct Github;

impl Github {
    /// Workflow commands that GitHub Actions shows as annotations on the line.
    fn github(&self, r: &Checked<'_>, found: &[Gated]) -> String {
        let mut out = String::new();
        for Gated { finding: f, fails } in found {
            let command = match (fails, f.level) {
                (true, _) => "error",
                (false, crate::rulebook::Level::Notice) => "notice",
                (false, _) => "warning",
            };
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
}

impl Exporter for Github {
    fn file(&mut self, r: &Checked<'_>, found: &[Gated], out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.github(r, found).as_bytes())
    }

    fn finish(self: Box<Self>, summary: &Summary, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", summary.line())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(github_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
    }
}
