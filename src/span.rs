//! Byte spans into the essay text, and their conversion to the code-point
//! offsets that the JSON report promises.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the decoded essay text.
///
/// Inside the library every span is in bytes, so slicing is free; reports
/// convert to Unicode scalar values with [`CharIndex`] because that is what
/// other languages (JavaScript, Python) index strings by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shrinks the span so that it neither starts nor ends with white space.
    pub fn trim(self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start + lead, self.start + lead + trimmed.len())
    }
}

/// Converts byte offsets to code-point offsets in O(log n).
pub struct CharIndex {
    /// Byte offset of every non-ASCII char, with the number of extra bytes seen
    /// up to and including it; ASCII-only text needs no table at all.
    extra: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut extra = Vec::new();
        if text.is_ascii() {
            // Every char one byte: nothing to record (most essays).
            return CharIndex { extra };
        }
        let mut total = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                total += n - 1;
                extra.push((i, total));
            }
        }
        CharIndex { extra }
    }

    /// Code-point offset of a byte offset that lies on a char boundary.
    pub fn chars(&self, byte: usize) -> usize {
        // Extra bytes of every multi-byte char that starts before `byte`.
        let idx = self.extra.partition_point(|&(at, _)| at < byte);
        let extra = if idx == 0 { 0 } else { self.extra[idx - 1].1 };
        byte - extra
    }

    pub fn span(&self, span: Span) -> [usize; 2] {
        [self.chars(span.start), self.chars(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "a’b “c” d";
        let idx = CharIndex::new(text);
        for (chars, (bytes, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.chars(bytes), chars);
        }
        assert_eq!(idx.chars(text.len()), text.chars().count());
    }

    #[test]
    fn trim_drops_outer_space_only() {
        let text = "  ab c \n";
        assert_eq!(Span::new(0, text.len()).trim(text).slice(text), "ab c");
        assert_eq!(Span::new(0, 2).trim(text), Span::new(2, 2));
    }
}
