//! `gtm checklist`, `gtm rules` and `gtm rules --list` as JSON.

use super::{SCHEMA_VERSION, to_string};
use crate::engine::checklist::ChecklistEntry;
use crate::motion::Motion;
use crate::rulebook::Rulebook;
use serde::Serialize;

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

#[derive(Serialize)]
struct Listed<'a> {
    name: Option<&'a str>,
    revision: &'a str,
    title: &'a str,
    summary: Option<&'a str>,
    source: String,
    ignores: Option<&'a str>,
    reading: Option<&'a str>,
}

/// The shipped rulebooks, one entry each: what `gtm rules --list` shows.
pub fn rulebook_list(books: &[Rulebook]) -> String {
    #[derive(Serialize)]
    struct List<'a> {
        schema_version: u32,
        rulebooks: Vec<Listed<'a>>,
    }
    to_string(&List {
        schema_version: SCHEMA_VERSION,
        rulebooks: books
            .iter()
            .map(|r| Listed {
                name: r.name(),
                revision: &r.revision,
                title: &r.title,
                summary: r.origin.as_ref().map(|o| o.summary.as_str()),
                source: crate::render::prose::compare::source(r),
                ignores: r.origin.as_ref().map(|o| o.ignores.as_str()),
                reading: r.origin.as_ref().map(|o| o.reading.as_str()),
            })
            .collect(),
    })
}
