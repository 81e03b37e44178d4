//! A JSON Schema of profile format v1, for editors that validate and complete
//! TOML (Even Better TOML, Taplo, JetBrains IDEs).
//!
//! It is built from the reader's own key lists and the value types' id lists,
//! so a key or value the reader accepts cannot be missing here. The reader
//! stays the authority: the schema's patterns for money and durations are a
//! close approximation of their parsers, meant for as-you-type hints.

use serde_json::{Map, Value, json};

use super::KnownFindings;
use crate::motion::{Buyer, Compliance, Motion, Onboarding, Segment, SwitchingCost};
use crate::profile::read::{
    LONGEST_NAME, MAX_SEGMENTS, PRACTICE_KEYS, REQUIRED_KEYS, ROOT_KEYS, SIGNAL_KEYS,
};

/// Money as the reader accepts it in a string: `$`, thousands commas, k/M/B.
const MONEY_PATTERN: &str = r"^\s*\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*[kKmMbB]?\s*$";
/// One or more number-and-unit parts.
const DURATION_PATTERN: &str = r"^\s*(\d+(\.\d+)?\s*[A-Za-z]+[\s,]*)+$";

fn enumeration(ids: &[&str], meanings: &[(&str, &str)], description: &str) -> Value {
    let listed: Vec<String> = meanings
        .iter()
        .map(|(id, m)| format!("`{id}`: {m}"))
        .collect();
    let text = if listed.is_empty() {
        description.to_string()
    } else {
        format!("{description} {}", listed.join("; "))
    };
    json!({ "enum": ids, "description": text })
}

macro_rules! with_meanings {
    ($t:ty) => {
        <$t>::ALL
            .iter()
            .map(|v| (v.id(), v.meaning()))
            .collect::<Vec<_>>()
    };
}

fn flag(description: &str) -> Value {
    json!({ "type": "boolean", "description": description })
}

fn object(properties: Map<String, Value>, description: &str) -> Value {
    json!({ "type": "object", "additionalProperties": false, "description": description, "properties": properties })
}

fn describe(key: &str) -> &'static str {
    match key {
        "individual_value" => "One user gets value alone.",
        "viral_loops" => "Users naturally invite others.",
        "instrumented" => "Usage milestones are tracked.",
        "integration_heavy" => "Value depends on connecting existing systems.",
        "organic_demand" => "Users already find the product unprompted.",
        "developer_audience" => "The end users are engineers.",
        "free_trial" => "A free trial is offered.",
        "pricing_public" => "Prices are published.",
        "demo_required" => "A demo is needed before anyone can start.",
        "sales_contacts_all_signups" => "Sales contacts every signup.",
        "ae_commission_on_self_serve" => {
            "Account executives earn commission on self-serve revenue."
        }
        "separate_funnels" => "Each motion has its own funnel, conversion model and forecast.",
        "pql_defined" => "Product-qualified-lead criteria exist.",
        _ => "",
    }
}

/// The `[pql]` table: every key optional, with the bounds the reader holds.
fn pql_schema() -> Value {
    use super::pql::{MAX_ENGAGED_EVENTS, MAX_LIST, MAX_NAME, MAX_USERS_THRESHOLD};
    let events = |what: &str| json!({ "type": "array", "maxItems": MAX_LIST, "items": { "type": "string", "minLength": 1, "maxLength": MAX_NAME }, "description": what });
    let domains = |what: &str| json!({ "type": "array", "maxItems": MAX_LIST, "items": { "type": "string", "pattern": "^@?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$" }, "description": what });
    let count = |least: u32, most: u32, what: &str| json!({ "type": "integer", "minimum": least, "maximum": most, "description": what });
    let properties = Map::from_iter([
        (
            "window".to_string(),
            json!({ "type": "string", "pattern": DURATION_PATTERN, "description": "How far back from \"now\" events count, 1 minute to 10 years (default \"30 days\")." }),
        ),
        (
            "activation_events".to_string(),
            events(
                "Events that make an account activated; no one is contacted before (default [\"project_created\"]).",
            ),
        ),
        (
            "team_users".to_string(),
            count(
                2,
                MAX_USERS_THRESHOLD,
                "Active users in one account that make a team: ready for the team plan (default 3).",
            ),
        ),
        (
            "active_users".to_string(),
            count(
                1,
                MAX_USERS_THRESHOLD,
                "Active users that bring in sales-assist (default 10).",
            ),
        ),
        (
            "limit_events".to_string(),
            events(
                "Events that mean a usage limit was hit: the upgrade conversation (default [\"limit_reached\"]).",
            ),
        ),
        (
            "intent_events".to_string(),
            events("Events that show buying intent: pricing page, security questionnaire."),
        ),
        (
            "enterprise_events".to_string(),
            events("Events that show an enterprise need: SSO, a second team, a security review."),
        ),
        (
            "engaged_events".to_string(),
            count(
                1,
                MAX_ENGAGED_EVENTS,
                "Events in the window that make a free account highly engaged (default 200).",
            ),
        ),
        (
            "target_domains".to_string(),
            domains("Email domains of target accounts: their users are routed at once."),
        ),
        (
            "exclude_domains".to_string(),
            domains("Email domains whose users never count: your own, test accounts."),
        ),
    ]);
    object(
        properties,
        "Optional: the product-qualified-lead criteria `gtm pql` runs on usage events.",
    )
}

