//! `--set KEY=VALUE` edits: a profile's text with some answers changed,
//! comments and layout kept (toml_edit). The changed text is read by the
//! ordinary profile reader, so a `--set` value is validated exactly as a
//! file would be. Nothing here writes a file.

use crate::diagnostic::echo;
use toml_edit::{DocumentMut, Item, Table, TableLike, Value};

/// One `KEY=VALUE` change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// A dotted profile key, e.g. `acv` or `signals.viral_loops`.
    pub key: String,
    /// The new value as typed; empty removes the answer.
    pub value: String,
}

impl std::str::FromStr for Change {
    type Err = String;

    fn from_str(text: &str) -> Result<Change, String> {
        let (key, value) = text.split_once('=').ok_or_else(|| {
            format!(
                "`{}` is not KEY=VALUE; e.g. acv=60k, buyer=committee, signals.viral_loops=true",
                echo(text)
            )
        })?;
        let key = key.trim();
        if key.is_empty() || key.split('.').any(str::is_empty) {
            return Err(format!(
                "`{}` has no key before `=`; e.g. acv=60k",
                echo(text)
            ));
        }
        Ok(Change {
            key: key.to_string(),
            value: value.trim().to_string(),
        })
    }
}

/// A TOML value for what was typed: booleans, numbers, arrays and quoted
/// strings as TOML reads them; anything else as a plain string.
fn typed(value: &str) -> Value {
    value
        .parse::<Value>()
        .unwrap_or_else(|_| Value::from(value))
}

/// `text` with every change applied; an empty value removes the key.
pub fn apply(text: &str, changes: &[Change]) -> Result<String, String> {
    let mut doc: DocumentMut = text
        .parse()
        .map_err(|e| format!("the profile is not valid TOML: {e}"))?;
    for change in changes {
        let parts: Vec<&str> = change.key.split('.').collect();
        let (tables, last) = parts.split_at(parts.len() - 1);
        // A table written inline (`signals = { viral_loops = true }`) is as
        // much a table as a `[signals]` header.
        let mut table: &mut dyn TableLike = doc.as_table_mut();
        for name in tables {
            if table.get(name).is_none() {
                table.insert(name, Item::Table(Table::new()));
            }
            let not_a_table = || {
                format!(
                    "--set {}: `{}` is not a table in this profile",
                    echo(&change.key),
                    echo(name)
                )
            };
            table = table
                .get_mut(name)
                .and_then(Item::as_table_like_mut)
                .ok_or_else(not_a_table)?;
        }
        if change.value.is_empty() {
            table.remove(last[0]);
        } else {
            table.insert(last[0], Item::Value(typed(&change.value)));
        }
    }
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str =
        "# keep me\nversion = 1\nacv = \"$12k\" # comment\n\n[signals]\nsegment = \"smb\"\n";

    fn changes(list: &[&str]) -> Vec<Change> {
        list.iter().map(|c| c.parse().unwrap()).collect()
    }

    #[test]
    fn values_are_typed_as_toml_would_read_them() {
        let out = apply(
            BASE,
            &changes(&[
                "acv=60k",
                "buyer=committee",
                "signals.viral_loops=true",
                "acv_x=12000",
            ]),
        )
        .unwrap();
        assert!(out.contains("acv = \"60k\""), "{out}");
        assert!(out.contains("buyer = \"committee\""), "{out}");
        assert!(out.contains("viral_loops = true"), "{out}");
        assert!(out.contains("acv_x = 12000"), "{out}");
        assert!(out.starts_with("# keep me\n"), "comments survive: {out}");
    }

    #[test]
    fn new_tables_are_created_and_empty_values_remove() {
        let out = apply(
            BASE,
            &changes(&["practices.motion=plg", "signals.segment="]),
        )
        .unwrap();
        assert!(out.contains("[practices]\nmotion = \"plg\""), "{out}");
        assert!(!out.contains("segment"), "{out}");
    }

    #[test]
    fn inline_tables_are_tables_too() {
        let base = "version = 1\nsignals = { viral_loops = true }\n";
        let out = apply(base, &changes(&["signals.segment=smb"])).unwrap();
        assert!(out.contains("segment = \"smb\""), "{out}");
        assert!(out.contains("viral_loops = true"), "{out}");
        let read: toml::Table = out.parse().unwrap();
        assert_eq!(read["signals"]["segment"].as_str(), Some("smb"));
    }

    #[test]
    fn malformed_changes_are_refused() {
        assert!("acv".parse::<Change>().is_err());
        assert!("=5".parse::<Change>().is_err());
        assert!("signals..x=1".parse::<Change>().is_err());
        assert!(
            apply(BASE, &changes(&["acv.x=1"]))
                .unwrap_err()
                .contains("not a table")
        );
    }
}
