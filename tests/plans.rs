//! The planner through real HTTP and a real SQLite file: create, read, restart, tick, edit,
//! share, export, delete, and every bad submission.

mod common;

use common::TestApp;
use scraper::{Html, Selector};

const GOOD: &[(&str, &str)] = &[
    ("current", "Cashier"),
    ("target", "Store manager"),
    ("rung", "Shift lead"),
    ("rung", "Assistant manager"),
    ("interests", "Helping people"),
    ("strengths", "Staying calm"),
    ("horizon", "24"),
    ("barrier", "childcare"),
];

/// Each element `css` matches in `html`, read by `read`.
fn each(html: &str, css: &str, read: impl Fn(scraper::ElementRef) -> String) -> Vec<String> {
    let document = Html::parse_document(html);
    document
        .select(&Selector::parse(css).unwrap())
        .map(read)
        .collect()
}

/// The markup of each match.
fn select(html: &str, css: &str) -> Vec<String> {
    each(html, css, |e| e.html())
}

/// The text of each match.
fn texts(html: &str, css: &str) -> Vec<String> {
    each(html, css, |e| e.text().collect())
}

fn with<'a>(field: &'a str, value: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut pairs: Vec<_> = GOOD.iter().copied().filter(|(k, _)| *k != field).collect();
    pairs.push((field, value));
    pairs
}

// `..` and `%2e%2e` are resolved by the HTTP client (as browsers do) before a request is sent.

/// Creates a plan and returns its path, `/plans/{id}`.
async fn create(app: &TestApp, pairs: &[(&str, &str)]) -> String {
    let response = app.post_form("/plans", pairs).await;
    assert_eq!(response.status(), 303, "a good form makes a plan");
    response.headers()["location"].to_str().unwrap().to_owned()
}

fn share_path(plan_page: &str) -> String {
    let start = plan_page.find("/p/").expect("share link on the plan page");
    plan_page[start..start + 3 + 22].to_owned()
}

#[tokio::test]
async fn a_good_form_is_saved_and_answered_with_303_to_its_private_url() {
    let app = TestApp::spawn().await;

    let location = create(&app, GOOD).await;

    let id = location.strip_prefix("/plans/").unwrap();
    assert_eq!(id.len(), 22);
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    );
    let (status, body) = app.get_text(&location).await;
    assert_eq!(status, 200);
    assert!(body.contains("From Cashier to Store manager"));
    assert!(body.contains("Bookmark this page"));
    assert!(body.contains(&format!("value=\"http://{}/plans/{id}\"", app.address)));
    assert_eq!(
        select(&body, ".ladder li").len(),
        4,
        "ladder: target, two rungs, current job"
    );
    assert!(select(&body, ".ladder li")[0].contains("Store manager"));
    assert!(select(&body, ".ladder li")[3].contains("Cashier"));
    assert!(body.contains("0 of 9 steps done"));
    assert!(body.contains("Review it on"));
    assert_eq!(app.count("plans").await, 1);
    assert_eq!(app.count("rungs").await, 2);
    assert_eq!(app.count("barriers").await, 1);
    assert_eq!(app.count("steps").await, 9);
}

#[tokio::test]
async fn only_the_owners_page_loads_the_copy_link_script() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let script = format!(
        "<script src=\"/static/copy-link.js?v={}\" defer></script>",
        ladder::assets::SCRIPT_HASH
    );

    let owner = app.get_text(&location).await.1;
    let shared = app.get_text(&share_path(&owner)).await.1;

    assert!(
        owner.contains(&script),
        "owner's page enhances its link fields"
    );
    assert!(
        !shared.contains("copy-link.js"),
        "the read-only view has none"
    );
    assert_eq!(select(&owner, "input.copy-link").len(), 2);
}

#[tokio::test]
async fn plan_pages_are_private_and_never_cached() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;

    let response = app.get(&location).await;

    let headers = response.headers();
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["x-robots-tag"], "noindex, nofollow");
    assert_eq!(headers["cache-control"], "private, no-store");
}

#[tokio::test]
async fn a_plan_survives_a_restart_of_the_server() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let before = app.get_text(&location).await.1;

    let app = app.restart().await;

    let (status, after) = app.get_text(&location).await;
    assert_eq!(status, 200);
    assert_eq!(
        select(&after, ".steps > li"),
        select(&before, ".steps > li")
    );
}

#[tokio::test]
async fn ticking_a_step_moves_the_progress_and_a_note_is_kept() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;

    let ticked = app
        .post_form(&format!("{location}/steps/1"), &[("status", "done")])
        .await;
    let noted = app
        .post_form(
            &format!("{location}/steps/2"),
            &[("status", "doing"), ("note", "Called the center")],
        )
        .await;

    assert_eq!(ticked.status(), 303);
    assert_eq!(
        ticked.headers()["location"],
        format!("{location}#step-1").as_str()
    );
    assert_eq!(noted.status(), 303);
    let (_, body) = app.get_text(&location).await;
    assert!(body.contains("1 of 9 steps done"));
    assert!(body.contains("(11%)"));
    assert!(select(&body, "#step-1")[0].contains("status-done"));
    assert!(select(&body, "#step-2")[0].contains("Called the center"));
    assert!(select(&body, "#step-2")[0].contains("status-doing"));
}

