//! The "Job or career?" self-check: ten questions on one screen, scored without any I/O.
//!
//! `QUESTIONS` drives the form at `GET /check`; `score` turns the posted answers into an
//! `Outcome` for `POST /check`, or a `Missing` list so the form can be shown again. `CheckForm`
//! holds the posted fields as sent and checks the optional current job beside the answers.

mod form;
mod planner_link;
mod questions;
mod score;

pub use form::{CheckErrors, CheckForm, Checked};
pub use planner_link::{planner_link, unsure_of_goals};
pub use questions::{Choice, Lean, QUESTIONS, Question};
pub use score::{CAREER_AT_PERCENT, JOB_AT_PERCENT, Missing, Outcome, Reason, Verdict, score};
