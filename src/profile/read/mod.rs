//! Reads profile TOML into a [`Profile`], collecting every problem with its place.
//!
//! The reader and its checks of single values are here; what it reads, table
//! by table, is in `facts.rs` (the whole profile and its core facts),
//! `segments.rs`, `tables.rs` (signals, practices, checklist, expect, check),
//! `pql.rs` (the PQL criteria);
//! the TOML parser's own complaints are reworded in `toml_errors.rs`.

mod facts;
mod pql;
mod segments;
mod tables;
mod toml_errors;

use std::collections::BTreeMap;
use std::ops::Range;
use std::str::FromStr;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{KnownFindings, Profile};
use crate::diagnostic::{FileProblems, LineIndex, Location, Problem, nearest};
use crate::motion::UnknownValue;
use toml_errors::toml_problem;

/// Profiles larger than this are refused before parsing.
pub const MAX_PROFILE_BYTES: usize = 1024 * 1024;

/// The profile format versions this build reads.
pub const SUPPORTED_VERSIONS: &[i64] = &[1];

pub(crate) const ROOT_KEYS: &[&str] = &[
    "version",
    "name",
    "acv",
    "time_to_value",
    "buyer",
    "compliance",
    "onboarding",
    "signals",
    "practices",
    "checklist",
    "expect",
    "check",
    "segments",
    "pql",
];
/// The most ids one list (`[checklist] done`, `[check] allow`) may hold:
/// far more than any rulebook has, few enough that checking each stays fast.
const MAX_IDS: usize = 1_000;

pub(crate) const REQUIRED_KEYS: &[(&str, &str)] = &[
    ("name", "name = \"Acme Analytics\""),
    ("acv", "acv = \"$12k\""),
    ("time_to_value", "time_to_value = \"20 minutes\""),
    ("buyer", "buyer = \"team\""),
    ("compliance", "compliance = \"light\""),
    ("onboarding", "onboarding = \"self-serve\""),
];
pub(crate) use crate::motion::{PRACTICE_KEYS, SIGNAL_KEYS};
pub(crate) const SEGMENT_KEYS: &[&str] = &[
    "name",
    "acv",
    "share",
    "time_to_value",
    "buyer",
    "compliance",
    "onboarding",
    "signals",
];
/// The most `[[segments]]` one profile may describe.
pub const MAX_SEGMENTS: usize = 100;

/// The most table headers (`[...]` and `[[...]]` lines) a profile may
/// have. A full profile has a dozen top-level tables and a few per segment,
/// a few hundred at most; a file with thousands is not a profile, and
/// parsing every one of them first would cost time and memory for nothing.
pub const MAX_TABLE_HEADERS: usize = 1_000;
/// All of the revenue, in basis points.
const WHOLE_BP: u32 = 10_000;
pub(crate) const LONGEST_NAME: usize = 200;

type Value<'i> = Spanned<DeValue<'i>>;

/// Whether `head` (the start of a TOML file) reads like a gtm profile: it
/// sets `version` or one of the five core keys before its first table. A
/// directory walk skips other TOML files (`Cargo.toml`, `pyproject.toml`)
/// instead of reporting them as invalid profiles.
pub fn looks_like_profile(head: &str) -> bool {
    const KEYS: [&str; 6] = [
        "version",
        "acv",
        "time_to_value",
        "buyer",
        "compliance",
        "onboarding",
    ];
    for line in head.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            return false;
        }
        if let Some((key, _)) = line.split_once('=') {
            let key = key.trim().trim_matches(['"', '\'']);
            if KEYS.contains(&key) {
                return true;
            }
        }
    }
    false
}

/// Checks a company or product name; the same rule serves files and the interview.
pub fn check_name(text: &str) -> Result<String, String> {
    let name = text.trim();
    if name.is_empty() {
        Err("the name is empty; give the company or product name".to_string())
    } else if name.chars().count() > LONGEST_NAME {
        Err(format!("the name is longer than {LONGEST_NAME} characters"))
    } else if name.chars().any(char::is_control) {
        Err("the name contains control characters".to_string())
    } else {
        Ok(name.to_string())
    }
}

