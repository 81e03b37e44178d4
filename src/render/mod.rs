//! Renderers: assessments in, text out. They never score and never print.
//!
//! One module per format; the sentences and table rows that text and
//! Markdown share are built here once.

pub mod csv;
pub mod gate;
pub mod json;
pub mod markdown;
pub mod report;
pub mod text;
pub mod whatif;

use crate::Assessment;
use crate::engine::assess::{DecisionView, Summary};
use crate::motion::Motion;
use crate::profile::Money;
use crate::rulebook::Rulebook;

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
    pub fn summary(file: &str, profile: &crate::Profile, s: &Summary) -> Row {
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

/// The ACV range of a band in words, e.g. "$5,000 to $50,000".
pub fn band_range(rules: &Rulebook, motion: Motion) -> String {
    let money = |c: u64| Money::from_cents(c).map_or_else(|_| c.to_string(), |m| m.to_string());
    match rules.band_span(motion) {
        (0, Some(high)) => format!("up to {}", money(high)),
        (low, Some(high)) => format!("{} to {}", money(low), money(high)),
        (low, None) => format!("{} or more", money(low)),
    }
}

/// "product needs-assist (onboarding guided, time_to_value 3 days)".
pub(crate) fn reading_line(d: &DecisionView, i: usize) -> String {
    let r = &d.readings[i];
    let because: Vec<String> = r
        .because
        .iter()
        .map(|(k, v)| format!("{} {v}", k.short()))
        .collect();
    if because.is_empty() {
        r.value.to_string()
    } else {
        format!("{} ({})", r.value, because.join(", "))
    }
}

/// The decision in sentences: band, move or hold, and the motion.
pub fn reasoning(d: &DecisionView, acv: Money, rules: &Rulebook) -> Vec<String> {
    let name = |m: Motion| rules.motion(m).name.as_str();
    let mut out = vec![format!(
        "ACV {acv} falls in the {} band ({}).",
        name(d.acv_band),
        band_range(rules, d.acv_band)
    )];
    for m in &d.moves {
        out.extend(m.messages.iter().map(|t| t.to_string()));
    }
    for h in &d.holds {
        out.push(h.message.to_string());
    }
    if d.moves.is_empty() && d.holds.is_empty() {
        out.push(format!(
            "No rule of the move table applies, so the band's motion stands: {}.",
            name(d.motion)
        ));
    }
    out
}

/// The factor table's rows: factor, answer, what it feeds, source.
pub(crate) fn factor_rows(a: &Assessment) -> Vec<[String; 4]> {
    a.factors
        .iter()
        .map(|f| {
            [
                f.label.to_string(),
                f.value.clone(),
                f.reading.clone(),
                f.source.to_string(),
            ]
        })
        .collect()
}

/// "50% Product-led (PLG), 30% Hybrid (product-led sales)".
pub(crate) fn mix_sentence(a: &Assessment, rules: &Rulebook) -> String {
    let parts: Vec<String> = a
        .motion_mix
        .iter()
        .map(|(m, share)| format!("{} {}", percent(*share), rules.motion(*m).name))
        .collect();
    parts.join(", ")
}

/// The reasoning of a whole profile: the decision's sentences, framed as
/// the company-wide answers' when segments make the headline.
pub fn profile_reasoning(a: &Assessment, rules: &Rulebook) -> Vec<String> {
    let sentences = reasoning(&a.decision, a.acv, rules);
    if a.segments.is_empty() {
        return sentences;
    }
    let mut out = vec!["Read on their own, the company-wide answers decide this way.".to_string()];
    out.extend(sentences);
    out.push(format!(
        "The headline comes from the segments: {}",
        headline_sentence(a, rules)
    ));
    out
}

/// A rulebook condition as people read it, e.g. "onboarding is implementation or custom".
pub(crate) fn condition_text(c: &crate::rulebook::Condition) -> String {
    let key = c.key.get_ref();
    let list = |v: &[crate::rulebook::Text]| {
        v.iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(" or ")
    };
    if let Some(v) = &c.values {
        format!("{key} is {}", list(v))
    } else if let Some(v) = &c.not {
        format!("{key} is not {}", list(v))
    } else if let Some(x) = &c.at_least {
        format!("{key} ≥ {x}")
    } else if let Some(x) = &c.above {
        format!("{key} > {x}")
    } else if let Some(x) = &c.below {
        format!("{key} < {x}")
    } else if let Some(x) = &c.at_most {
        format!("{key} ≤ {x}")
    } else {
        format!("{key} differs from the recommendation")
    }
}

/// `when` and `any` conditions in words; "always" when there are none.
pub(crate) fn conditions_text(
    when: &[crate::rulebook::Condition],
    any: &[crate::rulebook::Condition],
) -> String {
    let mut parts: Vec<String> = when.iter().map(condition_text).collect();
    if !any.is_empty() {
        let either: Vec<String> = any.iter().map(condition_text).collect();
        parts.push(if either.len() == 1 {
            either[0].clone()
        } else {
            format!("any of: {}", either.join("; "))
        });
    }
    if parts.is_empty() {
        "always (everything else)".to_string()
    } else {
        parts.join(", and ")
    }
}

/// How the segments made the headline, in one sentence.
pub(crate) fn headline_sentence(a: &Assessment, rules: &Rulebook) -> String {
    use crate::engine::decide::Headline;
    let name = &rules.motion(a.motion).name;
    match a.headline {
        Headline::BothEnds => format!(
            "{name}: product-led segments and sales-led segments each carry at least 20% of revenue, so the company runs product into its smaller accounts and sales for its larger ones."
        ),
        Headline::Median => format!(
            "{name}: the motion of the median dollar of revenue, counting segments in the order of sales effort."
        ),
        Headline::Single => format!("{name}: the company-wide decision."),
    }
}

/// "3 of 20 done".
pub(crate) fn progress(a: &Assessment) -> String {
    let done = a.checklist.iter().filter(|i| i.done).count();
    format!("{done} of {} done", a.checklist.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_ranges_read_naturally() {
        let r = Rulebook::default_rules();
        assert_eq!(band_range(&r, Motion::SelfServe), "up to $999.99");
        assert_eq!(band_range(&r, Motion::Plg), "$1,000 to $4,999.99");
        assert_eq!(band_range(&r, Motion::Hybrid), "$5,000 to $50,000");
        assert_eq!(band_range(&r, Motion::SalesLed), "$50,000.01 to $250,000");
        assert_eq!(band_range(&r, Motion::Enterprise), "$250,000.01 or more");
    }

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
