//! The `argmark` command: a thin layer over the library. Parses arguments,
//! reads inputs, calls `argmark::analysis`, prints a report, sets the exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
