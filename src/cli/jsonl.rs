//! `argmark check --stdin-jsonl`: JSON Lines in on standard input, one
//! JSON result per line out, in the same order, read and answered a chunk
//! at a time so an endless stream runs in bounded memory.

use std::io::{BufRead, Write};

use argmark::batch::{jsonl, ordered};

use super::Exit;
use super::args::CheckArgs;

/// Lines read before a chunk is answered in parallel.
const CHUNK: usize = 256;

pub fn run(args: &CheckArgs) -> anyhow::Result<Exit> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.batch.jobs.unwrap_or(0))
        .build()?;
    let defaults = match super::check::base_options(args) {
        Ok(o) => o,
        Err(message) => {
            eprintln!("argmark: {message}");
            return Ok(Exit::Usage);
        }
    };
    let mut input = std::io::stdin().lock();
    let mut out = std::io::stdout().lock();
    let mut exit = Exit::Ok;
    let mut number = 0usize;
    loop {
        let mut lines = Vec::with_capacity(CHUNK);
        while lines.len() < CHUNK {
            let mut buf = Vec::new();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            number += 1;
            // Blank lines (a trailing newline, spacing) are not requests.
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            lines.push((number, buf));
        }
        if lines.is_empty() {
            break;
        }
        let work = |(n, bytes): &(usize, Vec<u8>)| {
            if bytes.len() as u64 > args.max_bytes {
                let message = format!("over the limit of {} bytes", args.max_bytes);
                return jsonl::failure(*n, None, "too_large", message);
            }
            match std::str::from_utf8(bytes) {
                Ok(text) => jsonl::answer(*n, text, &defaults),
                Err(_) => jsonl::failure(*n, None, "encoding", "not UTF-8".into()),
            }
        };
        ordered::run(&pool, &lines, work, |(line, error)| -> anyhow::Result<()> {
            if let Some(e) = error {
                exit = exit.worst(Exit::for_input_error(e.exit_code));
            }
            super::output::write_line(&mut out, line)?;
            Ok(())
        })?;
        out.flush()?;
    }
    Ok(exit)
}
