//! `argmark check`: read, analyse, report.

use std::path::Path;

use argmark::analysis::{self, Options};
use argmark::read::{self, Limits, ReadError, Source};
use argmark::report;

use super::args::{CheckArgs, Format};
use super::batch_args::InputFormat;
use super::{Exit, output};

pub fn run(args: &CheckArgs) -> anyhow::Result<Exit> {
    if args.batch.stdin_jsonl || args.batch.input_format == InputFormat::Jsonl {
        return super::jsonl::run(args);
    }
    if super::batch::wanted(args) {
        return super::batch::run(args);
    }
    let limits = Limits {
        max_bytes: args.max_bytes,
    };
    let base = match base_options(args) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("argmark: {message}");
            return Ok(Exit::Usage);
        }
    };
    let mut exit = Exit::Ok;
    for input in &args.inputs {
        let source = match read_input(input, limits) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("argmark: {e}");
                exit = exit.worst(if e.exit_code() == 3 {
                    Exit::Unreadable
                } else {
                    Exit::Unusable
                });
                continue;
            }
        };
        let options = Options {
            document_title: source.title,
            ..base.clone()
        };
        let a = analysis::analyze(source.text, &options);
        let text = match args.format {
            Format::Table => report::table::render(
                &source.name,
                &a,
                report::table::Options {
                    width: output::width(args.width),
                    why: args.why,
                },
            ),
            Format::Json | Format::Jsonl => report::json::render(&source.name, source.encoding, &a),
        };
        output::print(&text)?;
        if let Some(level) = args.fail_on
            && a.findings.iter().any(|f| f.severity >= level.severity())
        {
            exit = exit.worst(Exit::Findings);
        }
    }
    Ok(exit)
}

/// The options every essay of a run shares: the question and the topic pack.
pub fn base_options(args: &CheckArgs) -> Result<Options, String> {
    Ok(Options {
        question: args.question.clone(),
        topic: super::topics::choice(args)?,
        ..Options::default()
    })
}

fn read_input(path: &Path, limits: Limits) -> Result<Source, ReadError> {
    if path.as_os_str() == "-" {
        read::read_stdin(limits)
    } else {
        read::read_path(path, limits)
    }
}
