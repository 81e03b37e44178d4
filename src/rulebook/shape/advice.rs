//! The shape of the advice tables: the evidence each answer gives, the
//! checklist items and the findings (ids unique and kebab-case, motions
//! named, citations listed).
//!
//! build.rs compiles this file too (through `rulebook/mod.rs`).

use crate::motion::Motion;
use crate::profile::Duration;
use crate::rulebook::{Document, Key, RESERVED_FINDING_IDS, Rulebook};

use super::{Place, Validator};

impl Validator<'_> {
    pub(super) fn evidence(&mut self, r: &mut Rulebook, docs: &[Document]) {
        for table in &mut r.evidence {
            let key = format!("evidence.{}", table.key.get_ref());
            let Some(k) = Key::parse(table.key.get_ref()) else {
                let message = format!("`{}` is not a profile key", table.key.get_ref());
                self.report(&table.key, "evidence", message);
                continue;
            };
            let last = table.rows.len().saturating_sub(1);
            let mut previous = 0.0;
            for (i, row) in table.rows.iter_mut().enumerate() {
                self.source(&key, &row.source, docs);
                match (k, &row.value, &row.below) {
                    (Key::TimeToValue, None, below) => {
                        row.below_seconds = match below {
                            Some(b) => match b.parse::<Duration>() {
                                Ok(d) => d.seconds(),
                                Err(e) => {
                                    self.report(&table.key, &key, e.to_string());
                                    continue;
                                }
                            },
                            None => f64::INFINITY,
                        };
                        if (i == last) != below.is_none() || row.below_seconds <= previous {
                            self.report(&table.key, &key, "time ranges go from shortest to longest, each with `below` but the last".into());
                        }
                        previous = row.below_seconds;
                    }
                    (Key::TimeToValue, Some(_), _) | (_, _, Some(_)) | (_, None, None) => {
                        self.report(
                            &table.key,
                            &key,
                            "rows of time_to_value give `below`; rows of other keys give `value`"
                                .into(),
                        );
                    }
                    (_, Some(value), None) => {
                        if !k.values().contains(&value.as_str()) {
                            let message = format!(
                                "`{value}` is not an answer of {}; allowed: {}",
                                table.key.get_ref(),
                                k.values().join(", ")
                            );
                            self.report(&table.key, &key, message);
                        }
                    }
                }
            }
        }
    }

    pub(super) fn checklist(&mut self, r: &mut Rulebook, docs: &[Document]) {
        let mut ids: Vec<String> = Vec::new();
        for item in &mut r.checklist {
            let key = "checklist";
            let mut seen: Vec<&str> = ids.iter().map(String::as_str).collect();
            self.unique_id(&item.id, key, &mut seen);
            ids.push(item.id.get_ref().to_string());
            self.source(key, &item.source, docs);
            if item.motions.is_empty() {
                self.report(&item.id, key, "an item needs at least one motion".into());
            }
            for c in item.when.iter_mut().chain(item.any.iter_mut()) {
                self.condition(c, key, Place::Advice);
            }
        }
        for motion in Motion::ALL {
            if !r.checklist.iter().any(|i| i.motions.contains(motion)) {
                self.top(
                    "checklist",
                    format!("motion `{motion}` has no checklist items"),
                );
            }
        }
    }

    pub(super) fn findings(&mut self, r: &mut Rulebook, docs: &[Document]) {
        let mut ids: Vec<String> = RESERVED_FINDING_IDS.iter().map(|s| s.to_string()).collect();
        for rule in &mut r.findings {
            let key = "findings";
            let mut seen: Vec<&str> = ids.iter().map(String::as_str).collect();
            self.unique_id(&rule.id, key, &mut seen);
            ids.push(rule.id.get_ref().to_string());
            self.source(key, &rule.source, docs);
            if rule.when.is_empty() {
                self.report(
                    &rule.id,
                    key,
                    "a finding needs at least one `when` condition".into(),
                );
            }
            let line = rule.line.get_ref();
            if !matches!(line.as_str(), "version" | "name")
                && Key::parse(line).is_none_or(|k| matches!(k, Key::Reading(_)))
            {
                let message = format!("`{line}` is not a profile key a finding can point at");
                self.report(&rule.line, key, message);
            }
            for c in rule.when.iter_mut().chain(rule.any.iter_mut()) {
                self.condition(c, key, Place::Advice);
            }
        }
    }
}
