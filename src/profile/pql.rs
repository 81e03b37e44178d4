//! The optional `[pql]` table: a company's product-qualified-lead criteria,
//! with the defaults the documents give where they give one.
//!
//! Both documents end in the same place: a product-led motion needs a
//! signal system that tells sales whom to contact, and "the decisive
//! question is the trigger". These are the numbers and event names that
//! turn their sentences into criteria `gtm pql` can run on a usage export.

use super::Duration;

/// A company's PQL criteria (`[pql]`), every key filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Pql {
    /// How far back from "now" events count.
    pub window: Duration,
    /// The window as the profile wrote it (`30 days`, not `1 month`).
    pub window_text: String,
    /// Events that make an account activated (any one of them, ever).
    pub activation_events: Vec<String>,
    /// Distinct active users that make a team (Product-Led vs Sales-Led in
    /// 2026, The PQL model: "multiple users in one company").
    pub team_users: u32,
    /// Distinct active users that bring in sales-assist (Sales-led vs PLG,
    /// The hybrid reality: "a workspace crosses 10 active users").
    pub active_users: u32,
    /// Events that mean a usage limit was hit.
    pub limit_events: Vec<String>,
    /// Events that show buying intent (a pricing page, a security questionnaire).
    pub intent_events: Vec<String>,
    /// Events that show an enterprise need (SSO, a second team, a security review).
    pub enterprise_events: Vec<String>,
    /// Events in the window that make a free account "highly engaged".
    pub engaged_events: u32,
    /// Domains of target accounts (account-based trigger), lowercase.
    pub target_domains: Vec<String>,
    /// Domains whose users never count (the company's own, test accounts), lowercase.
    pub exclude_domains: Vec<String>,
}

/// Every key `[pql]` accepts, in the order the docs describe them.
pub const PQL_KEYS: &[&str] = &[
    "window",
    "activation_events",
    "team_users",
    "active_users",
    "limit_events",
    "intent_events",
    "enterprise_events",
    "engaged_events",
    "target_domains",
    "exclude_domains",
];

/// The window when `[pql]` leaves it out: a month, the usual length of a
/// trial and of a usage report.
pub const DEFAULT_WINDOW: &str = "30 days";

/// Bounds of the counts, so a typo cannot ask for something no account can
/// reach, and so the per-account state `engaged_events` sizes stays small.
pub const MAX_USERS_THRESHOLD: u32 = 1_000_000;
/// The most events `engaged_events` may ask for (see [`MAX_USERS_THRESHOLD`]).
pub const MAX_ENGAGED_EVENTS: u32 = 10_000;
/// The most names one event or domain list may hold.
pub const MAX_LIST: usize = 1_000;
/// The longest event name or domain read.
pub const MAX_NAME: usize = 200;
/// The shortest and longest window, in seconds: a minute and ten years.
pub const WINDOW_SECONDS: (f64, f64) = (60.0, 3650.0 * 86_400.0);

impl Default for Pql {
    fn default() -> Pql {
        let names = |list: &[&str]| list.iter().map(|s| (*s).to_string()).collect();
        Pql {
            window: DEFAULT_WINDOW.parse().expect("the default window parses"),
            window_text: DEFAULT_WINDOW.to_string(),
            activation_events: names(&["project_created"]),
            team_users: 3,
            active_users: 10,
            limit_events: names(&["limit_reached"]),
            intent_events: names(&["pricing_viewed", "security_questionnaire_started"]),
            enterprise_events: names(&[
                "sso_requested",
                "second_team_created",
                "security_review_started",
            ]),
            engaged_events: 200,
            target_domains: Vec::new(),
            exclude_domains: Vec::new(),
        }
    }
}

impl Pql {
    /// The window in milliseconds.
    pub fn window_ms(&self) -> i64 {
        (self.window.seconds() * 1000.0).round() as i64
    }
}

