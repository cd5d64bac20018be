//! A plan as the site keeps it: between the planner's pure types and the store's rows. Turning
//! answers into rows, reading an edit form, and merging an edit into the stored steps.

use indexmap::IndexMap;

use time::{Date, macros::format_description};

use crate::{
    ids,
    planner::{self, Barrier, GeneratedStep, PlanForm, PlanInput, StepKind},
    store::plans::{Answers, PlanRecord, StepDraft, StepRow},
};

/// Most steps a plan may hold, custom ones included.
pub const MAX_STEPS: usize = 40;
/// Longest note on a step, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// When a new plan asks to be looked at again.
pub const REVIEW_AFTER_MONTHS: u32 = 3;
/// What a custom step's kind is stored as.
pub const CUSTOM_KIND: &str = "custom";

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Todo,
    Doing,
    Done,
    Skipped,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Todo, Status::Doing, Status::Done, Status::Skipped];

    pub fn slug(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Todo => "To do",
            Status::Doing => "In progress",
            Status::Done => "Done",
            Status::Skipped => "Skipped",
        }
    }

    pub fn from_slug(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.slug() == s)
    }

    /// A status as a request may name it: its slug or its label in any case and spelling
    /// ("in-progress", "To do"), or "not done".
    pub fn from_form(s: &str) -> Option<Status> {
        let key: String = s
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect();
        match key.as_str() {
            "inprogress" => Some(Status::Doing),
            "notdone" => Some(Status::Todo),
            _ => Status::ALL.into_iter().find(|status| status.slug() == key),
        }
    }
}

/// The stored form of checked answers.
pub fn answers(input: &PlanInput) -> Answers {
    Answers {
        current_job: input.current_job.clone(),
        target_career: input.target_career.clone(),
        rungs: input.rungs.clone(),
        interests: input.interests.clone(),
        strengths: input.strengths.clone(),
        horizon_months: i64::from(input.horizon_months),
        barriers: input.barriers.iter().map(|b| b.slug().to_owned()).collect(),
    }
}

/// What finds a plan already made from one filled-in form: the form's one-time key with a hash of
/// the answers. The form sent again as it was finds its plan, with no duplicate; sent again with
/// other answers (after going back to change them), it makes a new plan rather than drop them.
pub fn resend_key(form_key: &str, answers: &Answers) -> String {
    let horizon = answers.horizon_months.to_string();
    let counts = [
        answers.rungs.len().to_string(),
        answers.barriers.len().to_string(),
    ];
    let parts = [
        &answers.current_job,
        &answers.target_career,
        &answers.interests,
        &answers.strengths,
        &horizon,
    ]
    .into_iter()
    .chain(&counts)
    .chain(&answers.rungs)
    .chain(&answers.barriers)
    .map(String::as_str);
    format!("{form_key}.{}", ids::fingerprint(parts))
}

/// The answers a stored plan was made from, as the planner sees them.
pub fn input_of(record: &PlanRecord) -> PlanInput {
    let p = &record.plan;
    PlanInput {
        current_job: p.current_job.clone(),
        target_career: p.target_career.clone(),
        rungs: record.rungs.clone(),
        interests: p.interests.clone(),
        strengths: p.strengths.clone(),
        horizon_months: u32::try_from(p.horizon_months).unwrap_or(planner::MIN_HORIZON_MONTHS),
        barriers: Barrier::ALL
            .into_iter()
            .filter(|b| record.barriers.iter().any(|s| s == b.slug()))
            .collect(),
    }
}

/// A generated step as a row to insert.
///
/// Only what the person can change is stored: kind, title and date. The rest of a generated
/// step's wording (why, action, resources, guide link) follows from its kind and the plan's
/// answers and is generated again when the plan is shown (see `pages::plans::view`). A plan
/// then costs a few hundred bytes to save instead of several kilobytes, which is most of the
/// cost of a durable write.
pub fn draft(step: &GeneratedStep) -> StepDraft {
    StepDraft {
        number: None,
        kind: step.kind.slug(),
        title: step.title.clone(),
        why: String::new(),
        action: String::new(),
        resources: String::new(),
        guide: String::new(),
        due_on: Some(step.due),
        own_title: false,
        own_due: false,
    }
}