#[tokio::test]
async fn a_status_only_update_keeps_the_note() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    app.post_form(&format!("{location}/steps/3"), &[("note", "Keep me")])
        .await;

    app.post_form(&format!("{location}/steps/3"), &[("status", "done")])
        .await;

    let (_, body) = app.get_text(&location).await;
    assert!(select(&body, "#step-3")[0].contains("Keep me"));
}

#[tokio::test]
async fn a_bad_step_update_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;

    let unknown_status = app
        .post_form(&format!("{location}/steps/1"), &[("status", "finished")])
        .await;
    let unknown_step = app
        .post_form(&format!("{location}/steps/99"), &[("status", "done")])
        .await;
    let not_a_number = app
        .post_form(&format!("{location}/steps/one"), &[("status", "done")])
        .await;

    assert_eq!(unknown_status.status(), 422);
    assert_eq!(unknown_step.status(), 404);
    assert_eq!(not_a_number.status(), 404);
    assert!(
        app.get_text(&location)
            .await
            .1
            .contains("0 of 9 steps done")
    );
}

#[tokio::test]
async fn a_note_too_long_is_sent_back_with_its_text_and_a_message_beside_it() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    app.post_form(&format!("{location}/steps/2"), &[("note", "first note")])
        .await;
    let long = format!("<b>{}</b>", "word ".repeat(420));

    let response = app
        .post_form(
            &format!("{location}/steps/2"),
            &[("status", "doing"), ("note", &long)],
        )
        .await;

    assert_eq!(response.status(), 422);
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    let body = response.text().await.unwrap();
    assert_eq!(
        texts(&body, "#status-2 option[selected]"),
        ["In progress"],
        "the status that was picked is kept"
    );
    assert_eq!(
        each(&body, "textarea#note-2", |e| e
            .attr("aria-describedby")
            .unwrap_or_default()
            .to_owned()),
        ["note-2-error"]
    );
    assert_eq!(
        texts(&body, "#note-2-error"),
        ["Error: A note can be at most 2,000 characters long."]
    );
    assert_eq!(
        texts(
            &body,
            "textarea#note-2[aria-invalid=true][aria-describedby~=note-2-error]"
        ),
        [long]
    );
    assert!(!body.contains("<b>word"), "the kept note is escaped");
    assert!(texts(&body, "title")[0].starts_with("Error: "));
    let (_, page) = app.get_text(&location).await;
    assert_eq!(texts(&page, "textarea#note-2"), ["first note"]);
    assert!(
        page.contains("0 of 9 steps done"),
        "the status was not saved either"
    );
}

#[tokio::test]
async fn every_bad_submission_gives_422_keeps_the_input_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let long = "x".repeat(81);
    let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("current", with("current", "")),
        ("current", with("current", "   ")),
        ("target", with("target", "")),
        ("current", with("current", &long)),
        ("horizon", with("horizon", "5")),
        ("horizon", with("horizon", "121")),
        ("horizon", with("horizon", "soon")),
        ("barriers", with("barrier", "dragons")),
        (
            "current",
            GOOD.iter().copied().chain([("current", "Twice")]).collect(),
        ),
        (
            "rungs",
            GOOD.iter()
                .copied()
                .chain([("rung", "c"), ("rung", "d"), ("rung", "e"), ("rung", "f")])
                .collect(),
        ),
    ];

    for (field, pairs) in cases {
        let response = app.post_form("/plans", &pairs).await;

        assert_eq!(response.status(), 422, "{field}: {pairs:?}");
        let body = response.text().await.unwrap();
        assert!(body.contains("error-summary"), "{field}");
        let marked = select(&body, ".field.has-error");
        assert!(
            marked
                .iter()
                .any(|f| f.contains(&format!("id=\"{field}\""))),
            "{field} is marked next to its field"
        );
        assert!(
            body.contains("value=\"Store manager\"") || field == "target",
            "input kept"
        );
    }
    assert_eq!(app.count("plans").await, 0);
    assert_eq!(app.count("steps").await, 0);
}