/// Whether `domain` is `listed` or a subdomain of it.
pub fn domain_matches(domain: &[u8], listed: &str) -> bool {
    let l = listed.as_bytes();
    domain == l
        || (domain.len() > l.len()
            && domain.ends_with(l)
            && domain[domain.len() - l.len() - 1] == b'.')
}

/// Why a part of the criteria can never do anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dead {
    /// The trigger's event list is empty.
    NoEvents {
        /// The empty key.
        key: &'static str,
        /// The trigger's id.
        trigger: &'static str,
    },
    /// Every target domain is also excluded.
    TargetsExcluded,
    /// No activation event is named, so no account is ever activated and
    /// only a target account can reach a person.
    NoActivation,
    /// Every activation event is also a trigger event, so an account is
    /// activated by the very event that should follow activation.
    ActivationIsTrigger {
        /// The key whose events all activate.
        key: &'static str,
        /// The trigger's id.
        trigger: &'static str,
    },
}

/// The parts of `pql` that cannot fire, in the order of the table's keys.
pub fn dead(pql: &Pql) -> Vec<Dead> {
    let mut out = Vec::new();
    if pql.activation_events.is_empty() {
        out.push(Dead::NoActivation);
    }
    for (key, trigger, list) in [
        ("limit_events", "usage-limit", &pql.limit_events),
        ("intent_events", "intent", &pql.intent_events),
        (
            "enterprise_events",
            "enterprise-need",
            &pql.enterprise_events,
        ),
    ] {
        if list.is_empty() {
            out.push(Dead::NoEvents { key, trigger });
        } else if !pql.activation_events.is_empty()
            && list.iter().all(|e| pql.activation_events.contains(e))
        {
            out.push(Dead::ActivationIsTrigger { key, trigger });
        }
    }
    if !pql.target_domains.is_empty()
        && pql.target_domains.iter().all(|t| {
            pql.exclude_domains
                .iter()
                .any(|x| domain_matches(t.as_bytes(), x))
        })
    {
        out.push(Dead::TargetsExcluded);
    }
    out
}

/// Whether `domain` is one a `[pql]` list may hold: lowercase letters,
/// digits, hyphens and dots, with a dot inside (`acme.com`).
pub fn is_domain(domain: &str) -> bool {
    !domain.is_empty()
        && domain.len() <= MAX_NAME
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_documents_numbers() {
        let p = Pql::default();
        assert_eq!(p.active_users, 10);
        assert_eq!(p.window_ms(), 30 * 86_400_000);
        assert!(p.team_users >= 2 && p.team_users < p.active_users);
    }

    #[test]
    fn domains_are_plain_lowercase_hosts() {
        for good in ["acme.com", "eu.acme.co.uk", "a-b.io", "x1.dev"] {
            assert!(is_domain(good), "{good}");
        }
        for bad in [
            "",
            "acme",
            "Acme.com",
            ".acme.com",
            "acme.com.",
            "a..b",
            "me@acme.com",
            "acme .com",
        ] {
            assert!(!is_domain(bad), "{bad}");
        }
    }

    #[test]
    fn the_defaults_can_all_fire() {
        assert_eq!(dead(&Pql::default()), []);
    }

    #[test]
    fn empty_lists_and_excluded_targets_cannot() {
        let pql = Pql {
            activation_events: vec![],
            intent_events: vec![],
            target_domains: vec!["eu.acme.com".into()],
            exclude_domains: vec!["acme.com".into()],
            ..Pql::default()
        };
        assert_eq!(
            dead(&pql),
            [
                Dead::NoActivation,
                Dead::NoEvents {
                    key: "intent_events",
                    trigger: "intent"
                },
                Dead::TargetsExcluded
            ]
        );
        let pql = Pql {
            limit_events: vec!["project_created".into()],
            ..Pql::default()
        };
        assert_eq!(
            dead(&pql),
            [Dead::ActivationIsTrigger {
                key: "limit_events",
                trigger: "usage-limit"
            }]
        );
    }
}
