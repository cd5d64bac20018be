//! `GET /plans/{id}` (the owner's plan: the bookmark) and `GET /p/{share_id}` (read-only).

use askama::Template;
use askama_web::WebTemplate;
use axum::{extract::State, http::HeaderMap};

use super::{
    load_plan, load_shared_plan, site_origin,
    steps::StepError,
    view::{PlanView, StepView},
};
use crate::{
    AppState, error::Result, extract::PathParams, plans::Status, store::plans::PlanRecord,
};

#[derive(Template, WebTemplate)]
#[template(path = "pages/plans/show.html")]
pub struct PlanPage {
    pub plan: PlanView,
    /// The owner sees the forms and the edit links; a shared view has none of them.
    pub owner: bool,
    pub plan_url: String,
    pub share_url: String,
    /// A step form that was sent back, with its message and what was typed.
    pub step_error: Option<StepError>,
}

impl PlanPage {
    /// The owner's page, with links made from the address the browser used.
    pub fn owner(
        state: &AppState,
        record: &PlanRecord,
        headers: &HeaderMap,
        step_error: Option<StepError>,
    ) -> Self {
        let plan = PlanView::new(record);
        let origin = site_origin(headers, state.config.https);
        PlanPage {
            plan_url: format!("{origin}/plans/{}", plan.id),
            share_url: format!("{origin}/p/{}", plan.share_id),
            plan,
            owner: true,
            step_error,
        }
    }

    /// The error for this step's form, if it was the one sent back.
    fn error_for(&self, number: i64) -> Option<&StepError> {
        self.step_error.as_ref().filter(|e| e.number == number)
    }

    /// The message beside a step's note, when its form was sent back.
    pub fn note_error(&self, number: &i64) -> Option<&'static str> {
        self.error_for(*number).map(|e| e.message)
    }

    /// Whether the status menu shows `status` for this step: what was picked when its form was
    /// sent back, else the saved status.
    pub fn status_shown(&self, step: &StepView, status: &Status) -> bool {
        match self.error_for(step.number).and_then(|e| e.status) {
            Some(picked) => picked == *status,
            None => step.is(status),
        }
    }

    /// A step's note as the form shows it: what was typed when it was sent back, else as saved.
    pub fn note_text<'a>(&'a self, step: &'a StepView) -> &'a str {
        self.error_for(step.number)
            .and_then(|e| e.note.as_deref())
            .unwrap_or(&step.note)
    }
}

pub async fn show_plan(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    headers: HeaderMap,
) -> Result<PlanPage> {
    let record = load_plan(&state, &id).await?;
    Ok(PlanPage::owner(&state, &record, &headers, None))
}

pub async fn show_shared_plan(
    State(state): State<AppState>,
    PathParams(share_id): PathParams<String>,
) -> Result<PlanPage> {
    let record = load_shared_plan(&state, &share_id).await?;
    let mut plan = PlanView::new(&record);
    // The edit id never reaches a shared page, not even in markup that is not shown.
    plan.id.clear();
    Ok(PlanPage {
        plan,
        owner: false,
        plan_url: String::new(),
        share_url: String::new(),
        step_error: None,
    })
}
