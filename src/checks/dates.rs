//! Dates against the question's window.

use crate::analysis::{Analysis, Dated};
use crate::find::window::Relation;
use crate::finding::{Finding, Severity};
use crate::layout::Sentence;

/// This many sentences in a row about the time before the window is more
/// than "brief background".
const BACKGROUND_RUN: usize = 3;

pub fn check(a: &Analysis) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(after_window(a));
    out.extend(before_window(a));
    out.extend(naming_asides(a));
    out
}

/// One finding per sentence that reaches past the window's end.
fn after_window(a: &Analysis) -> Vec<Finding> {
    let Some(end) = a.question.window.end else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for s in a.doc.sentences() {
        let late: Vec<&Dated> = a
            .dates_in(s.span)
            .filter(|d| d.relation == Relation::After && !d.mention.naming_aside)
            .collect();
        let Some(first) = late.first() else { continue };
        let quoted: Vec<String> = late.iter().map(|d| a.doc.display(d.mention.span)).collect();
        out.push(Finding::new(
            "dates.after-window",
            Severity::Warning,
            first.mention.span.cover(late.last().map_or(first.mention.span, |d| d.mention.span)),
            format!(
                "{} {} after the question's window ({}): events after {} cannot answer a question about the years before.",
                quoted.join(", "),
                if quoted.len() == 1 { "is" } else { "are" },
                a.question.window.label(),
                end.year
            ),
            format!("Cut this, or keep at most a clause of context and spend the words on the period up to {}.", end.year),
        ));
    }
    out
}

/// A run of sentences dated only before the window's start.
fn before_window(a: &Analysis) -> Vec<Finding> {
    let Some(start) = a.question.window.start else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut run: Vec<&Sentence> = Vec::new();
    let flush = |run: &mut Vec<&Sentence>, out: &mut Vec<Finding>| {
        if run.len() >= BACKGROUND_RUN {
            let span = run[0].span.cover(run[run.len() - 1].span);
            out.push(Finding::new(
                "dates.before-window",
                Severity::Suggestion,
                span,
                format!("{} sentences in a row deal with events before {}, the start of the question's window.", run.len(), start.year),
                format!("Keep one sentence of background that explains why it matters after {}, and cut the rest.", start.year),
            ));
        }
        run.clear();
    };
    for p in &a.doc.paragraphs {
        for s in &p.sentences {
            let relations: Vec<Relation> = a
                .dates_in(s.span)
                .filter(|d| !d.mention.naming_aside)
                .map(|d| d.relation)
                .collect();
            if relations.is_empty() && !run.is_empty() {
                run.push(s); // an undated sentence continues the story it follows
            } else if !relations.is_empty() && relations.iter().all(|&r| r == Relation::Before) {
                run.push(s);
            } else {
                flush(&mut run, &mut out);
            }
        }
        flush(&mut run, &mut out);
    }
    out
}

/// A naming aside outside the window: noted, never counted against the essay.
fn naming_asides(a: &Analysis) -> Vec<Finding> {
    a.dates
        .iter()
        .filter(|d| d.mention.naming_aside && !matches!(d.relation, Relation::Inside | Relation::Unknown))
        .map(|d| {
            Finding::new(
                "dates.naming-aside",
                Severity::Info,
                d.mention.span,
                format!(
                    "\"{}\" reaches outside the window ({}) but only names or locates something, so it is not counted as off the period.",
                    a.doc.display(d.mention.span),
                    a.question.window.label()
                ),
                "No change needed.",
            )
        })
        .collect()
}
