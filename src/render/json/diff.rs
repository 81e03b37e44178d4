//! `gtm diff --format json`: the changed answers, what changed in the
//! decision, and both full results.

use serde::Serialize;

use crate::engine::assess::Assessment;
use crate::engine::diff::{Delta, Diff};
use crate::render::Evaluated;

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    old: &'a str,
    new: &'a str,
    motion_changed: bool,
    changed_answers: Vec<Answer<'a>>,
    motion: Pair<&'static str>,
    acv_band: Pair<&'static str>,
    confidence: Pair<&'static str>,
    readings: Vec<Reading>,
    conflicts: &'a Delta,
    notes: &'a Delta,
    findings: &'a Delta,
    checklist: &'a Delta,
    segments: Vec<Segment<'a>>,
    before: super::Result<'a>,
    after: super::Result<'a>,
}

#[derive(Serialize)]
struct Pair<T> {
    before: T,
    after: T,
}

#[derive(Serialize)]
struct Answer<'a> {
    id: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
}

#[derive(Serialize)]
struct Reading {
    reading: &'static str,
    before: &'static str,
    after: &'static str,
}

#[derive(Serialize)]
struct Segment<'a> {
    name: &'a str,
    before: Option<&'static str>,
    after: Option<&'static str>,
}

/// JSON for `gtm diff OLD NEW`.
pub fn diff(old: &str, new: &str, d: &Diff, before: &Assessment, after: &Assessment) -> String {
    super::to_string(&Report {
        schema_version: super::SCHEMA_VERSION,
        old,
        new,
        motion_changed: d.motion_changed(),
        changed_answers: d
            .answers
            .iter()
            .map(|f| Answer {
                id: f.id,
                before: f.before.as_ref().map(|(v, _)| v.as_str()),
                after: f.after.as_ref().map(|(v, _)| v.as_str()),
            })
            .collect(),
        motion: Pair {
            before: d.motion.0.id(),
            after: d.motion.1.id(),
        },
        acv_band: Pair {
            before: d.band.0.id(),
            after: d.band.1.id(),
        },
        confidence: Pair {
            before: d.confidence.0,
            after: d.confidence.1,
        },
        readings: d
            .readings
            .iter()
            .map(|r| Reading {
                reading: r.reading,
                before: r.before,
                after: r.after,
            })
            .collect(),
        conflicts: &d.conflicts,
        notes: &d.notes,
        findings: &d.findings,
        checklist: &d.checklist,
        segments: d
            .segments
            .iter()
            .map(|s| Segment {
                name: &s.name,
                before: s.before.map(|m| m.id()),
                after: s.after.map(|m| m.id()),
            })
            .collect(),
        before: super::result(&Evaluated {
            file: old,
            assessment: before,
        }),
        after: super::result(&Evaluated {
            file: new,
            assessment: after,
        }),
    })
}
