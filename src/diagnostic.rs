//! Problems found in a user's file: where they are, what was wrong, how to fix it.
//!
//! Readers collect every problem of a file before giving up, so a user fixes
//! them all in one pass instead of one per run.
//!
//! build.rs compiles this file too (`#[path]`), to check the built-in
//! rulebook before the crate builds: it may use only what build.rs provides
//! (`diagnostic`, `motion`, the profile's money and durations, `rulebook`,
//! `engine::validate`); moving it means updating build.rs.

use std::fmt;

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

impl Location {
    /// The location of byte offset `byte` in `src` (clamped to the text).
    pub fn of(src: &str, byte: usize) -> Location {
        let mut end = byte.min(src.len());
        while !src.is_char_boundary(end) {
            end -= 1;
        }
        let before = &src[..end];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { line, column }
    }
}

/// Whether a character would act on a terminal instead of showing: control
/// characters (C0, DEL, C1) and the bidirectional formatting characters that
/// can make a line read differently from what it holds.
/// Whether `c` acts on a terminal or a log rather than showing as itself:
/// a control character, a bidirectional control, or a line or paragraph
/// separator.
pub fn acts(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}'
        )
}

/// Text taken from input, made safe to show on a terminal or in a log: every
/// control or bidirectional character is written out visibly (`\u{1b}`,
/// `\n`), so input can neither send escape sequences nor start a line.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    escape(text, acts)
}

/// The most characters of a key or value a message echoes.
pub const ECHO_CHARS: usize = 60;

/// Text from input as a message echoes it: its first [`ECHO_CHARS`]
/// characters, then `…` if there were more. A 1 MiB key is named, not copied.
pub fn short(text: &str) -> std::borrow::Cow<'_, str> {
    first_chars(text, ECHO_CHARS)
}