#[tokio::test]
async fn errors_are_listed_in_the_order_of_the_form_and_point_at_their_fields() {
    let app = TestApp::spawn().await;
    let long = "x".repeat(81);

    let response = app
        .post_form(
            "/plans",
            &[
                ("current", "Cashier"),
                ("target", ""),
                ("rung", "Shift lead"),
                ("rung", &long),
                ("horizon", "3"),
                ("barrier", "nope"),
            ],
        )
        .await;

    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    let links = each(&body, ".error-summary a", |e| {
        e.attr("href").unwrap().to_owned()
    });
    assert_eq!(links, ["#target", "#rungs", "#horizon", "#barriers"]);
    assert_eq!(
        select(
            &body,
            "input[aria-invalid=true][aria-describedby=rungs-error]"
        )
        .len(),
        1
    );
    assert_eq!(
        each(&body, "input#rung-2[aria-invalid=true]", |e| e
            .attr("value")
            .unwrap()
            .to_owned()),
        [long]
    );
    for (field, error) in [("rungs", "#rungs-error"), ("barriers", "#barriers-error")] {
        assert_eq!(texts(&body, error).len(), 1, "{field}");
        let described = each(&body, &format!("fieldset#{field}"), |e| {
            e.attr("aria-describedby").unwrap().to_owned()
        });
        assert_eq!(described, [format!("{field}-hint {field}-error")]);
    }
}

#[tokio::test]
async fn the_form_can_be_prefilled_from_the_query_string() {
    let app = TestApp::spawn().await;

    let (status, body) = app
        .get_text("/plans/new?current=Cashier&target=Store%20manager")
        .await;

    assert_eq!(status, 200);
    assert!(body.contains("id=\"current\" name=\"current\" value=\"Cashier\""));
    assert!(body.contains("value=\"Store manager\""));
    let (_, long) = app
        .get_text(&format!("/plans/new?current={}", "a".repeat(5_000)))
        .await;
    assert!(long.contains(&format!("name=\"current\" value=\"{}\"", "a".repeat(80))));
    assert!(
        !long.contains(&"a".repeat(81)),
        "a pre-fill is cut to what the box holds"
    );
    for label in [
        "for=\"current\"",
        "for=\"target\"",
        "for=\"rung-1\"",
        "for=\"interests\"",
        "for=\"strengths\"",
        "for=\"horizon\"",
        "for=\"barrier-money\"",
    ] {
        assert!(body.contains(label), "labelled: {label}");
    }
    // A horizon the menu can't show leaves the default selected, not the first option.
    let (_, odd) = app.get_text("/plans/new?current=Cashier&horizon=abc").await;
    assert!(odd.contains("<option value=\"24\" selected>2 years</option>"));
    assert_eq!(odd.matches(" selected>").count(), 1);
}

#[tokio::test]
async fn the_same_form_sent_twice_makes_one_plan() {
    let app = TestApp::spawn().await;
    let (_, form) = app.get_text("/plans/new").await;
    let key_at = form.find("name=\"key\" value=\"").unwrap() + 18;
    let key_end = key_at + form[key_at..].find('"').unwrap();
    let key = form[key_at..key_end].to_owned();
    let pairs: Vec<_> = GOOD
        .iter()
        .copied()
        .chain([("key", key.as_str())])
        .collect();

    let first = create(&app, &pairs).await;
    let second = create(&app, &pairs).await;

    assert_eq!(first, second);
    assert_eq!(app.count("plans").await, 1);

    // Back to the form, another target, sent again: the new answers make their own plan.
    let changed: Vec<_> = pairs
        .iter()
        .map(|&(k, v)| if k == "target" { (k, "Nurse") } else { (k, v) })
        .collect();
    let third = create(&app, &changed).await;
    assert_ne!(third, first);
    assert!(app.get_text(&third).await.1.contains("Nurse"));
    assert_eq!(create(&app, &changed).await, third);
    assert_eq!(app.count("plans").await, 2);
}

#[tokio::test]
async fn html_in_any_field_comes_back_escaped() {
    let app = TestApp::spawn().await;
    let evil = "<script>alert(1)</script>";
    let pairs = [
        ("current", evil),
        ("target", "<img src=x onerror=alert(1)>"),
        ("rung", "<b>bold</b>"),
        ("interests", evil),
        ("strengths", evil),
        ("horizon", "12"),
    ];
    let location = create(&app, &pairs).await;
    app.post_form(&format!("{location}/steps/1"), &[("note", evil)])
        .await;

    let (_, page) = app.get_text(&location).await;
    let (_, edit) = app.get_text(&format!("{location}/edit")).await;
    let (_, shared) = app.get_text(&share_path(&page)).await;

    for body in [&page, &edit, &shared] {
        assert!(!body.contains("<script>alert"), "no live script");
        assert!(!body.contains("<img src=x"), "no live image");
        assert!(!body.contains("<b>bold</b>"));
        assert!(body.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    }
}

#[tokio::test]
async fn the_share_page_shows_the_plan_without_any_way_to_edit_it() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let id = location.strip_prefix("/plans/").unwrap();
    app.post_form(
        &format!("{location}/steps/1"),
        &[("status", "done"), ("note", "Done it")],
    )
    .await;
    let (_, page) = app.get_text(&location).await;

    let response = app.get(&share_path(&page)).await;

    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-robots-tag"], "noindex, nofollow");
    let body = response.text().await.unwrap();
    assert!(body.contains("From Cashier to Store manager"));
    assert!(body.contains("Done it"));
    assert!(body.contains("1 of 9 steps done"));
    assert!(
        !body.contains(id),
        "the edit id is nowhere on the shared page"
    );
    let main = select(&body, "main")[0].clone();
    assert!(!main.contains("<form"), "no forms in the shared view");
    assert!(!main.contains("/edit"));
    let headings = texts(&body, "main h2");
    assert!(
        headings.contains(&"The steps".to_owned())
            && headings.contains(&"What they told us".to_owned()),
        "written for the reader, not the owner: {headings:?}"
    );
    assert!(!main.contains("tick what you did"));

    let owner_headings = texts(&page, "main h1, main h2");
    assert!(
        owner_headings[0].starts_with("From Cashier"),
        "the page's own heading comes first: {owner_headings:?}"
    );
}

