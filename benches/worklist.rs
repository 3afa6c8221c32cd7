//! Ticket list benchmark on `gestdesk demo --tickets 100000`.
//!
//!     cargo bench --bench worklist
//!
//! Targets, measured end to end over loopback against the real release binary, logged in as a
//! sample technician:
//! - "All tickets", first page (default page size and columns): median under 10 ms, one
//!   keep-alive connection, one request at a time;
//! - a search for a common word in that view: median under 20 ms, one request at a time;
//! - at least 2,000 list pages per second with 16 concurrent connections.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

mod common;
use common::{
    demo, demo_password, demo_technician, log_in, ms, percentile, stop, timed_gets, verdict,
};

const TICKETS: u32 = 100_000;
const USERS: u32 = 1_000;
const REQUESTS: usize = 1_000;
const CONNECTIONS: usize = 16;
const LOAD_SECONDS: u64 = 10;
/// A word that many sample tickets contain.
const WORD: &str = "printer";

/// The "N tickets" count a list page shows.
fn shown_total(html: &str) -> String {
    let end = html.find(" tickets</span>").unwrap_or(0);
    let start = html[..end].rfind('>').map_or(end, |s| s + 1);
    html[start..end].to_owned()
}

fn report(what: &str, times: &[Duration], target_ms: u64) {
    let median = percentile(times, 0.5);
    println!(
        "{what}: median {:.3} ms, p90 {:.3} ms, p99 {:.3} ms ({} requests)",
        ms(median),
        ms(percentile(times, 0.9)),
        ms(percentile(times, 0.99)),
        times.len()
    );
    println!(
        "  target median < {target_ms} ms: {}",
        verdict(median < Duration::from_millis(target_ms))
    );
}

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let (took, out) = demo(dir.path(), TICKETS, USERS);
    println!("gestdesk demo: {:.1} s", took.as_secs_f64());
    let password = demo_password(&out);
    let technician = demo_technician(&out);
    let (mut server, base) = common::serve_anywhere(dir.path());
    let runtime = common::runtime();
    runtime.block_on(async {
        let client = log_in(&base, &technician, &password, CONNECTIONS).await;
        let all = format!("{base}/tickets?view=all");
        let first = client.get(&all).send().await.expect("list").text().await.expect("body");
        println!("logged in as {technician}; all tickets: {} listed", shown_total(&first));
        let times = timed_gets(&client, &all, 100, REQUESTS).await;
        report("GET /tickets?view=all (first page)", &times, 10);

        let search = format!("{base}/tickets?view=all&q={WORD}");
        let found = client.get(&search).send().await.expect("search").text().await.expect("body");
        println!("search \"{WORD}\": {} tickets found", shown_total(&found));
        let times = timed_gets(&client, &search, 50, REQUESTS).await;
        report(&format!("GET /tickets?view=all&q={WORD}"), &times, 20);

        // Throughput: 16 connections asking for the list page as fast as the server answers.
        let done = Arc::new(AtomicU64::new(0));
        let stop_at = Instant::now() + Duration::from_secs(LOAD_SECONDS);
        let started = Instant::now();
        let workers: Vec<_> = (0..CONNECTIONS)
            .map(|_| {
                let client = client.clone();
                let url = all.clone();
                let done = done.clone();
                tokio::spawn(async move {
                    while Instant::now() < stop_at {
                        let r = client.get(&url).send().await.expect("GET");
                        assert_eq!(r.status(), 200);
                        r.bytes().await.expect("body");
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
        println!("GET /tickets?view=all with {CONNECTIONS} connections for {LOAD_SECONDS} s: {rate:.0} requests/s");
        println!("  target >= 2000 requests/s: {}", verdict(rate >= 2000.0));
    });
    stop(&mut server);
}
