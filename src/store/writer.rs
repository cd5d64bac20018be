//! Group commit: one task owns the write connection, takes every write queued while the last
//! transaction ran, applies them in one `BEGIN IMMEDIATE` transaction (each inside its own
//! savepoint, so one failing write does not undo the others) and answers each caller only once
//! the commit is on disk.
//!
//! Durability: the write connection runs with `synchronous = NORMAL`, which in WAL mode keeps
//! the database intact through a power cut but may lose the last commits, because it does not
//! flush the log at each commit. A second task flushes it (`fdatasync` of the `-wal` file, which
//! covers every commit written before it) and only then answers the callers of those commits.
//! That is what `synchronous = FULL` would do, with one difference: the write connection goes on
//! to the next batch while the flush runs, so the disk's latency is no longer paid by the writer,
//! and one flush serves every batch committed while the last one ran.

use std::{io, path::Path};

use futures_core::future::BoxFuture;
use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::{mpsc, oneshot};

use super::checkpoint::Log;

/// Most writes one transaction takes, so a flood cannot make one commit arbitrarily long.
const MAX_BATCH: usize = 512;
/// Writes that may wait in the queue before callers wait to enqueue.
const QUEUE: usize = 4096;
/// Committed batches that may wait for their flush before the writer waits for it.
const UNFLUSHED: usize = 64;

/// Answers a write's caller once the commit's outcome is known (`None`: committed and flushed).
type Answer = Box<dyn FnOnce(Option<&str>) + Send>;

/// What a write tells the writer: whether it succeeded (else its savepoint is rolled back), and
/// how to answer its caller.
type Outcome = (bool, Answer);

/// A queued write, run on the connection inside the batch's transaction.
type Job = Box<dyn for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, Outcome> + Send>;

/// The sending side of the writer task.
#[derive(Clone, Debug)]
pub(crate) struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the task that does every write through `pool` (which holds one connection to the
    /// database whose write-ahead log is `wal`).
    pub(crate) fn start(pool: SqlitePool, wal: Flushable, log: Log) -> Writer {
        let (jobs, queue) = mpsc::channel(QUEUE);
        let (committed, unflushed) = mpsc::channel(UNFLUSHED);
        tokio::spawn(run(pool, queue, committed, log));
        tokio::spawn(flush(wal, unflushed));
        Writer { jobs }
    }

    /// Runs `work` in the next batch; returns its result once the batch is committed and on disk.
    pub(crate) async fn write<T, F>(&self, work: F) -> sqlx::Result<T>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c mut SqliteConnection) -> BoxFuture<'c, sqlx::Result<T>>
            + Send
            + 'static,
    {
        let (reply, answer) = oneshot::channel::<sqlx::Result<T>>();
        let job: Job = Box::new(move |conn| {
            Box::pin(async move {
                let result = work(conn).await;
                let ok = result.is_ok();
                let answer: Answer = Box::new(move |commit_error| {
                    let result = match (result, commit_error) {
                        (Ok(_), Some(error)) => Err(sqlx::Error::Protocol(error.to_owned())),
                        (result, _) => result,
                    };
                    let _ = reply.send(result);
                });
                (ok, answer)
            })
        });
        self.jobs
            .send(job)
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        // A dropped reply means the batch never ran (the database was closed or failed to start
        // a transaction).
        answer.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

async fn run(
    pool: SqlitePool,
    mut queue: mpsc::Receiver<Job>,
    committed: mpsc::Sender<Vec<Answer>>,
    log: Log,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let (started, jobs) = (std::time::Instant::now(), batch.len());
        let mut conn = match pool.acquire().await {
            Ok(conn) => conn,
            Err(error) => {
                tracing::error!(%error, "write connection unavailable");
                batch.clear();
                continue;
            }
        };
        if let Err(error) = sqlx::query("begin immediate").execute(&mut *conn).await {
            tracing::error!(%error, "could not begin a write transaction");
            batch.clear();
            continue;
        }
        let mut answers = Vec::with_capacity(batch.len());
        // A lone write needs no savepoint: if it fails, the whole transaction is rolled back.
        let alone = batch.len() == 1;
        let mut failed_alone = false;
        for job in batch.drain(..) {
            let saved = !alone
                && sqlx::query("savepoint job")
                    .execute(&mut *conn)
                    .await
                    .is_ok();
            let (ok, answer) = job(&mut conn).await;
            if saved {
                if !ok {
                    let _ = sqlx::query("rollback to job").execute(&mut *conn).await;
                }
                let _ = sqlx::query("release job").execute(&mut *conn).await;
            }
            failed_alone = alone && !ok;
            answers.push(answer);
        }
        let worked = started.elapsed();
        if failed_alone {
            // Nothing was written, so there is nothing to flush.
            let _ = sqlx::query("rollback").execute(&mut *conn).await;
            answer_all(answers, None);
            continue;
        }
        match sqlx::query("commit").execute(&mut *conn).await {
            Ok(_) => {
                log.committed();
                if let Err(mpsc::error::SendError(answers)) = committed.send(answers).await {
                    answer_all(answers, Some("the log could not be flushed"));
                }
                log.finish_if_asked(&mut conn).await;
            }
            Err(error) => {
                tracing::error!(%error, "commit failed");
                let _ = sqlx::query("rollback").execute(&mut *conn).await;
                answer_all(answers, Some(&error.to_string()));
            }
        }
        tracing::trace!(jobs, ?worked, total = ?started.elapsed(), "batch committed");
    }
}

