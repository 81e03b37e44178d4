//! `gtm checklist` and `gtm rules` as JSON.

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
