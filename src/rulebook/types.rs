//! The rulebook's types: documents and their sections, the five motions,
//! the ACV bands, the reading tables, the move table, notes, evidence,
//! checklist items, findings, switching and hand-offs. Data, no decisions.
//!
//! build.rs compiles this file too (through `rulebook/mod.rs`): it may use
//! only what build.rs provides (`diagnostic`, `motion`, the profile's money
//! and durations, `engine::validate`).

use crate::motion::Motion;
use crate::rulebook::{ConflictRule, Key, NearLine, Reading, Spanned, Text};

use serde::{Deserialize, Serialize};

/// The full set of decision rules a recommendation is made from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    /// Format of this file; must be [`RULEBOOK_FORMAT`].
    pub format: u32,
    /// The rulebook's own version, shown by `gtm --version`.
    pub revision: Text,
    /// A one-line description.
    pub title: Text,
    /// Where this rulebook's lines come from, for `gtm rules --list` and
    /// `gtm compare`; optional in a user's own rulebook.
    #[serde(default)]
    pub origin: Option<Origin>,
    /// The source documents rules cite, with their sections.
    pub documents: Vec<Document>,
    /// Display names and roles of the five motions, in order.
    pub motions: Vec<MotionInfo>,
    /// The ACV framework: which motion each price band starts from.
    pub acv: AcvFramework,
    /// The three readings (product, buyer, pull), each a first-match table.
    pub readings: Vec<ReadingTable>,
    /// Moves from a band's motion (at most one step), and rules that hold it.
    pub moves: Vec<MoveRule>,
    /// Conflicts reported by where the decision ends, whatever the band
    /// (model 2.1's `pull-at-sales-price`); they never move the motion.
    #[serde(default)]
    pub conflicts: Vec<ConflictRule>,
    /// The note for an ACV close to a line with answers pointing across it
    /// (model 2.1's `near-line`).
    #[serde(default)]
    pub near_line: Option<NearLine>,
    /// Where the two documents draw a line differently.
    #[serde(default)]
    pub notes: Vec<NoteRule>,
    /// What each answer says, shown beside the decision.
    #[serde(default)]
    pub evidence: Vec<EvidenceTable>,
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

/// What a rulebook is, in a line each: its name, its source, what that
/// source leaves out, and where the mapping onto the five motions is the
/// tool's reading rather than the source's.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// The name `--rules NAME` selects it by (kebab-case).
    pub name: Spanned<Text>,
    /// What sentences call its source, e.g. "the KBCM survey".
    pub called: Text,
    /// One line on where its lines come from, for `gtm rules --list`.
    pub summary: Text,
    /// The section its ACV lines are cited from.
    pub source: Source,
    /// The answers its source itself ignores, in one sentence.
    pub ignores: Text,
    /// Where the mapping onto the five motions is the tool's own reading.
    pub reading: Text,
}

/// A source document and the sections a citation may name.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Short id used in `source` references.
    pub id: Spanned<Text>,
    /// The document's title.
    pub title: Text,
    /// Its tables and headed sections, by name.
    pub sections: Vec<Text>,
}

/// A citation: one section (a table or headed section) of one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Document id.
    pub doc: Spanned<Text>,
    /// Section name, one of the document's `sections`.
    pub section: Spanned<Text>,
    /// A finer pointer inside the section, e.g. "usage trigger".
    #[serde(default)]
    pub part: Option<Text>,
    /// The citation as people read it; filled in when the rulebook is read.
    #[serde(skip)]
    pub cited: Text,
}

/// How a motion is presented.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotionInfo {
    /// Which motion.
    pub id: Spanned<Motion>,
    /// Display name, e.g. "Hybrid (product-led sales)".
    pub name: Text,
    /// What sales does in this motion.
    pub sales_role: Text,
}

/// The ACV framework.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcvFramework {
    /// Where the bands come from.
    pub source: Source,
    /// One band per motion, in motion order, from self-serve to enterprise
    /// (a source with no band for a motion between them leaves it out); the
    /// last has no upper edge.
    pub bands: Vec<AcvBand>,
}

