//! `GET /plans/new` (the planner form) and `POST /plans` (make the plan).

use indexmap::IndexMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use crate::{
    AppState,
    error::Result,
    extract::FormPairs,
    ids,
    planner::{self, PlanForm},
    plans::{self, REVIEW_AFTER_MONTHS},
    store::plans::NewPlan,
};

#[derive(Template, WebTemplate)]
#[template(path = "pages/plans/new.html")]
pub struct NewPlanPage {
    pub form: PlanForm,
    pub errors: IndexMap<String, String>,
    /// One-time key: the same form sent twice makes one plan.
    pub key: String,
}

/// The empty form, or pre-filled from the query string (`?current=Cashier&target=...`), so
/// guides and the self-check can link into it.
pub async fn new_plan(Query(query): Query<Vec<(String, String)>>) -> NewPlanPage {
    let form = PlanForm::from_pairs(query).within_limits();
    NewPlanPage {
        form,
        errors: IndexMap::new(),
        key: ids::new_form_key(),
    }
}

/// Checks the answers; a bad form comes back with 422, the input kept and a message next to
/// each wrong field, and nothing stored. A good one is saved and answered with 303 to its page.
pub async fn create_plan(
    State(state): State<AppState>,
    FormPairs(pairs): FormPairs,
) -> Result<Response> {
    let key = pairs
        .iter()
        .find(|(name, _)| name == "key")
        .map(|(_, value)| value.clone())
        .filter(|key| ids::is_form_key(key));
    let form = PlanForm::from_pairs(pairs);
    let input = match form.parse() {
        Ok(input) => input,
        Err(errors) => {
            let page = NewPlanPage {
                form,
                errors: errors.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
                key: key.unwrap_or_else(ids::new_form_key),
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let today = super::today();
    let answers = plans::answers(&input);
    let plan = NewPlan {
        id: ids::new_id(),
        share_id: ids::new_id(),
        idempotency_key: key.map(|key| plans::resend_key(&key, &answers)),
        answers,
        created_on: today,
        review_on: planner::add_months(today, REVIEW_AFTER_MONTHS),
        steps: planner::generate(&input, today)
            .iter()
            .map(plans::draft)
            .collect(),
    };
    let id = state.store.create_plan(plan).await?;
    Ok(Redirect::to(&format!("/plans/{id}")).into_response())
}
