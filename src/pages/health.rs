//! `GET /healthz`: whether the server is up and its database answers.

use axum::{extract::State, http::StatusCode};

use crate::AppState;

pub async fn check_health(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.store.is_healthy().await {
        (StatusCode::OK, "ok\n")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
    }
}
