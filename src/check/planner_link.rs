//! The link from a self-check result into the planner, pre-filled from what the answers say.

use super::Checked;
use crate::planner::Barrier;

/// Answers that say the person has not decided yet where their work leads: the planner then
/// starts with "unsure of my goals" ticked, which adds the step that helps them choose.
const UNSURE_OF_GOALS: &[(&str, &str)] = &[("timeframe", "unsure")];

/// `/plans/new` with the job typed into the self-check, and "unsure of my goals" ticked when the
/// answers say so.
pub fn planner_link(checked: &Checked) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if let Some(current) = &checked.current {
        query.append_pair("current", current);
    }
    if unsure_of_goals(checked) {
        query.append_pair("barrier", Barrier::UnsureOfGoals.slug());
    }
    let query = query.finish();
    if query.is_empty() {
        "/plans/new".to_owned()
    } else {
        format!("/plans/new?{query}")
    }
}

/// True when an answer says the person has not decided yet where their work leads.
pub fn unsure_of_goals(checked: &Checked) -> bool {
    checked
        .outcome
        .reasons
        .iter()
        .any(|reason| UNSURE_OF_GOALS.contains(&(reason.question.key, reason.choice.value)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckForm;

    fn checked(pairs: &[(&str, &str)], current: &str) -> Checked {
        let mut all: Vec<(String, String)> = crate::check::QUESTIONS
            .iter()
            .map(|q| (q.key.to_owned(), q.options[2].value.to_owned()))
            .collect();
        for (key, value) in pairs {
            all.retain(|(k, _)| k != key);
            all.push(((*key).to_owned(), (*value).to_owned()));
        }
        all.push(("current".to_owned(), current.to_owned()));
        CheckForm::from_pairs(all)
            .check()
            .expect("complete answers")
    }

    #[test]
    fn the_link_carries_the_job_and_the_barriers_the_answers_point_to() {
        let links = [
            planner_link(&checked(&[], "")),
            planner_link(&checked(&[], "Ride-share driver")),
            planner_link(&checked(&[("timeframe", "unsure")], "Cashier & clerk")),
            planner_link(&checked(&[("timeframe", "unsure")], "")),
            planner_link(&checked(&[("advancement", "none")], "")),
        ];

        assert_eq!(
            links,
            [
                "/plans/new",
                "/plans/new?current=Ride-share+driver",
                "/plans/new?current=Cashier+%26+clerk&barrier=goals",
                "/plans/new?barrier=goals",
                "/plans/new",
            ]
        );
    }
}
