//! Property tests: any text a person can type survives a round trip through a plan field
//! unchanged, and always renders as text, never as markup.

mod common;

use common::TestApp;
use proptest::{
    prelude::*,
    test_runner::{Config, TestRunner},
};
use scraper::{Html, Selector};

/// Text without control characters, not blank, within the title limit; spaces at either end
/// included, since a field keeps what was typed.
fn title() -> impl Strategy<Value = String> {
    "[^\\p{Cc}]{1,80}".prop_filter("not blank", |s| {
        !ladder::planner::is_blank(s) && s.chars().count() <= 80
    })
}

/// A title with spaces, or a no-break space, at either end: kept as typed too.
fn spaced_title() -> impl Strategy<Value = String> {
    let ends = || prop::sample::select(vec!["", " ", "  ", "\u{a0}"]);
    (ends(), title(), ends())
        .prop_map(|(before, title, after)| format!("{before}{title}{after}"))
        .prop_filter("within the limit", |s| s.chars().count() <= 80)
}

/// A note as a textarea sends it: any lines, blank ones and spaces at either end included.
fn note() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[^\\p{Cc}]{0,40}",
            Just(String::new()),
            Just("  ".to_owned())
        ],
        1..5,
    )
    .prop_map(|lines| lines.join("\n"))
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
    .prop_filter("not blank, within the limit", |s| {
        !ladder::planner::is_blank(s) && s.chars().count() <= 80
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

/// Saves `note` on a plan's first step and checks the step's note box shows it back exactly.
async fn note_round_trip(app: &TestApp, plan: &str, note: &str) -> Result<(), TestCaseError> {
    let response = app
        .post_form(&format!("{plan}/steps/1"), &[("note", note)])
        .await;
    prop_assert_eq!(response.status().as_u16(), 303);

    let (_, page) = app.get_text(plan).await;

    prop_assert_eq!(text_of(&page, "textarea#note-1"), note);
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

#[test]
fn a_title_with_spaces_at_either_end_survives_a_plan_field_unchanged() {
    run(spaced_title(), 32);
}

#[test]
fn any_note_survives_a_step_unchanged_line_breaks_and_spaces_included() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let app = runtime.block_on(TestApp::spawn());
    let plan = runtime.block_on(async {
        let response = app
            .post_form("/plans", &[("current", "Cashier"), ("target", "Chef")])
            .await;
        response.headers()["location"].to_str().unwrap().to_owned()
    });
    let mut runner = TestRunner::new(Config {
        cases: 48,
        ..Config::default()
    });
    runner
        .run(&note(), |note| {
            runtime.block_on(note_round_trip(&app, &plan, &note))
        })
        .unwrap();
}
