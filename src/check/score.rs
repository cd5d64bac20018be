//! Scoring: turns the posted answers into a verdict, the points behind it, and the reasons.

use std::fmt;

use super::questions::{Choice, Lean, QUESTIONS, Question};

/// The work counts as a career when at least this share (in percent) of the points that lean
/// one way or the other lean towards a career.
pub const CAREER_AT_PERCENT: u32 = 65;

/// The work counts as a job when at most this share (in percent) of the points that lean one way
/// or the other lean towards a career.
pub const JOB_AT_PERCENT: u32 = 35;

/// What the answers add up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Most points lean towards a job.
    Job,
    /// Most points lean towards a career.
    Career,
    /// Neither side has a clear lead.
    Mixed,
}

/// One answer given, with the question it answers; the result page lists these.
#[derive(Debug, Clone, Copy)]
pub struct Reason {
    /// The question that was answered.
    pub question: &'static Question,
    /// The answer picked, with its lean and why it leans that way.
    pub choice: &'static Choice,
}

/// The result of a fully answered self-check.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// What the answers add up to.
    pub verdict: Verdict,
    /// Points from answers that lean towards a career.
    pub career_points: u32,
    /// Points from answers that lean towards a job.
    pub job_points: u32,
    /// One reason per question, neutral answers included, in question order.
    pub reasons: Vec<Reason>,
    /// One plain sentence that states the verdict.
    pub headline: &'static str,
    /// A few plain sentences on what the verdict means and what to do next.
    pub summary: &'static str,
}

/// The questions that still need an answer, so the form can be shown again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// Keys of questions left blank or answered with a value they do not offer, in question order.
    pub keys: Vec<&'static str>,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "questions without a valid answer: {}",
            self.keys.join(", ")
        )
    }
}

impl std::error::Error for Missing {}

/// Scores a self-check.
///
/// `answers` are (question key, chosen value) pairs as decoded from the form, in any order;
/// unknown keys are ignored. Every question must have one answer that it offers, otherwise the
/// result is `Missing` with the keys to fix: a question answered twice is asked again, as the
/// planner refuses a field sent twice.
pub fn score<'a, I: IntoIterator<Item = (&'a str, &'a str)>>(
    answers: I,
) -> Result<Outcome, Missing> {
    let mut given: Vec<Option<&str>> = vec![None; QUESTIONS.len()];
    let mut twice = vec![false; QUESTIONS.len()];
    for (key, value) in answers {
        // Forms also carry fields that are not questions (a CSRF token, the submit button).
        if let Some(slot) = QUESTIONS.iter().position(|q| q.key == key) {
            twice[slot] |= given[slot].is_some();
            given[slot] = Some(value);
        }
    }
    for (slot, twice) in twice.into_iter().enumerate() {
        if twice {
            given[slot] = None;
        }
    }

    let mut reasons = Vec::with_capacity(QUESTIONS.len());
    let mut missing = Vec::new();
    for (question, value) in QUESTIONS.iter().zip(given) {
        // A value the question does not offer means a stale or hand-made form; asking again is
        // clearer than guessing what was meant.
        match value.and_then(|value| question.choice(value)) {
            Some(choice) => reasons.push(Reason { question, choice }),
            None => missing.push(question.key),
        }
    }
    if !missing.is_empty() {
        return Err(Missing { keys: missing });
    }

    let points = |lean| {
        reasons
            .iter()
            .filter(|reason| reason.choice.lean == lean)
            .map(|reason| reason.choice.weight)
            .sum()
    };
    let (career_points, job_points) = (points(Lean::Career), points(Lean::Job));
    let verdict = verdict(career_points, job_points);
    let (headline, summary) = words(verdict);
    Ok(Outcome {
        verdict,
        career_points,
        job_points,
        reasons,
        headline,
        summary,
    })
}

