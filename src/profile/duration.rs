//! Time to value: parsing "5m", "20 minutes", "3 hours", "2 weeks", "1h 30m".
//!
//! build.rs compiles this file too (`#[path]`), to check the built-in
//! rulebook before the crate builds: it may use only what build.rs provides
//! (`diagnostic`, `motion`, the profile's money and durations, `rulebook`,
//! `engine::validate`); moving it means updating build.rs.

use std::fmt;
use std::str::FromStr;

/// A positive span of time. It is shown in one normal form whatever way it
/// was written (`90 minutes` and `1.5 hours` both show as `90 minutes`).
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    seconds: f64,
}

/// Why a duration was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// Zero length.
    #[error("a time to value must be longer than zero (it is held to the millisecond)")]
    Zero,
    /// Not a duration at all.
    #[error(
        "`{}` is not a duration; write a number and a unit, e.g. \"5m\", \"20 minutes\", \"3 hours\", \"2 days\", \"2 weeks\" or \"3 months\"",
        crate::diagnostic::short(_0)
    )]
    Unreadable(String),
}

const MINUTE: f64 = 60.0;
const HOUR: f64 = 60.0 * MINUTE;
const DAY: f64 = 24.0 * HOUR;

/// Unit names and their length in seconds. `m` is minutes and `M` months, as
/// in humantime; every other unit is matched without regard to case.
const UNITS: &[(&[&str], f64)] = &[
    (&["s", "sec", "secs", "second", "seconds"], 1.0),
    (&["min", "mins", "minute", "minutes"], MINUTE),
    (&["h", "hr", "hrs", "hour", "hours"], HOUR),
    (&["d", "day", "days"], DAY),
    (&["w", "wk", "wks", "week", "weeks"], 7.0 * DAY),
    (&["mo", "mos", "month", "months"], 30.0 * DAY),
    (&["y", "yr", "yrs", "year", "years"], 365.0 * DAY),
];

fn unit_seconds(unit: &str) -> Option<f64> {
    match unit {
        "m" => return Some(MINUTE),
        "M" => return Some(30.0 * DAY),
        _ => {}
    }
    let lower = unit.to_lowercase();
    UNITS
        .iter()
        .find(|(names, _)| names.contains(&lower.as_str()))
        .map(|(_, secs)| *secs)
}

impl Duration {
    /// Length in seconds.
    pub fn seconds(&self) -> f64 {
        self.seconds
    }

    /// Length in minutes.
    pub fn minutes(&self) -> f64 {
        self.seconds / MINUTE
    }
}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Duration, DurationError> {
        let unreadable = || DurationError::Unreadable(text.to_string());
        let trimmed = text.trim();
        let mut rest = trimmed;
        let mut seconds = 0.0;
        let mut parts = 0;
        while !rest.is_empty() {
            let number_len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            let number = &rest[..number_len];
            if number.is_empty() || number.starts_with('.') || number.ends_with('.') {
                return Err(unreadable());
            }
            let value: f64 = number.parse().map_err(|_| unreadable())?;
            rest = rest[number_len..].trim_start();
            let unit_len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let unit = unit_seconds(&rest[..unit_len]).ok_or_else(unreadable)?;
            seconds += value * unit;
            parts += 1;
            rest = rest[unit_len..].trim_start_matches(|c: char| c.is_whitespace() || c == ',');
            if parts > 8 {
                return Err(unreadable());
            }
        }
        // Held in whole milliseconds, as money is held in cents, so what is
        // shown is what decides: "23.99999999 hours" is a day, shown and
        // decided as one.
        let millis = (seconds * 1000.0).round();
        if parts == 0 || !millis.is_finite() || millis > MAX_MILLIS {
            return Err(unreadable());
        }
        if millis <= 0.0 {
            return Err(DurationError::Zero);
        }
        Ok(Duration {
            seconds: millis / 1000.0,
        })
    }
}

/// The longest duration read, in milliseconds: far beyond any time to
/// value, and exact in a float.
const MAX_MILLIS: f64 = 9_007_199_254_740_992.0;

/// The units a duration is shown in, largest first, as (milliseconds, name).
const SHOWN_UNITS: [(u64, &str); 6] = [
    (30 * 86_400_000, "month"),
    (7 * 86_400_000, "week"),
    (86_400_000, "day"),
    (3_600_000, "hour"),
    (60_000, "minute"),
    (1_000, "second"),
];

