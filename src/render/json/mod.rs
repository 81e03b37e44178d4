//! JSON output, schema_version 2, as DESIGN.md documents it.
//!
//! Fields may be added over time; none may change meaning without raising
//! `schema_version`.

mod compare;
mod diff;
mod lists;
mod pql;
mod whatif;

pub use compare::compare;
pub use diff::diff;
pub use lists::{checklist, rulebook, rulebook_list};
pub use pql::pql;
pub use whatif::whatif;

use serde::Serialize;

use super::{Evaluated, round4};
use crate::engine::assess::{DecisionView, Move as MoveResult};
use crate::engine::checklist::ChecklistEntry;
use crate::motion::Motion;
use crate::rulebook::{Level, Text};

/// The JSON schema version this build writes.
pub const SCHEMA_VERSION: u32 = 2;

/// One result, as serialised; other JSON outputs (what-if) embed it.
#[derive(Serialize)]
pub(super) struct Result<'a> {
    schema_version: u32,
    file: &'a str,
    name: &'a str,
    motion: Motion,
    acv_band: Motion,
    confidence: &'static str,
    acv: &'a str,
    acv_cents: u64,
    readings: Readings<'a>,
    moves: Vec<Move<'a>>,
    holds: Vec<Hold<'a>>,
    factors: Vec<Factor<'a>>,
    conflicts: Vec<Conflict<'a>>,
    notes: Vec<Note<'a>>,
    findings: Vec<Finding<'a>>,
    checklist: Vec<Item<'a>>,
    flip_points: Vec<Flip<'a>>,
    /// The profile's `[expect]`, and whether the answers still give it.
    #[serde(skip_serializing_if = "Option::is_none")]
    expect: Option<Expect>,
    #[serde(skip_serializing_if = "Option::is_none")]
    company_wide: Option<CompanyWide<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    headline: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    segments: Vec<Segment<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    motion_mix: Vec<Mix>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    handoffs: Vec<Handoff<'a>>,
}

#[derive(Serialize)]
struct Expect {
    motion: Motion,
    holds: bool,
}

#[derive(Serialize)]
struct Readings<'a> {
    product: Reading<'a>,
    buyer: Reading<'a>,
    pull: Reading<'a>,
}

#[derive(Serialize)]
struct Reading<'a> {
    value: &'static str,
    because: Vec<&'static str>,
    message: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct Move<'a> {
    from: Motion,
    to: Motion,
    rules: &'a [String],
    message: String,
}

#[derive(Serialize)]
struct Hold<'a> {
    rule: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct CompanyWide<'a> {
    acv_band: Motion,
    readings: Readings<'a>,
    moves: Vec<Move<'a>>,
    motion: Motion,
    share: f64,
}

#[derive(Serialize)]
struct Segment<'a> {
    name: &'a str,
    share: f64,
    acv: String,
    acv_band: Motion,
    readings: Readings<'a>,
    moves: Vec<Move<'a>>,
    conflicts: Vec<Conflict<'a>>,
    motion: Motion,
}

#[derive(Serialize)]
struct Mix {
    motion: Motion,
    share: f64,
}

#[derive(Serialize)]
struct Handoff<'a> {
    from: Motion,
    to: Motion,
    triggers: Vec<Trigger<'a>>,
}

#[derive(Serialize)]
struct Trigger<'a> {
    id: &'a str,
    text: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct Flip<'a> {
    change: &'a str,
    direction: &'static str,
    to: &'a str,
    motion: Motion,
    conflicts: &'a [String],
}

#[derive(Serialize)]
struct Factor<'a> {
    id: &'a str,
    label: &'a str,
    value: &'a str,
    reading: &'a str,
    source: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct Conflict<'a> {
    id: &'a str,
    message: &'a str,
    advice: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct Note<'a> {
    id: &'a str,
    summary: &'a str,
    message: &'a str,
    sources: &'a [Text],
}

