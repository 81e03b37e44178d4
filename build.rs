//! Build script: reads and validates the built-in rulebook
//! (`src/rulebook/rulebook.toml`) with the crate's own rulebook code, refuses
//! to build if it is invalid, and writes it pre-parsed to OUT_DIR so that a
//! run loads it without parsing TOML (see `src/rulebook/builtin.rs`).

// The included modules are the library's; only the parts the rulebook needs
// are used here, and the library's lints apply to them there. Each included
// file says in its header that it is compiled here too, and what it may use.
#![allow(dead_code, unused_imports, missing_docs, unreachable_pub, clippy::all)]

#[path = "src/diagnostic.rs"]
mod diagnostic;
#[path = "src/motion.rs"]
mod motion;

#[path = "src/profile/duration.rs"]
mod duration;
#[path = "src/profile/money.rs"]
mod money;
#[path = "src/engine/validate.rs"]
mod validate;

mod profile {
    //! The profile types the rulebook reads thresholds with.
    pub use crate::duration::Duration;
    pub use crate::money::{Money, MoneyError};

    /// The library's trait, which the rulebook implements.
    pub trait KnownFindings {
        fn finding_ids(&self) -> Vec<&str>;
        fn checklist_ids(&self) -> Vec<&str>;
    }
}

#[path = "src/rulebook/mod.rs"]
mod rulebook;

mod engine {
    //! Only the soundness checks of the engine.
    pub(crate) use crate::validate;
}

fn main() {
    for path in [
        "src/rulebook",
        "src/engine/validate.rs",
        "src/diagnostic.rs",
        "src/motion.rs",
        "src/profile/money.rs",
        "src/profile/duration.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let src = rulebook::DEFAULT_RULEBOOK;
    let file = "src/rulebook/rulebook.toml";
    let rules = rulebook::Rulebook::parse(src, file).unwrap_or_else(|e| panic!("\n{e}\n"));
    let problems = engine::validate::check(&rules, src);
    if !problems.is_empty() {
        panic!("\n{}\n", diagnostic::FileProblems::new(file, problems));
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("rulebook.postcard"), rules.to_preparsed())
        .expect("writing the pre-parsed rulebook to OUT_DIR");
}
