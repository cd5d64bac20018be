//! The fixed catalogue of free tools and places that plan steps point people to.

/// One tool or place that helps with a step. Steps refer to it by `key`, so the catalogue can
/// change a name or link without touching saved plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resource {
    /// Stable id used by steps and stored with plans.
    pub key: &'static str,
    /// The name people will see and search for.
    pub name: &'static str,
    /// An outside `https://` link, or a section of our own career-resources guide.
    pub url: &'static str,
    /// One plain sentence on what it helps with.
    pub what: &'static str,
}

impl Resource {
    /// True when the link leaves Ladder (so a page can mark it as an outside site).
    pub fn is_external(&self) -> bool {
        self.url.starts_with("https://")
    }
}

/// Every resource, in the order a page should list them.
pub const RESOURCES: &[Resource] = &[
    Resource {
        key: "interest-profiler",
        name: "O*NET Interest Profiler",
        url: "https://www.mynextmove.org/explore/ip",
        what: "A free quiz that matches the things you like doing to kinds of work.",
    },
    Resource {
        key: "my-next-move",
        name: "My Next Move",
        url: "https://www.mynextmove.org/",
        what: "Look up a job to see the skills it needs, what it pays and where it can lead.",
    },
    Resource {
        key: "onet-online",
        name: "O*NET OnLine",
        url: "https://www.onetonline.org/",
        what: "Detailed facts on each job: its tasks, skills, training and related jobs.",
    },
    Resource {
        key: "careeronestop",
        name: "CareerOneStop",
        url: "https://www.careeronestop.org/",
        what: "Find training programs, job centers near you and help with each part of a job search.",
    },
    Resource {
        key: "job-platforms",
        name: "Job search sites",
        url: "/guides/career-resources#job-search-platforms",
        what: "Large sites such as Indeed and LinkedIn list openings and give tips on resumes and interviews.",
    },
    Resource {
        key: "workforce-centers",
        name: "Workforce development centers",
        url: "/guides/career-resources#workforce-development-centers",
        what: "Local offices that help with finding work, training and career advice, often for free.",
    },
    Resource {
        key: "community-colleges",
        name: "Community colleges",
        url: "/guides/career-resources#community-colleges",
        what: "Low-cost classes, training programs, career centers and job fairs close to home.",
    },
    Resource {
        key: "libraries",
        name: "Public libraries",
        url: "/guides/career-resources#libraries",
        what: "Free computers and internet, and staff who can point you to local job services.",
    },
];

/// The resource with this key, if the catalogue has one.
pub fn resource(key: &str) -> Option<&'static Resource> {
    RESOURCES.iter().find(|r| r.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_key_named_in_the_design_is_in_the_catalogue() {
        // Arrange
        let keys = [
            "interest-profiler",
            "my-next-move",
            "onet-online",
            "careeronestop",
            "job-platforms",
            "workforce-centers",
            "community-colleges",
            "libraries",
        ];

        // Act
        let missing: Vec<_> = keys.iter().filter(|k| resource(k).is_none()).collect();

        // Assert
        assert!(missing.is_empty(), "missing: {missing:?}");
    }

    #[test]
    fn looking_up_an_unknown_key_finds_nothing() {
        // Arrange
        let key = "indeed";

        // Act
        let found = resource(key);

        // Assert
        assert_eq!(found, None);
    }

    #[test]
    fn keys_are_unique_and_links_are_https_or_our_own_guide() {
        // Arrange
        let all = RESOURCES;

        // Act
        let keys: HashSet<_> = all.iter().map(|r| r.key).collect();
        let bad_links: Vec<_> = all
            .iter()
            .filter(|r| !r.is_external() && !r.url.starts_with("/guides/career-resources#"))
            .collect();

        // Assert
        assert_eq!(keys.len(), all.len());
        assert!(bad_links.is_empty(), "{bad_links:?}");
    }

    #[test]
    fn each_description_is_one_sentence() {
        // Arrange
        let all = RESOURCES;

        // Act
        let not_one_sentence: Vec<_> = all
            .iter()
            .filter(|r| !r.what.ends_with('.') || r.what.matches(". ").count() > 0)
            .collect();

        // Assert
        assert!(not_one_sentence.is_empty(), "{not_one_sentence:?}");
    }
}
