//! Options of `argmark check` that only batch runs use.

use clap::ValueEnum;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
pub struct BatchArgs {
    /// In folders and archives, take only files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// In folders and archives, skip files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Threads to analyse with (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Write one feedback report per student into this folder, named for
    /// the LMS's bulk feedback upload.
    #[arg(long, value_name = "DIR")]
    pub reports: Option<PathBuf>,
    /// Read JSON Lines `{"id", "text", "question"?}` from standard input
    /// and write one JSON result per line, in order.
    #[arg(long)]
    pub stdin_jsonl: bool,
    /// How to read `-`: plain text (default) or JSON Lines.
    #[arg(long, value_enum, default_value_t = InputFormat::Text)]
    pub input_format: InputFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Jsonl,
}
