//! Asset list benchmark on `gestdesk demo --tickets 100000 --assets 20000` (about 30,000
//! interfaces).
//!
//!     cargo bench --bench assets
//!
//! Targets, end to end over loopback against the release binary, logged in as a sample
//! technician, one request at a time on one keep-alive connection:
//! - the asset list's first page (every state): median under 10 ms;
//! - a search by a partial IP address: median under 10 ms;
//! - a search by a partial MAC address and by a name, for the record.

mod common;
use common::{
    demo_password, demo_technician, demo_with, log_in, ms, percentile, stop, timed_gets, verdict,
};

const TICKETS: u32 = 100_000;
const USERS: u32 = 1_000;
const ASSETS: &str = "20000";
const REQUESTS: usize = 500;

/// The number of assets a list page says it found (in whatever language the page is).
fn shown_total(html: &str) -> String {
    let at = html
        .find("class=\"muted\">")
        .map_or(html.len(), |i| i + "class=\"muted\">".len());
    html[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let (took, out) = demo_with(dir.path(), TICKETS, USERS, &["--assets", ASSETS]);
    println!(
        "gestdesk demo with {ASSETS} assets: {:.1} s",
        took.as_secs_f64()
    );
    common::set_setting(dir.path(), "asset", "1");
    let password = demo_password(&out);
    let technician = demo_technician(&out);
    let (mut server, base) = common::serve_anywhere(dir.path());
    let runtime = common::runtime();
    runtime.block_on(async {
        let client = log_in(&base, &technician, &password, 1).await;
        for (what, path, target) in [
            ("first page, every state", "/assets?state=all", Some(10)),
            (
                "search by a partial IP",
                "/assets?state=all&q=10.10.3",
                Some(10),
            ),
            (
                "search by a partial MAC",
                "/assets?state=all&q=00:1a:2b:00:2",
                None,
            ),
            ("search by a name", "/assets?state=all&q=laptop-0001", None),
            (
                "sorted by user, page 20",
                "/assets?state=all&sort=user&page=20",
                None,
            ),
        ] {
            let url = format!("{base}{path}");
            let first = client
                .get(&url)
                .send()
                .await
                .expect("list")
                .text()
                .await
                .expect("body");
            let times = timed_gets(&client, &url, 50, REQUESTS).await;
            let median = percentile(&times, 0.5);
            println!(
                "GET {path} ({what}; {} assets): median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms",
                shown_total(&first),
                ms(median),
                ms(percentile(&times, 0.9)),
                ms(percentile(&times, 0.99)),
            );
            if let Some(target) = target {
                println!(
                    "  target median < {target} ms: {}",
                    verdict(median < std::time::Duration::from_millis(target))
                );
            }
        }
    });
    stop(&mut server);
}
