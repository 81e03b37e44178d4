//! What the interview collects, how a saved profile pre-fills it, and the
//! commented profile text the answers become.

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value, value};

use super::questions::{Field, OPTIONAL, UNKNOWN};
use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment, SwitchingCost};
use crate::profile::{Practices, Profile, Signals};

/// Everything the interview collects; it becomes a profile with [`Answers::to_toml`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answers {
    /// Company or product name.
    pub name: String,
    /// ACV as it will be written, e.g. "$24,000".
    pub acv: String,
    /// Time to value as the user wrote it.
    pub time_to_value: String,
    /// Who buys (`None` until asked).
    pub buyer: Option<Buyer>,
    /// Compliance burden.
    pub compliance: Option<Compliance>,
    /// Onboarding needs.
    pub onboarding: Option<Onboarding>,
    /// Optional signals.
    pub signals: Signals,
    /// Optional practices.
    pub practices: Practices,
    /// Kept from `--from`: checklist progress.
    pub checklist_done: Vec<String>,
    /// Kept from `--from`: the expected motion.
    pub expect_motion: Option<Motion>,
    /// Kept from `--from`: silenced finding ids.
    pub check_allow: Vec<String>,
    /// Customer segments, each with its own ACV.
    pub segments: Vec<SegmentText>,
}

/// One segment's answers as they will be written.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SegmentText {
    /// The segment's name.
    pub name: String,
    /// Its ACV, e.g. "$1,200".
    pub acv: String,
    /// Its share of revenue, e.g. "0.35".
    pub share: String,
    /// Who buys, when different from the company.
    pub buyer: Option<Buyer>,
    /// Compliance, when different.
    pub compliance: Option<Compliance>,
    /// Onboarding, when different.
    pub onboarding: Option<Onboarding>,
    /// Time to value, when different, as the profile shows it. Not asked:
    /// kept from `--from`.
    pub time_to_value: Option<String>,
    /// Its own `[segments.signals]`. Not asked: kept from `--from`.
    pub signals: Option<Signals>,
}

fn flag_slot(a: &mut Answers, field: Field) -> Option<&mut Option<bool>> {
    let s = &mut a.signals;
    let p = &mut a.practices;
    Some(match field {
        Field::Signal("individual_value") => &mut s.individual_value,
        Field::Signal("viral_loops") => &mut s.viral_loops,
        Field::Signal("instrumented") => &mut s.instrumented,
        Field::Signal("integration_heavy") => &mut s.integration_heavy,
        Field::Signal("organic_demand") => &mut s.organic_demand,
        Field::Signal("developer_audience") => &mut s.developer_audience,
        Field::Practice("free_trial") => &mut p.free_trial,
        Field::Practice("pricing_public") => &mut p.pricing_public,
        Field::Practice("demo_required") => &mut p.demo_required,
        Field::Practice("sales_contacts_all_signups") => &mut p.sales_contacts_all_signups,
        Field::Practice("ae_commission_on_self_serve") => &mut p.ae_commission_on_self_serve,
        Field::Practice("separate_funnels") => &mut p.separate_funnels,
        Field::Practice("pql_defined") => &mut p.pql_defined,
        _ => return None,
    })
}

impl Answers {
    /// Starts from a saved profile, so each question offers its earlier answer.
    pub fn from_profile(p: &Profile) -> Answers {
        Answers {
            name: p.name.clone(),
            acv: p.acv.to_string(),
            time_to_value: p.time_to_value.to_string(),
            buyer: Some(p.buyer),
            compliance: Some(p.compliance),
            onboarding: Some(p.onboarding),
            signals: p.signals,
            practices: p.practices,
            checklist_done: p.checklist_done.clone(),
            expect_motion: p.expect_motion,
            check_allow: p.check_allow.clone(),
            segments: p
                .segments
                .iter()
                .map(|s| SegmentText {
                    name: s.name.clone(),
                    acv: s.acv.to_string(),
                    share: format!("{}", s.share),
                    buyer: s.buyer,
                    compliance: s.compliance,
                    onboarding: s.onboarding,
                    time_to_value: s.time_to_value.as_ref().map(ToString::to_string),
                    signals: s.signals,
                })
                .collect(),
        }
    }

