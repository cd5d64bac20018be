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

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crate::store::Store;

    #[tokio::test]
    async fn committed_writes_reach_the_database_file_without_the_writer_checkpointing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ladder.db");
        let store = Store::open(&path).await.unwrap();
        let size = || std::fs::metadata(&path).unwrap().len();
        let before = size();

        store
            .write
            .write(|conn| {
                Box::pin(async move {
                    sqlx::query("create table t (body text)")
                        .execute(&mut *conn)
                        .await?;
                    sqlx::query(
                        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 50) \
                         insert into t select hex(randomblob(2000)) from n",
                    )
                    .execute(&mut *conn)
                    .await
                })
            })
            .await
            .unwrap();

        // Far fewer pages than the writer's own threshold: only the checkpointer copies them.
        let deadline = Instant::now() + Duration::from_secs(10);
        while size() <= before && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(size() > before + 50 * 4000, "{} -> {}", before, size());
    }
}
