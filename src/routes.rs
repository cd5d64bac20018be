//! Every URL of the site in one place.

use axum::{
    Router,
    routing::{get, post},
};

use crate::{
    AppState, assets,
    pages::{check, guides, health, home, not_found, search},
};

/// The routes, without the cross-cutting layers (see `crate::app`).
pub fn routes(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/", get(home::show_home))
        .route("/guides", get(guides::show_library))
        .route("/guides/{slug}", get(guides::show_guide))
        .route(
            "/check",
            get(check::show_check).merge(post(check::score_check)),
        )
        .route("/search", get(search::search_guides))
        .route("/healthz", get(health::check_health))
        .route("/robots.txt", get(robots))
        .merge(assets::router(&state.config.static_dir))
        .fallback(not_found::not_found)
}

/// Plans are private: keep crawlers out of them even if a link leaks.
async fn robots() -> &'static str {
    "User-agent: *\nDisallow: /plans/\nDisallow: /p/\n"
}
