//! The terminal report: a header, one row per paragraph, then the findings
//! in order of importance with their suggestions.
//!
//! Colour is written as ANSI escapes only outside the tables; the caller
//! prints through `anstream`, which strips them when the output is not a
//! terminal or `NO_COLOR` is set.

use anstyle::{AnsiColor, Style};
use comfy_table::{Cell, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use std::fmt::Write;

use super::{Lines, date_counts, paragraph_containing};
use crate::analysis::Analysis;
use crate::checks::{Part, part, touches_focus};
use crate::finding::Severity;
use crate::question::Source;

/// Rendering choices that depend on where the output goes.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Total width to fit the tables into.
    pub width: u16,
    /// Show each sentence's role and the features that decided it.
    pub why: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 100,
            why: false,
        }
    }
}

/// How many findings the "fix first" list shows.
const FIX_FIRST: usize = 3;

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
    out.push_str(&fix_first(a));
    out.push_str(&findings(a));
    out.push_str(&score(a, opts));
    if opts.why {
        out.push_str(&why(a));
    }
    out
}

/// The few changes that would help most: the top warnings, in order.
fn fix_first(a: &Analysis) -> String {
    let top: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .take(FIX_FIRST)
        .collect();
    if top.is_empty() {
        return String::new();
    }
    let bold = Style::new().bold();
    let mut out = format!("{bold}Fix first{bold:#}\n");
    for (n, f) in top.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", n + 1, f.suggestion);
    }
    out.push('\n');
    out
}

/// The rubric's criteria and the suggested mark.
fn score(a: &Analysis, opts: Options) -> String {
    let Some(s) = &a.score else {
        return String::new();
    };
    let mut t = new_table(opts);
    t.set_header(vec!["Criterion", "Level", "Descriptor", "Decided by"]);
    for c in &s.criteria {
        let mut by: Vec<String> = c.findings.clone();
        by.extend(c.reasons.iter().cloned());
        t.add_row(vec![
            Cell::new(&c.title),
            Cell::new(if c.assessed {
                format!("L{}", c.level)
            } else {
                "—".to_string()
            }),
            Cell::new(&c.descriptor),
            Cell::new(by.join("; ")),
        ]);
    }
    let bold = Style::new().bold();
    let mut out = format!("\n{bold}Rubric{bold:#}\n{t}\n");
    let _ = writeln!(
        out,
        "{bold}{}{bold:#}\n",
        suggested_line(s.mark, s.max, s.level)
    );
    out
}

/// "Suggested mark: 14/25 (Level 3) — a suggestion for the teacher to confirm".
pub fn suggested_line(mark: u32, max: u32, level: u8) -> String {
    format!(
        "Suggested mark: {mark}/{max} (Level {level}) — {}",
        crate::score::SUGGESTION
    )
}

/// Every sentence with its role, confidence and reasons (`--why`).
fn why(a: &Analysis) -> String {
    let mut out =
        String::from("\nWhy each sentence got its role (feature × weight, strongest first):\n");
    let mut roles = a.roles.iter();
    for (i, p) in a.doc.paragraphs.iter().enumerate() {
        for (k, s) in p.sentences.iter().enumerate() {
            let Some(r) = roles.next() else { break };
            let also = r
                .secondary
                .map(|x| format!(", also {}", x.as_str()))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "¶{}.{} {} ({:.2}{also}) “{}”",
                i + 1,
                k + 1,
                r.role.as_str(),
                r.confidence,
                opening(&a.doc.display(s.span), 10)
            );
            let reasons: Vec<String> = r
                .reasons
                .iter()
                .map(|x| format!("{} (+{:.2})", x.description, x.weight))
                .collect();
            let _ = writeln!(
                out,
                "      {}",
                if reasons.is_empty() {
                    "no single feature stood out; the baseline decided".to_string()
                } else {
                    reasons.join("; ")
                }
            );
        }
    }
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
        "Opens with",
        "Roles",
        "Mode",
        "Dates\nin/out",
        "Focus",
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
            .filter(|f| f.severity > Severity::Info && p.span.contains(f.span))
            .map(|f| f.code.split_once('.').map_or(f.code, |(_, rule)| rule))
            .collect();
        let shape = a.structure.paragraphs.get(i).cloned().unwrap_or_default();
        t.add_row(vec![
            Cell::new(format!("{}\n{}", i + 1, short_part(part(i, count)))),
            Cell::new(opening(&a.doc.display(p.span), 5)),
            Cell::new(missing_parts(&shape, part(i, count))),
            Cell::new(shape.mode.as_str()),
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

fn short_part(p: Part) -> &'static str {
    match p {
        Part::Introduction => "intro",
        Part::Body => "body",
        Part::Conclusion => "concl.",
        Part::Whole => "",
    }
}

/// The role strip, with the parts a body paragraph lacks named under it.
fn missing_parts(shape: &crate::roles::structure::ParagraphShape, where_: Part) -> String {
    if where_ != Part::Body {
        return shape.strip.clone();
    }
    let missing: Vec<&str> = [
        (shape.point, "point"),
        (shape.evidence, "evidence"),
        (shape.explanation, "explanation"),
        (shape.link, "link"),
    ]
    .iter()
    .filter(|(has, _)| !has)
    .map(|(_, name)| *name)
    .collect();
    if missing.is_empty() {
        shape.strip.clone()
    } else {
        format!("{}\nno {}", shape.strip, missing.join(", "))
    }
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
    let lines = Lines::new(&a.doc.text);
    for (n, f) in a.findings.iter().enumerate() {
        let style = severity_style(f.severity);
        let (line, col) = lines.line_col(f.span.start);
        let place = match paragraph_containing(a, f.span) {
            Some(p) if !f.span.is_empty() => format!("¶{}, line {line}:{col}", p + 1),
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
