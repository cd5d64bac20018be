//! Hostile input, table-driven: each case sends something a browser would never send (or a
//! payload meant to break out of a page) and asserts the exact status and that nothing changed
//! unless it should have.

mod common;

use common::TestApp;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpStream,
};

const FORM: &str = "application/x-www-form-urlencoded";
const GOOD: &str = "current=Cashier&target=Store+manager&horizon=12";

/// One hostile request and what must come of it.
struct Case {
    name: String,
    method: &'static str,
    /// `{id}` and `{share}` stand for the fixture plan's secrets.
    path: String,
    content_type: Option<&'static str>,
    body: Vec<u8>,
    status: u16,
    /// Plans the request should add.
    new_plans: i64,
    /// Whether the fixture plan may change.
    changes_plan: bool,
}

fn case(
    name: impl Into<String>,
    method: &'static str,
    path: impl Into<String>,
    status: u16,
) -> Case {
    Case {
        name: name.into(),
        method,
        path: path.into(),
        content_type: None,
        body: Vec::new(),
        status,
        new_plans: 0,
        changes_plan: false,
    }
}

fn create(name: &str, body: impl Into<Vec<u8>>, status: u16) -> Case {
    Case {
        content_type: Some(FORM),
        body: body.into(),
        new_plans: i64::from(status == 303),
        ..case(name, "POST", "/plans", status)
    }
}

/// A good creation form with one field replaced (or added when `value` is for a repeatable field).
fn good_with(field: &str, value: &str) -> String {
    let mut pairs: Vec<(String, String)> = url_pairs(GOOD);
    pairs.retain(|(k, _)| k != field);
    pairs.push((field.to_owned(), value.to_owned()));
    encode(&pairs)
}

fn url_pairs(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (k.to_owned(), v.replace('+', " "))
        })
        .collect()
}

fn encode(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            let v: String =
                percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC)
                    .collect();
            format!("{k}={v}")
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Sends exactly these bytes, so paths reach the server as written (no client normalising `..`).
async fn raw(
    app: &TestApp,
    method: &str,
    path: &[u8],
    content_type: Option<&str>,
    body: &[u8],
) -> u16 {
    let mut stream = TcpStream::connect(app.address).await.unwrap();
    let mut request = Vec::new();
    request.extend_from_slice(method.as_bytes());
    request.push(b' ');
    request.extend_from_slice(path);
    request.extend_from_slice(
        format!(
            " HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            app.address
        )
        .as_bytes(),
    );
    if let Some(content_type) = content_type {
        request.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
    }
    request.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    request.extend_from_slice(body);
    stream.write_all(&request).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let status_line = String::from_utf8_lossy(&response[..response.len().min(12)]).into_owned();
    status_line[9..12]
        .parse()
        .unwrap_or_else(|_| panic!("status line: {status_line}"))
}

