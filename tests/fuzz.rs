//! A bounded, deterministic mutation fuzzer that runs on stable Rust, so CI
//! (which has no nightly toolchain for cargo-fuzz) still fuzzes the whole
//! pipeline on every run.
//!
//! It mutates the files in `fuzz/corpus/*/` and `samples/` with a seeded
//! xorshift generator and checks `support::invariants` on each result.
//! `ARGMARK_FUZZ_SECS` bounds the run (default 5 s under a plain
//! `cargo test`; `.ci/run` gives it longer), `ARGMARK_FUZZ_SEED` picks
//! another sequence. A crashing input is saved under the target directory
//! and named in the failure, so it can be moved into the corpus.

mod support;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::invariants;

/// Inputs past this size are cut: cost is tested by the scaling bench, and
/// small inputs mean many more of them per second.
const MAX_INPUT: usize = 32 * 1024;

/// The shapes that break text pipelines, spliced into the corpus.
const TOKENS: &[&str] = &[
    "St. ",
    "Dr. ",
    "Mr. ",
    "e.g. ",
    "i.e. ",
    "etc. ",
    "c. ",
    "pp. 12–14",
    "No. 3",
    "Oct. ",
    "V. I. Lenin",
    "U.S.S.R.",
    "1917",
    "1918–21",
    "1918-1921",
    "from 1918 to 1921",
    "between 1914 and 1924",
    "25 October (7 November) 1917",
    "February (or March, in the New Style calendar) 1917",
    "the 1920s",
    "the early twentieth century",
    "the spring of 1918",
    "late 1917",
    "the following year",
    "two years later",
    "in August",
    "31 February 1917",
    "0 May 1917",
    "99999",
    "9999999999999999999",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    "((((((",
    "))))))",
    "...",
    "…",
    "?!",
    ". . .",
    "Лев Троцкий",
    "Ленин",
    "Großdeutschland",
    "🙂",
    "👍🏽",
    "👨‍👩‍👧",
    "שלום",
    "مرحبا",
    "\u{202E}",
    "\u{200F}",
    "e\u{301}\u{302}",
    "\u{301}",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{feff}",
    "\u{85}",
    "\u{2028}",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\n\n\n\n",
    "\t",
    "\u{a0}",
    "  ",
    "# ",
    "## Title\n",
    "- ",
    "* ",
    "1. ",
    "> ",
    "```\n",
    "http://example.com/a.b.c",
    "Trotsky",
    "Bolsheviks",
    "however",
    "because",
    "In conclusion, ",
    "This essay will argue that ",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn corpus() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("samples")];
    if let Ok(rd) = std::fs::read_dir(root.join("fuzz/corpus")) {
        dirs.extend(rd.flatten().map(|e| e.path()));
    }
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flat_map(|rd| rd.flatten().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort(); // a fixed order keeps a seed's run reproducible
    files
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            Some((p.display().to_string(), bytes))
        })
        .collect()
}

/// One mutation of `input`, drawing on the corpus for splices.
fn mutate(rng: &mut Rng, input: &mut Vec<u8>, corpus: &[(String, Vec<u8>)]) {
    let at = rng.below(input.len() + 1);
    match rng.below(8) {
        0 if !input.is_empty() => {
            let i = rng.below(input.len());
            input[i] ^= 1 << rng.below(8);
        }
        1 if !input.is_empty() => {
            let end = (at + rng.below(64)).min(input.len());
            input.drain(at.min(end)..end);
        }
        2 => {
            let other = &corpus[rng.below(corpus.len())].1;
            let s = rng.below(other.len() + 1);
            let e = (s + rng.below(512)).min(other.len());
            input.splice(at..at, other[s..e].iter().copied());
        }
        3 => {
            let end = (at + rng.below(32)).min(input.len());
            let piece: Vec<u8> = input[at..end].to_vec();
            for _ in 0..rng.below(20) {
                input.splice(at..at, piece.iter().copied());
            }
        }
        4 => {
            // A very long word or run of one character.
            let c = TOKENS[rng.below(TOKENS.len())].as_bytes().to_vec();
            let n = 1 + rng.below(2000);
            let run: Vec<u8> = c.iter().copied().cycle().take(c.len() * n).collect();
            input.splice(at..at, run);
        }
        _ => {
            let t = TOKENS[rng.below(TOKENS.len())];
            input.splice(at..at, t.bytes());
        }
    }
    input.truncate(MAX_INPUT);
}

/// Runs every invariant on one input; returns false if it panicked.
fn run_one(bytes: &[u8]) -> bool {
    catch_unwind(AssertUnwindSafe(|| {
        invariants::check_bytes(bytes);
        let text = String::from_utf8_lossy(bytes);
        let first = invariants::check_text(&text);
        let line = text.lines().next().unwrap_or_default();
        invariants::check_question(line);
        invariants::check_dates(&text);
        // Determinism: the same text gives the same report.
        assert_eq!(
            first,
            invariants::check_text(&text),
            "output differs between runs"
        );
    }))
    .is_ok()
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn mutation_fuzz_keeps_every_invariant() {
    let secs = env_u64("ARGMARK_FUZZ_SECS", 5);
    let mut rng = Rng(env_u64("ARGMARK_FUZZ_SEED", 0x9e37_79b9_7f4a_7c15) | 1);
    let corpus = corpus();
    assert!(!corpus.is_empty(), "no corpus found");
    let deadline = Instant::now() + Duration::from_secs(secs);
    let (mut tried, mut from_corpus) = (0u64, 0u64);
    // Corpus files and mutations alternate until the corpus is done, then
    // mutations only; the deadline bounds both, so a grown corpus never
    // makes `cargo test` slow or crowds out the mutations.
    let mut queue: Vec<Vec<u8>> = corpus.iter().rev().map(|(_, b)| b.clone()).collect();
    while Instant::now() < deadline {
        let input = if let Some(seed) = queue.pop_if(|_| tried % 2 == 0) {
            from_corpus += 1;
            seed
        } else {
            let mut input = corpus[rng.below(corpus.len())].1.clone();
            for _ in 0..1 + rng.below(6) {
                mutate(&mut rng, &mut input, &corpus);
            }
            input
        };
        tried += 1;
        if !run_one(&input) {
            let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
            let path = dir.join(format!("fuzz-crash-{tried}"));
            std::fs::write(&path, &input).expect("save the crashing input");
            panic!(
                "input {tried} broke an invariant; saved as {}",
                path.display()
            );
        }
    }
    println!(
        "stable fuzz: {tried} inputs ({from_corpus} of {} corpus files, {} mutations) in {secs} s",
        corpus.len(),
        tried - from_corpus
    );
}
