//! `GET /plans/{id}/delete` asks to confirm; `POST /plans/{id}/delete` deletes for good.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;

use super::load_plan;
use crate::{AppState, error::Result, extract::PathParams};

#[derive(Template, WebTemplate)]
#[template(path = "pages/plans/delete.html")]
pub struct ConfirmDeletePage {
    pub id: String,
    pub current_job: String,
    pub target_career: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/plans/deleted.html")]
pub struct DeletedPage;

pub async fn confirm_delete(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<ConfirmDeletePage> {
    let record = load_plan(&state, &id).await?;
    Ok(ConfirmDeletePage {
        id,
        current_job: record.plan.current_job,
        target_career: record.plan.target_career,
    })
}

pub async fn delete_plan(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<DeletedPage> {
    load_plan(&state, &id).await?;
    state.store.delete_plan(id).await?;
    Ok(DeletedPage)
}
