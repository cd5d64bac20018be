//! The one error type of the site, and the page each error status shows.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    BoxError,
    body::{Body, Bytes, HttpBody},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

/// Result of a handler: an error becomes the site's own error page with the right status.
pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// What can go wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The page, guide or plan does not exist (or the id is malformed: we do not say which).
    #[error("not found")]
    NotFound,
    /// The request is not something a form of ours sends (for example, invalid UTF-8).
    #[error("bad request")]
    BadRequest,
    /// A form endpoint was sent something other than an urlencoded form.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// The body is larger than any form of ours.
    #[error("payload too large")]
    PayloadTooLarge,
    /// A bug or an outage. The detail is logged, never shown.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::Internal(error.into())
    }
}

/// The error page: a plain explanation and ways back into the site.
#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub status: u16,
    pub heading: &'static str,
    pub message: &'static str,
}

impl ErrorPage {
    /// The page for a status code, in words a visitor understands; no internal detail.
    pub fn for_status(status: StatusCode) -> ErrorPage {
        let (heading, message) = match status.as_u16() {
            400 | 422 => (
                "We couldn't read that",
                "What was sent has characters or a format that our pages never send, so nothing \
                 was saved. Please go back, check what you typed and send it again.",
            ),
            403 => (
                "We didn't accept that form",
                "It seems to come from another website, so we ignored it to keep plans safe. \
                 Nothing was changed. If you filled it in on Ladder, reload the page and try again.",
            ),
            404 => (
                "We can't find that page",
                "The link may be mistyped, or the page may have moved or been deleted. If you \
                 were looking for a saved plan, check that you copied its whole link.",
            ),
            405 => (
                "That address doesn't work that way",
                "This address only changes things when you press a button on a Ladder page. \
                 Nothing was changed.",
            ),
            408 => (
                "That took too long",
                "We stopped waiting for the request to finish. Please try again.",
            ),
            413 => (
                "That was too much text",
                "The form sent more text than we can take at once, so nothing was saved. Please \
                 shorten your answers and notes, then try again.",
            ),
            415 => (
                "We couldn't read that form",
                "This address only takes the forms on our pages. Nothing was saved.",
            ),
            429 => (
                "Please slow down",
                "We received a lot of changes from your connection in a short time, so we paused \
                 them. Nothing you already saved is lost. Wait a few seconds, then go back and send it \
                 again: your browser usually keeps what you typed.",
            ),
            503 => (
                "Ladder is busy",
                "We can't answer right now. Please try again in a minute.",
            ),
            _ => (
                "Something went wrong on our side",
                "Sorry: we could not finish that. Please go back and try again in a moment.",
            ),
        };
        ErrorPage {
            status: status.as_u16(),
            heading,
            message,
        }
    }

    /// The page with its status code.
    pub fn into_response_with_status(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (status, self).into_response()
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Internal(error) => {
                tracing::error!(error = ?error, "request failed");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        ErrorPage::for_status(status).into_response_with_status()
    }
}

/// The answer when a handler panics: the panic is logged and the visitor sees the usual apology;
/// the server keeps serving other requests.
pub fn panic_page(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(panic = %detail, "handler panicked");
    ErrorPage::for_status(StatusCode::INTERNAL_SERVER_ERROR).into_response_with_status()
}

/// Marks an answer whose error body is for machines and stays as it is (`/healthz`).
#[derive(Clone, Copy, Debug)]
pub struct PlainAnswer;

/// Gives the bare error answers of the framework and of middleware (405 from the router, 413
/// from the body limit, 408 from the timeout, 403 from the cross-site check) the site's own page,
/// keeping their status and headers such as `Allow` and `Retry-After`. Answers marked
/// `PlainAnswer` keep their plain text. A plain function of the response: nothing to await, so no
/// boxed future on every request.
pub fn fill_error_pages<B>(response: Response<B>) -> Response
where
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let status = response.status();
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let is_plain = response.extensions().get::<PlainAnswer>().is_some();
    if is_plain || is_html || !(status.is_client_error() || status.is_server_error()) {
        return response.map(Body::new);
    }
    let (mut parts, _) = response.into_parts();
    let page = ErrorPage::for_status(status).into_response_with_status();
    let (page_parts, body) = page.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        page_parts.headers[header::CONTENT_TYPE].clone(),
    );
    Response::from_parts(parts, body)
}
