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
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::Duration,
};

use sqlx::{SqliteConnection, SqlitePool};

use super::writer::Flushable;

/// How often to look for committed work to checkpoint.
const EVERY: Duration = Duration::from_millis(50);

/// Pages in the log (about 8 MiB) past which the writer is asked to let it start over.
const RESTART_AFTER_PAGES: i64 = 2048;

/// Pages copied since the database file was last flushed that the writer's checkpoint may be
/// left to flush.
const LEFT_FOR_THE_WRITER: i64 = 128;

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
pub(crate) fn start(pool: SqlitePool, database: Flushable, log: Log) {
    tokio::spawn(async move {
        if let Err(error) = lower_priority(&pool).await {
            tracing::debug!(%error, "the checkpoint thread keeps its priority");
        }
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
                Ok(true) => done = now,
                // A reader still needed older pages: try again at the next tick, even if nothing
                // more is written, or the rest of the log would stay uncopied until the next write.
                Ok(false) => {}
                Err(error) if pool.is_closed() => {
                    tracing::debug!(%error, "checkpointer stopped");
                    return;
                }
                Err(error) => tracing::warn!(%error, "checkpoint failed"),
            }
        }
    });
}

/// How much less CPU priority (in nice steps) the checkpoint connection's thread takes. Copying
/// pages is background work: on a busy core it should yield to requests, or every checkpoint
/// shows up in their latency (measured: p99 of plan creation at half the maximum rate went from
/// about 7 ms without checkpoints to over 20 ms with them, at the same priority).
#[cfg(target_os = "linux")]
const NICER_BY: i32 = 10;

/// Lowers the CPU priority of the thread that runs the checkpoint connection's statements. sqlx
/// runs each connection on a thread of its own, so the change is made from that thread: by a
/// progress handler, which SQLite calls there while it runs a statement.
#[cfg(target_os = "linux")]
async fn lower_priority(pool: &SqlitePool) -> sqlx::Result<()> {
    use rustix::{process, thread};

    let mut conn = pool.acquire().await?;
    let (lowered, result) = std::sync::mpsc::channel();
    let mut lowered = Some(lowered);
    conn.lock_handle().await?.set_progress_handler(1, move || {
        if let Some(lowered) = lowered.take() {
            let thread = Some(thread::gettid());
            let outcome = process::getpriority_process(thread)
                .and_then(|nice| process::setpriority_process(thread, (nice + NICER_BY).min(19)));
            let _ = lowered.send(outcome);
        }
        true
    });
    sqlx::query("select 1").execute(&mut *conn).await?;
    conn.lock_handle().await?.remove_progress_handler();
    match result.try_recv() {
        Ok(outcome) => outcome.map_err(|error| sqlx::Error::Io(error.into())),
        Err(_) => Err(sqlx::Error::Protocol(
            "the progress handler did not run".into(),
        )),
    }
}

#[cfg(not(target_os = "linux"))]
async fn lower_priority(_: &SqlitePool) -> sqlx::Result<()> {
    Ok(())
}

/// Copies what it can of the log and flushes the database file; when the log is long, prepares
/// the writer's finishing checkpoint and asks for it. Returns whether all of the log was copied.
async fn round(pool: &SqlitePool, database: &Flushable, log: &Log) -> sqlx::Result<bool> {
    let mut conn = pool.acquire().await?;
    let (mut pages, mut copied) = checkpoint(&mut conn, "background").await?;
    // A checkpoint that stops short of the end of the log does not sync the database file. Left
    // alone, the pages it copied pile up and reach the disk in one burst, at the writer's next
    // finishing checkpoint, while the flushes of the log wait behind them: flush a little often.
    for _ in 0..4 {
        database.sync().await?;
        if pages < RESTART_AFTER_PAGES {
            return Ok(copied == pages);
        }
        // Copy what was committed meanwhile, until the writer is left with little to do.
        let copied_before = pages;
        (pages, copied) = checkpoint(&mut conn, "background").await?;
        if pages - copied_before < LEFT_FOR_THE_WRITER {
            break;
        }
    }
    log.0.restart.store(true, Ordering::Relaxed);
    Ok(copied == pages)
}

/// Runs one PASSIVE checkpoint (`by` names who, for the log); returns the pages the log held
/// and how many of them are copied.
async fn checkpoint(conn: &mut SqliteConnection, by: &'static str) -> sqlx::Result<(i64, i64)> {
    let started = std::time::Instant::now();
    let (_, pages, copied): (i64, i64, i64) = sqlx::query_as("pragma wal_checkpoint(passive)")
        .fetch_one(conn)
        .await?;
    tracing::trace!(by, pages, copied, took = ?started.elapsed(), "checkpoint");
    Ok((pages, copied))
}

#[cfg(test)]
mod tests {
    use std::{
        path::Path,
        time::{Duration, Instant},
    };

