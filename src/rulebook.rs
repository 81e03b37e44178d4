//! The rulebook: the two source documents' decision tables, as data.
//!
//! The default rulebook is `src/rulebook.toml`, embedded in the binary.
//! `--rules FILE` swaps in another one, which is checked as strictly as a
//! profile: unknown keys, missing values, and any ordering that would break
//! the scoring properties (bands that overlap, weights that fall as answers
//! grow more sales-heavy) are refused with the line to fix.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diagnostic::{FileProblems, Location, Problem, is_kebab_id};
use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment, SwitchingCost};
use crate::profile::Duration;
use crate::score::Facts;

/// The TOML text of the default rulebook.
pub const DEFAULT_RULEBOOK: &str = include_str!("rulebook.toml");

/// The built-in rulebook's `revision`, read from its text without parsing it all.
pub fn default_revision() -> &'static str {
    DEFAULT_RULEBOOK
        .lines()
        .find_map(|l| l.strip_prefix("revision = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or("unknown")
}

/// The rulebook format this build reads.
pub const RULEBOOK_FORMAT: u32 = 1;

/// The full set of decision rules a recommendation is scored against.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    /// Format of this file; must be 1.
    pub format: u32,
    /// The rulebook's own version, shown by `gtm --version`.
    pub revision: String,
    /// A one-line description.
    pub title: String,
    /// The source documents rules cite.
    pub documents: Vec<Document>,
    /// Display names and roles of the five motions, in order.
    pub motions: Vec<MotionInfo>,
    /// The ACV framework: which motion each price band starts from.
    pub acv: AcvFramework,
    /// How large a net lean must be to move the motion one step.
    pub lean: LeanSettings,
    /// Time to value, by length.
    pub time_to_value: DurationFactor,
    /// Every categorical and yes/no factor, with a rule per value.
    pub factors: Vec<ChoiceFactor>,
    /// Combinations that pull hard against the ACV band.
    pub conflicts: Vec<ConflictRule>,
    /// Implementation checklist items, each for one or more motions.
    pub checklist: Vec<ChecklistItem>,
    /// Lint rules for `gtm check`: practices and signals against the documents' pitfalls.
    #[serde(default)]
    pub findings: Vec<FindingRule>,
    /// The cost of switching between motions, and when it is worth it.
    #[serde(default)]
    pub switching: Vec<Switch>,
    /// Triggers that hand an account from one motion to the next.
    #[serde(default)]
    pub handoffs: Vec<Handoff>,
}

/// A trigger that hands an account from one motion to a more sales-heavy one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handoff {
    /// Stable kebab-case id.
    pub id: Spanned<String>,
    /// Motions the account comes from.
    pub from: Vec<Motion>,
    /// Motions it goes to.
    pub to: Vec<Motion>,
    /// What happens, in one sentence.
    pub text: String,
    /// Where it comes from.
    pub source: Source,
}

/// A source document.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Short id used in `source` references.
    pub id: Spanned<String>,
    /// The document's title.
    pub title: String,
}

/// A citation: one table (or section) of one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Document id.
    pub doc: Spanned<String>,
    /// Table or section name within it.
    pub table: String,
}

/// How a motion is presented.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotionInfo {
    /// Which motion.
    pub id: Spanned<Motion>,
    /// Display name, e.g. "Hybrid (product-led sales)".
    pub name: String,
    /// What sales does in this motion.
    pub sales_role: String,
}

/// The ACV framework.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcvFramework {
    /// Where the bands come from.
    pub source: Source,
    /// One band per motion, in motion order; the last has no upper edge.
    pub bands: Vec<AcvBand>,
}

/// One ACV band. At most one of `below` (strict) and `up_to` (inclusive).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcvBand {
    /// The motion this band starts from.
    pub motion: Spanned<Motion>,
    /// ACV strictly below this falls in the band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<f64>,
    /// ACV at or below this falls in the band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub up_to: Option<f64>,
}

/// A band edge in dollars, and whether the edge value itself is inside the band.
pub type Edge = (f64, bool);

impl AcvBand {
    /// The upper edge and whether it belongs to the band.
    fn edge(&self) -> Option<Edge> {
        match (self.below, self.up_to) {
            (Some(b), _) => Some((b, false)),
            (None, Some(u)) => Some((u, true)),
            (None, None) => None,
        }
    }

