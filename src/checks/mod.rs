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
    // An ASCII paragraph folds to the same text as the essay's scan has at
    // its span, so the scan's index of the pack's words answers first (one
    // binary search a word instead of a search of the paragraph); elsewhere
    // the scan's padded folding could split a word the pattern needs.
    // The scan is made on first use (it is the facts check's too).
    let scan = std::cell::OnceCell::new();
    let ascii = a.doc.slice(p.span).is_ascii();
    let matches = |m: &crate::topics::lazy::Lazy| {
        if ascii {
            let scan = scan.get_or_init(|| crate::topics::scan::Scan::new(a));
            scan.is_match(m, p.span)
        } else {
            m.is_match(folded())
        }
    };
    focus_terms_where(a, p, matches)
}

/// The focus terms a paragraph uses a word of, or bears on through a pack's
/// pattern for them (its synonyms, related events and terms) that `matches`
/// finds in the paragraph.
fn focus_terms_where(
    a: &Analysis,
    p: &Paragraph,
    matches: impl Fn(&crate::topics::lazy::Lazy) -> bool,
) -> Vec<usize> {
    (0..a.question.focus.len())
        .filter(|&k| {
            let f = &a.question.focus[k];
            p.sentences
                .iter()
                .flat_map(|s| &s.words)
                .any(|w| w.stem == f.stem)
                || a.topic
                    .as_ref()
                    .is_some_and(|t| t.pack.focus_matchers(&f.stem).any(&matches))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Options, analyze};
    use crate::normalize::fold;
    use proptest::strategy::Strategy;

    /// Which focus terms a paragraph touches, as defined: the pack's
    /// patterns matched against the folded paragraph.
    fn focus_terms_as_defined(a: &Analysis, p: &Paragraph) -> Vec<usize> {
        let folded = fold(a.doc.slice(p.span));
        focus_terms_where(a, p, |m| m.is_match(&folded))
    }

    /// Paragraphs of a few of the default pack's focus words and related
    /// terms among other words, typed straight or curly, with dashes and
    /// spaces of all kinds.
    fn paragraphs() -> impl Strategy<Value = String> {
        let words = proptest::sample::select(vec![
            "Trotsky",
            "Brest-Litovsk",
            "Brest–Litovsk",
            "Brest\u{a0}Litovsk",
            "role",
            "part played",
            "part\u{a0}played",
            "Reds",
            "RSDLP(b)",
            "Soviet–power",
            "neither war nor\u{a0}peace",
            "Lenin’s",
            "the",
            "it",
            "was",
            "in",
            "1918",
            "grew",
            "signed",
            "treaty",
            "—",
            "“",
            "”",
            "’",
            "-",
            ",",
            "\t",
        ]);
        let sentence = proptest::collection::vec(words, 1..8).prop_map(|w| w.join(" ") + ".");
        proptest::collection::vec(proptest::collection::vec(sentence, 1..3), 1..5).prop_map(|ps| {
            ps.iter()
                .map(|p| p.join(" "))
                .collect::<Vec<_>>()
                .join("\n\n")
        })
    }

    proptest::proptest! {
        /// The scan's word index answers for ASCII paragraphs: the same
        /// terms as matching each folded paragraph.
        #[test]
        fn focus_terms_equal_their_definition(text in paragraphs()) {
            let question = "Trotsky's contribution to the success of the Bolsheviks up to 1922";
            let options = Options { question: Some(question.into()), ..Options::default() };
            let a = analyze(text, &options);
            proptest::prop_assert!(a.topic.is_some());
            for p in &a.doc.paragraphs {
                proptest::prop_assert_eq!(
                    focus_terms_in(&a, p),
                    focus_terms_as_defined(&a, p),
                    "{:?}", a.doc.slice(p.span)
                );
            }
        }
    }
}
