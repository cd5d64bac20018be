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
    /// so no search syntax typed by a visitor reaches the database. The "s" of "nurse's" is
    /// dropped, and so is a word the length limit cut through.
    pub terms: Vec<String>,
}

impl SearchQuery {
    /// Never fails: any text becomes a query, possibly one without terms.
    pub fn parse(raw: &str) -> SearchQuery {
        let mut chars = raw.trim().chars();
        let text: String = chars
            .by_ref()
            .take(MAX_QUERY_CHARS)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        // A word the cut went through is only part of what was typed: looking for it would
        // need a word no one wrote.
        let cut_mid_word = chars.next().is_some_and(char::is_alphanumeric)
            && text.ends_with(char::is_alphanumeric);
        let text = text.trim().to_owned();
        let searched = if cut_mid_word {
            text.trim_end_matches(char::is_alphanumeric)
        } else {
            &text
        };
        let mut terms: Vec<String> = Vec::new();
        for word in words(searched) {
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

/// What follows an apostrophe in "nurse's", "don't", "you'll": the index keeps it as a word of its
/// own, found in nearly every guide, so requiring it would only lose hits.
const CONTRACTION_TAILS: &[&str] = &["s", "t", "d", "m", "ll", "re", "ve"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// The runs of letters and digits in `text`, without the tails of possessives and contractions.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c))
        .flat_map(|word| {
            word.split(is_apostrophe)
                .enumerate()
                .filter(|(index, part)| {
                    *index == 0 || !CONTRACTION_TAILS.contains(&part.to_lowercase().as_str())
                })
        })
        .map(|(_, part)| part)
        .filter(|part| !part.is_empty())
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
        assert!(query.terms.is_empty(), "the one word was cut through");
    }

    #[test]
    fn a_word_the_cut_goes_through_is_not_looked_for() {
        let through = SearchQuery::parse(&"career ".repeat(40));
        let between = SearchQuery::parse(&format!("{}nurse", "x ".repeat(100)));

        assert!(through.text.ends_with("career care"), "shown as cut");
        assert_eq!(through.terms, ["career"]);
        assert_eq!(between.terms, ["x"], "the cut fell before `nurse`");
    }

    #[test]
    fn possessives_and_contractions_keep_their_word_and_drop_the_tail() {
        assert_eq!(terms("nurse's job"), ["nurse", "job"]);
        assert_eq!(
            terms("manager\u{2019}s don't I'll"),
            ["manager", "don", "i"]
        );
        assert_eq!(
            terms("rock'n'roll o'neill"),
            ["rock", "n", "roll", "o", "neill"]
        );
        assert!(terms("'s '").is_empty());
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
