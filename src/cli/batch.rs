//! `argmark check` over many inputs: folders, .zip downloads, several files.
//! Rows stream out in a fixed order while the work runs in parallel; the
//! class summary follows.

use std::io::{IsTerminal, Write};

use anyhow::Context;
use argmark::analysis::{self, Options};
use argmark::batch::discover::{self, Selection};
use argmark::batch::feedback::FeedbackWriter;
use argmark::batch::summary::{EssayFacts, RowFacts, Summary};
use argmark::batch::{Item, Student, json, ordered, read_item};
use argmark::read::Limits;
use argmark::report::{self, rows};
use globset::{Glob, GlobSet, GlobSetBuilder};
use indicatif::{ProgressBar, ProgressDrawTarget};

use super::args::{CheckArgs, Format};
use super::{Exit, output};

/// The last line of `--format jsonl`.
#[derive(serde::Serialize)]
struct SummaryLine<'a> {
    summary: &'a argmark::batch::summary::SummaryOut,
}

/// Whether the command line asks for a batch rather than single reports.
pub fn wanted(args: &CheckArgs) -> bool {
    let b = &args.batch;
    args.inputs.len() > 1
        || args.format.is_rows()
        || b.reports.is_some()
        || !b.include.is_empty()
        || !b.exclude.is_empty()
        || args
            .inputs
            .iter()
            .any(|p| p.is_dir() || p.extension().is_some_and(|e| e.eq_ignore_ascii_case("zip")))
}

/// What a worker hands back for one item: everything needed to print it,
/// with the essay's text and analysis already dropped.
struct Done {
    facts: RowFacts,
    rendered: String,
    feedback: Option<String>,
    over_fail_on: bool,
}

pub fn run(args: &CheckArgs) -> anyhow::Result<Exit> {
    let limits = Limits {
        max_bytes: args.max_bytes,
    };
    let selection = match selection(args) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("argmark: {e:#}");
            return Ok(Exit::Usage);
        }
    };
    let mut feedback = match &args.batch.reports {
        Some(dir) => match FeedbackWriter::new(dir, &args.inputs) {
            Ok(w) => Some(w),
            Err(e) => {
                eprintln!("argmark: --reports {}: {e}", dir.display());
                return Ok(Exit::Usage);
            }
        },
        None => None,
    };
    let items = discover::discover(&args.inputs, &selection, limits);
    if items.is_empty() {
        eprintln!("argmark: no essays found (.txt .md .docx .odt) in the inputs given");
        return Ok(Exit::Unreadable);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.batch.jobs.unwrap_or(0))
        .build()?;
    let progress = progress_bar(items.len() as u64);
    let width = output::width(args.width);
    let mut summary = Summary::default();
    let mut exit = Exit::Ok;
    let base = match super::check::base_options(args) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("argmark: {message}");
            return Ok(Exit::Usage);
        }
    };
    let stamp = match output::timestamp(args.timestamp.as_deref()) {
        Ok(t) => t,
        Err(message) => {
            eprintln!("argmark: {message}");
            return Ok(Exit::Usage);
        }
    };
    let mut out =
        match output::Sink::open(args.output.as_deref(), &args.inputs, args.format.is_json()) {
            Ok(s) => s,
            Err(message) => {
                eprintln!("argmark: {message}");
                return Ok(Exit::Usage);
            }
        };
    let max = base
        .max_mark
        .or(base.rubric.as_ref().map(|r| r.max_mark))
        .unwrap_or(25);
    match args.format {
        Format::Json => write!(
            out,
            "{{\n  \"schema_version\": \"{}\",\n  \"essays\": [",
            report::json::SCHEMA_VERSION
        )?,
        Format::Csv => out.write_all(rows::csv_header().as_bytes())?,
        Format::Moodle => out.write_all(rows::moodle_header().as_bytes())?,
        Format::Canvas => out.write_all(rows::canvas_header(max).as_bytes())?,
        Format::Html => out.write_all(report::html::head("argmark: class report").as_bytes())?,
        Format::Table | Format::Jsonl | Format::Lti => {}
    }
    let mut first = true;
    let work = |item: &Item| process(item, args, &base, limits, width, &stamp);
    ordered::run(&pool, &items, work, |done: Done| -> anyhow::Result<()> {
        progress.inc(1);
        if let Err(e) = &done.facts.outcome {
            exit = exit.worst(Exit::for_input_error(e.exit_code));
            if matches!(
                args.format,
                Format::Table | Format::Lti | Format::Moodle | Format::Canvas
            ) {
                progress.suspend(|| eprintln!("argmark: {} (no row written)", e.message));
            }
        }
        if done.over_fail_on {
            exit = exit.worst(Exit::Findings);
        }
        match args.format {
            Format::Json => {
                let sep = if first { "\n" } else { ",\n" };
                write!(out, "{sep}{}", indent(&done.rendered, "    "))?;
            }
            Format::Jsonl => output::write_line(&mut out, done.rendered)?,
            _ => out.write_all(done.rendered.as_bytes())?,
        }
        first = false;
        if let (Some(w), Some(text)) = (feedback.as_mut(), &done.feedback) {
            w.add(&done.facts.name, done.facts.student.as_ref(), text)
                .context("writing a feedback report")?;
        }
        summary.add(done.facts);
        Ok(())
    })?;
    progress.finish_and_clear();
    let totals = summary.to_out();
    match args.format {
        Format::Json => {
            let body = indent(&json::to_string(&totals, true), "  ");
            writeln!(out, "\n  ],\n  \"summary\": {}\n}}", body.trim_start())?;
        }
        Format::Jsonl => writeln!(
            out,
            "{}",
            json::to_string(&SummaryLine { summary: &totals }, false)
        )?,
        Format::Table => out.write_all(summary.render_table(width).as_bytes())?,
        Format::Html => out.write_all(report::html::tail().as_bytes())?,
        Format::Csv | Format::Lti | Format::Moodle | Format::Canvas => {}
    }
    out.finish()?;
    if let Some(w) = feedback {
        let n = w.finish().context("writing a feedback report")?;
        eprintln!("argmark: wrote {n} feedback report(s)");
    }
    Ok(exit)
}

