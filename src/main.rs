//! The `argmark` command: a thin layer over the library. Parses arguments,
//! reads inputs, calls `argmark::analysis`, prints a report, sets the exit code.

mod cli;

use std::process::ExitCode;

// An essay's analysis makes many small, short-lived allocations (words,
// spans, findings); mimalloc serves them in a fraction of the system
// allocator's time and keeps per-thread heaps, so batch threads don't
// contend for one arena.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