    /// Whether `dollars` is at or below this band's upper edge.
    fn holds(&self, dollars: f64) -> bool {
        match self.edge() {
            Some((edge, true)) => dollars <= edge,
            Some((edge, false)) => dollars < edge,
            None => true,
        }
    }
}

/// The lean threshold.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeanSettings {
    /// A net lean of at least this size (either way) moves the motion one step.
    pub threshold: f64,
    /// Where the rule comes from.
    pub source: Source,
}

/// Time to value, split into ranges by length.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationFactor {
    /// Label shown in tables.
    pub label: String,
    /// Ranges from shortest to longest; the last has no `below`.
    pub ranges: Vec<DurationRange>,
}

/// One range of time to value.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationRange {
    /// Times strictly shorter than this fall in the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub below: Option<Spanned<String>>,
    /// `below` in seconds (infinite for the open range), filled in when the rulebook is read.
    #[serde(skip)]
    pub below_seconds: f64,
    /// Lean: negative toward product, positive toward sales.
    pub weight: Spanned<f64>,
    /// Where the rule comes from.
    pub source: Source,
    /// Why, in one line.
    pub why: String,
}

/// The factors a profile can answer besides ACV and time to value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorId {
    /// Time to value (ranges, not values).
    TimeToValue,
    /// Who buys.
    Buyer,
    /// Compliance burden.
    Compliance,
    /// Onboarding needs.
    Onboarding,
    /// `signals.individual_value`.
    IndividualValue,
    /// `signals.viral_loops`.
    ViralLoops,
    /// `signals.instrumented`.
    Instrumented,
    /// `signals.integration_heavy`.
    IntegrationHeavy,
    /// `signals.organic_demand`.
    OrganicDemand,
    /// `signals.developer_audience`.
    DeveloperAudience,
    /// `signals.segment`.
    Segment,
    /// `signals.switching_cost`.
    SwitchingCost,
}

const BOOLEAN: &[&str] = &["true", "false"];

impl FactorId {
    /// Every factor with values, in the order the tool lists them.
    pub const CHOICES: &'static [FactorId] = &[
        FactorId::Buyer,
        FactorId::Compliance,
        FactorId::Onboarding,
        FactorId::IndividualValue,
        FactorId::ViralLoops,
        FactorId::Instrumented,
        FactorId::IntegrationHeavy,
        FactorId::OrganicDemand,
        FactorId::DeveloperAudience,
        FactorId::Segment,
        FactorId::SwitchingCost,
    ];

    /// The id as written in rulebooks, JSON and profiles (without `signals.`).
    pub fn id(self) -> &'static str {
        match self {
            FactorId::TimeToValue => "time_to_value",
            FactorId::Buyer => "buyer",
            FactorId::Compliance => "compliance",
            FactorId::Onboarding => "onboarding",
            FactorId::IndividualValue => "individual_value",
            FactorId::ViralLoops => "viral_loops",
            FactorId::Instrumented => "instrumented",
            FactorId::IntegrationHeavy => "integration_heavy",
            FactorId::OrganicDemand => "organic_demand",
            FactorId::DeveloperAudience => "developer_audience",
            FactorId::Segment => "segment",
            FactorId::SwitchingCost => "switching_cost",
        }
    }

    /// The values a profile may give, in documented order.
    pub fn values(self) -> &'static [&'static str] {
        match self {
            FactorId::TimeToValue => &[],
            FactorId::Buyer => Buyer::IDS,
            FactorId::Compliance => Compliance::IDS,
            FactorId::Onboarding => Onboarding::IDS,
            FactorId::Segment => Segment::IDS,
            FactorId::SwitchingCost => SwitchingCost::IDS,
            _ => BOOLEAN,
        }
    }

    /// Whether the design orders this factor's values from product to sales,
    /// so that weights must not fall along the list.
    pub fn is_ordered(self) -> bool {
        matches!(
            self,
            FactorId::Buyer | FactorId::Compliance | FactorId::Onboarding
        )
    }

    /// Whether this is one of the required core facts rather than a signal.
    pub fn is_core(self) -> bool {
        matches!(
            self,
            FactorId::TimeToValue | FactorId::Buyer | FactorId::Compliance | FactorId::Onboarding
        )
    }

    /// The profile's answer for this factor, if it gave one.
    pub fn answer(self, p: &Facts) -> Option<&'static str> {
        let flag = |b: Option<bool>| b.map(|b| if b { "true" } else { "false" });
        match self {
            FactorId::TimeToValue => None,
            FactorId::Buyer => Some(p.buyer.id()),
            FactorId::Compliance => Some(p.compliance.id()),
            FactorId::Onboarding => Some(p.onboarding.id()),
            FactorId::IndividualValue => flag(p.signals.individual_value),
            FactorId::ViralLoops => flag(p.signals.viral_loops),
            FactorId::Instrumented => flag(p.signals.instrumented),
            FactorId::IntegrationHeavy => flag(p.signals.integration_heavy),
            FactorId::OrganicDemand => flag(p.signals.organic_demand),
            FactorId::DeveloperAudience => flag(p.signals.developer_audience),
            FactorId::Segment => p.signals.segment.map(Segment::id),
            FactorId::SwitchingCost => p.signals.switching_cost.map(SwitchingCost::id),
        }
    }
}

