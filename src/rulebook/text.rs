//! Text in a rulebook: borrowed from the embedded pre-parsed built-in
//! rulebook when it comes from there, owned when it comes from a TOML file.
//! Loading the built-in rulebook then copies none of its thousand-odd
//! strings, which is most of what loading it cost.
//!
//! build.rs compiles this file too (`#[path]`), to check the built-in
//! rulebook before the crate builds: it may use only what build.rs provides
//! (`diagnostic`, `motion`, the profile's money and durations, `rulebook`,
//! `engine::validate`); moving it means updating build.rs.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The bytes strings may be borrowed from: the embedded pre-parsed rulebook,
/// once the library registers it.
static BORROWABLE: OnceLock<&'static [u8]> = OnceLock::new();

/// Lets text decoded from `bytes` borrow from them instead of being copied.
pub fn borrow_from(bytes: &'static [u8]) {
    let _ = BORROWABLE.set(bytes);
}

/// `text` as a `'static` slice of the registered bytes, when it lies inside them.
fn borrowed(text: &[u8]) -> Option<&'static [u8]> {
    borrowed_in(BORROWABLE.get()?, text)
}

/// `text` as a slice of `bytes`, when it lies inside them.
fn borrowed_in(bytes: &'static [u8], text: &[u8]) -> Option<&'static [u8]> {
    let start = (text.as_ptr() as usize).checked_sub(bytes.as_ptr() as usize)?;
    bytes.get(start..start.checked_add(text.len())?)
}

/// A rulebook string.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Cow<'static, str>);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The texts joined with `sep`, like `[String]::join`.
    pub fn join(items: &[Text], sep: &str) -> String {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(item);
        }
        out
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Cow::Owned(s.to_string()))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Cow::Owned(s))
    }
}

impl From<&Text> for String {
    fn from(t: &Text) -> String {
        t.0.to_string()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&self.0)
        } else {
            // As bytes in the binary form, so that reading it back checks the
            // UTF-8 once (here) rather than twice (the decoder and here).
            s.serialize_bytes(self.0.as_bytes())
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(Cow::Owned(v)))
            }
            fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<Text, E> {
                match borrowed(v) {
                    Some(bytes) => std::str::from_utf8(bytes)
                        .map(|s| Text(Cow::Borrowed(s)))
                        .map_err(E::custom),
                    None => self.visit_bytes(v),
                }
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Text, E> {
                std::str::from_utf8(v)
                    .map(|s| Text(Cow::Owned(s.to_string())))
                    .map_err(E::custom)
            }
        }
        if d.is_human_readable() {
            d.deserialize_str(TextVisitor)
        } else {
            d.deserialize_bytes(TextVisitor)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_borrows_only_from_the_registered_bytes() {
        static BYTES: &[u8] = b"hello world";
        let inside = &BYTES[6..];
        let found = borrowed_in(BYTES, inside).unwrap();
        assert_eq!(found, b"world");
        assert!(std::ptr::eq(found.as_ptr(), inside.as_ptr()));
        let elsewhere = b"world".to_vec();
        assert_eq!(borrowed_in(BYTES, &elsewhere), None);
    }

    #[test]
    fn the_binary_form_round_trips() {
        let text = Text::from("héllo");
        let bytes = postcard::to_allocvec(&text).unwrap();
        let back: Text = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, text);
        assert!(
            postcard::from_bytes::<Text>(&[2, 0xff, 0xfe]).is_err(),
            "not UTF-8"
        );
    }
}
