//! The command-line interface, as clap types.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

use super::batch_args::BatchArgs;
use super::exit::HELP;

#[derive(Debug, Parser)]
#[command(
    name = "argmark",
    version,
    about = "Reads a student's essay and reports how well its argument is built.",
    after_help = HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse an essay and print the report.
    #[command(after_help = HELP)]
    Check(Box<CheckArgs>),
    /// Show how a question is read: window, focus, command.
    Question(QuestionArgs),
    /// Explain a finding code (or list them all).
    Explain(ExplainArgs),
    /// Print the JSON Schema of the JSON report.
    Schema,
    /// Fit or evaluate the argument-role model on an annotated corpus.
    Model {
        #[command(subcommand)]
        command: super::model::ModelCommand,
    },
    /// The rubric behind suggested marks, and its calibration.
    Score {
        #[command(subcommand)]
        command: super::score::ScoreCommand,
    },
    /// List the topic packs (built in, or check one with --topic-file).
    Topics(TopicsArgs),
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Essays to read: files (.txt .md .docx .odt), folders, .zip
    /// downloads; `-` reads standard input.
    #[arg(required_unless_present = "stdin_jsonl", value_name = "FILE")]
    pub inputs: Vec<PathBuf>,
    /// The essay question. Without it, the essay's title line is used.
    #[arg(short, long)]
    pub question: Option<String>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Topic pack: `auto` (chosen from the question; the default), `none`,
    /// or a pack id as listed by `argmark topics`.
    #[arg(long, value_name = "NAME")]
    pub topic: Option<String>,
    /// Use the topic pack in this TOML file (see models/topics/README.md).
    #[arg(long, value_name = "FILE", conflicts_with = "topic")]
    pub topic_file: Option<PathBuf>,
    /// Settings file (default: `argmark.toml` in the essay's folder or the
    /// nearest folder above it). The command line overrides it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Score with this rubric (TOML; `argmark score rubric` prints the
    /// built-in one to start from).
    #[arg(long, value_name = "FILE")]
    pub rubric: Option<PathBuf>,
    /// The suggested mark's maximum (default 25, or the rubric's).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub max_mark: Option<u32>,
    /// Write the report to FILE (atomically: a temporary file, then a
    /// rename) instead of standard output. Never an input file.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Timestamp for `--format lti` (RFC 3339, e.g.
    /// 2026-05-01T09:00:00.000Z); default SOURCE_DATE_EPOCH, else now.
    #[arg(long, value_name = "TIME")]
    pub timestamp: Option<String>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Exit with code 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
    /// Show, for every sentence, its argument role and the features that
    /// decided it.
    #[arg(long)]
    pub why: bool,
    /// Fit the table to this many columns (default: the terminal's width, or
    /// 100 when the output is not a terminal).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<u16>,
    #[command(flatten)]
    pub batch: BatchArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for the terminal.
    Table,
    /// The full analysis as versioned JSON.
    Json,
    /// One JSON object per essay per line, then a summary line (batches).
    Jsonl,
    /// One CSV row per essay: level, mark, criterion levels, finding counts.
    Csv,
    /// A self-contained HTML page: the essay marked up by role, findings,
    /// rubric and timeline.
    Html,
    /// LTI Assignment and Grade Services score objects (JSON), one per essay.
    Lti,
    /// Moodle's offline grading worksheet (CSV).
    Moodle,
    /// Canvas's gradebook import (CSV).
    Canvas,
}

impl Format {
    /// Formats that cannot carry terminal escape codes: JSON writes control
    /// characters as `\u001b`.
    pub fn is_json(self) -> bool {
        matches!(self, Format::Json | Format::Jsonl | Format::Lti)
    }

    /// Formats written as rows with one header: always run as a batch.
    pub fn is_rows(self) -> bool {
        matches!(
            self,
            Format::Jsonl | Format::Csv | Format::Lti | Format::Moodle | Format::Canvas
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QuestionFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Suggestion,
    Warning,
    Error,
}

impl FailOn {
    pub fn severity(self) -> argmark::finding::Severity {
        use argmark::finding::Severity;
        match self {
            FailOn::Info => Severity::Info,
            FailOn::Suggestion => Severity::Suggestion,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct QuestionArgs {
    /// The question's wording.
    pub question: String,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = QuestionFormat::Table)]
    pub format: QuestionFormat,
}

#[derive(Debug, clap::Args)]
pub struct TopicsArgs {
    /// Load and validate this pack file and list it too.
    #[arg(long, value_name = "FILE")]
    pub topic_file: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A finding code such as `dates.after-window`; omit to list every code.
    pub code: Option<String>,
}
