//! Findings about the question itself.

use crate::analysis::Analysis;
use crate::finding::{Finding, Severity};
use crate::question::Source;
use crate::span::Span;

pub fn check(a: &Analysis) -> Vec<Finding> {
    if a.question.source != Source::None {
        return Vec::new();
    }
    vec![Finding::new(
        "question.none",
        Severity::Info,
        Span::new(0, 0),
        "No question was given and the essay has no title, so it is read without one.",
        "Pass the question with --question \"…\" (or put it in the first line as a title).",
    )]
}