    use crate::store::Store;

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn the_checkpoint_connection_runs_on_a_thread_of_lower_priority() {
        let dir = tempfile::tempdir().unwrap();
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(dir.path().join("t.db"))
            .create_if_missing(true);
        let pool = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .unwrap();
        // The fields after the command name: state is the first, nice the 17th.
        let nice = |stat: &str| -> Option<i64> {
            stat.rsplit(") ").next()?.split(' ').nth(16)?.parse().ok()
        };
        let workers = || -> Vec<i64> {
            std::fs::read_dir("/proc/self/task")
                .unwrap()
                .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("stat")).ok())
                .filter(|stat| stat.contains("(sqlx-sqlite-wor"))
                .filter_map(|stat| nice(&stat))
                .collect()
        };
        let mine = nice(&std::fs::read_to_string("/proc/thread-self/stat").unwrap()).unwrap();
        let expected = (mine + i64::from(super::NICER_BY)).min(19);

        // Ok only if the handler ran on the connection's thread and the priority was set.
        super::lower_priority(&pool).await.unwrap();

        assert!(workers().contains(&expected), "{:?}", workers());
    }

    fn file_size(path: &Path) -> u64 {
        std::fs::metadata(path).unwrap().len()
    }

    /// Writes at least `bytes` of rows in one commit.
    async fn write_rows(store: &Store, bytes: u64) {
        // Each row holds 2,000 characters.
        let rows = i64::try_from(bytes / 2000 + 1).unwrap();
        store
            .write
            .write(move |conn| {
                Box::pin(async move {
                    sqlx::query("create table t (body text)")
                        .execute(&mut *conn)
                        .await?;
                    sqlx::query(
                        "with recursive n(i) as (select 1 union all select i + 1 from n where i < ?) \
                         insert into t select hex(randomblob(1000)) from n",
                    )
                    .bind(rows)
                    .execute(&mut *conn)
                    .await
                })
            })
            .await
            .unwrap();
    }

    /// Waits (up to `limit`) for the database file to grow past `before + bytes`: the
    /// checkpointer has copied the rows. Returns how much it grew.
    async fn await_growth(path: &Path, before: u64, bytes: u64, limit: Duration) -> u64 {
        let deadline = Instant::now() + limit;
        while file_size(path) <= before + bytes && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        file_size(path) - before
    }

    /// Writes at least `bytes` of rows in one commit, then waits (up to 10 s) for the
    /// checkpointer to copy them. Returns how much the database file grew.
    async fn write_and_await_the_checkpointer(store: &Store, path: &Path, bytes: u64) -> u64 {
        let before = file_size(path);
        write_rows(store, bytes).await;
        await_growth(path, before, bytes, Duration::from_secs(10)).await
    }

    #[tokio::test]
    async fn a_checkpoint_held_back_by_a_reader_is_finished_once_the_reader_is_done() {
        use sqlx::{Connection, SqliteConnection, sqlite::SqliteConnectOptions};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ladder.db");
        let store = Store::open(&path).await.unwrap();
        let options = SqliteConnectOptions::new().filename(&path).read_only(true);
        let mut reader = SqliteConnection::connect_with(&options).await.unwrap();
        // A read transaction keeps the database as it was when it began, and with it every page
        // a checkpoint would overwrite.
        let mut snapshot = reader.begin().await.unwrap();
        sqlx::query("select count(*) from plans")
            .fetch_one(&mut *snapshot)
            .await
            .unwrap();
        let before = file_size(&path);

        write_rows(&store, 200_000).await;
        let held_back = await_growth(&path, before, 200_000, Duration::from_millis(500)).await;
        snapshot.commit().await.unwrap();
        let grown = await_growth(&path, before, 200_000, Duration::from_secs(10)).await;

        assert!(
            held_back < 200_000,
            "the reader held it back: grew by {held_back}"
        );
        assert!(
            grown > 200_000,
            "nothing more was written, yet it grew by {grown}"
        );
    }

    #[tokio::test]
    async fn committed_writes_reach_the_database_file_without_the_writer_checkpointing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ladder.db");
        let store = Store::open(&path).await.unwrap();

        // Far fewer pages than the writer's own threshold: only the checkpointer copies them.
        let grown = write_and_await_the_checkpointer(&store, &path, 200_000).await;

        assert!(grown > 200_000, "grew by {grown}");
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn the_server_keeps_its_locks_on_the_database_after_flushing_it() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ladder.db");
        let store = Store::open(&path).await.unwrap();
        let (pid, inode) = (
            std::process::id().to_string(),
            std::fs::metadata(&path).unwrap().ino().to_string(),
        );
        // Lines of /proc/locks read "1: POSIX  ADVISORY  READ 1234 08:01:5678 0 EOF".
        let locked = || {
            std::fs::read_to_string("/proc/locks")
                .unwrap()
                .lines()
                .map(|line| line.split_whitespace().collect::<Vec<_>>())
                .any(|f| {
                    f.get(4) == Some(&pid.as_str())
                        && f.get(5).and_then(|d| d.rsplit(':').next()) == Some(inode.as_str())
                })
        };
        assert!(locked(), "SQLite locks the database it has open");

        let grown = write_and_await_the_checkpointer(&store, &path, 20_000).await;
        // The flush follows the copy.
        tokio::time::sleep(Duration::from_millis(300)).await;

        assert!(grown > 20_000, "the checkpointer ran: grew by {grown}");
        assert!(locked(), "flushing the file kept SQLite's locks");
    }
}