#[tokio::test]
async fn rotating_the_share_link_retires_the_old_one() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let old = share_path(&app.get_text(&location).await.1);

    let response = app.post_form(&format!("{location}/share"), &[]).await;

    assert_eq!(response.status(), 303);
    let new = share_path(&app.get_text(&location).await.1);
    assert_ne!(old, new);
    assert_eq!(app.get(&old).await.status(), 404);
    assert_eq!(app.get(&new).await.status(), 200);
}

/// The edit form as the edit page renders it, ready to change and send back.
async fn edit_form(app: &TestApp, location: &str) -> Vec<(String, String)> {
    let (status, body) = app.get_text(&format!("{location}/edit")).await;
    assert_eq!(status, 200);
    edit_form_from(&body)
}

fn set(pairs: &mut Vec<(String, String)>, name: &str, value: &str) {
    pairs.retain(|(k, _)| k != name);
    pairs.push((name.to_owned(), value.to_owned()));
}

async fn post_pairs(app: &TestApp, path: &str, pairs: &[(String, String)]) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .form(pairs)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_edit_adds_a_step_removes_one_and_changes_a_date() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let mut form = edit_form(&app, &location).await;
    set(
        &mut form,
        "new_title",
        "Ask my manager about the shift-lead opening",
    );
    set(&mut form, "new_due", "2030-01-15");
    set(&mut form, "step-9-remove", "1");
    set(&mut form, "step-1-due", "2029-12-31");

    let response = post_pairs(&app, &location, &form).await;

    assert_eq!(response.status(), 303);
    let (_, body) = app.get_text(&location).await;
    assert!(body.contains("Ask my manager about the shift-lead opening"));
    assert!(body.contains("15 January 2030"));
    assert!(body.contains("31 December 2029"));
    assert!(select(&body, "#step-9").is_empty(), "removed");
    assert!(body.contains("0 of 9 steps done"));
}

#[tokio::test]
async fn a_plan_down_to_one_step_or_none_says_so_in_plain_words() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let remove_all_but = |form: &mut Vec<(String, String)>, keep: Option<usize>| {
        for number in 1..=9 {
            if Some(number) != keep {
                set(form, &format!("step-{number}-remove"), "1");
            }
        }
    };

    let mut form = edit_form(&app, &location).await;
    remove_all_but(&mut form, Some(1));
    assert_eq!(post_pairs(&app, &location, &form).await.status(), 303);
    let (_, one) = app.get_text(&location).await;
    let mut form = edit_form(&app, &location).await;
    remove_all_but(&mut form, None);
    assert_eq!(post_pairs(&app, &location, &form).await.status(), 303);
    let (_, none) = app.get_text(&location).await;

    assert!(one.contains("<strong>0 of 1 step done</strong>"));
    assert!(one.contains("aria-label=\"0 of 1 step done\""));
    assert!(none.contains("0 of 0 steps done"));
    assert!(select(&none, "ol.steps").is_empty(), "no empty list");
    assert!(none.contains(&format!("href=\"{location}/edit#add-step\"")));
    let (_, edit) = app.get_text(&format!("{location}/edit")).await;
    assert_eq!(select(&edit, "#add-step").len(), 1);
}

#[tokio::test]
async fn a_step_added_after_one_was_removed_takes_a_new_number_and_the_old_url_stays_gone() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let mut form = edit_form(&app, &location).await;
    set(&mut form, "step-9-remove", "1");
    assert_eq!(post_pairs(&app, &location, &form).await.status(), 303);
    let mut form = edit_form(&app, &location).await;
    set(
        &mut form,
        "new_title",
        "Ask my manager about the shift-lead opening",
    );

    assert_eq!(post_pairs(&app, &location, &form).await.status(), 303);

    let (_, body) = app.get_text(&location).await;
    let mut numbers: Vec<i64> = each(&body, "form.step-form", |f| {
        f.value().attr("action").unwrap_or_default().to_owned()
    })
    .iter()
    .map(|action| {
        let number = action.strip_prefix(&format!("{location}/steps/"));
        number.expect("a step's own URL").parse().unwrap()
    })
    .collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        [1, 2, 3, 4, 5, 6, 7, 8, 10],
        "9 is not given again"
    );
    assert!(select(&body, "#step-10")[0].contains("Ask my manager"));

    let stale = app
        .post_form(
            &format!("{location}/steps/9"),
            &[("status", "done"), ("note", "From an old tab")],
        )
        .await;

    assert_eq!(stale.status(), 404);
    let (_, after) = app.get_text(&location).await;
    assert_eq!(select(&after, "#step-10"), select(&body, "#step-10"));
    assert!(!after.contains("From an old tab"));
    assert!(after.contains("0 of 9 steps done"));
}

