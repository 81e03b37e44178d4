//! The `[pql]` table: PQL criteria, each key optional with its default.

use super::{Reader, Value, join};
use crate::diagnostic::echo;
use crate::profile::Duration;
use crate::profile::pql::{
    MAX_ENGAGED_EVENTS, MAX_LIST, MAX_NAME, MAX_USERS_THRESHOLD, PQL_KEYS, Pql, WINDOW_SECONDS,
    is_domain,
};
use toml::de::{DeTable, DeValue};

impl Reader<'_> {
    pub(super) fn pql(&mut self, table: &DeTable<'_>) -> Option<Pql> {
        let before = self.problems.len() + self.more;
        let mut pql = Pql::default();
        for (key, value) in table.iter() {
            let path = join("pql", key.get_ref());
            self.remember(&path, key.span());
            match key.get_ref().as_ref() {
                "window" => {
                    if let Some(w) = self.window(&path, value) {
                        pql.window = w;
                        if let Some(text) = value.get_ref().as_str() {
                            pql.window_text = text.trim().to_string();
                        }
                    }
                }
                "activation_events" => pql.activation_events = self.events(&path, value),
                "limit_events" => pql.limit_events = self.events(&path, value),
                "intent_events" => pql.intent_events = self.events(&path, value),
                "enterprise_events" => pql.enterprise_events = self.events(&path, value),
                "target_domains" => pql.target_domains = self.domains(&path, value),
                "exclude_domains" => pql.exclude_domains = self.domains(&path, value),
                "team_users" => {
                    if let Some(n) = self.count(&path, value, 2, MAX_USERS_THRESHOLD, "users") {
                        pql.team_users = n;
                    }
                }
                "active_users" => {
                    if let Some(n) = self.count(&path, value, 1, MAX_USERS_THRESHOLD, "users") {
                        pql.active_users = n;
                    }
                }
                "engaged_events" => {
                    if let Some(n) = self.count(&path, value, 1, MAX_ENGAGED_EVENTS, "events") {
                        pql.engaged_events = n;
                    }
                }
                _ => self.unknown_key("pql", key, PQL_KEYS),
            }
        }
        (self.problems.len() + self.more == before).then_some(pql)
    }

    fn window(&mut self, key: &str, value: &Value<'_>) -> Option<Duration> {
        let help = "write a length such as \"30 days\", \"2 weeks\" or \"90 days\"";
        let text = match value.get_ref() {
            DeValue::String(s) => s,
            _ => {
                self.wrong_type(key, value, "a length such as \"30 days\"");
                return None;
            }
        };
        let window = match text.parse::<Duration>() {
            Ok(w) => w,
            Err(_) => {
                let message = format!("`{}` is not a length of time", echo(text));
                self.problem(value.span(), key, message).help = Some(help.into());
                return None;
            }
        };
        let (shortest, longest) = WINDOW_SECONDS;
        if window.seconds() < shortest || window.seconds() > longest {
            let message = format!(
                "a window of {window} is out of range; it may run from 1 minute to 10 years"
            );
            self.problem(value.span(), key, message).help = Some(help.into());
            return None;
        }
        Some(window)
    }

    fn count(
        &mut self,
        key: &str,
        value: &Value<'_>,
        least: u32,
        most: u32,
        what: &str,
    ) -> Option<u32> {
        let DeValue::Integer(i) = value.get_ref() else {
            self.wrong_type(key, value, &format!("a whole number of {what}"));
            return None;
        };
        let digits = i.as_str().replace('_', "");
        let n = i64::from_str_radix(digits.trim_start_matches('+'), i.radix()).ok();
        match n
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (least..=most).contains(n))
        {
            Some(n) => Some(n),
            None => {
                let message = format!(
                    "{} is out of range; allowed: {least} to {most} {what}",
                    self.snippet(value.span())
                );
                self.problem(value.span(), key, message);
                None
            }
        }
    }

    /// A list of short names, each checked by `check`, repeats dropped.
    fn names(
        &mut self,
        key: &str,
        value: &Value<'_>,
        what: &str,
        check: impl Fn(&str) -> Result<String, String>,
    ) -> Vec<String> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, &format!("an array of {what}"));
            return Vec::new();
        };
        if items.len() > MAX_LIST {
            let message = format!("{} {what} listed; at most {MAX_LIST} are read", items.len());
            self.problem(value.span(), key, message);
            return Vec::new();
        }
        let mut out: Vec<String> = Vec::new();
        for item in items {
            let Some(text) = self.string(key, item) else {
                continue;
            };
            match check(text) {
                Ok(name) if out.contains(&name) => {}
                Ok(name) => out.push(name),
                Err(why) => {
                    self.problem(item.span(), key, why);
                }
            }
        }
        out
    }

    fn events(&mut self, key: &str, value: &Value<'_>) -> Vec<String> {
        self.names(key, value, "event names", |name| {
            if name.is_empty() || name.trim() != name {
                Err(format!(
                    "`{}` is not an event name: it is empty or starts or ends with a space",
                    echo(name)
                ))
            } else if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
                Err(format!(
                    "`{}` is not an event name: at most {MAX_NAME} characters, none of them control characters",
                    echo(name)
                ))
            } else {
                Ok(name.to_string())
            }
        })
    }

    fn domains(&mut self, key: &str, value: &Value<'_>) -> Vec<String> {
        self.names(key, value, "domains", |name| {
            let domain = name.trim().trim_start_matches('@').to_ascii_lowercase();
            if is_domain(&domain) {
                Ok(domain)
            } else {
                Err(format!(
                    "`{}` is not a domain; write it as in an email address after the @, e.g. \"acme.com\"",
                    echo(name)
                ))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Problem;
    use crate::profile::parse;
    use crate::rulebook::Rulebook;

    const COMPANY: &str = "version = 1\nname = \"P\"\nacv = \"$12k\"\ntime_to_value = \"1 day\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"guided\"\n";

    fn read(pql: &str) -> Result<crate::profile::Profile, Vec<Problem>> {
        parse(
            &format!("{COMPANY}[pql]\n{pql}"),
            "p.toml",
            &Rulebook::default_rules(),
        )
        .map_err(|e| e.problems)
    }

    #[test]
    fn an_empty_table_takes_every_default() {
        let p = read("").unwrap();
        assert_eq!(p.pql, Some(crate::profile::pql::Pql::default()));
        assert_eq!(
            parse(COMPANY, "p.toml", &Rulebook::default_rules())
                .unwrap()
                .pql,
            None
        );
    }

    #[test]
    fn every_key_is_read() {
        let p = read(
            "window = \"2 weeks\"\nactivation_events = [\"a\", \"a\", \"b\"]\nteam_users = 4\nactive_users = 20\n\
             limit_events = []\nintent_events = [\"pricing\"]\nenterprise_events = [\"sso\"]\nengaged_events = 50\n\
             target_domains = [\"@Acme.COM\"]\nexclude_domains = [\"ourco.com\"]\n",
        )
        .unwrap()
        .pql
        .unwrap();
        assert_eq!(p.window_ms(), 14 * 86_400_000);
        assert_eq!(p.activation_events, ["a", "b"]);
        assert_eq!(
            (p.team_users, p.active_users, p.engaged_events),
            (4, 20, 50)
        );
        assert!(p.limit_events.is_empty());
        assert_eq!(p.target_domains, ["acme.com"]);
    }

    #[test]
    fn bad_values_name_the_key_line_and_what_is_allowed() {
        for (text, key, says) in [
            (
                "team_users = 1",
                "pql.team_users",
                "allowed: 2 to 1000000 users",
            ),
            ("active_users = 0", "pql.active_users", "allowed: 1 to"),
            (
                "engaged_events = 10001",
                "pql.engaged_events",
                "allowed: 1 to 10000 events",
            ),
            (
                "team_users = \"3\"",
                "pql.team_users",
                "expected a whole number of users",
            ),
            ("window = \"soon\"", "pql.window", "not a length of time"),
            (
                "window = \"10 seconds\"",
                "pql.window",
                "from 1 minute to 10 years",
            ),
            ("window = 30", "pql.window", "a length such as"),
            (
                "intent_events = [\"\"]",
                "pql.intent_events",
                "not an event name",
            ),
            (
                "intent_events = \"pricing\"",
                "pql.intent_events",
                "an array of event names",
            ),
            (
                "target_domains = [\"acme\"]",
                "pql.target_domains",
                "not a domain",
            ),
            (
                "activaton_events = []",
                "pql.activaton_events",
                "unknown key",
            ),
        ] {
            let ps = read(text).unwrap_err();
            assert_eq!(ps.len(), 1, "{text}: {ps:?}");
            assert_eq!(ps[0].key.as_deref(), Some(key), "{text}");
            assert!(ps[0].message.contains(says), "{text}: {}", ps[0].message);
            assert_eq!(ps[0].location.as_ref().unwrap().line, 9, "{text}");
        }
        let ps = read("activaton_events = []").unwrap_err();
        assert_eq!(
            ps[0].help.as_deref(),
            Some("did you mean `pql.activation_events`?")
        );
    }

    #[test]
    fn the_starters_commented_table_is_the_defaults() {
        let starter = crate::profile::STARTER;
        let start = starter.find("# [pql]\n").expect("the starter shows [pql]");
        let table: String = starter[start..]
            .lines()
            .take_while(|l| l.starts_with("# "))
            .map(|l| format!("{}\n", l.trim_start_matches("# ")))
            .collect();
        let p = read(table.trim_start_matches("[pql]\n")).unwrap();
        assert_eq!(p.pql, Some(crate::profile::pql::Pql::default()));
    }

    #[test]
    fn a_pql_table_means_criteria_are_defined() {
        let p = read("").unwrap();
        assert_eq!(p.practices.pql_defined, Some(true));
        let src = format!("{COMPANY}[practices]\npql_defined = false\n[pql]\n");
        let ps = parse(&src, "p.toml", &Rulebook::default_rules())
            .unwrap_err()
            .problems;
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert_eq!(ps[0].key.as_deref(), Some("practices.pql_defined"));
        assert!(ps[0].message.contains("[pql]"), "{}", ps[0].message);
    }
}
