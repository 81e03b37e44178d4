//! The shape of a loaded rulebook, checked field by field with every
//! problem collected: ids unique and kebab-case, citations that name a listed
//! document and section, bands that are contiguous, every table present.
//! Conditions are checked in `conditions.rs`.
//!
//! build.rs compiles this file too (through `rulebook/mod.rs`).

mod advice;
mod conditions;
pub(super) mod strings;

use crate::diagnostic::{Location, Problem, is_kebab_id};
use crate::motion::Motion;
use crate::profile::Money;
use crate::rulebook::{Document, Reading, Rulebook, Source, Spanned, Text};

/// Where a condition may appear, which limits the keys it may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A reading table: facts only.
    Reading,
    /// Moves and notes: facts and readings.
    Decision,
    /// Findings and checklist items: anything, practices included.
    Advice,
}

/// Collects every problem of a rulebook's shape, with its location.
pub(super) struct Validator<'s> {
    /// The rulebook's TOML text, for locations.
    pub(super) src: &'s str,
    /// What is wrong so far.
    pub(super) problems: Vec<Problem>,
}

impl Validator<'_> {
    fn report<T>(&mut self, spanned: &Spanned<T>, key: &str, message: String) {
        let at = Location::of(self.src, spanned.span().start);
        self.problems.push(Problem::at(at, key, message));
    }

    fn top(&mut self, key: &str, message: String) {
        self.problems.push(Problem {
            location: None,
            key: Some(key.into()),
            message,
            help: None,
        });
    }

    fn source(&mut self, key: &str, source: &Source, docs: &[Document]) {
        let Some(doc) = docs.iter().find(|d| d.id.get_ref() == source.doc.get_ref()) else {
            let ids: Vec<&str> = docs.iter().map(|d| d.id.get_ref().as_str()).collect();
            let message = format!(
                "`{}` is not a document id; declared documents: {}",
                source.doc.get_ref(),
                ids.join(", ")
            );
            self.report(&source.doc, key, message);
            return;
        };
        if !doc.sections.iter().any(|s| s == source.section.get_ref()) {
            let message = format!(
                "`{}` is not a section of `{}`; its sections: {}",
                source.section.get_ref(),
                doc.id.get_ref(),
                doc.sections
                    .iter()
                    .map(Text::as_str)
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            self.report(&source.section, key, message);
        }
    }

    fn unique_id<'a>(&mut self, id: &'a Spanned<Text>, key: &str, seen: &mut Vec<&'a str>) {
        let text = id.get_ref().as_str();
        if !is_kebab_id(text) {
            self.report(
                id,
                key,
                format!("`{text}` is not a kebab-case id (lowercase words joined by hyphens)"),
            );
        }
        if seen.contains(&text) {
            self.report(id, key, format!("id `{text}` is used twice"));
        }
        seen.push(text);
    }

    pub(super) fn check(&mut self, r: &mut Rulebook) {
        // A hostile rulebook must not make a run slow: every decision,
        // finding and checklist walks these tables, once per profile and
        // segment. The built-in one holds at most 44 entries in a table.
        const MAX_ENTRIES: usize = 500;
        let rows = r.readings.iter().map(|t| t.rows.len()).max().unwrap_or(0);
        let sizes = [
            ("documents", r.documents.len()),
            ("readings.rows", rows),
            ("moves", r.moves.len()),
            ("conflicts", r.conflicts.len()),
            ("notes", r.notes.len()),
            ("evidence", r.evidence.len()),
            ("checklist", r.checklist.len()),
            ("findings", r.findings.len()),
            ("switching", r.switching.len()),
            ("handoffs", r.handoffs.len()),
        ];
        let oversized: Vec<(&str, usize)> = sizes
            .into_iter()
            .filter(|(_, n)| *n > MAX_ENTRIES)
            .collect();
        if !oversized.is_empty() {
            for (key, n) in oversized {
                self.top(
                    key,
                    format!("{n} entries; a rulebook may hold at most {MAX_ENTRIES} in one table"),
                );
            }
            // Checking the rest entry by entry would be the slow run refused.
            return;
        }
        let mut seen: Vec<&str> = Vec::new();
        for d in &r.documents {
            if seen.contains(&d.id.get_ref().as_str()) {
                let message = format!("document id `{}` is declared twice", d.id.get_ref());
                self.report(&d.id, "documents.id", message);
            }
            seen.push(d.id.get_ref());
            if d.sections.is_empty() {
                self.report(
                    &d.id,
                    "documents.sections",
                    "list the document's sections".into(),
                );
            }
        }
        let docs = r.documents.clone();
        self.motions(r);
        self.bands(r, &docs);
        self.readings(r, &docs);
        self.moves(r, &docs);
        self.conflicts(r, &docs);
        self.near_line(r, &docs);
        self.notes(r, &docs);
        self.evidence(r, &docs);
        self.checklist(r, &docs);
        self.findings(r, &docs);
        for switch in &r.switching {
            self.source("switching", &switch.source, &docs);
        }
        let mut ids: Vec<&str> = Vec::new();
        for h in &r.handoffs {
            self.source("handoffs", &h.source, &docs);
            self.unique_id(&h.id, "handoffs", &mut ids);
            if h.from.is_empty() || h.to.is_empty() {
                self.report(
                    &h.id,
                    "handoffs",
                    "a hand-off needs at least one `from` and one `to` motion".into(),
                );
            }
        }
    }

    fn motions(&mut self, r: &Rulebook) {
        let ids: Vec<Motion> = r.motions.iter().map(|m| *m.id.get_ref()).collect();
        if ids != Motion::ALL {
            self.top(
                "motions",
                format!(
                    "`[[motions]]` must list each motion once, in the order {}",
                    Motion::IDS.join(", ")
                ),
            );
        }
    }

    fn money(&mut self, text: &Spanned<Text>, key: &str) -> Option<Money> {
        match text.get_ref().parse::<Money>() {
            Ok(m) => Some(m),
            Err(e) => {
                self.report(text, key, e.to_string());
                None
            }
        }
    }

    fn bands(&mut self, r: &mut Rulebook, docs: &[Document]) {
        self.source("acv.source", &r.acv.source, docs);
        if let Some(origin) = &r.origin {
            self.source("origin.source", &origin.source, docs);
            if !is_kebab_id(origin.name.get_ref()) {
                let message = format!("`{}` is not a kebab-case name", origin.name.get_ref());
                self.report(&origin.name, "origin.name", message);
            }
        }
        let ids: Vec<Motion> = r.acv.bands.iter().map(|b| *b.motion.get_ref()).collect();
        // A source may have no band for a motion in the middle (KBCM's
        // survey goes from self-serve straight to inside sales), but both
        // ends are set by price and every band is one motion, in order.
        let in_order = ids.windows(2).all(|w| w[0] < w[1]);
        if !in_order
            || ids.first() != Some(&Motion::SelfServe)
            || ids.last() != Some(&Motion::Enterprise)
        {
            self.top(
                "acv.bands",
                format!(
                    "`[[acv.bands]]` must have at most one band per motion, in the order {}, starting with self-serve and ending with enterprise",
                    Motion::IDS.join(", ")
                ),
            );
            return;
        }
        let key = "acv.bands";
        let last = r.acv.bands.len() - 1;
        let mut previous: Option<u64> = None;
        for i in 0..r.acv.bands.len() {
            let band = r.acv.bands[i].clone();
            let top = match (&band.below, &band.up_to, i == last) {
                (Some(_), Some(_), _) => {
                    self.report(
                        &band.motion,
                        key,
                        "give either `below` or `up_to`, not both".into(),
                    );
                    None
                }
                (None, None, false) => {
                    self.report(
                        &band.motion,
                        key,
                        "every band but the last needs `below` or `up_to`".into(),
                    );
                    None
                }
                (Some(_), None, true) | (None, Some(_), true) => {
                    self.report(
                        &band.motion,
                        key,
                        "the last band is open-ended; remove its upper edge".into(),
                    );
                    None
                }
                (Some(below), None, false) => match self.money(below, key) {
                    Some(m) if m.cents() == 0 => {
                        self.report(below, key, "a band cannot end below $0".into());
                        None
                    }
                    Some(m) => Some(m.cents() - 1),
                    None => None,
                },
                (None, Some(up_to), false) => self.money(up_to, key).map(Money::cents),
                (None, None, true) => None,
            };
            if let (Some(top), Some(prev)) = (top, previous) {
                if top <= prev {
                    let message = format!(
                        "band edges must rise from one band to the next; {} does not rise above {}",
                        Money::from_cents(top).map_or(String::new(), |m| m.to_string()),
                        Money::from_cents(prev).map_or(String::new(), |m| m.to_string())
                    );
                    self.report(&band.motion, key, message);
                }
            }
            previous = top.or(previous);
            r.acv.bands[i].top_cents = top;
        }
    }

    fn readings(&mut self, r: &mut Rulebook, docs: &[Document]) {
        let ids: Vec<Reading> = r.readings.iter().map(|t| *t.id.get_ref()).collect();
        if ids != Reading::ALL {
            self.top(
                "readings",
                "`[[readings]]` must define `product`, `buyer` and `pull`, once each, in that order"
                    .into(),
            );
        }
        for t in &mut r.readings {
            let reading = *t.id.get_ref();
            let key = format!("readings.{}", reading.id());
            for row in &mut t.rows {
                self.source(&key, &row.source, docs);
                if !reading.values().contains(&row.value.get_ref().as_str()) {
                    let message = format!(
                        "`{}` is not a value of the {} reading; allowed: {}",
                        row.value.get_ref(),
                        reading.id(),
                        reading.values().join(", ")
                    );
                    self.report(&row.value, &key, message);
                }
                for c in row.when.iter_mut().chain(row.any.iter_mut()) {
                    self.condition(c, &key, Place::Reading);
                }
            }
            for value in reading.values() {
                let count = t.rows.iter().filter(|r| r.value.get_ref() == value).count();
                if count != 1 {
                    let message = format!(
                        "the {} reading needs exactly one row giving `{value}`, found {count}",
                        reading.id()
                    );
                    self.report(&t.id, &key, message);
                }
            }
        }
    }

    fn moves(&mut self, r: &mut Rulebook, docs: &[Document]) {
        let mut ids: Vec<String> = Vec::new();
        for m in &mut r.moves {
            let key = "moves";
            let mut seen: Vec<&str> = ids.iter().map(String::as_str).collect();
            self.unique_id(&m.id, key, &mut seen);
            ids.push(m.id.get_ref().to_string());
            self.source(key, &m.source, docs);
            for c in m
                .when
                .iter_mut()
                .chain(m.any.iter_mut())
                .chain(m.conflict_when.iter_mut())
            {
                self.condition(c, key, Place::Decision);
            }
            if m.conflict.is_some() != m.advice.is_some() {
                self.report(
                    &m.id,
                    key,
                    "a rule with a `conflict` needs `advice`, and only then".into(),
                );
            }
            if !m.conflict_when.is_empty() && m.conflict.is_none() {
                self.report(
                    &m.id,
                    key,
                    "`conflict_when` needs a `conflict` to report".into(),
                );
            }
        }
    }

    fn conflicts(&mut self, r: &mut Rulebook, docs: &[Document]) {
        // Conflict ids share one namespace with the moves' (both are
        // reported as conflicts, and `[check] allow` names them alike).
        let mut ids: Vec<String> = r.moves.iter().map(|m| m.id.get_ref().to_string()).collect();
        for c in &mut r.conflicts {
            let key = "conflicts";
            let mut seen: Vec<&str> = ids.iter().map(String::as_str).collect();
            self.unique_id(&c.id, key, &mut seen);
            ids.push(c.id.get_ref().to_string());
            self.source(key, &c.source, docs);
            if c.motions.is_empty() {
                self.report(
                    &c.id,
                    key,
                    "`motions` must name at least one motion the decision ends on".into(),
                );
            }
            for cond in c.when.iter_mut().chain(c.any.iter_mut()) {
                self.condition(cond, key, Place::Decision);
            }
        }
    }

    fn near_line(&mut self, r: &mut Rulebook, docs: &[Document]) {
        let notes: Vec<String> = r.notes.iter().map(|n| n.id.get_ref().to_string()).collect();
        let Some(n) = &mut r.near_line else {
            return;
        };
        let key = "near_line";
        let mut seen: Vec<&str> = notes.iter().map(String::as_str).collect();
        self.unique_id(&n.id, key, &mut seen);
        if !(1..=50).contains(&n.within_percent) {
            self.report(
                &n.id,
                key,
                format!(
                    "`within_percent` is {}; give a percent from 1 to 50",
                    n.within_percent
                ),
            );
        }
        for line in &n.also {
            if line.parse::<crate::profile::Money>().is_err() {
                self.report(
                    &n.id,
                    key,
                    format!(
                        "`also` holds `{}`, which is not an amount such as \"$25,000\"",
                        crate::diagnostic::short(line)
                    ),
                );
            }
        }
        for s in &n.sources {
            self.source(key, s, docs);
        }
        for c in n.above_when.iter_mut().chain(n.below_when.iter_mut()) {
            self.condition(c, key, Place::Decision);
        }
        for placeholder in ["{acv}", "{line}", "{distance}", "{motion}"] {
            if !n.message.contains(placeholder) {
                self.report(
                    &n.id,
                    key,
                    format!("the message does not say {placeholder}; it needs all of {{acv}}, {{line}}, {{distance}} and {{motion}}"),
                );
            }
        }
    }

    fn notes(&mut self, r: &mut Rulebook, docs: &[Document]) {
        let moves: Vec<String> = r.moves.iter().map(|m| m.id.get_ref().to_string()).collect();
        let mut ids: Vec<String> = Vec::new();
        for n in &mut r.notes {
            let key = "notes";
            let mut seen: Vec<&str> = ids.iter().map(String::as_str).collect();
            self.unique_id(&n.id, key, &mut seen);
            ids.push(n.id.get_ref().to_string());
            for s in &n.sources {
                self.source(key, s, docs);
            }
            if n.sources.is_empty() {
                self.report(
                    &n.id,
                    key,
                    "a note names the sections that disagree in `sources`".into(),
                );
            }
            if let Some(m) = &n.with_move {
                if !moves.iter().any(|id| id == m.get_ref()) {
                    let message = format!("`{}` is not the id of a move rule", m.get_ref());
                    self.report(m, key, message);
                }
            } else if n.when.is_empty() && n.any.is_empty() {
                self.report(&n.id, key, "a note needs conditions or a `move`".into());
            }
            for c in n.when.iter_mut().chain(n.any.iter_mut()) {
                self.condition(c, key, Place::Decision);
            }
        }
    }
}