#[tokio::test]
async fn changing_the_answers_rewrites_the_steps_but_keeps_ticks_and_notes() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    app.post_form(
        &format!("{location}/steps/1"),
        &[("status", "done"), ("note", "Mapped")],
    )
    .await;
    let mut form = edit_form(&app, &location).await;
    set(&mut form, "target", "Regional manager");
    form.retain(|(k, v)| !(k == "barrier" && v == "childcare"));
    form.push(("barrier".into(), "transportation".into()));

    let response = post_pairs(&app, &location, &form).await;

    assert_eq!(response.status(), 303);
    let (_, body) = app.get_text(&location).await;
    assert!(body.contains("From Cashier to Regional manager"));
    let first = &select(&body, ".steps > li")[0];
    assert!(
        first.contains("Regional manager")
            && first.contains("Mapped")
            && first.contains("status-done")
    );
    assert!(body.to_lowercase().contains("transport"));
    assert!(
        !body.to_lowercase().contains("childcare so you can"),
        "the childcare step went"
    );
}

#[tokio::test]
async fn a_later_edit_of_the_answers_keeps_what_an_earlier_edit_changed() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let (_, made) = app.get_text(&location).await;
    // The guide section a step links to tells its kind, whatever its wording.
    let removed = each(&made, "#step-4 a[href*='#']", |a| {
        a.value().attr("href").unwrap_or_default().to_owned()
    })
    .pop()
    .expect("the step links to its guide section");
    assert_eq!(made.matches(&format!("href=\"{removed}\"")).count(), 1);
    let mut form = edit_form(&app, &location).await;
    set(&mut form, "step-2-title", "Renamed by me");
    set(&mut form, "step-3-due", "2027-01-20");
    set(&mut form, "step-4-remove", "1");
    assert_eq!(post_pairs(&app, &location, &form).await.status(), 303);
    let (_, before) = app.get_text(&location).await;
    assert!(!before.contains(&format!("href=\"{removed}\"")));

    let mut form = edit_form(&app, &location).await;
    set(&mut form, "strengths", "Counting");
    set(&mut form, "target", "Regional manager");
    assert_eq!(post_pairs(&app, &location, &form).await.status(), 303);

    let (_, body) = app.get_text(&location).await;
    assert!(body.contains("From Cashier to Regional manager"));
    assert!(select(&body, "#step-2")[0].contains("Renamed by me"));
    assert!(select(&body, "#step-3")[0].contains("20 January 2027"));
    assert!(
        !body.contains(&format!("href=\"{removed}\"")),
        "the removed step did not come back: {removed}"
    );
    assert_eq!(
        select(&body, ".steps > li").len(),
        select(&before, ".steps > li").len()
    );
}

#[tokio::test]
async fn a_date_out_of_reach_is_refused_beside_its_field_and_a_dateless_title_is_asked_for() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let mut form = edit_form(&app, &location).await;
    set(&mut form, "step-2-due", "9999-12-31");
    set(&mut form, "new_due", "2027-01-10");

    let response = post_pairs(&app, &location, &form).await;

    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    let errors = select(&body, ".field.has-error");
    assert!(
        errors
            .iter()
            .any(|f| f.contains("step-2-due") && f.contains("between the years 2000 and 2099"))
    );
    assert!(
        errors
            .iter()
            .any(|f| f.contains("new_title") && f.contains("give your new step a title"))
    );
    let calendar = app.get_text(&format!("{location}/plan.ics")).await.1;
    assert!(!calendar.contains("9999") && !calendar.contains("+1"));

    let mut form = edit_form(&app, &location).await;
    set(&mut form, "new_title", "My own step");
    set(&mut form, "new_due", "2027-01-10");
    assert_eq!(post_pairs(&app, &location, &form).await.status(), 303);
    let calendar = app.get_text(&format!("{location}/plan.ics")).await.1;
    let own = calendar
        .split("BEGIN:VEVENT")
        .find(|event| event.contains("SUMMARY:My own step"))
        .expect("the own step is in the calendar");
    assert!(!own.contains("DESCRIPTION"), "no empty description: {own}");
}

#[tokio::test]
async fn barriers_that_would_take_a_full_plan_over_the_limit_are_refused_and_nothing_is_lost() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    loop {
        let (_, body) = app.get_text(&location).await;
        if select(&body, ".steps > li").len() == 40 {
            break;
        }
        let mut form = edit_form(&app, &location).await;
        set(&mut form, "new_title", "One more step of my own");
        assert_eq!(post_pairs(&app, &location, &form).await.status(), 303);
    }
    let (_, full) = app.get_text(&location).await;
    let mut form = edit_form(&app, &location).await;
    form.push(("barrier".into(), "money".into()));

    let response = post_pairs(&app, &location, &form).await;

    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(
        select(&body, ".has-error")
            .iter()
            .any(|f| f.contains("40 steps at most"))
    );
    assert_eq!(app.get_text(&location).await.1, full, "nothing changed");
}

