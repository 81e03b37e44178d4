//! The rulebook: the two source documents' decision tables, as data.
//!
//! The default rulebook is `src/rulebook/rulebook.toml`, embedded in the
//! binary. `--rules FILE` swaps in another one, which is checked as strictly
//! as a profile: unknown keys, unknown documents or sections, conditions on
//! keys or answers that do not exist. This module holds data and its shape
//! only; whether the tables make a sound decision (every answer read, every
//! move one step) is checked by `engine::validate`, and applying them is the
//! engine's job.

mod keys;
mod spanned;
mod text;

use serde::{Deserialize, Serialize};

pub use keys::{Key, PRACTICES, Reading, SIGNALS};
pub use spanned::Spanned;
pub use text::{Text, borrow_from};

use crate::diagnostic::{FileProblems, Location, Problem, is_kebab_id};
use crate::motion::Motion;
use crate::profile::{Duration, Money};

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
];

/// The built-in rulebook's `revision`, read from its text without parsing it all.
pub fn default_revision() -> &'static str {
    DEFAULT_RULEBOOK
        .lines()
        .find_map(|l| l.strip_prefix("revision = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or("unknown")
}

/// The full set of decision rules a recommendation is made from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    /// Format of this file; must be [`RULEBOOK_FORMAT`].
    pub format: u32,
    /// The rulebook's own version, shown by `gtm --version`.
    pub revision: Text,
    /// A one-line description.
    pub title: Text,
    /// The source documents rules cite, with their sections.
    pub documents: Vec<Document>,
    /// Display names and roles of the five motions, in order.
    pub motions: Vec<MotionInfo>,
    /// The ACV framework: which motion each price band starts from.
    pub acv: AcvFramework,
    /// The three readings (product, buyer, pull), each a first-match table.
    pub readings: Vec<ReadingTable>,
    /// Moves from a band's motion (at most one step), and rules that hold it.
    pub moves: Vec<MoveRule>,
    /// Where the two documents draw a line differently.
    #[serde(default)]
    pub notes: Vec<NoteRule>,
    /// What each answer says, shown beside the decision.
    #[serde(default)]
    pub evidence: Vec<EvidenceTable>,
    /// Implementation checklist items, each for one or more motions.
    pub checklist: Vec<ChecklistItem>,
    /// Lint rules for `gtm check`: practices and signals against the documents' pitfalls.
    #[serde(default)]
    pub findings: Vec<FindingRule>,
    /// The cost of switching between motions, and when it is worth it.
    #[serde(default)]
    pub switching: Vec<Switch>,
    /// Triggers that hand an account from one motion to the next.
    #[serde(default)]
    pub handoffs: Vec<Handoff>,
}

/// A source document and the sections a citation may name.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Short id used in `source` references.
    pub id: Spanned<Text>,
    /// The document's title.
    pub title: Text,
    /// Its tables and headed sections, by name.
    pub sections: Vec<Text>,
}

/// A citation: one section (a table or headed section) of one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Document id.
    pub doc: Spanned<Text>,
    /// Section name, one of the document's `sections`.
    pub section: Spanned<Text>,
    /// A finer pointer inside the section, e.g. "usage trigger".
    #[serde(default)]
    pub part: Option<Text>,
    /// The citation as people read it; filled in when the rulebook is read.
    #[serde(skip)]
    pub cited: Text,
}

/// How a motion is presented.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotionInfo {
    /// Which motion.
    pub id: Spanned<Motion>,
    /// Display name, e.g. "Hybrid (product-led sales)".
    pub name: Text,
    /// What sales does in this motion.
    pub sales_role: Text,
}

/// The ACV framework.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcvFramework {
    /// Where the bands come from.
    pub source: Source,
    /// One band per motion, in motion order; the last has no upper edge.
    pub bands: Vec<AcvBand>,
}

/// One ACV band. At most one of `below` (strict) and `up_to` (inclusive).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcvBand {
    /// The motion this band starts from.
    pub motion: Spanned<Motion>,
    /// ACV strictly below this falls in the band.
    #[serde(default)]
    pub below: Option<Spanned<Text>>,
    /// ACV at or below this falls in the band.
    #[serde(default)]
    pub up_to: Option<Spanned<Text>>,
    /// The highest ACV in the band, in cents; filled in when the rulebook is read.
    #[serde(skip)]
    pub top_cents: Option<u64>,
}

