//! The answer for any URL the site does not have.

use crate::error::AppError;

pub async fn not_found() -> AppError {
    AppError::NotFound
}
