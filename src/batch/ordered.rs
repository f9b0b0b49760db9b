//! Parallel work with results handed back in input order.
//!
//! Items are taken a chunk at a time: a chunk is worked on in parallel
//! while the calling thread emits the previous chunk's results in order.
//! Output order never depends on thread timing, and memory holds two
//! chunks' results, however many items there are.

use rayon::prelude::*;

/// Items per thread in a chunk: enough to keep every thread busy despite
/// uneven essay lengths (the threads wait for each other at a chunk's
/// end), few enough to keep memory small.
const PER_THREAD: usize = 64;

/// Runs `work` on every item on `pool`, calling `emit` with each result in
/// item order on the calling thread. Stops at the first error `emit`
/// returns.
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
    let mut ready: Vec<R> = Vec::new();
    for slice in items.chunks(chunk) {
        // Writing a chunk's rows while the pool works on the next one: the
        // pool's threads waited for every write before.
        let mut next = Vec::new();
        pool.in_place_scope(|s| {
            s.spawn(|_| next = slice.par_iter().map(&work).collect());
            ready.drain(..).try_for_each(&mut emit)
        })?;
        ready = next;
    }
    ready.into_iter().try_for_each(emit)
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

    #[test]
    fn the_first_emit_error_stops_the_run() {
        let items: Vec<u64> = (0..1000).collect();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut seen = Vec::new();
        let result = super::run(
            &pool,
            &items,
            |i| *i,
            |r| {
                if r == 300 {
                    return Err(r);
                }
                seen.push(r);
                Ok(())
            },
        );
        assert_eq!(result, Err(300));
        assert_eq!(seen, (0..300).collect::<Vec<_>>());
    }
}
