//! Renderers: an analysis in, text out. Each format is its own file.

pub mod html;
pub mod json;
pub mod rows;
pub mod table;

use crate::analysis::Analysis;
use crate::find::window::Relation;
use crate::span::{CharIndex, Span};

/// Counts of an essay's dates by where they fall against the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateCounts {
    pub inside: usize,
    pub outside: usize,
    pub asides: usize,
}

/// Dates of a span, counted. Naming asides are counted apart: they are not
/// claims about the period. Binary search via `dates_in`, so counting every
/// paragraph's dates stays linear in the essay.
pub fn date_counts(a: &Analysis, span: Span) -> DateCounts {
    let mut c = DateCounts::default();
    for d in a.dates_in(span) {
        if d.mention.naming_aside {
            c.asides += 1;
        } else if matches!(d.relation, Relation::Inside | Relation::Unknown) {
            c.inside += 1;
        } else {
            c.outside += 1;
        }
    }
    c
}

/// Line starts and a char index of a text, built once per report so that
/// placing each finding is O(log n) instead of a scan of the whole text
/// (which made a report on a long essay with many findings quadratic).
pub struct Lines {
    starts: Vec<usize>,
    chars: CharIndex,
}

impl Lines {
    /// Lines end at LF, CR or CRLF.
    pub fn new(text: &str) -> Self {
        let b = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    i += 1;
                    starts.push(i + 1);
                }
                b'\n' | b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines {
            starts,
            chars: CharIndex::new(text),
        }
    }

    /// 1-based line and column (in chars) of a byte offset on a char boundary.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= byte).max(1);
        let start = self.starts[line - 1];
        (line, self.chars.chars(byte) - self.chars.chars(start) + 1)
    }
}

/// The paragraph (0-based index) that contains a span, if any, by binary
/// search over the paragraphs (in order and disjoint).
pub fn paragraph_containing(a: &Analysis, span: Span) -> Option<usize> {
    let paras = &a.doc.paragraphs;
    let i = paras.partition_point(|p| p.span.end < span.start);
    (i..paras.len().min(i + 2)).find(|&j| paras[j].span.contains(span))
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn lines_count_every_line_end_and_columns_in_chars() {
        let l = Lines::new("ab\ncd\r\nÉf\rg");
        assert_eq!(l.line_col(0), (1, 1));
        assert_eq!(l.line_col(4), (2, 2));
        assert_eq!(l.line_col(9), (3, 2)); // after the two-byte É
        assert_eq!(l.line_col(11), (4, 1));
    }
}
