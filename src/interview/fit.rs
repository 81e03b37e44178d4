//! Fitting text to a terminal: folding at word boundaries, counting the
//! rows a line takes, and cutting list items to a width in columns and in
//! bytes (dialoguer counts an item's bytes, escape codes included).

use crate::render::wrap::wrap;
use console::measure_text_width;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Rows of the terminal that `head` followed by `typed` take, `head`'s own
/// line breaks included (a row filled exactly leaves the cursor on it).
pub(super) fn rows_of(head: &str, typed: &str, columns: usize) -> usize {
    let mut lines = head.split('\n').peekable();
    let mut rows = 0;
    while let Some(line) = lines.next() {
        let mut width = measure_text_width(line);
        if lines.peek().is_none() {
            width += typed.width();
        }
        rows += width.div_ceil(columns).max(1);
    }
    rows
}

/// `text` wrapped at word boundaries so that each line fits in `width`
/// columns after `indent` columns; lines after the first are indented with
/// spaces. A word wider than a line is cut, so no line is ever wider.
pub fn fold(text: &str, width: usize, indent: usize) -> String {
    let room = width.saturating_sub(indent).max(8);
    let pad = " ".repeat(indent);
    let wrapped = wrap(text, room, "", "");
    let mut lines = Vec::new();
    for line in wrapped.lines() {
        let mut rest = line;
        while rest.width() > room {
            let mut used = 0;
            let cut = rest
                .char_indices()
                .find(|&(_, c)| {
                    used += c.width().unwrap_or(0);
                    used > room
                })
                .map_or(rest.len(), |(i, _)| i);
            lines.push(&rest[..cut]);
            rest = &rest[cut..];
        }
        lines.push(rest);
    }
    lines.join(&format!("\n{pad}"))
}

/// `text` cut to `room` display columns, ending in `…` when cut.
pub(super) fn fit(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// `text` cut to at most `budget` bytes, ending in `…` when cut.
pub(super) fn fit_bytes(text: &str, budget: usize) -> String {
    if text.len() <= budget {
        return text.to_string();
    }
    let ellipsis = '…'.len_utf8();
    let mut end = budget.saturating_sub(ellipsis);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", text[..end].trim_end_matches('…'))
}
