//! Renderers: an analysis in, text out. Each format is its own file.

pub mod html;
pub mod json;
pub mod rows;
pub mod table;

use crate::analysis::Analysis;
use crate::find::window::Relation;
use crate::span::Span;

/// Counts of an essay's dates by where they fall against the window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateCounts {
    pub inside: usize,
    pub outside: usize,
    pub asides: usize,
}

/// Dates of a span, counted. Naming asides are counted apart: they are not
/// claims about the period.
pub fn date_counts(a: &Analysis, span: Span) -> DateCounts {
    let mut c = DateCounts::default();
    for d in a.dates.iter().filter(|d| span.contains(d.mention.span)) {
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

/// 1-based line and column (in chars) of a byte offset.
pub fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte.min(text.len())];
    let line = before.matches('\n').count() + before.matches('\r').count()
        - before.matches("\r\n").count()
        + 1;
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The paragraph (1-based) that contains a byte offset, if any.
pub fn paragraph_of(a: &Analysis, byte: usize) -> Option<usize> {
    a.doc
        .paragraphs
        .iter()
        .position(|p| p.span.start <= byte && byte <= p.span.end)
        .map(|i| i + 1)
}
