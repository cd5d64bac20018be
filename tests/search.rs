//! Search over the guides through real HTTP, with the index built in a real SQLite file.

mod common;

use common::TestApp;
use scraper::{ElementRef, Html, Selector};

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

/// GET /search with `q` encoded as a browser would.
async fn search(app: &TestApp, q: &str) -> (u16, Html, String) {
    let encoded: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let (status, body) = app.get_text(&format!("/search?q={encoded}")).await;
    (status, Html::parse_document(&body), body)
}

/// The guides (slugs) that the results link to, in order, once each.
fn result_guides(html: &Html) -> Vec<String> {
    let mut slugs: Vec<String> = Vec::new();
    for link in select(html, "ol.results h2 a") {
        let href = link.value().attr("href").unwrap();
        let slug = href
            .trim_start_matches("/guides/")
            .split('#')
            .next()
            .unwrap();
        if !slugs.iter().any(|s| s == slug) {
            slugs.push(slug.to_owned());
        }
    }
    slugs
}

#[tokio::test]
async fn each_guide_is_found_by_a_word_only_its_body_contains() {
    let app = TestApp::spawn().await;

    for (slug, word) in [
        ("job-vs-career", "musician"),
        ("key-differences", "wrestler"),
        ("turn-your-job-into-a-career", "coworker"),
        ("career-ladders", "hospital"),
        ("career-resources", "universities"),
        ("challenges-and-solutions", "quizzes"),
    ] {
        let (status, html, _) = search(&app, word).await;

        assert_eq!(status, 200, "{word}");
        assert_eq!(result_guides(&html), [slug], "{word}");
    }
}

