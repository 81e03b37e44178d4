//! gtm-advisor: recommends a go-to-market motion for a B2B software product.
//!
//! The library is the engine and its renderers; the `gtm` binary wires them
//! to the command line. Data flows one way: file → profile
//! ([`profile`]) → rulebook ([`rulebook`], data only) → decision and
//! assessment ([`engine`], pure) → renderers ([`render`]).
//!
//! ```
//! use gtm_advisor::{Motion, Rulebook, assess, profile};
//!
//! let rules = Rulebook::default_rules();
//! let text = r#"
//! version = 1
//! name = "Acme Analytics"
//! acv = "$24k"
//! time_to_value = "2 days"
//! buyer = "team"
//! compliance = "light"
//! onboarding = "guided"
//! "#;
//! let profile = profile::parse(text, "acme.toml", &rules).expect("a valid profile");
//! let assessment = assess(&profile, &rules);
//! assert_eq!(assessment.motion, Motion::Hybrid);
//! assert_eq!(assessment.acv_band(), Motion::Hybrid);
//! ```

pub mod diagnostic;
pub mod engine;
pub mod interview;
pub mod motion;
pub mod profile;
pub mod render;
pub mod rulebook;
pub mod signals;
// Declared here, not in `rulebook/`, because build.rs compiles `rulebook/`
// to write the pre-parsed file that this module embeds.
#[path = "rulebook/builtin.rs"]
mod builtin_rulebook;
pub use builtin_rulebook::ShippedRulebook;
pub mod spool;

pub use engine::{Assessment, assess};
pub use motion::Motion;
pub use profile::Profile;
pub use rulebook::Rulebook;
