//! `POST /plans/{id}/delete` deletes a plan for good. The plan page asks first: its delete button
//! sits in a disclosure with the warning, so no GET ever leads to a deletion.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

use super::load_plan;
use crate::{
    AppState,
    error::Result,
    extract::{ButtonPress, PathParams},
};

#[derive(Template, WebTemplate)]
#[template(path = "pages/plans/deleted.html")]
pub struct DeletedPage;

pub async fn delete_plan(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    _: ButtonPress,
) -> Result<DeletedPage> {
    load_plan(&state, &id).await?;
    state.store.delete_plan(id).await?;
    Ok(DeletedPage)
}
