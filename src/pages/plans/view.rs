//! What the plan pages show, built from a stored plan: shared by the owner's page, the read-only
//! share page and the exports.

use time::Date;

use crate::{
    planner::{self, GeneratedStep, Resource, horizon_label, resource},
    plans::{CUSTOM_KIND, Status, input_of, iso_date, long_date},
    store::plans::{PlanRecord, StepRow},
};

/// One step as shown.
#[derive(Debug, Clone)]
pub struct StepView {
    pub number: i64,
    pub title: String,
    pub why: String,
    pub action: String,
    pub resources: Vec<&'static Resource>,
    pub guide: String,
    pub due: Option<Date>,
    pub status: Status,
    pub note: String,
    pub custom: bool,
}

impl StepView {
    /// A stored step, with the wording of its kind filled in from `fresh` (the step of the same
    /// kind generated from the plan's answers) where the row does not hold its own.
    fn from_row(row: &StepRow, fresh: Option<&GeneratedStep>) -> StepView {
        let fresh = fresh.filter(|_| row.why.is_empty() && row.action.is_empty());
        StepView {
            number: row.number,
            title: row.title.clone(),
            why: fresh.map_or_else(|| row.why.clone(), |f| f.why.clone()),
            action: fresh.map_or_else(|| row.action.clone(), |f| f.action.clone()),
            resources: match fresh {
                Some(f) => f.resources.iter().filter_map(|k| resource(k)).collect(),
                None => row.resources.split(',').filter_map(resource).collect(),
            },
            guide: fresh.map_or_else(|| row.guide.clone(), |f| f.guide.clone()),
            due: row.due_on,
            status: Status::from_slug(&row.status).unwrap_or(Status::Todo),
            note: row.note.clone(),
            custom: row.kind == CUSTOM_KIND,
        }
    }

    pub fn due_long(&self) -> String {
        self.due.map(long_date).unwrap_or_default()
    }

    pub fn due_iso(&self) -> String {
        self.due.map(iso_date).unwrap_or_default()
    }

    pub fn is_done(&self) -> bool {
        self.status == Status::Done
    }

    pub fn is(&self, status: &Status) -> bool {
        self.status == *status
    }
}

/// A whole plan as shown.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub id: String,
    pub share_id: String,
    pub current_job: String,
    pub target_career: String,
    pub rungs: Vec<String>,
    pub interests: String,
    pub strengths: String,
    pub horizon: String,
    pub barriers: Vec<&'static str>,
    pub created_on: Date,
    pub review_on: Date,
    pub steps: Vec<StepView>,
}

impl PlanView {
    pub fn new(record: &PlanRecord) -> PlanView {
        let p = &record.plan;
        PlanView {
            id: p.id.clone(),
            share_id: p.share_id.clone(),
            current_job: p.current_job.clone(),
            target_career: p.target_career.clone(),
            rungs: record.rungs.clone(),
            interests: p.interests.clone(),
            strengths: p.strengths.clone(),
            horizon: horizon_label(u32::try_from(p.horizon_months).unwrap_or_default()),
            barriers: crate::planner::Barrier::ALL
                .into_iter()
                .filter(|b| record.barriers.iter().any(|s| s == b.slug()))
                .map(|b| b.label())
                .collect(),
            created_on: p.created_on,
            review_on: p.review_on,
            steps: {
                let generated = planner::generate(&input_of(record), p.created_on);
                let fresh = |kind: &str| generated.iter().find(|g| g.kind.slug() == kind);
                record
                    .steps
                    .iter()
                    .map(|row| StepView::from_row(row, fresh(&row.kind)))
                    .collect()
            },
        }
    }

    pub fn done(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| s.status == Status::Done)
            .count()
    }

    /// "3 of 8 steps done", or "0 of 1 step done".
    pub fn progress(&self) -> String {
        let total = self.steps.len();
        let noun = if total == 1 { "step" } else { "steps" };
        format!("{} of {total} {noun} done", self.done())
    }

    /// Whole percent of steps done, for the progress bar.
    pub fn percent(&self) -> usize {
        (self.done() * 100)
            .checked_div(self.steps.len())
            .unwrap_or(0)
    }

    /// The ladder from the top: target career, the rungs from the highest, the current job.
    pub fn ladder_top_down(&self) -> Vec<&str> {
        let mut ladder = vec![self.target_career.as_str()];
        ladder.extend(self.rungs.iter().rev().map(String::as_str));
        ladder.push(self.current_job.as_str());
        ladder
    }

    pub fn created_long(&self) -> String {
        long_date(self.created_on)
    }

    pub fn review_long(&self) -> String {
        long_date(self.review_on)
    }

    pub fn review_iso(&self) -> String {
        iso_date(self.review_on)
    }
}