/// One reading: a question and a first-match table of its values.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingTable {
    /// Which reading.
    pub id: Spanned<Reading>,
    /// The question it answers.
    pub question: Text,
    /// Rows checked top to bottom; the first that holds gives the value.
    pub rows: Vec<ReadingRow>,
}

/// One row of a reading table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingRow {
    /// The value this row gives.
    pub value: Spanned<Text>,
    /// Conditions that must all hold.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// What this value means for the product, in one sentence.
    pub message: Text,
    /// Where the row comes from.
    pub source: Source,
}

/// A row of the move table: from a band's motion to `to`, or holding it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoveRule {
    /// Stable kebab-case id.
    pub id: Spanned<Text>,
    /// The ACV band (its motion) the rule applies in.
    pub band: Spanned<Motion>,
    /// Where it moves; none for a rule that holds the band's motion.
    #[serde(default)]
    pub to: Option<Spanned<Motion>>,
    /// Conditions that must all hold.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// Why the motion moves (or holds), written for the motion it ends on.
    pub message: Text,
    /// The conflict reported when the rule holds, if any.
    #[serde(default)]
    pub conflict: Option<Text>,
    /// Extra conditions for reporting the conflict.
    #[serde(default)]
    pub conflict_when: Vec<Condition>,
    /// What to do about the conflict.
    #[serde(default)]
    pub advice: Option<Text>,
    /// Where the rule comes from.
    pub source: Source,
}

/// A place where the two documents disagree, and what the tool does there.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteRule {
    /// Stable kebab-case id.
    pub id: Spanned<Text>,
    /// Conditions that must all hold.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// The note applies only when this move rule holds.
    #[serde(rename = "move", default)]
    pub with_move: Option<Spanned<Text>>,
    /// The disagreement in one short line.
    pub summary: Text,
    /// What each document says and what the tool does.
    pub message: Text,
    /// The sections that disagree.
    pub sources: Vec<Source>,
}

/// What each answer to one key says.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceTable {
    /// The profile key.
    pub key: Spanned<Text>,
    /// One row per answer (or per range of time to value, shortest first).
    pub rows: Vec<EvidenceRow>,
}

/// What one answer says.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceRow {
    /// The answer, as written in profiles.
    #[serde(default)]
    pub value: Option<Text>,
    /// For time to value: times strictly shorter than this.
    #[serde(default)]
    pub below: Option<Text>,
    /// `below` in seconds (infinite when absent); filled in when read.
    #[serde(skip)]
    pub below_seconds: f64,
    /// What the answer says, in one sentence.
    pub message: Text,
    /// Where it comes from.
    pub source: Source,
}

/// One condition on an answer or a reading.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Dotted key: `acv`, `buyer`, `signals.viral_loops`, `reading.product`, ...
    pub key: Spanned<Text>,
    /// Holds when the answer is one of these.
    #[serde(default)]
    pub values: Option<Vec<Text>>,
    /// Holds when the answer is none of these (an unknown answer is none of them).
    #[serde(default)]
    pub not: Option<Vec<Text>>,
    /// For `acv` and `time_to_value`: holds at or above this.
    #[serde(default)]
    pub at_least: Option<Text>,
    /// For `acv`: holds strictly above this.
    #[serde(default)]
    pub above: Option<Text>,
    /// For `acv` and `time_to_value`: holds strictly below this.
    #[serde(default)]
    pub below: Option<Text>,
    /// For `acv`: holds at or below this.
    #[serde(default)]
    pub at_most: Option<Text>,
    /// On `practices.motion` in findings: holds when it is answered and differs
    /// from the recommendation.
    #[serde(default)]
    pub differs_from_recommendation: bool,
    /// The key and test, resolved when the rulebook is read.
    #[serde(skip)]
    pub test: Test,
}

