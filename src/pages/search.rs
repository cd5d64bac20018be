//! `GET /search?q=...`: full-text search over the guides. Any query gives a page: words are
//! looked for, everything else in the query is ignored, and an empty one shows the library.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};

use crate::{
    AppState,
    error::Result,
    guides::{Library, SearchHit, SearchQuery},
};

/// Most hits shown on one page.
const MAX_HITS: u32 = 20;

#[derive(Template, WebTemplate)]
#[template(path = "pages/search.html")]
pub struct SearchPage {
    /// The query as shown back (cut to length); empty when nothing was asked.
    pub q: String,
    pub hits: Vec<SearchHit>,
    /// More sections matched than are shown.
    pub more: bool,
    pub library: Arc<Library>,
}

/// Reads `q` from raw pairs, so a repeated or odd parameter can never be refused.
pub async fn search_guides(
    State(state): State<AppState>,
    Query(params): Query<Vec<(String, String)>>,
) -> Result<SearchPage> {
    let raw = params
        .iter()
        .find(|(name, _)| name == "q")
        .map_or("", |(_, v)| v);
    let query = SearchQuery::parse(raw);
    // One more than is shown, to tell whether there were more.
    let mut hits = state
        .store
        .search_guides(&query.terms, MAX_HITS + 1)
        .await?;
    let more = hits.len() > MAX_HITS as usize;
    hits.truncate(MAX_HITS as usize);
    Ok(SearchPage {
        q: query.text,
        hits,
        more,
        library: Arc::clone(&state.library),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guides::SnippetPart;

    #[test]
    fn snippet_text_is_escaped_and_only_matches_are_marked() {
        let page = SearchPage {
            q: "<b>job</b>".into(),
            hits: vec![SearchHit {
                slug: "job-vs-career".into(),
                title: "Job & career".into(),
                anchor: Some("what-a-job-is".into()),
                heading: vec![
                    SnippetPart {
                        text: "What a <".into(),
                        matched: false,
                    },
                    SnippetPart {
                        text: "job".into(),
                        matched: true,
                    },
                    SnippetPart {
                        text: "> is".into(),
                        matched: false,
                    },
                ],
                snippet: vec![
                    SnippetPart {
                        text: "a <i>paid</i> ".into(),
                        matched: false,
                    },
                    SnippetPart {
                        text: "job".into(),
                        matched: true,
                    },
                ],
            }],
            more: false,
            library: Arc::new(Library::load().unwrap()),
        };

        let html = page.render().unwrap();

        assert!(html.contains("a &#60;i&#62;paid&#60;/i&#62; <mark>job</mark>"));
        assert!(html.contains("What a &#60;<mark>job</mark>&#62; is"));
        assert!(html.contains("Job &#38; career"));
        assert!(!html.contains("<b>job</b>") && !html.contains("<i>"));
    }
}
