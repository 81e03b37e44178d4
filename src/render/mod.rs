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

use crate::motion::Motion;
use crate::profile::Money;
use crate::rulebook::{Lean, Rulebook};
use crate::score::{Assessment, Limit, Step};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Text,
    /// JSON (schema_version 1).
    Json,
    /// GitHub-flavoured Markdown.
    Markdown,
}

/// How text output should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Total width in columns.
    pub width: u16,
    /// Whether to use ANSI colour.
    pub colour: bool,
}

impl TextOptions {
    /// Options from the environment: `width` from `COLUMNS` (else 80, kept
    /// within 40..=240), colour only on a terminal, never with `NO_COLOR`
    /// set to anything or `TERM=dumb`.
    pub fn detect(
        stdout_is_terminal: bool,
        columns: Option<&str>,
        no_color: Option<&str>,
        term: Option<&str>,
    ) -> TextOptions {
        let width = columns
            .and_then(|c| c.trim().parse::<u16>().ok())
            .map_or(80, |w| w.clamp(40, 240));
        let no_color = no_color.is_some_and(|v| !v.is_empty());
        let dumb = term == Some("dumb");
        TextOptions {
            width,
            colour: stdout_is_terminal && !no_color && !dumb,
        }
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
    /// The recommended motion.
    pub motion: Motion,
    /// The ACV band.
    pub acv_band: Motion,
    /// The margin to the nearest other motion.
    pub margin: Option<crate::score::Margin>,
    /// How many conflicts.
    pub conflicts: usize,
    /// How many findings.
    pub findings: usize,
    /// Checklist items done.
    pub done: usize,
    /// Checklist items in all.
    pub total: usize,
}

impl Row {
    /// The row of one result.
    pub fn new(file: &str, a: &Assessment) -> Row {
        Row {
            file: file.to_string(),
            name: a.name.clone(),
            acv: a.acv,
            motion: a.motion,
            acv_band: a.acv_band,
            margin: a.margin,
            conflicts: a.conflicts.len(),
            findings: a.findings.len(),
            done: a.checklist.iter().filter(|i| i.done).count(),
            total: a.checklist.len(),
        }
    }