/// A condition resolved for evaluation: which answer, and what it must be.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub enum Test {
    /// Not resolved (the rulebook was refused).
    #[default]
    Invalid,
    /// The answer is one of these: bit `i` stands for `key.values()[i]`.
    In(Key, u32),
    /// The answer is none of these (bits as for `In`).
    NotIn(Key, u32),
    /// ACV in cents is at least this.
    AcvAtLeast(u64),
    /// ACV in cents is at most this.
    AcvAtMost(u64),
    /// Time to value in seconds is at least this.
    TimeAtLeast(f64),
    /// Time to value in seconds is below this.
    TimeBelow(f64),
    /// The current motion is answered and differs from the recommendation.
    DiffersFromRecommendation,
}

impl Test {
    /// The key the test reads.
    pub fn key(&self) -> Option<Key> {
        match self {
            Test::In(k, _) | Test::NotIn(k, _) => Some(*k),
            Test::AcvAtLeast(_) | Test::AcvAtMost(_) => Some(Key::Acv),
            Test::TimeAtLeast(_) | Test::TimeBelow(_) => Some(Key::TimeToValue),
            Test::DiffersFromRecommendation => Some(Key::Practice(0)),
            Test::Invalid => None,
        }
    }
}

/// One implementation checklist item.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable kebab-case id, used in `[checklist] done`.
    pub id: Spanned<Text>,
    /// Group heading, e.g. `assess` or `hybrid`.
    pub section: Text,
    /// The motions whose checklist includes it.
    pub motions: Vec<Motion>,
    /// Conditions that must all hold for the item to apply.
    #[serde(default)]
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// What to do, in one sentence.
    pub text: Text,
    /// Where it comes from.
    pub source: Source,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Fails `gtm check`.
    Error,
    /// Reported; fails `gtm check` only with `--deny warnings`.
    Warning,
}

impl Level {
    /// The id used in output.
    pub fn id(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// A lint rule: a pattern in a profile that the documents warn about.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingRule {
    /// Stable kebab-case id, used in `--allow` and `[check] allow`.
    pub id: Spanned<Text>,
    /// Error or warning.
    pub level: Level,
    /// The recommended motions it applies to; empty means all.
    #[serde(default)]
    pub motions: Vec<Motion>,
    /// Conditions that must all hold.
    pub when: Vec<Condition>,
    /// Conditions of which at least one must hold, if any are given.
    #[serde(default)]
    pub any: Vec<Condition>,
    /// The profile key whose line the finding points at.
    pub line: Spanned<Text>,
    /// What is wrong; `{current}` and `{recommended}` name the motions.
    pub message: Text,
    /// How to fix it.
    pub fix: Text,
    /// Where the rule comes from.
    pub source: Source,
}

/// What switching from some motions to others costs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Switch {
    /// Current motions.
    pub from: Vec<Motion>,
    /// Target motions.
    pub to: Vec<Motion>,
    /// What the switch costs.
    pub cost: Text,
    /// When the switch is worth it.
    pub when: Text,
    /// Where it comes from.
    pub source: Source,
}

/// A trigger that hands an account from one motion to a more sales-heavy one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Handoff {
    /// Stable kebab-case id.
    pub id: Spanned<Text>,
    /// Motions the account comes from.
    pub from: Vec<Motion>,
    /// Motions it goes to.
    pub to: Vec<Motion>,
    /// What happens, in one sentence.
    pub text: Text,
    /// Where it comes from.
    pub source: Source,
}

