//! Turns checked answers into the ordered, dated steps of a career plan.

use time::{Date, Month};

use super::barrier::Barrier;
use super::form::PlanInput;
use super::wording;

/// What a step is about: one of the eight parts of the method the guides teach, or the way
/// around one barrier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// Know your path: the ladder from the current job to the target career.
    Path,
    /// Identify your interests and strengths.
    InterestsStrengths,
    /// Get training and education.
    Training,
    /// Gain experience.
    Experience,
    /// Build your network.
    Network,
    /// Find a mentor.
    Mentor,
    /// Set long-term goals with milestones.
    Goals,
    /// Take every opportunity.
    Opportunities,
    /// Clear one barrier the person named.
    Barrier(Barrier),
}

impl StepKind {
    /// The eight method steps, in the order the plan lists them.
    pub const METHOD: [StepKind; 8] = [
        StepKind::Path,
        StepKind::InterestsStrengths,
        StepKind::Training,
        StepKind::Experience,
        StepKind::Network,
        StepKind::Mentor,
        StepKind::Goals,
        StepKind::Opportunities,
    ];

    /// A stable id for storing and linking the step: "path", ..., "barrier-childcare".
    pub fn slug(&self) -> String {
        match self {
            StepKind::Path => "path".to_owned(),
            StepKind::InterestsStrengths => "interests-strengths".to_owned(),
            StepKind::Training => "training".to_owned(),
            StepKind::Experience => "experience".to_owned(),
            StepKind::Network => "network".to_owned(),
            StepKind::Mentor => "mentor".to_owned(),
            StepKind::Goals => "goals".to_owned(),
            StepKind::Opportunities => "opportunities".to_owned(),
            StepKind::Barrier(b) => format!("barrier-{}", b.slug()),
        }
    }

    /// The kind whose [`StepKind::slug`] is exactly `s`, if there is one.
    pub fn from_slug(s: &str) -> Option<StepKind> {
        if let Some(barrier) = s.strip_prefix("barrier-") {
            return Barrier::from_slug(barrier).map(StepKind::Barrier);
        }
        StepKind::METHOD.into_iter().find(|k| k.slug() == s)
    }

    /// The link to the guide section that explains this kind of step.
    pub fn guide(&self) -> String {
        let anchor = match self {
            StepKind::Path => "know-your-path",
            StepKind::InterestsStrengths => "identify-your-interests-and-strengths",
            StepKind::Training => "get-training-and-education",
            StepKind::Experience => "gain-experience",
            StepKind::Network => "build-your-network",
            StepKind::Mentor => "find-a-mentor",
            StepKind::Goals => "set-long-term-goals",
            StepKind::Opportunities => "take-every-opportunity",
            StepKind::Barrier(b) => return b.guide_url(),
        };
        format!("/guides/turn-your-job-into-a-career#{anchor}")
    }
}

/// One step of a freshly generated plan, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedStep {
    /// Which part of the method (or which barrier) this step covers.
    pub kind: StepKind,
    /// A short, personal heading, e.g. "Map your ladder from Cashier to Store manager".
    pub title: String,
    /// Why it matters, in two or three plain sentences.
    pub why: String,
    /// What to do this month: concrete and personal.
    pub action: String,
    /// Keys into [`super::resources::RESOURCES`].
    pub resources: Vec<&'static str>,
    /// Link to the guide section that explains it.
    pub guide: String,
    /// When to aim to have it done.
    pub due: Date,
}

/// The text of a step before it gets its place, link and date.
pub(crate) struct Draft {
    pub(crate) kind: StepKind,
    pub(crate) title: String,
    pub(crate) why: String,
    pub(crate) action: String,
    pub(crate) resources: Vec<&'static str>,
}

/// Builds the plan: "know your path" first, then one step per barrier (clearing the way comes
/// early; being unsure of the goal first of all), then the rest of the method. Due dates are spread evenly so the last step lands on
/// the horizon. The same input and start always give the same plan.
pub fn generate(input: &PlanInput, start: Date) -> Vec<GeneratedStep> {
    let text = wording::Wording::new(input, start);
    let mut kinds = vec![StepKind::Path];
    // Being sure of the goal comes before clearing the way to it.
    let (goal_first, others): (Vec<Barrier>, Vec<Barrier>) = input
        .barriers
        .iter()
        .partition(|b| **b == Barrier::UnsureOfGoals);
    kinds.extend(goal_first.into_iter().chain(others).map(StepKind::Barrier));
    kinds.extend(StepKind::METHOD.into_iter().skip(1));

    let count = kinds.len();
    kinds
        .into_iter()
        .enumerate()
        .map(|(index, kind)| {
            let due = add_months(start, spread(input.horizon_months, index, count));
            let draft = text.draft(kind, due);
            GeneratedStep {
                kind: draft.kind,
                title: draft.title,
                why: draft.why,
                action: draft.action,
                resources: draft.resources,
                guide: kind.guide(),
                due,
            }
        })
        .collect()
}

