//! The essay's frame: an introduction that answers, a conclusion that judges.

use super::{Part, part};
use crate::analysis::Analysis;
use crate::finding::{Finding, Severity};
use crate::question::Source;

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
];

pub fn check(a: &Analysis) -> Vec<Finding> {
    let paras = &a.doc.paragraphs;
    let mut out = Vec::new();
    let Some(first) = paras.first() else {
        return out;
    };
    if a.question.source != Source::None && a.structure.thesis.is_none() {
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
    let last = paras.len() - 1;
    let announced = CONCLUDING
        .iter()
        .any(|c| a.doc.display(paras[last].span).to_lowercase().contains(c));
    if part(last, paras.len()) == Part::Conclusion
        && a.structure.conclusion_judgement.is_none()
        && !announced
    {
        out.push(Finding::new(
            "structure.no-conclusion",
            Severity::Warning,
            paras[last].span,
            "The essay has no conclusion: the last paragraph reaches no overall judgement.",
            "End with a paragraph that weighs your points and states how far you agree, in the question's terms.",
        ));
    }
    out
}
