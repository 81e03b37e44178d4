//! Rules about where a decision ends, whatever its band (model 2.1): the
//! conflicts reported by the motion a decision ends on, and the near-line
//! note. Data, no decisions.
//!
//! build.rs compiles this file too (through `rulebook/mod.rs`): it may use
//! only what build.rs provides.

use crate::motion::Motion;
use crate::rulebook::{Condition, Source, Spanned, Text};

use serde::{Deserialize, Serialize};

/// A conflict reported when the decision ends on one of `motions` and the
/// conditions hold, in any band. It never moves the motion.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictRule {
    /// Stable kebab-case id, unique among the moves' ids too.
    pub id: Spanned<Text>,
    /// The motions the decision must end on.
    pub motions: Vec<Motion>,
    /// Conditions that must all hold.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// The conflict, in one or two sentences.
    pub conflict: Text,
    /// What to do about it.
    pub advice: Text,
    /// Where it comes from.
    pub source: Source,
}

/// The `near-line` note: the ACV within `within_percent` of a band line (or
/// of a line in `also`), and the readings pointing across it. The motion
/// keeps to the line; the note says where the answers point.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NearLine {
    /// Stable kebab-case id.
    pub id: Spanned<Text>,
    /// How close counts as near, in percent of the line.
    pub within_percent: u32,
    /// Lines besides the band edges, as amounts (`"$25,000"`): the lowest
    /// ACV of the upper side.
    #[serde(default)]
    pub also: Vec<Text>,
    /// Readings that point down across a line the ACV is just above.
    pub above_when: Vec<Condition>,
    /// Readings that point up across a line the ACV is just below.
    pub below_when: Vec<Condition>,
    /// The note in one short line.
    pub summary: Text,
    /// The note; `{acv}`, `{line}`, `{distance}` and `{motion}` (the motion
    /// across the line) are filled in.
    pub message: Text,
    /// The sections behind it.
    pub sources: Vec<Source>,
}