#[derive(Serialize)]
pub(crate) struct Finding<'a> {
    pub(crate) id: &'a str,
    pub(crate) level: Level,
    pub(crate) message: &'a str,
    pub(crate) fix: &'a str,
    pub(crate) source: &'a str,
    pub(crate) line: Option<usize>,
}

impl<'a> From<&'a crate::engine::findings::Finding> for Finding<'a> {
    fn from(f: &'a crate::engine::findings::Finding) -> Finding<'a> {
        Finding {
            id: &f.id,
            level: f.level,
            message: &f.message,
            fix: &f.fix,
            source: &f.source,
            line: f.line,
        }
    }
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    section: &'a str,
    text: &'a str,
    source: &'a str,
    done: bool,
}

fn items(entries: &[ChecklistEntry]) -> Vec<Item<'_>> {
    entries
        .iter()
        .map(|i| Item {
            id: &i.id,
            section: &i.section,
            text: &i.text,
            source: &i.source,
            done: i.done,
        })
        .collect()
}

fn readings(d: &DecisionView) -> Readings<'_> {
    let one = |i: usize| {
        let r = &d.readings[i];
        Reading {
            value: r.value,
            because: r.because.iter().map(|(k, _)| k.short()).collect(),
            message: &r.message,
            source: &r.source,
        }
    };
    Readings {
        product: one(0),
        buyer: one(1),
        pull: one(2),
    }
}

fn moves(moves: &[MoveResult]) -> Vec<Move<'_>> {
    moves
        .iter()
        .map(|m| Move {
            from: m.from,
            to: m.to,
            rules: &m.rules,
            message: Text::join(&m.messages, " "),
        })
        .collect()
}

fn conflicts(d: &DecisionView) -> Vec<Conflict<'_>> {
    d.conflicts
        .iter()
        .map(|c| Conflict {
            id: &c.id,
            message: &c.message,
            advice: &c.advice,
            source: &c.source,
        })
        .collect()
}

pub(super) fn result<'a>(r: &Evaluated<'a>) -> Result<'a> {
    let a = r.assessment;
    let d = &a.decision;
    let with_segments = !a.segments.is_empty();
    Result {
        schema_version: SCHEMA_VERSION,
        file: r.file,
        name: &a.name,
        motion: a.motion,
        acv_band: d.acv_band,
        confidence: a.confidence.id(),
        acv: &a.factors[0].value,
        acv_cents: a.acv.cents(),
        readings: readings(d),
        moves: moves(&d.moves),
        holds: d
            .holds
            .iter()
            .map(|h| Hold {
                rule: &h.rule,
                message: &h.message,
            })
            .collect(),
        factors: a
            .factors
            .iter()
            .map(|f| Factor {
                id: f.id,
                label: f.label,
                value: &f.value,
                reading: &f.reading,
                source: &f.source,
                message: &f.message,
            })
            .collect(),
        conflicts: conflicts(d),
        notes: a
            .notes
            .iter()
            .map(|n| Note {
                id: &n.id,
                summary: &n.summary,
                message: &n.message,
                sources: &n.sources,
            })
            .collect(),
        findings: a.findings.iter().map(Finding::from).collect(),
        checklist: items(&a.checklist),
        flip_points: a
            .flip_points
            .iter()
            .map(|f| Flip {
                change: &f.change,
                direction: f.direction.id(),
                to: &f.to,
                motion: f.motion,
                conflicts: &f.conflicts,
            })
            .collect(),
        expect: a.expected.map(|m| Expect {
            motion: m,
            holds: m == a.motion,
        }),
        company_wide: with_segments.then(|| CompanyWide {
            acv_band: d.acv_band,
            readings: readings(d),
            moves: moves(&d.moves),
            motion: d.motion,
            share: round4(a.remainder_share),
        }),
        headline: with_segments.then_some(match a.headline {
            crate::engine::decide::Headline::BothEnds => "both-ends",
            _ => "median",
        }),
        segments: a
            .segments
            .iter()
            .map(|s| Segment {
                name: &s.name,
                share: s.share,
                acv: s.acv.to_string(),
                acv_band: s.decision.acv_band,
                readings: readings(&s.decision),
                moves: moves(&s.decision.moves),
                conflicts: conflicts(&s.decision),
                motion: s.decision.motion,
            })
            .collect(),
        motion_mix: a
            .motion_mix
            .iter()
            .map(|(motion, share)| Mix {
                motion: *motion,
                share: round4(*share),
            })
            .collect(),
        handoffs: a
            .handoffs
            .iter()
            .map(|h| Handoff {
                from: h.from,
                to: h.to,
                triggers: h
                    .triggers
                    .iter()
                    .map(|(id, text, source)| Trigger { id, text, source })
                    .collect(),
            })
            .collect(),
    }
}

