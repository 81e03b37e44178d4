//! The shape of a rulebook's conditions: each reads a key that exists where
//! it stands (facts in reading tables; readings too in moves and notes;
//! practices too in advice), with an operator and a value of the key's
//! type, resolved once so the engine never parses text.
//!
//! build.rs compiles this file too (through `rulebook/mod.rs`).

use crate::profile::{Duration, Money};
use crate::rulebook::{Condition, Key, Test};

use super::{Place, Validator};

impl Validator<'_> {
    /// Resolves one condition into its [`Test`], reporting what is wrong with it.
    pub(super) fn condition(&mut self, c: &mut Condition, key: &str, place: Place) {
        let name = c.key.get_ref().clone();
        let Some(k) = Key::parse(&name) else {
            let message = format!(
                "`{name}` is not a key a condition can read; keys: acv, time_to_value, buyer, compliance, onboarding, signals.*, practices.*, reading.product, reading.buyer, reading.pull"
            );
            self.report(&c.key, key, message);
            return;
        };
        let allowed_here = !matches!(
            (place, k),
            (Place::Reading, Key::Reading(_) | Key::Practice(_))
                | (Place::Decision, Key::Practice(_))
        );
        if !allowed_here {
            let message = match place {
                Place::Reading => format!(
                    "a reading is decided from the facts alone; `{name}` cannot be read here"
                ),
                _ => format!(
                    "the decision never depends on current practices; `{name}` belongs in findings or the checklist"
                ),
            };
            self.report(&c.key, key, message);
            return;
        }
        let given = [
            c.values.is_some(),
            c.not.is_some(),
            c.at_least.is_some(),
            c.above.is_some(),
            c.below.is_some(),
            c.at_most.is_some(),
            c.differs_from_recommendation,
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if given != 1 {
            self.report(&c.key, key, "a condition gives exactly one of `values`, `not`, `at_least`, `above`, `below`, `at_most` or `differs_from_recommendation`".into());
            return;
        }
        let test = match k {
            Key::Acv => {
                let threshold = c
                    .at_least
                    .as_ref()
                    .or(c.above.as_ref())
                    .or(c.below.as_ref())
                    .or(c.at_most.as_ref());
                let Some(text) = threshold else {
                    self.report(
                        &c.key,
                        key,
                        "`acv` takes `at_least`, `above`, `below` or `at_most` with an amount"
                            .into(),
                    );
                    return;
                };
                let Ok(m) = text.parse::<Money>() else {
                    self.report(&c.key, key, format!("`{text}` is not an amount of money"));
                    return;
                };
                let cents = m.cents();
                if c.at_least.is_some() {
                    Test::AcvAtLeast(cents)
                } else if c.at_most.is_some() {
                    Test::AcvAtMost(cents)
                } else if c.above.is_some() {
                    Test::AcvAtLeast(cents + 1)
                } else if cents == 0 {
                    self.report(&c.key, key, "no ACV is below $0".into());
                    return;
                } else {
                    Test::AcvAtMost(cents - 1)
                }
            }
            Key::TimeToValue => {
                let threshold = c.at_least.as_ref().or(c.below.as_ref());
                let Some(text) = threshold else {
                    self.report(
                        &c.key,
                        key,
                        "`time_to_value` takes `at_least` or `below` with a duration".into(),
                    );
                    return;
                };
                let Ok(d) = text.parse::<Duration>() else {
                    self.report(
                        &c.key,
                        key,
                        format!("`{text}` is not a duration such as \"1 week\""),
                    );
                    return;
                };
                if c.at_least.is_some() {
                    Test::TimeAtLeast(d.seconds())
                } else {
                    Test::TimeBelow(d.seconds())
                }
            }
            _ if c.differs_from_recommendation => {
                if name != "practices.motion" || place != Place::Advice {
                    self.report(&c.key, key, "`differs_from_recommendation` applies only to `practices.motion` in findings".into());
                    return;
                }
                Test::DiffersFromRecommendation
            }
            _ => {
                let values = c.values.as_ref().or(c.not.as_ref());
                let Some(values) = values else {
                    self.report(
                        &c.key,
                        key,
                        format!("`{name}` takes `values` or `not`, a list of answers"),
                    );
                    return;
                };
                let mut mask = 0u32;
                for v in values {
                    match k.values().iter().position(|a| a == v) {
                        Some(i) => mask |= 1 << i,
                        None => {
                            let message = format!(
                                "`{v}` is not an answer of {name}; allowed: {}",
                                k.values().join(", ")
                            );
                            self.report(&c.key, key, message);
                        }
                    }
                }
                if c.values.is_some() {
                    Test::In(k, mask)
                } else {
                    Test::NotIn(k, mask)
                }
            }
        };
        c.test = test;
    }
}
