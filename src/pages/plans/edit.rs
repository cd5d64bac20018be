//! `GET /plans/{id}/edit` and `POST /plans/{id}`: change the answers, steps and dates.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};

use super::{load_plan, view::PlanView};
use crate::{
    AppState,
    error::{AppError, Result},
    extract::FormPairs,
    extract::PathParams,
    planner::PlanForm,
    plans::{self, EditErrors, EditForm},
    store::plans::{EditOutcome, PlanEdit, PlanRecord},
};

#[derive(Template, WebTemplate)]
#[template(path = "pages/plans/edit.html")]
pub struct EditPlanPage {
    pub id: String,
    pub edit: EditForm,
    /// The planner part of `edit`, under the name the shared fields template reads.
    pub form: PlanForm,
    pub errors: EditErrors,
    /// The plan as saved now, when this save was refused because it was stale.
    pub conflict: Option<PlanView>,
}

impl EditPlanPage {
    fn new(id: String, edit: EditForm, errors: EditErrors, conflict: Option<PlanView>) -> Self {
        let form = edit.plan.clone();
        EditPlanPage {
            id,
            edit,
            form,
            errors,
            conflict,
        }
    }
}

pub async fn edit_plan(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
) -> Result<EditPlanPage> {
    let record = load_plan(&state, &id).await?;
    Ok(EditPlanPage::new(
        id,
        EditForm::from_record(&record),
        EditErrors::new(),
        None,
    ))
}

/// Saves an edit made from the version the form was opened at. A bad form gives 422; a form
/// opened before someone else's save gives 409 with both the saved plan and the person's input.
pub async fn save_plan(
    State(state): State<AppState>,
    PathParams(id): PathParams<String>,
    FormPairs(mut pairs): FormPairs,
) -> Result<Response> {
    let record = load_plan(&state, &id).await?;
    keep_what_is_not_sent(&mut pairs, &record);
    let mut form = EditForm::from_pairs(pairs);
    // Fields of steps the plan does not have (made up, or deleted elsewhere) are left out.
    form.steps
        .retain(|step| record.steps.iter().any(|row| row.number == step.number));
    let edit = match form.parse() {
        Ok(edit) => edit,
        Err(errors) => {
            let page = EditPlanPage::new(id, form, errors, None);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    if edit.version != record.plan.version {
        return Ok(conflict(id, form, &record));
    }
    let steps = match plans::merge(&record, &edit) {
        Ok(steps) => steps,
        Err(too_many) => {
            let (field, message) = if too_many.barriers_added {
                (
                    "barriers",
                    format!(
                        "These barriers add steps, and a plan can hold {} steps at most. Remove \
                         some steps first, or tick fewer barriers.",
                        plans::MAX_STEPS
                    ),
                )
            } else {
                (
                    "new_title",
                    format!(
                        "A plan can hold {} steps at most, and it has that many now. Remove a \
                         step first.",
                        plans::MAX_STEPS
                    ),
                )
            };
            let mut errors = EditErrors::new();
            errors.insert(field.into(), message);
            let page = EditPlanPage::new(id, form, errors, None);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let change = PlanEdit {
        id: id.clone(),
        version: edit.version,
        answers: plans::answers(&edit.input),
        review_on: edit.review_on,
        steps,
    };
    match state.store.edit_plan(change).await? {
        EditOutcome::Saved => Ok(Redirect::to(&format!("/plans/{id}")).into_response()),
        EditOutcome::Stale => {
            let record = load_plan(&state, &id).await?;
            Ok(conflict(id, form, &record))
        }
        EditOutcome::NotFound => Err(AppError::NotFound),
    }
}

/// Adds the saved value of each field the edit page always sends but `pairs` leaves out, so that
/// a save from an older page, or from a script, changes only what it names. Tick boxes are not
/// sent when unticked, so the barriers cannot be told apart this way and stay as sent.
fn keep_what_is_not_sent(pairs: &mut Vec<(String, String)>, record: &PlanRecord) {
    let saved = EditForm::from_record(record);
    let sent = |name: &str| pairs.iter().any(|(sent, _)| sent == name);
    let mut kept: Vec<(String, String)> = [
        ("current", &saved.plan.current),
        ("target", &saved.plan.target),
        ("interests", &saved.plan.interests),
        ("strengths", &saved.plan.strengths),
        ("horizon", &saved.plan.horizon),
        ("review_on", &saved.review_on),
    ]
    .into_iter()
    .filter(|(name, _)| !sent(name))
    .map(|(name, value)| (name.to_owned(), value.clone()))
    .collect();
    if !sent("rung") {
        kept.extend(
            saved
                .plan
                .rungs
                .iter()
                .map(|rung| ("rung".to_owned(), rung.clone())),
        );
    }
    pairs.extend(kept);
}

/// 409 with the plan as saved now beside the person's own input. The form now carries the
/// current version, so saving it again is a deliberate choice to keep these changes.
fn conflict(id: String, mut form: EditForm, record: &PlanRecord) -> Response {
    form.version = record.plan.version.to_string();
    let page = EditPlanPage::new(id, form, EditErrors::new(), Some(PlanView::new(record)));
    (StatusCode::CONFLICT, page).into_response()
}
