//! The self-check's questions: what each one asks, its answers, and which way each answer leans.

/// Which way an answer points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// Towards work done for now, mainly for the pay.
    Job,
    /// Towards work someone is building on over the years.
    Career,
    /// Neither way; the answer adds no points.
    Neutral,
}

/// One answer to a question: a radio button on the form.
#[derive(Debug)]
pub struct Choice {
    /// The form value sent when this answer is picked; unique within its question.
    pub value: &'static str,
    /// What the radio button says.
    pub label: &'static str,
    /// Which way this answer points.
    pub lean: Lean,
    /// Points this answer adds to its side: 0 when neutral, more than 0 otherwise.
    pub weight: u32,
    /// One sentence on why this answer points the way it does.
    pub explain: &'static str,
}

/// One question of the self-check.
#[derive(Debug)]
pub struct Question {
    /// The form field name; unique across the self-check.
    pub key: &'static str,
    /// The question as the reader sees it.
    pub text: &'static str,
    /// A short line under the question that helps the reader answer.
    pub hint: &'static str,
    /// The answers to pick from, two or three of them.
    pub options: &'static [Choice],
    /// Link to the guide section that explains the difference behind this question.
    pub guide: &'static str,
}

impl Question {
    /// The answer with this form value, if the question has one.
    pub fn choice(&self, value: &str) -> Option<&'static Choice> {
        let options: &'static [Choice] = self.options;
        options.iter().find(|choice| choice.value == value)
    }
}

// Weights say how much a question tells us. The core differences the guides lead with (how long,
// why, whether there is a step up) count most; things that depend on the employer more than on
// the person (benefits, hours) or that are rarer (new ideas) count least. Both sides of a question
// share a weight so that no question tilts the result by itself.
const STRONG: u32 = 3;
const MEDIUM: u32 = 2;
const LIGHT: u32 = 1;

