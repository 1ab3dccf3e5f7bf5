//! Work split across the machine's cores, for the steps whose cost grows with the size of
//! the registry: reading it back from the cache, finding its occurrences, writing them out.

use std::num::NonZeroUsize;
use std::thread;

/// How many threads a step may use.
fn threads() -> usize {
    thread::available_parallelism().map_or(1, NonZeroUsize::get)
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

/// Writes `count` pieces in order, made in blocks of `block` pieces by this thread and one
/// helper taking turns, so that at most a few blocks are held at any time. `make` fills a
/// buffer with the pieces in a range; `write` takes each buffer in turn.
pub fn ordered_blocks<M, W, E>(count: usize, block: usize, make: M, mut write: W) -> Result<(), E>
where
    M: Fn(std::ops::Range<usize>, &mut Vec<u8>) + Sync,
    W: FnMut(&[u8]) -> Result<(), E>,
{
    let block = block.max(1);
    let blocks = count.div_ceil(block);
    let range = |n: usize| n * block..((n + 1) * block).min(count);
    if blocks < 4 || threads() < 2 {
        let mut buf = Vec::new();
        for n in 0..blocks {
            buf.clear();
            make(range(n), &mut buf);
            write(&buf)?;
        }
        return Ok(());
    }
    thread::scope(|s| {
        let make = &make;
        // The helper makes the odd blocks; two may wait while this thread writes.
        let (send, made) = std::sync::mpsc::sync_channel::<Vec<u8>>(2);
        let helper = s.spawn(move || {
            for n in (1..blocks).step_by(2) {
                let mut buf = Vec::new();
                make(range(n), &mut buf);
                if send.send(buf).is_err() {
                    return;
                }
            }
        });
        let mut own = Vec::new();
        let mut result = Ok(());
        for n in 0..blocks {
            let written = if n % 2 == 0 {
                own.clear();
                make(range(n), &mut own);
                write(&own)
            } else {
                match made.recv() {
                    Ok(buf) => write(&buf),
                    Err(_) => break,
                }
            };
            if let Err(e) = written {
                result = Err(e);
                break;
            }
        }
        // Stops the helper at its next block if writing failed.
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
    fn blocks_are_written_in_order() {
        for count in [0, 1, 7, 100, 1001] {
            let mut out = Vec::new();
            let made = ordered_blocks(
                count,
                10,
                |range, buf| buf.extend(range.map(|n| (n % 251) as u8)),
                |buf| {
                    out.extend_from_slice(buf);
                    Ok::<(), ()>(())
                },
            );
            assert_eq!(made, Ok(()));
            let expected: Vec<u8> = (0..count).map(|n| (n % 251) as u8).collect();
            assert_eq!(out, expected);
        }
    }

    #[test]
    fn a_failed_write_stops_the_blocks() {
        let mut writes = 0;
        let made = ordered_blocks(
            1000,
            10,
            |range, buf| buf.extend(range.map(|_| 0u8)),
            |_| {
                writes += 1;
                if writes == 3 { Err("closed") } else { Ok(()) }
            },
        );
        assert_eq!(made, Err("closed"));
        assert_eq!(writes, 3);
    }
}
