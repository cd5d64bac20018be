//! Coalescing: requests of one kind that arrive while the writer is busy are handed to it as one
//! job, so a hundred new plans cost a handful of multi-row statements instead of hundreds of
//! single-row ones. Each caller still gets its own answer, after the commit.

use std::sync::Arc;

use futures_core::future::BoxFuture;
use sqlx::SqliteConnection;
use tokio::sync::{mpsc, oneshot};

use super::writer::Writer;

/// Most requests one coalesced job takes.
const MAX_ITEMS: usize = 128;

/// Applies a whole group of requests on the writer's connection; returns one result per request,
/// in order.
pub(crate) type ApplyAll<T, R> =
    for<'c> fn(&'c mut SqliteConnection, Vec<T>) -> BoxFuture<'c, sqlx::Result<Vec<R>>>;

type Request<T, R> = (T, oneshot::Sender<sqlx::Result<R>>);

/// The sending side of one coalescing task.
#[derive(Debug)]
pub(crate) struct Coalescer<T, R> {
    requests: mpsc::Sender<Request<T, R>>,
}

impl<T, R> Clone for Coalescer<T, R> {
    fn clone(&self) -> Self {
        Coalescer {
            requests: self.requests.clone(),
        }
    }
}

impl<T: Send + 'static, R: Send + 'static> Coalescer<T, R> {
    pub(crate) fn start(writer: Writer, apply: ApplyAll<T, R>) -> Coalescer<T, R> {
        let (requests, queue) = mpsc::channel(MAX_ITEMS * 8);
        tokio::spawn(run(writer, apply, queue));
        Coalescer { requests }
    }

    /// Queues one request and waits for its committed result.
    pub(crate) async fn submit(&self, item: T) -> sqlx::Result<R> {
        let (reply, answer) = oneshot::channel();
        self.requests
            .send((item, reply))
            .await
            .map_err(|_| sqlx::Error::PoolClosed)?;
        answer.await.map_err(|_| sqlx::Error::PoolClosed)?
    }
}

async fn run<T: Send + 'static, R: Send + 'static>(
    writer: Writer,
    apply: ApplyAll<T, R>,
    mut queue: mpsc::Receiver<Request<T, R>>,
) {
    let mut batch = Vec::with_capacity(MAX_ITEMS);
    while queue.recv_many(&mut batch, MAX_ITEMS).await > 0 {
        let (items, replies): (Vec<T>, Vec<_>) = batch.drain(..).unzip();
        let (applied, written) = oneshot::channel();
        let writer = writer.clone();
        tokio::spawn(async move {
            let result = writer
                .write(move |conn| {
                    Box::pin(async move {
                        let results = apply(conn, items).await;
                        let _ = applied.send(());
                        results
                    })
                })
                .await;
            answer(replies, result);
        });
        // The next group gathers while this one is written; once it is, that group can go to the
        // writer while this one is committed and flushed.
        let _ = written.await;
    }
}

fn answer<R>(replies: Vec<oneshot::Sender<sqlx::Result<R>>>, result: sqlx::Result<Vec<R>>) {
    match result {
        Ok(results) if results.len() == replies.len() => {
            for (reply, result) in replies.into_iter().zip(results) {
                let _ = reply.send(Ok(result));
            }
        }
        Ok(_) => unreachable_count(replies),
        Err(error) => {
            let message: Arc<str> = error.to_string().into();
            for reply in replies {
                let _ = reply.send(Err(sqlx::Error::Protocol(message.to_string())));
            }
        }
    }
}

/// An `apply` that returned the wrong number of results is a bug; its callers get an error
/// rather than someone else's answer.
fn unreachable_count<R>(replies: Vec<oneshot::Sender<sqlx::Result<R>>>) {
    tracing::error!("a coalesced write returned the wrong number of results");
    for reply in replies {
        let _ = reply.send(Err(sqlx::Error::Protocol("internal error".into())));
    }
}
