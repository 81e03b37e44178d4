//! A value with the byte range it was read from, so a rulebook problem can
//! name its line. Read from TOML it carries real spans; the built-in
//! rulebook is also stored pre-parsed in a compact binary form (written at
//! build time, see `build.rs`) that keeps the spans, so loading it needs no
//! TOML parsing at all.
//!
//! build.rs compiles this file too (`#[path]`), to check the built-in
//! rulebook before the crate builds: it may use only what build.rs provides
//! (`diagnostic`, `motion`, the profile's money and durations, `rulebook`,
//! `engine::validate`); moving it means updating build.rs.

use std::ops::Range;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    value: T,
    span: Range<usize>,
}

impl<T> Spanned<T> {
    /// A value with its byte range.
    pub fn new(span: Range<usize>, value: T) -> Spanned<T> {
        Spanned { value, span }
    }

    /// The value.
    pub fn get_ref(&self) -> &T {
        &self.value
    }

    /// The byte range it was read from.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }
}

impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            // JSON and TOML show the value alone, as it was written.
            self.value.serialize(s)
        } else {
            (self.span.start, self.span.end, &self.value).serialize(s)
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let s = toml::Spanned::<T>::deserialize(d)?;
            let span = s.span();
            Ok(Spanned::new(span, s.into_inner()))
        } else {
            let (start, end, value) = <(usize, usize, T)>::deserialize(d)?;
            Ok(Spanned::new(start..end, value))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Doc {
        id: Spanned<String>,
    }

    #[test]
    fn spans_survive_toml_and_the_binary_form_and_json_shows_the_value() {
        let doc: Doc = toml::from_str("id = \"abc\"").unwrap();
        assert_eq!(doc.id.span(), 5..10);
        let bytes = postcard::to_allocvec(&doc).unwrap();
        let back: Doc = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, doc);
        assert_eq!(serde_json::to_string(&doc).unwrap(), r#"{"id":"abc"}"#);
    }
}
