//! One scaling case, for peak memory under `/usr/bin/time -v`:
//! `cargo run --release --example scale -- 1048576` (an essay of that many
//! bytes) or `-- words-100k` (a worst shape; see benches/shapes.rs).
//! Prints the input size and the analysis + rendering time.

#[path = "../benches/shapes.rs"]
#[allow(dead_code)] // the bench uses the size and shape lists
mod shapes;

use argmark::analysis::{Options, analyze};
use argmark::report::{json, table};
use std::time::Instant;

fn main() {
    let arg = std::env::args()
        .nth(1)
        .expect("a size in bytes or a shape name");
    let text = match arg.parse::<usize>() {
        Ok(bytes) => shapes::essay(bytes),
        Err(_) => shapes::shape(&arg),
    };
    let len = text.len();
    let start = Instant::now();
    let a = analyze(text, &Options::default());
    let analysed = start.elapsed();
    let j = json::render("scale.txt", "UTF-8", &a);
    let t = table::render("scale.txt", &a, table::Options::default());
    let total = start.elapsed();
    println!(
        "{arg}: {len} bytes, {} paragraphs, {} sentences, {} dates, analyse {:.3} s, total {:.3} s ({} + {} bytes out)",
        a.doc.paragraphs.len(),
        a.doc.sentence_count(),
        a.dates.len(),
        analysed.as_secs_f64(),
        total.as_secs_f64(),
        j.len(),
        t.len()
    );
}