/// A stored step as a row to keep.
fn keep(step: &StepRow) -> StepDraft {
    StepDraft {
        number: Some(step.number),
        kind: step.kind.clone(),
        title: step.title.clone(),
        why: step.why.clone(),
        action: step.action.clone(),
        resources: step.resources.clone(),
        guide: step.guide.clone(),
        due_on: step.due_on,
        own_title: step.own_title.unwrap_or(false),
        own_due: step.own_due.unwrap_or(false),
    }
}

/// "1 March 2027".
pub fn long_date(date: Date) -> String {
    date.format(format_description!(
        "[day padding:none] [month repr:long] [year]"
    ))
    .unwrap_or_default()
}

/// "2027-03-01", the form a date input sends and shows.
pub fn iso_date(date: Date) -> String {
    date.format(format_description!("[year]-[month]-[day]"))
        .unwrap_or_default()
}

fn parse_date(raw: &str) -> Option<Date> {
    Date::parse(raw.trim(), format_description!("[year]-[month]-[day]")).ok()
}

/// Dates a person may give a step or a review: wide enough for any plan, narrow enough that every
/// export (a calendar event ends the day after) can write them.
pub const EARLIEST: Date = time::macros::date!(2000 - 01 - 01);
pub const LATEST: Date = time::macros::date!(2099 - 12 - 31);

/// A date field that may be left empty: `None` when empty, or the message to show beside it.
fn optional_date(raw: &str) -> Result<Option<Date>, String> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    match parse_date(raw) {
        None => Err("Please give a date, like 2027-03-01.".into()),
        Some(date) if !(EARLIEST..=LATEST).contains(&date) => {
            Err("Please pick a date between the years 2000 and 2099.".into())
        }
        Some(date) => Ok(Some(date)),
    }
}

/// One step's row in the edit form, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepFields {
    pub number: i64,
    pub title: String,
    pub due: String,
    pub remove: bool,
    /// The title and date as they were when the form was opened (hidden fields): only what
    /// differs from them was changed in this form, even if the plan was saved elsewhere since.
    pub was_title: Option<String>,
    pub was_due: Option<String>,
}

/// The edit form as typed: the planner's fields plus the version it was opened at, the review
/// date, each existing step and one new step.
#[derive(Debug, Clone, Default)]
pub struct EditForm {
    pub plan: PlanForm,
    pub version: String,
    pub review_on: String,
    pub steps: Vec<StepFields>,
    pub new_title: String,
    pub new_due: String,
}

/// Field name -> message, for every field of the edit form.
pub type EditErrors = IndexMap<String, String>;

/// A checked edit.
#[derive(Debug, Clone)]
pub struct Edit {
    pub input: PlanInput,
    pub version: i64,
    pub review_on: Date,
    pub steps: Vec<StepFields>,
    pub new_step: Option<(String, Option<Date>)>,
}

