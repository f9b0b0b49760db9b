//! Time against input size (1 KB to the 10 MiB default limit) and for the
//! worst shapes. Linear cost means each tenfold size step costs about ten
//! times as much. Peak memory: `examples/scale.rs` under `/usr/bin/time -v`.

#[path = "shapes.rs"]
mod shapes;

use argmark::analysis::{Options, analyze};
use argmark::report::json;

// The allocator the `argmark` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn run(text: &str) -> usize {
    let a = analyze(text.to_owned(), &Options::default());
    json::render("scale.txt", "UTF-8", &a).len()
}

#[divan::bench(args = shapes::SIZES, sample_count = 3, sample_size = 1)]
fn essay_bytes(bencher: divan::Bencher, bytes: usize) {
    let text = shapes::essay(bytes);
    bencher.bench(|| run(divan::black_box(&text)));
}

#[divan::bench(args = shapes::SHAPES, sample_count = 3, sample_size = 1)]
fn worst_shape(bencher: divan::Bencher, name: &str) {
    let text = shapes::shape(name);
    bencher.bench(|| run(divan::black_box(&text)));
}
