//! CSV output: a portfolio, one row per profile, for spreadsheets; and
//! the PQL accounts for a CRM (`pql.rs`).

mod pql;

pub use pql::pql;

use super::Row;

const HEADER: &[&str] = &[
    "file",
    "name",
    "acv",
    "motion",
    "acv_band",
    "confidence",
    "conflicts",
    "findings",
    "checklist_done",
    "checklist_total",
];

/// A text field: a leading `'` when a spreadsheet would read it as a formula
/// (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return, as OWASP
/// recommends), then quoted when it holds a comma, quote or line break
/// (RFC 4180). Only text taken from input goes through here; the numbers the
/// tool writes stay numbers.
fn field(text: &str) -> String {
    // Control characters are shown escaped, as in every text output.
    let text = crate::diagnostic::printable(text);
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// [`field`], always in quotes.
fn quoted(text: &str) -> String {
    let text = field(text);
    if text.starts_with('"') {
        text
    } else {
        format!("\"{text}\"")
    }
}

/// Dollars as a plain number a spreadsheet reads: "12000" or "12000.5".
fn plain_amount(cents: u64) -> String {
    match cents % 100 {
        0 => (cents / 100).to_string(),
        c if c % 10 == 0 => format!("{}.{}", cents / 100, c / 10),
        c => format!("{}.{c:02}", cents / 100),
    }
}

/// A header row, then one row per result, in the order given.
pub fn portfolio(rows: &[Row]) -> String {
    let mut out = HEADER.join(",");
    out.push_str("\r\n");
    for r in rows {
        let row = [
            // Always quoted, so that no row starts with a file name: CI
            // runners read commands from the start of log lines.
            quoted(&r.file),
            field(&r.name),
            plain_amount(r.acv.cents()),
            r.brief.motion.id().to_string(),
            r.brief.acv_band.id().to_string(),
            r.brief.confidence.id().to_string(),
            r.brief.conflicts.to_string(),
            r.brief.findings.to_string(),
            r.brief.done.to_string(),
            r.brief.total.to_string(),
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

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("+44 Ltd"), "'+44 Ltd");
        assert_eq!(field("-x.toml"), "'-x.toml");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        // A tab or carriage return is shown escaped, so it starts nothing.
        assert_eq!(field("\tTab"), "\\tTab");
        assert_eq!(field("\rCR"), "\\rCR");
        assert_eq!(
            field("=HYPERLINK(\"x\",\"y\")"),
            "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("Acme = Good"), "Acme = Good");
    }

    #[test]
    fn amounts_are_exact_plain_numbers() {
        assert_eq!(plain_amount(1_200_000), "12000");
        assert_eq!(plain_amount(1_200_050), "12000.5");
        assert_eq!(plain_amount(99_999), "999.99");
    }
}
