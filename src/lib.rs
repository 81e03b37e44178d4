//! gtm-advisor: recommends a go-to-market motion for a B2B software product.
//!
//! The library is the engine and its renderers; the `gtm` binary wires them
//! to the command line. Reading: [`input`] and [`profile`]. Rules: [`rulebook`].
//! Scoring (pure): [`score`]. Output: [`render`].

pub mod checklist;
pub mod diagnostic;
pub mod exit;
pub mod input;
pub mod motion;
pub mod profile;
pub mod render;
pub mod rulebook;
pub mod score;

pub use motion::Motion;
pub use profile::Profile;
pub use rulebook::Rulebook;
pub use score::{Assessment, assess};
