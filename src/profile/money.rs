//! Annual contract value: parsing "$12k", "12,000", "1.5M" and printing
//! "$12,000". Held exactly in integer cents, so what is shown is what was
//! decided: "4,999.999" is refused rather than rounded to $5,000.
//!
//! build.rs compiles this file too (`#[path]`), to check the built-in
//! rulebook before the crate builds: it may use only what build.rs provides
//! (`diagnostic`, `motion`, the profile's money and durations, `rulebook`,
//! `engine::validate`); moving it means updating build.rs.

use std::fmt;
use std::str::FromStr;

/// The largest ACV a profile may give: $10B a year, in cents.
pub const MAX_CENTS: u64 = 10_000_000_000 * 100;

/// An amount of US dollars per year, in whole cents; never negative, at most $10B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(u64);

/// Why a money value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Below zero.
    #[error("an annual contract value cannot be negative")]
    Negative,
    /// NaN or infinite.
    #[error("an annual contract value must be a finite number")]
    NotFinite,
    /// More than $10B.
    #[error("an annual contract value must be at most $10,000,000,000")]
    TooLarge,
    /// Finer than a cent.
    #[error("an annual contract value has at most two decimals (whole cents)")]
    FractionOfCent,
    /// Not a number at all.
    #[error("`{}` is not an amount of money", crate::diagnostic::short(_0))]
    Unreadable(String),
    /// A price per month, where a contract value per year belongs.
    #[error(
        "`{}` is a monthly price, and an annual contract value is per year: write {yearly:?} (12 times it)",
        crate::diagnostic::short(text)
    )]
    Monthly {
        /// What was written.
        text: String,
        /// Twelve times the monthly amount, as it would be written.
        yearly: String,
    },
}

/// Ways of saying "per month" after an amount (`$1,500/month`), lower case.
const PER_MONTH: [&str; 7] = [
    "/month",
    "/mo",
    "per month",
    "a month",
    "monthly",
    "/ month",
    "mrr",
];

/// Ways of saying "per year", which an annual contract value already is.
const PER_YEAR: [&str; 7] = [
    "/year", "/yr", "per year", "a year", "annually", "/ year", "arr",
];

impl Money {
    /// An amount in whole cents.
    pub fn from_cents(cents: u64) -> Result<Money, MoneyError> {
        if cents > MAX_CENTS {
            Err(MoneyError::TooLarge)
        } else {
            Ok(Money(cents))
        }
    }

    /// An amount in whole dollars.
    pub fn from_dollars(dollars: u64) -> Result<Money, MoneyError> {
        dollars
            .checked_mul(100)
            .map_or(Err(MoneyError::TooLarge), Money::from_cents)
    }

    /// A checked amount in dollars, which must be whole cents.
    pub fn new(dollars: f64) -> Result<Money, MoneyError> {
        if !dollars.is_finite() {
            return Err(MoneyError::NotFinite);
        }
        if dollars < 0.0 {
            return Err(MoneyError::Negative);
        }
        if dollars > (MAX_CENTS / 100) as f64 {
            return Err(MoneyError::TooLarge);
        }
        // Printing with Rust's shortest round-trip form and reading that
        // decimal text exactly keeps 12000.5 as 1,200,050 cents and refuses
        // 0.125 instead of rounding it.
        // Adding 0.0 folds -0.0 into 0.0, which would print as "-0".
        let text = format!("{}", dollars + 0.0);
        if text.contains('e') {
            return Err(MoneyError::FractionOfCent);
        }
        exact_cents(&text, 1).ok_or(MoneyError::FractionOfCent)?
    }

    /// The amount in whole cents.
    pub fn cents(self) -> u64 {
        self.0
    }

    /// The amount in dollars (for display arithmetic only; decisions use cents).
    pub fn dollars(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

/// `number` (digits, optional fraction) times `multiplier`, in exact cents;
/// `None` when that is not a whole number of cents. Over $10B is an error.
fn exact_cents(number: &str, multiplier: u64) -> Option<Result<Money, MoneyError>> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    // Zeros after the last digit say nothing ("0.000…0" is zero).
    let fraction = fraction.trim_end_matches('0');
    let whole = whole.trim_start_matches('0');
    if whole.len() > 30 {
        return Some(Err(MoneyError::TooLarge));
    }
    // No multiplier makes more than 11 decimals whole cents (5e-324 is
    // finer than a cent, not too large).
    if fraction.len() > 30 {
        return None;
    }
    let digits = |s: &str| -> Option<u128> {
        if s.is_empty() {
            Some(0)
        } else {
            s.parse::<u128>().ok()
        }
    };
    let whole = digits(whole)?;
    let frac = digits(fraction)?;
    let scale = 10u128.checked_pow(u32::try_from(fraction.len()).ok()?)?;
    let per = u128::from(multiplier) * 100;
    let total = whole
        .checked_mul(per)?
        .checked_add(frac.checked_mul(per)? / scale)?;
    if frac.checked_mul(per)? % scale != 0 {
        return None;
    }
    Some(match u64::try_from(total) {
        Ok(cents) => Money::from_cents(cents),
        Err(_) => Err(MoneyError::TooLarge),
    })
}

impl FromStr for Money {
    type Err = MoneyError;

