//! The plan generator: turns a person's answers into an ordered, dated career plan. Pure: no I/O,
//! no clock and no randomness, so the same answers and start date always give the same plan.
//!
//! A tour: [`form`](mod@crate::planner::form) parses the raw form into a
//! [`PlanInput`](crate::planner::PlanInput) (or field errors),
//! [`generate`](mod@crate::planner::generate) turns that input into
//! [`GeneratedStep`](crate::planner::GeneratedStep)s, [`barrier`](mod@crate::planner::barrier)
//! and [`resources`](mod@crate::planner::resources) hold the fixed lists the steps draw on, and
//! `wording` holds the words of each step.
//!
//! Links use `crate::planner::` paths so they resolve the same whether or not the parent puts
//! its own `///` line on `pub mod planner;`.

/// The barriers a person can name, with their slugs and guide anchors.
pub mod barrier;
/// The raw planner form and its parsing into a checked input.
pub mod form;
/// Step kinds, plan generation and due-date arithmetic.
pub mod generate;
/// The catalogue of free tools and places that steps point to.
pub mod resources;
mod wording;

pub use barrier::Barrier;
pub use form::{
    FieldErrors, HORIZON_CHOICES, MAX_HORIZON_MONTHS, MAX_RUNGS, MAX_TEXT_CHARS, MAX_TITLE_CHARS,
    MIN_HORIZON_MONTHS, PlanForm, PlanInput, horizon_label, is_blank,
};
pub use generate::{GeneratedStep, StepKind, add_months, generate, spread};
pub use resources::{RESOURCES, Resource, resource};