/// The first `n` characters of `text`, then `…` if there were more.
pub fn first_chars(text: &str, n: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(n) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// Input as a message echoes it: its first [`ECHO_CHARS`] characters, with
/// control and bidirectional characters escaped, so an echoed key or value
/// can neither flood a log nor start a line of its own.
pub fn echo(text: &str) -> String {
    printable(&first_chars(text, ECHO_CHARS)).into_owned()
}

/// A path as [`printable`] text. Bytes that are not UTF-8 (a file name is
/// any bytes on Unix) are shown as `\xff` rather than silently replaced, so
/// the name shown is the name on disk and says it is not text.
pub fn printable_path(path: &std::path::Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(&printable(chunk.valid()));
            for byte in chunk.invalid() {
                out.push_str(&format!("\\x{byte:02x}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        printable(&path.to_string_lossy()).into_owned()
    }
}

/// [`printable`] for text that may hold our own line breaks (a message with
/// its help line): newlines stay, everything else that acts is escaped.
pub fn printable_lines(text: &str) -> std::borrow::Cow<'_, str> {
    escape(text, |c| c != '\n' && acts(c))
}

fn escape(text: &str, unsafe_char: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            _ if !unsafe_char(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The start of every line of a text, so that many locations in one file
/// cost a binary search each instead of a scan from the top.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `src` once.
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The location of byte offset `byte` in `src` (the text this index was
    /// built from), clamped to the text; the same as [`Location::of`].
    pub fn locate(&self, src: &str, byte: usize) -> Location {
        let mut end = byte.min(src.len());
        while !src.is_char_boundary(end) {
            end -= 1;
        }
        let line = self.starts.partition_point(|s| *s <= end);
        let start = self.starts[line - 1];
        Location {
            line,
            column: src[start..end].chars().count() + 1,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// One problem in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is, when the problem has a place in the file.
    pub location: Option<Location>,
    /// The dotted key it concerns, e.g. `signals.segment`.
    pub key: Option<String>,
    /// What was wrong and what is allowed.
    pub message: String,
    /// How to fix it, when there is a likely fix.
    pub help: Option<String>,
}

impl Problem {
    /// A problem at a location, about a key.
    pub fn at(location: Location, key: &str, message: impl Into<String>) -> Problem {
        Problem {
            location: Some(location),
            key: (!key.is_empty()).then(|| key.to_string()),
            message: message.into(),
            help: None,
        }
    }

    /// Adds a suggested fix.
    pub fn with_help(mut self, help: impl Into<String>) -> Problem {
        self.help = Some(help.into());
        self
    }
}

/// Every problem found in one file; the error a reader returns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct FileProblems {
    /// The file as the user named it (`<stdin>` for standard input).
    pub file: String,
    /// The problems, in the order they appear in the file.
    pub problems: Vec<Problem>,
}

impl FileProblems {
    /// Collects problems for `file`, sorted by where they appear.
    pub fn new(file: &str, mut problems: Vec<Problem>) -> FileProblems {
        problems.sort_by_key(|p| p.location);
        FileProblems {
            file: file.to_string(),
            problems,
        }
    }
}

impl fmt::Display for FileProblems {
    /// Every part that can hold input (the file name, a key, a quoted value
    /// in a message) is shown through [`printable`], so a message is exactly
    /// the lines this writes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}", printable(&self.file))?;
            if let Some(loc) = p.location {
                write!(f, ":{loc}")?;
            }
            write!(f, ": ")?;
            if let Some(key) = &p.key {
                write!(f, "`{}`: ", printable(&short(key)))?;
            }
            write!(f, "{}", printable(&p.message))?;
            if let Some(help) = &p.help {
                write!(f, "\n  help: {}", printable(help))?;
            }
        }
        Ok(())
    }
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase().replace('-', "_");
    let length = lower.chars().count();
    candidates
        .into_iter()
        .filter_map(|c| {
            let candidate = c.to_lowercase().replace('-', "_");
            let within = (candidate.chars().count() / 3).max(2);
            // A truncated key ("viral" for "viral_loops") is a likely slip too.
            let truncated = length >= 4 && candidate.starts_with(&lower);
            // Words further apart in length than that cannot be close, and
            // measuring them would cost in step with the word's length
            // (a 1 MiB id against every id took seconds).
            if !truncated && length.abs_diff(candidate.chars().count()) > within {
                return None;
            }
            let distance = edit_distance(&lower, &candidate);
            (distance <= within || truncated).then_some((distance, c))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Lowercase ASCII words joined by single hyphens, e.g. `define-pql-criteria`.
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echoes_are_cut_to_a_short_prefix() {
        assert_eq!(short("buyer"), "buyer");
        let long = "é".repeat(ECHO_CHARS + 1);
        assert_eq!(short(&long), format!("{}…", "é".repeat(ECHO_CHARS)));
        assert_eq!(short(&"é".repeat(ECHO_CHARS)), "é".repeat(ECHO_CHARS));
    }

    #[test]
    fn locations_count_lines_and_characters() {
        let src = "a = 1\nbé = 2\n";
        assert_eq!(Location::of(src, 0), Location { line: 1, column: 1 });
        assert_eq!(Location::of(src, 6), Location { line: 2, column: 1 });
        // "é" is two bytes but one column.
        assert_eq!(Location::of(src, 9), Location { line: 2, column: 3 });
        // Past the end and inside a character are clamped, not a panic.
        assert_eq!(Location::of(src, 999).line, 3);
        assert_eq!(Location::of(src, 8), Location { line: 2, column: 2 });
        assert_eq!(printable("plain"), "plain");
        assert_eq!(
            printable("a\u{1b}]0;title\u{7}b"),
            "a\\u{1b}]0;title\\u{7}b"
        );
        assert_eq!(printable("x\n::error::y"), "x\\n::error::y");
        assert_eq!(printable("r\u{202e}l"), "r\\u{202e}l");
        assert_eq!(printable_lines("one\ntwo\u{1b}"), "one\ntwo\\u{1b}");
        let index = LineIndex::new(src);
        for byte in 0..=src.len() + 3 {
            assert_eq!(index.locate(src, byte), Location::of(src, byte), "{byte}");
        }
    }

    #[test]
    fn nearest_finds_typos_only() {
        let keys = ["time_to_value", "compliance", "onboarding"];
        assert_eq!(nearest("time_to_valu", keys), Some("time_to_value"));
        assert_eq!(nearest("complience", keys), Some("compliance"));
        assert_eq!(nearest("Onboarding", keys), Some("onboarding"));
        assert_eq!(nearest("time-to-value", keys), Some("time_to_value"));
        assert_eq!(nearest("price", keys), None);
        assert_eq!(
            nearest("viral", ["viral_loops", "instrumented"]),
            Some("viral_loops")
        );
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab_id("define-pql-criteria"));
        assert!(is_kebab_id("a1"));
        assert!(!is_kebab_id("Define"));
        assert!(!is_kebab_id("a--b"));
        assert!(!is_kebab_id("-a"));
        assert!(!is_kebab_id(""));
    }

    #[test]
    fn display_names_file_line_key_and_help() {
        let problems = FileProblems::new(
            "a.toml",
            vec![
                Problem::at(Location { line: 3, column: 1 }, "buyr", "unknown key")
                    .with_help("did you mean `buyer`?"),
                Problem::at(Location { line: 1, column: 1 }, "", "first"),
            ],
        );
        assert_eq!(
            problems.to_string(),
            "a.toml:1:1: first\na.toml:3:1: `buyr`: unknown key\n  help: did you mean `buyer`?"
        );
    }
}
