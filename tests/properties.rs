//! Property tests: any text a person can type survives a round trip through a plan field
//! unchanged, and always renders as text, never as markup.

mod common;

use common::TestApp;
use proptest::{
    prelude::*,
    test_runner::{Config, TestRunner},
};
use scraper::{Html, Selector};

/// Text without control characters, already trimmed (the form trims), within the title limit.
fn title() -> impl Strategy<Value = String> {
    "[^\\p{Cc}]{1,80}".prop_filter("trimmed and not blank", |s| {
        s.trim() == s && !s.is_empty() && s.chars().count() <= 80
    })
}

/// A mix that leans towards the characters that break pages: markup, quotes, entities.
fn tricky_title() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("<".to_owned()),
            Just(">".to_owned()),
            Just("&".to_owned()),
            Just("\"".to_owned()),
            Just("'".to_owned()),
            Just("&lt;".to_owned()),
            Just("<script>".to_owned()),
            Just("javascript:".to_owned()),
            Just("\u{202e}".to_owned()),
            Just("e\u{301}".to_owned()),
            Just("\u{1F469}\u{200D}\u{1F373}".to_owned()),
            "[a-z ]{1,5}",
        ],
        1..8,
    )
    .prop_map(|parts| parts.concat())
    .prop_filter("trimmed, not blank, within the limit", |s| {
        s.trim() == s && !s.is_empty() && s.chars().count() <= 80
    })
}

fn text_of(html: &str, css: &str) -> String {
    let document = Html::parse_document(html);
    let element = document
        .select(&Selector::parse(css).unwrap())
        .next()
        .expect(css);
    element.text().collect()
}

fn value_of(html: &str, css: &str) -> String {
    let document = Html::parse_document(html);
    let element = document
        .select(&Selector::parse(css).unwrap())
        .next()
        .expect(css);
    element.value().attr("value").unwrap_or_default().to_owned()
}

/// Creates a plan whose current job is `job` and checks it reads back exactly, as text.
async fn round_trip(app: &TestApp, job: &str) -> Result<(), TestCaseError> {
    let response = app
        .post_form(
            "/plans",
            &[("current", job), ("target", "Chef"), ("horizon", "12")],
        )
        .await;
    prop_assert_eq!(response.status().as_u16(), 303);
    let plan = response.headers()["location"].to_str().unwrap().to_owned();

    let (_, page) = app.get_text(&plan).await;
    let (_, edit) = app.get_text(&format!("{plan}/edit")).await;

    prop_assert_eq!(text_of(&page, "h1"), format!("From {job} to Chef"));
    prop_assert_eq!(text_of(&page, ".ladder .here .rung-name"), job);
    prop_assert_eq!(value_of(&edit, "input#current"), job);
    Ok(())
}

fn run(strategy: impl Strategy<Value = String>, cases: u32) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let app = runtime.block_on(TestApp::spawn());
    let mut runner = TestRunner::new(Config {
        cases,
        ..Config::default()
    });
    runner
        .run(&strategy, |job| runtime.block_on(round_trip(&app, &job)))
        .unwrap();
}

#[test]
fn any_typed_text_survives_a_plan_field_unchanged_and_renders_as_text() {
    run(title(), 64);
}

#[test]
fn markup_like_text_survives_a_plan_field_unchanged_and_renders_as_text() {
    run(tricky_title(), 64);
}
