//! Parallel work with results handed back in input order.
//!
//! Items are taken a chunk at a time: a chunk is worked on in parallel,
//! then its results are emitted in order and dropped before the next
//! chunk starts. Output order never depends on thread timing, and memory
//! holds one chunk's results, however many items there are.

use rayon::prelude::*;

/// Items per thread in a chunk: enough to keep every thread busy despite
/// uneven essay lengths, few enough to keep memory small.
const PER_THREAD: usize = 32;

/// Runs `work` on every item on `pool`, calling `emit` with each result in
/// item order. Stops at the first error `emit` returns.
pub fn run<T, R, E>(
    pool: &rayon::ThreadPool,
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let chunk = pool.current_num_threads().max(1) * PER_THREAD;
    for slice in items.chunks(chunk) {
        let results: Vec<R> = pool.install(|| slice.par_iter().map(&work).collect());
        for r in results {
            emit(r)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn order_is_kept_whatever_the_threads() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 7] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut seen = Vec::new();
            super::run(
                &pool,
                &items,
                |i| i * 2,
                |r| {
                    seen.push(r);
                    Ok::<_, ()>(())
                },
            )
            .unwrap();
            assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        }
    }
}
