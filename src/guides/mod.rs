//! The guide library: Markdown files under `templates/guides/`, compiled into the binary and
//! rendered once at start-up, plus what searching them means (the query, a hit).

pub mod front_matter;
pub mod markdown;
pub mod search;

use std::collections::HashMap;

use anyhow::{Context, bail};

pub use front_matter::{FrontMatter, Source};
pub use markdown::{Heading, Section};
pub use search::{SearchHit, SearchQuery, SnippetPart};

include!(concat!(env!("OUT_DIR"), "/guide_sources.rs"));

/// One guide, ready to show.
#[derive(Debug, Clone)]
pub struct Guide {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub order: u32,
    pub related: Vec<String>,
    pub sources: Vec<Source>,
    pub headings: Vec<Heading>,
    /// The body as plain text, one section per h2 or h3 (the intro first, titled as the guide),
    /// for the search index.
    pub sections: Vec<Section>,
    /// The body as HTML, rendered from the guide's own Markdown.
    pub html: String,
    pub minutes: usize,
}

/// Every guide, in reading order, with a lookup by slug.
#[derive(Debug)]
pub struct Library {
    guides: Vec<Guide>,
    by_slug: HashMap<String, usize>,
}

impl Library {
    /// Parses and renders the guides compiled into the binary.
    pub fn load() -> anyhow::Result<Library> {
        Library::from_sources(GUIDE_SOURCES.iter().copied())
    }

    /// Parses and renders `(slug, source)` pairs; fails on a malformed file or a broken link
    /// between guides, so a mistake in a guide stops the start instead of showing a broken page.
    pub fn from_sources<'a>(
        sources: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> anyhow::Result<Library> {
        let mut guides = Vec::new();
        for (slug, source) in sources {
            let (front, body) =
                front_matter::split(source).with_context(|| format!("guide {slug}"))?;
            let mut rendered = markdown::render(body);
            if let Some(intro) = rendered.sections.first_mut().filter(|s| s.id.is_none()) {
                intro.heading.clone_from(&front.title);
            }
            guides.push(Guide {
                slug: slug.to_owned(),
                title: front.title,
                summary: front.summary,
                order: front.order,
                related: front.related,
                sources: front.sources,
                headings: rendered.headings,
                sections: rendered.sections,
                html: rendered.html,
                minutes: markdown::reading_minutes(rendered.words),
            });
        }
        guides.sort_by(|a, b| a.order.cmp(&b.order).then_with(|| a.slug.cmp(&b.slug)));
        let by_slug: HashMap<_, _> = guides
            .iter()
            .enumerate()
            .map(|(i, g)| (g.slug.clone(), i))
            .collect();
        for guide in &guides {
            if let Some(missing) = guide.related.iter().find(|s| !by_slug.contains_key(*s)) {
                bail!(
                    "guide {} lists an unknown related guide {missing}",
                    guide.slug
                );
            }
        }
        Ok(Library { guides, by_slug })
    }

    /// All guides in reading order.
    pub fn all(&self) -> &[Guide] {
        &self.guides
    }

    pub fn get(&self, slug: &str) -> Option<&Guide> {
        self.by_slug.get(slug).map(|&i| &self.guides[i])
    }

    /// The guides a guide names as related, in the order it names them.
    pub fn related(&self, guide: &Guide) -> Vec<&Guide> {
        guide.related.iter().filter_map(|s| self.get(s)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(title: &str, order: u32, related: &str) -> String {
        format!(
            "+++\ntitle = \"{title}\"\nsummary = \"s\"\norder = {order}\nrelated = [{related}]\n+++\nFirst words.\n\n## Part\n\nSome words here.\n"
        )
    }

    #[test]
    fn guides_are_listed_in_their_order_and_found_by_slug() {
        let b = source("B", 2, "\"a\"");
        let a = source("A", 1, "");

        let library = Library::from_sources([("b", b.as_str()), ("a", a.as_str())]).unwrap();

        let titles: Vec<_> = library.all().iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["A", "B"]);
        let b = library.get("b").unwrap();
        assert_eq!(library.related(b)[0].slug, "a");
        assert_eq!(b.headings[0].id, "part");
        assert!(library.get("c").is_none());
    }

    #[test]
    fn the_intro_section_is_titled_as_the_guide_and_the_others_as_their_headings() {
        let a = source("A title", 1, "");

        let library = Library::from_sources([("a", a.as_str())]).unwrap();

        let sections: Vec<_> = library.all()[0]
            .sections
            .iter()
            .map(|s| (s.id.as_deref(), s.heading.as_str(), s.text.as_str()))
            .collect();
        assert_eq!(
            sections,
            [
                (None, "A title", "First words."),
                (Some("part"), "Part", "Some words here.")
            ]
        );
    }

    #[test]
    fn a_link_to_an_unknown_related_guide_stops_the_load() {
        let a = source("A", 1, "\"nowhere\"");

        let error = Library::from_sources([("a", a.as_str())]).unwrap_err();

        assert!(error.to_string().contains("nowhere"));
    }

    #[test]
    fn the_compiled_in_guides_load() {
        let library = Library::load().unwrap();

        assert!(library.all().iter().all(|g| !g.sources.is_empty()));
    }
}