fn cases() -> Vec<Case> {
    let long = |n: usize| "x".repeat(n);
    let mut cases = vec![
        // Missing, empty, whitespace-only, over-long and duplicated fields.
        create("missing current", "target=Store+manager&horizon=12", 422),
        create("empty current", good_with("current", ""), 422),
        create("whitespace current", good_with("current", " \t "), 422),
        create("missing target", "current=Cashier&horizon=12", 422),
        create("empty target", good_with("target", ""), 422),
        create("whitespace target", good_with("target", "   "), 422),
        // Only the two jobs are required: a plan left without a horizon gets the default.
        create("missing horizon", "current=Cashier&target=Chef", 303),
        create("empty body", "", 422),
        create("over-long current", good_with("current", &long(81)), 422),
        create("over-long target", good_with("target", &long(81)), 422),
        create("over-long rung", good_with("rung", &long(81)), 422),
        create(
            "over-long interests",
            good_with("interests", &long(501)),
            422,
        ),
        create(
            "over-long strengths",
            good_with("strengths", &long(501)),
            422,
        ),
        create(
            "longest allowed current",
            good_with("current", &long(80)),
            303,
        ),
        create(
            "zero-width space as the current job",
            good_with("current", "\u{200b}"),
            422,
        ),
        create(
            "direction mark and BOM as the target",
            good_with("target", "\u{202e}\u{feff}"),
            422,
        ),
        create("duplicated current", format!("{GOOD}&current=Other"), 422),
        create("duplicated horizon", format!("{GOOD}&horizon=24"), 422),
        create(
            "six rungs",
            format!("{GOOD}&rung=a&rung=b&rung=c&rung=d&rung=e&rung=f"),
            422,
        ),
        create("horizon zero", good_with("horizon", "0"), 422),
        create("horizon negative", good_with("horizon", "-12"), 422),
        create("horizon fraction", good_with("horizon", "12.5"), 422),
        create(
            "horizon huge",
            good_with("horizon", "99999999999999999999"),
            422,
        ),
        create("unknown barrier", good_with("barrier", "dragons"), 422),
        create("empty barrier", good_with("barrier", ""), 422),
        create(
            "duplicated barrier",
            format!("{GOOD}&barrier=money&barrier=money"),
            303,
        ),
        // Invalid UTF-8 and invalid percent-encoding in bodies.
        create(
            "percent-encoded invalid UTF-8",
            "current=%FF%FE&target=x&horizon=12",
            400,
        ),
        create(
            "raw invalid UTF-8",
            b"current=\xff\xfe&target=x&horizon=12".to_vec(),
            400,
        ),
        create(
            "overlong UTF-8 encoding",
            "current=%C0%AF&target=x&horizon=12",
            400,
        ),
        create(
            "stray percent kept as typed",
            "current=100%&target=Chef&horizon=12",
            303,
        ),
        create(
            "bad escape kept as typed",
            "current=%zz&target=Chef&horizon=12",
            303,
        ),
        // Unicode: kept intact, or NUL and other controls refused.
        create(
            "right-to-left text",
            good_with("current", "\u{5e7}\u{5d5}\u{5e4}\u{5d0}\u{5d9}"),
            303,
        ),
        create(
            "emoji",
            good_with("current", "Barista \u{2615}\u{1F469}\u{200D}\u{1F373}"),
            303,
        ),
        create(
            "combining marks",
            good_with("current", "Cafe\u{301} cook"),
            303,
        ),
        create("NUL in a title", good_with("current", "Cash\u{0}ier"), 422),
        create("NUL in interests", good_with("interests", "a\u{0}b"), 422),
        create(
            "escape character",
            good_with("target", "\u{1b}[31mred"),
            422,
        ),
        create(
            "line break in a title",
            good_with("current", "Cash\r\nier"),
            422,
        ),
        // Markup payloads are stored as text (escaping is asserted in its own test).
        create(
            "script in current",
            good_with("current", "<script>alert(1)</script>"),
            303,
        ),
        create(
            "svg in target",
            good_with("target", "<svg onload=alert(1)>"),
            303,
        ),
        create(
            "javascript URL in rung",
            good_with("rung", "javascript:alert(1)"),
            303,
        ),
    ];

    // Wrong content types on every form endpoint.
    for (path, changes) in [
        ("/plans", 0),
        ("/plans/{id}", 0),
        ("/plans/{id}/steps/1", 0),
        ("/check", 0),
    ] {
        for content_type in [
            "application/json",
            "multipart/form-data; boundary=x",
            "text/plain",
        ] {
            cases.push(Case {
                content_type: Some(content_type),
                body: br#"{"current":"Cashier"}"#.to_vec(),
                new_plans: changes,
                ..case(format!("{content_type} to {path}"), "POST", path, 415)
            });
        }
        cases.push(Case {
            body: GOOD.as_bytes().to_vec(),
            ..case(format!("no content type to {path}"), "POST", path, 415)
        });
    }

    // Bad step updates.
    let step = |name: &str, body: &[u8], status: u16| Case {
        content_type: Some(FORM),
        body: body.to_vec(),
        changes_plan: status == 303,
        ..case(name, "POST", "/plans/{id}/steps/1", status)
    };
    cases.extend([
        step("unknown status", b"status=finished", 422),
        step("no fields", b"", 422),
        step(
            "note over 2000 characters",
            format!("note={}", "x".repeat(2001)).as_bytes(),
            422,
        ),
        step("NUL in a note", b"note=a%00b", 422),
        step("duplicated status", b"status=done&status=todo", 422),
        step("duplicated note", b"note=a&note=a", 422),
        step("invalid UTF-8 note", b"note=%FF", 400),
        step("a good note", b"note=fine", 303),
    ]);

    // Bad edits.
    let edit = |name: &str, body: String, status: u16| Case {
        content_type: Some(FORM),
        body: body.into_bytes(),
        ..case(name, "POST", "/plans/{id}", status)
    };
    cases.extend([
        edit(
            "edit without a version",
            format!("{GOOD}&review_on=2030-01-01"),
            422,
        ),
        edit(
            "edit with a word for a version",
            format!("{GOOD}&version=abc&review_on=2030-01-01"),
            422,
        ),
        edit(
            "edit with a bad review date",
            format!("{GOOD}&version=1&review_on=someday"),
            422,
        ),
        edit(
            "edit from an old version",
            format!("{GOOD}&version=0&review_on=2030-01-01"),
            409,
        ),
    ]);

    // Ids of every shape on every plan route: the same 404.
    let ids = [
        "short".to_owned(),
        "A".repeat(200),
        "%C3%A9".repeat(22),
        "%FF%FE".to_owned(),
        "AAAAAAAAAAA%2fAAAAAAAAAA".to_owned(),
        "...".to_owned(),
        "AAAAAAAAAAAAAAAAAAAAA!".to_owned(),
        "AAAAAAAAAAAAAAAAAAAAAA".to_owned(),
        "{share}".to_owned(),
    ];
    for id in &ids {
        for (method, route) in [
            ("GET", "/plans/{x}"),
            ("GET", "/plans/{x}/edit"),
            ("GET", "/plans/{x}/plan.ics"),
            ("GET", "/plans/{x}/plan.md"),
            ("POST", "/plans/{x}"),
            ("POST", "/plans/{x}/steps/1"),
            ("POST", "/plans/{x}/delete"),
            ("POST", "/plans/{x}/share"),
        ] {
            let path = route.replace("{x}", id);
            cases.push(Case {
                content_type: Some(FORM),
                body: b"status=done".to_vec(),
                ..case(format!("{method} {path}"), method, path, 404)
            });
        }
        if id != "{share}" {
            for route in ["/p/{x}", "/p/{x}/plan.ics"] {
                let path = route.replace("{x}", id);
                cases.push(case(format!("GET {path}"), "GET", path, 404));
            }
        }
    }
    cases.push(case(
        "a step number that is not a number",
        "POST",
        "/plans/{id}/steps/%FF",
        404,
    ));

    // Plan routes reached with GET where POST is needed.
    for path in [
        "/plans",
        "/plans/{id}/steps/1",
        "/plans/{id}/share",
        "/plans/{id}/delete",
    ] {
        cases.push(case(format!("GET {path}"), "GET", path, 405));
    }
    // No GET changes anything, and these are safe to repeat.
    for path in [
        "/plans/{id}",
        "/plans/{id}/edit",
        "/p/{share}",
        "/plans/{id}/plan.md",
    ] {
        cases.push(case(
            format!("GET {path} changes nothing"),
            "GET",
            path,
            200,
        ));
    }

    // Invalid encodings in paths and query strings, and traversal on /static.
    cases.extend([
        case("invalid escape in a guide path", "GET", "/guides/%zz", 404),
        case(
            "invalid UTF-8 in a guide path",
            "GET",
            "/guides/%FF%FE",
            404,
        ),
        case(
            "traversal out of /static",
            "GET",
            "/static/../Cargo.toml",
            404,
        ),
        case(
            "encoded traversal out of /static",
            "GET",
            "/static/..%2fCargo.toml",
            404,
        ),
        case(
            "double-encoded traversal",
            "GET",
            "/static/%252e%252e/Cargo.toml",
            404,
        ),
        case(
            "absolute path in /static",
            "GET",
            "/static//etc/passwd",
            404,
        ),
        case(
            "invalid UTF-8 in a query",
            "GET",
            "/plans/new?current=%FF%FE",
            200,
        ),
        case("invalid escape in a query", "GET", "/search?q=%zz", 200),
        case(
            "repeated query field",
            "GET",
            "/plans/new?current=a&current=b",
            200,
        ),
    ]);

    // FTS query syntax in search.
    for q in [
        "%22",
        "*",
        "NEAR(a%20b",
        "((",
        "a%20OR",
        "-x",
        "col:term",
        "%5E",
        "career*%20NEAR/2",
        "%22unbalanced",
    ] {
        cases.push(case(
            format!("search {q}"),
            "GET",
            format!("/search?q={q}"),
            200,
        ));
    }
    cases
}

