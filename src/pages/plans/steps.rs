//! `POST /plans/{id}/steps/{step}`: set one step's status and/or save its note.

use axum::{extract::State, response::Redirect};

use crate::{
    AppState,
    error::{AppError, Result},
    extract::FormPairs,
    extract::PathParams,
    ids,
    plans::{MAX_NOTE_CHARS, Status},
    store::plans::StepChange,
};

pub async fn update_step(
    State(state): State<AppState>,
    PathParams((id, step)): PathParams<(String, String)>,
    form: FormPairs,
) -> Result<Redirect> {
    let number: i64 = step.parse().map_err(|_| AppError::NotFound)?;
    if !ids::is_well_formed(&id) {
        return Err(AppError::NotFound);
    }
    let change = parse_change(&form)?;
    // One statement: the update itself tells whether the plan and step exist.
    if !state.store.update_step(id.clone(), number, change).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/plans/{id}#step-{number}")))
}

/// A status must be one of the four; a note must be short and free of hidden characters.
fn parse_change(form: &FormPairs) -> Result<StepChange> {
    let status = match form.get("status") {
        None => None,
        Some(raw) => Some(
            Status::from_slug(raw.trim())
                .ok_or(AppError::BadRequest)?
                .slug(),
        ),
    };
    let note = match form.get("note") {
        None => None,
        Some(raw) => {
            let note = raw.replace("\r\n", "\n").trim().to_owned();
            let bad_char = note
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\t'));
            if note.chars().count() > MAX_NOTE_CHARS || bad_char {
                return Err(AppError::BadRequest);
            }
            Some(note)
        }
    };
    if status.is_none() && note.is_none() {
        return Err(AppError::BadRequest);
    }
    Ok(StepChange { status, note })
}
