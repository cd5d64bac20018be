//! `GET /healthz`: whether the server is up and its database answers.

use axum::{Extension, extract::State, http::StatusCode};

use crate::{AppState, error::PlainAnswer};

/// Plain text for machines, the 503 included: it is not given the site's error page.
pub async fn check_health(
    State(state): State<AppState>,
) -> (StatusCode, Extension<PlainAnswer>, &'static str) {
    let (status, text) = if state.store.is_healthy().await {
        (StatusCode::OK, "ok\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
    };
    (status, Extension(PlainAnswer), text)
}