/// A factor with one rule per value.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceFactor {
    /// Which factor.
    pub id: Spanned<FactorId>,
    /// Label shown in tables.
    pub label: String,
    /// One rule for each allowed value.
    pub values: Vec<ValueRule>,
}

/// The lean of one answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueRule {
    /// The answer, as written in profiles (`"true"`/`"false"` for yes/no signals).
    pub value: Spanned<String>,
    /// Lean: negative toward product, positive toward sales, 0 neither.
    pub weight: f64,
    /// Where the rule comes from.
    pub source: Source,
    /// Why, in one line.
    pub why: String,
}

/// Which way a factor leans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Lean {
    /// Toward product-led motions.
    Product,
    /// Neither way.
    None,
    /// Toward sales-led motions.
    Sales,
}

impl Lean {
    /// The lean of a weight.
    pub fn of(weight: f64) -> Lean {
        if weight < 0.0 {
            Lean::Product
        } else if weight > 0.0 {
            Lean::Sales
        } else {
            Lean::None
        }
    }

    /// The id used in output.
    pub fn id(self) -> &'static str {
        match self {
            Lean::Product => "product",
            Lean::None => "none",
            Lean::Sales => "sales",
        }
    }
}

/// A combination of answers that pulls hard against the ACV band.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictRule {
    /// Stable kebab-case id.
    pub id: Spanned<String>,
    /// The ACV bands in which it applies.
    pub bands: Vec<Motion>,
    /// Conditions that must all hold.
    pub when: Vec<Condition>,
    /// What the conflict is, in one sentence.
    pub message: String,
    /// What to do about it.
    pub advice: String,
    /// Where the rule comes from.
    pub source: Source,
}

/// One condition of a conflict: a factor has one of `values`, or leans `lean`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Which factor.
    pub factor: Spanned<FactorId>,
    /// The answers that meet the condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    /// The lean that meets the condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lean: Option<Lean>,
}

/// One implementation checklist item.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable kebab-case id, used in `[checklist] done`.
    pub id: Spanned<String>,
    /// Group heading, e.g. `assess` or `hybrid`.
    pub section: String,
    /// The motions whose checklist includes it.
    pub motions: Vec<Motion>,
    /// What to do, in one sentence.
    pub text: String,
    /// Where it comes from.
    pub source: Source,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Fails `gtm check`.
    Error,
    /// Reported; fails `gtm check` only with `--deny warnings`.
    Warning,
}

impl Level {
    /// The id used in output.
    pub fn id(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// A lint rule: a pattern in a profile that the documents warn about.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingRule {
    /// Stable kebab-case id, used in `--allow` and `[check] allow`.
    pub id: Spanned<String>,
    /// Error or warning.
    pub level: Level,
    /// The recommended motions it applies to; empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub motions: Vec<Motion>,
    /// Conditions that must all hold.
    pub when: Vec<KeyCondition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any: Vec<KeyCondition>,
    /// The profile key whose line the finding points at.
    pub line: Spanned<String>,
    /// What is wrong; `{current}` and `{recommended}` name the motions.
    pub message: String,
    /// How to fix it.
    pub fix: String,
    /// Where the rule comes from.
    pub source: Source,
}

/// A condition on one profile answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyCondition {
    /// Dotted profile key, e.g. `practices.free_trial`.
    pub key: Spanned<String>,
    /// Answers that meet the condition (`"true"`/`"false"` for yes/no keys).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
    /// Met when `practices.motion` is answered and differs from the recommendation.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub differs_from_recommendation: bool,
}

