//! The self-check form as sent: the picked answers and the optional current job, kept as typed
//! so the form can be shown again, and checked into an `Outcome`.

use crate::planner::MAX_TITLE_CHARS;

use super::score::{Missing, Outcome, score};

/// The form fields, as decoded from the request body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckForm {
    /// Every (name, value) pair that names a question, in the order sent.
    pub answers: Vec<(String, String)>,
    /// "What is your job now?", as typed.
    pub current: String,
}

/// A fully answered self-check.
#[derive(Debug, Clone)]
pub struct Checked {
    pub outcome: Outcome,
    /// The current job, trimmed; `None` when left blank.
    pub current: Option<String>,
}

/// What to fix before the result can be shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckErrors {
    /// Questions without an answer they offer, in question order.
    pub missing: Vec<&'static str>,
    /// The problem with the current job, if any.
    pub current: Option<String>,
}

impl CheckForm {
    /// Builds from urlencoded pairs; names that are neither a question nor `current` are ignored.
    /// As in `score`, a later value for the same name replaces an earlier one.
    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> CheckForm {
        let mut form = CheckForm::default();
        for (name, value) in pairs {
            if name == "current" {
                form.current = value;
            } else if super::QUESTIONS.iter().any(|q| q.key == name) {
                form.answers.push((name, value));
            }
        }
        form
    }

    /// The value sent for a question, if any (to keep its radio button checked).
    pub fn picked(&self, key: &str) -> Option<&str> {
        self.answers
            .iter()
            .rev()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
    }

    /// Scores the answers and checks the current job; every problem is reported at once.
    pub fn check(&self) -> Result<Checked, CheckErrors> {
        let answers = self.answers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        match (score(answers), current_job(&self.current)) {
            (Ok(outcome), Ok(current)) => Ok(Checked { outcome, current }),
            (outcome, current) => Err(CheckErrors {
                missing: outcome
                    .err()
                    .map(|Missing { keys }| keys)
                    .unwrap_or_default(),
                current: current.err(),
            }),
        }
    }
}

/// The optional current job: blank is fine; otherwise one line of at most [`MAX_TITLE_CHARS`]
/// characters, the same limit the planner uses, so the planner accepts what we pass on.
fn current_job(raw: &str) -> Result<Option<String>, String> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().any(char::is_control) {
        return Err("Your job title has a line break or a hidden character. Please type it again on one line.".to_owned());
    }
    let typed = text.chars().count();
    if typed > MAX_TITLE_CHARS {
        return Err(format!(
            "Please shorten your job title to {MAX_TITLE_CHARS} characters or fewer (it has {typed})."
        ));
    }
    Ok(Some(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Lean, QUESTIONS, Verdict};

    fn pairs(lean: Lean, current: &str) -> Vec<(String, String)> {
        let mut pairs: Vec<_> = QUESTIONS
            .iter()
            .map(|q| {
                let choice = q.options.iter().find(|c| c.lean == lean).unwrap();
                (q.key.to_owned(), choice.value.to_owned())
            })
            .collect();
        pairs.push(("current".to_owned(), current.to_owned()));
        pairs
    }

    #[test]
    fn a_complete_form_gives_the_outcome_and_the_trimmed_job() {
        let form = CheckForm::from_pairs(pairs(Lean::Career, "  Night nurse "));

        let checked = form.check().unwrap();

        assert_eq!(checked.outcome.verdict, Verdict::Career);
        assert_eq!(checked.current.as_deref(), Some("Night nurse"));
    }

    #[test]
    fn a_blank_job_is_allowed() {
        let form = CheckForm::from_pairs(pairs(Lean::Job, "   "));

        assert_eq!(form.check().unwrap().current, None);
    }

    #[test]
    fn missing_answers_and_a_bad_job_are_reported_together() {
        let mut sent = pairs(Lean::Job, &"x".repeat(MAX_TITLE_CHARS + 1));
        sent.retain(|(name, _)| name != "hours");

        let errors = CheckForm::from_pairs(sent).check().unwrap_err();

        assert_eq!(errors.missing, ["hours"]);
        assert!(errors.current.unwrap().contains("81"));
    }

    #[test]
    fn a_job_of_exactly_the_limit_is_kept_and_a_line_break_is_refused() {
        let at_limit = CheckForm::from_pairs(pairs(Lean::Job, &"é".repeat(MAX_TITLE_CHARS)));
        let two_lines = CheckForm::from_pairs(pairs(Lean::Job, "cook\nwaiter"));

        assert!(at_limit.check().is_ok());
        assert!(two_lines.check().unwrap_err().current.is_some());
    }

    #[test]
    fn the_picked_value_is_the_last_one_sent_and_other_names_are_ignored() {
        let form = CheckForm::from_pairs([
            ("timeframe".to_owned(), "short".to_owned()),
            ("token".to_owned(), "abc".to_owned()),
            ("timeframe".to_owned(), "long".to_owned()),
        ]);

        assert_eq!(form.picked("timeframe"), Some("long"));
        assert_eq!(form.picked("purpose"), None);
        assert_eq!(form.answers.len(), 2);
    }
}
