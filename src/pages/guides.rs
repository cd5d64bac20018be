//! `GET /guides` and `GET /guides/{slug}`: the library and each guide.

use std::collections::HashMap;

use askama::Template;
use axum::{extract::State, http::HeaderMap, response::Response};

use crate::{
    AppState,
    error::{AppError, Result},
    extract::PathParams,
    guides::{Guide, Library},
    rendered::RenderedPage,
};

#[derive(Template)]
#[template(path = "pages/library.html")]
pub struct LibraryPage<'a> {
    pub guides: &'a [Guide],
}

#[derive(Template)]
#[template(path = "pages/guide.html")]
pub struct GuidePage<'a> {
    pub guide: &'a Guide,
    pub related: Vec<&'a Guide>,
}

/// Every guide page, rendered once: the bytes are the same for every reader.
pub fn render_guides(library: &Library) -> anyhow::Result<HashMap<String, RenderedPage>> {
    library
        .all()
        .iter()
        .map(|guide| {
            let page = GuidePage {
                guide,
                related: library.related(guide),
            };
            Ok((guide.slug.clone(), RenderedPage::render(&page)?))
        })
        .collect()
}

pub async fn show_library(State(state): State<AppState>, headers: HeaderMap) -> Response {
    state.pages.library.respond(&headers)
}

pub async fn show_guide(
    State(state): State<AppState>,
    PathParams(slug): PathParams<String>,
    headers: HeaderMap,
) -> Result<Response> {
    let page = state.pages.guides.get(&slug).ok_or(AppError::NotFound)?;
    Ok(page.respond(&headers))
}
