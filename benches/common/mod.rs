//! What the benchmarks share: the release binary, ports, starting and stopping a server, and
//! reading out durations.

// Each benchmark uses a part of these helpers.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const BIN: &str = env!("CARGO_BIN_EXE_gestdesk");

/// A TCP port free on loopback at the time of asking.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port")
}

/// Changes a setting of the instance in `dir` through `gestdesk settings set`.
pub fn set_setting(dir: &Path, key: &str, value: &str) {
    let out = Command::new(BIN)
        .args(["settings", "set", key, value])
        .env("GESTDESK_DATA_DIR", dir)
        .output()
        .expect("gestdesk settings");
    assert!(
        out.status.success(),
        "settings set {key}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Starts `gestdesk serve` on `127.0.0.1:port` with `data_dir`.
pub fn serve(data_dir: &Path, port: u16) -> Child {
    // `GESTDESK_BENCH_LOG` (a `RUST_LOG` filter) shows the server's log on standard error.
    let log = std::env::var("GESTDESK_BENCH_LOG").ok();
    Command::new(BIN)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .env("GESTDESK_DATA_DIR", data_dir)
        .env("RUST_LOG", log.as_deref().unwrap_or("warn"))
        .stdout(Stdio::null())
        .stderr(if log.is_some() {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        .spawn()
        .expect("spawn gestdesk")
}

/// Stops a server the way a service manager does (SIGTERM) and waits for it.
pub fn stop(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
}

/// The value at fraction `p` of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn verdict(ok: bool) -> &'static str {
    if ok { "target met" } else { "TARGET MISSED" }
}

/// Runs `gestdesk demo` on `dir`; returns the time it took and what it printed.
pub fn demo(dir: &Path, tickets: u32, users: u32) -> (Duration, String) {
    demo_with(dir, tickets, users, &[])
}

/// [`demo`], saying how long it took; answers what it printed.
pub fn demo_timed(dir: &Path, tickets: u32, users: u32) -> String {
    let (took, out) = demo(dir, tickets, users);
    println!(
        "gestdesk demo --tickets {tickets}: {:.1} s",
        took.as_secs_f64()
    );
    out
}

/// The benchmarks' client runtime: two threads, so that 16 connections are not held back by
/// one.
pub fn client_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

/// [`demo`] with more of its options (`--assets 20000`).
pub fn demo_with(dir: &Path, tickets: u32, users: u32, more: &[&str]) -> (Duration, String) {
    let started = std::time::Instant::now();
    let (tickets, users) = (tickets.to_string(), users.to_string());
    // The benchmarks search for English words.
    let mut args = vec![
        "demo",
        "--tickets",
        &tickets,
        "--users",
        &users,
        "--lang",
        "en",
    ];
    args.extend_from_slice(more);
    let out = Command::new(BIN)
        .args(&args)
        .env("GESTDESK_DATA_DIR", dir)
        .env("LANG", "C")
        .stderr(Stdio::inherit())
        .output()
        .expect("gestdesk demo");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "demo failed: {text}");
    print!("{text}");
    (started.elapsed(), text)
}

/// The sample accounts' password, from what `gestdesk demo` printed.
pub fn demo_password(out: &str) -> String {
    out.lines()
        .last()
        .and_then(|l| l.rsplit(": ").next())
        .expect("password line")
        .trim()
        .to_owned()
}

/// The first sample technician's login, from what `gestdesk demo` printed.
pub fn demo_technician(out: &str) -> String {
    let line = out
        .lines()
        .find(|l| l.starts_with("Technicians "))
        .expect("technicians line");
    line["Technicians ".len()..]
        .split(' ')
        .next()
        .expect("login")
        .to_owned()
}

/// The value after `prefix` up to the next double quote.
pub fn attr(html: &str, prefix: &str) -> String {
    let start = html.find(prefix).expect("attribute") + prefix.len();
    let end = html[start..].find('"').expect("quote") + start;
    html[start..end].replace("&amp;", "&")
}

/// Waits for the server at `base`, then logs in as `login`; the client keeps the session and
/// at most `connections` idle connections.
pub async fn log_in(
    base: &str,
    login: &str,
    password: &str,
    connections: usize,
) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(connections)
        // Before the server closes an idle connection (15 s), so that no request is sent on
        // a connection being closed.
        .pool_idle_timeout(Duration::from_secs(10))
        .build()
        .expect("client");
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(std::time::Instant::now() < deadline, "server did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let token = login_token(&client, base).await;
    let r = client
        .post(format!("{base}/login"))
        .form(&[("login", login), ("password", password), ("_csrf", &token)])
        .send()
        .await
        .expect("login");
    assert_eq!(r.status(), 303, "login refused");
    client
}

/// The form token of the login page, for `client` (which keeps the cookie it goes with).
pub async fn login_token(client: &reqwest::Client, base: &str) -> String {
    let page = client
        .get(format!("{base}/login"))
        .send()
        .await
        .expect("login page")
        .text()
        .await
        .expect("body");
    attr(&page, "name=\"_csrf\" value=\"")
}

/// The action of the new-ticket form `client` is offered (it carries the form's token).
pub async fn new_ticket_action(client: &reqwest::Client, base: &str) -> String {
    let html = client
        .get(format!("{base}/tickets/new"))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("body");
    let at = html.find("id=\"ticket-form\"").expect("ticket form");
    attr(&html[at..], "action=\"")
}

/// Times `count` sequential `GET url` after `warm_up` untimed ones; sorted.
pub async fn timed_gets(
    client: &reqwest::Client,
    url: &str,
    warm_up: usize,
    count: usize,
) -> Vec<Duration> {
    for _ in 0..warm_up {
        client
            .get(url)
            .send()
            .await
            .expect("warm-up")
            .bytes()
            .await
            .expect("body");
    }
    let mut times = Vec::with_capacity(count);
    for _ in 0..count {
        let t = std::time::Instant::now();
        let r = client.get(url).send().await.expect("GET");
        assert_eq!(r.status(), 200, "{url}");
        r.bytes().await.expect("body");
        times.push(t.elapsed());
    }
    times.sort();
    times
}

/// Starts `gestdesk serve` on a free loopback port; returns it and its base address.
pub fn serve_anywhere(data_dir: &Path) -> (Child, String) {
    let port = free_port();
    (serve(data_dir, port), format!("http://127.0.0.1:{port}"))
}

/// A single-threaded runtime for the benchmark's own client side.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// A process's resident memory in KiB (Linux; 0 elsewhere).
pub fn rss_kib(pid: u32) -> u64 {
    status_kib(pid, "VmRSS:")
}

/// A field of a process's `/proc/<pid>/status` in KiB (Linux; 0 elsewhere): `RssAnon:` is
/// the memory the process allocated, `RssFile:` the file pages it maps (its program and the
/// database's memory map: the system's file cache, shared and reclaimable).
pub fn status_kib(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Runs `command` (a `gestdesk` command line, messages in plain English) and times it; returns
/// the time and its standard output, failing with what it printed when it fails.
pub fn run_timed(mut command: Command) -> (Duration, String) {
    let started = std::time::Instant::now();
    let out = command.env("LANG", "C").output().expect("gestdesk");
    let took = started.elapsed();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{command:?}: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (took, text)
}

/// Prints each measured page's median and 99th percentile, with the verdict of its median
/// target in milliseconds when it has one.
pub fn report(results: Vec<(String, Vec<Duration>, Option<f64>)>) {
    for (what, times, target) in results {
        let median = percentile(&times, 0.5);
        let verdict_text = match target {
            Some(t) => format!(
                "; target median < {t} ms: {}",
                verdict(median < Duration::from_secs_f64(t / 1000.0))
            ),
            None => String::new(),
        };
        println!(
            "  {what}: median {:.3} ms, p99 {:.3} ms{verdict_text}",
            ms(median),
            ms(percentile(&times, 0.99)),
        );
    }
}
