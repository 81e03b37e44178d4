//! The tally on every core: rows are dealt to worker threads by account,
//! each worker keeps its own accounts' tally, and their verdicts merge into
//! the one a single tally gives (a test holds them equal).
//!
//! The reading thread copies each row into a batch for its account's
//! worker; batches go over bounded channels, so memory stays a few batches
//! per worker whatever the input's size.

use std::hash::BuildHasher;
use std::sync::mpsc;

use super::read::{Plan, Row};
use super::tally::Tally;
use super::verdict::{Verdict, merge, verdict};
use crate::motion::Motion;
use crate::profile::pql::Pql;

/// Rows per batch: large enough that a channel send is rare, small enough
/// that the workers start early.
const BATCH_ROWS: usize = 4096;
/// Bytes per batch, whichever comes first: long rows make fewer per batch,
/// so memory stays bounded by the batches in flight, not by row length.
const BATCH_BYTES: usize = 1 << 20;
/// Batches in flight per worker.
const IN_FLIGHT: usize = 4;

/// A row's fields, as ranges of the batch's bytes.
struct Packed {
    ts: i64,
    account: (u32, u32),
    user: (u32, u32),
    event: (u32, u32),
    email: Option<(u32, u32)>,
    plan: Option<Plan>,
}

#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    rows: Vec<Packed>,
}

impl Batch {
    fn push(&mut self, row: &Row<'_>) {
        let mut put = |field: &[u8]| {
            let start = self.bytes.len() as u32;
            self.bytes.extend_from_slice(field);
            (start, self.bytes.len() as u32)
        };
        let packed = Packed {
            ts: row.ts,
            account: put(row.account),
            user: put(row.user),
            event: put(row.event),
            email: row.email.map(&mut put),
            plan: row.plan,
        };
        self.rows.push(packed);
    }

    fn each(&self, mut f: impl FnMut(&Row<'_>)) {
        let at = |(a, b): (u32, u32)| &self.bytes[a as usize..b as usize];
        for p in &self.rows {
            f(&Row {
                ts: p.ts,
                account: at(p.account),
                user: at(p.user),
                event: at(p.event),
                email: p.email.map(at),
                plan: p.plan,
            });
        }
    }
}

/// How many workers to use: one per core the process may use.
pub fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `feed`, which hands every usable row to the function it is given,
/// with the tally spread over `workers` threads; returns the merged verdict
/// and what `feed` returned.
pub fn tally<E>(
    pql: &Pql,
    as_of: i64,
    motion: Motion,
    workers: usize,
    feed: impl FnOnce(&mut dyn FnMut(&Row<'_>)) -> Result<(), E>,
) -> Result<Verdict, E> {
    let workers = workers.max(1);
    // A fixed seed: which worker holds an account never matters to the
    // answer, only to the balance.
    let hasher = foldhash::fast::FixedState::with_seed(0x5eed);
    std::thread::scope(|scope| {
        let mut senders = Vec::with_capacity(workers);
        let mut handles = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (send, receive) = mpsc::sync_channel::<Batch>(IN_FLIGHT);
            senders.push(send);
            handles.push(scope.spawn(move || {
                let mut tally = Tally::new(pql, as_of);
                for batch in receive {
                    batch.each(|row| tally.add(row));
                }
                verdict(tally, pql, motion)
            }));
        }
        let mut batches: Vec<Batch> = (0..workers).map(|_| Batch::default()).collect();
        let mut deal = |row: &Row<'_>| {
            let shard = (hasher.hash_one(row.account) % workers as u64) as usize;
            let batch = &mut batches[shard];
            batch.push(row);
            if batch.rows.len() >= BATCH_ROWS || batch.bytes.len() >= BATCH_BYTES {
                let full = std::mem::take(batch);
                // A worker only stops early by panicking, which the join below reports.
                let _ = senders[shard].send(full);
            }
        };
        let fed = feed(&mut deal);
        for (batch, send) in batches.into_iter().zip(&senders) {
            if !batch.rows.is_empty() {
                let _ = send.send(batch);
            }
        }
        drop(senders);
        let parts: Vec<Verdict> = handles
            .into_iter()
            .map(|h| h.join().expect("a tally worker panicked"))
            .collect();
        fed.map(|()| merge(parts).expect("at least one worker"))
    })
}
