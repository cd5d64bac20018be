//! `POST /plans/{id}/steps/{step}`: set one step's status and/or save its note.

use axum::{
    extract::State,
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
};

use super::{load_plan, show::PlanPage};
use crate::{
    AppState,
    error::{AppError, Result},
    extract::FormPairs,
    extract::PathParams,
    ids,
    plans::{MAX_NOTE_CHARS, Status},
    store::plans::StepChange,
};

/// A step form that could not be saved: the message goes next to the step's note, and what the
/// person typed is shown again.
#[derive(Debug, Clone)]
pub struct StepError {
    pub number: i64,
    pub message: &'static str,
    pub note: Option<String>,
    /// The status that was picked, when it was one of the four.
    pub status: Option<Status>,
}

pub async fn update_step(
    State(state): State<AppState>,
    PathParams((id, step)): PathParams<(String, String)>,
    headers: HeaderMap,
    form: FormPairs,
) -> Result<Response> {
    let number: i64 = step.parse().map_err(|_| AppError::NotFound)?;
    if !ids::is_well_formed(&id) {
        return Err(AppError::NotFound);
    }
    let change = match parse_change(&form) {
        Ok(change) => change,
        Err(message) => {
            let record = load_plan(&state, &id).await?;
            if !record.steps.iter().any(|s| s.number == number) {
                return Err(AppError::NotFound);
            }
            let error = StepError {
                number,
                message,
                note: form.get("note").map(str::to_owned),
                status: form.get("status").and_then(Status::from_form),
            };
            let page = PlanPage::owner(&state, &record, &headers, Some(error));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    // One statement: the update itself tells whether the plan and step exist.
    if !state.store.update_step(id.clone(), number, change).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/plans/{id}#step-{number}")).into_response())
}

/// A status must be one of the four; a note must be short and free of hidden characters; each
/// comes once, as every single-answer field on the site must.
fn parse_change(form: &FormPairs) -> std::result::Result<StepChange, &'static str> {
    if form.sent_twice("status") || form.sent_twice("note") {
        return Err("The form sent this step twice. Please save it again from this page.");
    }
    let status = match form.get("status") {
        None => None,
        Some(raw) => Some(
            Status::from_form(raw)
                .ok_or("Choose one of the statuses in the list.")?
                .slug(),
        ),
    };
    let note = match form.get("note") {
        None => None,
        Some(raw) => {
            // Kept as typed, spaces included; only the browser's CRLF line breaks become "\n".
            let note = raw.replace("\r\n", "\n");
            if note.chars().count() > MAX_NOTE_CHARS {
                return Err(NOTE_TOO_LONG);
            }
            if note
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\t'))
            {
                return Err("The note holds a hidden control character; please type it again.");
            }
            Some(note)
        }
    };
    if status.is_none() && note.is_none() {
        return Err("Choose a status or write a note, then save.");
    }
    Ok(StepChange { status, note })
}

const NOTE_TOO_LONG: &str = "A note can be at most 2,000 characters long.";

#[cfg(test)]
mod tests {
    #[test]
    fn the_length_in_the_message_is_the_limit() {
        assert!(super::NOTE_TOO_LONG.contains(&format!(
            "{},{:03}",
            crate::plans::MAX_NOTE_CHARS / 1000,
            crate::plans::MAX_NOTE_CHARS % 1000
        )));
    }
}
