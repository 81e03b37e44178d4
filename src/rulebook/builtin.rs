//! The shipped rulebooks (`default` and the second opinions), read and
//! validated at build time (`build.rs`) and embedded pre-parsed, so a run
//! loads one without parsing TOML.
//!
//! This file is declared from `lib.rs` rather than from `rulebook/mod.rs`
//! because `build.rs` compiles the rulebook module itself, before the
//! pre-parsed files this one embeds exist.

use std::ops::Range;

use super::rulebook::Rulebook;

/// Every shipped rulebook pre-parsed, one after another, as build.rs wrote them.
static PREPARSED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rulebooks.postcard"));

/// One shipped rulebook: its name, its TOML text (an overlay's is the whole
/// rulebook it makes) and where its pre-parsed bytes lie.
#[derive(Debug)]
pub struct ShippedRulebook {
    /// The name `--rules NAME` selects it by.
    pub name: &'static str,
    /// Its whole TOML text, as `gtm rules` prints it.
    pub text: &'static str,
    bytes: Range<usize>,
}

/// The shipped rulebooks, `default` first.
pub static SHIPPED: &[ShippedRulebook] = include!(concat!(env!("OUT_DIR"), "/rulebooks.rs"));

impl ShippedRulebook {
    /// The rulebook, loaded from its pre-parsed bytes.
    pub fn load(&self) -> Rulebook {
        // build.rs refuses to build with a rulebook that does not parse and
        // validate, and wrote these bytes from it; failing here would be a
        // build defect, never a user error.
        // Its strings are borrowed from the embedded bytes, not copied.
        crate::rulebook::borrow_from(PREPARSED);
        Rulebook::from_preparsed(&PREPARSED[self.bytes.clone()])
            .unwrap_or_else(|e| panic!("the shipped rulebook {} is invalid: {e}", self.name))
    }

    /// The shipped rulebook of that name.
    pub fn named(name: &str) -> Option<&'static ShippedRulebook> {
        SHIPPED.iter().find(|s| s.name == name)
    }

    /// The names of the shipped rulebooks, `default` first.
    pub fn names() -> Vec<&'static str> {
        SHIPPED.iter().map(|s| s.name).collect()
    }
}

impl Rulebook {
    /// The embedded default rulebook.
    pub fn default_rules() -> Rulebook {
        SHIPPED[0].load()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::DEFAULT_RULEBOOK;

    #[test]
    fn each_preparsed_rulebook_is_its_toml_one() {
        assert_eq!(
            ShippedRulebook::names(),
            ["default", "dimension-table", "kbcm-2019", "janz-2019"]
        );
        assert_eq!(SHIPPED[0].text, DEFAULT_RULEBOOK);
        for shipped in SHIPPED {
            let parsed = Rulebook::parse(shipped.text, shipped.name).unwrap();
            let built_in = shipped.load();
            assert_eq!(
                built_in.to_preparsed(),
                parsed.to_preparsed(),
                "{}",
                shipped.name
            );
            // The derived fields were filled in again.
            assert_eq!(format!("{built_in:?}"), format!("{parsed:?}"));
            assert_eq!(built_in.name(), Some(shipped.name));
            // And the strings borrow from the embedded bytes.
            let title = built_in.title.as_str();
            let start = PREPARSED.as_ptr() as usize;
            let at = title.as_ptr() as usize;
            assert!(
                at >= start && at < start + PREPARSED.len(),
                "the title of {} was copied",
                shipped.name
            );
        }
    }
}
