//! The profile as a whole and its core facts: version, name, ACV, time to
//! value, the categorical answers, and which tables may follow.

use super::{REQUIRED_KEYS, ROOT_KEYS, Reader, SUPPORTED_VERSIONS, Value, check_name};
use crate::diagnostic::{Location, Problem};
use crate::profile::{Duration, KnownFindings, Money, MoneyError, Practices, Profile, Signals};
use toml::de::{DeTable, DeValue};

impl Reader<'_> {
    pub(super) fn profile(
        &mut self,
        root: &DeTable<'_>,
        rules: &impl KnownFindings,
    ) -> Option<Profile> {
        if let Some(version) = root.get("version") {
            self.remember("version", version.span());
            match version.get_ref() {
                DeValue::Integer(i)
                    if SUPPORTED_VERSIONS
                        .iter()
                        .any(|v| v.to_string() == i.as_str()) => {}
                DeValue::Integer(_) => {
                    let message = format!(
                        "profile format version {} is not supported; this build reads version {}",
                        self.snippet(version.span()),
                        SUPPORTED_VERSIONS
                            .iter()
                            .map(i64::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    self.problem(version.span(), "version", message).help = Some(
                        "set `version = 1`, or use a newer gtm that reads this version".into(),
                    );
                    // Nothing else can be judged against an unknown format.
                    return None;
                }
                _ => self.wrong_type("version", version, "the integer 1"),
            }
        } else {
            let at = self.where_to_add();
            self.problems.push(
                Problem::at(at, "version", "missing required key `version`")
                    .with_help("add `version = 1` at the top of the file"),
            );
        }

        let mut name = None;
        let mut acv = None;
        let mut time_to_value = None;
        let mut buyer = None;
        let mut compliance = None;
        let mut onboarding = None;
        let mut signals = Signals::default();
        let mut practices = Practices::default();
        let mut checklist_done = Vec::new();
        let mut expect_motion = None;
        let mut check_allow = Vec::new();
        let mut segments = Vec::new();
        let mut pql = None;

        for (key, value) in root.iter() {
            let k = key.get_ref().as_ref();
            self.remember(k, key.span());
            match k {
                "version" => {}
                "name" => name = self.name(value),
                "acv" => acv = self.acv(value),
                "time_to_value" => time_to_value = self.duration("time_to_value", value),
                "buyer" => buyer = self.choice("buyer", value),
                "compliance" => compliance = self.choice("compliance", value),
                "onboarding" => onboarding = self.choice("onboarding", value),
                "signals" => {
                    if let Some(t) = self.table(k, value) {
                        signals = self.signals(t);
                    }
                }
                "practices" => {
                    if let Some(t) = self.table(k, value) {
                        practices = self.practices(t);
                    }
                }
                "checklist" => {
                    if let Some(t) = self.table(k, value) {
                        checklist_done = self.checklist(t);
                    }
                }
                "expect" => {
                    if let Some(t) = self.table(k, value) {
                        expect_motion = self.expect(t);
                    }
                }
                "check" => {
                    if let Some(t) = self.table(k, value) {
                        check_allow = self.check(t, rules);
                    }
                }
                "segments" => segments = self.segments(value),
                "pql" => {
                    if let Some(t) = self.table(k, value) {
                        pql = self.pql(t);
                    }
                }
                _ => self.unknown_key("", key, ROOT_KEYS),
            }
        }

        for (key, example) in REQUIRED_KEYS {
            if !root.contains_key(*key) {
                let at = self.where_to_add();
                self.problems.push(
                    Problem::at(at, key, format!("missing required key `{key}`")).with_help(
                        format!("add a line such as `{example}` before the first [table]"),
                    ),
                );
            }
        }

        if root.contains_key("pql") {
            // Written-down criteria are the proof that they exist.
            match practices.pql_defined {
                None => practices.pql_defined = Some(true),
                Some(true) => {}
                Some(false) => {
                    let at = self
                        .locations
                        .get("practices.pql_defined")
                        .copied()
                        .unwrap_or(Location { line: 1, column: 1 });
                    self.problems.push(
                        Problem::at(
                            at,
                            "practices.pql_defined",
                            "`pql_defined = false`, yet the profile writes its PQL criteria in [pql]",
                        )
                        .with_help("remove the `pql_defined` line (the [pql] table says they exist), or the [pql] table"),
                    );
                }
            }
        }

        Some(Profile {
            name: name?,
            acv: acv?,
            time_to_value: time_to_value?,
            buyer: buyer?,
            compliance: compliance?,
            onboarding: onboarding?,
            signals,
            practices,
            checklist_done,
            expect_motion,
            check_allow,
            segments,
            pql,
            locations: std::mem::take(&mut self.locations),
        })
    }

    /// Where a missing top-level key belongs: before the first table header.
    pub(super) fn where_to_add(&self) -> Location {
        let mut offset = 0;
        for line in self.src.split_inclusive('\n') {
            if line.trim_start().starts_with('[') {
                return self.lines.locate(self.src, offset);
            }
            offset += line.len();
        }
        self.lines.locate(self.src, self.src.len())
    }

    pub(super) fn name(&mut self, value: &Value<'_>) -> Option<String> {
        let text = self.string("name", value)?;
        match check_name(text) {
            Ok(name) => Some(name),
            Err(why) => {
                self.problem(value.span(), "name", why);
                None
            }
        }
    }

    pub(super) fn acv(&mut self, value: &Value<'_>) -> Option<Money> {
        self.acv_at("acv", value)
    }

    pub(super) fn acv_at(&mut self, key: &str, value: &Value<'_>) -> Option<Money> {
        let parsed = match value.get_ref() {
            DeValue::String(s) => s.parse::<Money>(),
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                match i64::from_str_radix(digits.trim_start_matches('+'), i.radix()) {
                    Ok(n) if n < 0 => Err(MoneyError::Negative),
                    Ok(n) => u64::try_from(n)
                        .ok()
                        .and_then(|n| n.checked_mul(100))
                        .map_or(Err(MoneyError::TooLarge), Money::from_cents),
                    Err(_) if digits.starts_with('-') => Err(MoneyError::Negative),
                    Err(_) => Err(MoneyError::TooLarge),
                }
            }
            DeValue::Float(f) => match f.as_str().replace('_', "").parse::<f64>() {
                Ok(n) => Money::new(n),
                Err(_) => Money::new(f64::NAN),
            },
            _ => {
                self.wrong_type(key, value, "an amount such as 12000 or \"$12k\"");
                return None;
            }
        };
        match parsed {
            Ok(money) => Some(money),
            Err(err) => {
                // The message of a string it could not read quotes it
                // already; the others say what rule the value broke.
                let message = match err {
                    MoneyError::Unreadable(_) | MoneyError::Monthly { .. } => err.to_string(),
                    _ => format!("{err} (found `{}`)", self.snippet(value.span())),
                };
                let help = match err {
                    // Its message already gives the value to write.
                    MoneyError::Monthly { .. } => None,
                    _ => Some("write US dollars per year, e.g. 12000, \"12,000\", \"$12k\" or \"1.5M\"; 0 means a free product".into()),
                };
                self.problem(value.span(), key, message).help = help;
                None
            }
        }
    }

    pub(super) fn duration(&mut self, key: &str, value: &Value<'_>) -> Option<Duration> {
        if let DeValue::Integer(_) | DeValue::Float(_) = value.get_ref() {
            let message = format!(
                "`{}` has no unit; a time to value needs one",
                self.snippet(value.span())
            );
            self.problem(value.span(), key, message).help =
                Some("write e.g. \"20 minutes\", \"3 hours\", \"2 weeks\" or \"3 months\"".into());
            return None;
        }
        let text = self.string(key, value)?;
        match text.parse::<Duration>() {
            Ok(d) => Some(d),
            Err(err) => {
                self.problem(value.span(), key, err.to_string());
                None
            }
        }
    }
}
