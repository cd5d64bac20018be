//! The real binary: starts on an empty folder, creates its database, reuses it, stops on SIGTERM.

use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    time::Duration,
};

/// Starts `ladder` on a free port and returns it with the address it printed.
fn start(database: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["--bind", "127.0.0.1:0", "--database"])
        .arg(database)
        .env("RUST_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .spawn()
        .expect("start ladder");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let address = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|line| line.split("serving on http://").nth(1).map(str::to_owned))
        .expect("the server says where it listens");
    // Keep draining the log so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    (child, address.trim().to_owned())
}

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

fn terminate(mut child: Child) -> std::process::ExitStatus {
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    for _ in 0..100 {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    panic!("the server did not stop within 5 s of SIGTERM");
}

#[test]
fn the_binary_creates_its_database_in_an_empty_folder_reuses_it_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("fresh").join("ladder.db");

    let (server, address) = start(&database);
    assert_eq!(get(&address, "/healthz"), 200);
    assert!(database.exists());
    assert!(terminate(server).success(), "graceful exit on SIGTERM");

    let (server, address) = start(&database);
    assert_eq!(get(&address, "/guides"), 200);
    assert!(terminate(server).success());
}
