//! What the interview collects, how a saved profile pre-fills it, and the
//! commented profile text the answers become.

use std::fmt::Write as _;

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

    /// The answers as a commented profile (format v1) that the reader accepts.
    pub fn to_toml(&self) -> String {
        let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
        let id = |v: Option<&'static str>| quote(v.unwrap_or(""));
        let mut out = String::new();
        let _ = write!(
            out,
            "# A gtm-advisor profile (format version 1), saved by `gtm interview`.\n\
             # Evaluate it with `gtm recommend FILE`; revisit it with `gtm interview --from FILE`.\n\
             version = 1\n\
             name = {}\n\n\
             # Annual contract value per customer, US dollars per year.\n\
             acv = {}\n\
             # Time until a new user gets first real value.\n\
             time_to_value = {}\n\
             # Who decides to buy: individual | team | committee | executive\n\
             buyer = {}\n\
             # Compliance burden: none | light | review-before-trial | regulated\n\
             compliance = {}\n\
             # What it takes to get started: self-serve | guided | implementation | custom\n\
             onboarding = {}\n",
            quote(&self.name),
            quote(&self.acv),
            quote(&self.time_to_value),
            id(self.buyer.map(Buyer::id)),
            id(self.compliance.map(Compliance::id)),
            id(self.onboarding.map(Onboarding::id)),
        );
        let mut signals = Vec::new();
        let mut practices = Vec::new();
        let mut copy = self.clone();
        for q in OPTIONAL {
            let Some(value) = copy.choice_id(q.field).filter(|v| *v != UNKNOWN.id) else {
                continue;
            };
            let value = match value {
                "yes" => "true".to_string(),
                "no" => "false".to_string(),
                other => quote(other),
            };
            match q.field {
                Field::Signal(key) => signals.push(format!("{key} = {value}  # {}", q.prompt)),
                Field::Practice(key) => practices.push(format!("{key} = {value}  # {}", q.prompt)),
                _ => {}
            }
        }
        for (table, lines) in [("signals", signals), ("practices", practices)] {
            if !lines.is_empty() {
                let _ = write!(out, "\n[{table}]\n{}\n", lines.join("\n"));
            }
        }
        let list = |ids: &[String]| ids.iter().map(|i| quote(i)).collect::<Vec<_>>().join(", ");
        if !self.checklist_done.is_empty() {
            let _ = write!(
                out,
                "\n[checklist]\ndone = [{}]\n",
                list(&self.checklist_done)
            );
        }
        if let Some(m) = self.expect_motion {
            let _ = write!(out, "\n[expect]\nmotion = {}\n", quote(m.id()));
        }
        if !self.check_allow.is_empty() {
            let _ = write!(out, "\n[check]\nallow = [{}]\n", list(&self.check_allow));
        }
        for s in &self.segments {
            let _ = write!(
                out,
                "\n[[segments]]\nname = {}\nacv = {}\nshare = {}\n",
                quote(&s.name),
                quote(&s.acv),
                s.share
            );
            if let Some(b) = s.buyer {
                let _ = writeln!(out, "buyer = {}", quote(b.id()));
            }
            if let Some(c) = s.compliance {
                let _ = writeln!(out, "compliance = {}", quote(c.id()));
            }
            if let Some(o) = s.onboarding {
                let _ = writeln!(out, "onboarding = {}", quote(o.id()));
            }
        }
        out
    }
}