    /// The current answer of a select field, as a choice id.
    pub(crate) fn choice_id(&mut self, field: Field) -> Option<&'static str> {
        match field {
            Field::Buyer => self.buyer.map(Buyer::id),
            Field::Compliance => self.compliance.map(Compliance::id),
            Field::Onboarding => self.onboarding.map(Onboarding::id),
            Field::Signal("segment") => Some(self.signals.segment.map_or(UNKNOWN.id, Segment::id)),
            Field::Signal("switching_cost") => Some(
                self.signals
                    .switching_cost
                    .map_or(UNKNOWN.id, SwitchingCost::id),
            ),
            Field::Practice("motion") => Some(self.practices.motion.map_or(UNKNOWN.id, Motion::id)),
            _ => flag_slot(self, field).map(|slot| match slot {
                None => UNKNOWN.id,
                Some(true) => "yes",
                Some(false) => "no",
            }),
        }
    }

    /// Records a select answer given as a choice id.
    pub(crate) fn set_choice(&mut self, field: Field, id: &str) {
        let known = id != UNKNOWN.id;
        match field {
            Field::Buyer => self.buyer = id.parse().ok(),
            Field::Compliance => self.compliance = id.parse().ok(),
            Field::Onboarding => self.onboarding = id.parse().ok(),
            Field::Signal("segment") => self.signals.segment = id.parse().ok(),
            Field::Signal("switching_cost") => self.signals.switching_cost = id.parse().ok(),
            Field::Practice("motion") => self.practices.motion = id.parse().ok(),
            _ => {
                if let Some(slot) = flag_slot(self, field) {
                    *slot = known.then_some(id == "yes");
                }
            }
        }
    }

    pub(crate) fn text_mut(&mut self, field: Field) -> Option<&mut String> {
        match field {
            Field::Name => Some(&mut self.name),
            Field::Acv => Some(&mut self.acv),
            Field::TimeToValue => Some(&mut self.time_to_value),
            _ => None,
        }
    }

    /// The answers as a commented profile (format v1) that the reader
    /// accepts, built as a TOML document (toml_edit quotes every string as
    /// TOML needs) with a comment on each core fact and each optional
    /// answer carrying its question.
    pub fn to_toml(&self) -> String {
        let mut doc = DocumentMut::new();
        let root = doc.as_table_mut();
        put(
            root,
            "version",
            value(1),
            "# A gtm-advisor profile (format version 1), saved by `gtm interview`.\n\
             # Evaluate it with `gtm recommend FILE`; revisit it with `gtm interview --from FILE`.\n",
        );
        put(root, "name", value(&self.name), "");
        let id = |v: Option<&'static str>| value(v.unwrap_or(""));
        let core = [
            (
                "acv",
                value(&self.acv),
                "\n# Annual contract value per customer, US dollars per year.\n",
            ),
            (
                "time_to_value",
                value(&self.time_to_value),
                "# Time until a new user gets first real value.\n",
            ),
            (
                "buyer",
                id(self.buyer.map(Buyer::id)),
                "# Who decides to buy: individual | team | committee | executive\n",
            ),
            (
                "compliance",
                id(self.compliance.map(Compliance::id)),
                "# Compliance burden: none | light | review-before-trial | regulated\n",
            ),
            (
                "onboarding",
                id(self.onboarding.map(Onboarding::id)),
                "# What it takes to get started: self-serve | guided | implementation | custom\n",
            ),
        ];
        for (key, item, comment) in core {
            put(root, key, item, comment);
        }
        let (mut signals, mut practices) = (table(), table());
        let mut copy = self.clone();
        for q in OPTIONAL {
            let Some(answer) = copy.choice_id(q.field).filter(|v| *v != UNKNOWN.id) else {
                continue;
            };
            let mut answer = toml_answer(answer);
            answer.decor_mut().set_suffix(format!("  # {}", q.prompt));
            match q.field {
                Field::Signal(key) => signals.insert(key, Item::Value(answer)),
                Field::Practice(key) => practices.insert(key, Item::Value(answer)),
                _ => None,
            };
        }
        for (name, t) in [("signals", signals), ("practices", practices)] {
            if !t.is_empty() {
                root.insert(name, Item::Table(t));
            }
        }
        let list =
            |ids: &[String]| Item::Value(ids.iter().map(String::as_str).collect::<Array>().into());
        if !self.checklist_done.is_empty() {
            let mut t = table();
            t.insert("done", list(&self.checklist_done));
            root.insert("checklist", Item::Table(t));
        }
        if let Some(m) = self.expect_motion {
            let mut t = table();
            t.insert("motion", value(m.id()));
            root.insert("expect", Item::Table(t));
        }
        if !self.check_allow.is_empty() {
            let mut t = table();
            t.insert("allow", list(&self.check_allow));
            root.insert("check", Item::Table(t));
        }
        if !self.segments.is_empty() {
            let mut segments = ArrayOfTables::new();
            for s in &self.segments {
                let mut t = table();
                t.insert("name", value(&s.name));
                t.insert("acv", value(&s.acv));
                // The share as it was checked, a TOML number ("0.35", "1").
                if let Ok(share) = s.share.parse::<Value>() {
                    t.insert("share", Item::Value(share));
                }
                if let Some(time) = &s.time_to_value {
                    t.insert("time_to_value", value(time));
                }
                let overrides = [
                    ("buyer", s.buyer.map(Buyer::id)),
                    ("compliance", s.compliance.map(Compliance::id)),
                    ("onboarding", s.onboarding.map(Onboarding::id)),
                ];
                for (key, answer) in overrides {
                    if let Some(answer) = answer {
                        t.insert(key, value(answer));
                    }
                }
                if let Some(signals) = s.signals {
                    let mut table = table();
                    for (key, answer) in signal_values(signals) {
                        table.insert(key, Item::Value(answer));
                    }
                    t.insert("signals", Item::Table(table));
                }
                segments.push(t);
            }
            root.insert("segments", Item::ArrayOfTables(segments));
        }
        doc.to_string()
    }
}

/// Sets `key` in `table`, with `comment` (whole lines) before it.
fn put(table: &mut Table, key: &str, item: Item, comment: &str) {
    table.insert(key, item);
    if let Some(mut key) = table.key_mut(key) {
        key.leaf_decor_mut().set_prefix(comment);
    }
}

/// The answered signals of `signals`, in the order the interview asks them,
/// as TOML values.
fn signal_values(signals: Signals) -> Vec<(&'static str, Value)> {
    let mut holder = Answers {
        signals,
        ..Answers::default()
    };
    OPTIONAL
        .iter()
        .filter_map(|q| match q.field {
            Field::Signal(key) => {
                let answer = holder.choice_id(q.field).filter(|v| *v != UNKNOWN.id)?;
                Some((key, toml_answer(answer)))
            }
            _ => None,
        })
        .collect()
}

/// A choice id as the TOML value a profile holds: yes/no as booleans.
fn toml_answer(id: &str) -> Value {
    match id {
        "yes" => Value::from(true),
        "no" => Value::from(false),
        other => Value::from(other),
    }
}

/// A table that starts after a blank line.
fn table() -> Table {
    let mut t = Table::new();
    t.decor_mut().set_prefix("\n");
    t
}
