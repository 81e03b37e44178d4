//! Profile format v1: the facts about one company, read strictly from TOML.
//!
//! Reading walks the parsed TOML tree by hand instead of using serde derive so
//! that every problem in a file is reported at once, each with its line,
//! column, key, what was found and what is allowed. Also here: `--set`
//! edits of a profile's text ([`edit`]) and the JSON Schema of the format
//! ([`schema`]).

mod duration;
pub mod edit;
mod money;
pub mod pql;
pub(crate) mod read;
pub mod schema;

use std::collections::BTreeMap;

pub use duration::{Duration, DurationError};
pub use money::{Money, MoneyError};
pub use read::{MAX_PROFILE_BYTES, SUPPORTED_VERSIONS, check_name, looks_like_profile, parse};

use crate::diagnostic::Location;

/// What reading (and describing) a profile needs from the rules in use: the
/// finding ids that `[check] allow` may name and the checklist ids that
/// `[checklist] done` may name. The rulebook implements it; the profile
/// layer never imports the rulebook, so data flows one way.
pub trait KnownFindings {
    /// Every finding id the gate can report.
    fn finding_ids(&self) -> Vec<&str>;
    /// Every checklist item id, in the rulebook's order.
    fn checklist_ids(&self) -> Vec<&str>;
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
    /// The company's PQL criteria (`[pql]`), when it wrote them down.
    pub pql: Option<pql::Pql>,
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
    /// The customer's cost of leaving their current tool for this product.
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

impl Profile {
    /// The line a key was written on, if the profile has it.
    pub fn line_of(&self, key: &str) -> Option<usize> {
        self.locations.get(key).map(|l| l.line)
    }
}
