//! Checkpoints beside the writer: copying the write-ahead log back into the database file (and
//! syncing it) happens on a connection of its own, so commits never wait for it. The writer
//! checkpoints by itself only if this falls far behind.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
    time::Duration,
};

use sqlx::SqlitePool;

/// How often to look for committed work to checkpoint.
const EVERY: Duration = Duration::from_millis(250);

/// Pages the log may hold before the writer checkpoints in its own commit (about 32 MiB).
pub(crate) const WRITER_FALLBACK_PAGES: &str = "8000";

/// Counts commits, so the checkpointer knows whether there is anything to do.
#[derive(Clone, Debug, Default)]
pub(crate) struct Commits(Arc<AtomicU64>);

impl Commits {
    pub(crate) fn add(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }

    fn count(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Starts the task that checkpoints through `pool` (one read-write connection) after commits.
pub(crate) fn start(pool: SqlitePool, commits: Commits) {
    tokio::spawn(async move {
        let mut done = 0;
        let mut ticks = tokio::time::interval(EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if pool.is_closed() {
                return;
            }
            let now = commits.count();
            if now == done {
                continue;
            }
            // PASSIVE never blocks readers or the writer; what it cannot copy now waits for the
            // next round.
            match sqlx::query("pragma wal_checkpoint(passive)")
                .execute(&pool)
                .await
            {
                Ok(_) => done = now,
                Err(error) if pool.is_closed() => {
                    tracing::debug!(%error, "checkpointer stopped");
                    return;
                }
                Err(error) => tracing::warn!(%error, "checkpoint failed"),
            }
        }
    });
}