/// The line of the table header past [`MAX_TABLE_HEADERS`], if there is
/// one. A line counts when its first non-blank character is `[`; lines
/// inside a multi-line array or string may count too, which only makes
/// the count an upper bound far above any real profile's.
fn too_many_headers(src: &str) -> Option<usize> {
    let mut headers = 0;
    for (index, line) in src.lines().enumerate() {
        if line.trim_start().starts_with('[') {
            headers += 1;
            if headers > MAX_TABLE_HEADERS {
                return Some(index + 1);
            }
        }
    }
    None
}

/// Parses and validates profile text. `file` is only used in messages;
/// checklist ids are checked against `rules`.
pub fn parse(src: &str, file: &str, rules: &impl KnownFindings) -> Result<Profile, FileProblems> {
    let fail = |problems| Err(FileProblems::new(file, problems));
    if src.len() > MAX_PROFILE_BYTES {
        return fail(vec![Problem {
            location: None,
            key: None,
            message: format!(
                "the profile is {} bytes; profiles may be at most {MAX_PROFILE_BYTES} bytes (1 MiB)",
                src.len()
            ),
            help: None,
        }]);
    }
    if let Some(line) = too_many_headers(src) {
        return fail(vec![Problem::at(
            Location { line, column: 1 },
            "",
            format!(
                "more than {MAX_TABLE_HEADERS} table headers; a profile needs a few hundred \
                 at most (a dozen tables, and a few for each of up to {MAX_SEGMENTS} segments)"
            ),
        )]);
    }
    let root = match DeTable::parse(src) {
        Ok(root) => root,
        Err(err) => {
            let start = err.span().map(|s| s.start);
            return fail(vec![toml_problem(src, err.message().trim_end(), start)]);
        }
    };
    let mut reader = Reader {
        src,
        lines: LineIndex::new(src),
        problems: Vec::new(),
        more: 0,
        scratch: Problem::at(Location { line: 1, column: 1 }, "", ""),
        locations: BTreeMap::new(),
    };
    let profile = reader.profile(root.get_ref(), rules);
    match profile {
        Some(profile) if reader.problems.is_empty() => Ok(profile),
        _ => {
            let more = reader.more;
            let mut problems = FileProblems::new(file, reader.problems);
            if more > 0 {
                problems.problems.push(Problem {
                    location: None,
                    key: None,
                    message: format!(
                        "and {more} more problem{} in this file, not shown; fix the ones above first",
                        if more == 1 { "" } else { "s" }
                    ),
                    help: None,
                });
            }
            Err(problems)
        }
    }
}

/// How many problems one file reports; past this they are only counted, so
/// a hostile file cannot make the report (or the work) grow without bound.
pub const MAX_PROBLEMS: usize = 20;

struct Reader<'s> {
    src: &'s str,
    lines: LineIndex,
    problems: Vec<Problem>,
    /// Problems past [`MAX_PROBLEMS`], only counted.
    more: usize,
    /// Where a problem past the limit is written and forgotten.
    scratch: Problem,
    locations: BTreeMap<String, Location>,
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

