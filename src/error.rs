//! The one error type of the site, and the page each error shows.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    http::StatusCode,
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
    pub fn not_found() -> Self {
        ErrorPage {
            status: 404,
            heading: "We can't find that page",
            message: "The link may be mistyped, or the page may have moved or been deleted. \
                      If you were looking for a saved plan, check that you copied its whole link.",
        }
    }

    pub fn bad_request() -> Self {
        ErrorPage {
            status: 400,
            heading: "We couldn't read that form",
            message: "What was sent has characters or a format that our forms never send, so \
                      nothing was saved. Please go back, check what you typed and send it again.",
        }
    }

    pub fn unsupported_media_type() -> Self {
        ErrorPage {
            status: 415,
            heading: "We couldn't read that form",
            message: "This address only takes the forms on our pages. Nothing was saved.",
        }
    }

    pub fn payload_too_large() -> Self {
        ErrorPage {
            status: 413,
            heading: "That was too much text",
            message: "The form sent more text than we can take at once, so nothing was saved. \
                      Please shorten your answers and notes, then try again.",
        }
    }

    pub fn internal() -> Self {
        ErrorPage {
            status: 500,
            heading: "Something went wrong on our side",
            message: "Sorry: we could not finish that. Nothing you typed is lost on your screen; \
                      please go back and try again in a moment.",
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
        match self {
            AppError::NotFound => ErrorPage::not_found().into_response_with_status(),
            AppError::BadRequest => ErrorPage::bad_request().into_response_with_status(),
            AppError::UnsupportedMediaType => {
                ErrorPage::unsupported_media_type().into_response_with_status()
            }
            AppError::PayloadTooLarge => ErrorPage::payload_too_large().into_response_with_status(),
            AppError::Internal(error) => {
                tracing::error!(error = ?error, "request failed");
                ErrorPage::internal().into_response_with_status()
            }
        }
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
    ErrorPage::internal().into_response_with_status()
}
