//! Time for `check` on each sample and on a 5,000-word essay (analysis and
//! rendering; start-up is measured separately with hyperfine, see README).

use argmark::analysis::{Options, analyze};
use argmark::report::{json, table};

// The allocator the `argmark` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn sample(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    std::fs::read_to_string(path).expect("sample")
}

/// A 5,000-word essay made of the samples' paragraphs, in a fixed order.
fn long_essay() -> String {
    let mut text =
        String::from("Trotsky's contribution to the success of the Bolsheviks up to 1922\n\n");
    let parts: Vec<String> = [
        "strong.txt",
        "narrative.txt",
        "drift.txt",
        "planted-errors.txt",
    ]
    .iter()
    .map(|n| {
        sample(n)
            .split_once("\n\n")
            .map(|(_, body)| body.to_string())
            .unwrap_or_default()
    })
    .collect();
    let mut i = 0;
    while text.split_whitespace().count() < 5_000 {
        text.push_str(&parts[i % parts.len()]);
        text.push_str("\n\n");
        i += 1;
    }
    text
}

#[divan::bench(args = ["strong.txt", "narrative.txt", "drift.txt", "wrapped.txt", "versailles.txt", "planted-errors.txt", "weimar.md"])]
fn check_sample(bencher: divan::Bencher, name: &str) {
    let text = sample(name);
    bencher.bench(|| {
        let a = analyze(divan::black_box(text.clone()), &Options::default());
        table::render(name, &a, table::Options::default())
    });
}

#[divan::bench]
fn check_5000_words_table(bencher: divan::Bencher) {
    let text = long_essay();
    bencher.bench(|| {
        let a = analyze(divan::black_box(text.clone()), &Options::default());
        table::render("long", &a, table::Options::default())
    });
}

#[divan::bench]
fn check_5000_words_json(bencher: divan::Bencher) {
    let text = long_essay();
    bencher.bench(|| {
        let a = analyze(divan::black_box(text.clone()), &Options::default());
        json::render("long", "UTF-8", &a)
    });
}
