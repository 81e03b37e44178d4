//! Build script: reads and validates the built-in rulebook
//! (`src/rulebook/rulebook.toml`) and the shipped second opinions (overlays
//! in `src/rulebook/shipped/`, laid over it) with the crate's own rulebook
//! code, refuses to build if one is invalid, and writes them pre-parsed to
//! OUT_DIR so that a run loads them without parsing TOML (see
//! `src/rulebook/builtin.rs`).

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

/// The shipped second opinions, in the order `gtm rules --list` and
/// `gtm compare` show them (after `default`): each an overlay in
/// `src/rulebook/shipped/` laid over the default rulebook.
const SHIPPED: &[&str] = &["dimension-table", "kbcm-2019", "janz-2019"];

/// Reads and validates one rulebook, or stops the build naming the file.
fn checked(src: &str, file: &str) -> rulebook::Rulebook {
    let rules = rulebook::Rulebook::parse(src, file).unwrap_or_else(|e| panic!("\n{e}\n"));
    let problems = engine::validate::check(&rules, src);
    if !problems.is_empty() {
        panic!("\n{}\n", diagnostic::FileProblems::new(file, problems));
    }
    rules
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
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let default = rulebook::DEFAULT_RULEBOOK;
    // Every shipped rulebook, pre-parsed, in one blob its strings can
    // borrow from, and a table of where each one lies in it.
    let mut blob = Vec::new();
    let mut table = String::from("&[\n");
    let mut add = |name: &str, text_expr: String, rules: rulebook::Rulebook| {
        let start = blob.len();
        blob.extend(rules.to_preparsed());
        table.push_str(&format!(
            "    ShippedRulebook {{ name: {name:?}, text: {text_expr}, bytes: {start}..{} }},\n",
            blob.len()
        ));
    };
    add(
        "default",
        "crate::rulebook::DEFAULT_RULEBOOK".into(),
        checked(default, "src/rulebook/rulebook.toml"),
    );
    for name in SHIPPED {
        let file = format!("src/rulebook/shipped/{name}.toml");
        let overlay = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let merged = rulebook::overlay::merge(default, &overlay)
            .unwrap_or_else(|e| panic!("\n{file}: {e}\n"));
        let rules = checked(&merged, &format!("{file} (laid over the default rulebook)"));
        if rules.name() != Some(*name) {
            panic!("\n{file}: `[origin]` must name it \"{name}\"\n");
        }
        let merged_path = out.join(format!("{name}.toml"));
        std::fs::write(&merged_path, &merged).expect("writing a merged rulebook to OUT_DIR");
        add(
            name,
            format!("include_str!({:?})", merged_path.display().to_string()),
            rules,
        );
    }
    table.push(']');
    std::fs::write(out.join("rulebooks.postcard"), blob)
        .expect("writing the pre-parsed rulebooks to OUT_DIR");
    std::fs::write(out.join("rulebooks.rs"), table).expect("writing the rulebook table to OUT_DIR");
}