/// The schema, with checklist and finding ids from `rules`.
pub fn profile_schema(rules: &impl KnownFindings) -> Value {
    let mut signals = Map::new();
    for key in SIGNAL_KEYS {
        let value = match *key {
            "segment" => enumeration(
                Segment::IDS,
                &with_meanings!(Segment),
                "The main customer segment.",
            ),
            "switching_cost" => enumeration(
                SwitchingCost::IDS,
                &with_meanings!(SwitchingCost),
                "The customer's cost of leaving their current tool (a competitor's, or a spreadsheet) for this product.",
            ),
            other => flag(describe(other)),
        };
        signals.insert(key.to_string(), value);
    }
    let mut practices = Map::new();
    for key in PRACTICE_KEYS {
        let value = match *key {
            "motion" => enumeration(Motion::IDS, &[], "The motion the company runs today."),
            other => flag(describe(other)),
        };
        practices.insert(key.to_string(), value);
    }
    let checklist_ids = rules.checklist_ids();
    let finding_ids = rules.finding_ids();

    let mut properties = Map::new();
    for key in ROOT_KEYS {
        let value = match *key {
            "version" => {
                json!({ "const": 1, "description": "The profile format version; this build reads 1." })
            }
            "name" => {
                json!({ "type": "string", "minLength": 1, "maxLength": LONGEST_NAME, "description": "Company or product name." })
            }
            "acv" => json!({
                "description": "Annual contract value in US dollars per year: 12000, 12000.0, \"12,000\", \"$12k\", \"1.5M\". 0 is a free product.",
                "oneOf": [
                    { "type": "number", "minimum": 0 },
                    { "type": "string", "pattern": MONEY_PATTERN }
                ]
            }),
            "time_to_value" => json!({
                "type": "string",
                "pattern": DURATION_PATTERN,
                "description": "Time until a new user gets first real value: \"5m\", \"20 minutes\", \"3 hours\", \"2 weeks\", \"3 months\"."
            }),
            "buyer" => enumeration(Buyer::IDS, &with_meanings!(Buyer), "Who decides to buy."),
            "compliance" => enumeration(
                Compliance::IDS,
                &with_meanings!(Compliance),
                "The compliance burden.",
            ),
            "onboarding" => enumeration(
                Onboarding::IDS,
                &with_meanings!(Onboarding),
                "What it takes to get started.",
            ),
            "signals" => object(
                signals.clone(),
                "Optional signals; an omitted signal is unknown, which counts as false.",
            ),
            "practices" => object(practices.clone(), "Optional: what the company does today."),
            "checklist" => object(
                Map::from_iter([(
                    "done".to_string(),
                    json!({ "type": "array", "items": { "enum": checklist_ids }, "description": "Ids of checklist items already done." }),
                )]),
                "Optional: checklist progress.",
            ),
            "expect" => object(
                Map::from_iter([(
                    "motion".to_string(),
                    enumeration(Motion::IDS, &[], "The motion the company has committed to."),
                )]),
                "Optional: `gtm check` fails when the recommendation differs.",
            ),
            "check" => object(
                Map::from_iter([(
                    "allow".to_string(),
                    json!({ "type": "array", "items": { "enum": finding_ids }, "description": "Finding ids this profile silences." }),
                )]),
                "Optional: settings for `gtm check`.",
            ),
            "pql" => pql_schema(),
            "segments" => json!({
                "type": "array",
                "maxItems": MAX_SEGMENTS,
                "description": "Optional: the customer segments the company sells to; facts a segment leaves out are the company-wide ones.",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["name", "acv", "share"],
                    "properties": {
                        "name": { "type": "string", "minLength": 1, "maxLength": LONGEST_NAME, "description": "The segment's name." },
                        "acv": {
                            "description": "The segment's annual contract value, as for `acv`.",
                            "oneOf": [{ "type": "number", "minimum": 0 }, { "type": "string", "pattern": MONEY_PATTERN }]
                        },
                        "share": { "type": "number", "exclusiveMinimum": 0, "maximum": 1, "description": "Share of revenue, more than 0 and at most 1, in whole basis points (0.0001); shares add up to at most 1 and the rest is decided by the company-wide answers." },
                        "time_to_value": {
                            "type": "string",
                            "pattern": DURATION_PATTERN,
                            "description": "The segment's time to value, if different."
                        },
                        "buyer": enumeration(Buyer::IDS, &[], "Who buys in this segment, if different."),
                        "compliance": enumeration(Compliance::IDS, &[], "The segment's compliance burden, if different."),
                        "onboarding": enumeration(Onboarding::IDS, &[], "The segment's onboarding needs, if different."),
                        "signals": object(
                            signals.clone(),
                            "The segment's own signals; when present they replace `[signals]` entirely (keys left out are unknown).",
                        )
                    }
                }
            }),
            _ => json!({}),
        };
        properties.insert(key.to_string(), value);
    }
    let required: Vec<&str> = std::iter::once("version")
        .chain(REQUIRED_KEYS.iter().map(|(key, _)| *key))
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "gtm-advisor profile, format version 1",
        "description": "The facts about one B2B software product that gtm-advisor scores. See docs/profile.md.",
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_the_reader_accepts_is_in_the_schema() {
        let schema = profile_schema(&crate::rulebook::Rulebook::default_rules());
        let props = schema["properties"].as_object().unwrap();
        assert_eq!(
            props.keys().collect::<Vec<_>>(),
            ROOT_KEYS.iter().collect::<Vec<_>>()
        );
        let signals = props["signals"]["properties"].as_object().unwrap();
        assert_eq!(signals.len(), SIGNAL_KEYS.len());
        for key in SIGNAL_KEYS.iter().chain(PRACTICE_KEYS) {
            let found = signals
                .get(*key)
                .or_else(|| props["practices"]["properties"].get(*key))
                .unwrap();
            assert!(
                found["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{key} has no description"
            );
        }
    }
}
