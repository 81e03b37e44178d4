//! `gtm check --format gitlab`: GitLab Code Quality JSON, one issue per
//! finding.

use std::io::{self, Write};

use serde::Serialize;

use super::{Checked, Exporter, Gated, Summary, indented};
use crate::render::json;

/// The GitLab Code Quality report.
#[derive(Default)]
pub struct Gitlab {
    elements: usize,
}

impl Gitlab {
    /// GitLab Code Quality: one issue per finding.
    fn gitlab(&self, r: &Checked<'_>, found: &[Gated]) -> Vec<CodeQuality> {
        found
            .iter()
            .map(|Gated { finding: f, fails }| CodeQuality {
                description: format!("{} Fix: {}", f.message, f.fix),
                check_name: f.id.clone(),
                fingerprint: fingerprint(&[r.file(), &f.id, &f.message]),
                severity: match (fails, f.level) {
                    (true, _) => "major",
                    (false, crate::rulebook::Level::Notice) => "info",
                    (false, _) => "minor",
                },
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

impl Exporter for Gitlab {
    fn file(&mut self, r: &Checked<'_>, found: &[Gated], out: &mut dyn Write) -> io::Result<()> {
        for issue in self.gitlab(r, found) {
            let before = if self.elements == 0 { "[\n" } else { ",\n" };
            self.elements += 1;
            out.write_all(before.as_bytes())?;
            out.write_all(indented(&json::to_string(&issue), "  ").as_bytes())?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, _: &Summary, out: &mut dyn Write) -> io::Result<()> {
        if self.elements == 0 {
            out.write_all(b"[]\n")
        } else {
            out.write_all(b"\n]\n")
        }
    }
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
    fn fingerprints_are_stable_and_separate_their_parts() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
    }
}