#[tokio::test]
async fn a_hit_shows_the_guide_title_and_links_its_heading_to_the_section() {
    let app = TestApp::spawn().await;

    let (_, html, _) = search(&app, "wrestler").await;

    let hit = select(&html, "ol.results > li")[0];
    let links: Vec<_> = hit
        .select(&Selector::parse("a").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(links[0], "/guides/key-differences");
    assert!(
        links[1].starts_with("/guides/key-differences#"),
        "{links:?}"
    );
    let anchor = links[1].split('#').nth(1).unwrap();
    let (_, guide) = app.get_text("/guides/key-differences").await;
    assert!(
        guide.contains(&format!("id=\"{anchor}\"")),
        "#{anchor} exists"
    );
}

#[tokio::test]
async fn careers_matches_text_that_only_says_career() {
    let app = TestApp::spawn().await;

    let (_, html, _) = search(&app, "careers").await;
    let marked: Vec<String> = select(&html, ".snippet mark")
        .iter()
        .map(|m| m.text().collect::<String>().to_lowercase())
        .collect();
    let (_, musicians, _) = search(&app, "musicians").await;

    assert!(marked.iter().any(|m| m == "career"), "{marked:?}");
    assert_eq!(result_guides(&musicians), ["job-vs-career"]);
}

#[tokio::test]
async fn the_snippet_is_escaped_and_only_the_matched_words_are_highlighted() {
    let app = TestApp::spawn().await;

    let (_, html, _) = search(&app, "babysitter").await;

    let snippets = select(&html, "ol.results .snippet");
    assert!(!snippets.is_empty());
    let mut marks = 0;
    for snippet in snippets {
        let inner = snippet.inner_html();
        marks += inner.matches("<mark>").count();
        let without_marks = inner.replace("<mark>", "").replace("</mark>", "");
        assert!(!without_marks.contains('<'), "{inner}");
        for mark in snippet.select(&Selector::parse("mark").unwrap()) {
            let word = mark.text().collect::<String>().to_lowercase();
            assert!(word.starts_with("babysit"), "{word}");
        }
    }
    assert!(marks > 0);
}

#[tokio::test]
async fn a_word_found_in_a_heading_is_highlighted_there() {
    let app = TestApp::spawn().await;

    let (_, html, _) = search(&app, "childcare").await;

    let headings = select(&html, "ol.results h2 a");
    assert!(!headings.is_empty());
    for heading in headings {
        let text: String = heading.text().collect();
        let marked = heading.select(&Selector::parse("mark").unwrap()).count();
        assert_eq!(
            marked > 0,
            text.to_lowercase().contains("childcare"),
            "{}",
            heading.inner_html()
        );
    }
    assert!(html.html().contains("<mark>Childcare</mark>"));
}

#[tokio::test]
async fn hostile_queries_give_200_and_are_shown_back_escaped() {
    let app = TestApp::spawn().await;
    let long = "career ".repeat(1_430);

    for q in [
        "\"",
        "*",
        "NEAR(a b",
        "((",
        "a OR",
        "-x",
        "col:term",
        "^",
        "<script>alert(1)</script>",
        "\"unbalanced AND (job OR",
        long.as_str(),
    ] {
        let (status, html, body) = search(&app, q).await;

        assert_eq!(status, 200, "{q}");
        assert!(!body.contains("Something went wrong"), "{q}");
        let shown: String = q.trim().chars().take(200).collect();
        let boxed = select(&html, "input#site-search-q")[0]
            .value()
            .attr("value");
        assert_eq!(boxed, Some(shown.trim()), "{q}");
        assert!(!body.contains("<script"), "{q}");
    }
    assert!(long.len() >= 10_000);
}

#[tokio::test]
async fn the_query_is_shown_escaped_in_the_page_text() {
    let app = TestApp::spawn().await;

    let (_, _, body) = search(&app, "<b>x</b> & \"y\"").await;

    assert!(body.contains("&#60;b&#62;x&#60;/b&#62; &#38; &#34;y&#34;"));
    assert!(!body.contains("<b>x</b>"));
}

#[tokio::test]
async fn an_empty_or_blank_query_shows_the_library_with_a_search_box() {
    let app = TestApp::spawn().await;
    let library = ladder::guides::Library::load().unwrap();

    for path in ["/search", "/search?q=", "/search?q=+++", "/search?q=%09"] {
        let (status, body) = app.get_text(path).await;

        assert_eq!(status, 200, "{path}");
        let html = Html::parse_document(&body);
        assert_eq!(
            select(&html, "main form[role=\"search\"] input[name=\"q\"]").len(),
            1
        );
        for guide in library.all() {
            let link = format!("main a[href=\"/guides/{}\"]", guide.slug);
            assert_eq!(select(&html, &link).len(), 1, "{path}: {}", guide.slug);
            assert!(body.contains(&guide.summary), "{path}: {}", guide.slug);
        }
        assert!(select(&html, "ol.results").is_empty());
    }
}

#[tokio::test]
async fn a_query_without_hits_says_so_and_suggests_the_guides() {
    let app = TestApp::spawn().await;

    let (status, html, _) = search(&app, "zyzzyva").await;

    assert_eq!(status, 200);
    let notice: String = select(&html, ".notice")[0].text().collect();
    assert!(notice.contains("No guide matches “zyzzyva”"), "{notice}");
    assert_eq!(select(&html, "main .card-list li").len(), 6);
}

#[tokio::test]
async fn a_repeated_q_parameter_uses_the_first_one() {
    let app = TestApp::spawn().await;

    let (status, body) = app.get_text("/search?q=wrestler&q=quizzes").await;

    assert_eq!(status, 200);
    assert_eq!(
        result_guides(&Html::parse_document(&body)),
        ["key-differences"]
    );
}

#[tokio::test]
async fn the_index_is_rebuilt_not_doubled_when_the_app_restarts() {
    let app = TestApp::spawn().await;
    let (_, before, _) = search(&app, "wrestler").await;
    let hits_before = select(&before, "ol.results > li").len();

    let app = app.restart().await;

    let (_, after, _) = search(&app, "wrestler").await;
    assert_eq!(hits_before, 1);
    assert_eq!(select(&after, "ol.results > li").len(), hits_before);
}

#[tokio::test]
async fn every_hit_shows_a_snippet_and_a_long_list_says_it_is_cut() {
    let app = TestApp::spawn().await;

    let (status, html, _) = search(&app, "careers").await;

    assert_eq!(status, 200);
    let hits = select(&html, "ol.results > li");
    assert_eq!(hits.len(), 20, "the page shows the 20 best");
    for hit in &hits {
        let snippet: String = hit
            .select(&Selector::parse(".snippet").unwrap())
            .flat_map(|s| s.text())
            .collect();
        assert!(!snippet.trim().is_empty(), "{}", hit.html());
    }
    let summary: String = select(&html, "[role=status]")[0].text().collect();
    assert!(
        summary.starts_with("More than 20 sections match"),
        "{summary}"
    );

    let (_, few, _) = search(&app, "musicians").await;
    let summary: String = select(&few, "[role=status]")[0].text().collect();
    assert!(summary.starts_with("1 section matches"), "{summary}");
}

#[tokio::test]
async fn a_possessive_finds_what_its_word_finds() {
    let app = TestApp::spawn().await;

    let (_, plain, _) = search(&app, "nurse").await;
    let (_, possessive, _) = search(&app, "nurse\u{2019}s").await;
    let (_, typed, _) = search(&app, "nurse's job").await;
    let (_, job, _) = search(&app, "nurse job").await;

    assert!(!result_guides(&plain).is_empty());
    assert_eq!(result_guides(&possessive), result_guides(&plain));
    assert_eq!(result_guides(&typed), result_guides(&job));
}
