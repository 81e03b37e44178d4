//! The built-in rulebook, read and validated at build time (`build.rs`) and
//! embedded pre-parsed, so a run loads it without parsing TOML.
//!
//! This file is declared from `lib.rs` rather than from `rulebook/mod.rs`
//! because `build.rs` compiles the rulebook module itself, before the
//! pre-parsed file this one embeds exists.

use super::rulebook::Rulebook;

/// The built-in rulebook as `build.rs` wrote it.
static PREPARSED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rulebook.postcard"));

impl Rulebook {
    /// The embedded default rulebook.
    pub fn default_rules() -> Rulebook {
        // build.rs refuses to build with a rulebook that does not parse and
        // validate, and wrote these bytes from it; failing here would be a
        // build defect, never a user error.
        // Its strings are borrowed from the embedded bytes, not copied.
        crate::rulebook::borrow_from(PREPARSED);
        Rulebook::from_preparsed(PREPARSED)
            .unwrap_or_else(|e| panic!("the built-in rulebook is invalid: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::DEFAULT_RULEBOOK;

    #[test]
    fn the_preparsed_rulebook_is_the_toml_one() {
        let parsed = Rulebook::parse(DEFAULT_RULEBOOK, "rulebook.toml").unwrap();
        let built_in = Rulebook::default_rules();
        assert_eq!(built_in.to_preparsed(), parsed.to_preparsed());
        // The derived fields were filled in again.
        assert_eq!(format!("{built_in:?}"), format!("{parsed:?}"));
        // And the strings borrow from the embedded bytes.
        let title = built_in.title.as_str();
        let start = PREPARSED.as_ptr() as usize;
        let at = title.as_ptr() as usize;
        assert!(
            at >= start && at < start + PREPARSED.len(),
            "the title was copied"
        );
    }
}
