//! Every URL of the site in one place.

use axum::{
    Router,
    routing::{get, post},
};
use tower::util::MapResponseLayer;

use crate::{
    AppState, assets,
    pages::{
        check, guides, health, home, not_found,
        plans::{self, delete, edit, export, new, share, show, steps},
        search,
    },
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
        .merge(plan_routes())
        .merge(assets::router(&state.config.static_dir))
        .fallback(not_found::not_found)
}

/// The planner and plans; every answer carries the private-page headers.
fn plan_routes() -> Router<AppState> {
    Router::new()
        .route("/plans/new", get(new::new_plan))
        .route("/plans", post(new::create_plan))
        .route("/plans/{id}", get(show::show_plan).post(edit::save_plan))
        .route("/plans/{id}/edit", get(edit::edit_plan))
        .route("/plans/{id}/steps/{step}", post(steps::update_step))
        .route("/plans/{id}/delete", post(delete::delete_plan))
        .route("/plans/{id}/share", post(share::rotate_share_link))
        .route("/plans/{id}/plan.ics", get(export::plan_ics))
        .route("/plans/{id}/plan.md", get(export::plan_md))
        .route("/p/{share_id}", get(show::show_shared_plan))
        .route("/p/{share_id}/plan.ics", get(export::shared_plan_ics))
        .layer(MapResponseLayer::new(plans::private_headers))
}

/// Plans are private: keep crawlers out of them even if a link leaks.
async fn robots() -> &'static str {
    "User-agent: *\nDisallow: /plans/\nDisallow: /p/\n"
}
