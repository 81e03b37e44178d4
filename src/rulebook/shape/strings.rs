//! Every string of a rulebook is text the tool prints (motion names,
//! messages, advice, checklist items, its revision) to terminals, CI logs
//! and documents, so none may hold a character that acts instead of
//! showing: a control character (ESC sequences retitle or clear a
//! terminal; a line break starts a line a CI runner reads as a command), or
//! a bidirectional control that reorders the text beside it. Outside code
//! spans (`like this`) it is prose, printed into Markdown as it is, so it
//! may hold no markup that would turn into HTML, a link or a mention there
//! (`<`, `>`, `[`, `]`, `@`, `://`, `www.`).
//!
//! build.rs compiles this file too (through `rulebook/mod.rs`).

use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Location, Problem, acts};

/// Problems for each string in the rulebook's TOML `src` that holds such a
/// character, at its line, naming its key. Text the parser refuses is left
/// to the typed reading, which reports it.
pub(in crate::rulebook) fn check(src: &str) -> Vec<Problem> {
    let Ok(root) = DeTable::parse(src) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    table(src, "", root.get_ref(), &mut problems);
    problems
}

fn table(src: &str, prefix: &str, t: &DeTable<'_>, problems: &mut Vec<Problem>) {
    for (key, value) in t {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        item(src, &path, value, problems);
    }
}

fn item(src: &str, path: &str, value: &toml::Spanned<DeValue<'_>>, problems: &mut Vec<Problem>) {
    // Enough to show what is wrong; a hostile rulebook gets no more.
    const SHOWN: usize = 20;
    if problems.len() >= SHOWN {
        return;
    }
    match value.get_ref() {
        DeValue::String(s) => {
            if let Some(c) = s.chars().find(|c| acts(*c)) {
                problems.push(Problem::at(
                    Location::of(src, value.span().start),
                    path,
                    format!(
                        "holds U+{:04X}, a control or bidirectional character; rulebook text is printed to terminals, CI logs and documents, so it may hold none (write the text on one line, without escapes for such characters)",
                        u32::from(c)
                    ),
                ));
            } else if let Some(markup) = markup_outside_code(s) {
                problems.push(Problem::at(
                    Location::of(src, value.span().start),
                    path,
                    format!(
                        "holds `{markup}` outside a code span; rulebook text is printed into Markdown as prose, so markup (< > [ ] @ :// www. * ~ and _ at a word's edge) must be written inside backticks"
                    ),
                ));
            }
        }
        DeValue::Array(items) => {
            for v in items {
                item(src, path, v, problems);
            }
        }
        DeValue::Table(t) => table(src, path, t, problems),
        _ => {}
    }
}

/// Whether `prose` has an underscore at the edge of a word, where Markdown
/// reads it as emphasis; between two letters or digits it is only a
/// character.
fn emphasis_underscore(prose: &str) -> bool {
    let chars: Vec<char> = prose.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| {
        let word = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|c| c.is_alphanumeric())
        };
        c == '_' && !(word(i.checked_sub(1)) && word(Some(i + 1)))
    })
}

/// The first piece of markup in `text` outside its code spans, if any. An
/// unmatched backtick opens no span.
fn markup_outside_code(text: &str) -> Option<&'static str> {
    let pieces: Vec<&str> = text.split('`').collect();
    let matched = if pieces.len() % 2 == 0 {
        pieces.len() - 1
    } else {
        pieces.len()
    };
    // Even pieces are prose; odd ones are code, unless the last backtick
    // is unmatched, when the rest is prose again.
    let prose = pieces
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0 || *i >= matched)
        .map(|(_, p)| *p);
    for piece in prose {
        for markup in ["<", ">", "[", "]", "@", "://", "www.", "*", "~"] {
            if piece.to_ascii_lowercase().contains(markup) {
                return Some(markup);
            }
        }
        if emphasis_underscore(piece) {
            return Some("_");
        }
    }
    None
}
