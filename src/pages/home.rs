//! `GET /`: what Ladder offers and the ways in.

use askama::Template;
use axum::{extract::State, http::HeaderMap, response::Response};

use crate::{AppState, guides::Guide};

#[derive(Template)]
#[template(path = "pages/home.html")]
pub struct HomePage<'a> {
    pub guides: &'a [Guide],
}

/// The home page, rendered once at start-up.
pub async fn show_home(State(state): State<AppState>, headers: HeaderMap) -> Response {
    state.pages.home.respond(&headers)
}
