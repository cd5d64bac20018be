//! `POST /plans/{id}/share`: a new read-only link; the old one stops working.

use axum::{extract::State, response::Redirect};

use super::load_plan;
use crate::{
    AppState,
    error::{AppError, Result},
    extract::{ButtonPress, PathParams},
    ids,
};

pub async fn rotate_share_link(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: ButtonPress,
) -> Result<Redirect> {
    load_plan(&state, &id).await?;
    if !state
        .store
        .rotate_share_id(id.clone(), ids::new_id())
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/plans/{id}#share-link")))
}