impl Reader<'_> {
    fn at(&self, span: Range<usize>) -> Location {
        self.lines.locate(self.src, span.start)
    }

    /// The source text of a value, shortened for messages.
    fn snippet(&self, span: Range<usize>) -> String {
        crate::diagnostic::first_chars(self.src.get(span).unwrap_or("").trim(), 40).into_owned()
    }

    fn problem(&mut self, span: Range<usize>, key: &str, message: String) -> &mut Problem {
        if self.full() {
            self.more += 1;
            return &mut self.scratch;
        }
        let problem = Problem::at(self.at(span), key, message);
        self.problems.push(problem);
        self.problems.last_mut().expect("just pushed")
    }

    /// Whether the report already holds as many problems as it shows.
    fn full(&self) -> bool {
        self.problems.len() >= MAX_PROBLEMS
    }

    fn wrong_type(&mut self, key: &str, value: &Value<'_>, expected: &str) {
        let message = format!(
            "expected {expected}, found {} `{}`",
            type_name(value.get_ref()),
            self.snippet(value.span())
        );
        self.problem(value.span(), key, message);
    }

    fn string<'v>(&mut self, key: &str, value: &'v Value<'_>) -> Option<&'v str> {
        match value.get_ref() {
            DeValue::String(s) => Some(s),
            _ => {
                self.wrong_type(key, value, "a string");
                None
            }
        }
    }

    fn boolean(&mut self, key: &str, value: &Value<'_>) -> Option<bool> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, value, "true or false");
                None
            }
        }
    }

    fn table<'v, 'i>(&mut self, key: &str, value: &'v Value<'i>) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(key, value, &format!("a table (`[{key}]`)"));
                None
            }
        }
    }

    fn choice<T: FromStr<Err = UnknownValue>>(
        &mut self,
        key: &str,
        value: &Value<'_>,
    ) -> Option<T> {
        let text = self.string(key, value)?;
        match text.parse::<T>() {
            Ok(v) => Some(v),
            Err(err) => {
                let message = format!(
                    "`{}` is not a valid {}; allowed: {}",
                    crate::diagnostic::short(&err.found),
                    err.what,
                    err.allowed.join(", ")
                );
                let suggestion = nearest(&err.found, err.allowed.iter().copied());
                let problem = self.problem(value.span(), key, message);
                if let Some(s) = suggestion {
                    problem.help = Some(format!("did you mean \"{s}\"?"));
                }
                None
            }
        }
    }

    fn list_of_ids(&mut self, key: &str, value: &Value<'_>) -> Vec<(String, Range<usize>)> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, "an array of strings");
            return Vec::new();
        };
        if items.len() > MAX_IDS {
            self.problem(
                value.span(),
                key,
                format!(
                    "{} ids listed; at most {MAX_IDS} are read (a rulebook has a few hundred ids in all)",
                    items.len()
                ),
            );
            return Vec::new();
        }
        let mut ids = Vec::new();
        for item in items {
            if let Some(id) = self.string(key, item) {
                ids.push((id.to_string(), item.span()));
            }
        }
        ids
    }

    /// Reports keys of `table` that are not in `allowed`, suggesting the nearest one.
    fn unknown_key(
        &mut self,
        prefix: &str,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        allowed: &[&str],
    ) {
        if self.full() {
            self.more += 1;
            return;
        }
        let path = join(prefix, key.get_ref());
        let message = format!("unknown key; allowed here: {}", allowed.join(", "));
        let help = match nearest(key.get_ref(), allowed.iter().copied()) {
            Some(s) => Some(format!("did you mean `{}`?", join(prefix, s))),
            // A signal or practice written above its table header (or in
            // `--set` without its table) belongs in that table.
            None if prefix.is_empty() => [("signals", SIGNAL_KEYS), ("practices", PRACTICE_KEYS)]
                .into_iter()
                .find(|(_, keys)| keys.contains(&key.get_ref().as_ref()))
                .map(|(table, _)| {
                    format!(
                        "`{}` belongs in [{table}]: move it below the [{table}] header (in `--set`, write `{table}.{}`)",
                        key.get_ref(),
                        key.get_ref()
                    )
                }),
            None => None,
        };
        let problem = self.problem(key.span(), &path, message);
        problem.help = help;
    }

    fn remember(&mut self, path: &str, span: Range<usize>) {
        let at = self.at(span);
        self.locations.insert(path.to_string(), at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment};
    use crate::rulebook::Rulebook;

    const GOOD: &str = r#"
version = 1
name = "Acme Analytics"
acv = "$12k"
time_to_value = "20 minutes"
buyer = "team"
compliance = "light"
onboarding = "self-serve"

[signals]
viral_loops = true
segment = "mid-market"

[practices]
motion = "sales-led"
free_trial = true

[checklist]
done = ["measure-time-to-value"]

[expect]
motion = "hybrid"
"#;

    fn rules() -> Rulebook {
        Rulebook::default_rules()
    }

    /// The one problem `src` is refused with.
    fn refused(src: &str) -> Problem {
        let mut problems = parse(src, "p.toml", &rules()).unwrap_err().problems;
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems.remove(0)
    }

    #[test]
    fn other_toml_files_are_told_apart_from_profiles() {
        assert!(looks_like_profile(GOOD));
        assert!(looks_like_profile(crate::profile::STARTER));
        assert!(looks_like_profile("# a comment\nacv = 5\n"));
        assert!(looks_like_profile("\"buyer\" = \"team\""));
        assert!(!looks_like_profile(
            "[package]\nname = \"gtm-advisor\"\nversion = \"0.1.0\"\n"
        ));
        assert!(!looks_like_profile("[build-system]\nrequires = []\n"));
        assert!(!looks_like_profile("name = \"only a name\"\n"));
        assert!(!looks_like_profile(""));
    }

    #[test]
    fn lists_of_more_than_a_thousand_ids_are_refused() {
        let ids: Vec<String> = (0..=MAX_IDS).map(|i| format!("\"id-{i}\"")).collect();
        let p = refused(&GOOD.replace(
            "done = [\"measure-time-to-value\"]",
            &format!("done = [{}]", ids.join(", ")),
        ));
        assert!(
            p.message.contains("1001 ids listed; at most 1000"),
            "{}",
            p.message
        );
        // A thousand is fine, and repeats count once.
        let ids: Vec<String> = (0..MAX_IDS).map(|i| format!("\"id-{}\"", i % 10)).collect();
        let src = GOOD.replace(
            "done = [\"measure-time-to-value\"]",
            &format!("done = [{}]", ids.join(", ")),
        );
        assert_eq!(
            parse(&src, "p.toml", &rules())
                .unwrap()
                .checklist_done
                .len(),
            10
        );
    }

    #[test]
    fn a_duplicate_key_names_the_key_and_both_lines() {
        let p = refused(&GOOD.replace(
            "buyer = \"team\"\n",
            "buyer = \"team\"\nbuyer = \"committee\"\n",
        ));
        assert_eq!(p.key.as_deref(), Some("buyer"));
        assert_eq!(p.location.unwrap().line, 7);
        assert!(p.message.contains("first on line 6"), "{}", p.message);
        // The same key in another table is not the first definition.
        let p = refused(&GOOD.replace(
            "free_trial = true\n",
            "free_trial = true\nmotion = \"plg\"\n",
        ));
        assert_eq!(p.key.as_deref(), Some("motion"));
        assert!(p.message.contains("first on line 15,"), "{}", p.message);
        // Each [[segments]] is its own table: a name in the second is no duplicate of the first's.
        let two = format!(
            "{COMPANY}[[segments]]\nname = \"A\"\nacv = 1000\nshare = 0.2\n[[segments]]\nname = \"B\"\nacv = 9000\nname = \"C\"\n"
        );
        let p = refused(&two);
        assert!(p.message.contains("first on line 13,"), "{}", p.message);
    }

    #[test]
    fn a_table_given_twice_names_both_headers() {
        let p = refused(&GOOD.replace(
            "[checklist]",
            "[signals]\ninstrumented = true\n\n[checklist]",
        ));
        assert!(
            p.message
                .contains("[signals] appears twice: first on line 10"),
            "{}",
            p.message
        );
        assert_eq!(p.location.unwrap().line, 18);
    }

    #[test]
    fn nesting_too_deep_points_at_the_deep_line() {
        for deep in [
            format!("acv = {}1{}", "[".repeat(300), "]".repeat(300)),
            format!("{} = 1", vec!["a"; 300].join(".")),
            format!("[{}]", vec!["a"; 300].join(".")),
        ] {
            let p = refused(&format!("version = 1\nname = \"x\"\n{deep}\n"));
            assert_eq!(p.location.unwrap().line, 3, "{deep:.20}: {}", p.message);
            assert!(p.message.contains("nested too deeply"), "{}", p.message);
        }
    }

    const COMPANY: &str = "version = 1\nname = \"Multi\"\nacv = \"$20k\"\ntime_to_value = \"20 minutes\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"self-serve\"\n";

    #[test]
    fn segment_problems_name_their_line() {
        let bad = format!(
            "{COMPANY}\n[[segments]]\nname = \"A\"\nacv = \"$2k\"\nshare = 0.8\n\n[[segments]]\nname = \"B\"\nacv = -1\nshare = 0.7\nbuyr = \"team\"\n"
        );
        let keys: Vec<Option<String>> = problems(&bad).iter().map(|p| p.key.clone()).collect();
        assert!(keys.contains(&Some("segments[1].acv".into())), "{keys:?}");
        assert!(keys.contains(&Some("segments[1].buyr".into())), "{keys:?}");
        let over = format!(
            "{COMPANY}\n[[segments]]\nname = \"A\"\nacv = 1\nshare = 0.8\n\n[[segments]]\nname = \"B\"\nacv = 2\nshare = 0.7\n"
        );
        let ps = problems(&over);
        assert!(ps[0].message.contains("add up to 1.5"), "{ps:?}");
        let missing = format!("{COMPANY}\n[[segments]]\nname = \"A\"\n");
        assert_eq!(problems(&missing).len(), 2, "acv and share missing");
    }

    #[test]
    fn a_file_of_thousands_of_table_headers_is_refused_before_parsing() {
        // A hundred full segments stay well under the cap.
        let segment = "[[segments]]\nname = \"S\"\nacv = 1\nshare = 0.01\n[segments.signals]\n";
        let full = format!("{COMPANY}\n{}", segment.repeat(MAX_SEGMENTS));
        assert!(too_many_headers(&full).is_none());
        let headers: String = (0..=MAX_TABLE_HEADERS)
            .map(|i| format!("[t{i}.a.b]\n"))
            .collect();
        let ps = problems(&format!("{COMPANY}\n{headers}"));
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(
            ps[0].message.contains("more than 1000 table headers"),
            "{ps:?}"
        );
        let line = ps[0].location.as_ref().unwrap().line;
        assert_eq!(line, COMPANY.lines().count() + 1 + MAX_TABLE_HEADERS + 1);
    }

    #[test]
    fn shares_are_whole_basis_points_above_zero_and_segments_are_capped() {
        let seg = |share: &str| {
            format!("{COMPANY}\n[[segments]]\nname = \"A\"\nacv = 1\nshare = {share}\n")
        };
        let p = parse(&seg("0.3333"), "p.toml", &rules()).unwrap();
        assert_eq!(p.segments[0].share_bp, 3333);
        assert!(
            problems(&seg("0.33333"))[0]
                .message
                .contains("basis points")
        );
        assert!(problems(&seg("0"))[0].message.contains("more than 0"));
        assert!(problems(&seg("-0.0"))[0].message.contains("more than 0"));
        // Exactly 1 in basis points is fine even when the decimals round.
        let thirds = format!(
            "{COMPANY}\n[[segments]]\nname = \"A\"\nacv = 1\nshare = 0.3334\n[[segments]]\nname = \"B\"\nacv = 1\nshare = 0.3333\n[[segments]]\nname = \"C\"\nacv = 1\nshare = 0.3333\n"
        );
        assert!(parse(&thirds, "p.toml", &rules()).is_ok());
        let many: String = (0..101)
            .map(|i| format!("[[segments]]\nname = \"S{i}\"\nacv = 1\nshare = 0.0001\n"))
            .collect();
        let ps = problems(&format!("{COMPANY}\n{many}"));
        assert!(ps[0].message.contains("at most 100 segments"), "{ps:?}");
    }

    fn problems(src: &str) -> Vec<Problem> {
        parse(src, "p.toml", &rules()).unwrap_err().problems
    }

    fn with(replace: &str, by: &str) -> String {
        assert!(GOOD.contains(replace), "{replace}");
        GOOD.replacen(replace, by, 1)
    }

    #[test]
    fn reads_a_full_profile() {
        let p = parse(GOOD, "p.toml", &rules()).unwrap();
        assert_eq!(p.name, "Acme Analytics");
        assert_eq!(p.acv.dollars(), 12000.0);
        assert_eq!(p.time_to_value.minutes(), 20.0);
        assert_eq!(p.buyer, Buyer::Team);
        assert_eq!(p.compliance, Compliance::Light);
        assert_eq!(p.onboarding, Onboarding::SelfServe);
        assert_eq!(p.signals.viral_loops, Some(true));
        assert_eq!(p.signals.instrumented, None);
        assert_eq!(p.signals.segment, Some(Segment::MidMarket));
        assert_eq!(p.practices.motion, Some(Motion::SalesLed));
        assert_eq!(p.checklist_done, vec!["measure-time-to-value"]);
        assert_eq!(p.expect_motion, Some(Motion::Hybrid));
        assert_eq!(p.locations["buyer"], Location { line: 6, column: 1 });
        assert_eq!(p.locations["signals.segment"].line, 12);
    }

    #[test]
    fn numbers_are_accepted_for_acv() {
        for (text, dollars) in [
            ("12000", 12000.0),
            ("12000.0", 12000.0),
            ("12_000", 12000.0),
            ("0", 0.0),
        ] {
            let p = parse(&with("\"$12k\"", text), "p.toml", &rules()).unwrap();
            assert_eq!(p.acv.dollars(), dollars, "{text}");
        }
    }

    #[test]
    fn bad_acv_values_name_the_line() {
        for bad in [
            "-5",
            "-5.0",
            "nan",
            "inf",
            "-inf",
            "\"lots\"",
            "true",
            "\"-5k\"",
            "99999999999999999999",
        ] {
            let ps = problems(&with("\"$12k\"", bad));
            assert_eq!(ps.len(), 1, "{bad}: {ps:?}");
            assert_eq!(ps[0].key.as_deref(), Some("acv"));
            assert_eq!(ps[0].location.unwrap().line, 4, "{bad}");
        }
    }

    #[test]
    fn durations_need_units_and_length() {
        for bad in ["\"0m\"", "\"soon\"", "20", "\"\""] {
            let ps = problems(&with("\"20 minutes\"", bad));
            assert_eq!(ps.len(), 1, "{bad}");
            assert_eq!(ps[0].key.as_deref(), Some("time_to_value"));
        }
    }

    #[test]
    fn a_file_reports_at_most_twenty_problems_and_counts_the_rest() {
        let mut src = GOOD.to_string();
        for i in 0..500 {
            src.push_str(&format!("[extra{i}]\n"));
        }
        let ps = problems(&src);
        assert_eq!(ps.len(), MAX_PROBLEMS + 1, "{ps:?}");
        assert!(
            ps[MAX_PROBLEMS].message.contains("and 480 more problems"),
            "{ps:?}"
        );
    }

    #[test]
    fn unknown_keys_suggest_the_nearest() {
        let ps = problems(&with("buyer =", "buyr ="));
        // The misspelt key and the now-missing `buyer`.
        assert_eq!(ps.len(), 2, "{ps:?}");
        let unknown = ps
            .iter()
            .find(|p| p.key.as_deref() == Some("buyr"))
            .unwrap();
        assert_eq!(unknown.help.as_deref(), Some("did you mean `buyer`?"));
        let ps = problems(&with("viral_loops", "viral_loop"));
        assert_eq!(
            ps[0].help.as_deref(),
            Some("did you mean `signals.viral_loops`?")
        );
    }

    #[test]
    fn unknown_values_list_what_is_allowed() {
        let ps = problems(&with("\"team\"", "\"teem\""));
        assert_eq!(ps.len(), 1);
        assert!(
            ps[0]
                .message
                .contains("individual, team, committee, executive")
        );
        assert_eq!(ps[0].help.as_deref(), Some("did you mean \"team\"?"));
    }

    #[test]
    fn every_missing_required_key_is_reported() {
        let src = "version = 1\n";
        let ps = problems(src);
        let keys: Vec<_> = ps.iter().filter_map(|p| p.key.clone()).collect();
        assert_eq!(
            keys,
            [
                "name",
                "acv",
                "time_to_value",
                "buyer",
                "compliance",
                "onboarding"
            ]
        );
    }

    #[test]
    fn other_versions_are_refused_with_the_supported_list() {
        let ps = problems(&with("version = 1", "version = 2"));
        assert_eq!(ps.len(), 1);
        assert!(ps[0].message.contains("version 2 is not supported"));
        assert!(ps[0].message.contains("reads version 1"));
        let ps = problems(&with("version = 1\n", ""));
        assert_eq!(ps[0].key.as_deref(), Some("version"));
    }

    #[test]
    fn empty_and_blank_names_are_refused() {
        assert_eq!(problems(&with("\"Acme Analytics\"", "\"  \"")).len(), 1);
    }

    #[test]
    fn unknown_checklist_ids_are_kept_for_a_warning() {
        let src = with("\"measure-time-to-value\"", "\"measure-time-to-valu\"");
        let p = parse(&src, "p.toml", &rules()).unwrap();
        assert_eq!(p.checklist_done, ["measure-time-to-valu"]);
    }

    #[test]
    fn invalid_toml_and_duplicates_point_at_the_line() {
        let ps = problems(&with(
            "buyer = \"team\"",
            "buyer = \"team\"\nbuyer = \"team\"",
        ));
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].location.unwrap().line, 7);
        let ps = problems("version = 1\nname = \n");
        assert_eq!(ps[0].location.unwrap().line, 2);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!(
            "version = 1\nx = {}1{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(problems(&deep).len(), 1);
        let deep_tables = format!(
            "version = 1\nx = {}1{}\n",
            "{a=".repeat(50_000),
            "}".repeat(50_000)
        );
        assert_eq!(problems(&deep_tables).len(), 1);
    }
}