#[tokio::test]
async fn hostile_requests_get_the_exact_status_and_change_nothing_they_should_not() {
    let app = TestApp::spawn().await;
    let created = app
        .post_form(
            "/plans",
            &[
                ("current", "Cashier"),
                ("target", "Store manager"),
                ("horizon", "12"),
            ],
        )
        .await;
    let plan = created.headers()["location"].to_str().unwrap().to_owned();
    let id = plan.strip_prefix("/plans/").unwrap().to_owned();
    let page = app.get_text(&plan).await.1;
    let at = page.find("/p/").unwrap();
    let share = page[at + 3..at + 25].to_owned();
    let cases = cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());

    for case in cases {
        let path = case.path.replace("{id}", &id).replace("{share}", &share);
        let plans_before = app.count("plans").await;
        let plan_before = app.get_text(&format!("{plan}/plan.md")).await.1;

        let status = raw(
            &app,
            case.method,
            path.as_bytes(),
            case.content_type,
            &case.body,
        )
        .await;

        assert_eq!(
            status, case.status,
            "{}: {} {}",
            case.name, case.method, path
        );
        assert_eq!(
            app.count("plans").await,
            plans_before + case.new_plans,
            "{}: plans",
            case.name
        );
        if !case.changes_plan {
            assert_eq!(
                app.get_text(&format!("{plan}/plan.md")).await.1,
                plan_before,
                "{}: plan changed",
                case.name
            );
        }
    }
}

