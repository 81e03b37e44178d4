//! A second-opinion rulebook written as an overlay on the default one: the
//! overlay names `base = "default"` and gives only what its source changes
//! (its documents, the ACV bands and their citation, the sentences that
//! quote a band's edges), and [`merge`] lays it over the default's text.
//!
//! The merge keeps the default's comments and layout (it edits the TOML
//! document in place), so `gtm rules --rules NAME` prints a complete
//! rulebook a user can copy and edit. It refuses anything that would change
//! how a decision is made: the readings, the moves' conditions and targets,
//! the checklist and findings are the default's in every shipped rulebook
//! (DESIGN.md, "Second opinions": only the band edges and their citations
//! change), and an overlay that names an unknown id or key is an error.
//!
//! build.rs compiles this file too (through `rulebook/mod.rs`) to merge and
//! check the shipped rulebooks before the crate builds; it uses only
//! `toml_edit`.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// Keys of a `[[moves]]`, `[[notes]]` or `[[conflicts]]` row an overlay may
/// replace: its sentences and its citations, never its conditions.
const PROSE_KEYS: &[&str] = &[
    "message", "conflict", "advice", "summary", "source", "sources",
];

/// Where the default's opening comment stops describing the default and
/// starts explaining how the tables are used, which holds for every overlay.
const GUIDE: &str = "# How the tables are used";

/// Keys of `[near_line]` an overlay may replace: its sentences, citations,
/// and the lines besides the band edges it watches (a source's own lines).
const NEAR_LINE_KEYS: &[&str] = &["message", "summary", "sources", "also"];

/// The default rulebook's text with `overlay` laid over it, or what is wrong
/// with the overlay (naming the key).
pub fn merge(base: &str, overlay: &str) -> Result<String, String> {
    let mut doc: DocumentMut = base.parse().map_err(|e| format!("the base: {e}"))?;
    let over: DocumentMut = overlay.parse().map_err(|e| format!("{e}"))?;
    match over.get("base").and_then(Item::as_str) {
        Some("default") => {}
        Some(other) => {
            return Err(format!(
                "`base = \"{other}\"`: the only base is \"default\""
            ));
        }
        None => return Err("an overlay starts with `base = \"default\"`".into()),
    }
    if over.get("format").map(Item::to_string) != doc.get("format").map(Item::to_string) {
        return Err("`format` must be the default rulebook's".into());
    }
    for (key, item) in over.iter() {
        match key {
            "base" | "format" => {}
            "revision" | "title" => {
                let value = item.as_value().ok_or(format!("`{key}` must be a string"))?;
                doc[key] = Item::Value(value.clone().decorated(" ", ""));
            }
            "origin" => {
                let table = item.as_table().ok_or("`[origin]` must be a table")?;
                doc.insert("origin", Item::Table(fresh(table)));
            }
            "acv" => {
                let table = item.as_table().ok_or("`[acv]` must be a table")?;
                let acv = doc["acv"].as_table_mut().ok_or("the base has no `[acv]`")?;
                // The comment above the default's `[acv]` explains its edges.
                let comment = table
                    .decor()
                    .prefix()
                    .and_then(|p| p.as_str())
                    .unwrap_or("");
                acv.decor_mut()
                    .set_prefix(format!("\n{}", comment.trim_start_matches('\n')));
                for (k, v) in table.iter() {
                    let mut v = v.clone();
                    if let Some(bands) = v.as_array_of_tables_mut() {
                        bands.iter_mut().for_each(|b| b.set_position(None));
                    }
                    acv.insert(k, v);
                }
            }
            "documents" => {
                let extra = item
                    .as_array_of_tables()
                    .ok_or("`[[documents]]` must be tables")?;
                let docs = doc["documents"]
                    .as_array_of_tables_mut()
                    .ok_or("the base has no `[[documents]]`")?;
                for d in extra.iter() {
                    docs.push(fresh(d));
                }
            }
            "moves" | "notes" | "conflicts" => {
                let rows = item
                    .as_array_of_tables()
                    .ok_or(format!("`[[{key}]]` must be tables"))?;
                let target = doc[key]
                    .as_array_of_tables_mut()
                    .ok_or(format!("the base has no `[[{key}]]`"))?;
                for row in rows.iter() {
                    replace_by_id(target, row, key)?;
                }
            }
            "near_line" => {
                let table = item.as_table().ok_or("`[near_line]` must be a table")?;
                let near = doc["near_line"]
                    .as_table_mut()
                    .ok_or("the base has no `[near_line]`")?;
                for (k, v) in table.iter() {
                    if !NEAR_LINE_KEYS.contains(&k) {
                        return Err(format!(
                            "`near_line.{k}` cannot be replaced; an overlay may replace {}",
                            NEAR_LINE_KEYS.join(", ")
                        ));
                    }
                    near.insert(k, v.clone());
                }
            }
            "drop_notes" => {
                let ids = item
                    .as_array()
                    .ok_or("`drop_notes` must be a list of note ids")?;
                let notes = doc["notes"]
                    .as_array_of_tables_mut()
                    .ok_or("the base has no `[[notes]]`")?;
                for id in ids.iter() {
                    let id = id
                        .as_str()
                        .ok_or("`drop_notes` must be a list of note ids")?;
                    let at = position(notes, id).ok_or(format!("`drop_notes`: no note `{id}`"))?;
                    notes.remove(at);
                }
            }
            other => {
                return Err(format!(
                    "`{other}` cannot be set by an overlay; it may set revision, title, origin, \
                     documents, acv, near_line, drop_notes, and the sentences of moves, notes and conflicts"
                ));
            }
        }
    }
    doc.remove("drop_notes");
    // The overlay's own opening comment replaces the default's first
    // paragraph, which describes the default; its guide to the tables stays.
    let prefix = |d: &DocumentMut, key: &str| {
        d.as_table()
            .key(key)
            .and_then(|k| k.leaf_decor().prefix())
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_string()
    };
    let guide = prefix(&doc, "format");
    let guide = guide.find(GUIDE).map_or("\n", |at| &guide[at..]);
    let header = format!("{}#\n{}", prefix(&over, "base"), guide);
    if let Some(mut format) = doc.as_table_mut().key_mut("format") {
        format.leaf_decor_mut().set_prefix(header);
    }
    Ok(doc.to_string())
}