/// One ACV band. At most one of `below` (strict) and `up_to` (inclusive).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcvBand {
    /// The motion this band starts from.
    pub motion: Spanned<Motion>,
    /// ACV strictly below this falls in the band.
    #[serde(default)]
    pub below: Option<Spanned<Text>>,
    /// ACV at or below this falls in the band.
    #[serde(default)]
    pub up_to: Option<Spanned<Text>>,
    /// The highest ACV in the band, in cents; filled in when the rulebook is read.
    #[serde(skip)]
    pub top_cents: Option<u64>,
}

/// One reading: a question and a first-match table of its values.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingTable {
    /// Which reading.
    pub id: Spanned<Reading>,
    /// The question it answers.
    pub question: Text,
    /// Rows checked top to bottom; the first that holds gives the value.
    pub rows: Vec<ReadingRow>,
}

/// One row of a reading table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingRow {
    /// The value this row gives.
    pub value: Spanned<Text>,
    /// Conditions that must all hold.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// What this value means for the product, in one sentence.
    pub message: Text,
    /// Where the row comes from.
    pub source: Source,
}

/// A row of the move table: from a band's motion to `to`, or holding it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoveRule {
    /// Stable kebab-case id.
    pub id: Spanned<Text>,
    /// The ACV band (its motion) the rule applies in.
    pub band: Spanned<Motion>,
    /// Where it moves; none for a rule that holds the band's motion.
    #[serde(default)]
    pub to: Option<Spanned<Motion>>,
    /// Conditions that must all hold.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// Why the motion moves (or holds), written for the motion it ends on.
    pub message: Text,
    /// The conflict reported when the rule holds, if any.
    #[serde(default)]
    pub conflict: Option<Text>,
    /// Extra conditions for reporting the conflict.
    #[serde(default)]
    pub conflict_when: Vec<Condition>,
    /// What to do about the conflict.
    #[serde(default)]
    pub advice: Option<Text>,
    /// Where the rule comes from.
    pub source: Source,
}

/// A place where the two documents disagree, and what the tool does there.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRule {
    /// Stable kebab-case id.
    pub id: Spanned<Text>,
    /// Conditions that must all hold.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// The note applies only when this move rule holds.
    #[serde(rename = "move", default)]
    pub with_move: Option<Spanned<Text>>,
    /// The disagreement in one short line.
    pub summary: Text,
    /// What each document says and what the tool does.
    pub message: Text,
    /// The sections that disagree.
    pub sources: Vec<Source>,
}

/// What each answer to one key says.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceTable {
    /// The profile key.
    pub key: Spanned<Text>,
    /// One row per answer (or per range of time to value, shortest first).
    pub rows: Vec<EvidenceRow>,
}

/// What one answer says.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRow {
    /// The answer, as written in profiles.
    #[serde(default)]
    pub value: Option<Text>,
    /// For time to value: times strictly shorter than this.
    #[serde(default)]
    pub below: Option<Text>,
    /// `below` in seconds (infinite when absent); filled in when read.
    #[serde(skip)]
    pub below_seconds: f64,
    /// What the answer says, in one sentence.
    pub message: Text,
    /// Where it comes from.
    pub source: Source,
}

/// One condition on an answer or a reading.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Dotted key: `acv`, `buyer`, `signals.viral_loops`, `reading.product`, ...
    pub key: Spanned<Text>,
    /// Holds when the answer is one of these.
    #[serde(default)]
    pub values: Option<Vec<Text>>,
    /// Holds when the answer is none of these (an unknown answer is none of them).
    #[serde(default)]
    pub not: Option<Vec<Text>>,
    /// For `acv` and `time_to_value`: holds at or above this.
    #[serde(default)]
    pub at_least: Option<Text>,
    /// For `acv`: holds strictly above this.
    #[serde(default)]
    pub above: Option<Text>,
    /// For `acv` and `time_to_value`: holds strictly below this.
    #[serde(default)]
    pub below: Option<Text>,
    /// For `acv`: holds at or below this.
    #[serde(default)]
    pub at_most: Option<Text>,
    /// On `practices.motion` in findings: holds when it is answered and differs
    /// from the recommendation.
    #[serde(default)]
    pub differs_from_recommendation: bool,
    /// The key and test, resolved when the rulebook is read.
    #[serde(skip)]
    pub test: Test,
}

