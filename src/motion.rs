//! The vocabulary of a profile: the five motions and every categorical answer.
//!
//! Each type lists its values in the order DESIGN.md gives, which is also the
//! order from the most product-led to the most sales-heavy. Scoring relies on
//! that order for its monotone property, so never reorder a list.
//!
//! build.rs compiles this file too (`#[path]`), to check the built-in
//! rulebook before the crate builds: it may use only what build.rs provides
//! (`diagnostic`, `motion`, the profile's money and durations, `rulebook`,
//! `engine::validate`); moving it means updating build.rs.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value that is not one of a categorical type's allowed ids.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{}` is not a valid {what}; allowed: {}", crate::diagnostic::short(found), allowed.join(", "))]
pub struct UnknownValue {
    /// What kind of value was expected, e.g. "buyer".
    pub what: &'static str,
    /// The text that was given.
    pub found: String,
    /// Every id that would have been accepted, in order.
    pub allowed: &'static [&'static str],
}

/// Defines a categorical type whose values are kebab-case ids with a meaning.
macro_rules! choice {
    (
        $(#[$doc:meta])*
        $name:ident, $what:literal {
            $( $(#[$vdoc:meta])* $variant:ident = $id:literal : $meaning:literal, )+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $( $(#[$vdoc])* $variant, )+
        }

        impl $name {
            /// Every value, in the documented order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every id, in the documented order.
            pub const IDS: &'static [&'static str] = &[$($id),+];
            /// What this type is called in messages.
            pub const WHAT: &'static str = $what;

            /// The id used in profiles, JSON and on the command line.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// A one-line meaning of the value, in the project's words.
            pub fn meaning(self) -> &'static str {
                match self { $($name::$variant => $meaning),+ }
            }

            /// Position in the documented order (0 = most product-led).
            pub fn rank(self) -> usize {
                self as usize
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($id => Ok($name::$variant),)+
                    _ => Err(UnknownValue { what: $what, found: s.to_string(), allowed: Self::IDS }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.id())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

choice! {
    /// A go-to-market motion, ordered by how much sales effort it involves.
    Motion, "motion" {
        /// No sales team at all; the product sells itself.
        SelfServe = "self-serve": "the product sells itself; no sales team",
        /// Product-led growth with light-touch sales for expansion.
        Plg = "plg": "the product acquires users; sales only helps accounts grow",
        /// Product-led sales: the product lands, sales assists and expands.
        Hybrid = "hybrid": "the product lands users; sales assists, closes and expands",
        /// A full sales cycle for every deal.
        SalesLed = "sales-led": "people run every deal through a full sales cycle",
        /// Named accounts and long relationships.
        Enterprise = "enterprise": "named accounts, long relationships, large contracts",
    }
}

impl Motion {
    /// Reads a motion as a person types it on the command line: any case,
    /// spaces or underscores for hyphens, and the names the documents use
    /// (`product-led`, `product-led sales`, `enterprise sales`, `self-serve
    /// only`). Profiles keep to the exact ids.
    pub fn parse_loose(text: &str) -> Result<Motion, UnknownValue> {
        let key: String = text
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '_' { '-' } else { c })
            .collect();
        let key = key.trim_matches('-');
        let motion = match key {
            "self-serve" | "self-serve-only" | "selfserve" | "self-service" => Motion::SelfServe,
            "plg" | "product-led" | "product-led-growth" | "productled" => Motion::Plg,
            "hybrid" | "product-led-sales" | "pls" | "sales-assist" | "sales-assisted" => {
                Motion::Hybrid
            }
            "sales-led" | "salesled" | "sales" => Motion::SalesLed,
            "enterprise" | "enterprise-sales" | "enterprise-led" => Motion::Enterprise,
            _ => return text.parse(),
        };
        Ok(motion)
    }
}

choice! {
    /// Who decides to buy.
    Buyer, "buyer" {
        /// One user decides and pays.
        Individual = "individual": "one user decides and pays",
        /// A small team decides.
        Team = "team": "a small team decides",
        /// Several stakeholders and roles must agree.
        Committee = "committee": "several stakeholders and roles must agree",
        /// A top-down buyer who is not the user.
        Executive = "executive": "a top-down buyer who is not the user (a CIO buying for engineers)",
    }
}

choice! {
    /// The compliance burden a buyer imposes before and at purchase.
    Compliance, "compliance level" {
        /// No security review.
        None = "none": "no security review",
        /// A questionnaire at purchase that does not block a trial.
        Light = "light": "a questionnaire at purchase that does not block trying the product",
        /// A security review before anyone may try the product.
        ReviewBeforeTrial = "review-before-trial": "a security review before anyone may try the product",
        /// Procurement, legal or regulatory approval.
        Regulated = "regulated": "procurement, legal or regulatory approval (health, finance, government)",
    }
}

choice! {
    /// What it takes for a new customer to get started.
    Onboarding, "onboarding" {
        /// A user starts alone.
        SelfServe = "self-serve": "a user starts alone",
        /// Some setup or configuration before value.
        Guided = "guided": "some setup or configuration before value",
        /// Weeks of deployment or services.
        Implementation = "implementation": "weeks of deployment or services",
        /// Per-customer customisation and integration work.
        Custom = "custom": "per-customer customisation and integration work",
    }
}

choice! {
    /// The customer segment the company mainly sells to.
    Segment, "segment" {
        /// Small businesses.
        Smb = "smb": "small businesses",
        /// Mid-sized companies.
        MidMarket = "mid-market": "mid-sized companies",
        /// Large enterprises.
        Enterprise = "enterprise": "large enterprises",
    }
}

choice! {
    /// The customer's cost of leaving their current tool (a competitor's,
    /// or a spreadsheet) for this product.
    SwitchingCost, "switching cost" {
        /// Leaving the current tool for this one is cheap.
        Low = "low": "a customer leaves their current tool for yours cheaply and quickly",
        /// Leaving the current tool is costly.
        High = "high": "leaving their current tool costs a customer data migration, contracts or retraining",
    }
}

/// The optional `[signals]` keys of a profile, in profile order.
pub const SIGNAL_KEYS: &[&str] = &[
    "individual_value",
    "viral_loops",
    "instrumented",
    "integration_heavy",
    "organic_demand",
    "developer_audience",
    "segment",
    "switching_cost",
];

/// The optional `[practices]` keys of a profile, in profile order.
pub const PRACTICE_KEYS: &[&str] = &[
    "motion",
    "free_trial",
    "pricing_public",
    "demo_required",
    "sales_contacts_all_signups",
    "ae_commission_on_self_serve",
    "separate_funnels",
    "pql_defined",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn motions_typed_loosely_are_read() {
        for (typed, motion) in [
            ("PLG", Motion::Plg),
            ("Hybrid", Motion::Hybrid),
            ("sales led", Motion::SalesLed),
            ("Sales_Led", Motion::SalesLed),
            ("product-led", Motion::Plg),
            ("Product-led sales", Motion::Hybrid),
            ("enterprise sales", Motion::Enterprise),
            ("self-serve only", Motion::SelfServe),
            (" self-serve ", Motion::SelfServe),
        ] {
            assert_eq!(Motion::parse_loose(typed), Ok(motion), "{typed}");
        }
        let err = Motion::parse_loose("viral").unwrap_err();
        assert_eq!(err.found, "viral");
        // Profiles keep to the exact ids.
        assert!("PLG".parse::<Motion>().is_err());
    }

    #[test]
    fn ids_round_trip() {
        for m in Motion::ALL {
            assert_eq!(m.id().parse::<Motion>().unwrap(), *m);
        }
        for b in Buyer::ALL {
            assert_eq!(b.id().parse::<Buyer>().unwrap(), *b);
        }
    }

    #[test]
    fn unknown_value_lists_allowed() {
        let err = "comittee".parse::<Buyer>().unwrap_err();
        let text = err.to_string();
        assert!(text.contains("comittee"), "{text}");
        assert!(
            text.contains("individual, team, committee, executive"),
            "{text}"
        );
    }

    #[test]
    fn motion_order_is_sales_effort() {
        assert!(Motion::SelfServe < Motion::Plg);
        assert!(Motion::Plg < Motion::Hybrid);
        assert!(Motion::Hybrid < Motion::SalesLed);
        assert!(Motion::SalesLed < Motion::Enterprise);
    }
}
