//! Command-line definition and dispatch.

mod args;
mod batch;
mod batch_args;
mod check;
mod exit;
mod explain;
mod jsonl;
mod model;
mod output;
mod question;
mod safe_out;
mod score;
mod topics;

use clap::Parser;
use std::process::ExitCode;

pub use exit::Exit;

/// Parses the command line and runs the chosen command.
pub fn run() -> ExitCode {
    let args = args::Cli::parse();
    let result = match args.command {
        args::Command::Check(c) => check::run(&c),
        args::Command::Question(q) => question::run(&q),
        args::Command::Explain(e) => explain::run(&e),
        args::Command::Model { command } => model::run(&command),
        args::Command::Topics(t) => topics::run(&t),
        args::Command::Score { command } => score::run(&command),
        args::Command::Schema => output::print(&argmark::report::json::schema()),
    };
    match result {
        Ok(exit) => exit.into(),
        Err(err) => {
            // A closed pipe (`argmark check … | head`) is not a failure.
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return Exit::Ok.into();
            }
            eprintln!("argmark: {err:#}");
            Exit::Internal.into()
        }
    }
}