/// A condition resolved for evaluation: which answer, and what it must be.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum Test {
    /// Not resolved (the rulebook was refused).
    #[default]
    Invalid,
    /// The answer is one of these: bit `i` stands for `key.values()[i]`.
    In(Key, u32),
    /// The answer is none of these (bits as for `In`).
    NotIn(Key, u32),
    /// ACV in cents is at least this.
    AcvAtLeast(u64),
    /// ACV in cents is at most this.
    AcvAtMost(u64),
    /// Time to value in seconds is at least this.
    TimeAtLeast(f64),
    /// Time to value in seconds is below this.
    TimeBelow(f64),
    /// The current motion is answered and differs from the recommendation.
    DiffersFromRecommendation,
}

impl Test {
    /// The key the test reads.
    pub fn key(&self) -> Option<Key> {
        match self {
            Test::In(k, _) | Test::NotIn(k, _) => Some(*k),
            Test::AcvAtLeast(_) | Test::AcvAtMost(_) => Some(Key::Acv),
            Test::TimeAtLeast(_) | Test::TimeBelow(_) => Some(Key::TimeToValue),
            Test::DiffersFromRecommendation => Some(Key::Practice(0)),
            Test::Invalid => None,
        }
    }
}

/// One implementation checklist item.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable kebab-case id, used in `[checklist] done`.
    pub id: Spanned<Text>,
    /// Group heading, e.g. `assess` or `hybrid`.
    pub section: Text,
    /// The motions whose checklist includes it.
    pub motions: Vec<Motion>,
    /// Conditions that must all hold for the item to apply.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// What to do, in one sentence.
    pub text: Text,
    /// Where it comes from.
    pub source: Source,
    /// A profile table whose presence marks the item done without an entry
    /// in `[checklist] done`: criteria written down are criteria defined.
    #[serde(default)]
    pub done_when: Option<DoneWhen>,
}

/// What a profile may show to have done a checklist item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DoneWhen {
    /// The profile has a valid `[pql]` table.
    #[serde(rename = "pql")]
    Pql,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Fails `gtm check`.
    Error,
    /// Reported; fails `gtm check` only with `--deny warnings`.
    Warning,
    /// Reported for information (`motion-changed`); fails `gtm check` only
    /// when denied by name (`--deny motion-changed`).
    Notice,
}

impl Level {
    /// The id used in output.
    pub fn id(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Notice => "notice",
        }
    }
}

/// A lint rule: a pattern in a profile that the documents warn about.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingRule {
    /// Stable kebab-case id, used in `--allow` and `[check] allow`.
    pub id: Spanned<Text>,
    /// Error or warning.
    pub level: Level,
    /// The recommended motions it applies to; empty means all.
    #[serde(default)]
    pub motions: Vec<Motion>,
    /// Conditions that must all hold.
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// The profile key whose line the finding points at.
    pub line: Spanned<Text>,
    /// What is wrong; `{current}` and `{recommended}` name the motions.
    pub message: Text,
    /// How to fix it.
    pub fix: Text,
    /// Where the rule comes from.
    pub source: Source,
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
    pub cost: Text,
    /// When the switch is worth it.
    pub when: Text,
    /// Where it comes from.
    pub source: Source,
}

/// A trigger that hands an account from one motion to a more sales-heavy one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handoff {
    /// Stable kebab-case id.
    pub id: Spanned<Text>,
    /// Motions the account comes from.
    pub from: Vec<Motion>,
    /// Motions it goes to.
    pub to: Vec<Motion>,
    /// What happens, in one sentence.
    pub text: Text,
    /// Where it comes from.
    pub source: Source,
}
