//! Renderers: assessments in, text out. They never score and never print.
//!
//! One module per format; the sentences and table rows that text and
//! Markdown share are built here once.

pub mod csv;
pub mod escape;
pub mod gate;
pub mod html;
pub mod json;
pub mod markdown;
pub mod meta;
pub mod options;
pub mod prose;
pub mod text;
pub mod wrap;

use crate::engine::assess::Assessment;
use crate::engine::assess::Summary;
use crate::profile::Money;

pub use options::{Surroundings, TextOptions};

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

/// The output formats of `gtm pql`: those of [`Format`], and CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PqlFormat {
    /// Tables for a terminal.
    Text,
    /// JSON, its own schema_version 1.
    Json,
    /// Markdown, for a report or a pull-request comment.
    Markdown,
    /// CSV, one row per account, for a CRM import.
    Csv,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_without_noise() {
        assert_eq!(round2(0.1 + 0.2), 0.3);
        assert_eq!(round4(0.30000000000000004), 0.3);
        assert_eq!(percent(0.125), "12.5%");
    }
}
