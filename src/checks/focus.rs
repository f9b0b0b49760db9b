//! Paragraphs that never touch the question's focus.

use super::{Part, part, touches_focus};
use crate::analysis::Analysis;
use crate::finding::{Finding, Severity};

pub fn check(a: &Analysis) -> Vec<Finding> {
    if a.question.focus.is_empty() {
        return Vec::new();
    }
    let count = a.doc.paragraphs.len();
    let terms: Vec<&str> = a.question.focus.iter().map(|f| f.term.as_str()).collect();
    a.doc
        .paragraphs
        .iter()
        .enumerate()
        .filter(|&(i, p)| part(i, count) == Part::Body && !p.list_item && touches_focus(a, p).is_empty())
        .map(|(i, p)| {
            Finding::new(
                "focus.paragraph-off-topic",
                Severity::Warning,
                p.span,
                format!("Paragraph {} never mentions the question's focus ({}).", i + 1, terms.join(", ")),
                "Open the paragraph with a point in the question's terms and end it by saying how it answers the question.",
            )
        })
        .collect()
}