/// Reads, analyses and renders one item, on a worker thread.
fn process(
    item: &Item,
    args: &CheckArgs,
    base: &Options,
    limits: Limits,
    width: u16,
    stamp: &str,
) -> Done {
    let student = item.student.as_ref();
    let mut source = match read_item(item, limits) {
        Ok(s) => s,
        Err(e) => {
            let who = rows::Who {
                file: &item.name,
                student,
            };
            let rendered = match args.format {
                Format::Table | Format::Lti | Format::Moodle | Format::Canvas => String::new(),
                Format::Csv => rows::csv_error_row(who, &e.message),
                Format::Html => maud::html! {
                    article { h1 { "argmark report: " (item.name) } p { "Not marked: " (e.message) } }
                }
                .into_string(),
                f => json::error(&item.name, student, &e, f == Format::Json),
            };
            // The student still learns why their file was not marked.
            let feedback = args.batch.reports.as_ref().map(|_| e.message.clone());
            return Done {
                facts: facts(item, Err(e)),
                rendered,
                feedback,
                over_fail_on: false,
            };
        }
    };
    let options = Options {
        document_title: source.title.take(),
        ..base.clone()
    };
    let a = analysis::analyze(std::mem::take(&mut source.text), &options);
    let table = || {
        let opts = report::table::Options {
            width,
            why: args.why,
        };
        let mut t = report::table::render(&item.name, &a, opts);
        if let Some(s) = student {
            t.insert_str(0, &student_line(s));
        }
        t
    };
    let who = rows::Who {
        file: &item.name,
        student,
    };
    let rendered = match args.format {
        Format::Table => table(),
        Format::Csv => rows::csv_row(who, &a),
        Format::Moodle => rows::moodle_row(who, &a, stamp),
        Format::Canvas => rows::canvas_row(who, &a),
        Format::Lti => rows::lti_line(who, &a, stamp),
        Format::Html => {
            report::html::article(&item.name, student.map(Student::label).as_deref(), &a)
        }
        f => json::essay(&item.name, student, &source, &a, f == Format::Json),
    };
    let feedback = args.batch.reports.as_ref().map(|_| {
        let text = if args.format == Format::Table {
            rendered.clone()
        } else {
            table()
        };
        anstream::adapter::strip_str(&text).to_string()
    });
    let over_fail_on = args
        .fail_on
        .is_some_and(|level| a.findings.iter().any(|f| f.severity >= level.severity()));
    Done {
        facts: facts(item, Ok(EssayFacts::of(&a))),
        rendered,
        feedback,
        over_fail_on,
    }
}

fn facts(item: &Item, outcome: Result<EssayFacts, argmark::batch::RowError>) -> RowFacts {
    RowFacts {
        name: item.name.clone(),
        student: item.student.clone(),
        outcome,
    }
}

fn student_line(s: &Student) -> String {
    let lms = match s.lms {
        argmark::batch::lms::Lms::Moodle => "Moodle",
        argmark::batch::lms::Lms::Canvas => "Canvas",
    };
    let late = if s.late { ", LATE" } else { "" };
    format!("Student: {} ({lms} id {}{late})\n", s.label(), s.id)
}

/// Indents every line: pretty JSON has no raw newlines inside strings, so
/// this nests a pretty object inside the envelope safely.
fn indent(text: &str, pad: &str) -> String {
    text.lines()
        .map(|l| format!("{pad}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn selection(args: &CheckArgs) -> anyhow::Result<Selection> {
    let set = |globs: &[String]| -> anyhow::Result<Option<GlobSet>> {
        if globs.is_empty() {
            return Ok(None);
        }
        let mut b = GlobSetBuilder::new();
        for g in globs {
            b.add(Glob::new(g).with_context(|| format!("bad glob `{g}`"))?);
        }
        Ok(Some(b.build()?))
    };
    Ok(Selection {
        include: set(&args.batch.include)?,
        exclude: set(&args.batch.exclude)?,
    })
}

/// A progress bar on standard error when it is a terminal; hidden (and
/// free) otherwise, so logs and pipes stay clean.
fn progress_bar(len: u64) -> ProgressBar {
    if std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    }
}
