//! The words of each plan step, filled in with the person's own jobs, rungs and answers.
//!
//! Kept apart from the ordering and dates in `generate` so the text can be reworded without
//! touching the logic. Aim for short sentences and everyday words (reading grade 8 or below).

use time::Date;

use super::barrier::Barrier;
use super::form::{PlanInput, horizon_label};
use super::generate::{Draft, StepKind, add_months, spread};

/// Everything the step texts draw on, worked out once per plan.
#[derive(Clone, Copy)]
pub(crate) struct Wording<'a> {
    input: &'a PlanInput,
    start: Date,
    current: &'a str,
    target: &'a str,
    /// The job to reach next by the date of the step being worded: the first rung whose
    /// milestone has not passed by then, or the target.
    next: &'a str,
}

impl<'a> Wording<'a> {
    pub(crate) fn new(input: &'a PlanInput, start: Date) -> Wording<'a> {
        Wording {
            input,
            start,
            current: &input.current_job,
            target: &input.target_career,
            next: input.rungs.first().unwrap_or(&input.target_career),
        }
    }

    /// Each rung with the date to reach it: the rungs are spread over the horizon like the steps
    /// are, with the target last.
    fn milestones(&self) -> impl Iterator<Item = (&'a str, Date)> + '_ {
        let rungs = &self.input.rungs;
        rungs.iter().enumerate().map(move |(i, rung)| {
            let months = spread(self.input.horizon_months, i, rungs.len() + 1);
            (rung.as_str(), add_months(self.start, months))
        })
    }

    /// The text of one step of the given kind, due on `due`: a step due after a rung's
    /// milestone aims at the rung above it.
    pub(crate) fn draft(&self, kind: StepKind, due: Date) -> Draft {
        let next = self
            .milestones()
            .find(|(_, reached_by)| *reached_by >= due)
            .map_or(self.target, |(rung, _)| rung);
        Wording { next, ..*self }.draft_for(kind)
    }

    fn draft_for(&self, kind: StepKind) -> Draft {
        match kind {
            StepKind::Path => self.path(),
            StepKind::InterestsStrengths => self.interests_strengths(),
            StepKind::Training => self.training(),
            StepKind::Experience => self.experience(),
            StepKind::Network => self.network(),
            StepKind::Mentor => self.mentor(),
            StepKind::Goals => self.goals(),
            StepKind::Opportunities => self.opportunities(),
            StepKind::Barrier(barrier) => self.barrier(barrier),
        }
    }

    fn path(&self) -> Draft {
        let (current, target, next) = (self.current, self.target, self.next);
        let action = if self.input.rungs.is_empty() {
            format!(
                "You have not listed the rungs between {current} and {target} yet. \
                 Look up {target} on My Next Move or O*NET OnLine and read the list of related jobs. \
                 Pick two or three that sit between {current} and {target}, note the skills each \
                 one needs, and add them to this plan as rungs."
            )
        } else {
            let ladder = std::iter::once(current)
                .chain(self.input.rungs.iter().map(String::as_str))
                .chain(std::iter::once(target))
                .collect::<Vec<_>>()
                .join(", then ");
            format!(
                "Your ladder: {ladder}. Look up each rung on O*NET OnLine and write down the \
                 skills, training and pay that go with it. Your next rung is {next}, so start \
                 there: what does it ask for that you do not have yet?"
            )
        };
        Draft {
            kind: StepKind::Path,
            title: format!("Map your ladder from {current} to {target}"),
            why: "A career is a chain of jobs where each one builds on the last. When you can \
                  see the rungs between where you are and where you want to be, you know which \
                  skills and jobs to go after next."
                .to_owned(),
            action,
            resources: vec!["onet-online", "my-next-move"],
        }
    }

    fn interests_strengths(&self) -> Draft {
        let (current, target) = (self.current, self.target);
        let interests = inline(&self.input.interests);
        let strengths = inline(&self.input.strengths);
        let action = match (interests.is_empty(), strengths.is_empty()) {
            (false, false) => format!(
                "You told us what you enjoy ({interests}) and what you do well ({strengths}). \
                 Write down three times at work as {current} when you used these, and what came \
                 of it. Then look up {target} on My Next Move and check that it calls for the \
                 same things."
            ),
            (false, true) => format!(
                "You told us what you enjoy ({interests}). Now find your strengths: ask a \
                 coworker or your boss what you do best as {current}, and take the free O*NET \
                 Interest Profiler to see which kinds of work fit you."
            ),
            (true, false) => format!(
                "You told us what you do well ({strengths}). Take the free O*NET Interest \
                 Profiler to see which kinds of work match what you like, and check whether \
                 {target} is on the list or close to it."
            ),
            (true, true) => format!(
                "Take the free O*NET Interest Profiler to learn which kinds of work match what \
                 you like. Then write down three things you do well as {current}, and ask a \
                 coworker what they would add."
            ),
        };
        Draft {
            kind: StepKind::InterestsStrengths,
            title: format!("Check that {target} fits what you enjoy and do well"),
            why: "People tend to stick with work that matches what they like and what they are \
                  good at. Knowing your strengths also helps you tell an employer why you are \
                  right for the next job."
                .to_owned(),
            action,
            resources: vec!["interest-profiler", "my-next-move"],
        }
    }

    fn training(&self) -> Draft {
        let next = self.next;
        Draft {
            kind: StepKind::Training,
            title: format!("Find the training you need on the way to {}", self.target),
            why: "Most careers ask for skills, and often a certificate or a degree, that a first \
                  job does not teach. Training gets you ready for the next rung and shows \
                  employers you mean it."
                .to_owned(),
            action: format!(
                "Look up {next} on CareerOneStop or O*NET OnLine and list the training and \
                 certificates it asks for. Then find one course you could start soon at a \
                 community college, a trade school or online. Write down what it costs and when \
                 it starts."
            ),
            resources: vec!["careeronestop", "community-colleges", "onet-online"],
        }
    }

    fn experience(&self) -> Draft {
        let (current, target, next) = (self.current, self.target, self.next);
        Draft {
            kind: StepKind::Experience,
            title: format!("Gain experience toward {target} while you work as {current}"),
            why: "Employers want proof that you can do the work. Each new task you take on adds \
                  to a resume that points where you want to go."
                .to_owned(),
            action: format!(
                "Ask your manager for one new task or project that is closer to the work of \
                 {next}. Outside work, look for a volunteer role, a part-time job or an \
                 internship in the same field. Keep a note of what you did and how it went."
            ),
            resources: vec!["job-platforms", "workforce-centers"],
        }
    }

    fn network(&self) -> Draft {
        let (target, next) = (self.target, self.next);
        let who = if next == target {
            format!("who work as {target}")
        } else {
            format!("who work as {next} or {target}")
        };
        Draft {
            kind: StepKind::Network,
            title: format!("Build your network around {target}"),
            why: "Many jobs are filled by someone a coworker or friend can vouch for. When \
                  people in the roles you want know you and your work, they may think of you \
                  when a spot opens up."
                .to_owned(),
            action: format!(
                "Reach out to two people {who}. Try coworkers, a job fair, a trade \
                 group or LinkedIn. Ask each of them how they got where they are and what they \
                 would do in your place."
            ),
            resources: vec!["job-platforms", "community-colleges"],
        }
    }

    fn mentor(&self) -> Draft {
        let (current, target, next) = (self.current, self.target, self.next);
        Draft {
            kind: StepKind::Mentor,
            title: format!("Find a mentor on the way to {target}"),
            why: "A mentor is someone a few steps ahead of you who is glad to share what they \
                  know. They can teach you skills, help you avoid mistakes and get you ready for \
                  your next move."
                .to_owned(),
            action: format!(
                "Think of someone who already works as {next} or higher, at your workplace or in \
                 your network. Ask if they would meet with you for a short talk once a month. \
                 Bring one question each time, such as what helped them move on from a job like \
                 {current}."
            ),
            resources: vec!["workforce-centers", "community-colleges"],
        }
    }

    fn goals(&self) -> Draft {
        let target = self.target;
        let horizon = self.input.horizon_months;
        let rungs = &self.input.rungs;
        let finish = month_year(add_months(self.start, horizon));
        let action = if rungs.is_empty() {
            format!(
                "This plan aims for {target} by {finish}. Set two or three smaller milestones on \
                 the way, such as finishing a course or taking on a new task, and give each one a \
                 date. Put the dates in your calendar and look at this plan again every three \
                 months."
            )
        } else {
            let milestones: Vec<String> = self
                .milestones()
                .map(|(rung, due)| format!("{rung} by {}", month_year(due)))
                .collect();
            // The step itself comes late in the plan, so it both sets the dates now and checks
            // them by its own date, when some of them may have passed.
            format!(
                "Use your rungs as milestones: {}, and {target} by {finish}. Change the dates if \
                 they do not fit your life and put them in your calendar. By this step's date, \
                 check where you stand: if you are behind, pick new dates; if you are ahead, aim \
                 higher.",
                milestones.join(", ")
            )
        };
        Draft {
            kind: StepKind::Goals,
            title: format!("Set and check milestones on your way to {target}"),
            why: format!(
                "A goal {} away can feel out of reach. Smaller milestones with dates give you \
                 something to aim for soon and let you see how far you have come.",
                horizon_label(horizon)
            ),
            action,
            resources: vec!["careeronestop", "my-next-move"],
        }
    }

    fn opportunities(&self) -> Draft {
        let (target, next) = (self.target, self.next);
        Draft {
            kind: StepKind::Opportunities,
            title: format!("Say yes to chances that move you toward {target}"),
            why: "Chances to grow rarely come at a perfect time. Saying yes to a new task, a \
                  training day, a work trip or a volunteer role builds your skills and shows \
                  people you are ready for more."
                .to_owned(),
            action: format!(
                "Watch for openings as {next} on job sites and at your workplace, and tell your \
                 manager you are interested. Say yes to at least one new chance this month, even \
                 a small one, and add it to your notes."
            ),
            resources: vec!["job-platforms", "workforce-centers"],
        }
    }

    fn barrier(&self, barrier: Barrier) -> Draft {
        let (target, next) = (self.target, self.next);
        let (title, why, action, resources): (String, &str, String, Vec<&'static str>) =
            match barrier {
                Barrier::LackOfExperience => (
                    format!("Get hands-on experience in {target} work"),
                    "Many employers want experience before they hire you, which is hard when you \
                     are just starting. Short, part-time or unpaid roles count too, and they help \
                     you find out if the field suits you.",
                    format!(
                        "Find one volunteer role, internship, temp job or entry-level job in the \
                         same field as {target}. Search job sites and ask your local workforce \
                         center. Apply to at least two this month."
                    ),
                    vec!["job-platforms", "workforce-centers"],
                ),
                Barrier::LimitedEducation => (
                    format!("Find low-cost classes that lead to {target}"),
                    "Not having a degree or certificate can hold you back, but there are cheap \
                     and free ways to learn. Many schools can help you pay through financial aid \
                     or scholarships.",
                    format!(
                        "Call or visit a community college or adult education program near you. \
                         Ask which classes fit {next}, when they start, and what financial aid \
                         or scholarships you could get. Ask your workforce center about free \
                         training too."
                    ),
                    vec!["community-colleges", "workforce-centers", "careeronestop"],
                ),
                Barrier::UnsureOfGoals => (
                    format!("Make sure {target} is the right goal for you"),
                    "It is normal not to be sure what you want. A little time spent testing your \
                     goal now can save you years on the wrong path.",
                    format!(
                        "Take the free O*NET Interest Profiler and compare your results with \
                         {target}. Then book a free talk with a career counselor at a workforce \
                         center or community college, and bring your results with you."
                    ),
                    vec![
                        "interest-profiler",
                        "workforce-centers",
                        "community-colleges",
                    ],
                ),
                Barrier::Transportation => (
                    format!("Work out how to get to work and classes on the way to {target}"),
                    "A long or costly trip can rule out a good job or class. Help with getting \
                     around exists, and some training can be done from home.",
                    format!(
                        "Ask your workforce center or a local non-profit what help they offer \
                         with travel, such as bus passes or rides. Check if the training for \
                         {next} can be done online or at a closer campus, and look for jobs \
                         closer to home."
                    ),
                    vec!["workforce-centers", "libraries", "careeronestop"],
                ),
                Barrier::Childcare => (
                    format!("Line up childcare so you can train and work toward {target}"),
                    "Classes, shifts and interviews are hard to plan without someone to watch \
                     your kids. Sorting this out early means you can say yes when a chance \
                     comes.",
                    "Ask your workforce center or a local non-profit about help paying for \
                     childcare or finding it. When you pick classes, ask about evening, weekend \
                     or online times. Set up a backup plan with family or a friend for class \
                     nights and interviews."
                        .to_owned(),
                    vec!["workforce-centers", "community-colleges"],
                ),
                Barrier::Money => (
                    format!("Make a money plan for your move to {target}"),
                    "Training, travel and time off can cost money you may not have. Free tools, \
                     financial aid and local programs can cover some of it, so cost alone should \
                     not stop you.",
                    format!(
                        "List what your next steps toward {next} will cost. Ask a community \
                         college about financial aid and scholarships, and ask your workforce \
                         center about free training. Use free tools first, such as the computers \
                         at your public library."
                    ),
                    vec![
                        "workforce-centers",
                        "community-colleges",
                        "careeronestop",
                        "libraries",
                    ],
                ),
            };
        Draft {
            kind: StepKind::Barrier(barrier),
            title,
            why: why.to_owned(),
            action,
            resources,
        }
    }
}

/// A free-text answer made fit for the middle of a sentence: line breaks and runs of spaces
/// become one space, and a closing full stop goes (the sentence adds its own).
fn inline(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.trim_end_matches(['.', ',', ';']).to_owned()
}

/// "March 2026": enough for a milestone, and clear in any English-speaking country.
fn month_year(date: Date) -> String {
    format!("{} {}", date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn inline_joins_lines_and_drops_the_closing_full_stop() {
        // Arrange
        let typed = "Cooking\n  for  friends.\r\n";

        // Act
        let text = inline(typed);

        // Assert
        assert_eq!(text, "Cooking for friends");
    }

    #[test]
    fn month_year_spells_the_month_out() {
        // Arrange
        let day = date!(2026 - 03 - 09);

        // Act
        let text = month_year(day);

        // Assert
        assert_eq!(text, "March 2026");
    }
}
