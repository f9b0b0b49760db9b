//! Checks: each reads the analysis so far and returns findings. One file a
//! family; every code a check can emit is documented in [`catalog`].

mod argument;
pub mod catalog;
mod coverage;
mod dates;
mod facts;
mod focus;
pub mod language;
mod layout;
mod question;
mod structure;

use crate::analysis::Analysis;
use crate::finding::Finding;
use crate::layout::Paragraph;

pub use catalog::{CATALOG, CheckInfo, lookup};

/// Runs every check.
pub fn run(a: &Analysis) -> Vec<Finding> {
    let checks: &[fn(&Analysis) -> Vec<Finding>] = &[
        question::check,
        layout::check,
        dates::check,
        focus::check,
        structure::check,
        argument::check,
        facts::check,
        coverage::check,
    ];
    checks.iter().flat_map(|check| check(a)).collect()
}

/// Where a paragraph sits in the essay's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Introduction,
    Body,
    Conclusion,
    /// The whole essay is one or two paragraphs.
    Whole,
}

/// Introduction and conclusion are the first and last of three or more
/// paragraphs; shorter essays are all one part.
pub fn part(index: usize, count: usize) -> Part {
    match (count, index) {
        (0..=2, _) => Part::Whole,
        (_, 0) => Part::Introduction,
        (n, i) if i + 1 == n => Part::Conclusion,
        _ => Part::Body,
    }
}

/// Does the paragraph use any of the question's focus terms? With a topic
/// pack, their synonyms and related terms count too ("Red Army" for Trotsky).
pub fn touches_focus<'a>(a: &'a Analysis, p: &'a Paragraph) -> Vec<&'a str> {
    let paras = &a.doc.paragraphs;
    let i = paras.partition_point(|q| q.span.start < p.span.start);
    let touched = match paras.get(i) {
        // The table, the JSON and the checks all ask: work it out once.
        Some(q) if q.span == p.span => &a
            .focus_touched
            .get_or_init(|| paras.iter().map(|q| focus_terms_in(a, q)).collect())[i],
        _ => &focus_terms_in(a, p),
    };
    let mut hits: Vec<&str> = Vec::new();
    for &k in touched {
        let term = a.question.focus[k].term.as_str();
        if !hits.contains(&term) {
            hits.push(term);
        }
    }
    hits
}

/// The focus terms (indices into `question.focus`) a paragraph touches.
fn focus_terms_in(a: &Analysis, p: &Paragraph) -> Vec<usize> {
    // Folded once for all the terms.
    let folded = std::cell::OnceCell::new();
    let folded = || folded.get_or_init(|| crate::normalize::fold(a.doc.slice(p.span)));
    (0..a.question.focus.len())
        .filter(|&k| {
            let f = &a.question.focus[k];
            p.sentences
                .iter()
                .flat_map(|s| &s.words)
                .any(|w| w.stem == f.stem)
                || a.topic
                    .as_ref()
                    .is_some_and(|t| t.pack.bears_on(&f.stem, folded()))
        })
        .collect()
}
