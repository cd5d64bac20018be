//! The real `ladder` binary as a child process, for tests of start-up, shutdown and crashes.

use std::{
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, ExitStatus, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

/// Starts `ladder` on a free port of 127.0.0.1 with this database and returns it with the
/// address it printed. Writes are not rate limited: the tests send many from one address.
pub fn start(database: &Path) -> (Child, String) {
    let (child, address, _) = start_logged(database, "info");
    (child, address)
}

/// Like `start`, with a log filter, also returning every log line the server prints.
pub fn start_logged(database: &Path, filter: &str) -> (Child, String, Arc<Mutex<Vec<String>>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ladder"))
        .args(["--bind", "127.0.0.1:0", "--rate-limit", "off", "--database"])
        .arg(database)
        .env("RUST_LOG", filter)
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
    let log = Arc::new(Mutex::new(Vec::new()));
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            sink.lock().expect("log").push(line);
        }
    });
    (child, address.trim().to_owned(), log)
}

/// Sends a signal with `kill` (no unsafe code, no extra crate).
pub fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([format!("-{name}"), child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success(), "kill -{name}");
}

/// Waits up to five seconds for the child to exit.
pub fn wait(child: &mut Child) -> ExitStatus {
    for _ in 0..100 {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return status;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().expect("kill");
    panic!("the server did not stop within 5 s");
}
