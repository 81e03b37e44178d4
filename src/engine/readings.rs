//! Facts → the three readings (product, buyer, pull), and the evaluation of
//! rulebook conditions that every later layer uses. Pure: no I/O.

use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment, SwitchingCost};
use crate::profile::{Money, Practices, Profile, Signals};
use crate::rulebook::{Condition, Key, Reading, Rulebook, Test};

/// The answers that decide the motion, and nothing else: small and `Copy`,
/// so flip points and what-if questions can change one and decide again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Facts {
    /// Annual contract value.
    pub acv: Money,
    /// Time to value in seconds.
    pub time_to_value: f64,
    /// Who buys.
    pub buyer: Buyer,
    /// Compliance burden.
    pub compliance: Compliance,
    /// Onboarding needs.
    pub onboarding: Onboarding,
    /// Optional signals; unknown ones count as false.
    pub signals: Signals,
}

impl From<&Profile> for Facts {
    fn from(p: &Profile) -> Facts {
        Facts {
            acv: p.acv,
            time_to_value: p.time_to_value.seconds(),
            buyer: p.buyer,
            compliance: p.compliance,
            onboarding: p.onboarding,
            signals: p.signals,
        }
    }
}

/// The three readings of one set of facts: for each, the row of its table
/// that decided it and the value that row gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readings {
    rows: [usize; 3],
    values: [&'static str; 3],
}

impl Readings {
    /// The value of a reading, e.g. `needs-assist`.
    pub fn value(&self, reading: Reading) -> &'static str {
        self.values[reading as usize]
    }

    /// The index of the row of the reading's table that decided it.
    pub fn row(&self, reading: Reading) -> usize {
        self.rows[reading as usize]
    }
}

/// Everything a condition may read. Readings, practices and the
/// recommendation are there only for the layers that have them.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The facts.
    pub facts: &'a Facts,
    /// The readings, once decided.
    pub readings: Option<&'a Readings>,
    /// What the company does today (findings and checklist only).
    pub practices: Option<&'a Practices>,
    /// The recommended motion (findings only).
    pub motion: Option<Motion>,
}

impl<'a> Context<'a> {
    /// A context of facts alone.
    pub fn of(facts: &'a Facts) -> Context<'a> {
        Context {
            facts,
            readings: None,
            practices: None,
            motion: None,
        }
    }

    /// The answer to a categorical or yes/no key, as written in profiles;
    /// `None` when it is unknown (or an amount or a duration).
    pub fn answer(&self, key: Key) -> Option<&'static str> {
        let flag = |b: Option<bool>| b.map(|b| if b { "true" } else { "false" });
        let f = self.facts;
        match key {
            Key::Acv | Key::TimeToValue => None,
            Key::Buyer => Some(f.buyer.id()),
            Key::Compliance => Some(f.compliance.id()),
            Key::Onboarding => Some(f.onboarding.id()),
            Key::Signal(i) => signal(&f.signals, i),
            Key::Practice(i) => {
                let p = self.practices?;
                match i {
                    0 => p.motion.map(Motion::id),
                    1 => flag(p.free_trial),
                    2 => flag(p.pricing_public),
                    3 => flag(p.demo_required),
                    4 => flag(p.sales_contacts_all_signups),
                    5 => flag(p.ae_commission_on_self_serve),
                    6 => flag(p.separate_funnels),
                    _ => flag(p.pql_defined),
                }
            }
            Key::Reading(r) => self.readings.map(|x| x.value(r)),
        }
    }

    /// The answer as a bit: bit `i` for `key.values()[i]`, 0 when unknown.
    fn answer_bit(&self, key: Key) -> u32 {
        self.answer(key)
            .and_then(|a| key.values().iter().position(|v| *v == a))
            .map_or(0, |i| 1 << i)
    }

    /// Whether one condition holds.
    pub fn holds(&self, c: &Condition) -> bool {
        match &c.test {
            Test::In(k, mask) => self.answer_bit(*k) & mask != 0,
            Test::NotIn(k, mask) => self.answer_bit(*k) & mask == 0,
            Test::AcvAtLeast(cents) => self.facts.acv.cents() >= *cents,
            Test::AcvAtMost(cents) => self.facts.acv.cents() <= *cents,
            Test::TimeAtLeast(s) => self.facts.time_to_value >= *s,
            Test::TimeBelow(s) => self.facts.time_to_value < *s,
            Test::DiffersFromRecommendation => self
                .practices
                .and_then(|p| p.motion)
                .is_some_and(|m| Some(m) != self.motion),
            Test::Invalid => false,
        }
    }

    /// Whether every `when` holds and, if there are any, one of `any`.
    pub fn all_and_any(&self, when: &[Condition], any: &[Condition]) -> bool {
        when.iter().all(|c| self.holds(c)) && (any.is_empty() || any.iter().any(|c| self.holds(c)))
    }
}

/// A signal's answer by its index in `rulebook::keys::SIGNALS`.
fn signal(s: &Signals, i: usize) -> Option<&'static str> {
    let flag = |b: Option<bool>| b.map(|b| if b { "true" } else { "false" });
    match i {
        0 => flag(s.individual_value),
        1 => flag(s.viral_loops),
        2 => flag(s.instrumented),
        3 => flag(s.integration_heavy),
        4 => flag(s.organic_demand),
        5 => flag(s.developer_audience),
        6 => s.segment.map(Segment::id),
        _ => s.switching_cost.map(SwitchingCost::id),
    }
}

