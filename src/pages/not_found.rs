//! The answer for any URL the site does not have.

use axum::{
    http::{Method, Uri},
    response::{IntoResponse, Redirect, Response},
};

use crate::error::AppError;

/// A page address typed or pasted with a slash at the end (`/guides/`) is sent, permanently, to
/// the address without it (for GET and HEAD alike); anything else is the friendly 404.
pub async fn not_found(method: Method, uri: Uri) -> Response {
    let path = uri.path();
    let trimmed = path.trim_end_matches('/');
    // `//host` or `/\host` would send the browser to another site.
    let stays_here = trimmed.starts_with('/') && !trimmed.contains("//") && !trimmed.contains('\\');
    if (method == Method::GET || method == Method::HEAD) && path.ends_with('/') && stays_here {
        let target = match uri.query() {
            Some(query) => format!("{trimmed}?{query}"),
            None => trimmed.to_owned(),
        };
        return Redirect::permanent(&target).into_response();
    }
    AppError::NotFound.into_response()
}
