//! Annual contract value: parsing "$12k", "12,000", "1.5M" and printing "$12,000".

use std::fmt;
use std::str::FromStr;

/// An amount of US dollars per year; always finite and not negative.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Money(f64);

/// Why a money value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Below zero.
    #[error("an annual contract value cannot be negative")]
    Negative,
    /// NaN or infinite.
    #[error("an annual contract value must be a finite number")]
    NotFinite,
    /// Not a number at all.
    #[error("`{0}` is not an amount of money; write e.g. 12000, \"12,000\", \"$12k\" or \"1.5M\"")]
    Unreadable(String),
}

impl Money {
    /// A checked amount in dollars.
    pub fn new(dollars: f64) -> Result<Money, MoneyError> {
        if !dollars.is_finite() {
            Err(MoneyError::NotFinite)
        } else if dollars < 0.0 {
            Err(MoneyError::Negative)
        } else {
            // -0.0 prints as "$-0"; fold it into 0.
            Ok(Money(dollars + 0.0))
        }
    }

    /// The amount in dollars.
    pub fn dollars(self) -> f64 {
        self.0
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(text: &str) -> Result<Money, MoneyError> {
        let unreadable = || MoneyError::Unreadable(text.to_string());
        let mut s = text.trim();
        if s.starts_with('-') || s.starts_with("$-") {
            return Err(MoneyError::Negative);
        }
        s = s.strip_prefix('$').unwrap_or(s).trim_start();
        let (number, multiplier) = match s.char_indices().last() {
            Some((i, 'k' | 'K')) => (&s[..i], 1e3),
            Some((i, 'm' | 'M')) => (&s[..i], 1e6),
            Some((i, 'b' | 'B')) => (&s[..i], 1e9),
            _ => (s, 1.0),
        };
        let number = number.trim_end();
        if !well_grouped(number) {
            return Err(unreadable());
        }
        let value: f64 = number.replace(',', "").parse().map_err(|_| unreadable())?;
        Money::new(value * multiplier)
    }
}

/// Digits with an optional fraction; commas, if any, separate groups of three.
fn well_grouped(number: &str) -> bool {
    let (whole, fraction) = match number.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (number, None),
    };
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit() || c == ',') {
        return false;
    }
    if let Some(f) = fraction {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    let groups: Vec<&str> = whole.split(',').collect();
    groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3))
}

impl fmt::Display for Money {
    /// "$12,000", or "$12,000.50" when there are cents.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cents = (self.0 * 100.0).round();
        let text = format!("{:.2}", cents / 100.0);
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, "00"));
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if fraction == "00" {
            write!(f, "${grouped}")
        } else {
            write!(f, "${grouped}.{fraction}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dollars(s: &str) -> f64 {
        s.parse::<Money>().unwrap().dollars()
    }

    #[test]
    fn reads_every_documented_form() {
        assert_eq!(dollars("12000"), 12000.0);
        assert_eq!(dollars("12,000"), 12000.0);
        assert_eq!(dollars("$12k"), 12000.0);
        assert_eq!(dollars("$12K"), 12000.0);
        assert_eq!(dollars("1.5M"), 1_500_000.0);
        assert_eq!(dollars("$ 250,000"), 250_000.0);
        assert_eq!(dollars("0"), 0.0);
        assert_eq!(dollars("2.5 k"), 2500.0);
        assert_eq!(dollars("1,234,567.89"), 1_234_567.89);
        assert_eq!(dollars("$1B"), 1e9);
    }

    #[test]
    fn refuses_nonsense() {
        for bad in [
            "", "$", "k", "abc", "12,00", "1,2345", ",100", "1.2.3", "nan", "inf", "12 k k", "1e5",
            "12.", ".5", "$$5",
        ] {
            assert!(
                matches!(bad.parse::<Money>(), Err(MoneyError::Unreadable(_))),
                "{bad:?} should be unreadable"
            );
        }
        assert_eq!("-5k".parse::<Money>(), Err(MoneyError::Negative));
        assert_eq!("$-5".parse::<Money>(), Err(MoneyError::Negative));
        assert_eq!(Money::new(f64::NAN), Err(MoneyError::NotFinite));
        assert_eq!(Money::new(f64::INFINITY), Err(MoneyError::NotFinite));
        assert_eq!(Money::new(-1.0), Err(MoneyError::Negative));
    }

    #[test]
    fn prints_with_thousands_separators() {
        assert_eq!(Money::new(12000.0).unwrap().to_string(), "$12,000");
        assert_eq!(Money::new(50001.0).unwrap().to_string(), "$50,001");
        assert_eq!(Money::new(999.0).unwrap().to_string(), "$999");
        assert_eq!(Money::new(0.0).unwrap().to_string(), "$0");
        assert_eq!(Money::new(-0.0).unwrap().to_string(), "$0");
        assert_eq!(Money::new(1234.5).unwrap().to_string(), "$1,234.50");
        assert_eq!(Money::new(1e6).unwrap().to_string(), "$1,000,000");
    }
}
