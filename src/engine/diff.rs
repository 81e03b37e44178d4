//! What a change to a profile did to the advice (`gtm diff`, `gtm check
//! --baseline`): the answers that changed and the decision before and
//! after, as data. Pure: two assessments in, no I/O and no sentences.

use super::assess::Assessment;
use super::whatif::{FactorChange, changed_factors};
use crate::motion::Motion;

/// Ids present on one side only.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Delta {
    /// Ids only before the change.
    pub removed: Vec<String>,
    /// Ids only after it.
    pub added: Vec<String>,
}

impl Delta {
    fn of<'a>(
        before: impl Iterator<Item = &'a str>,
        after: impl Iterator<Item = &'a str>,
    ) -> Delta {
        let before: Vec<&str> = before.collect();
        let after: Vec<&str> = after.collect();
        Delta {
            removed: before
                .iter()
                .filter(|b| !after.contains(b))
                .map(|s| s.to_string())
                .collect(),
            added: after
                .iter()
                .filter(|a| !before.contains(a))
                .map(|s| s.to_string())
                .collect(),
        }
    }

    /// Whether nothing was added or removed.
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty()
    }
}

/// A reading whose value changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingChange {
    /// Which reading (`product`, `buyer`, `pull`).
    pub reading: &'static str,
    /// Its value before.
    pub before: &'static str,
    /// Its value after.
    pub after: &'static str,
}

/// A segment whose motion changed, or that was added or removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentChange {
    /// The segment's name.
    pub name: String,
    /// Its motion before (`None`: it was not there).
    pub before: Option<Motion>,
    /// Its motion after (`None`: it is gone).
    pub after: Option<Motion>,
}

/// Everything a change did, answer by answer and part by part.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    /// The company-wide answers whose value or reading changed.
    pub answers: Vec<FactorChange>,
    /// The headline motion before and after.
    pub motion: (Motion, Motion),
    /// The ACV band before and after.
    pub band: (Motion, Motion),
    /// The confidence before and after (`clear`, `contested`).
    pub confidence: (&'static str, &'static str),
    /// The readings that changed.
    pub readings: Vec<ReadingChange>,
    /// Conflict ids that appeared or went away.
    pub conflicts: Delta,
    /// Note ids that appeared or went away.
    pub notes: Delta,
    /// Finding ids that appeared or went away.
    pub findings: Delta,
    /// Checklist item ids that appeared or went away.
    pub checklist: Delta,
    /// Segments whose motion changed, or that came or went.
    pub segments: Vec<SegmentChange>,
}

impl Diff {
    /// Whether the headline motion changed.
    pub fn motion_changed(&self) -> bool {
        self.motion.0 != self.motion.1
    }

    /// Whether the advice is the same in every part this diff looks at.
    pub fn advice_unchanged(&self) -> bool {
        !self.motion_changed()
            && self.band.0 == self.band.1
            && self.confidence.0 == self.confidence.1
            && self.readings.is_empty()
            && self.conflicts.is_empty()
            && self.notes.is_empty()
            && self.findings.is_empty()
            && self.checklist.is_empty()
            && self.segments.is_empty()
    }
}

/// What changed from `before` to `after`.
pub fn diff(before: &Assessment, after: &Assessment) -> Diff {
    let readings = before
        .decision
        .readings
        .iter()
        .zip(&after.decision.readings)
        .filter(|(b, a)| b.value != a.value)
        .map(|(b, a)| ReadingChange {
            reading: b.reading.id(),
            before: b.value,
            after: a.value,
        })
        .collect();
    let mut segments: Vec<SegmentChange> = Vec::new();
    for b in &before.segments {
        let a = after.segments.iter().find(|a| a.name == b.name);
        let after_motion = a.map(|a| a.decision.motion);
        if after_motion != Some(b.decision.motion) {
            segments.push(SegmentChange {
                name: b.name.clone(),
                before: Some(b.decision.motion),
                after: after_motion,
            });
        }
    }
    for a in &after.segments {
        if !before.segments.iter().any(|b| b.name == a.name) {
            segments.push(SegmentChange {
                name: a.name.clone(),
                before: None,
                after: Some(a.decision.motion),
            });
        }
    }
    Diff {
        answers: changed_factors(before, after),
        motion: (before.motion, after.motion),
        band: (before.acv_band(), after.acv_band()),
        confidence: (before.confidence.id(), after.confidence.id()),
        readings,
        conflicts: Delta::of(
            before.conflicts().iter().map(|c| c.id.as_str()),
            after.conflicts().iter().map(|c| c.id.as_str()),
        ),
        notes: Delta::of(
            before.notes.iter().map(|n| n.id.as_str()),
            after.notes.iter().map(|n| n.id.as_str()),
        ),
        findings: Delta::of(
            before.findings.iter().map(|f| f.id.as_str()),
            after.findings.iter().map(|f| f.id.as_str()),
        ),
        checklist: Delta::of(
            before.checklist.iter().map(|i| i.id.as_str()),
            after.checklist.iter().map(|i| i.id.as_str()),
        ),
        segments,
    }
}
