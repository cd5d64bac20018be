//! The real binary: starts on an empty folder, creates its database, reuses it, stops on SIGTERM.

mod common;

use common::process;

fn get(address: &str, path: &str) -> u16 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        reqwest::get(format!("http://{address}{path}"))
            .await
            .unwrap()
            .status()
            .as_u16()
    })
}

#[test]
fn the_binary_creates_its_database_in_an_empty_folder_reuses_it_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("fresh").join("ladder.db");

    let (mut server, address) = process::start(&database);
    assert_eq!(get(&address, "/healthz"), 200);
    assert!(database.exists());
    process::signal(&server, "TERM");
    let status = process::wait(&mut server);
    assert!(status.success(), "graceful exit on SIGTERM: {status:?}");

    let (mut server, address) = process::start(&database);
    assert_eq!(get(&address, "/guides"), 200);
    process::signal(&server, "TERM");
    let status = process::wait(&mut server);
    assert!(status.success(), "graceful exit again: {status:?}");
}

#[test]
fn a_sigterm_as_soon_as_the_address_is_announced_still_stops_the_server_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, _) = process::start(&dir.path().join("ladder.db"));

    // No request first: the handlers are in place before the address is printed.
    process::signal(&server, "TERM");

    let status = process::wait(&mut server);
    assert!(status.success(), "not killed by the signal: {status:?}");
}

#[test]
fn request_logs_carry_a_request_id_and_never_a_whole_plan_id() {
    let dir = tempfile::tempdir().unwrap();
    let (mut server, address, log) =
        process::start_logged(&dir.path().join("ladder.db"), "info,tower_http=debug");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let id = runtime.block_on(async {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let form = [
            ("current", "Cashier"),
            ("target", "Chef"),
            ("horizon", "12"),
        ];
        let created = client
            .post(format!("http://{address}/plans"))
            .form(&form)
            .send()
            .await
            .unwrap();
        let location = created.headers()["location"].to_str().unwrap().to_owned();
        client
            .get(format!("http://{address}{location}"))
            .send()
            .await
            .unwrap();
        client
            .get(format!("http://{address}{location}/plan.ics"))
            .send()
            .await
            .unwrap();
        location.trim_start_matches("/plans/").to_owned()
    });

    process::signal(&server, "TERM");
    assert!(process::wait(&mut server).success());
    let log = log.lock().unwrap().join("\n");

    assert!(
        log.contains(&format!("/plans/{}…", &id[..4])),
        "masked path logged:\n{log}"
    );
    assert!(log.contains("id="), "request id in the span");
    assert!(
        !log.contains('\u{1b}'),
        "a log that is not a terminal has no colour codes:\n{log}"
    );
    assert!(!log.contains(&id), "the whole id never appears");
    assert!(!log.contains(&id[..12]), "nor a long part of it");
}