/// What switching from some motions to others costs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Switch {
    /// Current motions.
    pub from: Vec<Motion>,
    /// Target motions.
    pub to: Vec<Motion>,
    /// What the switch costs.
    pub cost: String,
    /// When the switch is worth it.
    pub when: String,
    /// Where it comes from.
    pub source: Source,
}

impl Rulebook {
    /// The embedded default rulebook.
    pub fn default_rules() -> Rulebook {
        // The embedded file is checked by a unit test; failing here would be a
        // build defect, never a user error.
        Rulebook::parse(DEFAULT_RULEBOOK, "<built-in rulebook>")
            .unwrap_or_else(|e| panic!("the built-in rulebook is invalid:\n{e}"))
    }

    /// Reads and validates rulebook text; `file` is only used in messages.
    pub fn parse(src: &str, file: &str) -> Result<Rulebook, FileProblems> {
        let rules: Rulebook = toml::from_str(src).map_err(|e| {
            let at = Location::of(src, e.span().map_or(0, |s| s.start));
            FileProblems::new(
                file,
                vec![Problem::at(at, "", e.message().trim_end().to_string())],
            )
        })?;
        let problems = rules.validate(src);
        if problems.is_empty() {
            let mut rules = rules;
            for range in &mut rules.time_to_value.ranges {
                range.below_seconds = range
                    .below
                    .as_ref()
                    .and_then(|b| b.get_ref().parse::<Duration>().ok())
                    .map_or(f64::INFINITY, |d| d.seconds());
            }
            Ok(rules)
        } else {
            Err(FileProblems::new(file, problems))
        }
    }

    /// Display information for a motion.
    pub fn motion(&self, motion: Motion) -> &MotionInfo {
        // Validation guarantees one entry per motion, in order.
        &self.motions[motion.rank()]
    }

    /// The ACV band (a motion) that `dollars` falls in.
    pub fn band(&self, dollars: f64) -> Motion {
        self.acv
            .bands
            .iter()
            .find(|b| b.holds(dollars))
            .map_or(Motion::Enterprise, |b| *b.motion.get_ref())
    }

    /// The lower and upper edges of a band, each with whether it is inside the band.
    pub fn band_edges(&self, motion: Motion) -> (Option<Edge>, Option<Edge>) {
        let i = motion.rank();
        let upper = self.acv.bands[i].edge();
        let lower = i
            .checked_sub(1)
            .and_then(|j| self.acv.bands[j].edge())
            .map(|(edge, inclusive)| (edge, !inclusive));
        (lower, upper)
    }

    /// The rule for a factor's answer.
    pub fn value_rule(&self, factor: FactorId, value: &str) -> Option<&ValueRule> {
        self.factors
            .iter()
            .find(|f| *f.id.get_ref() == factor)?
            .values
            .iter()
            .find(|v| v.value.get_ref() == value)
    }

    /// The factor definition for an id.
    pub fn factor(&self, factor: FactorId) -> Option<&ChoiceFactor> {
        self.factors.iter().find(|f| *f.id.get_ref() == factor)
    }

    /// The time-to-value range that `seconds` falls in.
    pub fn duration_range(&self, seconds: f64) -> &DurationRange {
        let ranges = &self.time_to_value.ranges;
        // Validation guarantees at least one range, the last one open.
        ranges
            .iter()
            .find(|r| seconds < r.below_seconds)
            .unwrap_or(&ranges[ranges.len() - 1])
    }

    /// A finding rule by id.
    pub fn finding_rule(&self, id: &str) -> Option<&FindingRule> {
        self.findings.iter().find(|f| f.id.get_ref() == id)
    }

