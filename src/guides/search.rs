//! What a search over the guides means, apart from how the database runs it: the visitor's
//! query reduced to plain words, and what one hit shows.

/// Longest query kept, in characters (the search boxes allow as many); the rest is cut off.
pub const MAX_QUERY_CHARS: usize = 200;

/// Most words looked for; words past this are ignored.
pub const MAX_TERMS: usize = 10;

/// A visitor's query: the text to show back to them and the plain words to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// The query as typed, trimmed and cut to [`MAX_QUERY_CHARS`], control characters blanked.
    pub text: String,
    /// Runs of letters and digits from the text, lowercased, without repeats, at most
    /// [`MAX_TERMS`]. Everything else (quotes, `*`, `:`, `-`, brackets) only separates words,
    /// so no search syntax typed by a visitor reaches the database.
    pub terms: Vec<String>,
}

impl SearchQuery {
    /// Never fails: any text becomes a query, possibly one without terms.
    pub fn parse(raw: &str) -> SearchQuery {
        let text: String = raw
            .trim()
            .chars()
            .take(MAX_QUERY_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let text = text.trim().to_owned();
        let mut terms: Vec<String> = Vec::new();
        let words = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty());
        for word in words {
            let word = word.to_lowercase();
            if !terms.contains(&word) {
                terms.push(word);
            }
            if terms.len() == MAX_TERMS {
                break;
            }
        }
        SearchQuery { text, terms }
    }

    /// True when nothing was typed (or only spaces): show the library instead of results.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// One section of a guide that matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub slug: String,
    /// The guide's title.
    pub title: String,
    /// The section heading's id; `None` for a guide's intro.
    pub anchor: Option<String>,
    /// The section's heading (the guide's title for the intro), split like the snippet, since
    /// a word may match in the heading alone.
    pub heading: Vec<SnippetPart>,
    /// A short passage of the section, split where matched words start and end.
    pub snippet: Vec<SnippetPart>,
}

impl SearchHit {
    /// The link to the section: the guide, at the heading when there is one.
    pub fn href(&self) -> String {
        match &self.anchor {
            Some(anchor) => format!("/guides/{}#{anchor}", self.slug),
            None => format!("/guides/{}", self.slug),
        }
    }
}

/// A piece of a snippet: plain text, and whether it is a matched word to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetPart {
    pub text: String,
    pub matched: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(raw: &str) -> Vec<String> {
        SearchQuery::parse(raw).terms
    }

    #[test]
    fn plain_words_become_lowercase_terms_in_order() {
        assert_eq!(terms("Career  LADDER nurse"), ["career", "ladder", "nurse"]);
    }

    #[test]
    fn search_syntax_is_dropped_and_only_letters_and_digits_are_kept() {
        assert_eq!(
            terms("\"job\" OR care* NEAR(a b"),
            ["job", "or", "care", "near", "a", "b"]
        );
        assert_eq!(terms("col:term -x ^start"), ["col", "term", "x", "start"]);
        assert_eq!(terms("<script>alert(1)</script>"), ["script", "alert", "1"]);
        assert!(terms("\" * (( ) ^ - : + ' {}").is_empty());
    }

    #[test]
    fn letters_beyond_ascii_are_words_too() {
        assert_eq!(terms("Café niño 2025"), ["café", "niño", "2025"]);
    }

    #[test]
    fn repeated_words_count_once() {
        assert_eq!(terms("job Job JOB career"), ["job", "career"]);
    }

    #[test]
    fn at_most_ten_terms_are_kept() {
        let query = SearchQuery::parse("a b c d e f g h i j k l m");

        assert_eq!(query.terms.len(), MAX_TERMS);
        assert_eq!(query.terms.last().map(String::as_str), Some("j"));
    }

    #[test]
    fn a_very_long_query_is_cut_not_refused() {
        let raw = "ab".repeat(5_000);

        let query = SearchQuery::parse(&raw);

        assert_eq!(query.text.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(query.terms, [raw[..MAX_QUERY_CHARS].to_owned()]);
    }

    #[test]
    fn cutting_counts_characters_not_bytes() {
        let raw = "é".repeat(MAX_QUERY_CHARS + 5);

        let query = SearchQuery::parse(&raw);

        assert_eq!(query.text, "é".repeat(MAX_QUERY_CHARS));
    }

    #[test]
    fn spaces_alone_are_blank_and_control_characters_are_not_shown() {
        assert!(SearchQuery::parse(" \t \n").is_blank());
        let query = SearchQuery::parse("job\u{0}care\u{7}er");
        assert_eq!(query.text, "job care er");
        assert_eq!(query.terms, ["job", "care", "er"]);
    }

    #[test]
    fn a_query_of_symbols_is_not_blank_but_has_no_terms() {
        let query = SearchQuery::parse("***");

        assert!(!query.is_blank());
        assert!(query.terms.is_empty());
    }

    #[test]
    fn a_hit_links_to_its_heading_or_to_the_guide_for_the_intro() {
        let mut hit = SearchHit {
            slug: "career-ladders".into(),
            title: "Career ladders".into(),
            anchor: Some("draw-your-own-ladder".into()),
            heading: vec![SnippetPart {
                text: "Draw your own ladder".into(),
                matched: false,
            }],
            snippet: Vec::new(),
        };
        assert_eq!(hit.href(), "/guides/career-ladders#draw-your-own-ladder");

        hit.anchor = None;
        assert_eq!(hit.href(), "/guides/career-ladders");
    }
}
