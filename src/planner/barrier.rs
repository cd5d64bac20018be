//! The barriers a person can say stand in their way, with their form slugs and guide anchors.

/// Something that makes turning a job into a career harder. Each chosen barrier adds one step
/// to the plan with ways around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Barrier {
    /// No work history yet in the field they are aiming at.
    LackOfExperience,
    /// Missing the schooling or certificates the target career asks for.
    LimitedEducation,
    /// Not sure yet which career to aim at.
    UnsureOfGoals,
    /// Getting to work, classes or interviews is hard.
    Transportation,
    /// Someone has to look after the kids during classes, shifts or interviews.
    Childcare,
    /// Training, travel or time off costs more than they can spend.
    Money,
}

impl Barrier {
    /// Every barrier, in the order the form lists them and the plan adds their steps.
    pub const ALL: [Barrier; 6] = [
        Barrier::LackOfExperience,
        Barrier::LimitedEducation,
        Barrier::UnsureOfGoals,
        Barrier::Transportation,
        Barrier::Childcare,
        Barrier::Money,
    ];

    /// The stable value used in the form (`barrier=money`) and in step slugs.
    pub fn slug(self) -> &'static str {
        match self {
            Barrier::LackOfExperience => "experience",
            Barrier::LimitedEducation => "education",
            Barrier::UnsureOfGoals => "goals",
            Barrier::Transportation => "transportation",
            Barrier::Childcare => "childcare",
            Barrier::Money => "money",
        }
    }

    /// The checkbox label shown to the person, written from their side.
    pub fn label(self) -> &'static str {
        match self {
            Barrier::LackOfExperience => "Lack of experience",
            Barrier::LimitedEducation => "Limited education",
            Barrier::UnsureOfGoals => "Unsure of my goals",
            Barrier::Transportation => "Transportation",
            Barrier::Childcare => "Childcare",
            Barrier::Money => "Money",
        }
    }

    /// The barrier whose [`Barrier::slug`] is exactly `s`, if there is one.
    pub fn from_slug(s: &str) -> Option<Barrier> {
        Barrier::ALL.into_iter().find(|b| b.slug() == s)
    }

    /// The heading id of this barrier's section in the `challenges-and-solutions` guide.
    pub fn guide_anchor(self) -> &'static str {
        match self {
            Barrier::LackOfExperience => "lack-of-experience",
            Barrier::LimitedEducation => "limited-education",
            Barrier::UnsureOfGoals => "unsure-of-your-goals",
            Barrier::Transportation => "transportation",
            Barrier::Childcare => "childcare",
            Barrier::Money => "money",
        }
    }

    /// The link to this barrier's section of the `challenges-and-solutions` guide.
    pub fn guide_url(self) -> String {
        format!("/guides/challenges-and-solutions#{}", self.guide_anchor())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_barrier_comes_back_from_its_own_slug() {
        // Arrange
        let all = Barrier::ALL;

        // Act
        let round_tripped: Vec<_> = all.iter().map(|b| Barrier::from_slug(b.slug())).collect();

        // Assert
        let expected: Vec<_> = all.into_iter().map(Some).collect();
        assert_eq!(round_tripped, expected);
    }

    #[test]
    fn an_unknown_or_differently_cased_slug_is_not_a_barrier() {
        // Arrange
        let slugs = ["", "Money", "money ", "car", "lack-of-experience"];

        // Act
        let found: Vec<_> = slugs.iter().map(|s| Barrier::from_slug(s)).collect();

        // Assert
        assert!(found.iter().all(Option::is_none), "{found:?}");
    }

    #[test]
    fn slugs_labels_and_anchors_are_unique() {
        // Arrange
        let all = Barrier::ALL;

        // Act
        let slugs: HashSet<_> = all.iter().map(|b| b.slug()).collect();
        let labels: HashSet<_> = all.iter().map(|b| b.label()).collect();
        let anchors: HashSet<_> = all.iter().map(|b| b.guide_anchor()).collect();

        // Assert
        assert_eq!((slugs.len(), labels.len(), anchors.len()), (6, 6, 6));
    }

    #[test]
    fn the_guide_url_points_at_the_challenges_guide() {
        // Arrange
        let barrier = Barrier::UnsureOfGoals;

        // Act
        let url = barrier.guide_url();

        // Assert
        assert_eq!(url, "/guides/challenges-and-solutions#unsure-of-your-goals");
    }
}
