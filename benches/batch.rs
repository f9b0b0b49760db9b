//! Batch throughput: synthetic essays of 300–1,200 words analysed on 1 and
//! 2 threads through the same ordered parallel runner the CLI uses.

use argmark::analysis::{Options, analyze};
use argmark::batch::ordered;
use divan::Bencher;
use divan::counter::ItemsCount;

#[path = "../examples/synthetic.rs"]
mod synthetic;

const ESSAYS: usize = 500;

// The allocator the `argmark` binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

#[divan::bench(args = [1, 2], sample_count = 10)]
fn essays_per_second(bencher: Bencher, threads: usize) {
    let corpus: Vec<String> = (0..ESSAYS).map(synthetic::essay).collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let options = Options::default();
    bencher.counter(ItemsCount::new(ESSAYS)).bench(|| {
        let mut findings = 0usize;
        ordered::run(
            &pool,
            &corpus,
            |text| analyze(text.clone(), &options).findings.len(),
            |n| {
                findings += n;
                Ok::<_, ()>(())
            },
        )
        .unwrap();
        findings
    });
}
