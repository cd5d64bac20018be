//! Static files under `/static`: served from disk with ETags, cached for long when fingerprinted.

use std::path::Path;

use axum::{
    Router,
    extract::Request,
    http::{HeaderValue, header},
    middleware::{self, Next},
    response::Response,
};
use tower_http::services::ServeDir;

/// Content hash of `static/style.css` at build time; pages add it as `?v=` to the URL.
pub const STYLE_HASH: &str = env!("LADDER_STYLE_HASH");

/// Content hash of `static/copy-link.js` at build time, used the same way.
pub const SCRIPT_HASH: &str = env!("LADDER_SCRIPT_HASH");

/// Routes for `/static/...`.
pub fn router<S: Clone + Send + Sync + 'static>(dir: &Path) -> Router<S> {
    Router::new()
        .nest_service("/static", ServeDir::new(dir))
        .layer(middleware::from_fn(cache_control))
}

/// A fingerprinted URL (`?v=...`) never changes content, so it may be cached for a year; a plain
/// one is revalidated with its ETag after an hour.
async fn cache_control(request: Request, next: Next) -> Response {
    let fingerprinted = request.uri().query().is_some_and(|q| q.starts_with("v="));
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status().as_u16() == 304 {
        let value = if fingerprinted {
            "public, max-age=31536000, immutable"
        } else {
            "public, max-age=3600"
        };
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}