impl crate::profile::KnownFindings for Rulebook {
    fn finding_ids(&self) -> Vec<&str> {
        Rulebook::finding_ids(self)
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

    /// Every condition, in the same fixed order as `conditions_mut`.
    fn conditions(&self) -> Vec<&Condition> {
        let mut out: Vec<&Condition> = Vec::new();
        for t in &self.readings {
            for r in &t.rows {
                out.extend(r.when.iter().chain(&r.any));
            }
        }
        for m in &self.moves {
            out.extend(m.when.iter().chain(&m.any).chain(&m.conflict_when));
        }
        for n in &self.notes {
            out.extend(n.when.iter().chain(&n.any));
        }
        for i in &self.checklist {
            out.extend(i.when.iter().chain(&i.any));
        }
        for f in &self.findings {
            out.extend(f.when.iter().chain(&f.any));
        }
        out
    }

    /// Every condition, in one fixed order.
    fn conditions_mut(&mut self) -> Vec<&mut Condition> {
        let mut out: Vec<&mut Condition> = Vec::new();
        for t in &mut self.readings {
            for r in &mut t.rows {
                out.extend(r.when.iter_mut().chain(r.any.iter_mut()));
            }
        }
        for m in &mut self.moves {
            out.extend(
                m.when
                    .iter_mut()
                    .chain(m.any.iter_mut())
                    .chain(m.conflict_when.iter_mut()),
            );
        }
        for n in &mut self.notes {
            out.extend(n.when.iter_mut().chain(n.any.iter_mut()));
        }
        for i in &mut self.checklist {
            out.extend(i.when.iter_mut().chain(i.any.iter_mut()));
        }
        for f in &mut self.findings {
            out.extend(f.when.iter_mut().chain(f.any.iter_mut()));
        }
        out
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
            problems: Vec::new(),
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

    /// The lowest and highest ACV of a band, in cents (`None` above: open).
    pub fn band_span(&self, motion: Motion) -> (u64, Option<u64>) {
        let i = motion.rank();
        let low = i
            .checked_sub(1)
            .and_then(|j| self.acv.bands[j].top_cents)
            .map_or(0, |top| top + 1);
        (low, self.acv.bands[i].top_cents)
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

    /// Every citation, in one fixed order, to fill in what it reads as.
    fn sources_mut(&mut self) -> Vec<&mut Source> {
        let mut out = vec![&mut self.acv.source];
        for t in &mut self.readings {
            out.extend(t.rows.iter_mut().map(|r| &mut r.source));
        }
        out.extend(self.moves.iter_mut().map(|m| &mut m.source));
        for n in &mut self.notes {
            out.extend(n.sources.iter_mut());
        }
        for e in &mut self.evidence {
            out.extend(e.rows.iter_mut().map(|r| &mut r.source));
        }
        out.extend(self.checklist.iter_mut().map(|i| &mut i.source));
        out.extend(self.findings.iter_mut().map(|f| &mut f.source));
        out.extend(self.switching.iter_mut().map(|s| &mut s.source));
        out.extend(self.handoffs.iter_mut().map(|h| &mut h.source));
        out
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

    /// Every citation in the rulebook, for tests that check them all.
    pub fn sources(&self) -> Vec<&Source> {
        let mut out = vec![&self.acv.source];
        for t in &self.readings {
            out.extend(t.rows.iter().map(|r| &r.source));
        }
        out.extend(self.moves.iter().map(|m| &m.source));
        for n in &self.notes {
            out.extend(&n.sources);
        }
        for e in &self.evidence {
            out.extend(e.rows.iter().map(|r| &r.source));
        }
        out.extend(self.checklist.iter().map(|i| &i.source));
        out.extend(self.findings.iter().map(|f| &f.source));
        out.extend(self.switching.iter().map(|s| &s.source));
        out.extend(self.handoffs.iter().map(|h| &h.source));
        out
    }
}

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

struct Validator<'s> {
    src: &'s str,
    problems: Vec<Problem>,
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

    fn check(&mut self, r: &mut Rulebook) {
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
        let ids: Vec<Motion> = r.acv.bands.iter().map(|b| *b.motion.get_ref()).collect();
        if ids != Motion::ALL {
            self.top(
                "acv.bands",
                format!(
                    "`[[acv.bands]]` must have one band per motion, in the order {}",
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

    fn evidence(&mut self, r: &mut Rulebook, docs: &[Document]) {
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

    fn checklist(&mut self, r: &mut Rulebook, docs: &[Document]) {
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

    fn findings(&mut self, r: &mut Rulebook, docs: &[Document]) {
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

    /// Resolves one condition into its [`Test`], reporting what is wrong with it.
    fn condition(&mut self, c: &mut Condition, key: &str, place: Place) {
        let name = c.key.get_ref().clone();
        let Some(k) = Key::parse(&name) else {
            let message = format!(
                "`{name}` is not a key a condition can read; keys: acv, time_to_value, buyer, compliance, onboarding, signals.*, practices.*, reading.product, reading.buyer, reading.pull"
            );
            self.report(&c.key, key, message);
            return;
        };
        let allowed_here = !matches!(
            (place, k),
            (Place::Reading, Key::Reading(_) | Key::Practice(_))
                | (Place::Decision, Key::Practice(_))
        );
        if !allowed_here {
            let message = match place {
                Place::Reading => format!(
                    "a reading is decided from the facts alone; `{name}` cannot be read here"
                ),
                _ => format!(
                    "the decision never depends on current practices; `{name}` belongs in findings or the checklist"
                ),
            };
            self.report(&c.key, key, message);
            return;
        }
        let given = [
            c.values.is_some(),
            c.not.is_some(),
            c.at_least.is_some(),
            c.above.is_some(),
            c.below.is_some(),
            c.at_most.is_some(),
            c.differs_from_recommendation,
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if given != 1 {
            self.report(&c.key, key, "a condition gives exactly one of `values`, `not`, `at_least`, `above`, `below`, `at_most` or `differs_from_recommendation`".into());
            return;
        }
        let test = match k {
            Key::Acv => {
                let threshold = c
                    .at_least
                    .as_ref()
                    .or(c.above.as_ref())
                    .or(c.below.as_ref())
                    .or(c.at_most.as_ref());
                let Some(text) = threshold else {
                    self.report(
                        &c.key,
                        key,
                        "`acv` takes `at_least`, `above`, `below` or `at_most` with an amount"
                            .into(),
                    );
                    return;
                };
                let Ok(m) = text.parse::<Money>() else {
                    self.report(&c.key, key, format!("`{text}` is not an amount of money"));
                    return;
                };
                let cents = m.cents();
                if c.at_least.is_some() {
                    Test::AcvAtLeast(cents)
                } else if c.at_most.is_some() {
                    Test::AcvAtMost(cents)
                } else if c.above.is_some() {
                    Test::AcvAtLeast(cents + 1)
                } else if cents == 0 {
                    self.report(&c.key, key, "no ACV is below $0".into());
                    return;
                } else {
                    Test::AcvAtMost(cents - 1)
                }
            }
            Key::TimeToValue => {
                let threshold = c.at_least.as_ref().or(c.below.as_ref());
                let Some(text) = threshold else {
                    self.report(
                        &c.key,
                        key,
                        "`time_to_value` takes `at_least` or `below` with a duration".into(),
                    );
                    return;
                };
                let Ok(d) = text.parse::<Duration>() else {
                    self.report(
                        &c.key,
                        key,
                        format!("`{text}` is not a duration such as \"1 week\""),
                    );
                    return;
                };
                if c.at_least.is_some() {
                    Test::TimeAtLeast(d.seconds())
                } else {
                    Test::TimeBelow(d.seconds())
                }
            }
            _ if c.differs_from_recommendation => {
                if name != "practices.motion" || place != Place::Advice {
                    self.report(&c.key, key, "`differs_from_recommendation` applies only to `practices.motion` in findings".into());
                    return;
                }
                Test::DiffersFromRecommendation
            }
            _ => {
                let values = c.values.as_ref().or(c.not.as_ref());
                let Some(values) = values else {
                    self.report(
                        &c.key,
                        key,
                        format!("`{name}` takes `values` or `not`, a list of answers"),
                    );
                    return;
                };
                let mut mask = 0u32;
                for v in values {
                    match k.values().iter().position(|a| a == v) {
                        Some(i) => mask |= 1 << i,
                        None => {
                            let message = format!(
                                "`{v}` is not an answer of {name}; allowed: {}",
                                k.values().join(", ")
                            );
                            self.report(&c.key, key, message);
                        }
                    }
                }
                if c.values.is_some() {
                    Test::In(k, mask)
                } else {
                    Test::NotIn(k, mask)
                }
            }
        };
        c.test = test;
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
        assert_eq!(r.band_span(Motion::Hybrid), (500_000, Some(5_000_000)));
        assert_eq!(r.band_span(Motion::Enterprise), (25_000_001, None));
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
