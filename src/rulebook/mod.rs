//! The rulebook: the two source documents' decision tables, as data.
//!
//! The default rulebook is `src/rulebook/rulebook.toml`, embedded in the
//! binary. `--rules FILE` swaps in another one, which is checked as strictly
//! as a profile: unknown keys, unknown documents or sections, conditions on
//! keys or answers that do not exist. This module holds data and its shape
//! only; applying the tables is the engine's job.
//!
//! Which check lives where:
//! - `shape/mod.rs`: no table larger than 500 entries, then each table's
//!   fields, one by one, every problem collected: ids unique and kebab-case, citations naming a listed
//!   document and section, bands contiguous from $0, amounts and durations
//!   that parse;
//! - `shape/advice.rs`: the same for the evidence, checklist and findings
//!   tables;
//! - `shape/conditions.rs`: each condition reads a key that exists where it
//!   stands, with an operator and value of the key's type;
//! - `shape/strings.rs`: no string holds a control or bidirectional
//!   character (rulebook text is printed to terminals and CI logs);
//! - `engine/validate.rs`: the tables decide soundly as a whole: every
//!   reading has an answer for every combination of facts, every move is one
//!   step in the allowed directions.
//!
//! Files here are types (`types.rs`), the keys conditions may read
//! (`keys.rs`), spans (`spanned.rs`), borrowed text (`text.rs`), and this
//! file: loading, the built-in rulebook, and lookups.
//!
//! build.rs compiles this module (every file but `builtin.rs`) to check the
//! built-in rulebook before the crate builds: code here may use only what
//! build.rs provides (`diagnostic`, `motion`, the profile's money and
//! durations, `engine::validate`), and moving a file means updating its
//! `#[path]` lines.

use shape::Validator;

mod ends;
mod keys;
mod lists;
pub mod overlay;
mod shape;
mod spanned;
mod text;
mod types;

use serde::{Deserialize, Serialize};

pub use ends::{ConflictRule, NearLine};
pub use keys::{Key, PRACTICES, Reading, SIGNALS};
pub use spanned::Spanned;
pub use text::{Text, borrow_from};
pub use types::{
    AcvBand, AcvFramework, ChecklistItem, Condition, Document, DoneWhen, EvidenceRow,
    EvidenceTable, FindingRule, Handoff, Level, MotionInfo, MoveRule, NoteRule, ReadingRow,
    ReadingTable, Rulebook, Source, Switch, Test,
};

use crate::diagnostic::{FileProblems, Location, Problem};
use crate::motion::Motion;
use crate::profile::Money;

/// The TOML text of the default rulebook.
pub const DEFAULT_RULEBOOK: &str = include_str!("rulebook.toml");

/// The rulebook format this build reads.
pub const RULEBOOK_FORMAT: u32 = 2;

/// Finding ids the gate reports itself; a rulebook may not reuse them.
pub const RESERVED_FINDING_IDS: &[&str] = &[
    "expected-motion",
    "checklist-incomplete",
    "invalid-profile",
    "unknown-checklist-id",
    "motion-changed",
    "pql-cannot-fire",
];