/// The ten questions, in the order the form shows them.
pub const QUESTIONS: &[Question] = &[
    Question {
        key: "timeframe",
        text: "How long do you plan to keep doing this kind of work?",
        hint: "Think about the kind of work, not just this one employer.",
        options: &[
            Choice {
                value: "short",
                label: "Only for now, until something else comes along",
                lean: Lean::Job,
                weight: STRONG,
                explain: "Work you plan to leave soon is a short stop, and most jobs are short stops.",
            },
            Choice {
                value: "unsure",
                label: "I have not thought about it yet",
                lean: Lean::Neutral,
                weight: 0,
                explain: "Not knowing yet is common, so this answer does not point either way.",
            },
            Choice {
                value: "long",
                label: "For years: I want to grow in this line of work",
                lean: Lean::Career,
                weight: STRONG,
                explain: "A career is a long road, so planning to stay and grow points that way.",
            },
        ],
        guide: "/guides/key-differences#timeframe",
    },
    Question {
        key: "purpose",
        text: "What is the main reason you do this work?",
        hint: "Pick the reason that matters most to you today.",
        options: &[
            Choice {
                value: "pay",
                label: "To pay the bills",
                lean: Lean::Job,
                weight: STRONG,
                explain: "Working mainly to cover what you need right now is what a job is for.",
            },
            Choice {
                value: "both",
                label: "For the pay, and I like parts of it",
                lean: Lean::Neutral,
                weight: 0,
                explain: "Pay plus some real interest is a mix, so it does not point either way yet.",
            },
            Choice {
                value: "goals",
                label: "It moves me toward goals I care about",
                lean: Lean::Career,
                weight: STRONG,
                explain: "A career is about growing toward your own goals, not only the next paycheck.",
            },
        ],
        guide: "/guides/key-differences#purpose",
    },
    Question {
        key: "training",
        text: "Does your work build on training or study you have done?",
        hint: "Count courses, licenses, certificates, trade school or college.",
        options: &[
            Choice {
                value: "none",
                label: "No, you can pick it up in a few days on the job",
                lean: Lean::Job,
                weight: MEDIUM,
                explain: "Work that needs little training to start is usually a job.",
            },
            Choice {
                value: "some",
                label: "Some training at the start, but I am not adding to it",
                lean: Lean::Neutral,
                weight: 0,
                explain: "Training you are not building on is a start, but it does not point either way.",
            },
            Choice {
                value: "building",
                label: "Yes, and I keep adding to it",
                lean: Lean::Career,
                weight: MEDIUM,
                explain: "Careers ask for training in the field, and for more of it as you move up.",
            },
        ],
        guide: "/guides/key-differences#education-and-training",
    },
    Question {
        key: "advancement",
        text: "Is there a next step up from where you are now?",
        hint: "A step up could be a new title, more say, or more pay in the same field.",
        options: &[
            Choice {
                value: "none",
                label: "No, or I do not know of one",
                lean: Lean::Job,
                weight: STRONG,
                explain: "Without a clear step up, the work tends to stay a job.",
            },
            Choice {
                value: "not-aiming",
                label: "Yes, but I am not working toward it",
                lean: Lean::Neutral,
                weight: 0,
                explain: "A step up that is there but not wanted could go either way.",
            },
            Choice {
                value: "aiming",
                label: "Yes, and I am working toward it",
                lean: Lean::Career,
                weight: STRONG,
                explain: "A career is a path of steps, and working toward the next one is how you climb it.",
            },
        ],
        guide: "/guides/key-differences#advancement",
    },
    Question {
        key: "benefits",
        text: "Besides pay, what does this work give you?",
        hint: "For example health cover, paid time off, a retirement plan, or paid training.",
        options: &[
            Choice {
                value: "pay-only",
                label: "Just the pay",
                lean: Lean::Job,
                weight: LIGHT,
                explain: "Many jobs come with pay and little else.",
            },
            Choice {
                value: "some",
                label: "One or two extras",
                lean: Lean::Neutral,
                weight: 0,
                explain: "A few extras are common in both jobs and careers.",
            },
            Choice {
                value: "full",
                label: "Several, and they grow the longer I stay",
                lean: Lean::Career,
                weight: LIGHT,
                explain: "A full set of benefits is more common in career roles, most of all full-time ones.",
            },
        ],
        guide: "/guides/key-differences#benefits",
    },
    Question {
        key: "learning",
        text: "Are you learning new skills at work?",
        hint: "Skills you could use in a better role later count the most.",
        options: &[
            Choice {
                value: "no",
                label: "No, the tasks stay the same",
                lean: Lean::Job,
                weight: MEDIUM,
                explain: "When the work stops teaching you, it is working as a job.",
            },
            Choice {
                value: "sometimes",
                label: "Now and then",
                lean: Lean::Neutral,
                weight: 0,
                explain: "Learning once in a while is a good sign, but not enough to point either way.",
            },
            Choice {
                value: "yes",
                label: "Yes, and it helps me move ahead",
                lean: Lean::Career,
                weight: MEDIUM,
                explain: "Careers keep you learning, so each role gets you ready for the next one.",
            },
        ],
        guide: "/guides/turn-your-job-into-a-career#get-training-and-education",
    },
    Question {
        key: "networking",
        text: "Are you getting to know people who work in your field?",
        hint: "Think of coworkers, bosses, mentors, classmates, or groups for your trade.",
        options: &[
            Choice {
                value: "no",
                label: "Not really",
                lean: Lean::Job,
                weight: MEDIUM,
                explain: "Jobs often keep you to your own tasks, with few chances to meet people in the field.",
            },
            Choice {
                value: "a-few",
                label: "A few, mostly at work",
                lean: Lean::Neutral,
                weight: 0,
                explain: "A few work friends help, but they do not point either way yet.",
            },
            Choice {
                value: "yes",
                label: "Yes, and I stay in touch with them",
                lean: Lean::Career,
                weight: MEDIUM,
                explain: "Contacts in your field are part of a career: they hear about openings and can speak up for you.",
            },
        ],
        guide: "/guides/key-differences#networking",
    },
    Question {
        key: "means-or-end",
        text: "If money were not a worry, would you still want to do this kind of work?",
        hint: "This asks if the work is a way to get something else, or a goal in itself.",
        options: &[
            Choice {
                value: "no",
                label: "No, I do it for what the money buys",
                lean: Lean::Job,
                weight: MEDIUM,
                explain: "When work is only a way to get something else, it is working as a job.",
            },
            Choice {
                value: "maybe",
                label: "Maybe, some of it",
                lean: Lean::Neutral,
                weight: 0,
                explain: "Liking part of the work is a mix, so it does not point either way.",
            },
            Choice {
                value: "yes",
                label: "Yes, the work itself matters to me",
                lean: Lean::Career,
                weight: MEDIUM,
                explain: "Work that is worth doing for its own sake is more like a career.",
            },
        ],
        guide: "/guides/key-differences#value",
    },
    Question {
        key: "hours",
        text: "Who sets your working hours?",
        hint: "Many careers, like nursing or firefighting, still have set shifts, so this counts less.",
        options: &[
            Choice {
                value: "others",
                label: "Someone else, and they rarely change",
                lean: Lean::Job,
                weight: LIGHT,
                explain: "Fixed hours that someone else sets are typical of jobs.",
            },
            Choice {
                value: "mix",
                label: "Mostly set, with a little room to change them",
                lean: Lean::Neutral,
                weight: 0,
                explain: "Some room to move is common in both, so it does not point either way.",
            },
            Choice {
                value: "me",
                label: "I have a real say, and fit them around my goals",
                lean: Lean::Career,
                weight: LIGHT,
                explain: "Careers often give you more say over your time as you grow.",
            },
        ],
        guide: "/guides/key-differences#working-hours",
    },
    Question {
        key: "new-ideas",
        text: "Do you bring new ideas or better ways of doing things to your work?",
        hint: "Small fixes count, like a faster way to stock shelves.",
        options: &[
            Choice {
                value: "no",
                label: "No, I follow the same steps each time",
                lean: Lean::Job,
                weight: LIGHT,
                explain: "Doing the same steps over and over, with no room for ideas, is common in jobs.",
            },
            Choice {
                value: "sometimes",
                label: "Sometimes, if someone asks",
                lean: Lean::Neutral,
                weight: 0,
                explain: "Ideas now and then are a good sign, but they do not point either way yet.",
            },
            Choice {
                value: "yes",
                label: "Yes, finding better ways is part of how I get ahead",
                lean: Lean::Career,
                weight: LIGHT,
                explain: "Careers reward new ideas, because they help you stand out and move up.",
            },
        ],
        guide: "/guides/key-differences#innovation",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    const KEY_DIFFERENCES_IDS: &[&str] = &[
        "timeframe",
        "purpose",
        "what-you-exchange",
        "education-and-training",
        "advancement",
        "benefits",
        "value",
        "working-hours",
        "innovation",
        "networking",
    ];
    const TURN_IT_INTO_A_CAREER_IDS: &[&str] = &[
        "know-your-path",
        "get-training-and-education",
        "gain-experience",
        "build-your-network",
        "find-a-mentor",
        "set-long-term-goals",
    ];

    fn is_known_guide_section(link: &str) -> bool {
        if let Some(id) = link.strip_prefix("/guides/key-differences#") {
            return KEY_DIFFERENCES_IDS.contains(&id);
        }
        if let Some(id) = link.strip_prefix("/guides/turn-your-job-into-a-career#") {
            return TURN_IT_INTO_A_CAREER_IDS.contains(&id);
        }
        false
    }

    #[test]
    fn there_are_ten_questions() {
        // Arrange, Act
        let count = QUESTIONS.len();

        // Assert
        assert_eq!(count, 10);
    }

    #[test]
    fn question_keys_are_unique() {
        // Arrange
        let mut seen = HashSet::new();

        // Act
        let repeated: Vec<_> = QUESTIONS
            .iter()
            .filter(|question| !seen.insert(question.key))
            .map(|question| question.key)
            .collect();

        // Assert
        assert!(repeated.is_empty(), "repeated keys: {repeated:?}");
    }

    #[test]
    fn every_question_has_text_a_hint_and_a_known_guide_link() {
        for question in QUESTIONS {
            // Arrange, Act
            let link_is_known = is_known_guide_section(question.guide);

            // Assert
            assert!(!question.text.is_empty(), "{} has no text", question.key);
            assert!(!question.hint.is_empty(), "{} has no hint", question.key);
            assert!(
                link_is_known,
                "{} links to {}",
                question.key, question.guide
            );
        }
    }

    #[test]
    fn every_question_has_two_or_three_options() {
        for question in QUESTIONS {
            // Arrange, Act
            let count = question.options.len();

            // Assert
            assert!((2..=3).contains(&count), "{} has {count}", question.key);
        }
    }

    #[test]
    fn every_question_has_one_job_answer_and_one_career_answer() {
        for question in QUESTIONS {
            // Arrange
            let count = |lean| question.options.iter().filter(|c| c.lean == lean).count();

            // Act
            let (jobs, careers) = (count(Lean::Job), count(Lean::Career));

            // Assert
            assert_eq!((jobs, careers), (1, 1), "{}", question.key);
        }
    }

    #[test]
    fn every_option_has_a_label_and_an_explanation() {
        for question in QUESTIONS {
            for choice in question.options {
                // Arrange, Act
                let explain = choice.explain.trim();

                // Assert
                assert!(
                    !choice.label.is_empty(),
                    "{}={}",
                    question.key,
                    choice.value
                );
                assert!(explain.ends_with('.'), "{}={}", question.key, choice.value);
            }
        }
    }

    #[test]
    fn option_values_are_unique_within_a_question() {
        for question in QUESTIONS {
            // Arrange
            let mut seen = HashSet::new();

            // Act
            let all_new = question.options.iter().all(|c| seen.insert(c.value));

            // Assert
            assert!(all_new, "{} repeats a value", question.key);
        }
    }

    #[test]
    fn neutral_answers_weigh_nothing_and_the_others_weigh_something() {
        for question in QUESTIONS {
            for choice in question.options {
                // Arrange, Act
                let weighs_something = choice.weight > 0;

                // Assert
                assert_eq!(
                    weighs_something,
                    choice.lean != Lean::Neutral,
                    "{}={}",
                    question.key,
                    choice.value
                );
            }
        }
    }

    #[test]
    fn the_job_and_career_answers_of_a_question_weigh_the_same() {
        for question in QUESTIONS {
            // Arrange
            let weight = |lean| {
                question
                    .options
                    .iter()
                    .find(|c| c.lean == lean)
                    .map(|c| c.weight)
            };

            // Act
            let (job, career) = (weight(Lean::Job), weight(Lean::Career));

            // Assert
            assert_eq!(job, career, "{}", question.key);
        }
    }

    #[test]
    fn choice_finds_an_answer_by_its_form_value() {
        // Arrange
        let question = &QUESTIONS[0];

        // Act
        let found = question.choice("long");
        let not_found = question.choice("LONG");

        // Assert
        assert_eq!(found.map(|c| c.lean), Some(Lean::Career));
        assert!(not_found.is_none());
    }
}
