//! The accept loop: one task per connection, HTTP/1.1 through hyper, and a graceful stop.
//!
//! Written out rather than `axum::serve` because that sets no timer, and without one hyper
//! applies no header read timeout: a client that sends its headers a byte at a time, or a
//! kept-alive connection that never sends another request, would hold its socket for ever.

use std::{future::Future, io, net::SocketAddr, pin::pin, time::Duration};

use axum::{
    Router,
    body::Body,
    extract::{ConnectInfo, Request},
};
use hyper::{body::Incoming, server::conn::http1};
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    service::TowerToHyperService,
};
use tokio::{net::TcpListener, sync::watch};
use tower::ServiceExt;

use crate::{AppState, app};

/// How long a client may take to send a request's headers, counted from the end of its previous
/// request on a kept-alive connection: also how long an idle connection stays open.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves the site on `listener` until `shutdown` resolves, then lets in-flight requests finish
/// and closes the database.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let store = state.store.clone();
    let router = app(state);
    // Dropping `stop` tells every connection to finish; each holds `open` until it has.
    let (stop, _) = watch::channel(());
    let (all_closed, open) = watch::channel(());
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(error) => {
                    pause_after(error).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        tokio::spawn(connection(
            stream,
            remote,
            router.clone(),
            stop.subscribe(),
            open.clone(),
        ));
    }
    drop(listener);
    drop(stop);
    drop(open);
    all_closed.closed().await;
    store.close().await;
    Ok(())
}

/// Serves one connection until the client closes it, it times out, or the server stops.
async fn connection(
    stream: tokio::net::TcpStream,
    remote: SocketAddr,
    router: Router,
    mut stop: watch::Receiver<()>,
    open: watch::Receiver<()>,
) {
    let service = router.map_request(move |request: Request<Incoming>| {
        let mut request = request.map(Body::new);
        request.extensions_mut().insert(ConnectInfo(remote));
        request
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    let mut connection = pin!(
        builder
            .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service))
            .with_upgrades()
    );
    tokio::select! {
        result = connection.as_mut() => {
            if let Err(error) = result {
                tracing::trace!(%error, "connection ended");
            }
        }
        _ = stop.changed() => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.as_mut().await;
        }
    }
    drop(open);
}

/// A client that gave up before its connection was accepted concerns only itself; anything else
/// (such as running out of file descriptors) gets a pause before the next try.
async fn pause_after(error: io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "could not accept a connection");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