    /// A checklist item by id.
    pub fn checklist_item(&self, id: &str) -> Option<&ChecklistItem> {
        self.checklist.iter().find(|i| i.id.get_ref() == id)
    }

    /// A citation as people read it: "Table — Document title".
    pub fn cite(&self, source: &Source) -> String {
        let title = self
            .documents
            .iter()
            .find(|d| d.id.get_ref() == source.doc.get_ref())
            .map_or(source.doc.get_ref().as_str(), |d| d.title.as_str());
        format!("{} — {}", source.table, title)
    }

    /// Every problem that would make scoring wrong or the tool crash.
    fn validate(&self, src: &str) -> Vec<Problem> {
        let mut v = Validator {
            src,
            problems: Vec::new(),
            docs: Vec::new(),
        };
        v.check(self);
        v.problems
    }
}

struct Validator<'s> {
    src: &'s str,
    problems: Vec<Problem>,
    docs: Vec<String>,
}

impl Validator<'_> {
    fn at<T>(&self, spanned: &Spanned<T>) -> Location {
        Location::of(self.src, spanned.span().start)
    }

    fn report<T>(&mut self, spanned: &Spanned<T>, key: &str, message: String) {
        let at = self.at(spanned);
        self.problems.push(Problem::at(at, key, message));
    }

    fn top(&mut self, key: &str, message: String) {
        self.problems.push(Problem {
            location: None,
            key: Some(key.into()),
            message,
            help: None,
        });
    }

    fn source(&mut self, key: &str, source: &Source) {
        if !self.docs.contains(source.doc.get_ref()) {
            let message = format!(
                "`{}` is not a document id; declared documents: {}",
                source.doc.get_ref(),
                self.docs.join(", ")
            );
            self.report(&source.doc, key, message);
        }
    }

    fn check(&mut self, r: &Rulebook) {
        if r.format != RULEBOOK_FORMAT {
            self.top("format", format!("rulebook format {} is not supported; this build reads format {RULEBOOK_FORMAT}", r.format));
        }
        for d in &r.documents {
            if self.docs.contains(d.id.get_ref()) {
                self.report(
                    &d.id,
                    "documents.id",
                    format!("document id `{}` is declared twice", d.id.get_ref()),
                );
            }
            self.docs.push(d.id.get_ref().clone());
        }
        self.motions(r);
        self.bands(r);
        if !(r.lean.threshold.is_finite() && r.lean.threshold > 0.0) {
            self.top(
                "lean.threshold",
                format!(
                    "the threshold must be a positive number, found {}",
                    r.lean.threshold
                ),
            );
        }
        self.source("lean.source", &r.lean.source);
        self.durations(r);
        self.factors(r);
        self.conflicts(r);
        self.checklist(r);
        self.findings(r);
        for switch in &r.switching {
            self.source("switching", &switch.source);
        }
        let mut ids: Vec<&str> = Vec::new();
        for h in &r.handoffs {
            let id = h.id.get_ref().as_str();
            self.source("handoffs", &h.source);
            if !is_kebab_id(id) || ids.contains(&id) {
                self.report(
                    &h.id,
                    "handoffs",
                    format!("`{id}` must be a unique kebab-case id"),
                );
            }
            if h.from.is_empty() || h.to.is_empty() {
                self.report(
                    &h.id,
                    "handoffs",
                    "a hand-off needs at least one `from` and one `to` motion".into(),
                );
            }
            ids.push(id);
        }
    }

    fn findings(&mut self, r: &Rulebook) {
        let keys = crate::profile::answer_keys();
        let mut ids: Vec<&str> = crate::check::GATE_IDS.to_vec();
        for rule in &r.findings {
            let id = rule.id.get_ref().as_str();
            let key = "findings";
            if !is_kebab_id(id) {
                self.report(
                    &rule.id,
                    key,
                    format!("`{id}` is not a kebab-case id (lowercase words joined by hyphens)"),
                );
            }
            if ids.contains(&id) {
                self.report(
                    &rule.id,
                    key,
                    format!("finding id `{id}` is used twice (or is one of the gate's own ids)"),
                );
            }
            ids.push(id);
            self.source(key, &rule.source);
            if rule.when.is_empty() {
                self.report(
                    &rule.id,
                    key,
                    "a finding needs at least one `when` condition".into(),
                );
            }
            let known_line = rule.line.get_ref() == "version"
                || rule.line.get_ref() == "name"
                || rule.line.get_ref() == "acv"
                || rule.line.get_ref() == "time_to_value"
                || keys.iter().any(|(k, _)| k == rule.line.get_ref());
            if !known_line {
                let message = format!(
                    "`{}` is not a profile key a finding can point at",
                    rule.line.get_ref()
                );
                self.report(&rule.line, key, message);
            }
            for cond in rule.when.iter().chain(&rule.any) {
                let name = cond.key.get_ref().as_str();
                let Some((_, allowed)) = keys.iter().find(|(k, _)| *k == name) else {
                    let known: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
                    let message = format!(
                        "`{name}` is not a categorical or yes/no profile key; known keys: {}",
                        known.join(", ")
                    );
                    self.report(&cond.key, key, message);
                    continue;
                };
                match (&cond.values, cond.differs_from_recommendation) {
                    (Some(values), false) => {
                        for value in values {
                            if !allowed.contains(&value.as_str()) {
                                let message = format!("`{value}` is not an answer of {name}; allowed: {}", allowed.join(", "));
                                self.report(&cond.key, key, message);
                            }
                        }
                    }
                    (None, true) if name == "practices.motion" => {}
                    _ => self.report(
                        &cond.key,
                        key,
                        "a condition needs either `values` or `differs_from_recommendation = true` (only on practices.motion)".into(),
                    ),
                }
            }
        }
    }

    fn motions(&mut self, r: &Rulebook) {
        let ids: Vec<Motion> = r.motions.iter().map(|m| *m.id.get_ref()).collect();
        if ids != Motion::ALL {
            self.top(
                "motions",
                format!(
                    "`[[motions]]` must list each motion once, in the order {}",
                    Motion::IDS.join(", ")
                ),
            );
        }
    }

    fn bands(&mut self, r: &Rulebook) {
        self.source("acv.source", &r.acv.source);
        let ids: Vec<Motion> = r.acv.bands.iter().map(|b| *b.motion.get_ref()).collect();
        if ids != Motion::ALL {
            self.top(
                "acv.bands",
                format!(
                    "`[[acv.bands]]` must have one band per motion, in the order {}",
                    Motion::IDS.join(", ")
                ),
            );
            return;
        }
        let mut previous = 0.0;
        let last = r.acv.bands.len() - 1;
        for (i, band) in r.acv.bands.iter().enumerate() {
            let key = "acv.bands";
            match (band.below, band.up_to, i == last) {
                (Some(_), Some(_), _) => self.report(
                    &band.motion,
                    key,
                    "give either `below` or `up_to`, not both".into(),
                ),
                (None, None, false) => self.report(
                    &band.motion,
                    key,
                    "every band but the last needs `below` or `up_to`".into(),
                ),
                (Some(_), None, true) | (None, Some(_), true) => self.report(
                    &band.motion,
                    key,
                    "the last band is open-ended; remove its upper edge".into(),
                ),
                _ => {}
            }
            if let Some((edge, _)) = band.edge() {
                if !(edge.is_finite() && edge > previous) {
                    let message = format!(
                        "band edges must be finite and rise from one band to the next; {edge} does not rise above {previous}"
                    );
                    self.report(&band.motion, key, message);
                }
                previous = edge;
            }
        }
    }

    fn durations(&mut self, r: &Rulebook) {
        let ranges = &r.time_to_value.ranges;
        let mut previous: Option<(f64, f64)> = None;
        for (i, range) in ranges.iter().enumerate() {
            let key = "time_to_value.ranges";
            self.source(key, &range.source);
            if !range.weight.get_ref().is_finite() {
                self.report(&range.weight, key, "weights must be finite numbers".into());
            }
            let seconds = match (&range.below, i + 1 == ranges.len()) {
                (Some(below), false) => match below.get_ref().parse::<Duration>() {
                    Ok(d) => d.seconds(),
                    Err(e) => {
                        self.report(below, key, e.to_string());
                        continue;
                    }
                },
                (None, true) => f64::INFINITY,
                (Some(below), true) => {
                    self.report(
                        below,
                        key,
                        "the last range is open-ended; remove its `below`".into(),
                    );
                    continue;
                }
                (None, false) => {
                    self.report(
                        &range.weight,
                        key,
                        "every range but the last needs `below`".into(),
                    );
                    continue;
                }
            };
            if let Some((prev_seconds, prev_weight)) = previous {
                if seconds <= prev_seconds {
                    self.report(
                        &range.weight,
                        key,
                        "ranges must go from shortest to longest".into(),
                    );
                }
                if *range.weight.get_ref() < prev_weight {
                    let message = format!(
                        "weights must not fall as time to value grows ({} after {prev_weight}); a longer time would otherwise look more product-led",
                        range.weight.get_ref()
                    );
                    self.report(&range.weight, key, message);
                }
            }
            previous = Some((seconds, *range.weight.get_ref()));
        }
        if ranges.is_empty() {
            self.top(
                "time_to_value.ranges",
                "at least one range is needed".into(),
            );
        }
    }

    fn factors(&mut self, r: &Rulebook) {
        for &factor in FactorId::CHOICES {
            if !r.factors.iter().any(|f| *f.id.get_ref() == factor) {
                self.top(
                    "factors",
                    format!(
                        "factor `{}` has no rules; add a `[[factors]]` entry for it",
                        factor.id()
                    ),
                );
            }
        }
        let mut seen = Vec::new();
        for f in &r.factors {
            let factor = *f.id.get_ref();
            let key = format!("factors.{}", factor.id());
            if factor == FactorId::TimeToValue {
                self.report(
                    &f.id,
                    &key,
                    "time to value is set in `[time_to_value]`, not in `[[factors]]`".into(),
                );
                continue;
            }
            if seen.contains(&factor) {
                self.report(&f.id, &key, "this factor is defined twice".into());
            }
            seen.push(factor);
            let allowed = factor.values();
            for v in &f.values {
                self.source(&key, &v.source);
                if !allowed.contains(&v.value.get_ref().as_str()) {
                    let message = format!(
                        "`{}` is not a value of {}; allowed: {}",
                        v.value.get_ref(),
                        factor.id(),
                        allowed.join(", ")
                    );
                    self.report(&v.value, &key, message);
                }
                if !v.weight.is_finite() {
                    self.report(&v.value, &key, "weights must be finite numbers".into());
                }
            }
            for value in allowed {
                let count = f
                    .values
                    .iter()
                    .filter(|v| v.value.get_ref() == value)
                    .count();
                if count != 1 {
                    let message = format!("value `{value}` needs exactly one rule, found {count}");
                    self.report(&f.id, &key, message);
                }
            }
            if factor.is_ordered() {
                let weights: Vec<f64> = allowed
                    .iter()
                    .filter_map(|value| f.values.iter().find(|v| v.value.get_ref() == value))
                    .map(|v| v.weight)
                    .collect();
                if weights.windows(2).any(|w| w[1] < w[0]) {
                    let message = format!(
                        "weights must not fall along {} (in that order), or a more sales-heavy answer could give a more product-led motion",
                        allowed.join(", ")
                    );
                    self.report(&f.id, &key, message);
                }
            }
        }
    }

    fn conflicts(&mut self, r: &Rulebook) {
        let mut ids: Vec<&str> = Vec::new();
        for c in &r.conflicts {
            let id = c.id.get_ref().as_str();
            let key = "conflicts";
            if !is_kebab_id(id) {
                self.report(
                    &c.id,
                    key,
                    format!("`{id}` is not a kebab-case id (lowercase words joined by hyphens)"),
                );
            }
            if ids.contains(&id) {
                self.report(&c.id, key, format!("conflict id `{id}` is used twice"));
            }
            ids.push(id);
            self.source(key, &c.source);
            if c.bands.is_empty() || c.when.is_empty() {
                self.report(
                    &c.id,
                    key,
                    "a conflict needs at least one band and one condition".into(),
                );
            }
            for cond in &c.when {
                let factor = *cond.factor.get_ref();
                match (&cond.values, cond.lean) {
                    (Some(values), None) if factor != FactorId::TimeToValue => {
                        for value in values {
                            if !factor.values().contains(&value.as_str()) {
                                let message = format!("`{value}` is not a value of {}; allowed: {}", factor.id(), factor.values().join(", "));
                                self.report(&cond.factor, key, message);
                            }
                        }
                    }
                    (None, Some(_)) => {}
                    _ => self.report(
                        &cond.factor,
                        key,
                        "a condition needs either `values` or `lean` (time_to_value takes only `lean`)".into(),
                    ),
                }
            }
        }
    }

    fn checklist(&mut self, r: &Rulebook) {
        let mut ids: Vec<&str> = Vec::new();
        for item in &r.checklist {
            let id = item.id.get_ref().as_str();
            let key = "checklist";
            if !is_kebab_id(id) {
                self.report(
                    &item.id,
                    key,
                    format!("`{id}` is not a kebab-case id (lowercase words joined by hyphens)"),
                );
            }
            if ids.contains(&id) {
                self.report(&item.id, key, format!("checklist id `{id}` is used twice"));
            }
            ids.push(id);
            self.source(key, &item.source);
            if item.motions.is_empty() {
                self.report(&item.id, key, "an item needs at least one motion".into());
            }
        }
        for motion in Motion::ALL {
            if !r.checklist.iter().any(|i| i.motions.contains(motion)) {
                self.top(
                    "checklist",
                    format!("motion `{motion}` has no checklist items"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_rulebook_is_valid() {
        let r =
            Rulebook::parse(DEFAULT_RULEBOOK, "rulebook.toml").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.motions.len(), 5);
    }

    #[test]
    fn the_quick_revision_is_the_parsed_one() {
        assert_eq!(default_revision(), Rulebook::default_rules().revision);
    }

    #[test]
    fn band_edges_follow_the_documents_wording() {
        let r = Rulebook::default_rules();
        let cases = [
            (0.0, Motion::SelfServe),
            (999.99, Motion::SelfServe),
            (1000.0, Motion::Plg),
            (4999.0, Motion::Plg),
            (5000.0, Motion::Hybrid),
            (50000.0, Motion::Hybrid),
            (50000.01, Motion::SalesLed),
            (250000.0, Motion::SalesLed),
            (250000.01, Motion::Enterprise),
            (1e12, Motion::Enterprise),
        ];
        for (acv, motion) in cases {
            assert_eq!(r.band(acv), motion, "{acv}");
        }
    }

    #[test]
    fn every_citation_names_a_table_and_a_document() {
        let r = Rulebook::default_rules();
        assert_eq!(
            r.cite(&r.acv.source),
            "ACV framework — Product-Led vs Sales-Led in 2026"
        );
    }

    fn broken(from: &str, to: &str) -> Vec<Problem> {
        assert!(DEFAULT_RULEBOOK.contains(from), "{from}");
        let src = DEFAULT_RULEBOOK.replacen(from, to, 1);
        Rulebook::parse(&src, "r.toml").unwrap_err().problems
    }

    #[test]
    fn unknown_keys_are_refused_with_a_line() {
        let ps = broken("format = 1", "format = 1\nfromat = 1");
        assert_eq!(ps.len(), 1);
        assert_eq!(
            ps[0].location.unwrap().line,
            2 + DEFAULT_RULEBOOK
                .lines()
                .position(|l| l == "format = 1")
                .unwrap()
        );
        assert!(ps[0].message.contains("fromat"), "{}", ps[0].message);
    }

    #[test]
    fn weights_that_break_monotonicity_are_refused() {
        let ps = broken(
            "value = \"committee\"\nweight = 1.0",
            "value = \"committee\"\nweight = -2.0",
        );
        assert!(
            ps.iter().any(|p| p.message.contains("must not fall")),
            "{ps:?}"
        );
    }

    #[test]
    fn unknown_document_ids_are_refused() {
        let ps = broken(
            "doc = \"plg-2026\", table = \"ACV framework\"",
            "doc = \"nope\", table = \"ACV framework\"",
        );
        assert!(
            ps.iter()
                .any(|p| p.message.contains("`nope` is not a document id")),
            "{ps:?}"
        );
    }

    #[test]
    fn bands_must_rise() {
        let ps = broken("below = 5000", "below = 500");
        assert!(ps.iter().any(|p| p.message.contains("rise")), "{ps:?}");
    }
}
