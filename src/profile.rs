//! Profile format v1: the facts about one company, read strictly from TOML.
//!
//! Reading walks the parsed TOML tree by hand instead of using serde derive so
//! that every problem in a file is reported at once, each with its line,
//! column, key, what was found and what is allowed.

mod duration;
mod money;
pub(crate) mod read;

use std::collections::BTreeMap;

pub use duration::{Duration, DurationError};
pub use money::{Money, MoneyError};
pub use read::{MAX_PROFILE_BYTES, SUPPORTED_VERSIONS, check_name, parse};

use crate::diagnostic::Location;

/// What reading a profile needs from the rules in use: the finding ids that
/// `[check] allow` may name. The rulebook implements it; the profile layer
/// never imports the rulebook, so data flows one way.
pub trait KnownFindings {
    /// Every finding id the gate can report.
    fn finding_ids(&self) -> Vec<&str>;
}

/// A commented starter profile that evaluates as it is (`gtm init`).
pub const STARTER: &str = include_str!("starter.toml");
use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment, SwitchingCost};

/// One company's answers, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Company or product name (never empty).
    pub name: String,
    /// Annual contract value in US dollars.
    pub acv: Money,
    /// Time until a new user gets first real value.
    pub time_to_value: Duration,
    /// Who decides to buy.
    pub buyer: Buyer,
    /// The compliance burden before and at purchase.
    pub compliance: Compliance,
    /// What it takes to get started.
    pub onboarding: Onboarding,
    /// Optional product and market signals; `None` means unknown.
    pub signals: Signals,
    /// Optional description of what the company does today.
    pub practices: Practices,
    /// Ids of checklist items already done.
    pub checklist_done: Vec<String>,
    /// The motion the company expects (`[expect] motion`).
    pub expect_motion: Option<Motion>,
    /// Finding ids this profile silences (`[check] allow`).
    pub check_allow: Vec<String>,
    /// The customer segments the company sells to (`[[segments]]`), if described.
    pub segments: Vec<SegmentAnswers>,
    /// Where each key was written, by dotted path, for reports that point at lines.
    pub locations: BTreeMap<String, Location>,
}

/// One `[[segments]]` entry: a customer segment with its own ACV. Facts it
/// leaves out are the company-wide ones.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentAnswers {
    /// The segment's name, e.g. "SMB".
    pub name: String,
    /// Its annual contract value.
    pub acv: Money,
    /// Its share of revenue, 0..1, as written.
    pub share: f64,
    /// The same share in basis points (1 = 0.01%), which is what sums compare.
    pub share_bp: u32,
    /// Its time to value, if different.
    pub time_to_value: Option<Duration>,
    /// Who buys in this segment, if different.
    pub buyer: Option<Buyer>,
    /// Its compliance burden, if different.
    pub compliance: Option<Compliance>,
    /// Its onboarding needs, if different.
    pub onboarding: Option<Onboarding>,
    /// Its own `[segments.signals]`, which replace the company's entirely.
    pub signals: Option<Signals>,
}

/// The optional `[signals]` table. An omitted signal is unknown and leans nowhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signals {
    /// One user gets value alone.
    pub individual_value: Option<bool>,
    /// Users naturally invite others.
    pub viral_loops: Option<bool>,
    /// Usage milestones are tracked.
    pub instrumented: Option<bool>,
    /// Value depends on connecting existing systems.
    pub integration_heavy: Option<bool>,
    /// Users already find the product unprompted.
    pub organic_demand: Option<bool>,
    /// The end users are engineers.
    pub developer_audience: Option<bool>,
    /// The main customer segment.
    pub segment: Option<Segment>,
    /// How costly it is for customers to switch.
    pub switching_cost: Option<SwitchingCost>,
}

/// The optional `[practices]` table: what the company does today.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Practices {
    /// The motion the company runs today.
    pub motion: Option<Motion>,
    /// A free trial is offered.
    pub free_trial: Option<bool>,
    /// Prices are published.
    pub pricing_public: Option<bool>,
    /// A demo is needed before anyone can start.
    pub demo_required: Option<bool>,
    /// Sales contacts every signup.
    pub sales_contacts_all_signups: Option<bool>,
    /// Account executives earn commission on self-serve revenue.
    pub ae_commission_on_self_serve: Option<bool>,
    /// Each motion has its own funnel, conversion model and forecast.
    pub separate_funnels: Option<bool>,
    /// Product-qualified-lead criteria exist.
    pub pql_defined: Option<bool>,
}

const YES_NO: &[&str] = &["true", "false"];

/// Every categorical or yes/no key, by dotted path, with its allowed answers.
/// Rulebooks' finding conditions may name any of these.
pub fn answer_keys() -> Vec<(&'static str, &'static [&'static str])> {
    vec![
        ("buyer", Buyer::IDS),
        ("compliance", Compliance::IDS),
        ("onboarding", Onboarding::IDS),
        ("signals.individual_value", YES_NO),
        ("signals.viral_loops", YES_NO),
        ("signals.instrumented", YES_NO),
        ("signals.integration_heavy", YES_NO),
        ("signals.organic_demand", YES_NO),
        ("signals.developer_audience", YES_NO),
        ("signals.segment", Segment::IDS),
        ("signals.switching_cost", SwitchingCost::IDS),
        ("practices.motion", Motion::IDS),
        ("practices.free_trial", YES_NO),
        ("practices.pricing_public", YES_NO),
        ("practices.demo_required", YES_NO),
        ("practices.sales_contacts_all_signups", YES_NO),
        ("practices.ae_commission_on_self_serve", YES_NO),
        ("practices.separate_funnels", YES_NO),
        ("practices.pql_defined", YES_NO),
        ("expect.motion", Motion::IDS),
    ]
}

impl Profile {
    /// The answer to a key of [`answer_keys`], as written in profiles;
    /// `None` when the profile leaves it out or the key is unknown.
    pub fn answer(&self, key: &str) -> Option<&'static str> {
        let flag = |b: Option<bool>| b.map(|b| if b { "true" } else { "false" });
        let (s, p) = (&self.signals, &self.practices);
        match key {
            "buyer" => Some(self.buyer.id()),
            "compliance" => Some(self.compliance.id()),
            "onboarding" => Some(self.onboarding.id()),
            "signals.individual_value" => flag(s.individual_value),
            "signals.viral_loops" => flag(s.viral_loops),
            "signals.instrumented" => flag(s.instrumented),
            "signals.integration_heavy" => flag(s.integration_heavy),
            "signals.organic_demand" => flag(s.organic_demand),
            "signals.developer_audience" => flag(s.developer_audience),
            "signals.segment" => s.segment.map(Segment::id),
            "signals.switching_cost" => s.switching_cost.map(SwitchingCost::id),
            "practices.motion" => p.motion.map(Motion::id),
            "practices.free_trial" => flag(p.free_trial),
            "practices.pricing_public" => flag(p.pricing_public),
            "practices.demo_required" => flag(p.demo_required),
            "practices.sales_contacts_all_signups" => flag(p.sales_contacts_all_signups),
            "practices.ae_commission_on_self_serve" => flag(p.ae_commission_on_self_serve),
            "practices.separate_funnels" => flag(p.separate_funnels),
            "practices.pql_defined" => flag(p.pql_defined),
            "expect.motion" => self.expect_motion.map(Motion::id),
            _ => None,
        }
    }

    /// The line a key was written on, if the profile has it.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.locations.get(key).map(|l| l.line)
    }
}