pub(crate) fn to_string(value: &impl Serialize) -> String {
    // Serialising these plain structs cannot fail: every map key is a string.
    let mut text = serde_json::to_string_pretty(value).expect("JSON of plain data");
    text.push('\n');
    text
}

/// One result as a JSON object.
pub fn assessment(r: &Evaluated<'_>) -> String {
    to_string(&result(r))
}

/// Several results as one JSON array, in the order given.
pub fn assessments(results: &[Evaluated<'_>]) -> String {
    to_string(&results.iter().map(result).collect::<Vec<_>>())
}

/// One result as an element of a pretty-printed array: indented one level,
/// without a trailing comma or newline. [`ArrayWriter`] joins such elements into
/// exactly what [`assessments`] prints, so a large portfolio can be rendered
/// one profile at a time.
pub fn array_element(r: &Evaluated<'_>) -> String {
    // An array of one, pretty-printed, is "[\n" + the element indented one
    // level + "\n]": serde_json indents it, so no pass over its lines is needed.
    let mut text = to_string(&[result(r)]);
    text.truncate(text.len().saturating_sub("\n]\n".len()));
    text.split_off("[\n".len().min(text.len()))
}

/// Writes a pretty-printed JSON array one element at a time, so a large
/// portfolio is never held in memory whole. Elements come from
/// [`array_element`]; the bytes written equal what [`assessments`] prints for
/// the same results. An array that never received an element writes nothing.
pub struct ArrayWriter<W> {
    out: W,
    started: bool,
}

impl<W: std::io::Write> ArrayWriter<W> {
    /// A writer that has written nothing yet.
    pub fn new(out: W) -> ArrayWriter<W> {
        ArrayWriter {
            out,
            started: false,
        }
    }

    /// Writes one element, preceded by the opening bracket or a comma.
    pub fn element(&mut self, element: &str) -> std::io::Result<()> {
        let before = if self.started { ",\n" } else { "[\n" };
        self.started = true;
        self.out.write_all(before.as_bytes())?;
        self.out.write_all(element.as_bytes())
    }

    /// Closes the array, if one was opened; returns whether it was.
    pub fn finish(mut self) -> std::io::Result<bool> {
        if self.started {
            self.out.write_all(b"\n]\n")?;
        }
        Ok(self.started)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::assess::assess;
    use crate::profile;
    use crate::rulebook::Rulebook;

    #[test]
    fn streamed_arrays_match_the_whole_array() {
        let rules = Rulebook::default_rules();
        let p = profile::parse(crate::profile::STARTER, "s.toml", &rules).unwrap();
        let a = assess(&p, &rules);
        let results = [
            Evaluated {
                file: "a.toml",
                assessment: &a,
            },
            Evaluated {
                file: "b.toml",
                assessment: &a,
            },
        ];
        let mut streamed = Vec::new();
        let mut array = ArrayWriter::new(&mut streamed);
        for r in &results {
            array.element(&array_element(r)).unwrap();
        }
        assert!(array.finish().unwrap());
        assert_eq!(String::from_utf8(streamed).unwrap(), assessments(&results));

        let mut nothing = Vec::new();
        assert!(!ArrayWriter::new(&mut nothing).finish().unwrap());
        assert!(nothing.is_empty());
    }
}
