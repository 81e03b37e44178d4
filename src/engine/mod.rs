//! The engine: pure functions from a profile and a rulebook to a decision and
//! an assessment. No I/O, no terminal. Layers, bottom to top:
//!
//! - [`readings`]: facts → the three readings, and condition evaluation;
//! - [`decide`]: band + readings → motion, moves, conflicts (one decision),
//!   and `decide_profile` for segments and the headline;
//! - [`validate`]: checks a loaded rulebook decides soundly;
//! - [`flip`], [`findings`], [`checklist`]: built on `decide_profile`;
//! - [`assess`]: decision + evidence + flip points + findings + checklist;
//! - [`gate`]: the CI verdict on an assessment: which findings fail;
//! - [`whatif`]: the answers that changed between two assessments;
//! - [`compare`]: one profile decided by several rulebooks;
//! - [`diff`]: what a change to a profile did to the decision.
//!
//! Lower layers never import upper ones, and nothing here imports the
//! command line or the renderers.

pub mod assess;
pub mod checklist;
pub mod compare;
pub mod decide;
pub mod diff;
pub mod findings;
pub mod flip;
pub mod gate;
pub mod readings;
pub mod validate;
pub mod whatif;

use crate::diagnostic::FileProblems;
use crate::rulebook::Rulebook;

pub use assess::{Assessment, assess};
pub use decide::{Decision, ProfileDecision, decide, decide_profile, motion_of};
pub use readings::{Context, Facts, Readings};

/// Reads a rulebook and checks both its shape and that it decides soundly.
pub fn load_rules(src: &str, file: &str) -> Result<Rulebook, FileProblems> {
    let rules = Rulebook::parse(src, file)?;
    let problems = validate::check(&rules, src);
    if problems.is_empty() {
        Ok(rules)
    } else {
        Err(FileProblems::new(file, problems))
    }
}

/// The built-in rulebook.
pub fn default_rules() -> Rulebook {
    Rulebook::default_rules()
}
