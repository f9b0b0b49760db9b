//! What the topic pack says about the essay as a whole: which parts of the
//! question's window it covers, and which other factors it weighs.

use crate::analysis::Analysis;
use crate::find::window::Relation;
use crate::finding::{Finding, Severity};
use crate::span::Span;
use crate::topics::pack::month_name;
use crate::topics::scan::Scan;
use crate::topics::timeline::effective_window;

pub fn check(a: &Analysis) -> Vec<Finding> {
    if a.topic.is_none() {
        return Vec::new();
    }
    let mut out = window_gap(a);
    out.extend(balance(a));
    out
}

fn essay_span(a: &Analysis) -> Span {
    match (a.doc.paragraphs.first(), a.doc.paragraphs.last()) {
        (Some(f), Some(l)) => f.span.cover(l.span),
        _ => Span::default(),
    }
}

fn window_gap(a: &Analysis) -> Vec<Finding> {
    let Some(t) = &a.topic else { return Vec::new() };
    let Some(w) = effective_window(a) else {
        return Vec::new();
    };
    let (Some(start), Some(end)) = (w.start, w.end) else {
        return Vec::new();
    };
    let mut covered: Vec<i32> = Vec::new();
    let mut reach: Option<(crate::find::dates::Ymd, Span)> = None;
    let scan = Scan::new(a);
    // How far the account runs: the introduction's summary does not count
    // when there is a body to read.
    let body_from = if a.doc.paragraphs.len() >= 3 {
        a.doc.paragraphs[1].span.start
    } else {
        0
    };
    for d in scan
        .dates(essay_span(a))
        .into_iter()
        .filter(|d| d.relation != Relation::Unknown)
    {
        let i = d.mention.interval;
        let (s, e) = (i.start.max(start), i.end.min(end));
        if s > e {
            continue;
        }
        covered.extend(s.year..=e.year);
        if i.end.year - i.start.year <= 1
            && d.mention.span.start >= body_from
            && reach.is_none_or(|(r, _)| s > r)
        {
            reach = Some((s, d.mention.span));
        }
    }
    for paragraph in scan.paragraph_events() {
        for m in paragraph {
            let ev = &t.pack.events[m.index];
            let (s, e) = (ev.date.start.max(start), ev.date.start.min(end));
            if s > e {
                continue;
            }
            covered.push(s.year);
            if m.span.start >= body_from && reach.is_none_or(|(r, _)| s > r) {
                reach = Some((s, m.span));
            }
        }
    }
    if covered.is_empty() {
        return Vec::new();
    }
    covered.sort_unstable();
    covered.dedup();
    let span = essay_span(a);
    let events_in = |from: i32, to: i32| -> Vec<String> {
        t.pack
            .events
            .iter()
            .filter(|e| e.main && (from..=to).contains(&e.date.start.year))
            .map(|e| e.name.clone())
            .collect()
    };
    let window_years = end.year - start.year + 1;
    let mut out = Vec::new();
    let last = *covered.last().expect("not empty");
    if last < end.year {
        let (from, to) = (last + 1, end.year);
        let names = events_in(from, to);
        let reached = reach.map_or(last.to_string(), |(r, _)| {
            format!("{} {}", month_name(r.month), r.year)
        });
        let range = if from == to {
            from.to_string()
        } else {
            format!("{from}–{to}")
        };
        let severity = if to - from + 1 >= 2 || 3 * (to - from + 1) >= window_years {
            Severity::Warning
        } else {
            Severity::Suggestion
        };
        out.push(Finding::new(
            "coverage.window-gap",
            severity,
            span,
            format!(
                "Nothing after {last}: the essay's dates and events stop in {reached}, but the question runs to {}; {range} is not covered{}.",
                end.year,
                if names.is_empty() { String::new() } else { format!(" — nothing on {}", names.join(", ")) }
            ),
            format!(
                "Add material on {range}{}, and say how it bears on the question.",
                if names.is_empty() { String::new() } else { format!(", e.g. {}", names.iter().take(5).cloned().collect::<Vec<_>>().join(", ")) }
            ),
        ));
    }
    let first = covered[0];
    if first > start.year && !t.window_start_from_pack_only_context(a) {
        let (from, to) = (start.year, first - 1);
        let names = events_in(from, to);
        let range = if from == to {
            from.to_string()
        } else {
            format!("{from}–{to}")
        };
        out.push(Finding::new(
            "coverage.window-gap",
            Severity::Suggestion,
            span,
            format!(
                "Nothing before {first}: the question's period starts in {}, but {range} is not covered{}.",
                start.year,
                if names.is_empty() { String::new() } else { format!(" — {}", names.join(", ")) }
            ),
            format!("Say what happened in {range} that bears on the question."),
        ));
    }
    // Gaps of two years or more inside the covered span.
    for pair in covered.windows(2) {
        if pair[1] - pair[0] >= 3 {
            let (from, to) = (pair[0] + 1, pair[1] - 1);
            let names = events_in(from, to);
            out.push(Finding::new(
                "coverage.window-gap",
                Severity::Suggestion,
                span,
                format!(
                    "The essay skips {from}–{to}{}.",
                    if names.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", names.join(", "))
                    }
                ),
                format!("Check whether {from}–{to} matters to the question; if it does, add it."),
            ));
        }
    }
    out
}

impl crate::topics::TopicUse {
    /// Only the end of the window was asked for; the pack's start is a
    /// default, so a late start is not worth a finding of its own.
    fn window_start_from_pack_only_context(&self, _a: &Analysis) -> bool {
        self.window_start_from_pack
    }
}

fn balance(a: &Analysis) -> Vec<Finding> {
    let Some(t) = &a.topic else { return Vec::new() };
    if !a.question.asks_to_weigh() || t.pack.factors.is_empty() {
        return Vec::new();
    }
    let scan = Scan::new(a);
    let (mut present, mut absent) = (Vec::new(), Vec::new());
    for f in &t.pack.factors {
        let found = a
            .doc
            .paragraphs
            .iter()
            .any(|p| f.cues.iter().any(|c| scan.is_match(c, p.span)));
        if found {
            present.push(f.name.as_str())
        } else {
            absent.push(f.name.as_str())
        }
    }
    let span = essay_span(a);
    let focus: Vec<&str> = a
        .question
        .focus
        .iter()
        .map(|f| f.term.as_str())
        .take(2)
        .collect();
    let given = if focus.is_empty() {
        "the given factor".to_string()
    } else {
        focus.join("'s ")
    };
    if present.is_empty() {
        vec![Finding::new(
            "balance.no-other-factors",
            Severity::Warning,
            span,
            format!(
                "The question asks you to weigh {given} against other factors, but the essay discusses none of them: {}.",
                absent.join("; ")
            ),
            format!(
                "Add at least one paragraph on another factor (e.g. {}) and judge which mattered more.",
                absent
                    .iter()
                    .take(3)
                    .copied()
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        )]
    } else {
        vec![Finding::new(
            "balance.other-factors",
            Severity::Info,
            span,
            format!(
                "Other factors the essay weighs: {}.{}",
                present.join("; "),
                if absent.is_empty() {
                    String::new()
                } else {
                    format!(" Not discussed: {}.", absent.join("; "))
                }
            ),
            "Make sure each factor is weighed against the given one, not just described.",
        )]
    }
}
