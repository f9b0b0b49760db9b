//! The essay's frame: an introduction that answers, a conclusion that judges.
//!
//! A first heuristic over words a reader would look for; the argument-roles
//! model refines it.

use super::{Part, part, touches_focus};
use crate::analysis::Analysis;
use crate::finding::{Finding, Severity};
use crate::layout::{Paragraph, Sentence};

/// Words that commit a writer to a judgement.
const JUDGEMENT: &[&str] = &[
    "most",
    "main",
    "mainly",
    "chiefly",
    "largely",
    "primarily",
    "crucial",
    "vital",
    "key",
    "decisive",
    "essential",
    "central",
    "greatest",
    "significant",
    "significantly",
    "extent",
    "argue",
    "argued",
    "overall",
    "although",
    "however",
    "because",
    "whereas",
    "partly",
    "mostly",
    "ultimately",
    "therefore",
    "less",
    "more",
    "fundamental",
    "indispensable",
];

/// Phrases that announce a conclusion.
const CONCLUDING: &[&str] = &[
    "in conclusion",
    "to conclude",
    "overall",
    "in summary",
    "to sum up",
    "ultimately",
    "all in all",
    "on balance",
    "in the end",
    "taken together",
    "therefore",
    "thus",
];

pub fn check(a: &Analysis) -> Vec<Finding> {
    let paras = &a.doc.paragraphs;
    let mut out = Vec::new();
    let Some(first) = paras.first() else {
        return out;
    };
    if a.question.source != crate::question::Source::None && !paragraph_answers(a, first) {
        out.push(Finding::new(
            "structure.no-thesis",
            Severity::Warning,
            first.span,
            "The introduction never answers the question: no sentence gives a judgement on it.",
            format!(
                "Add a sentence to the introduction that answers \"{}\" directly, with your overall judgement and the main reason for it.",
                a.question.text
            ),
        ));
    }
    let last_index = paras.len() - 1;
    if part(last_index, paras.len()) == Part::Conclusion && !concludes(a, &paras[last_index]) {
        out.push(Finding::new(
            "structure.no-conclusion",
            Severity::Warning,
            paras[last_index].span,
            "The essay has no conclusion: the last paragraph reaches no overall judgement.",
            "End with a paragraph that weighs your points and states how far you agree, in the question's terms.",
        ));
    }
    out
}

/// Some sentence touches the focus and commits to a judgement.
fn paragraph_answers(a: &Analysis, p: &Paragraph) -> bool {
    if touches_focus(a, p).is_empty() && !a.question.focus.is_empty() {
        return false;
    }
    p.sentences
        .iter()
        .any(|s| judges(s) && mentions_focus(a, s))
}

fn concludes(a: &Analysis, p: &Paragraph) -> bool {
    let text = a.doc.display(p.span).to_lowercase();
    CONCLUDING.iter().any(|c| text.contains(c)) || paragraph_answers(a, p)
}

fn judges(s: &Sentence) -> bool {
    s.words.iter().any(|w| JUDGEMENT.contains(&w.key.as_str()))
}

fn mentions_focus(a: &Analysis, s: &Sentence) -> bool {
    a.question.focus.is_empty()
        || s.words
            .iter()
            .any(|w| a.question.focus_stems().any(|f| f == w.stem))
}
