//! Ladder: plain guides on jobs and careers, and a step planner whose plans live at private URLs.
//!
//! A tour of the modules:

/// Static files under `/static` and the stylesheet's fingerprint.
pub mod assets;
/// The "Job or career?" self-check: its questions and how answers are scored.
pub mod check;
/// Command-line flags and environment variables.
pub mod config;
/// What the cross-site check is shown of a request.
pub mod cross_site;
/// The site's error type and error pages.
pub mod error;
/// Reading form bodies as ordered pairs.
pub mod extract;
/// Loading and rendering the Markdown guides.
pub mod guides;
/// Security headers set once for every response.
pub mod headers;
/// Secret plan and share ids.
pub mod ids;
/// Request logs that mask secret ids.
pub mod logging;
/// One module per page: page struct, handler, tests.
pub mod pages;
/// The plan generator: form parsing, barriers, resources and step generation. Pure, no I/O.
pub mod planner;
/// A plan as the site keeps it: answers to rows, edit forms, merging edits.
pub mod plans;
/// The per-client limit on writes.
pub mod rate_limit;
/// Pages rendered once and answered from memory.
pub mod rendered;
/// Every URL in one place.
pub mod routes;
/// The accept loop, with header read and idle timeouts.
pub mod server;
/// All SQL.
pub mod store;

pub use server::serve;

use std::{
    collections::HashMap,
    sync::{Arc, OnceLock},
    time::Duration,
};

use axum::{
    Router,
    http::{HeaderName, StatusCode},
    middleware,
};
use tower::{
    ServiceBuilder,
    util::{MapRequestLayer, MapResponseLayer},
};
use tower_http::{
    CompressionLevel,
    catch_panic::CatchPanicLayer,
    compression::CompressionLayer,
    csrf::CsrfLayer,
    limit::RequestBodyLimitLayer,
    request_id::{PropagateRequestIdLayer, SetRequestIdLayer},
    timeout::TimeoutLayer,
    trace::TraceLayer,
};

use crate::{
    config::{Config, Switch},
    guides::Library,
    rate_limit::Limits,
    rendered::RenderedPage,
    store::Store,
};

/// Largest request body the site accepts: a planner form is a few KiB at most.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The pages that are the same for everyone, rendered at start-up.
#[derive(Debug)]
pub struct Pages {
    pub home: RenderedPage,
    pub library: RenderedPage,
    pub guides: HashMap<String, RenderedPage>,
}

impl Pages {
    fn render(library: &Library) -> anyhow::Result<Pages> {
        Ok(Pages {
            home: RenderedPage::render(&pages::home::HomePage {
                guides: library.all(),
            })?,
            library: RenderedPage::render(&pages::guides::LibraryPage {
                guides: library.all(),
            })?,
            guides: pages::guides::render_guides(library)?,
        })
    }
}

/// The guide library and the pages rendered from it.
type Site = (Arc<Library>, Arc<Pages>);

/// The guides and static pages depend only on what is compiled in, so they are rendered and
/// compressed once per process, however many apps it starts (tests start many).
fn rendered_site() -> anyhow::Result<Site> {
    static SITE: OnceLock<Result<Site, String>> = OnceLock::new();
    SITE.get_or_init(|| {
        let library = Library::load().map_err(|e| format!("{e:#}"))?;
        let pages = Pages::render(&library).map_err(|e| format!("{e:#}"))?;
        Ok((Arc::new(library), Arc::new(pages)))
    })
    .clone()
    .map_err(anyhow::Error::msg)
}

/// What every handler can reach. Handlers get a clone per request, so it is one `Arc`.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

/// The contents of `AppState`.
#[derive(Debug)]
pub struct Shared {
    pub config: Arc<Config>,
    pub store: Store,
    pub library: Arc<Library>,
    pub pages: Arc<Pages>,
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    /// Opens the database (creating and migrating it), renders the guides and rebuilds their
    /// search index.
    pub async fn new(config: Config) -> anyhow::Result<AppState> {
        let store = Store::open(&config.database).await?;
        let (library, pages) = rendered_site()?;
        store.index_guides(library.all()).await?;
        Ok(AppState(Arc::new(Shared {
            config: Arc::new(config),
            store,
            library,
            pages,
        })))
    }
}

/// The whole site: routes plus the layers every response goes through.
pub fn app(state: AppState) -> Router {
    let https = state.config.https;
    let limits = (state.config.rate_limit == Switch::On).then(|| Arc::new(Limits::new()));
    with_layers(routes::routes(&state).with_state(state), https, limits)
}

/// Wraps any router in the site's layers, outermost first: request ids and logs, security
/// headers, panic recovery, compression, error pages, the timeout, the cross-site check (shown a
/// bare `Origin: null` as no origin), the body limit and, when it is on, the rate limit. All but
/// the rate limit are one stack added in one call: each `Router::layer` call boxes every route
/// once more, and a request then pays for every box on the way in and out. The rate limit boxes
/// too, so it is added only when it is on.
pub fn with_layers(router: Router, https: bool, limits: Option<Arc<Limits>>) -> Router {
    let router = match limits {
        Some(limits) => router.layer(middleware::from_fn_with_state(
            limits,
            rate_limit::limit_writes,
        )),
        None => router,
    };
    let request_id = HeaderName::from_static("x-request-id");
    router.layer(
        ServiceBuilder::new()
            .layer(SetRequestIdLayer::new(
                request_id.clone(),
                logging::RequestIds::new(),
            ))
            .layer(TraceLayer::new_for_http().make_span_with(logging::request_span))
            .layer(PropagateRequestIdLayer::new(request_id))
            .layer(MapResponseLayer::new(move |response| {
                headers::add_security_headers(response, https)
            }))
            .layer(CatchPanicLayer::custom(error::panic_page))
            // Pages that are the same for everyone come compressed already; the rest are
            // compressed as they go out, at the fastest level: on a plan page it costs a third of
            // the default level's time for a few hundred more bytes.
            .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
            .layer(MapResponseLayer::new(error::fill_error_pages))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::REQUEST_TIMEOUT,
                Duration::from_secs(15),
            ))
            .layer(MapRequestLayer::new(cross_site::forget_null_origin))
            .layer(CsrfLayer::new())
            .layer(RequestBodyLimitLayer::new(BODY_LIMIT)),
    )
}

/// Resolves on Ctrl-C or SIGTERM. The handlers are in place when this returns, before the first
/// connection is taken: a signal that comes early still stops the server gracefully instead of
/// killing it. Call it inside the runtime.
#[cfg(unix)]
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    use tokio::signal::unix::{SignalKind, signal};
    let interrupt = signal(SignalKind::interrupt());
    let terminate = signal(SignalKind::terminate());
    async move {
        // A handler that could not be installed leaves only the other one.
        let wait = |registered: std::io::Result<tokio::signal::unix::Signal>| async move {
            match registered {
                Ok(mut signal) => {
                    signal.recv().await;
                }
                Err(_) => std::future::pending().await,
            }
        };
        tokio::select! {
            () = wait(interrupt) => {},
            () = wait(terminate) => {},
        }
        tracing::info!("shutting down: finishing open requests");
    }
}

/// Resolves on Ctrl-C.
#[cfg(not(unix))]
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    async {
        let _ = tokio::signal::ctrl_c().await;
        tracing::info!("shutting down: finishing open requests");
    }
}
