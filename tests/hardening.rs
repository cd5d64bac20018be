//! Headers, cross-site checks, limits and panics: every response is safe and every refusal is the
//! site's own page with the right status.

mod common;

use axum::{Router, routing::get};
use common::TestApp;
use ladder::config::Switch;

const GOOD: &[(&str, &str)] = &[
    ("current", "Cashier"),
    ("target", "Store manager"),
    ("horizon", "12"),
];

async fn create(app: &TestApp) -> String {
    let response = app.post_form("/plans", GOOD).await;
    assert_eq!(response.status(), 303);
    response.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let plan = create(&app).await;

    for path in ["/", plan.as_str(), "/static/style.css", "/no-such-page"] {
        let response = app.get(path).await;
        let headers = response.headers();

        assert_eq!(
            headers["content-security-policy"],
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; script-src 'self'",
            "{path}"
        );
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(
            headers["cross-origin-opener-policy"], "same-origin",
            "{path}"
        );
        assert_eq!(
            headers["cross-origin-resource-policy"], "same-origin",
            "{path}"
        );
        assert!(
            headers.get("strict-transport-security").is_none(),
            "{path}: no HSTS over plain HTTP"
        );
        assert!(headers.get("x-request-id").is_some(), "{path}");
    }
}

#[tokio::test]
async fn strict_transport_security_is_sent_when_the_site_is_behind_https() {
    let app = TestApp::spawn_with(|config| {
        config.https = true;
        config.rate_limit = Switch::Off;
    })
    .await;

    let response = app.get("/").await;

    assert!(
        response.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
    // The links people copy from their plan page are https too.
    let created = app
        .post_form(
            "/plans",
            &[
                ("current", "Cashier"),
                ("target", "Nurse"),
                ("horizon", "12"),
            ],
        )
        .await;
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let page = app.get(&location).await.text().await.unwrap();
    let https = format!("value=\"https://{}{location}\"", app.address);
    assert!(page.contains(&https), "the private link is https");
    assert!(page.contains(&format!("value=\"https://{}/p/", app.address)));
    assert!(!page.contains("value=\"http://"));
}

#[tokio::test]
async fn a_cross_site_post_is_refused_with_403_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let plan = create(&app).await;

    let cross_site = app
        .post_form_with("/plans", &[("sec-fetch-site", "cross-site")], GOOD)
        .await;
    let foreign_origin = app
        .post_form_with(
            &format!("{plan}/steps/1"),
            &[("origin", "https://evil.example")],
            &[("status", "done")],
        )
        .await;
    let delete = app
        .post_form_with(
            &format!("{plan}/delete"),
            &[
                ("sec-fetch-site", "same-site"),
                ("origin", "https://sub.evil.example"),
            ],
            &[],
        )
        .await;

    for response in [cross_site, foreign_origin, delete] {
        assert_eq!(response.status(), 403);
        let body = response.text().await.unwrap();
        assert!(body.contains("accept that form"), "the site's own 403 page");
    }
    assert_eq!(app.count("plans").await, 1);
    assert!(app.get_text(&plan).await.1.contains("0 of 8 steps done"));
}

#[tokio::test]
async fn same_origin_posts_and_posts_without_browser_headers_work() {
    let app = TestApp::spawn().await;

    let origin = format!("http://{}", app.address);
    let same_origin = app
        .post_form_with(
            "/plans",
            &[("sec-fetch-site", "same-origin"), ("origin", &origin)],
            GOOD,
        )
        .await;
    let bare = app.post_form("/plans", GOOD).await;
    // What a browser without Sec-Fetch-Site sends from a page served with no-referrer.
    let null_origin = app
        .post_form_with("/plans", &[("origin", "null")], GOOD)
        .await;
    let null_cross_site = app
        .post_form_with(
            "/plans",
            &[("origin", "null"), ("sec-fetch-site", "cross-site")],
            GOOD,
        )
        .await;

    assert_eq!(same_origin.status(), 303);
    assert_eq!(bare.status(), 303);
    assert_eq!(null_origin.status(), 303);
    assert_eq!(null_cross_site.status(), 403);
    assert_eq!(app.count("plans").await, 3);
}

#[tokio::test]
async fn a_body_over_64_kib_gets_413_and_the_site_page() {
    let app = TestApp::spawn().await;
    let big = "x".repeat(65 * 1024);

    let response = app.post_form("/plans", &[("current", big.as_str())]).await;

    assert_eq!(response.status(), 413);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(response.text().await.unwrap().contains("too much text"));
    assert_eq!(app.count("plans").await, 0);
}

#[tokio::test]
async fn creating_plans_too_fast_gets_429_with_retry_after() {
    let app = TestApp::spawn_with(|config| config.rate_limit = Switch::On).await;

    let mut statuses = Vec::new();
    for _ in 0..32 {
        statuses.push(app.post_form("/plans", GOOD).await.status().as_u16());
    }

    assert_eq!(
        statuses.iter().filter(|s| **s == 303).count(),
        30,
        "a burst of 30 is allowed"
    );
    let refused = app.post_form("/plans", GOOD).await;
    assert_eq!(refused.status(), 429);
    let retry: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=10).contains(&retry));
    assert!(refused.text().await.unwrap().contains("Please slow down"));
    assert_eq!(app.count("plans").await, 30);
    assert_eq!(
        app.get("/guides").await.status(),
        200,
        "reading is never limited"
    );
}

#[tokio::test]
async fn a_get_where_a_post_is_needed_gets_405_and_the_site_page() {
    let app = TestApp::spawn().await;
    let plan = create(&app).await;

    for path in [
        format!("{plan}/steps/1"),
        format!("{plan}/share"),
        "/plans".to_owned(),
    ] {
        let response = app.get(&path).await;

        assert_eq!(response.status(), 405, "{path}");
        assert!(
            response.headers()["allow"]
                .to_str()
                .unwrap()
                .contains("POST")
        );
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("doesn&#39;t work that way")
        );
    }
}

async fn boom() -> &'static str {
    panic!("secret internal detail")
}

#[tokio::test]
async fn a_panicking_handler_gets_the_500_page_and_the_server_keeps_serving() {
    let router = Router::new()
        .route("/boom", get(boom))
        .route("/fine", get(|| async { "fine" }));
    let app = ladder::with_layers(router, false, None);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });

    let boom = reqwest::get(format!("http://{address}/boom"))
        .await
        .unwrap();
    let fine = reqwest::get(format!("http://{address}/fine"))
        .await
        .unwrap();

    assert_eq!(boom.status(), 500);
    let body = boom.text().await.unwrap();
    assert!(body.contains("Something went wrong on our side"));
    assert!(!body.contains("secret internal detail"));
    assert_eq!(fine.status(), 200);
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off_and_others_are_served() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn().await;
    let mut slow = tokio::net::TcpStream::connect(app.address).await.unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .await
        .unwrap();
    let mut idle = tokio::net::TcpStream::connect(app.address).await.unwrap();
    let started = std::time::Instant::now();

    assert_eq!(app.get("/").await.status(), 200, "others are served");
    let limit = ladder::server::HEADER_READ_TIMEOUT + std::time::Duration::from_secs(10);
    for stream in [&mut slow, &mut idle] {
        let mut buffer = [0u8; 512];
        let read = tokio::time::timeout(limit, stream.read(&mut buffer)).await;
        // Closed: end of file, or a reset; never a connection left open.
        assert!(
            matches!(read, Ok(Ok(0) | Err(_))),
            "still open after {:?}: {read:?}",
            started.elapsed()
        );
    }
    assert!(started.elapsed() >= ladder::server::HEADER_READ_TIMEOUT / 2);
}