/// The built-in rulebook's `revision`, read from its text without parsing it all.
pub fn default_revision() -> &'static str {
    DEFAULT_RULEBOOK
        .lines()
        .find_map(|l| l.strip_prefix("revision = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or("unknown")
}

impl crate::profile::KnownFindings for Rulebook {
    fn finding_ids(&self) -> Vec<&str> {
        Rulebook::finding_ids(self)
    }

    fn checklist_ids(&self) -> Vec<&str> {
        self.checklist
            .iter()
            .map(|i| i.id.get_ref().as_str())
            .collect()
    }
}

/// The fields a rulebook derives from its data when it is read (resolved
/// conditions, band edges in cents, time ranges in seconds), stored beside
/// the data in the pre-parsed form.
#[derive(Serialize, Deserialize)]
struct Derived {
    tests: Vec<Test>,
    band_tops: Vec<Option<u64>>,
    below_seconds: Vec<f64>,
    citations: Vec<Text>,
}

impl Derived {
    fn of(rules: &Rulebook) -> Derived {
        Derived {
            tests: rules
                .conditions()
                .into_iter()
                .map(|c| c.test.clone())
                .collect(),
            band_tops: rules.acv.bands.iter().map(|b| b.top_cents).collect(),
            below_seconds: rules
                .evidence
                .iter()
                .flat_map(|e| e.rows.iter().map(|r| r.below_seconds))
                .collect(),
            citations: rules.sources().iter().map(|s| s.cited.clone()).collect(),
        }
    }

    fn apply(self, rules: &mut Rulebook) -> Result<(), String> {
        let mismatch = || "the pre-parsed rulebook does not match its data".to_string();
        let conditions = rules.conditions_mut();
        if conditions.len() != self.tests.len() {
            return Err(mismatch());
        }
        for (c, t) in conditions.into_iter().zip(self.tests) {
            c.test = t;
        }
        if rules.acv.bands.len() != self.band_tops.len() {
            return Err(mismatch());
        }
        for (b, top) in rules.acv.bands.iter_mut().zip(self.band_tops) {
            b.top_cents = top;
        }
        let rows: Vec<&mut EvidenceRow> = rules
            .evidence
            .iter_mut()
            .flat_map(|e| e.rows.iter_mut())
            .collect();
        if rows.len() != self.below_seconds.len() {
            return Err(mismatch());
        }
        for (r, seconds) in rows.into_iter().zip(self.below_seconds) {
            r.below_seconds = seconds;
        }
        let sources = rules.sources_mut();
        if sources.len() != self.citations.len() {
            return Err(mismatch());
        }
        for (source, cited) in sources.into_iter().zip(self.citations) {
            source.cited = cited;
        }
        Ok(())
    }
}

/// Only the format, read first so an old rulebook gets a clear message
/// instead of a list of keys this build no longer knows.
#[derive(Deserialize)]
struct FormatOnly {
    format: Option<Spanned<i64>>,
}

impl Rulebook {
    /// A rulebook stored pre-parsed by [`Rulebook::to_preparsed`] (see
    /// `build.rs`): the data and the fields derived from it when it was read,
    /// so loading it neither parses TOML nor checks it again.
    pub fn from_preparsed(bytes: &[u8]) -> Result<Rulebook, String> {
        let (mut rules, derived): (Rulebook, Derived) =
            postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
        derived.apply(&mut rules)?;
        Ok(rules)
    }

    /// The rulebook in the compact binary form [`Rulebook::from_preparsed`] reads.
    pub fn to_preparsed(&self) -> Vec<u8> {
        // Serialising plain data into memory cannot fail.
        postcard::to_allocvec(&(self, Derived::of(self))).unwrap_or_default()
    }

    /// Reads rulebook text and checks its shape: keys, ids, documents and
    /// sections, and that every condition names a real key and answer.
    /// `file` is only used in messages. Whether the tables decide soundly is
    /// checked by `engine::validate`.
    pub fn parse(src: &str, file: &str) -> Result<Rulebook, FileProblems> {
        let toml_problem = |e: toml::de::Error| {
            let at = Location::of(src, e.span().map_or(0, |s| s.start));
            FileProblems::new(
                file,
                vec![Problem::at(at, "", e.message().trim_end().to_string())],
            )
        };
        let format: FormatOnly = toml::from_str(src).map_err(toml_problem)?;
        match format.format {
            Some(f) if *f.get_ref() == i64::from(RULEBOOK_FORMAT) => {}
            Some(f) => {
                let at = Location::of(src, f.span().start);
                let message = format!(
                    "rulebook format {} is not supported; this build reads format {RULEBOOK_FORMAT} (decision model 2: readings and moves)",
                    f.get_ref()
                );
                return Err(FileProblems::new(
                    file,
                    vec![Problem::at(at, "format", message).with_help(
                        "`gtm rules` prints the built-in rulebook in format 2; start from it",
                    )],
                ));
            }
            None => {
                return Err(FileProblems::new(
                    file,
                    vec![Problem {
                        location: None,
                        key: Some("format".into()),
                        message: format!(
                            "a rulebook needs `format = {RULEBOOK_FORMAT}` at the top"
                        ),
                        help: None,
                    }],
                ));
            }
        }
        let mut rules: Rulebook = toml::from_str(src).map_err(toml_problem)?;
        let mut v = Validator {
            src,
            problems: shape::strings::check(src),
        };
        v.check(&mut rules);
        if v.problems.is_empty() {
            rules.fill_citations();
            Ok(rules)
        } else {
            Err(FileProblems::new(file, v.problems))
        }
    }

    /// Display information for a motion.
    pub fn motion(&self, motion: Motion) -> &MotionInfo {
        // Validation guarantees one entry per motion, in order.
        &self.motions[motion.rank()]
    }

    /// The ACV band (a motion) that `acv` falls in.
    pub fn band(&self, acv: Money) -> Motion {
        let cents = acv.cents();
        self.acv
            .bands
            .iter()
            .find(|b| b.top_cents.is_none_or(|top| cents <= top))
            .map_or(Motion::Enterprise, |b| *b.motion.get_ref())
    }

    /// The lowest and highest ACV of a motion's band, in cents (`None`
    /// above: open); `None` when the rulebook has no band for the motion.
    pub fn band_span(&self, motion: Motion) -> Option<(u64, Option<u64>)> {
        let i = self
            .acv
            .bands
            .iter()
            .position(|b| *b.motion.get_ref() == motion)?;
        let low = i
            .checked_sub(1)
            .and_then(|j| self.acv.bands[j].top_cents)
            .map_or(0, |top| top + 1);
        Some((low, self.acv.bands[i].top_cents))
    }

    /// The rulebook's name, from its `[origin]` (a user's own rulebook may
    /// have none).
    pub fn name(&self) -> Option<&str> {
        self.origin.as_ref().map(|o| o.name.get_ref().as_str())
    }

    /// The table of a reading.
    pub fn reading(&self, reading: Reading) -> &ReadingTable {
        // Validation guarantees the three readings, in order.
        &self.readings[reading as usize]
    }

    /// A checklist item by id.
    pub fn checklist_item(&self, id: &str) -> Option<&ChecklistItem> {
        self.checklist.iter().find(|i| i.id.get_ref() == id)
    }

    /// A finding rule by id.
    pub fn finding_rule(&self, id: &str) -> Option<&FindingRule> {
        self.findings.iter().find(|f| f.id.get_ref() == id)
    }

    /// Whether some finding rule that applies when `motion` is recommended
    /// reads `key` (e.g. `practices.free_trial`): whether the answer to it
    /// can matter for a company with that motion.
    pub fn finding_reads(&self, key: &str, motion: Motion) -> bool {
        self.findings
            .iter()
            .filter(|r| r.motions.is_empty() || r.motions.contains(&motion))
            .any(|r| {
                r.when
                    .iter()
                    .chain(&r.any)
                    .any(|c| c.key.get_ref().as_str() == key)
            })
    }

    /// Every finding id `gtm check` can report: the gate's own, then the rulebook's.
    pub fn finding_ids(&self) -> Vec<&str> {
        RESERVED_FINDING_IDS
            .iter()
            .copied()
            .chain(self.findings.iter().map(|f| f.id.get_ref().as_str()))
            .collect()
    }

    /// A move rule by id.
    pub fn move_rule(&self, id: &str) -> Option<&MoveRule> {
        self.moves.iter().find(|m| m.id.get_ref() == id)
    }

    /// The evidence rows of a key, if the rulebook has any.
    pub fn evidence(&self, key: &str) -> Option<&EvidenceTable> {
        self.evidence.iter().find(|e| e.key.get_ref() == key)
    }

    /// A citation as people read it: "Section: part — Document title".
    /// Worked out once when the rulebook is read.
    pub fn cite(&self, source: &Source) -> Text {
        if source.cited.is_empty() {
            Text::from(self.citation(source))
        } else {
            source.cited.clone()
        }
    }

    fn citation(&self, source: &Source) -> String {
        let title = self
            .documents
            .iter()
            .find(|d| d.id.get_ref() == source.doc.get_ref())
            .map_or(source.doc.get_ref().as_str(), |d| d.title.as_str());
        match &source.part {
            Some(part) => format!("{}: {part} — {title}", source.section.get_ref()),
            None => format!("{} — {title}", source.section.get_ref()),
        }
    }

    /// Works out what each citation reads as.
    fn fill_citations(&mut self) {
        let cited: Vec<Text> = self
            .sources()
            .into_iter()
            .map(|s| Text::from(self.citation(s)))
            .collect();
        for (source, cited) in self.sources_mut().into_iter().zip(cited) {
            source.cited = cited;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rulebook {
        Rulebook::parse(DEFAULT_RULEBOOK, "rulebook.toml").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_built_in_rulebook_reads() {
        let r = rules();
        assert_eq!(r.motions.len(), 5);
        assert_eq!(r.readings.len(), 3);
    }

    #[test]
    fn the_quick_revision_is_the_parsed_one() {
        assert_eq!(default_revision(), rules().revision);
    }

    #[test]
    fn band_edges_follow_the_documents_wording() {
        let r = rules();
        let cases = [
            (0, Motion::SelfServe),
            (99_999, Motion::SelfServe),
            (100_000, Motion::Plg),
            (499_999, Motion::Plg),
            (500_000, Motion::Hybrid),
            (5_000_000, Motion::Hybrid),
            (5_000_001, Motion::SalesLed),
            (25_000_000, Motion::SalesLed),
            (25_000_001, Motion::Enterprise),
            (1_000_000_000_000, Motion::Enterprise),
        ];
        for (cents, motion) in cases {
            assert_eq!(r.band(Money::from_cents(cents).unwrap()), motion, "{cents}");
        }
        assert_eq!(
            r.band_span(Motion::Hybrid),
            Some((500_000, Some(5_000_000)))
        );
        assert_eq!(r.band_span(Motion::Enterprise), Some((25_000_001, None)));
    }

    #[test]
    fn every_citation_names_a_listed_section_of_a_document() {
        let r = rules();
        assert_eq!(
            r.cite(&r.acv.source),
            "ACV framework — Product-Led vs Sales-Led in 2026"
        );
        for s in r.sources() {
            let doc = r
                .documents
                .iter()
                .find(|d| d.id.get_ref() == s.doc.get_ref());
            let doc = doc.unwrap_or_else(|| panic!("unknown document in {s:?}"));
            assert!(doc.sections.contains(s.section.get_ref()), "{s:?}");
        }
    }

    #[test]
    fn every_condition_is_resolved() {
        let r = rules();
        let conditions = r.conditions();
        for c in conditions {
            assert_ne!(c.test, Test::Invalid, "{c:?}");
        }
    }

    pub(crate) fn broken(from: &str, to: &str) -> Vec<Problem> {
        assert!(DEFAULT_RULEBOOK.contains(from), "{from}");
        let src = DEFAULT_RULEBOOK.replacen(from, to, 1);
        Rulebook::parse(&src, "r.toml").unwrap_err().problems
    }

    #[test]
    fn unknown_keys_are_refused_with_a_line() {
        let ps = broken("format = 2", "format = 2\nfromat = 1");
        assert_eq!(ps.len(), 1);
        let line = DEFAULT_RULEBOOK
            .lines()
            .position(|l| l == "format = 2")
            .unwrap();
        assert_eq!(ps[0].location.unwrap().line, line + 2);
        assert!(ps[0].message.contains("fromat"), "{}", ps[0].message);
    }

    #[test]
    fn a_format_1_rulebook_is_told_which_format_this_build_reads() {
        let ps = broken("format = 2", "format = 1\n[lean]\nthreshold = 3.0");
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(
            ps[0].message.contains("format 1 is not supported"),
            "{}",
            ps[0].message
        );
        assert!(
            ps[0].message.contains("reads format 2"),
            "{}",
            ps[0].message
        );
    }

    #[test]
    fn end_conflicts_are_checked_like_moves() {
        // An id a move already has.
        let ps = broken("id = \"pull-at-sales-price\"", "id = \"hybrid-holds\"");
        assert!(
            ps.iter()
                .any(|p| p.message.contains("`hybrid-holds` is used twice")),
            "{ps:?}"
        );
        // No motion to end on.
        let ps = broken("motions = [\"sales-led\", \"enterprise\"]", "motions = []");
        assert!(
            ps.iter()
                .any(|p| p.message.contains("must name at least one motion")),
            "{ps:?}"
        );
        // A key conditions cannot read.
        let ps = broken(
            "{ key = \"reading.pull\", values = [\"yes\"] },\n  { key = \"reading.product\", not = [\"sells-itself\"] },",
            "{ key = \"reading.puul\", values = [\"yes\"] },\n  { key = \"reading.product\", not = [\"sells-itself\"] },",
        );
        assert!(!ps.is_empty());
    }

    #[test]
    fn unknown_documents_and_sections_are_refused() {
        let ps = broken(
            "source = { doc = \"plg-2026\", section = \"ACV framework\" }",
            "source = { doc = \"nope\", section = \"ACV framework\" }",
        );
        assert!(
            ps.iter()
                .any(|p| p.message.contains("`nope` is not a document id")),
            "{ps:?}"
        );
        let ps = broken(
            "source = { doc = \"plg-2026\", section = \"ACV framework\" }",
            "source = { doc = \"plg-2026\", section = \"The Lean Threshold\" }",
        );
        assert!(
            ps.iter()
                .any(|p| p.message.contains("is not a section of `plg-2026`")),
            "{ps:?}"
        );
    }

    #[test]
    fn bands_must_rise() {
        let ps = broken("below = \"$5,000\"", "below = \"$500\"");
        assert!(ps.iter().any(|p| p.message.contains("rise")), "{ps:?}");
    }

    #[test]
    fn conditions_name_real_keys_and_answers() {
        let ps = broken(
            "values = [\"implementation\", \"custom\"] },\n  { key = \"time_to_value\"",
            "values = [\"implementaton\", \"custom\"] },\n  { key = \"time_to_value\"",
        );
        assert!(
            ps.iter().any(|p| p
                .message
                .contains("`implementaton` is not an answer of onboarding")),
            "{ps:?}"
        );
        let ps = broken(
            "{ key = \"reading.product\", values = [\"needs-sales\"] }]\nmessage = \"The product needs people to reach value, so even",
            "{ key = \"practices.free_trial\", values = [\"true\"] }]\nmessage = \"The product needs people to reach value, so even",
        );
        assert!(
            ps.iter()
                .any(|p| p.message.contains("never depends on current practices")),
            "{ps:?}"
        );
    }
}
