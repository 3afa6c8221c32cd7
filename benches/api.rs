//! The JSON API's speed on `gestdesk demo --tickets 100000`.
//!
//!     cargo bench --bench api
//!
//! With a technician's API token (the pace raised out of the way), it measures:
//! - `GET /api/v1/tickets?view=all` (the first page of every ticket): the median and 95th
//!   percentile over sequential calls on one connection, then requests per second over 16
//!   connections for a few seconds;
//! - `POST /api/v1/tickets` (a new ticket, as JSON): the median and 95th percentile over
//!   sequential calls.
//!
//! Targets: the list under 5 ms median and at least 2,000 requests/s at 16 connections;
//! creating a ticket under 5 ms median.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

mod common;
use common::{ms, percentile, set_setting, stop, verdict};

const TICKETS: u32 = 100_000;
const USERS: u32 = 1_000;
/// Sequential calls timed per measure (after as many untimed ones).
const CALLS: usize = 500;
/// Seconds of the 16-connection run.
const SECONDS: u64 = 5;

/// Gives the first technician an API token; answers its secret.
fn token_for_technician(dir: &std::path::Path) -> String {
    let secret = format!("gd_{}", "5".repeat(64));
    let hash: String = Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let db = rusqlite::Connection::open(dir.join("gestdesk.sqlite3")).expect("database");
    db.execute(
        "INSERT INTO api_tokens (name, user_id, secret_hash, prefix, read_only, created_at)
         SELECT 'Benchmark', id, ?1, 'gd_55555555', 0, strftime('%s', 'now')
         FROM users WHERE login = 'tech1'",
        [hash],
    )
    .expect("token");
    secret
}

async fn list(client: &reqwest::Client, url: &str) {
    let r = client.get(url).send().await.expect("GET");
    assert_eq!(r.status(), 200, "{url}");
    r.bytes().await.expect("body");
}

async fn create(client: &reqwest::Client, url: &str, n: u64) {
    let r = client
        .post(url)
        .json(&serde_json::json!({
            "title": format!("Benchmark ticket {n}"),
            "description": "The screen stays black after the update.",
        }))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), 201, "ticket refused");
    r.bytes().await.expect("body");
}

fn client(token: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {token}").parse().expect("header"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("client")
}

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let _ = common::demo_timed(dir.path(), TICKETS, USERS);
    let token = token_for_technician(dir.path());
    set_setting(dir.path(), "api_calls_per_minute", "100000");
    let (mut server, base) = common::serve_anywhere(dir.path());
    let runtime = common::client_runtime();
    runtime.block_on(async {
        // Wait for the server.
        let one = client(&token);
        let list_url = format!("{base}/api/v1/tickets?view=all");
        let until = Instant::now() + Duration::from_secs(30);
        while one.get(&list_url).send().await.is_err() {
            assert!(Instant::now() < until, "the server did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        for _ in 0..CALLS {
            list(&one, &list_url).await;
        }
        let mut times = Vec::with_capacity(CALLS);
        for _ in 0..CALLS {
            let t = Instant::now();
            list(&one, &list_url).await;
            times.push(t.elapsed());
        }
        times.sort();
        let median = percentile(&times, 0.5);
        println!(
            "GET /api/v1/tickets?view=all, 1 connection: median {:.2} ms, p95 {:.2} ms (median < 5 ms: {})",
            ms(median),
            ms(percentile(&times, 0.95)),
            verdict(median < Duration::from_millis(5))
        );

        let done = Arc::new(AtomicU64::new(0));
        let stop_at = Instant::now() + Duration::from_secs(SECONDS);
        let started = Instant::now();
        let workers: Vec<_> = (0..16)
            .map(|_| {
                let (c, url, done) = (client(&token), list_url.clone(), done.clone());
                tokio::spawn(async move {
                    while Instant::now() < stop_at {
                        list(&c, &url).await;
                        done.fetch_add(1, Ordering::Relaxed);
                    }
                })
            })
            .collect();
        for w in workers {
            w.await.expect("worker");
        }
        #[allow(clippy::cast_precision_loss)]
        let rate = done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64();
        println!(
            "GET /api/v1/tickets?view=all, 16 connections: {rate:.0} requests/s (>= 2,000: {})",
            verdict(rate >= 2_000.0)
        );

        let create_url = format!("{base}/api/v1/tickets");
        for n in 0..100 {
            create(&one, &create_url, n).await;
        }
        let mut times = Vec::with_capacity(CALLS);
        for n in 0..CALLS as u64 {
            let t = Instant::now();
            create(&one, &create_url, 1_000 + n).await;
            times.push(t.elapsed());
        }
        times.sort();
        let median = percentile(&times, 0.5);
        println!(
            "POST /api/v1/tickets, 1 connection: median {:.2} ms, p95 {:.2} ms (median < 5 ms: {})",
            ms(median),
            ms(percentile(&times, 0.95)),
            verdict(median < Duration::from_millis(5))
        );
    });
    stop(&mut server);
}
