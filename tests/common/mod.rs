//! Test helper: the real app on a free port of 127.0.0.1, with its own SQLite file in a temp dir.

#![allow(dead_code)] // each test file uses a different part of the helper

pub mod process;

use std::{net::SocketAddr, path::PathBuf};

use ladder::{
    AppState,
    config::{Config, Switch},
};
use tokio::{sync::oneshot, task::JoinHandle};

/// Tests send many writes from one address in a moment; the rate limit has tests of its own.
fn test_config(database: &std::path::Path) -> Config {
    let mut config = Config::for_database(database);
    config.rate_limit = Switch::Off;
    config
}

/// A running server and a client that does not follow redirects (tests assert them).
pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    pub database: PathBuf,
    pub state: AppState,
    // Keeps the temp folder alive as long as the app; `None` when reusing another app's folder.
    _dir: Option<tempfile::TempDir>,
    stop: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<anyhow::Result<()>>>,
}

impl TestApp {
    /// Starts the app on a fresh, empty database.
    pub async fn spawn() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = dir.path().join("data").join("ladder.db");
        TestApp::start(test_config(&database), Some(dir)).await
    }

    /// Starts the app with a given configuration; its database lives in a fresh temp dir.
    pub async fn spawn_with(configure: impl FnOnce(&mut Config)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = test_config(&dir.path().join("ladder.db"));
        configure(&mut config);
        TestApp::start(config, Some(dir)).await
    }

    async fn start(config: Config, dir: Option<tempfile::TempDir>) -> TestApp {
        let database = config.database.clone();
        let state = AppState::new(config).await.expect("app state");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        let (stop, stopped) = oneshot::channel();
        let server = tokio::spawn(ladder::serve(listener, state.clone(), async {
            let _ = stopped.await;
        }));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        TestApp {
            address,
            client,
            database,
            state,
            _dir: dir,
            stop: Some(stop),
            server: Some(server),
        }
    }

    /// Shuts the server down gracefully and starts a new one on the same database file.
    pub async fn restart(mut self) -> TestApp {
        let dir = self._dir.take();
        self.stop().await;
        TestApp::start(test_config(&self.database), dir).await
    }

    /// Stops the server and waits until it has closed the database.
    pub async fn stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            server.await.expect("server task").expect("server ran");
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("GET")
    }

    /// GET and return status and body.
    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }

    /// GET with extra request headers, as a browser adds them.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("GET")
    }

    /// POST an urlencoded form, given as pairs so fields may repeat.
    pub async fn post_form(&self, path: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
        self.post_form_with(path, &[], pairs).await
    }

    /// POST an urlencoded form with extra request headers, as a browser adds them.
    pub async fn post_form_with(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        pairs: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut request = self.client.post(self.url(path)).form(pairs);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("POST")
    }

    /// Counts the rows of a table straight from the database file.
    pub async fn count(&self, table: &str) -> i64 {
        self.state.store.count_rows(table).await.expect("count")
    }
}

/// A calendar's lines without DTSTAMP, the time of the fetch: two fetches of one calendar may
/// fall in different seconds and must still compare equal.
pub fn unstamped(ics: &str) -> Vec<String> {
    ics.lines()
        .filter(|line| !line.starts_with("DTSTAMP:"))
        .map(str::to_owned)
        .collect()
}