impl fmt::Display for Duration {
    /// The largest unit that gives a whole number (`2 weeks`, `90 minutes`,
    /// `3 months`), else the largest that gives one decimal (`1.5 days`),
    /// else seconds.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Exact: the length is a whole number of milliseconds.
        let millis = (self.seconds * 1000.0).round() as u64;
        let whole = SHOWN_UNITS
            .iter()
            .find(|(unit, _)| millis >= *unit && millis % unit == 0);
        let tenths = || {
            SHOWN_UNITS
                .iter()
                .find(|(unit, _)| millis >= *unit && (millis * 10) % unit == 0)
        };
        let Some((unit, name)) = whole.or_else(tenths) else {
            // Nothing rounder says it exactly: the seconds, to the millisecond.
            let seconds = format!("{}.{:03}", millis / 1000, millis % 1000);
            let seconds = seconds.trim_end_matches('0').trim_end_matches('.');
            return write!(f, "{seconds} seconds");
        };
        let tenths_of_unit = millis * 10 / unit;
        let n = if tenths_of_unit % 10 == 0 {
            (tenths_of_unit / 10).to_string()
        } else {
            format!("{}.{}", tenths_of_unit / 10, tenths_of_unit % 10)
        };
        let plural = if n == "1" { "" } else { "s" };
        write!(f, "{n} {name}{plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: &str) -> f64 {
        s.parse::<Duration>().unwrap().seconds()
    }

    #[test]
    fn one_duration_shows_one_way() {
        let shown = |s: &str| s.parse::<Duration>().unwrap().to_string();
        assert_eq!(shown("90 minutes"), "90 minutes");
        assert_eq!(shown("1.5 hours"), "90 minutes");
        assert_eq!(shown("1h 30m"), "90 minutes");
        assert_eq!(shown("5m"), "5 minutes");
        assert_eq!(shown("1 hour"), "1 hour");
        assert_eq!(shown("60 minutes"), "1 hour");
        assert_eq!(shown("2 Days"), "2 days");
        assert_eq!(shown("14 days"), "2 weeks");
        assert_eq!(shown("6 weeks"), "6 weeks");
        assert_eq!(shown("3M"), "3 months");
        assert_eq!(shown("0.5 days"), "12 hours");
        assert_eq!(shown("1.5 days"), "36 hours");
        assert_eq!(shown("10 seconds"), "10 seconds");
        assert_eq!(shown("0.25 seconds"), "0.25 seconds");
        // Held to the millisecond: shown as it decides.
        assert_eq!(shown("23.99999999 hours"), "1 day");
        assert_eq!(secs("23.99999999 hours"), DAY);
        assert_eq!(shown("6.9999999999 days"), "1 week");
        assert_eq!(secs("6.9999999999 days"), 7.0 * DAY);
        assert_eq!(shown("86399.5 seconds"), "86399.5 seconds");
        assert!("0.0001 seconds".parse::<Duration>().is_err());
        // Whatever is shown reads back as the same length.
        for text in [
            "90 minutes",
            "1.5 hours",
            "6 weeks",
            "0.5 days",
            "3M",
            "2 days",
            "0.04s",
            "86399 seconds",
        ] {
            let d: Duration = text.parse().unwrap();
            let again: Duration = d.to_string().parse().unwrap();
            assert_eq!(again.seconds(), d.seconds(), "{text}");
        }
    }

    #[test]
    fn reads_every_documented_form() {
        assert_eq!(secs("5m"), 300.0);
        assert_eq!(secs("20 minutes"), 1200.0);
        assert_eq!(secs("3 hours"), 3.0 * HOUR);
        assert_eq!(secs("2 weeks"), 14.0 * DAY);
        assert_eq!(secs("3 months"), 90.0 * DAY);
        assert_eq!(secs("3M"), 90.0 * DAY);
        assert_eq!(secs("1h 30m"), 90.0 * MINUTE);
        assert_eq!(secs("1 hour, 30 minutes"), 90.0 * MINUTE);
        assert_eq!(secs("0.5 days"), 12.0 * HOUR);
        assert_eq!(secs("2 Days"), 2.0 * DAY);
        assert_eq!(secs("90s"), 90.0);
    }

    #[test]
    fn keeps_the_users_words() {
        assert_eq!(
            "  20 minutes ".parse::<Duration>().unwrap().to_string(),
            "20 minutes"
        );
    }

    #[test]
    fn refuses_zero_and_nonsense() {
        assert_eq!("0m".parse::<Duration>(), Err(DurationError::Zero));
        assert_eq!(
            "0 days 0 hours".parse::<Duration>(),
            Err(DurationError::Zero)
        );
        for bad in [
            "",
            "soon",
            "5",
            "minutes",
            "-5m",
            "5 fortnights",
            "1e3 days",
            "nan m",
            ".5h",
            "5.m",
            "5m 5",
            "1 2 3",
            "1m1m1m1m1m1m1m1m1m",
        ] {
            assert!(
                matches!(bad.parse::<Duration>(), Err(DurationError::Unreadable(_))),
                "{bad:?} should be unreadable"
            );
        }
    }
}