/// Flushes the log after commits and then answers their callers: every batch that was committed
/// while the last flush ran shares the next one.
async fn flush(wal: Flushable, mut unflushed: mpsc::Receiver<Vec<Answer>>) {
    let mut groups = Vec::with_capacity(UNFLUSHED);
    while unflushed.recv_many(&mut groups, UNFLUSHED).await > 0 {
        let started = std::time::Instant::now();
        let result = wal.sync().await;
        let error = result.err().map(|error| {
            tracing::error!(%error, "could not flush the write-ahead log");
            format!("could not flush the write-ahead log: {error}")
        });
        tracing::trace!(batches = groups.len(), took = ?started.elapsed(), "log flushed");
        for answers in groups.drain(..) {
            answer_all(answers, error.as_deref());
        }
    }
}

/// Forces a file's data to disk. `fdatasync` flushes the file, whichever descriptor wrote it.
/// Only for files SQLite holds no locks on (a folder): see [`Flushable`].
pub(crate) fn sync_file(path: &Path) -> io::Result<()> {
    std::fs::File::open(path)?.sync_data()
}

/// A file opened once and kept open for the life of the store, to flush it with `fdatasync`.
/// Never a descriptor opened and closed for each flush: on Linux, closing any descriptor of a
/// file drops every POSIX lock the process holds on it, and SQLite's locks on the database file
/// are such locks. Without them, another program opening the database would take itself for its
/// only user, and could checkpoint and delete the log under the server.
#[derive(Clone, Debug)]
pub(crate) struct Flushable(std::sync::Arc<std::fs::File>);

impl Flushable {
    pub(crate) fn open(path: &Path) -> io::Result<Flushable> {
        Ok(Flushable(std::sync::Arc::new(std::fs::File::open(path)?)))
    }

    /// Flushes the file on a blocking thread.
    pub(crate) async fn sync(&self) -> io::Result<()> {
        let file = self.0.clone();
        tokio::task::spawn_blocking(move || file.sync_data())
            .await
            .unwrap_or_else(|error| Err(io::Error::other(error)))
    }
}

fn answer_all(answers: Vec<Answer>, error: Option<&str>) {
    for answer in answers {
        answer(error);
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_writes_share_commits_and_a_failing_one_undoes_only_itself() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("ladder.db")).await.unwrap();
        sqlx::query("create table t (n integer primary key)")
            .execute(&store.writer)
            .await
            .unwrap();

        let writes = (0..300_i64).map(|n| {
            let store = store.clone();
            // Every hundredth write inserts a row and then a duplicate of it: it must fail whole.
            tokio::spawn(async move {
                store
                    .write
                    .write(move |conn| {
                        Box::pin(async move {
                            sqlx::query("insert into t (n) values (?)")
                                .bind(n)
                                .execute(&mut *conn)
                                .await?;
                            if n % 100 == 0 {
                                sqlx::query("insert into t (n) values (?)")
                                    .bind(n)
                                    .execute(&mut *conn)
                                    .await?;
                            }
                            Ok(n)
                        })
                    })
                    .await
            })
        });
        let results: Vec<_> = futures_util::future::join_all(writes).await;

        let failed = results
            .iter()
            .filter(|r| r.as_ref().unwrap().is_err())
            .count();
        assert_eq!(failed, 3);
        let rows: i64 = sqlx::query_scalar("select count(*) from t")
            .fetch_one(&store.reader)
            .await
            .unwrap();
        assert_eq!(
            rows, 297,
            "the failing writes left nothing behind, the others all landed"
        );
    }
}
