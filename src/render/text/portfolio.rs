//! The text portfolio: one row per profile and a count per motion, drawn
//! a block of rows at a time so memory stays flat, fitted to the width.

use crate::diagnostic::printable;
use crate::motion::Motion;
use crate::render::wrap::wrap;
use crate::render::{Row, TextOptions};
use crate::rulebook::Rulebook;
use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width, presets};
use unicode_width::UnicodeWidthStr;

/// Several results as one table (name, ACV, motion, confidence, conflicts,
/// checklist) and a count per motion.
pub fn portfolio(rows: &[Row], rules: &Rulebook, opts: &TextOptions) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_portfolio(rows, 0, rules, opts, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

const PORTFOLIO_HEADER: [&str; 6] = [
    "Name",
    "ACV",
    "Motion",
    "Confidence",
    "Conflicts",
    "Checklist",
];

/// Columns dropped, in this order, when the terminal is too narrow for
/// them all: a value is never split, so columns go before values do.
const PORTFOLIO_DROP_ORDER: [usize; 3] = [4, 3, 5];

/// The narrowest the name column gets before a column is dropped.
const NAME_MIN: usize = 12;

/// Rows rendered at once: comfy-table holds every cell it lays out, so a
/// large portfolio is drawn a block at a time with the same column widths.
const BLOCK: usize = 256;

fn portfolio_cells(r: &Row) -> [String; 6] {
    [
        printable(&r.name).into_owned(),
        r.acv.to_string(),
        r.brief.motion.id().to_string(),
        r.brief.confidence.id().to_string(),
        r.brief.conflicts.to_string(),
        format!("{}/{}", r.brief.done, r.brief.total),
    ]
}

/// Which columns to show and how wide each one's content is, for `width`
/// columns of terminal: every column as wide as its widest cell if that
/// fits; otherwise the name column narrower (names wrap between words),
/// down to [`NAME_MIN`], then whole columns dropped.
fn portfolio_layout(rows: &[Row], width: usize) -> Vec<(usize, usize)> {
    let mut widest = PORTFOLIO_HEADER.map(UnicodeWidthStr::width);
    for r in rows {
        for (w, cell) in widest.iter_mut().zip(portfolio_cells(r)) {
            *w = (*w).max(cell.width());
        }
    }
    let mut shown: Vec<usize> = (0..6).collect();
    let mut drop = PORTFOLIO_DROP_ORDER.iter();
    loop {
        // Each column has a space either side and a border on its left,
        // and the table a border on the right.
        let others: usize = shown[1..].iter().map(|&c| widest[c] + 3).sum::<usize>() + 4;
        let name = width.saturating_sub(others).min(widest[0]);
        if name >= NAME_MIN.min(widest[0]) {
            let mut layout = vec![(0, name)];
            layout.extend(shown[1..].iter().map(|&c| (c, widest[c])));
            return layout;
        }
        match drop.next() {
            Some(c) => shown.retain(|s| s != c),
            None => {
                let mut layout = vec![(0, NAME_MIN.min(widest[0]))];
                layout.extend(shown[1..].iter().map(|&c| (c, widest[c])));
                return layout;
            }
        }
    }
}

/// [`portfolio`], written a block of rows at a time so that its memory does
/// not grow with the portfolio: every block is laid out with the same
/// column widths and the borders between blocks are left out, so the
/// blocks read as one table. The summary counts the `unread` profiles that
/// could not be used too, and a note names the columns the width hid.
pub fn write_portfolio(
    rows: &[Row],
    unread: usize,
    rules: &Rulebook,
    opts: &TextOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let layout = portfolio_layout(rows, usize::from(opts.width));
    let blocks = rows.len().div_ceil(BLOCK).max(1);
    for (i, block) in rows
        .chunks(BLOCK)
        .chain(rows.is_empty().then_some(&[][..]))
        .enumerate()
    {
        let mut t = Table::new();
        t.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
            .set_content_arrangement(ContentArrangement::Disabled);
        if i == 0 {
            t.set_header(layout.iter().map(|&(c, _)| PORTFOLIO_HEADER[c]));
        }
        for r in block {
            let cells = portfolio_cells(r);
            t.add_row(layout.iter().map(|&(c, _)| cells[c].clone()));
        }
        for (column, &(_, w)) in t.column_iter_mut().zip(&layout) {
            let w = u16::try_from(w + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(w)));
        }
        let text = t.to_string();
        let lines: Vec<&str> = text.lines().collect();
        let first = usize::from(i > 0);
        let last = if i + 1 < blocks {
            lines.len().saturating_sub(1)
        } else {
            lines.len()
        };
        for line in lines.get(first..last).unwrap_or_default() {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    let counts: Vec<String> = Motion::ALL
        .iter()
        .map(|m| (m, rows.iter().filter(|r| r.brief.motion == *m).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(m, n)| format!("{n} {}", rules.motion(*m).name))
        .collect();
    let total = rows.len();
    let noun = if total == 1 { "profile" } else { "profiles" };
    let mut summary = format!("{total} {noun}: {}", counts.join(", "));
    if unread > 0 {
        let verb = if unread == 1 { "was" } else { "were" };
        summary.push_str(&format!(
            "; {unread} more could not be used and {verb} left out (the errors say why)"
        ));
    }
    let hidden: Vec<&str> = (0..PORTFOLIO_HEADER.len())
        .filter(|c| !layout.iter().any(|(shown, _)| shown == c))
        .map(|c| PORTFOLIO_HEADER[c])
        .collect();
    if !hidden.is_empty() {
        summary.push_str(&format!(
            ". Hidden at {} columns: {}; a wider terminal (or COLUMNS=100) shows {}, \
             and --format csv has every column",
            opts.width,
            hidden.join(", "),
            if hidden.len() == 1 { "it" } else { "them" }
        ));
    }
    writeln!(out, "{}", wrap(&summary, usize::from(opts.width), "", "  "))
}
