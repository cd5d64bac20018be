//! The "Job or career?" self-check through real HTTP: the form, the result, and a form sent back.

mod common;

use common::TestApp;
use ladder::check::{Lean, QUESTIONS};
use scraper::{ElementRef, Html, Selector};

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &ElementRef) -> String {
    element.text().collect::<String>()
}

/// For every question, its answer that leans this way, as form pairs.
fn answers_leaning(lean: Lean) -> Vec<(&'static str, &'static str)> {
    QUESTIONS
        .iter()
        .map(|q| {
            let choice = q.options.iter().find(|c| c.lean == lean).unwrap();
            (q.key, choice.value)
        })
        .collect()
}

async fn post_check(app: &TestApp, pairs: &[(&str, &str)]) -> (u16, Html) {
    let response = app.post_form("/check", pairs).await;
    let status = response.status().as_u16();
    (
        status,
        Html::parse_document(&response.text().await.unwrap()),
    )
}

#[tokio::test]
async fn the_form_asks_every_question_in_a_fieldset_with_labelled_radios_and_no_script() {
    let app = TestApp::spawn().await;

    let (status, body) = app.get_text("/check").await;

    assert_eq!(status, 200);
    let html = Html::parse_document(&body);
    let fieldsets = select(&html, "form[action=\"/check\"][method=\"post\"] fieldset");
    assert_eq!(fieldsets.len(), QUESTIONS.len());
    for (fieldset, question) in fieldsets.iter().zip(QUESTIONS) {
        let legend = fieldset.select(&Selector::parse("legend").unwrap()).next();
        assert_eq!(legend.map(|l| text(&l)).as_deref(), Some(question.text));
    }
    let radios = select(&html, "input[type=\"radio\"]");
    let options: usize = QUESTIONS.iter().map(|q| q.options.len()).sum();
    assert_eq!(radios.len(), options);
    for radio in radios {
        let id = radio.value().attr("id").unwrap();
        assert_eq!(
            select(&html, &format!("label[for=\"{id}\"]")).len(),
            1,
            "{id}"
        );
        assert!(radio.value().attr("checked").is_none());
    }
    assert_eq!(select(&html, "label[for=\"current\"]").len(), 1);
    assert_eq!(select(&html, "input#current[maxlength=\"80\"]").len(), 1);
    assert!(select(&html, "script").is_empty());
    assert!(select(&html, ".error-summary").is_empty());
}

#[tokio::test]
async fn answers_are_never_kept_by_a_cache_on_a_shared_computer() {
    let app = TestApp::spawn().await;

    let result = app.post_form("/check", &answers_leaning(Lean::Job)).await;
    let sent_back = app.post_form("/check", &[]).await;

    assert_eq!(result.status(), 200);
    assert_eq!(sent_back.status(), 422);
    for response in [result, sent_back] {
        assert_eq!(response.headers()["cache-control"], "private, no-store");
    }
}

#[tokio::test]
async fn clear_job_answers_are_called_a_job_and_each_answer_is_explained_with_its_guide_link() {
    let app = TestApp::spawn().await;

    let (status, html) = post_check(&app, &answers_leaning(Lean::Job)).await;

    assert_eq!(status, 200);
    assert_eq!(
        text(&select(&html, "h1")[0]),
        "Your work looks more like a job right now."
    );
    let page = text(&select(&html, "main")[0]);
    for question in QUESTIONS {
        let choice = question
            .options
            .iter()
            .find(|c| c.lean == Lean::Job)
            .unwrap();
        assert!(page.contains(question.text), "{}", question.key);
        assert!(page.contains(choice.label), "{}", question.key);
        assert!(page.contains(choice.explain), "{}", question.key);
        let link = format!("main a[href=\"{}\"]", question.guide);
        assert_eq!(select(&html, &link).len(), 1, "{}", question.guide);
    }
    assert_eq!(select(&html, "#job-heading").len(), 1);
    assert!(select(&html, "#career-heading").is_empty());
}

#[tokio::test]
async fn clear_career_answers_are_called_a_career() {
    let app = TestApp::spawn().await;

    let (status, html) = post_check(&app, &answers_leaning(Lean::Career)).await;

    assert_eq!(status, 200);
    assert_eq!(
        text(&select(&html, "h1")[0]),
        "Your work looks more like a career."
    );
    assert_eq!(
        select(&html, "section[aria-labelledby=\"career-heading\"] li").len(),
        QUESTIONS.len()
    );
    for question in QUESTIONS {
        assert_eq!(
            select(&html, &format!("main a[href=\"{}\"]", question.guide)).len(),
            1
        );
    }
}

#[tokio::test]
async fn a_missing_answer_gives_422_marks_that_question_and_keeps_the_other_answers_checked() {
    let app = TestApp::spawn().await;
    let mut pairs = answers_leaning(Lean::Career);
    pairs.retain(|(key, _)| *key != "benefits");
    pairs.push(("current", "Stock clerk"));

    let (status, html) = post_check(&app, &pairs).await;

    assert_eq!(status, 422);
    let marked = select(&html, "fieldset.has-error");
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].value().attr("id"), Some("q-benefits"));
    assert!(text(&marked[0]).contains("Choose one answer to this question."));
    let summary_links = select(&html, ".error-summary a");
    assert_eq!(summary_links.len(), 1);
    let target = summary_links[0].value().attr("href").unwrap();
    assert_eq!(target, "#benefits-pay-only");
    assert_eq!(
        select(&html, target).len(),
        1,
        "the summary link has a target"
    );
    for (key, value) in pairs.iter().filter(|(key, _)| *key != "current") {
        let radio = format!("input[name=\"{key}\"][value=\"{value}\"][checked]");
        assert_eq!(select(&html, &radio).len(), 1, "{key} kept");
    }
    assert_eq!(select(&html, "input[checked]").len(), QUESTIONS.len() - 1);
    let current = select(&html, "input#current")[0].value().attr("value");
    assert_eq!(current, Some("Stock clerk"));
}

