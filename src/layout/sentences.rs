//! Sentence boundaries within a paragraph.
//!
//! INTERFACE STUB — to be implemented.

use crate::span::Span;

/// Splits the prose in `region` of `text` into sentences. Line breaks inside
/// the region are ordinary spaces (hard-wrapped essays). The result is in
/// order, does not overlap, every span is trimmed of white space, and together
/// the spans cover every non-space character of the region.
pub fn split_sentences(text: &str, region: Span) -> Vec<Span> {
    let t = region.trim(text);
    if t.is_empty() { Vec::new() } else { vec![t] }
}
