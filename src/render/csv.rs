//! CSV output of a portfolio, one row per profile, for spreadsheets.

use super::{Evaluated, round2};

const HEADER: &[&str] = &[
    "file",
    "name",
    "acv",
    "motion",
    "acv_band",
    "margin",
    "nearest_motion",
    "conflicts",
    "findings",
    "checklist_done",
    "checklist_total",
];

/// A field quoted when it holds a comma, quote or line break (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A header row, then one row per result, in the order given.
pub fn portfolio(results: &[Evaluated<'_>]) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for r in results {
        let a = r.assessment;
        let row = [
            field(r.file),
            field(&a.name),
            round2(a.acv.dollars()).to_string(),
            a.motion.id().to_string(),
            a.acv_band.id().to_string(),
            a.margin
                .map_or(String::new(), |m| round2(m.points).to_string()),
            a.margin
                .map_or(String::new(), |m| m.motion.id().to_string()),
            a.conflicts.len().to_string(),
            a.findings.len().to_string(),
            a.checklist.iter().filter(|i| i.done).count().to_string(),
            a.checklist.len().to_string(),
        ];
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("Acme"), "Acme");
        assert_eq!(field("Acme, Inc."), "\"Acme, Inc.\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