#[tokio::test]
async fn a_question_answered_twice_gives_422_and_is_asked_again() {
    let app = TestApp::spawn().await;
    let mut pairs = answers_leaning(Lean::Career);
    let (key, value) = pairs[0];
    pairs.push((key, value));

    let (status, html) = post_check(&app, &pairs).await;

    assert_eq!(status, 422);
    let marked = select(&html, "fieldset.has-error");
    assert_eq!(marked.len(), 1);
    assert_eq!(
        marked[0].value().attr("id"),
        Some(format!("q-{key}").as_str())
    );
}

#[tokio::test]
async fn an_answer_the_question_does_not_offer_counts_as_missing() {
    let app = TestApp::spawn().await;
    let mut pairs = answers_leaning(Lean::Job);
    pairs.retain(|(key, _)| *key != "purpose");
    pairs.push(("purpose", "<fame>"));

    let (status, html) = post_check(&app, &pairs).await;

    assert_eq!(status, 422);
    assert_eq!(select(&html, "fieldset.has-error#q-purpose").len(), 1);
}

#[tokio::test]
async fn the_result_offers_the_planner_with_the_current_job_url_encoded() {
    let app = TestApp::spawn().await;
    let mut pairs = answers_leaning(Lean::Job);
    pairs.push(("current", "  Night cook & cleaner/host "));

    let (status, html) = post_check(&app, &pairs).await;

    assert_eq!(status, 200);
    let link = select(&html, ".callout a.button")[0].value().attr("href");
    assert_eq!(
        link,
        Some("/plans/new?current=Night+cook+%26+cleaner%2Fhost")
    );
}

#[tokio::test]
async fn not_knowing_how_long_you_will_stay_ticks_unsure_of_goals_in_the_planner() {
    let app = TestApp::spawn().await;
    let mut pairs = answers_leaning(Lean::Career);
    pairs.retain(|(key, _)| *key != "timeframe");
    pairs.push(("timeframe", "unsure"));
    pairs.push(("current", "Babysitter"));

    let (_, html) = post_check(&app, &pairs).await;

    let link = select(&html, ".callout a.button")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    assert_eq!(link, "/plans/new?current=Babysitter&barrier=goals");
    assert!(
        select(&html, ".callout p")
            .iter()
            .any(|p| p.text().collect::<String>().contains("Unsure of my goals"))
    );
    let (_, planner) = app.get_text(&link).await;
    let planner = Html::parse_document(&planner);
    assert_eq!(
        select(&planner, "input[name=barrier][value=goals][checked]").len(),
        1
    );
    assert_eq!(
        select(&planner, "input[name=current][value=Babysitter]").len(),
        1
    );
}

#[tokio::test]
async fn a_blank_current_job_links_to_the_plain_planner() {
    let app = TestApp::spawn().await;
    let mut pairs = answers_leaning(Lean::Career);
    pairs.push(("current", "   "));

    let (_, html) = post_check(&app, &pairs).await;

    let link = select(&html, ".callout a.button")[0].value().attr("href");
    assert_eq!(link, Some("/plans/new"));
}

#[tokio::test]
async fn a_current_job_over_80_characters_gives_422_with_the_text_kept() {
    let app = TestApp::spawn().await;
    let long = "a".repeat(81);
    let mut pairs = answers_leaning(Lean::Job);
    pairs.push(("current", &long));

    let (status, html) = post_check(&app, &pairs).await;

    assert_eq!(status, 422);
    assert_eq!(select(&html, ".field.has-error #current-error").len(), 1);
    assert_eq!(
        select(&html, ".error-summary a[href=\"#current\"]").len(),
        1
    );
    let kept = select(&html, "input#current")[0].value().attr("value");
    assert_eq!(kept, Some(long.as_str()));
    assert_eq!(select(&html, "input[checked]").len(), QUESTIONS.len());
}

#[tokio::test]
async fn a_body_that_is_not_utf8_or_not_a_form_gives_a_4xx_never_a_500() {
    let app = TestApp::spawn().await;
    let mut valid: String = answers_leaning(Lean::Job)
        .iter()
        .map(|(key, value)| format!("{key}={value}&"))
        .collect();
    valid.push_str("current=");

    let bodies: [(&str, Vec<u8>); 4] = [
        (
            "application/x-www-form-urlencoded",
            format!("{valid}%FF%FE").into_bytes(),
        ),
        (
            "application/x-www-form-urlencoded",
            [valid.as_bytes(), b"\xff"].concat(),
        ),
        (
            "application/x-www-form-urlencoded",
            b"%%%&&==&=&%zz=%".to_vec(),
        ),
        ("application/json", b"{\"timeframe\":\"short\"}".to_vec()),
    ];
    for (content_type, body) in bodies {
        let response = app
            .client
            .post(app.url("/check"))
            .header("content-type", content_type)
            .body(body.clone())
            .send()
            .await
            .unwrap();

        let status = response.status();
        assert!(status.is_client_error(), "{body:?}: {status}");
    }
}

#[tokio::test]
async fn nothing_about_the_answers_is_stored() {
    let app = TestApp::spawn().await;

    post_check(&app, &answers_leaning(Lean::Career)).await;

    for table in ["plans", "rungs", "barriers", "steps"] {
        assert_eq!(app.count(table).await, 0, "{table}");
    }
}