impl EditForm {
    /// Reads the pairs of an edit form. Step fields are named `step-{n}-title`, `step-{n}-due`
    /// and `step-{n}-remove`, in the order the steps are shown.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> EditForm {
        let mut form = EditForm::default();
        for (name, value) in &pairs {
            match name.as_str() {
                "version" => form.version.clone_from(value),
                "review_on" => form.review_on.clone_from(value),
                "new_title" => form.new_title.clone_from(value),
                "new_due" => form.new_due.clone_from(value),
                _ => {
                    let Some((number, field)) = name
                        .strip_prefix("step-")
                        .and_then(|rest| rest.split_once('-'))
                        .and_then(|(n, field)| Some((n.parse::<i64>().ok()?, field)))
                    else {
                        continue;
                    };
                    let index = match form.steps.iter().position(|s| s.number == number) {
                        Some(index) => index,
                        // No plan has more: a flood of made-up steps is not echoed back.
                        None if form.steps.len() >= MAX_STEPS => continue,
                        None => {
                            form.steps.push(StepFields {
                                number,
                                ..StepFields::default()
                            });
                            form.steps.len() - 1
                        }
                    };
                    let step = &mut form.steps[index];
                    match field {
                        "title" => step.title.clone_from(value),
                        "due" => step.due.clone_from(value),
                        "remove" => step.remove = true,
                        "was-title" => step.was_title = Some(value.clone()),
                        "was-due" => step.was_due = Some(value.clone()),
                        _ => {}
                    }
                }
            }
        }
        form.plan = PlanForm::from_pairs(pairs);
        form
    }

    /// The form that shows a stored plan for editing.
    pub fn from_record(record: &PlanRecord) -> EditForm {
        EditForm {
            plan: PlanForm::from_input(&input_of(record)),
            version: record.plan.version.to_string(),
            review_on: iso_date(record.plan.review_on),
            steps: record
                .steps
                .iter()
                .map(|s| {
                    let due = s.due_on.map(iso_date).unwrap_or_default();
                    StepFields {
                        number: s.number,
                        title: s.title.clone(),
                        was_title: Some(s.title.clone()),
                        was_due: Some(due.clone()),
                        due,
                        remove: false,
                    }
                })
                .collect(),
            new_title: String::new(),
            new_due: String::new(),
        }
    }

    /// Checks every field; errors are keyed by the field's name in the form.
    pub fn parse(&self) -> Result<Edit, EditErrors> {
        let mut errors: EditErrors = match self.plan.parse() {
            Ok(_) => EditErrors::new(),
            Err(e) => e.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        };
        let version = self.version.trim().parse::<i64>().ok();
        if version.is_none() {
            errors.insert(
                "version".into(),
                "This form is out of date. Please open the edit page again.".into(),
            );
        }
        let review_on = match optional_date(&self.review_on) {
            Ok(Some(date)) => Some(date),
            Ok(None) => {
                errors.insert(
                    "review_on".into(),
                    "Please give a review date, like 2027-03-01.".into(),
                );
                None
            }
            Err(message) => {
                errors.insert("review_on".into(), message);
                None
            }
        };
        for step in self.steps.iter().filter(|s| !s.remove) {
            if let Err(message) = step_title(&step.title) {
                errors.insert(format!("step-{}-title", step.number), message);
            }
            if let Err(message) = optional_date(&step.due) {
                errors.insert(format!("step-{}-due", step.number), message);
            }
        }
        let new_due = optional_date(&self.new_due);
        let new_step = if planner::is_blank(&self.new_title) {
            if matches!(new_due, Ok(Some(_))) {
                errors.insert(
                    "new_title".into(),
                    "Please give your new step a title, or clear its date.".into(),
                );
            }
            None
        } else {
            match step_title(&self.new_title) {
                Ok(title) => Some((title, new_due.as_ref().ok().copied().flatten())),
                Err(message) => {
                    errors.insert("new_title".into(), message);
                    None
                }
            }
        };
        if let Err(message) = new_due {
            errors.insert("new_due".into(), message);
        }
        let kept =
            self.steps.iter().filter(|s| !s.remove).count() + usize::from(new_step.is_some());
        if kept > MAX_STEPS {
            errors.insert(
                "new_title".into(),
                format!("A plan can hold {MAX_STEPS} steps at most."),
            );
        }
        match (self.plan.parse(), version, review_on) {
            (Ok(input), Some(version), Some(review_on)) if errors.is_empty() => Ok(Edit {
                input,
                version,
                review_on,
                steps: self.steps.clone(),
                new_step,
            }),
            _ => Err(errors),
        }
    }
}

/// Longest step title, in characters: room for the longest title the planner writes itself
/// (two 80-character jobs in one sentence), so saving a plan as shown never fails.
pub const MAX_STEP_TITLE_CHARS: usize = 240;

/// A step title: one line, 1 to [`MAX_STEP_TITLE_CHARS`] characters, no control characters.
fn step_title(raw: &str) -> Result<String, String> {
    let title = raw;
    let chars = title.chars().count();
    if planner::is_blank(title) {
        Err("Please give this step a title, or tick \u{201c}Remove\u{201d}.".into())
    } else if chars > MAX_STEP_TITLE_CHARS {
        Err(format!(
            "Keep this to {MAX_STEP_TITLE_CHARS} characters or fewer (you typed {chars})."
        ))
    } else if title.chars().any(char::is_control) {
        Err("This has a hidden character we can't save. Please type it again.".into())
    } else {
        Ok(title.to_owned())
    }
}

