//! JSON output, schema_version 1, as DESIGN.md documents it.
//!
//! Fields may be added over time; none may change meaning without raising
//! `schema_version`.

use serde::Serialize;

use super::{Evaluated, round2};
use crate::checklist::ChecklistEntry;
use crate::motion::Motion;
use crate::rulebook::{Lean, Level, Rulebook};

/// The JSON schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One result, as serialised; other JSON outputs (what-if) embed it.
#[derive(Serialize)]
pub(super) struct Result<'a> {
    schema_version: u32,
    file: &'a str,
    name: &'a str,
    motion: Motion,
    acv_band: Motion,
    margin: Option<f64>,
    nearest_motion: Option<Motion>,
    acv: f64,
    lean_score: f64,
    threshold: f64,
    factors: Vec<Factor<'a>>,
    conflicts: Vec<Conflict<'a>>,
    findings: Vec<Finding<'a>>,
    checklist: Vec<Item<'a>>,
    flip_points: Vec<Flip<'a>>,
    segments: Vec<Segment<'a>>,
    motion_mix: Vec<Mix>,
    handoffs: Vec<Handoff<'a>>,
}

#[derive(Serialize)]
struct Segment<'a> {
    name: &'a str,
    acv: f64,
    share: f64,
    acv_band: Motion,
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
    to: &'a str,
    motion: Motion,
}

#[derive(Serialize)]
struct Factor<'a> {
    id: &'a str,
    label: &'a str,
    value: &'a str,
    lean: Lean,
    weight: f64,
    source: &'a str,
    why: &'a str,
}

#[derive(Serialize)]
struct Conflict<'a> {
    id: &'a str,
    message: &'a str,
    advice: &'a str,
    source: &'a str,
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

impl<'a> From<&'a crate::findings::Finding> for Finding<'a> {
    fn from(f: &'a crate::findings::Finding) -> Finding<'a> {
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
    done: bool,
}

fn items(entries: &[ChecklistEntry]) -> Vec<Item<'_>> {
    entries
        .iter()
        .map(|i| Item {
            id: &i.id,
            section: &i.section,
            text: &i.text,
            done: i.done,
        })
        .collect()
}

pub(super) fn result<'a>(r: &Evaluated<'a>) -> Result<'a> {
    let a = r.assessment;
    Result {
        schema_version: SCHEMA_VERSION,
        file: r.file,
        name: &a.name,
        motion: a.motion,
        acv_band: a.acv_band,
        margin: a.margin.map(|m| round2(m.points)),
        nearest_motion: a.margin.map(|m| m.motion),
        acv: a.acv.dollars(),
        lean_score: round2(a.lean_score),
        threshold: a.threshold,
        factors: a
            .factors
            .iter()
            .map(|f| Factor {
                id: f.id,
                label: &f.label,
                value: &f.value,
                lean: f.lean,
                weight: round2(f.weight),
                source: &f.source,
                why: &f.why,
            })
            .collect(),
        conflicts: a
            .conflicts
            .iter()
            .map(|c| Conflict {
                id: &c.id,
                message: &c.message,
                advice: &c.advice,
                source: &c.source,
            })
            .collect(),
        findings: a.findings.iter().map(Finding::from).collect(),
        checklist: items(&a.checklist),
        flip_points: a
            .flip_points
            .iter()
            .map(|f| Flip {
                change: &f.change,
                to: &f.to,
                motion: f.motion,
            })
            .collect(),
        segments: a
            .segments
            .iter()
            .map(|s| Segment {
                name: &s.name,
                acv: s.acv.dollars(),
                share: s.share,
                acv_band: s.acv_band,
                motion: s.motion,
            })
            .collect(),
        motion_mix: a
            .motion_mix
            .iter()
            .map(|(motion, share)| Mix {
                motion: *motion,
                share: round2(*share),
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
    let text = assessment(r);
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.trim_end().lines() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str("  ");
        out.push_str(line);
    }
    out
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
    use crate::{Rulebook, assess, profile};

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

#[derive(Serialize)]
struct Checklist<'a> {
    schema_version: u32,
    motion: Motion,
    name: &'a str,
    items: Vec<ChecklistItem<'a>>,
}

#[derive(Serialize)]
struct ChecklistItem<'a> {
    id: &'a str,
    section: &'a str,
    text: &'a str,
    source: &'a str,
}

/// The checklist of one motion.
pub fn checklist(motion: Motion, entries: &[ChecklistEntry], rules: &Rulebook) -> String {
    to_string(&Checklist {
        schema_version: SCHEMA_VERSION,
        motion,
        name: &rules.motion(motion).name,
        items: entries
            .iter()
            .map(|i| ChecklistItem {
                id: &i.id,
                section: &i.section,
                text: &i.text,
                source: &i.source,
            })
            .collect(),
    })
}

/// The rulebook itself.
pub fn rulebook(rules: &Rulebook) -> String {
    to_string(rules)
}
