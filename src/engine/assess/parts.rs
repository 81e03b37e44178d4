//! The parts of an assessment that describe one decision: its readings,
//! move or hold, evidence, conflicts, notes, segments and hand-offs, as
//! data for the renderers (they word nothing themselves).

use crate::motion::Motion;
use crate::profile::Money;
use crate::rulebook::{Key, Reading, Text};

/// Whether the decision is plain or had to weigh answers against the price.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    /// The motion is the band's and nothing conflicts.
    Clear,
    /// The motion moved from the band, or a conflict was found.
    Contested,
}

impl Confidence {
    /// `clear` or `contested`.
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Clear => "clear",
            Confidence::Contested => "contested",
        }
    }
}

/// One reading with what decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingResult {
    /// Which reading.
    pub reading: Reading,
    /// Its value, e.g. `needs-assist`.
    pub value: &'static str,
    /// The answers that decided it, as (key, answer shown to people).
    pub because: Vec<(Key, String)>,
    /// What the value means, from the rulebook row.
    pub message: Text,
    /// The citation of that row.
    pub source: Text,
}

/// A move of the motion from the band, with every rule that called for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// The band's motion.
    pub from: Motion,
    /// The motion it moved to.
    pub to: Motion,
    /// The ids of the rules that held.
    pub rules: Vec<String>,
    /// Why, one sentence per rule.
    pub messages: Vec<Text>,
    /// The citations, one per rule.
    pub sources: Vec<Text>,
}

/// A rule that held the band's motion where it is, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Hold {
    /// The rule's id.
    pub rule: String,
    /// Why the motion stays.
    pub message: Text,
    /// The citation.
    pub source: Text,
}

/// One answer shown as evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    /// The key: `acv`, `time_to_value`, `buyer`, ... or a signal's name.
    pub id: &'static str,
    /// Label for tables.
    pub label: &'static str,
    /// The answer as shown to people, e.g. "$12,000" or "20 minutes".
    pub value: String,
    /// What the answer feeds: `band`, the readings it decides (e.g.
    /// `product, buyer`), or `evidence` when it never changes the motion.
    pub reading: String,
    /// The citation.
    pub source: Text,
    /// What the answer says.
    pub message: Text,
}

/// A place where the product or buyer reading and the price point at
/// opposite ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The id of the move rule that reports it.
    pub id: String,
    /// What the conflict is.
    pub message: Text,
    /// What to do about it.
    pub advice: Text,
    /// The citation.
    pub source: Text,
}

/// Where the two documents disagree on this profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Stable id.
    pub id: String,
    /// The disagreement in one short line.
    pub summary: Text,
    /// What each says and what the tool does.
    pub message: Text,
    /// The sections that disagree.
    pub sources: Vec<Text>,
}

/// One decision laid out for people: band, readings, moves, holds, motion.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionView {
    /// The ACV band's motion.
    pub acv_band: Motion,
    /// The three readings.
    pub readings: Vec<ReadingResult>,
    /// The move, if the motion left the band (at most one).
    pub moves: Vec<Move>,
    /// Rules that held the motion in its band.
    pub holds: Vec<Hold>,
    /// Conflicts the rules that held report.
    pub conflicts: Vec<Conflict>,
    /// The motion.
    pub motion: Motion,
}

/// One segment's result.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentResult {
    /// The segment's name.
    pub name: String,
    /// Its ACV.
    pub acv: Money,
    /// Its share of revenue, 0..1.
    pub share: f64,
    /// Its decision.
    pub decision: DecisionView,
}

/// A hand-off between two motions the company runs, with its triggers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffResult {
    /// The more product-led motion.
    pub from: Motion,
    /// The more sales-led motion it hands accounts to.
    pub to: Motion,
    /// The triggers: id, sentence and citation.
    pub triggers: Vec<(Text, Text, Text)>,
}