#[tokio::test]
async fn made_up_steps_and_a_flood_of_rungs_are_not_echoed_back() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let (_, before) = app.get_text(&location).await;
    let mut form = edit_form(&app, &location).await;
    form.extend((10..3000).map(|n| (format!("step-{n}-title"), "x".to_owned())));
    form.push(("step-99-due".into(), "2027-01-01".into()));

    let response = post_pairs(&app, &location, &form).await;

    assert_eq!(response.status(), 303, "the plan's own fields were fine");
    let (_, after) = app.get_text(&location).await;
    assert_eq!(
        select(&after, ".steps > li").len(),
        select(&before, ".steps > li").len()
    );

    let mut flood: Vec<(&str, &str)> = GOOD.to_vec();
    flood.extend(std::iter::repeat_n(("rung", "r"), 9000));
    let response = app.post_form("/plans", &flood).await;
    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.len() < 100_000, "{} bytes", body.len());
    assert!(body.contains("List up to 5 rungs"));
}

#[tokio::test]
async fn a_stale_edit_gives_409_shows_the_current_plan_and_loses_nothing() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let tab_one = edit_form(&app, &location).await;
    let mut tab_two = tab_one.clone();
    let mut first = tab_one.clone();
    set(&mut first, "target", "Area manager");
    assert_eq!(post_pairs(&app, &location, &first).await.status(), 303);
    set(&mut tab_two, "target", "District manager");
    set(&mut tab_two, "new_title", "My own step from tab two");

    let response = post_pairs(&app, &location, &tab_two).await;

    assert_eq!(response.status(), 409);
    let body = response.text().await.unwrap();
    assert!(body.contains("changed somewhere else"));
    assert!(
        body.contains("value=\"District manager\""),
        "this tab's input kept"
    );
    assert!(body.contains("My own step from tab two"));
    assert!(
        body.contains("Area manager"),
        "the saved plan shown beside it"
    );
    let (_, saved) = app.get_text(&location).await;
    assert!(
        saved.contains("From Cashier to Area manager"),
        "nothing overwritten"
    );

    let again = edit_form_from(&body);
    assert_eq!(
        post_pairs(&app, &location, &again).await.status(),
        303,
        "saving again is deliberate"
    );
    assert!(
        app.get_text(&location)
            .await
            .1
            .contains("From Cashier to District manager")
    );
}

#[tokio::test]
async fn an_edit_that_leaves_fields_out_keeps_their_saved_values() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let before = edit_form(&app, &location).await;
    let answers = |form: &[(String, String)]| -> Vec<(String, String)> {
        let kept = [
            "current",
            "rung",
            "interests",
            "strengths",
            "horizon",
            "review_on",
            "barrier",
        ];
        form.iter()
            .filter(|(name, value)| kept.contains(&name.as_str()) && !value.is_empty())
            .cloned()
            .collect()
    };
    // Only the version, the barriers (tick boxes are sent only when ticked) and one change.
    let mut sent: Vec<(String, String)> = before
        .iter()
        .filter(|(name, _)| name == "version" || name == "barrier")
        .cloned()
        .collect();
    sent.push(("target".to_owned(), "Area manager".to_owned()));

    let response = post_pairs(&app, &location, &sent).await;

    assert_eq!(response.status(), 303);
    let after = edit_form(&app, &location).await;
    assert_eq!(answers(&after), answers(&before));
    assert!(after.contains(&("target".to_owned(), "Area manager".to_owned())));
    // The same short form from before that save is stale: 409, not a complaint about a field.
    assert_eq!(post_pairs(&app, &location, &sent).await.status(), 409);
}

/// The fields a browser would send from the edit form in `body`.
fn edit_form_from(body: &str) -> Vec<(String, String)> {
    let document = Html::parse_document(body);
    let form = document
        .select(&Selector::parse("form.planner").unwrap())
        .next()
        .unwrap();
    let mut pairs = Vec::new();
    for input in form.select(&Selector::parse("input, textarea, select").unwrap()) {
        let e = input.value();
        let Some(name) = e.attr("name") else { continue };
        let value = match e.name() {
            "textarea" => input.text().collect(),
            "select" => input
                .select(&Selector::parse("option[selected]").unwrap())
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or_default()
                .to_owned(),
            _ if e.attr("type") == Some("checkbox") && e.attr("checked").is_none() => continue,
            _ => e.attr("value").unwrap_or_default().to_owned(),
        };
        pairs.push((name.to_owned(), value));
    }
    pairs
}

