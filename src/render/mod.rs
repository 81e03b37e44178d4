//! Renderers: assessments in, text out. They never score and never print.
//!
//! One module per format; the sentences and table rows that text and
//! Markdown share are built here once.

pub mod csv;
pub mod gate;
pub mod json;
pub mod markdown;
pub mod prose;
pub mod report;
pub mod text;
pub mod whatif;

use crate::engine::assess::Assessment;
use crate::engine::assess::Summary;
use crate::profile::Money;

/// An output format of the commands that print one result; clap offers
/// these to `--format` as they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables for a terminal.
    Text,
    /// JSON, schema_version 2.
    Json,
    /// Markdown, for reports and pull-request comments.
    Markdown,
}

/// The output formats of `gtm recommend`: those of [`Format`], and CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RecommendFormat {
    /// Tables for a terminal.
    Text,
    /// JSON, schema_version 2 (an array for a portfolio).
    Json,
    /// Markdown, for reports and pull-request comments.
    Markdown,
    /// CSV, one row per profile, for spreadsheets.
    Csv,
}

/// How text output should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Total width in columns.
    pub width: u16,
    /// Whether to use ANSI colour.
    pub colour: bool,
}

/// What the environment says about a text output's looks; see
/// [`TextOptions::detect`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Surroundings<'a> {
    /// Whether stdout is a terminal.
    pub terminal: bool,
    /// The terminal's width in columns, when stdout is one and says.
    pub terminal_width: Option<u16>,
    /// `COLUMNS`.
    pub columns: Option<&'a str>,
    /// `NO_COLOR`.
    pub no_color: Option<&'a str>,
    /// `CLICOLOR_FORCE`.
    pub clicolor_force: Option<&'a str>,
    /// `TERM`.
    pub term: Option<&'a str>,
}

impl TextOptions {
    /// Options from the environment. Width: `COLUMNS` if set (the user's
    /// word), else the terminal's own width when stdout is a terminal, else
    /// 80; kept within 40..=240. Colour: never with `NO_COLOR` set to
    /// anything; always with `CLICOLOR_FORCE` set (and not `0`); otherwise
    /// only on a terminal that is not `TERM=dumb`.
    pub fn detect(env: Surroundings<'_>) -> TextOptions {
        let set = |v: Option<&str>| v.is_some_and(|v| !v.is_empty());
        let width = env
            .columns
            .and_then(|c| c.trim().parse::<u16>().ok())
            .or(env.terminal_width.filter(|_| env.terminal))
            .map_or(80, |w| w.clamp(40, 240));
        let colour = if set(env.no_color) {
            false
        } else if set(env.clicolor_force) && env.clicolor_force != Some("0") {
            true
        } else {
            env.terminal && env.term != Some("dumb")
        };
        TextOptions { width, colour }
    }
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions {
            width: 80,
            colour: false,
        }
    }
}

/// A result to render: the file it came from and its assessment.
#[derive(Debug, Clone, Copy)]
pub struct Evaluated<'a> {
    /// The file name as the user gave it.
    pub file: &'a str,
    /// The assessment.
    pub assessment: &'a Assessment,
}

/// One profile's line in a portfolio: what the table and the CSV show,
/// small enough to keep for ten thousand profiles.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The file as given.
    pub file: String,
    /// The profile's name.
    pub name: String,
    /// Its ACV.
    pub acv: Money,
    /// The decision in brief: motion, band, confidence and counts.
    pub brief: Summary,
}

impl Row {
    /// The row of a profile from its [`Summary`].
    pub fn summary(file: &str, profile: &crate::profile::Profile, s: &Summary) -> Row {
        Row::of(file, &profile.name, profile.acv, s)
    }

    /// The row of one result.
    pub fn new(file: &str, a: &Assessment) -> Row {
        Row::of(file, &a.name, a.acv, &a.summary())
    }

    fn of(file: &str, name: &str, acv: Money, s: &Summary) -> Row {
        Row {
            file: file.to_string(),
            name: name.to_string(),
            acv,
            brief: *s,
        }
    }
}

/// Rounds to two decimals, so output never shows floating-point noise.
pub(crate) fn round2(x: f64) -> f64 {
    let r = (x * 100.0).round() / 100.0;
    // Avoid printing "-0".
    if r == 0.0 { 0.0 } else { r }
}

/// Rounds to four decimals: shares of revenue are whole basis points.
pub(crate) fn round4(x: f64) -> f64 {
    let r = (x * 10_000.0).round() / 10_000.0;
    if r == 0.0 { 0.0 } else { r }
}

/// A share of revenue as a percentage, e.g. "30%" or "12.5%".
pub(crate) fn percent(share: f64) -> String {
    format!("{}%", round2(share * 100.0))
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_and_width_follow_the_environment() {
        let on_terminal = Surroundings {
            terminal: true,
            term: Some("xterm"),
            ..Surroundings::default()
        };
        let detect = TextOptions::detect;
        assert!(detect(on_terminal).colour);
        assert!(!detect(Surroundings::default()).colour, "not a terminal");
        let no_color = |v| Surroundings {
            no_color: Some(v),
            ..on_terminal
        };
        assert!(!detect(no_color("1")).colour);
        assert!(
            detect(no_color("")).colour,
            "an empty NO_COLOR does not count"
        );
        let dumb = Surroundings {
            term: Some("dumb"),
            ..on_terminal
        };
        assert!(!detect(dumb).colour);
        let forced = |v| Surroundings {
            clicolor_force: Some(v),
            ..Surroundings::default()
        };
        assert!(detect(forced("1")).colour, "CLICOLOR_FORCE off a terminal");
        assert!(!detect(forced("0")).colour);
        assert!(
            !detect(Surroundings {
                no_color: Some("1"),
                ..forced("1")
            })
            .colour,
            "NO_COLOR wins"
        );
        let width = |columns, terminal_width, terminal| {
            detect(Surroundings {
                columns,
                terminal_width,
                terminal,
                ..Surroundings::default()
            })
            .width
        };
        assert_eq!(width(None, None, false), 80);
        assert_eq!(width(Some("120"), None, false), 120);
        assert_eq!(width(Some("10"), None, false), 40);
        assert_eq!(width(Some("wide"), None, false), 80);
        assert_eq!(
            width(None, Some(132), true),
            132,
            "the terminal's own width"
        );
        assert_eq!(
            width(None, Some(132), false),
            80,
            "only when stdout is the terminal"
        );
        assert_eq!(width(Some("100"), Some(132), true), 100, "COLUMNS wins");
    }

    #[test]
    fn markup_escapes_what_xml_cannot_carry() {
        assert_eq!(
            escape_markup("a<b>&\"'\t\n\r\u{1b}\u{7}\u{fffe}\u{ffff}z"),
            "a&lt;b&gt;&amp;&quot;&apos;&#9;&#10;&#13;\u{fffd}\u{fffd}\u{fffd}\u{fffd}z"
        );
    }

    #[test]
    fn numbers_print_without_noise() {
        assert_eq!(round2(0.1 + 0.2), 0.3);
        assert_eq!(round4(0.30000000000000004), 0.3);
        assert_eq!(percent(0.125), "12.5%");
    }
}
