//! The names a rulebook condition may read: profile keys and the three
//! readings, resolved once when the rulebook is loaded so that evaluating a
//! condition never compares key strings.
//!
//! build.rs compiles this file too (`#[path]`), to check the built-in
//! rulebook before the crate builds: it may use only what build.rs provides
//! (`diagnostic`, `motion`, the profile's money and durations, `rulebook`,
//! `engine::validate`); moving it means updating build.rs.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment, SwitchingCost};

const YES_NO: &[&str] = &["true", "false"];

pub use crate::motion::{PRACTICE_KEYS as PRACTICES, SIGNAL_KEYS as SIGNALS};

/// One of the three readings of model 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reading {
    /// Can the product sell itself?
    Product,
    /// Who decides?
    Buyer,
    /// Is there product pull already?
    Pull,
}

impl Reading {
    /// The three readings, in the order they are shown.
    pub const ALL: [Reading; 3] = [Reading::Product, Reading::Buyer, Reading::Pull];

    /// The id used in rulebooks and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Reading::Product => "product",
            Reading::Buyer => "buyer",
            Reading::Pull => "pull",
        }
    }

    /// Its values, from the most product-led to the most sales-heavy.
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Reading::Product => &["sells-itself", "needs-assist", "needs-sales"],
            Reading::Buyer => &["bottom-up", "top-down"],
            Reading::Pull => &["yes", "no"],
        }
    }
}

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Reading {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Reading {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Reading::ALL
            .into_iter()
            .find(|r| r.id() == text)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "`{text}` is not a reading; allowed: product, buyer, pull"
                ))
            })
    }
}

/// A key a condition reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Key {
    /// Annual contract value.
    Acv,
    /// Time to value.
    TimeToValue,
    /// Who buys.
    Buyer,
    /// Compliance burden.
    Compliance,
    /// Onboarding needs.
    Onboarding,
    /// `signals.NAME`, by index into [`SIGNALS`].
    Signal(usize),
    /// `practices.NAME`, by index into [`PRACTICES`].
    Practice(usize),
    /// `reading.NAME`.
    Reading(Reading),
}

impl Key {
    /// The key named by a dotted path, if there is one.
    pub fn parse(name: &str) -> Option<Key> {
        Some(match name {
            "acv" => Key::Acv,
            "time_to_value" => Key::TimeToValue,
            "buyer" => Key::Buyer,
            "compliance" => Key::Compliance,
            "onboarding" => Key::Onboarding,
            _ => {
                if let Some(s) = name.strip_prefix("signals.") {
                    Key::Signal(SIGNALS.iter().position(|k| *k == s)?)
                } else if let Some(p) = name.strip_prefix("practices.") {
                    Key::Practice(PRACTICES.iter().position(|k| *k == p)?)
                } else if let Some(r) = name.strip_prefix("reading.") {
                    Key::Reading(Reading::ALL.into_iter().find(|x| x.id() == r)?)
                } else {
                    return None;
                }
            }
        })
    }

    /// The dotted path, as written in profiles and rulebooks.
    pub fn name(self) -> String {
        match self {
            Key::Acv => "acv".into(),
            Key::TimeToValue => "time_to_value".into(),
            Key::Buyer => "buyer".into(),
            Key::Compliance => "compliance".into(),
            Key::Onboarding => "onboarding".into(),
            Key::Signal(i) => format!("signals.{}", SIGNALS[i]),
            Key::Practice(i) => format!("practices.{}", PRACTICES[i]),
            Key::Reading(r) => format!("reading.{}", r.id()),
        }
    }

    /// The short name used in explanations: a signal without `signals.`.
    pub fn short(self) -> &'static str {
        match self {
            Key::Acv => "acv",
            Key::TimeToValue => "time_to_value",
            Key::Buyer => "buyer",
            Key::Compliance => "compliance",
            Key::Onboarding => "onboarding",
            Key::Signal(i) => SIGNALS[i],
            Key::Practice(i) => PRACTICES[i],
            Key::Reading(r) => r.id(),
        }
    }

    /// The label shown in tables, e.g. "Time to value".
    pub fn label(self) -> &'static str {
        match self {
            Key::Acv => "ACV",
            Key::TimeToValue => "Time to value",
            Key::Buyer => "Buyer",
            Key::Compliance => "Compliance",
            Key::Onboarding => "Onboarding",
            Key::Signal(i) => [
                "Individual value",
                "Viral loops",
                "Instrumented",
                "Integration-heavy",
                "Organic demand",
                "Developer audience",
                "Segment",
                "Switching cost",
            ][i],
            Key::Practice(i) => PRACTICES[i],
            Key::Reading(r) => match r {
                Reading::Product => "Product",
                Reading::Buyer => "Buyer",
                Reading::Pull => "Pull",
            },
        }
    }

    /// The answers a categorical or yes/no key allows (empty for amounts and durations).
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Key::Acv | Key::TimeToValue => &[],
            Key::Buyer => Buyer::IDS,
            Key::Compliance => Compliance::IDS,
            Key::Onboarding => Onboarding::IDS,
            Key::Signal(i) => match SIGNALS[i] {
                "segment" => Segment::IDS,
                "switching_cost" => SwitchingCost::IDS,
                _ => YES_NO,
            },
            Key::Practice(0) => Motion::IDS,
            Key::Practice(_) => YES_NO,
            Key::Reading(r) => r.values(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_round_trips() {
        let mut keys = vec![
            Key::Acv,
            Key::TimeToValue,
            Key::Buyer,
            Key::Compliance,
            Key::Onboarding,
        ];
        keys.extend((0..SIGNALS.len()).map(Key::Signal));
        keys.extend((0..PRACTICES.len()).map(Key::Practice));
        keys.extend(Reading::ALL.map(Key::Reading));
        for k in keys {
            assert_eq!(Key::parse(&k.name()), Some(k));
        }
        assert_eq!(Key::parse("signals.nope"), None);
        assert_eq!(Key::parse("reading.mood"), None);
    }
}
