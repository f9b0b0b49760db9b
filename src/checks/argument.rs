//! Findings from the argument roles: paragraphs and essays that narrate
//! instead of arguing, points without support, support never explained,
//! unweighed questions and conclusions that change their mind.

use super::{Part, part};
use crate::analysis::Analysis;
use crate::finding::{Finding, Severity};
use crate::roles::Role;
use crate::roles::structure::Mode;
use crate::span::Span;

/// An essay narrates when at least this share of its paragraphs do.
const NARRATIVE_ESSAY_SHARE: f32 = 0.5;

pub fn check(a: &Analysis) -> Vec<Finding> {
    if a.roles.len() != a.doc.sentence_count() {
        return Vec::new();
    }
    let mut out = Vec::new();
    out.extend(narrative_essay(a));
    out.extend(paragraphs(a));
    out.extend(unweighed(a));
    out.extend(conclusion_differs(a));
    out
}

/// "the question" in a message: its wording when there is one.
fn the_question(a: &Analysis) -> String {
    if a.question.text.is_empty() {
        "your argument".to_string()
    } else {
        format!("the question (“{}”)", a.question.text)
    }
}

fn essay_span(a: &Analysis) -> Span {
    match (a.doc.paragraphs.first(), a.doc.paragraphs.last()) {
        (Some(f), Some(l)) => f.span.cover(l.span),
        _ => Span::default(),
    }
}

fn narrative_essay(a: &Analysis) -> Option<Finding> {
    let st = &a.structure;
    let total = st.paragraphs.len();
    let narrative = st
        .paragraphs
        .iter()
        .filter(|p| p.mode == Mode::Narrative)
        .count();
    if total == 0 || (narrative as f32) < total as f32 * NARRATIVE_ESSAY_SHARE || narrative == 0 {
        return None;
    }
    Some(Finding::new(
        "argument.narrative-essay",
        Severity::Warning,
        essay_span(a),
        format!(
            "The essay narrates rather than argues: {narrative} of {total} paragraphs recount events, and only {:.0}% of its sentences make or explain a point.",
            st.argue_share * 100.0
        ),
        format!(
            "Build each paragraph around a point that answers {}: open with a claim, keep only the events that prove it, and after them explain why they mattered.",
            the_question(a)
        ),
    ))
}

fn paragraphs(a: &Analysis) -> Vec<Finding> {
    let count = a.doc.paragraphs.len();
    let mut out = Vec::new();
    let mut at = 0;
    for (i, p) in a.doc.paragraphs.iter().enumerate() {
        let roles: Vec<Role> = a.roles[at..at + p.sentences.len()]
            .iter()
            .map(|r| r.role)
            .collect();
        at += p.sentences.len();
        let Some(shape) = a.structure.paragraphs.get(i) else {
            continue;
        };
        let where_ = part(i, count);
        if where_ != Part::Body && where_ != Part::Whole || p.sentences.len() < 2 {
            continue;
        }
        // A narrative paragraph that still makes a point, explains or links
        // is not accused: the finding says "without saying how they bear on
        // the question", which would then be false.
        if shape.mode == Mode::Narrative && !shape.point && !shape.explanation && !shape.link {
            let when = a
                .dates_in(p.span)
                .next()
                .map(|d| format!(" from {}", a.doc.display(d.mention.span)))
                .unwrap_or_default();
            out.push(Finding::new(
                "argument.narrative-paragraph",
                Severity::Warning,
                p.span,
                format!("Paragraph {} recounts events{when} without saying how they bear on {}.", i + 1, the_question(a)),
                "Open with the point the events prove, and add a sentence explaining their significance for the question (\"This mattered because…\").",
            ));
            continue;
        }
        if shape.mode == Mode::Narrative {
            continue;
        }
        let evidence = roles.iter().filter(|r| **r == Role::Evidence).count();
        let facts = a.dates_in(p.span).next().is_some();
        if shape.point && evidence == 0 && !facts {
            let k = roles
                .iter()
                .position(|r| matches!(r, Role::Claim | Role::Counter))
                .unwrap_or(0);
            out.push(Finding::new(
                "argument.claim-without-evidence",
                Severity::Suggestion,
                p.sentences[k].span,
                format!("Paragraph {} makes a point but gives no specific evidence for it.", i + 1),
                "Support the point with precise evidence: a date, a name, a figure, an event or a historian's view.",
            ));
        }
        if evidence >= 2 && !shape.explanation && !shape.link {
            let k = roles
                .iter()
                .rposition(|r| *r == Role::Evidence)
                .unwrap_or(0);
            out.push(Finding::new(
                "argument.evidence-unexplained",
                Severity::Suggestion,
                p.sentences[k].span,
                format!("Paragraph {} gives evidence but never explains what it shows.", i + 1),
                format!("After the evidence, explain why it matters for {} (\"This shows that…\", \"As a result…\").", the_question(a)),
            ));
        }
    }
    out
}

/// A question that asks for weighing, answered without weighing anything.
/// With a topic pack, `balance.no-other-factors` says this more precisely.
fn unweighed(a: &Analysis) -> Option<Finding> {
    let st = &a.structure;
    if !st.weighing_expected || st.counters > 0 || a.topic.is_some() || a.doc.paragraphs.is_empty()
    {
        return None;
    }
    let command = a.question.command.map_or("this", |c| c.as_str());
    Some(Finding::new(
        "balance.no-counter",
        Severity::Warning,
        essay_span(a),
        format!(
            "No other factor or opposing view is weighed, though a “{command}” question asks you to weigh them."
        ),
        "Add a paragraph on another factor or view, then judge which mattered more and why.",
    ))
}

fn conclusion_differs(a: &Analysis) -> Option<Finding> {
    let st = &a.structure;
    let (Some(false), Some(c)) = (st.conclusion_agrees, st.conclusion_judgement) else {
        return None;
    };
    let sentence = a.doc.sentences().nth(c)?;
    Some(Finding::new(
        "argument.conclusion-differs",
        Severity::Warning,
        sentence.span,
        "The conclusion's judgement differs from the one in the introduction.",
        "Make the two agree: either change the thesis to the view you reach, or show in the conclusion how the evidence qualifies it.",
    ))
}