/// A plan would hold more than [`MAX_STEPS`] after an edit: nothing is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManySteps {
    /// Barriers ticked in this edit added steps (rather than steps saved from another tab).
    pub barriers_added: bool,
}

/// The steps a plan has after an edit, in page order.
///
/// Removed steps go. A title or date typed in the form replaces the stored one and is marked as
/// the person's own. When the answers changed, generated steps get the new wording and dates,
/// except for a title or date the person made their own (in this edit or an earlier one); ticks
/// and notes always stay. Steps for barriers no longer chosen go unless the person worked on them
/// (a status, a note, their own title or date), and steps for newly chosen barriers join after the
/// other early steps, being unsure of the goal straight after the path. A suggested step the
/// person removed comes back only if they choose its barrier again. A dated step of their own
/// joins the list after the last step due on or before its date; an undated one goes last.
pub fn merge(record: &PlanRecord, edit: &Edit) -> Result<Vec<StepDraft>, TooManySteps> {
    let before = input_of(record);
    let answers_changed = before != edit.input;
    let regenerated = if answers_changed {
        planner::generate(&edit.input, record.plan.created_on)
    } else {
        Vec::new()
    };
    let fields = |number: i64| edit.steps.iter().find(|s| s.number == number);

    // Rows saved before steps recorded what the person set: their own titles and dates are
    // told apart by generating the plan again from the answers as they were.
    let suggested_before = planner::generate(&before, record.plan.created_on);
    let suggested = |kind: &str| suggested_before.iter().find(|g| g.kind.slug() == kind);

    let mut steps = Vec::new();
    for row in &record.steps {
        let field = fields(row.number);
        if field.is_some_and(|f| f.remove) {
            continue;
        }
        let mut step = keep(row);
        step.own_title = row
            .own_title
            .unwrap_or_else(|| suggested(&row.kind).is_none_or(|g| g.title != row.title));
        step.own_due = row
            .own_due
            .unwrap_or_else(|| suggested(&row.kind).is_none_or(|g| Some(g.due) != row.due_on));
        // A row the form does not show (saved from another tab since) has nothing typed. A
        // field counts as typed only when it differs from what the form was opened with.
        if let Some(field) = field {
            let typed_title = field.title.as_str();
            let opened_title = field.was_title.as_deref().unwrap_or(row.title.as_str());
            if typed_title != opened_title {
                typed_title.clone_into(&mut step.title);
                step.own_title = true;
            }
            let typed_due = parse_date(&field.due);
            let opened_due = field.was_due.as_deref().map_or(row.due_on, parse_date);
            if typed_due != opened_due {
                step.due_on = typed_due;
                step.own_due = true;
            }
        }
        if answers_changed && row.kind != CUSTOM_KIND {
            match regenerated.iter().find(|g| g.kind.slug() == row.kind) {
                Some(fresh) => {
                    step = StepDraft {
                        number: Some(row.number),
                        title: if step.own_title {
                            step.title
                        } else {
                            fresh.title.clone()
                        },
                        due_on: if step.own_due {
                            step.due_on
                        } else {
                            Some(fresh.due)
                        },
                        own_title: step.own_title,
                        own_due: step.own_due,
                        ..draft(fresh)
                    };
                }
                None if row.status == "todo"
                    && row.note.is_empty()
                    && !step.own_title
                    && !step.own_due =>
                {
                    continue;
                }
                None => {}
            }
        }
        steps.push(step);
    }

    let newly_chosen = edit
        .input
        .barriers
        .iter()
        .filter(|b| !before.barriers.contains(b))
        .map(|b| StepKind::Barrier(*b));
    for kind in newly_chosen {
        let slug = kind.slug();
        let Some(fresh) = regenerated.iter().find(|g| g.kind == kind) else {
            continue;
        };
        if steps.iter().any(|s| s.kind == slug) {
            continue;
        }
        let after = |is_it: &dyn Fn(&str) -> bool| {
            steps
                .iter()
                .rposition(|s| is_it(&s.kind))
                .map_or(0, |i| i + 1)
        };
        let at = if kind == StepKind::Barrier(Barrier::UnsureOfGoals) {
            after(&|k| k == "path")
        } else {
            after(&|k| k == "path" || k.starts_with("barrier-"))
        };
        steps.insert(at, draft(fresh));
    }

    if let Some((title, due_on)) = &edit.new_step {
        steps.push(StepDraft {
            number: None,
            kind: CUSTOM_KIND.to_owned(),
            title: title.clone(),
            why: String::new(),
            action: String::new(),
            resources: String::new(),
            guide: String::new(),
            due_on: *due_on,
            own_title: true,
            own_due: true,
        });
    }
    // The list is a timeline: a step whose date changed, or a new one, goes where its date
    // falls. The planner's dates already run in its order, and the sort is stable, so steps on
    // the same day keep theirs; steps without a date come last.
    steps.sort_by_key(|step| (step.due_on.is_none(), step.due_on));
    if steps.len() > MAX_STEPS {
        return Err(TooManySteps {
            barriers_added: edit
                .input
                .barriers
                .iter()
                .any(|b| !before.barriers.contains(b)),
        });
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::store::plans::PlanRow;

    fn input(target: &str, barriers: Vec<Barrier>) -> PlanInput {
        PlanInput {
            current_job: "Cashier".into(),
            target_career: target.into(),
            rungs: vec!["Shift lead".into()],
            interests: String::new(),
            strengths: String::new(),
            horizon_months: 24,
            barriers,
        }
    }

    /// A stored plan made from `input`, as the store would give it back.
    fn record(input: &PlanInput) -> PlanRecord {
        let start = date!(2026 - 01 - 31);
        let steps = planner::generate(input, start)
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let d = draft(g);
                StepRow {
                    number: i as i64 + 1,
                    position: i as i64 + 1,
                    kind: d.kind,
                    title: d.title,
                    why: d.why,
                    action: d.action,
                    resources: d.resources,
                    guide: d.guide,
                    due_on: d.due_on,
                    status: "todo".into(),
                    note: String::new(),
                    own_title: Some(false),
                    own_due: Some(false),
                }
            })
            .collect();
        let a = answers(input);
        PlanRecord {
            plan: PlanRow {
                n: 1,
                id: "i".into(),
                share_id: "s".into(),
                current_job: a.current_job,
                target_career: a.target_career,
                interests: a.interests,
                strengths: a.strengths,
                horizon_months: a.horizon_months,
                created_on: start,
                review_on: date!(2026 - 04 - 30),
                version: 1,
                rungs: String::new(),
                barriers: String::new(),
            },
            rungs: a.rungs,
            barriers: a.barriers,
            steps,
        }
    }

    fn edit_of(record: &PlanRecord, change: impl FnOnce(&mut EditForm)) -> Edit {
        let mut form = EditForm::from_record(record);
        change(&mut form);
        form.parse().expect("a valid edit")
    }

    #[test]
    fn an_unchanged_form_keeps_every_step_as_it_was() {
        let record = record(&input("Store manager", vec![]));

        let steps = merge(&record, &edit_of(&record, |_| {})).unwrap();

        assert_eq!(steps.len(), record.steps.len());
        assert!(
            steps
                .iter()
                .zip(&record.steps)
                .all(|(s, r)| s.number == Some(r.number) && s.title == r.title)
        );
    }

    #[test]
    fn removing_a_step_and_adding_one_of_your_own() {
        let record = record(&input("Store manager", vec![]));

        let steps = merge(
            &record,
            &edit_of(&record, |f| {
                f.steps[2].remove = true;
                f.new_title = "Ask about the opening".into();
                f.new_due = "2027-05-01".into();
            }),
        )
        .unwrap();

        assert_eq!(steps.len(), record.steps.len());
        assert!(!steps.iter().any(|s| s.number == Some(3)));
        let at = steps.iter().position(|s| s.number.is_none()).unwrap();
        let own = &steps[at];
        assert_eq!(
            (own.kind.as_str(), own.title.as_str(), own.due_on),
            (
                CUSTOM_KIND,
                "Ask about the opening",
                Some(date!(2027 - 05 - 01))
            )
        );
        assert!(at > 0, "steps are due before it");
        let (earlier, later) = (steps[at - 1].due_on.unwrap(), steps[at + 1].due_on.unwrap());
        assert!(
            earlier <= date!(2027 - 05 - 01) && later > date!(2027 - 05 - 01),
            "placed where its date falls: {earlier} < {later}"
        );

        let undated = merge(
            &record,
            &edit_of(&record, |f| f.new_title = "Some day".into()),
        )
        .unwrap();
        assert_eq!(undated.last().unwrap().title, "Some day");
    }

    #[test]
    fn a_step_whose_date_changes_moves_to_where_the_date_falls() {
        let record = record(&input("Store manager", vec![]));
        let last = record.steps.iter().filter_map(|s| s.due_on).max().unwrap();
        let later = last + time::Duration::days(1);

        let steps = merge(
            &record,
            &edit_of(&record, |f| f.steps[0].due = iso_date(later)),
        )
        .unwrap();

        let dues: Vec<_> = steps.iter().map(|s| s.due_on.unwrap()).collect();
        assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
        assert_eq!(steps.last().unwrap().number, Some(record.steps[0].number));
    }

    #[test]
    fn new_answers_rewrite_generated_steps_but_a_title_typed_in_the_same_form_wins() {
        let record = record(&input("Store manager", vec![]));

        let steps = merge(
            &record,
            &edit_of(&record, |f| {
                f.plan.target = "Buyer".into();
                f.steps[1].title = "My own words".into();
            }),
        )
        .unwrap();

        assert!(steps[0].title.contains("Buyer"), "{}", steps[0].title);
        assert_eq!(
            steps[0].number,
            Some(1),
            "same step, so its tick and note stay"
        );
        assert_eq!(steps[1].title, "My own words");
    }

    #[test]
    fn changes_made_in_an_earlier_edit_survive_new_answers() {
        let first = record(&input("Store manager", vec![]));
        let removed = first.steps[3].kind.clone();
        let steps = merge(
            &first,
            &edit_of(&first, |f| {
                f.steps[1].title = "My own words".into();
                f.steps[2].due = "2026-06-15".into();
                f.steps[3].remove = true;
            }),
        )
        .unwrap();
        // The plan as saved by that edit, then opened again and given other answers.
        let mut saved = first.clone();
        saved.steps.retain(|row| row.kind != removed);
        for row in &mut saved.steps {
            let step = steps.iter().find(|s| s.number == Some(row.number)).unwrap();
            row.title.clone_from(&step.title);
            row.due_on = step.due_on;
            row.own_title = Some(step.own_title);
            row.own_due = Some(step.own_due);
        }

        let steps = merge(
            &saved,
            &edit_of(&saved, |f| {
                f.plan.target = "Buyer".into();
                f.plan.horizon = "60".into();
            }),
        )
        .unwrap();

        // Found by number: the new horizon moves the untouched steps' dates, and with them the
        // order.
        let step = |row: usize| {
            steps
                .iter()
                .find(|s| s.number == Some(saved.steps[row].number))
                .unwrap()
        };
        assert!(step(0).title.contains("Buyer"), "untouched: rewritten");
        assert_ne!(step(0).due_on, saved.steps[0].due_on, "untouched: new date");
        assert_eq!(step(1).title, "My own words");
        assert_eq!(step(2).due_on, Some(date!(2026 - 06 - 15)));
        assert!(
            !steps.iter().any(|s| s.kind == removed),
            "a removed step stays removed"
        );
        assert_eq!(steps.len(), saved.steps.len());
    }

    #[test]
    fn every_title_the_planner_writes_can_be_saved_again_from_the_edit_form() {
        let long = "x".repeat(crate::planner::MAX_TITLE_CHARS);
        let input = PlanInput {
            current_job: long.clone(),
            target_career: long.clone(),
            rungs: vec![long.clone(); crate::planner::MAX_RUNGS],
            barriers: Barrier::ALL.to_vec(),
            ..input("Store manager", vec![])
        };

        let record = record(&input);

        assert!(EditForm::from_record(&record).parse().is_ok());
    }

    #[test]
    fn wording_from_an_older_generator_is_rewritten_unless_the_person_typed_it() {
        let mut record = record(&input("Store manager", vec![]));
        record.steps[0].title = "Older wording of the path step".into();
        record.steps[1].title = "Typed by the person".into();
        record.steps[1].own_title = Some(true);
        // Not in the form: saved from another tab after this form was opened.
        let mut edit = edit_of(&record, |f| f.plan.target = "Buyer".into());
        edit.steps.retain(|s| s.number != 1 && s.number != 2);

        let steps = merge(&record, &edit).unwrap();

        assert!(steps[0].title.contains("Buyer"), "{}", steps[0].title);
        assert_eq!(steps[1].title, "Typed by the person");
    }

    #[test]
    fn steps_saved_before_the_flags_existed_keep_a_title_that_differs_from_the_suggestion() {
        let mut record = record(&input("Store manager", vec![]));
        for row in &mut record.steps {
            (row.own_title, row.own_due) = (None, None);
        }
        record.steps[1].title = "Changed long ago".into();

        let steps = merge(
            &record,
            &edit_of(&record, |f| f.plan.target = "Buyer".into()),
        )
        .unwrap();

        assert!(steps[0].title.contains("Buyer") && !steps[0].own_title);
        assert_eq!(steps[1].title, "Changed long ago");
        assert!(steps[1].own_title && !steps[1].own_due);
    }

    #[test]
    fn saving_a_form_again_after_another_save_changes_only_what_this_form_changed() {
        let opened = record(&input("Store manager", vec![]));
        let mut form = EditForm::from_record(&opened);
        form.steps[2].title = "Mine".into();
        // Meanwhile another tab renamed step 2 and the plan moved on.
        let mut saved = opened.clone();
        saved.steps[1].title = "From the other tab".into();
        saved.steps[1].own_title = Some(true);
        form.version = saved.plan.version.to_string();

        let steps = merge(&saved, &form.parse().unwrap()).unwrap();

        assert_eq!(steps[1].title, "From the other tab");
        assert_eq!(steps[2].title, "Mine");
        assert!(steps[2].own_title);
        assert!(
            steps.iter().filter(|s| s.own_title || s.own_due).count() == 2,
            "nothing else became the person's own"
        );
    }

    #[test]
    fn a_removed_barrier_step_returns_only_when_its_barrier_is_ticked_again() {
        let mut record = record(&input("Store manager", vec![Barrier::Childcare]));
        record.steps.retain(|s| s.kind != "barrier-childcare");

        let steps = merge(
            &record,
            &edit_of(&record, |f| f.plan.target = "Buyer".into()),
        )
        .unwrap();
        assert!(!steps.iter().any(|s| s.kind == "barrier-childcare"));

        let mut unticked = record.clone();
        unticked.barriers.clear();
        let steps = merge(
            &unticked,
            &edit_of(&unticked, |f| f.plan.barriers = vec!["childcare".into()]),
        )
        .unwrap();
        assert!(steps.iter().any(|s| s.kind == "barrier-childcare"));
    }

    #[test]
    fn a_barrier_step_renamed_as_its_barrier_is_unticked_stays() {
        let record = record(&input("Store manager", vec![Barrier::Money]));
        let money = record
            .steps
            .iter()
            .position(|s| s.kind == "barrier-money")
            .unwrap();

        let steps = merge(
            &record,
            &edit_of(&record, |f| {
                f.plan.barriers = vec![];
                f.steps[money].title = "Ask about tuition help".into();
            }),
        )
        .unwrap();

        assert!(steps.iter().any(|s| s.title == "Ask about tuition help"));
    }

    #[test]
    fn being_unsure_of_the_goal_ticked_later_goes_straight_after_the_path() {
        let record = record(&input("Store manager", vec![Barrier::Money]));

        let steps = merge(
            &record,
            &edit_of(&record, |f| {
                f.plan.barriers = vec!["goals".into(), "money".into()];
            }),
        )
        .unwrap();

        let kinds: Vec<_> = steps.iter().take(3).map(|s| s.kind.as_str()).collect();
        assert_eq!(kinds, ["path", "barrier-goals", "barrier-money"]);
    }

    #[test]
    fn barriers_that_would_take_a_plan_over_the_limit_are_refused_and_no_step_is_dropped() {
        let mut record = record(&input("Store manager", vec![]));
        let template = record.steps[0].clone();
        for number in record.steps.len() as i64 + 1..=MAX_STEPS as i64 {
            record.steps.push(StepRow {
                number,
                position: number,
                kind: CUSTOM_KIND.into(),
                ..template.clone()
            });
        }

        let outcome = merge(
            &record,
            &edit_of(&record, |f| f.plan.barriers = vec!["money".into()]),
        );

        assert_eq!(
            outcome.unwrap_err(),
            TooManySteps {
                barriers_added: true
            }
        );
    }

    #[test]
    fn a_new_barrier_adds_its_step_early_and_a_dropped_one_goes_unless_worked_on() {
        let mut with_money = record(&input("Store manager", vec![Barrier::Money]));
        let money_at = with_money
            .steps
            .iter()
            .position(|s| s.kind == "barrier-money")
            .unwrap();

        let steps = merge(
            &with_money,
            &edit_of(&with_money, |f| f.plan.barriers = vec!["childcare".into()]),
        )
        .unwrap();
        assert!(!steps.iter().any(|s| s.kind == "barrier-money"));
        assert_eq!(steps[1].kind, "barrier-childcare", "after the path step");
        assert_eq!(steps[1].number, None);

        with_money.steps[money_at].status = "done".into();
        let steps = merge(
            &with_money,
            &edit_of(&with_money, |f| f.plan.barriers = vec![]),
        )
        .unwrap();
        assert!(
            steps.iter().any(|s| s.kind == "barrier-money"),
            "kept: it was done"
        );
    }

    #[test]
    fn an_edit_form_with_a_blank_step_title_or_a_bad_date_is_refused_with_the_field_named() {
        let record = record(&input("Store manager", vec![]));
        let mut form = EditForm::from_record(&record);
        form.steps[0].title = "  ".into();
        form.steps[1].due = "31/12/2027".into();
        form.review_on = "soon".into();
        form.steps[2].due = "9999-12-31".into();
        form.new_due = "2027-01-10".into();

        let errors = form.parse().unwrap_err();

        assert!(errors.contains_key("step-1-title"));
        assert!(errors.contains_key("step-2-due"));
        assert!(errors.contains_key("review_on"));
        assert!(errors["step-3-due"].contains("2099"), "{errors:?}");
        assert!(errors["new_title"].contains("title"), "{errors:?}");
    }

    #[test]
    fn edit_form_fields_are_read_by_step_number() {
        let pairs = vec![
            ("version".to_owned(), "3".to_owned()),
            ("step-7-title".to_owned(), "Seven".to_owned()),
            ("step-7-due".to_owned(), "2027-01-01".to_owned()),
            ("step-2-remove".to_owned(), "1".to_owned()),
            ("step-x-title".to_owned(), "ignored".to_owned()),
        ];

        let form = EditForm::from_pairs(pairs);

        assert_eq!(form.version, "3");
        assert_eq!(form.steps.len(), 2);
        assert_eq!(
            (form.steps[0].number, form.steps[0].title.as_str()),
            (7, "Seven")
        );
        assert!(form.steps[1].remove);
    }

    #[test]
    fn statuses_round_trip_through_their_slugs() {
        for status in Status::ALL {
            assert_eq!(Status::from_slug(status.slug()), Some(status));
        }
        assert_eq!(Status::from_slug("finished"), None);
        for (typed, status) in [
            ("done", Status::Done),
            ("Done", Status::Done),
            ("in-progress", Status::Doing),
            ("In progress", Status::Doing),
            ("in_progress", Status::Doing),
            ("to-do", Status::Todo),
            ("To do", Status::Todo),
            ("not done", Status::Todo),
            (" skipped ", Status::Skipped),
        ] {
            assert_eq!(Status::from_form(typed), Some(status), "{typed}");
        }
        assert_eq!(Status::from_form("finished"), None);
        assert_eq!(Status::from_form(""), None);
    }
}
