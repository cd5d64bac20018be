//! The reading side of the site through real HTTP: home, library, guides, health, static files.

mod common;

use common::TestApp;
use scraper::{Html, Selector};

const SLUGS: [&str; 6] = [
    "job-vs-career",
    "key-differences",
    "turn-your-job-into-a-career",
    "career-ladders",
    "career-resources",
    "challenges-and-solutions",
];

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

#[tokio::test]
async fn the_home_page_leads_to_the_guides_the_self_check_and_the_planner() {
    let app = TestApp::spawn().await;

    let (status, body) = app.get_text("/").await;

    assert_eq!(status, 200);
    let html = Html::parse_document(&body);
    assert_eq!(select(&html, "h1").len(), 1);
    for href in ["/guides", "/check", "/plans/new"] {
        assert!(
            !select(&html, &format!("main a[href=\"{href}\"]")).is_empty(),
            "home links to {href}"
        );
    }
    assert_eq!(select(&html, "a.skip[href=\"#main\"]").len(), 1);
    assert_eq!(select(&html, "nav[aria-label=\"Main\"]").len(), 1);
}

#[tokio::test]
async fn the_main_navigation_marks_where_the_visitor_is() {
    let app = TestApp::spawn().await;
    let current = |body: &str| -> Vec<(String, String)> {
        let html = Html::parse_document(body);
        select(&html, "nav[aria-label=\"Main\"] a[aria-current]")
            .iter()
            .map(|a| {
                let attr = |name| a.value().attr(name).unwrap_or_default().to_owned();
                (attr("href"), attr("aria-current"))
            })
            .collect()
    };
    let marked = |href: &str, value: &str| vec![(href.to_owned(), value.to_owned())];

    for (path, expected) in [
        ("/guides", marked("/guides", "page")),
        ("/guides/key-differences", marked("/guides", "true")),
        ("/check", marked("/check", "page")),
        ("/plans/new", marked("/plans/new", "page")),
        ("/", Vec::new()),
        ("/search?q=career", Vec::new()),
    ] {
        let (status, body) = app.get_text(path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(current(&body), expected, "{path}");
    }
}

#[tokio::test]
async fn the_library_lists_all_six_guides_with_summary_and_reading_time() {
    let app = TestApp::spawn().await;

    let (status, body) = app.get_text("/guides").await;

    assert_eq!(status, 200);
    let html = Html::parse_document(&body);
    let cards = select(&html, "ol.library > li");
    assert_eq!(cards.len(), SLUGS.len());
    for slug in SLUGS {
        assert!(
            body.contains(&format!("href=\"/guides/{slug}\"")),
            "{slug} listed"
        );
    }
    for card in cards {
        let text = card.text().collect::<String>();
        assert!(text.contains("min read"), "reading time in {text}");
        assert!(card.select(&Selector::parse("p").unwrap()).count() >= 2);
    }
}

#[tokio::test]
async fn every_guide_renders_with_a_table_of_contents_that_matches_its_headings_and_sources() {
    let app = TestApp::spawn().await;

    for slug in SLUGS {
        let (status, body) = app.get_text(&format!("/guides/{slug}")).await;

        assert_eq!(status, 200, "{slug}");
        let html = Html::parse_document(&body);
        assert_eq!(select(&html, "h1").len(), 1, "{slug} has one h1");
        let toc_links = select(&html, "nav.toc a");
        assert!(toc_links.len() >= 3, "{slug} has a table of contents");
        for link in toc_links {
            let id = link.value().attr("href").unwrap().trim_start_matches('#');
            assert_eq!(
                select(&html, &format!(".prose [id=\"{id}\"]")).len(),
                1,
                "{slug}: contents link #{id} has its heading"
            );
        }
        assert!(
            !select(&html, "section.sources li").is_empty(),
            "{slug} lists sources"
        );
        let related = select(&html, "nav.related a");
        assert!(
            (2..=3).contains(&related.len()),
            "{slug} has 2-3 related guides"
        );
        assert!(
            !select(&html, ".callout a[href=\"/plans/new\"]").is_empty(),
            "{slug} calls to plan"
        );
        assert!(body.contains("min read"));
    }
}

#[tokio::test]
async fn the_key_differences_guide_has_a_real_comparison_table() {
    let app = TestApp::spawn().await;

    let (_, body) = app.get_text("/guides/key-differences").await;

    let html = Html::parse_document(&body);
    // Each row is named by a header cell, so a screen reader reads the topic with every cell.
    let rows: Vec<String> = select(&html, ".prose table tbody tr > th[scope=row]:first-child")
        .iter()
        .map(|cell| cell.text().collect::<String>().to_lowercase())
        .collect();
    for topic in [
        "timeframe",
        "purpose",
        "exchange",
        "education",
        "advancement",
        "benefits",
        "value",
        "working hours",
        "innovation",
        "networking",
    ] {
        assert!(
            rows.iter().any(|r| r.contains(topic)),
            "table row for {topic}"
        );
    }
    assert_eq!(
        rows.len(),
        select(&html, ".prose table tbody tr").len(),
        "every body row has its header"
    );
}

#[tokio::test]
async fn an_unknown_guide_gives_a_friendly_404_that_links_back_to_the_library() {
    let app = TestApp::spawn().await;

    for path in [
        "/guides/no-such-guide",
        "/nowhere",
        "/guides/job-vs-career/extra",
    ] {
        let (status, body) = app.get_text(path).await;

        assert_eq!(status, 404, "{path}");
        let html = Html::parse_document(&body);
        let heading: String = select(&html, "h1")[0].text().collect();
        assert_eq!(heading, "We can't find that page");
        assert!(!select(&html, "main a[href=\"/guides\"]").is_empty());
    }
}

#[tokio::test]
async fn an_address_with_a_slash_at_the_end_is_sent_to_the_one_without() {
    let app = TestApp::spawn().await;

    for (path, to) in [
        ("/guides/", "/guides"),
        ("/check/", "/check"),
        ("/guides/job-vs-career/", "/guides/job-vs-career"),
        ("/search/?q=career", "/search?q=career"),
    ] {
        let response = app.get(path).await;
        let head = app.client.head(app.url(path)).send().await.unwrap();

        assert_eq!(response.status(), 308, "{path}");
        assert_eq!(response.headers()["location"], to, "{path}");
        assert_eq!(head.status(), 308, "HEAD {path}");
        assert_eq!(head.headers()["location"], to, "HEAD {path}");
    }
    // Never a way off the site: `//host/` must not become a link to `//host`.
    for path in ["//evil.example/", "/\\evil.example/"] {
        let response = app.get(path).await;
        assert_ne!(response.status(), 308, "{path}");
        assert!(response.headers().get("location").is_none(), "{path}");
    }
}

#[tokio::test]
async fn healthz_answers_ok_while_the_database_answers_and_503_after_it_closes() {
    let app = TestApp::spawn().await;

    let (status, body) = app.get_text("/healthz").await;
    assert_eq!((status, body.as_str()), (200, "ok\n"));
    // A person who posts to it gets the site's page; only the probe's own answers are plain.
    let posted = app.post_form("/healthz", &[]).await;
    assert_eq!(posted.status(), 405);
    assert!(
        posted
            .text()
            .await
            .unwrap()
            .contains("doesn&#39;t work that way")
    );

    app.state.store.close().await;

    let (status, body) = app.get_text("/healthz").await;
    assert_eq!((status, body.as_str()), (503, "database unavailable\n"));
}

#[tokio::test]
async fn static_files_carry_cache_headers_and_honour_if_none_match() {
    let app = TestApp::spawn().await;

    let response = app
        .get(&format!(
            "/static/style.css?v={}",
            ladder::assets::STYLE_HASH
        ))
        .await;
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert!(
        headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age=31536000")
    );
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    let etag = headers["etag"].clone();

    let again = app
        .get_with(
            "/static/style.css",
            &[("if-none-match", etag.to_str().unwrap())],
        )
        .await;

    assert_eq!(again.status(), 304);
    assert!(
        again.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
}

#[tokio::test]
async fn pages_link_the_fingerprinted_stylesheet_and_answer_304_to_a_known_etag() {
    let app = TestApp::spawn().await;

    let first = app.get("/guides/job-vs-career").await;
    let etag = first.headers()["etag"].clone();
    let body = first.text().await.unwrap();
    assert!(body.contains(&format!(
        "/static/style.css?v={}",
        ladder::assets::STYLE_HASH
    )));

    let again = app
        .get_with(
            "/guides/job-vs-career",
            &[("if-none-match", etag.to_str().unwrap())],
        )
        .await;

    assert_eq!(again.status(), 304);
}

#[tokio::test]
async fn responses_are_compressed_when_the_browser_accepts_it() {
    let app = TestApp::spawn().await;

    let response = app
        .get_with("/guides/key-differences", &[("accept-encoding", "gzip")])
        .await;

    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");

    // `*` accepts any coding: the page comes in one, under that encoding's own ETag.
    let any = app
        .get_with("/guides/key-differences", &[("accept-encoding", "*")])
        .await;
    let plain = app
        .get_with(
            "/guides/key-differences",
            &[("accept-encoding", "identity")],
        )
        .await;
    assert_eq!(any.headers()["content-encoding"], "br");
    assert!(plain.headers().get("content-encoding").is_none());
    assert_ne!(any.headers()["etag"], plain.headers()["etag"]);
}

#[tokio::test]
async fn robots_txt_keeps_crawlers_out_of_plans() {
    let app = TestApp::spawn().await;

    let (status, body) = app.get_text("/robots.txt").await;

    assert_eq!(status, 200);
    assert!(body.contains("Disallow: /plans/"));
    assert!(body.contains("Disallow: /p/"));
}

#[tokio::test]
async fn the_app_restarts_on_the_same_database_file() {
    let app = TestApp::spawn().await;
    let database = app.database.clone();
    assert!(database.exists(), "database created in a new folder");

    let app = app.restart().await;

    assert_eq!(app.database, database);
    assert_eq!(app.get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn pages_run_only_the_sites_own_scripts_and_styles_and_nothing_inline() {
    let app = TestApp::spawn().await;

    let response = app.get("/").await;

    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.starts_with("default-src 'none';"), "{policy}");
    assert!(policy.contains("script-src 'self'"), "{policy}");
    assert!(policy.contains("style-src 'self';"), "{policy}");
    assert!(!policy.contains("unsafe"), "{policy}");
    let body = response.text().await.unwrap();
    assert!(
        !body.contains(" style=\""),
        "no style attributes: the policy blocks them"
    );
}

#[tokio::test]
async fn the_copy_link_script_is_served_with_cache_headers() {
    let app = TestApp::spawn().await;

    let response = app
        .get(&format!(
            "/static/copy-link.js?v={}",
            ladder::assets::SCRIPT_HASH
        ))
        .await;

    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
}

#[tokio::test]
async fn the_one_stylesheet_stays_under_20_kb() {
    let app = TestApp::spawn().await;

    // reqwest is built without decompression, so this is the stylesheet as written.
    let (status, css) = app.get_text("/static/style.css").await;

    assert_eq!(status, 200);
    assert!(css.len() < 20 * 1024, "style.css is {} bytes", css.len());
    assert!(css.len() > 1024, "style.css is served whole");
}
