//! Foundation benchmark: start-up time, idle memory and login-page latency of a release build.
//!
//!     cargo bench --bench foundation
//!
//! Targets: `/healthz` answers less than 300 ms after the process starts; idle resident memory
//! under 30 MB; `GET /login` median under 1 ms with 16 concurrent connections on loopback.
//! The server runs as its own process (the real `gestdesk` binary, release profile), driven
//! over loopback.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{BIN, free_port, ms, percentile, serve, stop, verdict};

const STARTS: usize = 15;
const CONNECTIONS: usize = 16;
const REQUESTS_PER_CONNECTION: usize = 2_000;

/// One `GET /healthz` on a fresh connection; true on `200`.
fn healthz(port: u16) -> bool {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    if s.write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut answer = String::new();
    s.read_to_string(&mut answer).is_ok() && answer.starts_with("HTTP/1.1 200")
}

/// Time from spawning the process to the first `200` from `/healthz`.
fn time_to_first_answer(data_dir: &Path) -> Duration {
    let port = free_port();
    let started = Instant::now();
    let mut child = serve(data_dir, port);
    while !healthz(port) {
        assert!(started.elapsed() < Duration::from_secs(10), "no answer");
        std::thread::sleep(Duration::from_micros(500));
    }
    let elapsed = started.elapsed();
    stop(&mut child);
    elapsed
}

fn main() {
    // Start-up: on a new data directory (the first start creates and migrates the database),
    // then on an existing one.
    let mut fresh = Vec::new();
    for _ in 0..STARTS {
        let dir = tempfile::tempdir().expect("dir");
        fresh.push(time_to_first_answer(dir.path()));
    }
    let existing_dir = tempfile::tempdir().expect("dir");
    let mut existing = Vec::new();
    for _ in 0..STARTS {
        existing.push(time_to_first_answer(existing_dir.path()));
    }
    fresh.sort();
    existing.sort();
    let worst = fresh
        .last()
        .copied()
        .unwrap_or_default()
        .max(existing.last().copied().unwrap_or_default());
    println!("start-up to first /healthz answer ({STARTS} starts each):");
    println!(
        "  new data dir:      median {:.1} ms, max {:.1} ms",
        ms(percentile(&fresh, 0.5)),
        ms(*fresh.last().expect("runs"))
    );
    println!(
        "  existing database: median {:.1} ms, max {:.1} ms",
        ms(percentile(&existing, 0.5)),
        ms(*existing.last().expect("runs"))
    );
    println!(
        "  target < 300 ms: {}",
        verdict(worst < Duration::from_millis(300))
    );

    // A server with an administrator, so that /login shows the login form.
    let dir = tempfile::tempdir().expect("dir");
    let mut create = Command::new(BIN)
        .args(["create-admin", "--init", "--login", "bench"])
        .env("GESTDESK_DATA_DIR", dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("create-admin");
    create
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"benchmark password\n")
        .expect("password");
    assert!(create.wait().expect("wait").success());
    let port = free_port();
    let mut server = serve(dir.path(), port);
    while !healthz(port) {
        std::thread::sleep(Duration::from_millis(2));
    }

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let url = format!("http://127.0.0.1:{port}/login");
    let (latencies, wall) = runtime.block_on(async {
        let mut tasks = Vec::new();
        let started = Instant::now();
        for _ in 0..CONNECTIONS {
            let url = url.clone();
            tasks.push(tokio::spawn(async move {
                // One browser per connection: keeps its cookies and its keep-alive connection.
                let client = reqwest::Client::builder()
                    .cookie_store(true)
                    .pool_max_idle_per_host(1)
                    .build()
                    .expect("client");
                for _ in 0..50 {
                    let r = client.get(&url).send().await.expect("warm-up");
                    assert_eq!(r.status(), 200);
                    r.bytes().await.expect("body");
                }
                let mut times = Vec::with_capacity(REQUESTS_PER_CONNECTION);
                for _ in 0..REQUESTS_PER_CONNECTION {
                    let t = Instant::now();
                    let r = client.get(&url).send().await.expect("GET /login");
                    assert_eq!(r.status(), 200);
                    r.bytes().await.expect("body");
                    times.push(t.elapsed());
                }
                times
            }));
        }
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.expect("task"));
        }
        (all, started.elapsed())
    });
    let mut sorted = latencies;
    sorted.sort();
    let median = percentile(&sorted, 0.5);
    #[allow(clippy::cast_precision_loss)]
    let throughput = sorted.len() as f64 / wall.as_secs_f64();
    println!(
        "GET /login, {CONNECTIONS} concurrent connections, {} requests:",
        sorted.len()
    );
    println!(
        "  median {:.3} ms, p90 {:.3} ms, p99 {:.3} ms, {:.0} requests/s",
        ms(median),
        ms(percentile(&sorted, 0.9)),
        ms(percentile(&sorted, 0.99)),
        throughput
    );
    println!(
        "  target median < 1 ms: {}",
        verdict(median < Duration::from_millis(1))
    );

    // Idle memory: after the load, once the server has been quiet for a while.
    std::thread::sleep(Duration::from_secs(3));
    let rss = common::rss_kib(server.id());
    #[allow(clippy::cast_precision_loss)]
    let rss_mb = rss as f64 / 1024.0;
    println!("idle resident memory after the load: {rss_mb:.1} MiB");
    let idle_dir = tempfile::tempdir().expect("dir");
    let idle_port = free_port();
    let mut idle = serve(idle_dir.path(), idle_port);
    while !healthz(idle_port) {
        std::thread::sleep(Duration::from_millis(2));
    }
    std::thread::sleep(Duration::from_secs(2));
    #[allow(clippy::cast_precision_loss)]
    let idle_mb = common::rss_kib(idle.id()) as f64 / 1024.0;
    println!("idle resident memory of a fresh server: {idle_mb:.1} MiB");
    println!(
        "  target < 30 MB: {}",
        verdict(rss_mb < 30.0 && idle_mb < 30.0)
    );
    stop(&mut idle);
    stop(&mut server);
}