/// Months from the start for item `index` (0-based) of `count` spread over `horizon` months:
/// `ceil(horizon * (index + 1) / count)`, so the last item lands on `horizon` and the months
/// never go down.
pub fn spread(horizon: u32, index: usize, count: usize) -> u32 {
    let count = count.max(1) as u64;
    let months = (u64::from(horizon) * (index as u64 + 1)).div_ceil(count);
    u32::try_from(months).unwrap_or(u32::MAX)
}

/// `date` moved forward by `months`, keeping the day of the month where it exists and
/// otherwise using the month's last day (Jan 31 + 1 month = Feb 28, or 29 in a leap year).
/// Saturates at [`Date::MAX`] rather than overflow.
pub fn add_months(date: Date, months: u32) -> Date {
    let from_year_zero = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1;
    let total = from_year_zero + i64::from(months);
    let Ok(year) = i32::try_from(total.div_euclid(12)) else {
        return Date::MAX;
    };
    // `rem_euclid(12)` is 0..=11, so the month number is always 1..=12.
    let month = Month::January.nth_next(total.rem_euclid(12) as u8);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::resources::resource;
    use std::collections::HashSet;
    use time::macros::date;

    fn cashier() -> PlanInput {
        PlanInput {
            current_job: "Cashier".into(),
            target_career: "Store manager".into(),
            rungs: vec!["Shift lead".into(), "Assistant manager".into()],
            interests: String::new(),
            strengths: String::new(),
            horizon_months: 24,
            barriers: Vec::new(),
        }
    }

    fn nurse() -> PlanInput {
        PlanInput {
            current_job: "Nursing assistant".into(),
            target_career: "Nurse practitioner".into(),
            rungs: Vec::new(),
            interests: "Caring for older people".into(),
            strengths: "Patience, staying calm".into(),
            horizon_months: 60,
            barriers: vec![Barrier::LimitedEducation, Barrier::Money],
        }
    }

    #[test]
    fn a_plan_without_barriers_has_the_eight_method_steps_in_order() {
        // Arrange
        let input = cashier();

        // Act
        let steps = generate(&input, date!(2025 - 01 - 15));

        // Assert
        let kinds: Vec<_> = steps.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, StepKind::METHOD);
    }

    #[test]
    fn each_barrier_adds_one_step_right_after_the_path() {
        // Arrange
        let input = PlanInput {
            barriers: vec![Barrier::Transportation, Barrier::Childcare, Barrier::Money],
            ..cashier()
        };

        // Act
        let steps = generate(&input, date!(2025 - 01 - 15));

        // Assert
        let kinds: Vec<_> = steps.iter().map(|s| s.kind).collect();
        assert_eq!(steps.len(), 8 + 3);
        assert_eq!(
            kinds[..5],
            [
                StepKind::Path,
                StepKind::Barrier(Barrier::Transportation),
                StepKind::Barrier(Barrier::Childcare),
                StepKind::Barrier(Barrier::Money),
                StepKind::InterestsStrengths,
            ]
        );
    }

    #[test]
    fn being_unsure_of_the_goal_comes_before_the_other_barriers() {
        let input = PlanInput {
            barriers: vec![
                Barrier::LackOfExperience,
                Barrier::UnsureOfGoals,
                Barrier::Money,
            ],
            ..cashier()
        };

        let steps = generate(&input, date!(2025 - 01 - 15));

        let kinds: Vec<_> = steps.iter().take(4).map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                StepKind::Path,
                StepKind::Barrier(Barrier::UnsureOfGoals),
                StepKind::Barrier(Barrier::LackOfExperience),
                StepKind::Barrier(Barrier::Money),
            ]
        );
    }

    #[test]
    fn a_step_due_after_a_rungs_milestone_aims_at_the_rung_above() {
        // Shift lead by month 8, Assistant manager by 16, Store manager by 24; steps every 3.
        let steps = generate(&cashier(), date!(2025 - 01 - 15));

        let action = |kind: StepKind| &steps.iter().find(|s| s.kind == kind).unwrap().action;
        assert!(action(StepKind::Path).contains("Your next rung is Shift lead"));
        assert!(action(StepKind::Experience).contains("Assistant manager"));
        assert!(!action(StepKind::Experience).contains("Shift lead"));
        assert!(action(StepKind::Opportunities).contains("openings as Store manager"));
    }

    #[test]
    fn different_barriers_give_different_steps() {
        // Arrange
        let childcare = PlanInput {
            barriers: vec![Barrier::Childcare],
            ..cashier()
        };
        let money = PlanInput {
            barriers: vec![Barrier::Money],
            ..cashier()
        };

        // Act
        let with_childcare = generate(&childcare, date!(2025 - 01 - 15));
        let with_money = generate(&money, date!(2025 - 01 - 15));

        // Assert
        assert_eq!(
            with_childcare[1].kind,
            StepKind::Barrier(Barrier::Childcare)
        );
        assert_eq!(with_money[1].kind, StepKind::Barrier(Barrier::Money));
        assert_ne!(with_childcare[1].title, with_money[1].title);
        assert_ne!(with_childcare[1].action, with_money[1].action);
        assert_eq!(
            with_money[1].guide,
            "/guides/challenges-and-solutions#money"
        );
    }

    #[test]
    fn every_barrier_step_has_its_own_text() {
        // Arrange
        let input = PlanInput {
            barriers: Barrier::ALL.to_vec(),
            ..cashier()
        };

        // Act
        let steps = generate(&input, date!(2025 - 01 - 15));

        // Assert
        let titles: HashSet<_> = steps.iter().map(|s| s.title.as_str()).collect();
        let actions: HashSet<_> = steps.iter().map(|s| s.action.as_str()).collect();
        assert_eq!(steps.len(), 14);
        assert_eq!((titles.len(), actions.len()), (14, 14));
    }

    #[test]
    fn due_dates_never_go_down_and_the_last_lands_on_the_horizon() {
        // Arrange
        let start = date!(2024 - 01 - 31);
        let inputs = [
            cashier(),
            nurse(),
            PlanInput {
                horizon_months: 6,
                barriers: Barrier::ALL.to_vec(),
                ..cashier()
            },
            PlanInput {
                horizon_months: 7,
                ..cashier()
            },
            PlanInput {
                horizon_months: 120,
                ..nurse()
            },
        ];

        for input in inputs {
            // Act
            let steps = generate(&input, start);

            // Assert
            let dues: Vec<_> = steps.iter().map(|s| s.due).collect();
            assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
            assert!(dues[0] > start, "{dues:?}");
            assert_eq!(dues.last(), Some(&add_months(start, input.horizon_months)));
        }
    }

    #[test]
    fn titles_mention_the_jobs_the_person_typed() {
        // Arrange
        let input = nurse();

        // Act
        let steps = generate(&input, date!(2025 - 03 - 01));

        // Assert
        assert_eq!(
            steps[0].title,
            "Map your ladder from Nursing assistant to Nurse practitioner"
        );
        let naming_target = steps
            .iter()
            .filter(|s| s.title.contains("Nurse practitioner"))
            .count();
        assert!(
            naming_target >= 8,
            "only {naming_target} titles name the target"
        );
    }

    #[test]
    fn different_inputs_give_visibly_different_plans() {
        // Arrange
        let (a, b) = (cashier(), nurse());

        // Act
        let plan_a = generate(&a, date!(2025 - 03 - 01));
        let plan_b = generate(&b, date!(2025 - 03 - 01));

        // Assert
        assert_ne!(plan_a.len(), plan_b.len());
        for (x, y) in plan_a.iter().zip(&plan_b).filter(|(x, y)| x.kind == y.kind) {
            assert_ne!((&x.title, &x.action), (&y.title, &y.action), "{:?}", x.kind);
        }
    }

    #[test]
    fn the_same_input_always_gives_the_same_plan() {
        // Arrange
        let input = nurse();

        // Act
        let first = generate(&input, date!(2025 - 03 - 01));
        let second = generate(&input, date!(2025 - 03 - 01));

        // Assert
        assert_eq!(first, second);
    }

    #[test]
    fn the_path_step_walks_the_ladder_or_says_how_to_find_it() {
        // Arrange
        let with_rungs = cashier();
        let without = PlanInput {
            rungs: Vec::new(),
            ..cashier()
        };

        // Act
        let path_with = &generate(&with_rungs, date!(2025 - 01 - 01))[0];
        let path_without = &generate(&without, date!(2025 - 01 - 01))[0];

        // Assert
        assert!(
            path_with
                .action
                .contains("Cashier, then Shift lead, then Assistant manager, then Store manager"),
            "{}",
            path_with.action
        );
        assert!(
            path_without.action.contains("O*NET OnLine"),
            "{}",
            path_without.action
        );
        assert!(
            path_without.action.contains("My Next Move"),
            "{}",
            path_without.action
        );
    }

    #[test]
    fn interests_and_strengths_are_used_when_given_and_the_profiler_when_not() {
        // Arrange
        let given = nurse();
        let blank = cashier();

        // Act
        let step_given = &generate(&given, date!(2025 - 01 - 01))[3];
        let step_blank = &generate(&blank, date!(2025 - 01 - 01))[1];

        // Assert
        assert_eq!(step_given.kind, StepKind::InterestsStrengths);
        assert!(step_given.action.contains("Caring for older people"));
        assert!(step_given.action.contains("Patience, staying calm"));
        assert!(step_blank.action.contains("O*NET Interest Profiler"));
        assert!(step_blank.resources.contains(&"interest-profiler"));
    }

    #[test]
    fn the_goals_step_names_each_rung_as_a_dated_milestone() {
        // Arrange
        let input = cashier();

        // Act
        let steps = generate(&input, date!(2025 - 01 - 15));
        let goals = steps
            .iter()
            .find(|s| s.kind == StepKind::Goals)
            .expect("goals step");

        // Assert
        assert!(
            goals.action.contains(
                "Shift lead by September 2025, Assistant manager by May 2026, \
                 and Store manager by January 2027"
            ),
            "{}",
            goals.action
        );
    }

    #[test]
    fn every_resource_key_used_by_generate_exists() {
        // Arrange
        let inputs = [
            PlanInput {
                barriers: Barrier::ALL.to_vec(),
                ..cashier()
            },
            PlanInput {
                barriers: Barrier::ALL.to_vec(),
                ..nurse()
            },
        ];

        for input in inputs {
            // Act
            let steps = generate(&input, date!(2025 - 01 - 01));

            // Assert
            for step in &steps {
                assert!(
                    !step.resources.is_empty(),
                    "{:?} has no resources",
                    step.kind
                );
                for key in &step.resources {
                    assert!(
                        resource(key).is_some(),
                        "{:?} uses unknown {key}",
                        step.kind
                    );
                }
            }
        }
    }

    #[test]
    fn method_steps_link_to_their_section_of_the_method_guide() {
        // Arrange
        let input = cashier();

        // Act
        let guides: Vec<_> = generate(&input, date!(2025 - 01 - 01))
            .into_iter()
            .map(|s| s.guide)
            .collect();

        // Assert
        assert_eq!(
            guides[0],
            "/guides/turn-your-job-into-a-career#know-your-path"
        );
        assert_eq!(
            guides[5],
            "/guides/turn-your-job-into-a-career#find-a-mentor"
        );
        assert_eq!(
            guides[7],
            "/guides/turn-your-job-into-a-career#take-every-opportunity"
        );
    }

    #[test]
    fn add_months_clamps_the_day_to_the_end_of_a_short_month() {
        // Arrange
        let cases = [
            (date!(2025 - 01 - 31), 1, date!(2025 - 02 - 28)),
            (date!(2024 - 01 - 31), 1, date!(2024 - 02 - 29)),
            (date!(2025 - 03 - 31), 1, date!(2025 - 04 - 30)),
            (date!(2025 - 11 - 30), 3, date!(2026 - 02 - 28)),
            (date!(2025 - 05 - 15), 0, date!(2025 - 05 - 15)),
            (date!(2025 - 05 - 15), 120, date!(2035 - 05 - 15)),
            (date!(9999 - 06 - 01), 12, Date::MAX),
        ];

        for (start, months, expected) in cases {
            // Act
            let got = add_months(start, months);

            // Assert
            assert_eq!(got, expected, "{start} + {months} months");
        }
    }

    #[test]
    fn every_step_kind_comes_back_from_its_slug() {
        // Arrange
        let kinds: Vec<_> = StepKind::METHOD
            .into_iter()
            .chain(Barrier::ALL.into_iter().map(StepKind::Barrier))
            .collect();

        // Act
        let round_tripped: Vec<_> = kinds
            .iter()
            .map(|k| StepKind::from_slug(&k.slug()))
            .collect();

        // Assert
        assert_eq!(
            round_tripped,
            kinds.iter().copied().map(Some).collect::<Vec<_>>()
        );
        assert_eq!(
            StepKind::Barrier(Barrier::Childcare).slug(),
            "barrier-childcare"
        );
        assert_eq!(StepKind::from_slug("barrier-car"), None);
        assert_eq!(StepKind::from_slug("Path"), None);
    }

    #[test]
    fn spread_reaches_the_horizon_on_the_last_item() {
        // Arrange
        let (horizon, count) = (12, 8);

        // Act
        let months: Vec<_> = (0..count).map(|i| spread(horizon, i, count)).collect();

        // Assert
        assert_eq!(months, [2, 3, 5, 6, 8, 9, 11, 12]);
    }
}