    fn from_str(text: &str) -> Result<Money, MoneyError> {
        let unreadable = || MoneyError::Unreadable(text.to_string());
        let mut s = text.trim();
        let lower = s.to_ascii_lowercase();
        if let Some(suffix) = PER_YEAR.iter().find(|p| lower.ends_with(*p)) {
            // "$12k/year" says what acv means anyway.
            s = s[..s.len() - suffix.len()].trim_end();
        } else if let Some(suffix) = PER_MONTH.iter().find(|p| lower.ends_with(*p)) {
            let monthly = s[..s.len() - suffix.len()].trim_end();
            return match monthly.parse::<Money>() {
                Ok(m) => {
                    let yearly = m.cents().saturating_mul(12);
                    Err(MoneyError::Monthly {
                        text: text.to_string(),
                        yearly: Money::from_cents(yearly)
                            .map_or_else(|_| "more than $10B".to_string(), |y| y.to_string()),
                    })
                }
                Err(_) => Err(unreadable()),
            };
        }
        if let Some(rest) = s.strip_prefix("$-").or_else(|| s.strip_prefix('-')) {
            // "-0" is zero, as the TOML number -0 is.
            return match rest.parse::<Money>() {
                Ok(zero) if zero.cents() == 0 => Ok(zero),
                _ => Err(MoneyError::Negative),
            };
        }
        s = s.strip_prefix('$').unwrap_or(s).trim_start();
        let (number, multiplier) = match s.char_indices().last() {
            Some((i, 'k' | 'K')) => (&s[..i], 1_000),
            Some((i, 'm' | 'M')) => (&s[..i], 1_000_000),
            Some((i, 'b' | 'B')) => (&s[..i], 1_000_000_000),
            _ => (s, 1),
        };
        let number = number.trim_end();
        if !well_grouped(number) {
            return Err(unreadable());
        }
        match exact_cents(&number.replace(',', ""), multiplier) {
            Some(result) => result,
            None => Err(MoneyError::FractionOfCent),
        }
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
    // "0,012" is no amount: a grouped number does not start with zero.
    groups.len() == 1
        || (!groups[0].is_empty()
            && !groups[0].starts_with('0')
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3))
}

impl fmt::Display for Money {
    /// "$12,000", or "$12,000.50" when there are cents.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = (self.0 / 100).to_string();
        let fraction = format!("{:02}", self.0 % 100);
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
    fn tiny_negative_zero_and_grouped_zero_amounts() {
        assert_eq!(Money::new(5e-324), Err(MoneyError::FractionOfCent));
        assert_eq!(
            "0.0000000000000000000000000000001".parse::<Money>(),
            Err(MoneyError::FractionOfCent)
        );
        assert_eq!(
            "0.0000000000000000000000000000000"
                .parse::<Money>()
                .map(Money::cents),
            Ok(0)
        );
        assert_eq!("-0".parse::<Money>().map(Money::cents), Ok(0));
        assert_eq!("$-0.00".parse::<Money>().map(Money::cents), Ok(0));
        assert_eq!(Money::new(-0.0).map(Money::cents), Ok(0));
        assert_eq!("-0.01".parse::<Money>(), Err(MoneyError::Negative));
        assert!(matches!(
            "0,012".parse::<Money>(),
            Err(MoneyError::Unreadable(_))
        ));
        assert_eq!("1,012".parse::<Money>().map(Money::cents), Ok(101_200));
    }

    #[test]
    fn a_monthly_price_is_pointed_to_its_yearly_value_and_per_year_is_fine() {
        for (monthly, yearly) in [
            ("$1,500/month", "$18,000"),
            ("1.5k per month", "$18,000"),
            ("$99/mo", "$1,188"),
            ("250 monthly", "$3,000"),
        ] {
            match monthly.parse::<Money>() {
                Err(MoneyError::Monthly { yearly: y, .. }) => assert_eq!(y, yearly, "{monthly}"),
                other => panic!("{monthly}: {other:?}"),
            }
        }
        assert!(matches!(
            "lots/month".parse::<Money>(),
            Err(MoneyError::Unreadable(_))
        ));
        for yearly in ["$18k/year", "18,000 per year", "$18k ARR", "18000/yr"] {
            assert_eq!(
                yearly.parse::<Money>().map(Money::cents),
                Ok(1_800_000),
                "{yearly}"
            );
        }
        // The message quotes the value once and gives no examples twice.
        let message = "abc".parse::<Money>().unwrap_err().to_string();
        assert_eq!(message, "`abc` is not an amount of money");
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
    fn amounts_are_exact_cents() {
        assert_eq!("4,999.99".parse::<Money>().unwrap().cents(), 499_999);
        assert_eq!(
            "4,999.999".parse::<Money>(),
            Err(MoneyError::FractionOfCent)
        );
        assert_eq!("1.005k".parse::<Money>().unwrap().cents(), 100_500);
        assert_eq!(
            "1.000005k".parse::<Money>(),
            Err(MoneyError::FractionOfCent)
        );
        assert_eq!("1.00501M".parse::<Money>().unwrap().cents(), 100_501_000);
        assert_eq!(Money::new(0.125), Err(MoneyError::FractionOfCent));
        assert_eq!(Money::new(12000.5).unwrap().cents(), 1_200_050);
        assert_eq!(Money::new(1e307), Err(MoneyError::TooLarge));
        assert_eq!("$10B".parse::<Money>().unwrap().cents(), MAX_CENTS);
        assert_eq!(
            "10,000,000,000.01".parse::<Money>(),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(
            "99999999999999999999999999999999999".parse::<Money>(),
            Err(MoneyError::TooLarge)
        );
        assert_eq!(Money::from_cents(99_999).unwrap().to_string(), "$999.99");
        assert_eq!(
            Money::from_cents(5_000_001).unwrap().to_string(),
            "$50,000.01"
        );
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
