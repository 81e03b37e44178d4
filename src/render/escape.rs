//! Escaping of text taken from input for the formats it lands in: XML
//! and HTML (the report, JUnit) and Markdown (inline text and table cells).

/// Escapes text for XML and HTML alike, in text and in attributes (JUnit
/// reports, the client report). Tab, newline and carriage return become
/// character references, which attributes keep (a raw one is normalised to a
/// space); characters XML 1.0 cannot carry at all (other C0 controls, U+FFFE,
/// U+FFFF) become U+FFFD, the replacement character.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Text from input (a name, a file name) as inert Markdown: every character
/// that could start markup (a link, an image, HTML, emphasis, code, a
/// heading, a table cell) becomes an HTML character reference, which renders
/// as itself; control characters are shown escaped. Safe in headings and in
/// table cells alike.
pub fn inline(text: &str) -> String {
    let text = crate::diagnostic::printable(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // `:` and `@` start GitHub's extended autolinks (`https://`,
            // `mailto:`, an e-mail address) and `@user` mentions, which
            // notify people when the output is posted as a comment.
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '#' | '!' | '|' | '~' | '{' | '}'
            | ':' | '@' => {
                out.push_str(&format!("&#{};", u32::from(c)));
            }
            // So does `www.`.
            '.' if out.len() >= 3
                && out.as_bytes()[out.len() - 3..].eq_ignore_ascii_case(b"www") =>
            {
                out.push_str("&#46;");
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for a table cell: pipes and line breaks would end the cell.
pub fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_what_xml_cannot_carry() {
        assert_eq!(
            escape_markup("a<b>&\"'\t\n\r\u{1b}\u{7}\u{fffe}\u{ffff}z"),
            "a&lt;b&gt;&amp;&quot;&apos;&#9;&#10;&#13;\u{fffd}\u{fffd}\u{fffd}\u{fffd}z"
        );
    }
}
