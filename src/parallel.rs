//! Work split across the machine's cores, for the steps whose cost grows with the size of
//! the registry: reading it back from the cache, finding its occurrences, writing them out.
//! Results come back in order, so no answer depends on how many threads there were.

use std::num::NonZeroUsize;
use std::sync::OnceLock;
use std::thread;

/// How many threads a step may use: asked once, as the answer costs a few file reads.
fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| thread::available_parallelism().map_or(1, NonZeroUsize::get))
}

/// `f` applied to consecutive runs of `items`, in order: one run per core, each of at least
/// `min_run` items, so that a small input costs no thread at all.
pub fn map_runs<'a, T, R, F>(items: &'a [T], min_run: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&'a [T]) -> R + Sync,
{
    let runs = items.len() / min_run.max(1);
    if runs < 2 {
        return vec![f(items)];
    }
    let runs = runs.min(threads());
    if runs < 2 {
        return vec![f(items)];
    }
    let size = items.len().div_ceil(runs);
    thread::scope(|s| {
        let f = &f;
        let mut parts = items.chunks(size);
        let first = parts.next().unwrap_or_default();
        let others: Vec<_> = parts.map(|part| s.spawn(move || f(part))).collect();
        let mut out = Vec::with_capacity(runs);
        out.push(f(first));
        for handle in others {
            match handle.join() {
                Ok(r) => out.push(r),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// Hands `take` the results of `make(0)`, `make(1)`, … `make(count - 1)` in order, made by
/// this thread and one helper taking turns, so that few results are held at any time. Each
/// piece should be worth a thread's while: one piece alone is made here.
pub fn in_turn<T, M, W, E>(count: usize, make: M, mut take: W) -> Result<(), E>
where
    T: Send,
    M: Fn(usize) -> T + Sync,
    W: FnMut(T) -> Result<(), E>,
{
    if count < 2 || threads() < 2 {
        return (0..count).try_for_each(|n| take(make(n)));
    }
    thread::scope(|s| {
        let make = &make;
        // The helper makes the odd ones; two may wait while this thread takes.
        let (send, made) = std::sync::mpsc::sync_channel::<T>(2);
        let helper = s.spawn(move || {
            for n in (1..count).step_by(2) {
                if send.send(make(n)).is_err() {
                    return;
                }
            }
        });
        let mut result = Ok(());
        for n in 0..count {
            let next = if n % 2 == 0 {
                make(n)
            } else {
                match made.recv() {
                    Ok(next) => next,
                    Err(_) => break,
                }
            };
            if let Err(e) = take(next) {
                result = Err(e);
                break;
            }
        }
        // Stops the helper at its next piece if taking failed.
        drop(made);
        if let Err(panic) = helper.join() {
            std::panic::resume_unwind(panic);
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_keep_their_order() {
        let items: Vec<u32> = (0..10_000).collect();
        let sums: Vec<Vec<u32>> = map_runs(&items, 100, <[u32]>::to_vec);
        assert_eq!(sums.concat(), items);
        assert_eq!(map_runs(&items[..150], 100, <[u32]>::len), vec![150]);
    }

    #[test]
    fn results_are_taken_in_order() {
        for count in [0, 1, 3, 4, 101] {
            let mut out = Vec::new();
            let taken = in_turn(
                count,
                |n| n * 2,
                |x| {
                    out.push(x);
                    Ok::<(), ()>(())
                },
            );
            assert_eq!(taken, Ok(()));
            assert_eq!(out, (0..count).map(|n| n * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_failed_take_stops_the_rest() {
        let mut takes = 0;
        let taken = in_turn(
            100,
            |n| n,
            |_| {
                takes += 1;
                if takes == 3 { Err("closed") } else { Ok(()) }
            },
        );
        assert_eq!(taken, Err("closed"));
        assert_eq!(takes, 3);
    }
}
