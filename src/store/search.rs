//! The guide search index: an FTS5 table of guide sections, rebuilt from the Markdown at every
//! start, and the query that ranks and cuts snippets from it.

use crate::guides::{Guide, SearchHit, SnippetPart};

use super::Store;

/// Marks where a matched word starts and ends in a snippet. Private-use characters never occur
/// in the guides, and `index_guides` strips them anyway, so the markers cannot be confused with
/// text.
const MATCH_START: char = '\u{e000}';
const MATCH_END: char = '\u{e001}';

/// A hit row as the database returns it; `snippet` still holds the markers.
#[derive(sqlx::FromRow)]
struct HitRow {
    slug: String,
    title: String,
    anchor: Option<String>,
    heading: String,
    snippet: String,
}

impl Store {
    /// Replaces the whole index with the sections of `guides`, in one transaction, so a reader
    /// sees either the old index or the new one.
    pub async fn index_guides(&self, guides: &[Guide]) -> sqlx::Result<()> {
        let mut tx = self.writer.begin().await?;
        sqlx::query("delete from guide_search")
            .execute(&mut *tx)
            .await?;
        for guide in guides {
            // A heading whose text is all in its subsections has nothing to show as a hit.
            for section in guide.sections.iter().filter(|s| !s.text.trim().is_empty()) {
                sqlx::query(
                    r"insert into guide_search (slug, anchor, title, heading, body)
                      values (?1, ?2, ?3, ?4, ?5)",
                )
                .bind(&guide.slug)
                .bind(section.id.as_deref())
                .bind(&guide.title)
                .bind(&section.heading)
                .bind(section.text.replace([MATCH_START, MATCH_END], ""))
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await
    }

    /// The best `limit` sections containing every term (or a word of the same stem), best first.
    /// A word in the guide title counts most, then one in the heading, then one in the text.
    /// No terms, no hits.
    pub async fn search_guides(
        &self,
        terms: &[String],
        limit: u32,
    ) -> sqlx::Result<Vec<SearchHit>> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        // Columns: slug, anchor (unindexed, weight 0), title, heading, body. Matches are marked
        // in the heading (column 3); the snippet is cut from the body (column 4), up to 24 words
        // around the matches.
        let rows: Vec<HitRow> = sqlx::query_as(
            r"select slug, title, anchor,
                     highlight(guide_search, 3, char(57344), char(57345)) as heading,
                     snippet(guide_search, 4, char(57344), char(57345), '…', 24) as snippet
              from guide_search
              where guide_search match ?1
              order by bm25(guide_search, 0.0, 0.0, 10.0, 5.0, 1.0), slug, anchor
              limit ?2",
        )
        .bind(match_expression(terms))
        .bind(limit)
        .fetch_all(&self.reader)
        .await?;
        Ok(rows.into_iter().map(HitRow::into_hit).collect())
    }
}

impl HitRow {
    fn into_hit(self) -> SearchHit {
        SearchHit {
            slug: self.slug,
            title: self.title,
            anchor: self.anchor,
            heading: snippet_parts(&self.heading),
            snippet: snippet_parts(&self.snippet),
        }
    }
}

/// An FTS5 query that needs every term: each one quoted as a string, so a term can never be read
/// as an operator (`OR`, `NEAR`), a column filter or a prefix. Terms hold only letters and digits
/// (see `SearchQuery`), but any `"` is doubled as FTS5 asks, to stay safe on its own.
fn match_expression(terms: &[String]) -> String {
    terms
        .iter()
        .map(|term| format!("\"{}\"", term.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits a marked snippet into plain and matched parts, dropping the markers.
fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut matched = false;
    for c in marked.chars() {
        if c == MATCH_START || c == MATCH_END {
            if !text.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut text),
                    matched,
                });
            }
            matched = c == MATCH_START;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        parts.push(SnippetPart { text, matched });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guides::{Library, SearchQuery};

    async fn indexed_store(dir: &tempfile::TempDir) -> Store {
        let store = Store::open(&dir.path().join("ladder.db")).await.unwrap();
        store
            .index_guides(Library::load().unwrap().all())
            .await
            .unwrap();
        store
    }

    async fn index_rows(store: &Store) -> i64 {
        sqlx::query_scalar("select count(*) from guide_search")
            .fetch_one(&store.reader)
            .await
            .unwrap()
    }

    async fn search(store: &Store, raw: &str) -> Vec<SearchHit> {
        store
            .search_guides(&SearchQuery::parse(raw).terms, 20)
            .await
            .unwrap()
    }

    #[test]
    fn each_term_is_quoted_so_operators_are_plain_words() {
        let terms = ["near".to_owned(), "or".to_owned(), "a\"b".to_owned()];

        assert_eq!(match_expression(&terms), r#""near" "or" "a""b""#);
    }

    #[test]
    fn a_snippet_splits_into_plain_and_matched_parts() {
        let parts = snippet_parts("a \u{e000}career\u{e001} is \u{e000}long\u{e001}");

        let parts: Vec<_> = parts.iter().map(|p| (p.text.as_str(), p.matched)).collect();
        assert_eq!(
            parts,
            [
                ("a ", false),
                ("career", true),
                (" is ", false),
                ("long", true)
            ]
        );
    }

    #[tokio::test]
    async fn indexing_again_replaces_the_rows_instead_of_adding_to_them() {
        let dir = tempfile::tempdir().unwrap();
        let store = indexed_store(&dir).await;
        let first = index_rows(&store).await;

        store
            .index_guides(Library::load().unwrap().all())
            .await
            .unwrap();

        assert!(first > 6, "one row per section");
        assert_eq!(index_rows(&store).await, first);
    }

    #[tokio::test]
    async fn a_plural_finds_the_singular_and_the_match_is_marked() {
        let dir = tempfile::tempdir().unwrap();
        let store = indexed_store(&dir).await;

        let hits = search(&store, "firefighters").await;

        assert!(hits.iter().any(|hit| hit.slug == "career-ladders"));
        assert!(
            hits.iter()
                .flat_map(|hit| &hit.snippet)
                .any(|part| part.matched && part.text.eq_ignore_ascii_case("firefighter"))
        );
    }

    #[tokio::test]
    async fn a_title_match_ranks_above_a_text_match() {
        let dir = tempfile::tempdir().unwrap();
        let store = indexed_store(&dir).await;

        let hits = search(&store, "ladders").await;

        assert_eq!(hits[0].slug, "career-ladders");
    }

    #[tokio::test]
    async fn hostile_queries_run_without_error() {
        let dir = tempfile::tempdir().unwrap();
        let store = indexed_store(&dir).await;
        let long = "x".repeat(10_000);

        for raw in [
            "\"",
            "*",
            "NEAR(a b",
            "((",
            "a OR",
            "-x",
            "col:term",
            "^",
            "Ⓐ",
            "İstanbul",
            "١٢٣",
            "a\u{301}",
            "\u{e000}",
            long.as_str(),
        ] {
            let terms = SearchQuery::parse(raw).terms;

            let result = store.search_guides(&terms, 20).await;

            assert!(result.is_ok(), "{raw:?}: {result:?}");
        }
    }

    #[tokio::test]
    async fn terms_that_the_index_splits_away_find_nothing_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let store = indexed_store(&dir).await;

        let hits = store.search_guides(&["".to_owned()], 20).await.unwrap();

        assert!(hits.is_empty());
    }
}
