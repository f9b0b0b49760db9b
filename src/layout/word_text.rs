//! The text of a word's key or stem, shared rather than copied: every word of
//! an essay gets both from a thread's cache, and two allocations and copies
//! per word were a tenth of laying an essay out.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Reads as a `&str` (deref, [`WordText::as_str`], comparisons with strings);
/// cloning it shares the text.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WordText(Arc<str>);

impl WordText {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for WordText {
    fn from(s: &str) -> Self {
        WordText(s.into())
    }
}

impl Deref for WordText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for WordText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for WordText {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for WordText {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for WordText {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl fmt::Debug for WordText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for WordText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}