/// The rule the result page can spell out: compare the career share of the decided points with
/// the two thresholds.
fn verdict(career_points: u32, job_points: u32) -> Verdict {
    let decided = career_points + job_points;
    // All-neutral answers give no evidence either way; without this check 0 >= 0 would say Career.
    if decided == 0 {
        return Verdict::Mixed;
    }
    // Whole numbers keep the thresholds exact: 13 of 20 is exactly 65 %, with no rounding.
    let career_percent_times_decided = career_points * 100;
    if career_percent_times_decided >= CAREER_AT_PERCENT * decided {
        Verdict::Career
    } else if career_percent_times_decided <= JOB_AT_PERCENT * decided {
        Verdict::Job
    } else {
        Verdict::Mixed
    }
}

/// The headline and summary for a verdict.
fn words(verdict: Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Job => (
            "Your work looks more like a job right now.",
            "Most of your answers point to work you do for the pay, for now. That is fine: \
             many careers start with a job like this. Look at the answers below that lean \
             towards a job. Each one is a place to start, and the planner can turn them into steps.",
        ),
        Verdict::Career => (
            "Your work looks more like a career.",
            "Most of your answers point to work you are building on over time. Keep learning, \
             keep meeting people in your field, and set your next goal. The planner can help \
             you map the next steps up.",
        ),
        Verdict::Mixed => (
            "Your work is part job, part career.",
            "Some of your answers point to a job and some to a career. Look at the answers \
             below that lean towards a job: changing even one or two of them can tip the \
             balance. The planner can help you pick where to begin.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// For every question, the value of its answer that leans this way.
    fn answers_leaning(lean: Lean) -> Vec<(&'static str, &'static str)> {
        QUESTIONS
            .iter()
            .map(|q| {
                let choice = q
                    .options
                    .iter()
                    .find(|c| c.lean == lean)
                    .expect("lean offered");
                (q.key, choice.value)
            })
            .collect()
    }

    #[test]
    fn a_clear_cut_job_answer_set_is_a_job_with_a_reason_per_question() {
        // Arrange
        let answers = answers_leaning(Lean::Job);

        // Act
        let outcome = score(answers).expect("all answered");

        // Assert
        assert_eq!(outcome.verdict, Verdict::Job);
        assert_eq!(outcome.career_points, 0);
        assert!(outcome.job_points > 0);
        let keys: Vec<_> = outcome.reasons.iter().map(|r| r.question.key).collect();
        let expected: Vec<_> = QUESTIONS.iter().map(|q| q.key).collect();
        assert_eq!(keys, expected);
        assert!(outcome.reasons.iter().all(|r| r.choice.lean == Lean::Job));
        assert_eq!(
            outcome.headline,
            "Your work looks more like a job right now."
        );
    }

    #[test]
    fn a_clear_cut_career_answer_set_is_a_career() {
        // Arrange
        let answers = answers_leaning(Lean::Career);

        // Act
        let outcome = score(answers).expect("all answered");

        // Assert
        assert_eq!(outcome.verdict, Verdict::Career);
        assert_eq!(outcome.job_points, 0);
        assert_eq!(outcome.reasons.len(), QUESTIONS.len());
        assert_eq!(outcome.headline, "Your work looks more like a career.");
    }

    #[test]
    fn a_half_and_half_answer_set_is_mixed() {
        // Arrange: job answers on the first five questions (12 points), career on the rest (8).
        let answers = [
            ("timeframe", "short"),
            ("purpose", "pay"),
            ("training", "none"),
            ("advancement", "none"),
            ("benefits", "pay-only"),
            ("learning", "yes"),
            ("networking", "yes"),
            ("means-or-end", "yes"),
            ("hours", "me"),
            ("new-ideas", "yes"),
        ];

        // Act
        let outcome = score(answers).expect("all answered");

        // Assert
        assert_eq!(outcome.verdict, Verdict::Mixed);
        assert_eq!((outcome.job_points, outcome.career_points), (12, 8));
        assert_eq!(outcome.headline, "Your work is part job, part career.");
    }

    #[test]
    fn all_neutral_answers_are_mixed_with_no_points() {
        // Arrange
        let answers = answers_leaning(Lean::Neutral);

        // Act
        let outcome = score(answers).expect("all answered");

        // Assert
        assert_eq!(outcome.verdict, Verdict::Mixed);
        assert_eq!((outcome.job_points, outcome.career_points), (0, 0));
    }

    #[test]
    fn a_missing_answer_is_reported_by_its_key() {
        // Arrange
        let answers = answers_leaning(Lean::Career)
            .into_iter()
            .filter(|(key, _)| *key != "benefits");

        // Act
        let result = score(answers);

        // Assert
        let missing = result.expect_err("benefits left blank");
        assert_eq!(missing.keys, ["benefits"]);
    }

    #[test]
    fn an_unknown_value_counts_as_missing() {
        // Arrange
        let mut answers = answers_leaning(Lean::Job);
        answers.retain(|(key, _)| *key != "purpose");
        answers.push(("purpose", "fame"));

        // Act
        let result = score(answers);

        // Assert
        let missing = result.expect_err("fame is not an option");
        assert_eq!(missing.keys, ["purpose"]);
    }

    #[test]
    fn missing_keys_come_in_question_order_whatever_the_form_order() {
        // Arrange: only two answers, given last question first.
        let answers = [("new-ideas", "no"), ("timeframe", "long")];

        // Act
        let missing = score(answers).expect_err("most questions blank");

        // Assert
        let expected: Vec<_> = QUESTIONS[1..QUESTIONS.len() - 1]
            .iter()
            .map(|q| q.key)
            .collect();
        assert_eq!(missing.keys, expected);
    }

    #[test]
    fn answers_in_any_order_with_extra_fields_score_the_same() {
        // Arrange
        let mut answers = answers_leaning(Lean::Career);
        answers.reverse();
        answers.push(("csrf_token", "abc"));

        // Act
        let outcome = score(answers).expect("all answered");

        // Assert
        assert_eq!(outcome.verdict, Verdict::Career);
        assert_eq!(outcome.reasons[0].question.key, QUESTIONS[0].key);
    }

    #[test]
    fn a_question_answered_twice_is_asked_again() {
        for second in ["long", "short"] {
            // Arrange
            let mut answers = answers_leaning(Lean::Job);
            answers.push(("timeframe", second));

            // Act
            let missing = score(answers).expect_err("two answers to one question");

            // Assert
            assert_eq!(missing.keys, ["timeframe"], "second answer {second}");
        }
    }

    #[test]
    fn exactly_the_career_threshold_is_a_career() {
        // Arrange: 13 of 20 decided points is 65 %.
        let (career, job) = (13, 7);

        // Act
        let verdict = verdict(career, job);

        // Assert
        assert_eq!(verdict, Verdict::Career);
    }

    #[test]
    fn exactly_the_job_threshold_is_a_job() {
        // Arrange: 7 of 20 decided points is 35 %.
        let (career, job) = (7, 13);

        // Act
        let verdict = verdict(career, job);

        // Assert
        assert_eq!(verdict, Verdict::Job);
    }

    #[test]
    fn just_inside_the_thresholds_is_mixed() {
        // Arrange: 64 % and 36 % career.
        let cases = [(64, 36), (36, 64)];

        // Act
        let verdicts = cases.map(|(career, job)| verdict(career, job));

        // Assert
        assert_eq!(verdicts, [Verdict::Mixed, Verdict::Mixed]);
    }

    #[test]
    fn missing_reads_as_a_list_of_keys() {
        // Arrange
        let missing = Missing {
            keys: vec!["purpose", "hours"],
        };

        // Act
        let text = missing.to_string();

        // Assert
        assert_eq!(text, "questions without a valid answer: purpose, hours");
    }
}
