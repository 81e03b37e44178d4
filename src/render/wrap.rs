//! Wrapping text to a width, measured in display columns (a CJK
//! character or an emoji takes two), at word boundaries.

use unicode_width::UnicodeWidthStr;

/// The display width of `text`: its length when it is printable ASCII (as
/// nearly every word the tool prints is; asking unicode-width character by
/// character was a quarter of rendering a result), else unicode-width's.
pub fn columns(text: &str) -> usize {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        text.len()
    } else {
        text.width()
    }
}

/// Wraps `text` to `width` columns; the first line starts with `first`, the rest with `rest`.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::with_capacity(text.len() + first.len() + 16);
    wrap_into(&mut out, text, width, first, rest);
    out
}

/// [`wrap`], appended to `out` without building the lines apart: rendering
/// a result wraps dozens of paragraphs, and their copies add up.
pub fn wrap_into(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    // Nearly all text is printable ASCII: split it byte by byte instead of
    // decoding characters (a tenth of rendering a result). Both splits
    // agree on such text; anything else takes the Unicode one.
    if columns(text) == text.len() {
        wrap_words(
            out,
            text.split_ascii_whitespace().peekable(),
            width,
            first,
            rest,
        );
    } else {
        wrap_words(out, text.split_whitespace().peekable(), width, first, rest);
    }
}

/// [`wrap_into`] over words already split.
fn wrap_words<'a>(
    out: &mut String,
    mut words: std::iter::Peekable<impl Iterator<Item = &'a str>>,
    width: usize,
    first: &str,
    rest: &str,
) {
    if words.peek().is_none() {
        out.push_str(first.trim_end());
        return;
    }
    out.push_str(first);
    // Widths are display columns: a CJK character or an emoji takes two.
    let mut line_len = columns(first);
    let mut empty = true;
    for word in words {
        let len = columns(word);
        // A word that starts with `:` or `#` never starts a line: CI
        // runners read `::error ...` (GitHub), `##vso[...]` (Azure) and
        // `##teamcity[...]` from the start of log lines, and such a word
        // can come from a profile. It stays on the line before, past the width.
        let may_start_line = !word.starts_with([':', '#']);
        if !empty && line_len + 1 + len > width && may_start_line {
            out.push('\n');
            out.push_str(rest);
            line_len = columns(rest);
            empty = true;
        }
        if !empty {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += len;
        empty = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_counts_display_columns() {
        // Each of these takes two columns: six words of four columns each.
        let text = "漢字 漢字 漢字 🚀🚀 🚀🚀 🚀🚀";
        let wrapped = wrap(text, 10, "", "");
        assert!(wrapped.lines().all(|l| l.width() <= 10), "{wrapped}");
        assert_eq!(wrapped.lines().count(), 3, "{wrapped}");
        // A word starting with `:` or `#` never starts a line.
        let wrapped = wrap("aaaa bbbb ::error::x", 9, "", "");
        assert!(wrapped.lines().all(|l| !l.starts_with("::")), "{wrapped}");
    }

    proptest::proptest! {
        /// The byte-wise split taken for printable ASCII wraps exactly as
        /// the Unicode split does, and `columns` agrees with unicode-width.
        #[test]
        fn the_ascii_fast_path_wraps_as_the_unicode_path(
            text in "[ -~]{0,200}|[ -~\u{a0}\u{3000}漢\t\n]{0,80}",
            width in 1usize..60,
        ) {
            let mut slow = String::new();
            wrap_words(&mut slow, text.split_whitespace().peekable(), width, "> ", "  ");
            proptest::prop_assert_eq!(wrap(&text, width, "> ", "  "), slow);
            if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
                proptest::prop_assert_eq!(columns(&text), text.width());
            }
        }
    }

    #[test]
    fn wrap_respects_width_and_indents() {
        let text = "one two three four five six seven";
        assert_eq!(
            wrap(text, 14, "> ", "  "),
            "> one two\n  three four\n  five six\n  seven"
        );
        assert_eq!(wrap("", 10, "a: ", ""), "a:");
        // A word longer than the width stands on its own line rather than being cut.
        assert_eq!(wrap("abcdefghijkl x", 5, "", ""), "abcdefghijkl\nx");
    }
}
