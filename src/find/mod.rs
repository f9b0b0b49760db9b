//! Finders: the things in the text that later stages reason about.

pub mod dates;
pub mod window;