/// A table from the overlay, without its place in the overlay's file, so it
/// is written where it is put in the merged one.
fn fresh(table: &Table) -> Table {
    let mut t = table.clone();
    t.set_position(None);
    t
}

fn position(rows: &ArrayOfTables, id: &str) -> Option<usize> {
    rows.iter()
        .position(|r| r.get("id").and_then(Item::as_str) == Some(id))
}

fn replace_by_id(target: &mut ArrayOfTables, row: &Table, key: &str) -> Result<(), String> {
    let id = row.get("id").and_then(Item::as_str).ok_or(format!(
        "each `[[{key}]]` of an overlay names the `id` it changes"
    ))?;
    let at = position(target, id).ok_or(format!("`[[{key}]]`: the default has no `{id}`"))?;
    let into = target
        .get_mut(at)
        .ok_or(format!("`[[{key}]]`: no `{id}`"))?;
    for (k, v) in row.iter() {
        if k == "id" {
            continue;
        }
        if !PROSE_KEYS.contains(&k) {
            return Err(format!(
                "`{key}.{k}` of `{id}` cannot be replaced: an overlay changes sentences and \
                 citations ({}), never how the decision is made",
                PROSE_KEYS.join(", ")
            ));
        }
        into.insert(k, v.clone());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::DEFAULT_RULEBOOK;

    fn overlay(body: &str) -> String {
        format!("# An overlay.\nbase = \"default\"\nformat = 2\n{body}")
    }

    #[test]
    fn an_empty_overlay_is_the_default_with_its_own_header() {
        let merged = merge(DEFAULT_RULEBOOK, &overlay("")).unwrap();
        assert!(
            merged.starts_with("# An overlay.\n#\n# How the tables are used"),
            "{}",
            &merged[..80]
        );
        assert!(!merged.contains("default rulebook, format 2"));
        let tail = |s: &str| s[s.find("\nrevision").unwrap()..].to_string();
        assert_eq!(tail(&merged), tail(DEFAULT_RULEBOOK));
    }

    #[test]
    fn sentences_are_replaced_in_place_and_conditions_are_refused() {
        let merged = merge(
            DEFAULT_RULEBOOK,
            &overlay("[[moves]]\nid = \"enterprise-holds\"\nmessage = \"Changed.\"\n"),
        )
        .unwrap();
        let at = merged.find("id = \"enterprise-holds\"").unwrap();
        assert!(merged[at..at + 200].contains("message = \"Changed.\""));
        let err = merge(
            DEFAULT_RULEBOOK,
            &overlay("[[moves]]\nid = \"enterprise-holds\"\nto = \"hybrid\"\n"),
        )
        .unwrap_err();
        assert!(
            err.contains("`moves.to` of `enterprise-holds` cannot be replaced"),
            "{err}"
        );
        let err = merge(DEFAULT_RULEBOOK, &overlay("[[moves]]\nid = \"nope\"\n")).unwrap_err();
        assert!(err.contains("no `nope`"), "{err}");
        let err = merge(
            DEFAULT_RULEBOOK,
            &overlay("[[readings]]\nid = \"product\"\n"),
        )
        .unwrap_err();
        assert!(err.contains("`readings` cannot be set"), "{err}");
    }

    #[test]
    fn an_overlay_names_its_base_and_format() {
        let err = merge(DEFAULT_RULEBOOK, "format = 2\n").unwrap_err();
        assert!(err.contains("base = \"default\""), "{err}");
        let err = merge(DEFAULT_RULEBOOK, "base = \"default\"\nformat = 3\n").unwrap_err();
        assert!(err.contains("format"), "{err}");
    }

    #[test]
    fn dropped_notes_are_gone_and_unknown_ones_refused() {
        let merged = merge(
            DEFAULT_RULEBOOK,
            &overlay("drop_notes = [\"light-review\"]\n"),
        )
        .unwrap();
        assert!(!merged.contains("id = \"light-review\""));
        assert!(!merged.contains("drop_notes"));
        let err = merge(DEFAULT_RULEBOOK, &overlay("drop_notes = [\"nope\"]\n")).unwrap_err();
        assert!(err.contains("no note `nope`"), "{err}");
    }
}