    /// "3 to plg", or "-".
    pub(crate) fn margin_cell(&self) -> String {
        self.margin.map_or("-".to_string(), |m| {
            format!("{} to {}", round2(m.points), m.motion)
        })
    }
}

/// Rounds to two decimals, so output never shows floating-point noise.
pub(crate) fn round2(x: f64) -> f64 {
    let r = (x * 100.0).round() / 100.0;
    // Avoid printing "-0".
    if r == 0.0 { 0.0 } else { r }
}

/// A weight as people read it: "+1", "-0.5", "0".
pub(crate) fn signed(x: f64) -> String {
    let x = round2(x);
    if x > 0.0 {
        format!("+{x}")
    } else {
        format!("{x}")
    }
}

/// "product (-1)", "sales (+1.5)" or "none".
pub(crate) fn lean_cell(lean: Lean, weight: f64) -> String {
    match lean {
        Lean::None => "none".to_string(),
        _ => format!("{} ({})", lean.id(), signed(weight)),
    }
}

/// Escapes text for XML and HTML alike (JUnit reports, the client report).
/// Control characters other than newline and tab become spaces, because
/// XML 1.0 cannot carry them at all.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The ACV range of a band in words, e.g. "$5,000 to $50,000".
pub fn band_range(rules: &Rulebook, motion: Motion) -> String {
    let money = |x: f64| Money::new(x).map_or_else(|_| x.to_string(), |m| m.to_string());
    let (lower, upper) = rules.band_edges(motion);
    match (lower, upper) {
        (None, Some((u, true))) => format!("up to {}", money(u)),
        (None, Some((u, false))) => format!("under {}", money(u)),
        (Some((l, true)), None) => format!("{} or more", money(l)),
        (Some((l, false)), None) => format!("over {}", money(l)),
        (Some((l, li)), Some((u, ui))) => format!(
            "{}{} to {}{}",
            if li { "" } else { "over " },
            money(l),
            if ui { "" } else { "under " },
            money(u)
        ),
        (None, None) => "any ACV".to_string(),
    }
}

/// Sentences explaining how the motion was reached, in order.
pub fn reasoning(a: &Assessment, rules: &Rulebook) -> Vec<String> {
    let name = |m: Motion| rules.motion(m).name.as_str();
    let mut out = vec![format!(
        "ACV {} falls in the {} band ({}).",
        a.acv,
        name(a.acv_band),
        band_range(rules, a.acv_band)
    )];
    let score = signed(a.lean_score);
    let t = round2(a.threshold);
    out.push(match a.step {
        Step::Stay => format!(
            "The answers add up to a net lean of {score}, short of the ±{t} needed to move the motion, so the band's motion stands."
        ),
        Step::TowardProduct => format!(
            "The answers add up to a net lean of {score}, past -{t}, so the motion moves one step toward product."
        ),
        Step::TowardSales => format!(
            "The answers add up to a net lean of {score}, past +{t}, so the motion moves one step toward sales."
        ),
    });
    if let Some(limit) = a.limit {
        out.push(match limit {
            Limit::SelfServeNeedsNoSalesLean => format!(
                "{} requires that no answer leans toward sales; at least one does, so the motion is {}.",
                name(Motion::SelfServe),
                name(a.motion)
            ),
            Limit::SelfServeNeedsLowestBand => format!(
                "{} is kept for ACV {}, so the motion stays {}.",
                name(Motion::SelfServe),
                band_range(rules, Motion::SelfServe),
                name(a.motion)
            ),
            Limit::EnterpriseNeedsHighestBand => format!(
                "{} is kept for ACV {}, so the motion stays {}.",
                name(Motion::Enterprise),
                band_range(rules, Motion::Enterprise),
                name(a.motion)
            ),
            Limit::EndOfScale => format!("{} is already at that end of the scale.", name(a.motion)),
        });
    }
    out
}

/// One sentence on how close another motion is.
pub fn margin_sentence(a: &Assessment, rules: &Rulebook) -> String {
    match a.margin {
        Some(m) => {
            let direction = if m.motion < a.motion {
                "product"
            } else {
                "sales"
            };
            let points = round2(m.points);
            let unit = if points == 1.0 { "point" } else { "points" };
            format!(
                "{points} {unit} more lean toward {direction} would make it {}.",
                rules.motion(m.motion).name
            )
        }
        None => "No change of lean alone would change the motion.".to_string(),
    }
}

/// The factor table's rows: factor, answer, lean, source.
pub(crate) fn factor_rows(a: &Assessment) -> Vec<[String; 4]> {
    a.factors
        .iter()
        .map(|f| {
            let lean = if f.id == "acv" {
                "sets the band".to_string()
            } else {
                lean_cell(f.lean, f.weight)
            };
            [f.label.clone(), f.value.clone(), lean, f.source.clone()]
        })
        .collect()
}

/// "50% Product-led (PLG), 30% Hybrid (product-led sales)".
pub(crate) fn mix_sentence(a: &Assessment, rules: &Rulebook) -> String {
    let parts: Vec<String> = a
        .motion_mix
        .iter()
        .map(|(m, share)| format!("{}% {}", round2(share * 100.0), rules.motion(*m).name))
        .collect();
    let assigned: f64 = a.motion_mix.iter().map(|(_, s)| s).sum();
    let mut text = parts.join(", ");
    if assigned < 0.999 {
        text.push_str(&format!(
            ", {}% not in a described segment",
            round2((1.0 - assigned) * 100.0)
        ));
    }
    text
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
        assert_eq!(band_range(&r, Motion::SelfServe), "under $1,000");
        assert_eq!(band_range(&r, Motion::Plg), "$1,000 to under $5,000");
        assert_eq!(band_range(&r, Motion::Hybrid), "$5,000 to $50,000");
        assert_eq!(band_range(&r, Motion::SalesLed), "over $50,000 to $250,000");
        assert_eq!(band_range(&r, Motion::Enterprise), "over $250,000");
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        let detect = TextOptions::detect;
        assert!(detect(true, None, None, Some("xterm")).colour);
        assert!(!detect(false, None, None, Some("xterm")).colour);
        assert!(!detect(true, None, Some("1"), None).colour);
        assert!(
            detect(true, None, Some(""), None).colour,
            "an empty NO_COLOR does not count"
        );
        assert!(!detect(true, None, None, Some("dumb")).colour);
        assert_eq!(detect(false, None, None, None).width, 80);
        assert_eq!(detect(false, Some("120"), None, None).width, 120);
        assert_eq!(detect(false, Some("10"), None, None).width, 40);
        assert_eq!(detect(false, Some("wide"), None, None).width, 80);
    }

    #[test]
    fn numbers_print_without_noise() {
        assert_eq!(signed(0.1 + 0.2), "+0.3");
        assert_eq!(signed(-0.0), "0");
        assert_eq!(signed(-2.5), "-2.5");
        assert_eq!(lean_cell(Lean::Product, -1.0), "product (-1)");
    }
}