#[tokio::test]
async fn a_bad_edit_gives_422_with_the_input_kept_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let mut form = edit_form(&app, &location).await;
    set(&mut form, "current", "");
    set(&mut form, "target", "Buyer");
    set(&mut form, "step-2-title", "");

    let response = post_pairs(&app, &location, &form).await;

    assert_eq!(response.status(), 422);
    let body = response.text().await.unwrap();
    assert!(body.contains("Please tell us your current job."));
    assert!(body.contains("value=\"Buyer\""));
    assert!(
        select(&body, ".field.has-error")
            .iter()
            .any(|f| f.contains("step-2-title"))
    );
    assert!(
        app.get_text(&location)
            .await
            .1
            .contains("From Cashier to Store manager")
    );
}

#[tokio::test]
async fn deleting_asks_first_then_removes_everything_and_the_url_gives_404() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let share = share_path(&app.get_text(&location).await.1);

    // The plan page asks first: the button sits under a warning in a disclosure. A GET of the
    // delete address is refused and changes nothing.
    let (_, page) = app.get_text(&location).await;
    let disclosure = texts(&page, "details.delete-plan")
        .pop()
        .expect("a delete disclosure");
    assert!(
        disclosure.contains("This cannot be undone."),
        "{disclosure}"
    );
    assert_eq!(
        select(
            &page,
            &format!("details.delete-plan form[method=post][action=\"{location}/delete\"] button")
        )
        .len(),
        1
    );
    let get = app.get(&format!("{location}/delete")).await;
    assert_eq!(get.status(), 405);
    for path in ["delete", "share"] {
        let json = app
            .client
            .post(app.url(&format!("{location}/{path}")))
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(json.status(), 415, "{path}: a body that is not a form");
    }
    assert_eq!(app.count("plans").await, 1, "asking changes nothing");
    assert_eq!(app.get(&share).await.status(), 200, "the share link stays");

    // A bare POST with no body, as from a script, is a press of the button too.
    let response = app
        .client
        .post(app.url(&format!("{location}/delete")))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 200);
    for table in ["plans", "rungs", "barriers", "steps"] {
        assert_eq!(app.count(table).await, 0, "{table} emptied");
    }
    let (status, body) = app.get_text(&location).await;
    assert_eq!(status, 404);
    assert!(
        body.contains("can&#39;t find that page")
            || body.contains("can't find that page")
            || body.contains("can&#x27;t find")
    );
    assert_eq!(app.get(&share).await.status(), 404);
}

#[tokio::test]
async fn unknown_and_malformed_ids_all_give_the_same_404() {
    let app = TestApp::spawn().await;
    let (_, reference) = app.get_text("/plans/AAAAAAAAAAAAAAAAAAAAAA").await;

    for id in [
        "AAAAAAAAAAAAAAAAAAAAAA",
        "short",
        "x".repeat(300).as_str(),
        "%C3%A9t%C3%A9",
        "...",
        "a%2fb",
    ] {
        for path in [
            format!("/plans/{id}"),
            format!("/plans/{id}/edit"),
            format!("/plans/{id}/plan.ics"),
            format!("/plans/{id}/plan.md"),
            format!("/p/{id}"),
            format!("/p/{id}/plan.ics"),
        ] {
            let (status, body) = app.get_text(&path).await;
            assert_eq!(status, 404, "{path}");
            assert_eq!(select(&body, "main"), select(&reference, "main"), "{path}");
        }
    }
}

#[tokio::test]
async fn the_calendar_parses_and_holds_every_dated_step_and_the_review_date() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    let share = share_path(&app.get_text(&location).await.1);

    let response = app.get(&format!("{location}/plan.ics")).await;

    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let text = response.text().await.unwrap();
    let calendar: icalendar::Calendar = text.parse().expect("valid iCalendar");
    assert_eq!(calendar.components.len(), 10, "9 steps and the review date");
    assert!(text.contains("DTSTART;VALUE=DATE:"));
    // An all-day event ends (exclusively) on the next day, as RFC 5545 has it.
    let dates = |name: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.strip_prefix(&format!("{name};VALUE=DATE:")))
            .map(str::to_owned)
            .collect()
    };
    let (starts, ends) = (dates("DTSTART"), dates("DTEND"));
    assert_eq!(starts.len(), 10);
    for (start, end) in starts.iter().zip(&ends) {
        let day = |s: &str| {
            time::Date::parse(s, time::macros::format_description!("[year][month][day]")).unwrap()
        };
        assert_eq!(day(end), day(start).next_day().unwrap(), "{start} -> {end}");
    }
    assert!(text.contains("SUMMARY:Review my career plan"));
    let shared = app
        .get(&format!("{share}/plan.ics"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        common::unstamped(&shared),
        common::unstamped(&text),
        "the read-only calendar is the same"
    );
    assert!(
        !text.contains(location.strip_prefix("/plans/").unwrap()),
        "no edit id in the file"
    );
}