/// Reads the facts: each reading's table, top to bottom, first row that holds.
pub fn read(facts: &Facts, rules: &Rulebook) -> Readings {
    let ctx = Context::of(facts);
    let mut rows = [0; 3];
    let mut values = [""; 3];
    for reading in Reading::ALL {
        let table = rules.reading(reading);
        // Validation guarantees a last row that always holds.
        let row = table
            .rows
            .iter()
            .position(|r| ctx.all_and_any(&r.when, &r.any))
            .unwrap_or(table.rows.len() - 1);
        rows[reading as usize] = row;
        let value = table.rows[row].value.get_ref();
        values[reading as usize] = reading
            .values()
            .iter()
            .find(|v| *v == value)
            .copied()
            .unwrap_or("");
    }
    Readings { rows, values }
}

/// The answers that decided a reading: for the row that held, the keys of
/// its conditions that hold; for a row reached because earlier rows failed,
/// the answered keys that made them fail.
pub fn because(facts: &Facts, readings: &Readings, reading: Reading, rules: &Rulebook) -> Vec<Key> {
    let ctx = Context::of(facts);
    let table = rules.reading(reading);
    let row = &table.rows[readings.row(reading)];
    let mut keys: Vec<Key> = Vec::new();
    fn push(keys: &mut Vec<Key>, k: Option<Key>) {
        if let Some(k) = k {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    // An unanswered signal decides nothing worth naming.
    let answered = |c: &Condition| match c.test.key() {
        Some(k @ (Key::Signal(_) | Key::Practice(_))) => ctx.answer(k).is_some(),
        Some(_) => true,
        None => false,
    };
    if !row.when.is_empty() || !row.any.is_empty() {
        let held = row
            .when
            .iter()
            .chain(row.any.iter().filter(|c| ctx.holds(c)));
        for c in held.filter(|c| answered(c)) {
            push(&mut keys, c.test.key());
        }
        return keys;
    }
    let earlier = &table.rows[..readings.row(reading)];
    for c in earlier
        .iter()
        .flat_map(|r| r.when.iter())
        .filter(|c| !ctx.holds(c))
    {
        push(&mut keys, c.test.key());
    }
    if keys.is_empty() {
        for c in earlier
            .iter()
            .flat_map(|r| r.any.iter())
            .filter(|c| answered(c))
        {
            push(&mut keys, c.test.key());
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::default_rules;

    fn facts(ttv: f64, buyer: Buyer, compliance: Compliance, onboarding: Onboarding) -> Facts {
        Facts {
            acv: Money::from_cents(1_200_000).unwrap(),
            time_to_value: ttv,
            buyer,
            compliance,
            onboarding,
            signals: Signals::default(),
        }
    }

    #[test]
    fn the_product_reading_follows_the_table_top_to_bottom() {
        let rules = default_rules();
        let product = |f: &Facts| read(f, &rules).value(Reading::Product);
        let day = 86_400.0;
        let base = facts(600.0, Buyer::Team, Compliance::None, Onboarding::SelfServe);
        assert_eq!(product(&base), "sells-itself");
        assert_eq!(
            product(&Facts {
                time_to_value: 2.0 * day,
                ..base
            }),
            "needs-assist"
        );
        assert_eq!(
            product(&Facts {
                time_to_value: 7.0 * day,
                ..base
            }),
            "needs-sales"
        );
        assert_eq!(
            product(&Facts {
                onboarding: Onboarding::Guided,
                ..base
            }),
            "needs-assist"
        );
        assert_eq!(
            product(&Facts {
                compliance: Compliance::ReviewBeforeTrial,
                ..base
            }),
            "needs-sales"
        );
        let mut integration = base;
        integration.signals.integration_heavy = Some(true);
        assert_eq!(product(&integration), "needs-assist");
    }

    #[test]
    fn unknown_signals_count_as_false() {
        let rules = default_rules();
        let mut f = facts(600.0, Buyer::Team, Compliance::None, Onboarding::SelfServe);
        assert_eq!(read(&f, &rules).value(Reading::Pull), "no");
        f.signals.viral_loops = Some(false);
        assert_eq!(read(&f, &rules).value(Reading::Pull), "no");
        f.signals.segment = Some(Segment::Smb);
        assert_eq!(read(&f, &rules).value(Reading::Pull), "yes");
        // Model 2.1: a segment label never outvotes the facts it stands
        // for; a team in an enterprise segment is a team buying.
        f.signals.segment = Some(Segment::Enterprise);
        assert_eq!(read(&f, &rules).value(Reading::Buyer), "bottom-up");
    }

    #[test]
    fn because_names_the_answers_that_decided() {
        let rules = default_rules();
        let f = facts(
            3.0 * 86_400.0,
            Buyer::Committee,
            Compliance::Light,
            Onboarding::Guided,
        );
        let r = read(&f, &rules);
        let names = |reading| -> Vec<&str> {
            because(&f, &r, reading, &rules)
                .iter()
                .map(|k| k.short())
                .collect()
        };
        assert_eq!(names(Reading::Product), ["time_to_value", "onboarding"]);
        assert_eq!(names(Reading::Buyer), ["buyer"]);
        assert_eq!(names(Reading::Pull), Vec::<&str>::new());
    }
}
