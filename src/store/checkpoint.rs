//! Checkpoints beside the writer: copying the write-ahead log back into the database file (and
//! syncing it) happens on a connection of its own, so commits do not wait for it.
//!
//! A PASSIVE checkpoint never blocks the writer, but while writes keep coming it never catches
//! the end of the log either, and SQLite starts the log over only once all of it is copied. So
//! when the log grows long, the writer is asked to finish the job between two transactions: it
//! copies only the few pages written since this checkpoint, nothing is written meanwhile, and its
//! next commit starts the log from the beginning. Without that, the writer would checkpoint the
//! whole log itself once it held `WRITER_FALLBACK_PAGES`.

use std::{
    path::{Path, PathBuf},
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::Duration,
};

use sqlx::{SqliteConnection, SqlitePool};

/// How often to look for committed work to checkpoint.
const EVERY: Duration = Duration::from_millis(250);

/// Pages in the log (about 8 MiB) past which the writer is asked to let it start over.
const RESTART_AFTER_PAGES: i64 = 2048;

/// Pages the log may hold before the writer checkpoints in its own commit (about 32 MiB).
pub(crate) const WRITER_FALLBACK_PAGES: &str = "8000";

/// What the writer and the checkpointer tell each other: how many commits there were, and
/// whether the log should be finished and started over.
#[derive(Clone, Debug, Default)]
pub(crate) struct Log(Arc<LogState>);

#[derive(Debug, Default)]
struct LogState {
    commits: AtomicU64,
    restart: AtomicBool,
}

impl Log {
    pub(crate) fn committed(&self) {
        self.0.commits.fetch_add(1, Ordering::Relaxed);
    }

    fn commits(&self) -> u64 {
        self.0.commits.load(Ordering::Relaxed)
    }

    /// Called by the writer between transactions: finishes the checkpoint when asked to.
    pub(crate) async fn finish_if_asked(&self, conn: &mut SqliteConnection) {
        if self.0.restart.swap(false, Ordering::Relaxed)
            && let Err(error) = checkpoint(&mut *conn, "writer").await
        {
            tracing::warn!(%error, "writer checkpoint failed");
        }
    }
}

/// Starts the task that checkpoints through `pool` (one read-write connection) after commits.
pub(crate) fn start(pool: SqlitePool, database: PathBuf, log: Log) {
    tokio::spawn(async move {
        let mut done = 0;
        let mut ticks = tokio::time::interval(EVERY);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if pool.is_closed() {
                return;
            }
            let now = log.commits();
            if now == done {
                continue;
            }
            match round(&pool, &database, &log).await {
                Ok(()) => done = now,
                Err(error) if pool.is_closed() => {
                    tracing::debug!(%error, "checkpointer stopped");
                    return;
                }
                Err(error) => tracing::warn!(%error, "checkpoint failed"),
            }
        }
    });
}

/// Copies what it can of the log; when the log is long, prepares the writer's finishing
/// checkpoint and asks for it.
async fn round(pool: &SqlitePool, database: &Path, log: &Log) -> sqlx::Result<()> {
    let mut conn = pool.acquire().await?;
    if checkpoint(&mut conn, "background").await? < RESTART_AFTER_PAGES {
        return Ok(());
    }
    // A checkpoint that stops short of the end of the log does not sync the database file; the
    // writer's would then have to flush all these pages. Flush them here, copy what was committed
    // meanwhile, and leave the writer only the last few pages.
    let (database, started) = (database.to_owned(), std::time::Instant::now());
    tokio::task::spawn_blocking(move || super::writer::sync_file(&database))
        .await
        .map_err(|error| sqlx::Error::Io(std::io::Error::other(error)))??;
    tracing::trace!(took = ?started.elapsed(), "database flushed");
    checkpoint(&mut conn, "background").await?;
    log.0.restart.store(true, Ordering::Relaxed);
    Ok(())
}

/// Runs one PASSIVE checkpoint (`by` names who, for the log); returns the pages the log held.
async fn checkpoint(conn: &mut SqliteConnection, by: &'static str) -> sqlx::Result<i64> {
    let started = std::time::Instant::now();
    let (_, pages, copied): (i64, i64, i64) = sqlx::query_as("pragma wal_checkpoint(passive)")
        .fetch_one(conn)
        .await?;
    tracing::trace!(by, pages, copied, took = ?started.elapsed(), "checkpoint");
    Ok(pages)
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
