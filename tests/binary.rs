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
    assert!(
        process::wait(&mut server).success(),
        "graceful exit on SIGTERM"
    );

    let (mut server, address) = process::start(&database);
    assert_eq!(get(&address, "/guides"), 200);
    process::signal(&server, "TERM");
    assert!(process::wait(&mut server).success());
}
