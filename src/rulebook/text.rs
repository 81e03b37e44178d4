//! Text in a rulebook: borrowed from the embedded pre-parsed built-in
//! rulebook when it comes from there, owned when it comes from a TOML file.
//! Loading the built-in rulebook then copies none of its thousand-odd
//! strings, which is most of what loading it cost.

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
fn borrowed(text: &str) -> Option<&'static str> {
    borrowed_in(BORROWABLE.get()?, text)
}

/// `text` as a slice of `bytes`, when it lies inside them.
fn borrowed_in(bytes: &'static [u8], text: &str) -> Option<&'static str> {
    let start = (text.as_ptr() as usize).checked_sub(bytes.as_ptr() as usize)?;
    let slice = bytes.get(start..start.checked_add(text.len())?)?;
    std::str::from_utf8(slice).ok()
}

/// A rulebook string.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Cow<'static, str>);

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
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
        s.serialize_str(&self.0)
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
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text, E> {
                Ok(Text(match borrowed(v) {
                    Some(s) => Cow::Borrowed(s),
                    None => Cow::Owned(v.to_string()),
                }))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(TextVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_borrows_only_from_the_registered_bytes() {
        static BYTES: &[u8] = b"hello world";
        let inside = std::str::from_utf8(&BYTES[6..]).unwrap();
        let found = borrowed_in(BYTES, inside).unwrap();
        assert_eq!(found, "world");
        assert!(std::ptr::eq(found.as_ptr(), inside.as_ptr()));
        let elsewhere = String::from("world");
        assert_eq!(borrowed_in(BYTES, &elsewhere), None);
    }
}
