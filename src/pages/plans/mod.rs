//! The planner and the plans it makes: every page under `/plans` and `/p`.

pub mod delete;
pub mod edit;
pub mod export;
pub mod new;
pub mod share;
pub mod show;
pub mod steps;
pub mod view;

use axum::{
    http::{HeaderMap, HeaderValue, header},
    response::Response,
};

use crate::{AppState, error::AppError, ids, store::plans::PlanRecord};

/// Plan pages are private: no caching by shared caches or the browser's history, no indexing,
/// and (set for every page) no referrer that could carry the id to another site.
pub fn private_headers<B>(mut response: Response<B>) -> Response<B> {
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers.insert(
        "x-robots-tag",
        HeaderValue::from_static("noindex, nofollow"),
    );
    response
}

/// The plan with this edit id; a malformed, unknown or deleted id is the same 404.
pub async fn load_plan(state: &AppState, id: &str) -> Result<PlanRecord, AppError> {
    if !ids::is_well_formed(id) {
        return Err(AppError::NotFound);
    }
    state.store.find_plan(id).await?.ok_or(AppError::NotFound)
}

/// The plan with this read-only share id, with the same 404 for anything else.
pub async fn load_shared_plan(state: &AppState, share_id: &str) -> Result<PlanRecord, AppError> {
    if !ids::is_well_formed(share_id) {
        return Err(AppError::NotFound);
    }
    state
        .store
        .find_shared_plan(share_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// `http://host` (`https://` behind an HTTPS proxy, the `--https` flag) as the browser reached
/// us, for links people copy; empty when unknown, which leaves the copied link relative rather
/// than wrong.
pub fn site_origin(headers: &HeaderMap, https: bool) -> String {
    let scheme = if https { "https" } else { "http" };
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .map(|host| format!("{scheme}://{host}"))
        .unwrap_or_default()
}

/// Today's date, the day new plans start from.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}
