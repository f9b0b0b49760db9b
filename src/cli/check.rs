//! `argmark check`: read, analyse, report.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use argmark::config::{self, Config};
use argmark::score::Rubric;

use argmark::analysis::{self, Options};
use argmark::read::{self, Limits, ReadError, Source};
use argmark::report;

use super::args::{CheckArgs, Format};
use super::batch_args::InputFormat;
use super::{Exit, output};
use std::io::Write;

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
    let mut sink =
        match output::Sink::open(args.output.as_deref(), &args.inputs, args.format.is_json()) {
            Ok(s) => s,
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
            Format::Html => report::html::render(&source.name, &a),
            _ => report::json::render(&source.name, source.encoding, &a),
        };
        if let Err(e) = sink.write_all(text.as_bytes()) {
            sink.abandon();
            return Err(e.into());
        }
        if let Some(level) = args.fail_on
            && a.findings.iter().any(|f| f.severity >= level.severity())
        {
            exit = exit.worst(Exit::Findings);
        }
    }
    if exit == Exit::Unreadable || exit == Exit::Unusable {
        // Nothing good to keep when the only input failed.
        if args.inputs.len() == 1 {
            sink.abandon();
            return Ok(exit);
        }
    }
    sink.finish()?;
    Ok(exit)
}

/// The options every essay of a run shares: question, topic pack, rubric
/// and checks, from the command line over `--config` over the discovered
/// `argmark.toml`.
pub fn base_options(args: &CheckArgs) -> Result<Options, String> {
    let mut config = Config::default();
    let first = args.inputs.first().filter(|p| p.as_os_str() != "-");
    let dir = match first {
        Some(p) if p.is_dir() => p.clone(),
        Some(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
        None => PathBuf::from("."),
    };
    let dir = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir
    };
    if let Some(found) = config::discover(&dir) {
        config = Config::load(&found).map_err(|e| e.to_string())?;
    }
    if let Some(path) = &args.config {
        config = Config::load(path).map_err(|e| e.to_string())?.over(config);
    }
    // The command line wins; a topic file given there beats a pack name in
    // the config and the other way round.
    let (topic, topic_file) = if args.topic.is_some() || args.topic_file.is_some() {
        (args.topic.clone(), args.topic_file.clone())
    } else {
        (config.topic.clone(), config.topic_file.clone())
    };
    let rubric = match args.rubric.as_ref().or(config.rubric.as_ref()) {
        Some(path) => Some(Arc::new(Rubric::load(path).map_err(|e| e.to_string())?)),
        None => None,
    };
    let window = match &config.window {
        Some(w) => Some(config::window(w)?),
        None => None,
    };
    Ok(Options {
        question: args.question.clone().or(config.question.clone()),
        topic: super::topics::choice(topic.as_deref(), topic_file.as_deref())?,
        document_title: None,
        window,
        rubric,
        max_mark: args.max_mark.or(config.max_mark),
        disabled: config.disable.clone(),
        severity: config.severities(),
    })
}

fn read_input(path: &Path, limits: Limits) -> Result<Source, ReadError> {
    if path.as_os_str() == "-" {
        read::read_stdin(limits)
    } else {
        read::read_path(path, limits)
    }
}