#[tokio::test]
async fn raw_bytes_that_are_not_a_valid_request_line_get_400_and_the_server_keeps_serving() {
    let app = TestApp::spawn().await;

    // Bytes above 0x7f may not appear unescaped in a request target; the HTTP parser refuses
    // them before any handler runs.
    assert_eq!(raw(&app, "GET", b"/plans/\xff\xfe", None, b"").await, 400);
    assert_eq!(raw(&app, "GET", b"/guides/\xc3", None, b"").await, 400);
    assert_eq!(raw(&app, "GET", b"/guides", None, b"").await, 200);
}

#[tokio::test]
async fn payloads_in_every_field_come_back_escaped_in_every_format() {
    let app = TestApp::spawn().await;
    let script = "<script>alert(1)</script>";
    let svg = "<svg onload=alert(1)>";
    let link = "javascript:alert(1)";
    let ics_break = "Call; then, ask\\ BEGIN:VEVENT";
    let pairs = [
        ("current", script),
        ("target", svg),
        ("rung", link),
        ("rung", ics_break),
        ("interests", script),
        ("strengths", "<img src=x onerror=alert(1)>"),
        ("horizon", "12"),
    ];
    let created = app.post_form("/plans", &pairs).await;
    let plan = created.headers()["location"].to_str().unwrap().to_owned();
    app.post_form(
        &format!("{plan}/steps/1"),
        &[("note", "<svg><script>x</script></svg>\r\nBEGIN:VEVENT")],
    )
    .await;
    let page = app.get_text(&plan).await.1;
    let at = page.find("/p/").unwrap();
    let share = page[at..at + 25].to_owned();

    for path in [plan.clone(), format!("{plan}/edit"), share.clone()] {
        let (status, body) = app.get_text(&path).await;
        assert_eq!(status, 200, "{path}");
        for raw in [
            "<script>",
            "<svg onload",
            "<svg><script",
            "<img src=x",
            "href=\"javascript:",
        ] {
            assert!(!body.contains(raw), "{path} has raw {raw}");
        }
    }
    assert!(page.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));

    let markdown = app.get_text(&format!("{plan}/plan.md")).await.1;
    // Every `<` is escaped, or opens one of our own autolinks (`<https://...>`).
    for (at, _) in markdown.match_indices('<') {
        let escaped = markdown[..at].ends_with('\\');
        let link = markdown[at..].starts_with("<http");
        assert!(
            escaped || link,
            "no HTML in the Markdown export: {}",
            &markdown[at..]
        );
    }
    assert!(markdown.contains("\\<script\\>alert(1)\\</script\\>"));

    let calendar = app.get_text(&format!("{plan}/plan.ics")).await.1;
    let shared_calendar = app.get_text(&format!("{share}/plan.ics")).await.1;
    assert_eq!(
        common::unstamped(&calendar),
        common::unstamped(&shared_calendar)
    );
    let events = calendar.lines().filter(|l| *l == "BEGIN:VEVENT").count();
    let parsed: icalendar::Calendar = calendar.parse().unwrap();
    assert_eq!(
        events,
        parsed.components.len(),
        "a note cannot start an event of its own"
    );
    assert!(calendar.contains("\\n"), "line breaks escaped as \\n");
}
