//! The terminal report: a header, one row per paragraph, then the findings
//! in order of importance with their suggestions.
//!
//! Colour is written as ANSI escapes only outside the tables; the caller
//! prints through `anstream`, which strips them when the output is not a
//! terminal or `NO_COLOR` is set.

use anstyle::{AnsiColor, Style};
use comfy_table::{Cell, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use std::fmt::Write;

use super::{date_counts, line_col, paragraph_of};
use crate::analysis::Analysis;
use crate::checks::{part, touches_focus};
use crate::finding::Severity;
use crate::question::Source;

/// Rendering choices that depend on where the output goes.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Total width to fit the tables into.
    pub width: u16,
}

impl Default for Options {
    fn default() -> Self {
        Options { width: 100 }
    }
}

/// Renders the whole table report.
pub fn render(file: &str, a: &Analysis, opts: Options) -> String {
    let mut out = String::new();
    let bold = Style::new().bold();
    let _ = writeln!(out, "{bold}argmark{bold:#} {file}");
    out.push_str(&header(a, opts).to_string());
    out.push('\n');
    if let Some(t) = crate::topics::timeline::build(a) {
        out.push_str("Timeline\n");
        out.push_str(&t.strip(usize::from(opts.width)));
    }
    if !a.doc.paragraphs.is_empty() {
        out.push_str(&paragraph_table(a, opts).to_string());
        out.push('\n');
    }
    out.push_str(&findings(a));
    out
}

fn new_table(opts: Options) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width);
    t
}

fn header(a: &Analysis, opts: Options) -> Table {
    let q = &a.question;
    let mut t = new_table(opts);
    let source = match q.source {
        Source::Option => "given with --question",
        Source::Title => "read from the essay's title",
        Source::None => "none given or found",
    };
    let question = if q.text.is_empty() {
        "—".to_string()
    } else {
        format!("{} ({source})", q.text)
    };
    let window = if q.window.is_open() {
        "none in the question".to_string()
    } else if a.topic.as_ref().is_some_and(|t| t.window_start_from_pack) {
        format!("{} (start from the topic pack)", q.window)
    } else {
        q.window.label()
    };
    let topic = match &a.topic {
        None => "none (no pack's checks)".to_string(),
        Some(t) => format!(
            "{} — {} ({})",
            t.pack.id,
            t.pack.title,
            match t.source {
                crate::topics::TopicSource::Auto => "chosen from the question",
                crate::topics::TopicSource::Option => "given with --topic",
                crate::topics::TopicSource::File => "loaded with --topic-file",
            }
        ),
    };
    let command = match (q.command, q.command_implied) {
        (Some(c), false) => c.as_str().to_string(),
        (Some(c), true) => format!("{} (implied by the wording)", c.as_str()),
        (None, _) => "—".into(),
    };
    let focus: Vec<&str> = q.focus.iter().map(|f| f.term.as_str()).collect();
    let outside = a
        .dates
        .iter()
        .filter(|d| super::json::is_outside(d))
        .count();
    t.add_row(vec![Cell::new("Question"), Cell::new(question)]);
    t.add_row(vec![Cell::new("Window"), Cell::new(window)]);
    t.add_row(vec![Cell::new("Topic"), Cell::new(topic)]);
    t.add_row(vec![Cell::new("Command"), Cell::new(command)]);
    t.add_row(vec![
        Cell::new("Focus"),
        Cell::new(if focus.is_empty() {
            "—".into()
        } else {
            focus.join(", ")
        }),
    ]);
    t.add_row(vec![
        Cell::new("Size"),
        Cell::new(format!(
            "{} words, {} paragraphs, {} sentences",
            a.doc.word_count(),
            a.doc.paragraphs.len(),
            a.doc.sentence_count()
        )),
    ]);
    t.add_row(vec![
        Cell::new("Dates"),
        Cell::new(format!(
            "{} found, {} outside the window",
            a.dates.len(),
            outside
        )),
    ]);
    t
}

fn paragraph_table(a: &Analysis, opts: Options) -> Table {
    let mut t = new_table(opts);
    t.set_header(vec![
        "¶",
        "Part",
        "Opens with",
        "Sent.",
        "Dates in / out",
        "Focus touched",
        "Findings",
    ]);
    let count = a.doc.paragraphs.len();
    for (i, p) in a.doc.paragraphs.iter().enumerate() {
        let c = date_counts(a, p.span);
        let dates = if c.asides > 0 {
            format!("{} / {} (+{} aside)", c.inside, c.outside, c.asides)
        } else {
            format!("{} / {}", c.inside, c.outside)
        };
        let focus = touches_focus(a, p);
        let codes: Vec<&str> = a
            .findings
            .iter()
            .filter(|f| {
                f.severity > Severity::Info
                    && p.span.start <= f.span.start
                    && f.span.start <= p.span.end
            })
            .map(|f| f.code)
            .collect();
        t.add_row(vec![
            Cell::new(i + 1),
            Cell::new(super::json::part_name(part(i, count))),
            Cell::new(opening(&a.doc.display(p.span), 6)),
            Cell::new(p.sentences.len()),
            Cell::new(dates),
            Cell::new(if focus.is_empty() {
                "—".into()
            } else {
                focus.join(", ")
            }),
            Cell::new(if codes.is_empty() {
                "—".into()
            } else {
                codes.join("\n")
            }),
        ]);
    }
    t
}

/// The first `n` words, with an ellipsis if there are more.
fn opening(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut s = words[..words.len().min(n)].join(" ");
    if words.len() > n {
        s.push('…');
    }
    s
}

fn severity_style(s: Severity) -> Style {
    let colour = match s {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Suggestion => AnsiColor::Cyan,
        Severity::Info => AnsiColor::BrightBlack,
    };
    Style::new().fg_color(Some(colour.into())).bold()
}

fn findings(a: &Analysis) -> String {
    let mut out = String::new();
    if a.findings.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    let _ = writeln!(
        out,
        "Findings, most important first ({}):",
        a.findings.len()
    );
    for (n, f) in a.findings.iter().enumerate() {
        let style = severity_style(f.severity);
        let (line, col) = line_col(&a.doc.text, f.span.start);
        let place = match paragraph_of(a, f.span.start) {
            Some(p) if !f.span.is_empty() => format!("¶{p}, line {line}:{col}"),
            _ => "whole essay".to_string(),
        };
        let _ = writeln!(
            out,
            "{:>3}. {style}{:<10}{style:#} {}  ({place})",
            n + 1,
            f.severity,
            f.code
        );
        let _ = writeln!(out, "     {}", f.message);
        let _ = writeln!(out, "     → {}", f.suggestion);
    }
    out
}
