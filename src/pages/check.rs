//! `GET /check` and `POST /check`: the "Job or career?" self-check and its result. Nothing about
//! the answers is stored; the result is worked out and shown in the same request.

use askama::Template;
use askama_web::WebTemplate;
use axum::{
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::{
    AppState,
    check::{
        self, CAREER_AT_PERCENT, CheckErrors, CheckForm, Checked, JOB_AT_PERCENT, Lean, Outcome,
        QUESTIONS, Question, Reason,
    },
    extract::FormPairs,
    guides::Library,
};

/// The questionnaire, blank or shown again with the answers kept and the problems marked.
#[derive(Template, WebTemplate)]
#[template(path = "pages/check.html")]
pub struct CheckPage {
    pub questions: Vec<QuestionField>,
    pub current: String,
    pub current_error: Option<String>,
}

/// One question as the form shows it.
pub struct QuestionField {
    /// Its place on the form, from 1.
    pub number: usize,
    pub question: &'static Question,
    pub picked: Option<String>,
    pub missing: bool,
}

/// The result: the verdict, every answer with its reason and guide link, and the planner link.
#[derive(Template, WebTemplate)]
#[template(path = "pages/check_result.html")]
pub struct ResultPage {
    pub outcome: Outcome,
    pub current: Option<String>,
    pub plan_link: String,
    /// The link ticks "unsure of my goals" in the planner.
    pub unsure_of_goals: bool,
    pub job: Vec<Explained>,
    pub career: Vec<Explained>,
    pub neutral: Vec<Explained>,
    pub career_at: u32,
    pub job_at: u32,
}

/// One answer on the result page, with a readable name for the guide section it links to.
pub struct Explained {
    pub reason: Reason,
    pub guide_label: String,
}

/// The blank questionnaire.
pub async fn show_check() -> CheckPage {
    CheckPage::new(&CheckForm::default(), &CheckErrors::default())
}

/// The result page, or the form again (422) with the answers kept and the gaps marked.
pub async fn score_check(State(state): State<AppState>, FormPairs(pairs): FormPairs) -> Response {
    let form = CheckForm::from_pairs(pairs);
    let page = match form.check() {
        Ok(checked) => ResultPage::new(checked, &state.library).into_response(),
        Err(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            CheckPage::new(&form, &errors),
        )
            .into_response(),
    };
    // The answers are personal: a shared library computer must not keep them.
    ([(header::CACHE_CONTROL, "private, no-store")], page).into_response()
}

impl CheckPage {
    fn new(form: &CheckForm, errors: &CheckErrors) -> CheckPage {
        let questions = QUESTIONS
            .iter()
            .enumerate()
            .map(|(index, question)| QuestionField {
                number: index + 1,
                question,
                picked: form.picked(question.key).map(str::to_owned),
                missing: errors.missing.contains(&question.key),
            })
            .collect();
        CheckPage {
            questions,
            current: form.current.clone(),
            current_error: errors.current.clone(),
        }
    }

    /// True when the form is shown again because something needs fixing.
    pub fn has_errors(&self) -> bool {
        self.current_error.is_some() || self.questions.iter().any(|q| q.missing)
    }
}

impl QuestionField {
    /// True when this answer was sent, so its radio button stays checked.
    pub fn is_picked(&self, value: &str) -> bool {
        self.picked.as_deref() == Some(value)
    }

    /// The id of the question's first radio button: where the error summary sends the reader.
    pub fn first_id(&self) -> String {
        let first = self.question.options.first().map_or("", |c| c.value);
        format!("{}-{first}", self.question.key)
    }
}

impl ResultPage {
    fn new(checked: Checked, library: &Library) -> ResultPage {
        let explained = |lean| -> Vec<Explained> {
            checked
                .outcome
                .reasons
                .iter()
                .filter(|reason| reason.choice.lean == lean)
                .map(|&reason| Explained {
                    reason,
                    guide_label: guide_label(library, reason.question.guide),
                })
                .collect()
        };
        let (job, career, neutral) = (
            explained(Lean::Job),
            explained(Lean::Career),
            explained(Lean::Neutral),
        );
        let plan_link = check::planner_link(&checked);
        let unsure_of_goals = check::unsure_of_goals(&checked);
        ResultPage {
            outcome: checked.outcome,
            current: checked.current,
            plan_link,
            unsure_of_goals,
            job,
            career,
            neutral,
            career_at: CAREER_AT_PERCENT,
            job_at: JOB_AT_PERCENT,
        }
    }
}

/// "Timeframe, in Job vs. career: 10 key differences" for `/guides/key-differences#timeframe`.
fn guide_label(library: &Library, link: &str) -> String {
    let (path, anchor) = link.split_once('#').unwrap_or((link, ""));
    let Some(guide) = path
        .strip_prefix("/guides/")
        .and_then(|slug| library.get(slug))
    else {
        return "the guide".to_owned();
    };
    match guide.headings.iter().find(|heading| heading.id == anchor) {
        Some(heading) => format!("{}, in {}", heading.text, guide.title),
        None => guide.title.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_links_read_as_the_section_and_guide_they_point_to() {
        let library = Library::load().unwrap();

        let label = guide_label(&library, "/guides/key-differences#timeframe");

        assert_eq!(label, "Timeframe, in Job vs. career: 10 key differences");
        assert_eq!(guide_label(&library, "/nowhere"), "the guide");
    }

    #[test]
    fn every_question_links_to_a_section_that_exists() {
        let library = Library::load().unwrap();

        for question in QUESTIONS {
            let label = guide_label(&library, question.guide);

            assert!(label.contains(", in "), "{}: {label}", question.key);
        }
    }
}
