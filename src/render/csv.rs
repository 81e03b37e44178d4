//! CSV output of a portfolio, one row per profile, for spreadsheets.

use super::{Row, round2};

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
pub fn portfolio(rows: &[Row]) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for r in rows {
        let row = [
            field(&r.file),
            field(&r.name),
            round2(r.acv.dollars()).to_string(),
            r.motion.id().to_string(),
            r.acv_band.id().to_string(),
            r.margin
                .map_or(String::new(), |m| round2(m.points).to_string()),
            r.margin
                .map_or(String::new(), |m| m.motion.id().to_string()),
            r.conflicts.to_string(),
            r.findings.to_string(),
            r.done.to_string(),
            r.total.to_string(),
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