#[tokio::test]
async fn calendar_names_are_escaped_and_events_keep_their_uids_when_the_share_link_changes() {
    let app = TestApp::spawn().await;
    let location = create(&app, &with("current", "Cashier; nights, weekends")).await;
    let uids = |ics: &str| -> Vec<String> {
        ics.lines()
            .filter(|line| line.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    let before = app.get_text(&format!("{location}/plan.ics")).await.1;

    app.post_form(&format!("{location}/share"), &[]).await;

    let after = app.get_text(&format!("{location}/plan.ics")).await.1;
    assert_eq!(uids(&before).len(), 10);
    assert_eq!(
        uids(&after),
        uids(&before),
        "a calendar that imports again updates"
    );
    let name = |prefix: &str| {
        before
            .lines()
            .find(|l| l.starts_with(prefix))
            .unwrap()
            .to_owned()
    };
    assert!(
        name("NAME").contains("Cashier\\; nights\\, weekends"),
        "{}",
        name("NAME")
    );
    assert!(name("X-WR-CALNAME").contains("Cashier\\; nights\\, weekends"));
}

#[tokio::test]
async fn the_markdown_export_has_statuses_and_notes() {
    let app = TestApp::spawn().await;
    let location = create(&app, GOOD).await;
    app.post_form(
        &format!("{location}/steps/1"),
        &[("status", "done"), ("note", "Read about rungs")],
    )
    .await;

    let response = app.get(&format!("{location}/plan.md")).await;

    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/markdown")
    );
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"career-plan.md\""
    );
    let text = response.text().await.unwrap();
    assert!(text.starts_with("# Career plan: Cashier to Store manager"));
    assert!(text.contains("- [x] Status: Done"));
    assert!(text.contains("- [ ] Status: To do"));
    assert!(text.contains("Note: Read about rungs"));
    assert!(text.contains("Working around: Childcare."));
    assert!(text.contains(
        "## What you told us\n\nYou enjoy: Helping people\n\nYou are good at: Staying calm"
    ));
    assert!(text.contains("1 of 9 done"));
    assert!(text.contains("Help for this step:"));
    assert!(text.contains("- O\\*NET Interest Profiler: "));
    assert!(text.contains("<https://www.mynextmove.org/explore/ip>"));
    assert!(
        text.contains(&format!("<{}/guides/", app.url(""))),
        "links to our own guides are whole"
    );

    app.post_form(
        &format!("{location}/steps/2"),
        &[("note", "Call the YMCA & ask (soon). <b>Today</b>")],
    )
    .await;
    let text = app.get_text(&format!("{location}/plan.md")).await.1;
    assert!(
        text.contains("Note: Call the YMCA & ask (soon). \\<b\\>Today\\</b\\>"),
        "the note reads as typed, with markup made harmless"
    );
}

#[tokio::test]
async fn different_barriers_give_different_plans() {
    let app = TestApp::spawn().await;
    let money = create(&app, &with("barrier", "money")).await;
    let transport = create(&app, &with("barrier", "transportation")).await;

    let (_, a) = app.get_text(&money).await;
    let (_, b) = app.get_text(&transport).await;

    let titles = |body: &str| select(body, ".steps h3");
    assert_ne!(titles(&a), titles(&b));
}

#[tokio::test]
async fn plans_steps_and_barriers_are_tables_and_a_deleted_plan_takes_its_rows_with_it() {
    let app = TestApp::spawn().await;
    let mut pairs = GOOD.to_vec();
    pairs.push(("barrier", "money"));
    let location = create(&app, &pairs).await;
    let other = create(&app, GOOD).await;
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.database.display()))
        .await
        .unwrap();
    let barriers = |db: sqlx::SqlitePool| async move {
        sqlx::query_scalar::<_, String>(
            "select barrier from barriers join plans on plans.n = barriers.plan order by plans.n, barrier",
        )
        .fetch_all(&db)
        .await
        .unwrap()
    };

    assert_eq!(
        barriers(db.clone()).await,
        ["childcare", "money", "childcare"]
    );
    for table in ["steps", "barriers"] {
        let (parent, on_delete): (String, String) =
            sqlx::query_as("select \"table\", on_delete from pragma_foreign_key_list(?)")
                .bind(table)
                .fetch_one(&db)
                .await
                .unwrap();
        assert_eq!(
            (parent.as_str(), on_delete.as_str()),
            ("plans", "CASCADE"),
            "{table}"
        );
    }

    // An edit replaces the barriers; a delete takes them (and the steps) with the plan.
    let mut form = edit_form(&app, &location).await;
    form.retain(|(name, _)| name != "barrier");
    form.push(("barrier".into(), "transportation".into()));
    assert_eq!(post_pairs(&app, &location, &form).await.status(), 303);
    assert_eq!(barriers(db.clone()).await, ["transportation", "childcare"]);
    app.post_form(&format!("{location}/delete"), &[]).await;
    assert_eq!(barriers(db.clone()).await, ["childcare"]);
    let steps: i64 = sqlx::query_scalar("select count(*) from steps")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(steps, 9, "only the other plan's steps are left");
    assert_eq!(app.get(&other).await.status(), 200);
}
