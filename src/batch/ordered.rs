//! Parallel work with results handed back in input order.
//!
//! A window of items is queued on the pool; the calling thread sleeps until
//! the oldest half of the window is done, hands those results on in order
//! and queues as many new items. The pool never runs dry while items remain
//! (threads do not wait for each other at a chunk's end), the calling
//! thread wakes once a half-window rather than once an item (each wake took
//! a core from a worker), output order never depends on thread timing, and
//! memory holds a window's results however many items there are.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

/// Items in flight per thread: enough to keep every thread busy despite
/// uneven essay lengths, few enough to keep memory small.
const PER_THREAD: usize = 64;

/// Results of the items in flight, oldest first.
struct Window<R> {
    /// Slot `k` is item `first + k`: its result once done.
    slots: VecDeque<Option<std::thread::Result<R>>>,
    first: usize,
    /// How many slots from the front are done.
    done: usize,
}

/// Runs `work` on every item on `pool`, calling `emit` with each result in
/// item order on the calling thread. Stops at the first error `emit`
/// returns. A panic in `work` reaches the caller, as if `work` ran here.
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
    let size = pool.current_num_threads().max(1) * PER_THREAD;
    let batch = size.div_ceil(2);
    let window = Mutex::new(Window {
        slots: VecDeque::with_capacity(size),
        first: 0,
        done: 0,
    });
    let wake = Condvar::new();
    let stopped = AtomicBool::new(false);
    let lock = || window.lock().unwrap_or_else(PoisonError::into_inner);
    pool.in_place_scope(|s| {
        let mut queued = 0;
        let mut queue = |upto: usize| {
            let upto = upto.min(items.len());
            {
                let mut w = lock();
                let len = upto - w.first;
                w.slots.resize_with(len, || None);
            }
            for i in queued..upto {
                let (work, stopped, wake) = (&work, &stopped, &wake);
                // Queued from this thread (not one of the pool's), jobs run
                // first in, first out: the oldest item is worked on first.
                s.spawn(move |_| {
                    if stopped.load(Ordering::Relaxed) {
                        return;
                    }
                    // A panic is kept for the calling thread, which would
                    // otherwise wait for this result for ever.
                    let result = catch_unwind(AssertUnwindSafe(|| work(&items[i])));
                    let mut w = lock();
                    let first = w.first;
                    w.slots[i - first] = Some(result);
                    while w.slots.get(w.done).is_some_and(Option::is_some) {
                        w.done += 1;
                    }
                    if w.done >= batch.min(items.len() - w.first) {
                        wake.notify_one();
                    }
                });
            }
            queued = queued.max(upto);
        };
        queue(size);
        let mut emitted = 0;
        while emitted < items.len() {
            let ready: Vec<_> = {
                let mut w = lock();
                while w.done < batch.min(items.len() - w.first) {
                    w = wake.wait(w).unwrap_or_else(PoisonError::into_inner);
                }
                let n = w.done;
                w.first += n;
                w.done = 0;
                w.slots.drain(..n).flatten().collect()
            };
            emitted += ready.len();
            queue(emitted + size);
            for result in ready {
                let r = result.unwrap_or_else(|panic| {
                    stopped.store(true, Ordering::Relaxed);
                    resume_unwind(panic)
                });
                if let Err(e) = emit(r) {
                    stopped.store(true, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
    }

    /// Every result `run` hands on, in the order it does.
    fn emitted(threads: usize, items: &[u64], work: impl Fn(&u64) -> u64 + Sync) -> Vec<u64> {
        let mut seen = Vec::new();
        let push = |r| {
            seen.push(r);
            Ok::<_, ()>(())
        };
        super::run(&pool(threads), items, work, push).unwrap();
        seen
    }

    #[test]
    fn order_is_kept_whatever_the_threads() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 7] {
            let doubled: Vec<u64> = items.iter().map(|i| i * 2).collect();
            assert_eq!(emitted(threads, &items, |i| i * 2), doubled);
        }
    }

    #[test]
    fn order_is_kept_when_items_finish_out_of_order() {
        // Every third item takes longer, so later items finish first.
        let items: Vec<u64> = (0..300).collect();
        let slow = |i: &u64| {
            if i.is_multiple_of(3) {
                std::thread::sleep(std::time::Duration::from_micros(300));
            }
            *i
        };
        assert_eq!(emitted(3, &items, slow), items);
    }

    #[test]
    fn a_panic_in_work_reaches_the_caller() {
        let items: Vec<u64> = (0..500).collect();
        let mut seen = Vec::new();
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let fails_at_200 = |&i: &u64| {
                assert_ne!(i, 200, "item 200 fails");
                i
            };
            let push = |r| {
                seen.push(r);
                Ok::<_, ()>(())
            };
            super::run(&pool(2), &items, fails_at_200, push)
        }));
        assert!(run.is_err());
        // Items before the one that failed were handed on, in order.
        assert!(seen.len() <= 200);
        assert_eq!(seen, (0..seen.len() as u64).collect::<Vec<_>>());
    }

    #[test]
    fn the_first_emit_error_stops_the_run() {
        let items: Vec<u64> = (0..1000).collect();
        let mut seen = Vec::new();
        let stop_at_300 = |r| {
            if r == 300 {
                return Err(r);
            }
            seen.push(r);
            Ok(())
        };
        let result = super::run(&pool(2), &items, |i| *i, stop_at_300);
        assert_eq!(result, Err(300));
        assert_eq!(seen, (0..300).collect::<Vec<_>>());
    }
}
