//! Crash safety: the real binary is killed with SIGKILL at random moments while clients create
//! plans and tick steps. After each restart on the same file, every write whose answer a client
//! received is there, the database is intact, and a form resent after a lost answer does not
//! make a second plan.

mod common;

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use common::process;
use sqlx::{Connection, SqliteConnection};

const ROUNDS: usize = 22;
const CLIENTS: usize = 4;

/// What the clients know: plans whose creation was answered, forms sent without an answer, and
/// step ticks that were answered.
#[derive(Default, Clone)]
struct Ledger {
    plans: BTreeMap<String, String>,
    unanswered: BTreeSet<String>,
    ticks: BTreeSet<(String, u32)>,
}

fn form(key: &str) -> Vec<(&'static str, String)> {
    vec![
        ("current", "Night cashier".to_owned()),
        ("target", format!("Store manager {key}")),
        ("horizon", "24".to_owned()),
        ("barrier", "money".to_owned()),
        ("key", key.to_owned()),
    ]
}

fn new_key() -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(rand::random::<[u8; 16]>())
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(3))
        .build()
        .unwrap()
}

/// Sends a planner form; on an answer, records the plan its key made.
async fn submit(http: &reqwest::Client, address: &str, key: &str, ledger: &Mutex<Ledger>) -> bool {
    let sent = http
        .post(format!("http://{address}/plans"))
        .form(&form(key))
        .send()
        .await;
    match sent {
        Ok(response) if response.status() == 303 => {
            let id = response.headers()["location"]
                .to_str()
                .unwrap()
                .trim_start_matches("/plans/")
                .to_owned();
            let mut ledger = ledger.lock().unwrap();
            ledger.unanswered.remove(key);
            if let Some(previous) = ledger.plans.insert(key.to_owned(), id.clone()) {
                assert_eq!(previous, id, "one key, one plan");
            }
            true
        }
        Ok(response) => panic!("unexpected answer {}", response.status()),
        Err(_) => false,
    }
}

/// Creates plans and ticks steps of answered plans until told to stop.
async fn work(address: String, ledger: Arc<Mutex<Ledger>>, stop: Arc<AtomicBool>) {
    let http = client();
    while !stop.load(Ordering::Relaxed) {
        let target = {
            let ledger = ledger.lock().unwrap();
            let answered: Vec<_> = ledger.plans.values().cloned().collect();
            (rand::random_range(0..3) > 0 && !answered.is_empty())
                .then(|| answered[rand::random_range(0..answered.len())].clone())
        };
        match target {
            Some(id) => {
                let step: u32 = rand::random_range(1..=9);
                let url = format!("http://{address}/plans/{id}/steps/{step}");
                if let Ok(response) = http.post(url).form(&[("status", "done")]).send().await {
                    assert_eq!(response.status(), 303);
                    ledger.lock().unwrap().ticks.insert((id, step));
                } else {
                    return;
                }
            }
            None => {
                let key = new_key();
                ledger.lock().unwrap().unanswered.insert(key.clone());
                if !submit(&http, &address, &key, &ledger).await {
                    return;
                }
            }
        }
    }
}

/// Every answered plan is there with every answered tick.
async fn verify(address: &str, ledger: &Ledger) {
    let http = client();
    for id in ledger.plans.values() {
        let response = http
            .get(format!("http://{address}/plans/{id}/plan.md"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "plan {id} survived");
        let markdown = response.text().await.unwrap();
        for (_, step) in ledger.ticks.iter().filter(|(plan, _)| plan == id) {
            let heading = format!("### {step}. ");
            let at = markdown
                .find(&heading)
                .unwrap_or_else(|| panic!("step {step} of {id}"));
            let status = markdown[at..].lines().nth(2).unwrap_or_default();
            assert_eq!(
                status, "- [x] Status: Done",
                "tick on step {step} of {id} survived"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acknowledged_writes_survive_sigkill_and_resent_forms_make_no_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("ladder.db");
    let ledger = Arc::new(Mutex::new(Ledger::default()));

    for _ in 0..ROUNDS {
        let (mut server, address) = process::start(&database);
        let snapshot = ledger.lock().unwrap().clone();
        verify(&address, &snapshot).await;
        // A person whose answer never came sends the same form again.
        let unanswered: Vec<String> = ledger.lock().unwrap().unanswered.iter().cloned().collect();
        for key in unanswered {
            assert!(
                submit(&client(), &address, &key, &ledger).await,
                "resent form answered"
            );
        }

        let stop = Arc::new(AtomicBool::new(false));
        let clients: Vec<_> = (0..CLIENTS)
            .map(|_| tokio::spawn(work(address.clone(), ledger.clone(), stop.clone())))
            .collect();
        tokio::time::sleep(Duration::from_millis(rand::random_range(40..300))).await;
        process::signal(&server, "KILL");
        process::wait(&mut server);
        stop.store(true, Ordering::Relaxed);
        for client in clients {
            client.await.unwrap();
        }
    }

    let (mut server, address) = process::start(&database);
    let unanswered: Vec<String> = ledger.lock().unwrap().unanswered.iter().cloned().collect();
    for key in unanswered {
        assert!(submit(&client(), &address, &key, &ledger).await);
    }
    let ledger = ledger.lock().unwrap().clone();
    verify(&address, &ledger).await;
    process::signal(&server, "TERM");
    assert!(process::wait(&mut server).success());

    assert!(
        ledger.plans.len() > ROUNDS,
        "the clients made plans: {}",
        ledger.plans.len()
    );
    assert!(!ledger.ticks.is_empty(), "the clients ticked steps");
    let mut db = SqliteConnection::connect(&format!("sqlite://{}", database.display()))
        .await
        .unwrap();
    let integrity: String = sqlx::query_scalar("pragma integrity_check")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(integrity, "ok");
    let plans: i64 = sqlx::query_scalar("select count(*) from plans")
        .fetch_one(&mut db)
        .await
        .unwrap();
    assert_eq!(
        plans as usize,
        ledger.plans.len(),
        "every key made exactly one plan"
    );
}
