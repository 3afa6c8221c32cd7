//! Network tools benchmark, between real hosts in a private LAN of network namespaces
//! (`tests/peers/net-up.sh`: the server's namespace, five hosts that answer, the rest of the
//! /24 silent). Needs root, like the namespaces; it says so and stops otherwise.
//!
//!     cargo bench --bench network
//!
//! It measures, on `gestdesk demo --tickets 100000` with 1,000 assets added at addresses of
//! the test LAN (/22, five of them answering):
//! 1. the discovery of the /24 (`gestdesk net scan --dry-run`, the whole run: probes, NetBIOS
//!    and DNS names, the matching): target under 5 s;
//! 2. the ping of the 1,000 interfaces at the default rate (`gestdesk net ping-all`): target
//!    under 10 s;
//! 3. the ticket list's median time, alone and while a discovery of a /20 runs in the server
//!    (started from the discovery page): target under 10 ms during the scan.

use std::process::Command;
use std::time::Duration;

mod common;
use common::{BIN, demo_with, log_in, ms, percentile, set_setting, stop, verdict};

const SCANNER: &str = "gd-scan";

fn gestdesk_in_lan(dir: &std::path::Path, args: &[&str]) -> (Duration, String) {
    let mut command = Command::new("ip");
    command
        .args(["netns", "exec", SCANNER, BIN])
        .args(args)
        .env("GESTDESK_DATA_DIR", dir);
    common::run_timed(command)
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

/// 1,000 assets at 10.79.0.1 to 10.79.3.232, and the two networks flagged for discovery;
/// returns the id of the /20.
fn inventory(dir: &std::path::Path) -> i64 {
    let db = rusqlite::Connection::open(dir.join("gestdesk.sqlite3")).expect("database");
    let now = 1_780_000_000_i64;
    let tx = db.unchecked_transaction().expect("transaction");
    for n in 1..=1000u32 {
        let ip = std::net::Ipv4Addr::from(u32::from(std::net::Ipv4Addr::new(10, 79, 0, 0)) + n);
        tx.execute(
            "INSERT INTO assets (name, state_id, search_text, created_at, modified_at)
             VALUES (?1, 2, lower(?1), ?2, ?2)",
            rusqlite::params![format!("LAN-HOST-{n:04}"), now],
        )
        .expect("asset");
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO asset_ifaces (asset_id, position, role_id, ip) VALUES (?1, 0, 1, ?2)",
            rusqlite::params![id, ip.to_string()],
        )
        .expect("interface");
    }
    tx.execute(
        "INSERT INTO asset_networks (name, network, netmask, scan) VALUES
             ('Test LAN', '10.79.0.0', '255.255.255.0', 1),
             ('Wide', '10.79.16.0', '255.255.240.0', 1)",
        [],
    )
    .expect("networks");
    let wide = tx
        .query_row(
            "SELECT id FROM asset_networks WHERE name = 'Wide'",
            [],
            |r| r.get(0),
        )
        .expect("wide");
    tx.commit().expect("commit");
    wide
}

fn main() {
    if !rustix::process::geteuid().is_root() {
        println!("network benchmark: needs root for its network namespaces; nothing measured");
        return;
    }
    let root = env!("CARGO_MANIFEST_DIR");
    let up = Command::new("bash")
        .arg(format!("{root}/tests/peers/net-up.sh"))
        .status()
        .expect("net-up");
    assert!(up.success(), "test LAN");
    let dir = tempfile::tempdir().expect("dir");
    let (_, out) = demo_with(dir.path(), 100_000, 1_000, &["--assets", "0"]);
    let password = common::demo_password(&out);
    for (k, v) in [("asset", "1"), ("asset_ip", "1")] {
        set_setting(dir.path(), k, v);
    }
    let wide = inventory(dir.path());

    // 1. Discovery of the /24.
    let mut runs = Vec::new();
    for _ in 0..3 {
        let (took, text) = gestdesk_in_lan(
            dir.path(),
            &["net", "scan", "--network", "Test LAN", "--dry-run"],
        );
        assert!(text.contains("Answered: 5 of 254"), "{text}");
        runs.push(took);
    }
    let scan = median(runs);
    println!(
        "discovery of a /24 (5 hosts answering, 249 silent), dry run: {:.2} s median of 3 (target < 5 s): {}",
        scan.as_secs_f64(),
        verdict(scan < Duration::from_secs(5))
    );

    // 2. Ping of 1,000 interfaces.
    let mut runs = Vec::new();
    for _ in 0..2 {
        let (took, text) = gestdesk_in_lan(dir.path(), &["net", "ping-all"]);
        assert!(text.contains("Answered: 5 of 1000"), "{text}");
        runs.push(took);
    }
    let ping = median(runs);
    println!(
        "ping of 1,000 interfaces (5 answering) at the default rate: {:.2} s (target < 10 s): {}",
        ping.as_secs_f64(),
        verdict(ping < Duration::from_secs(10))
    );

    // 3. The list while a scan runs, from inside the LAN.
    let data = dir.path().to_owned();
    let (alone, during) = std::thread::spawn(move || {
        let ns = std::fs::File::open(format!("/run/netns/{SCANNER}")).expect("namespace");
        rustix::thread::move_into_link_name_space(
            std::os::fd::AsFd::as_fd(&ns),
            Some(rustix::thread::LinkNameSpaceType::Network),
        )
        .expect("enter the namespace");
        let port = common::free_port();
        let mut server = common::serve(&data, port);
        // The server was started from this thread: it runs in the namespace too.
        let base = format!("http://127.0.0.1:{port}");
        let rt = common::runtime();
        let result = rt.block_on(async {
            let client = log_in(&base, "admin", &password, 1).await;
            let list = format!("{base}/tickets?view=all");
            let alone = common::timed_gets(&client, &list, 20, 200).await;
            let page = client
                .get(format!("{base}/assets/discovery"))
                .send()
                .await
                .expect("page")
                .text()
                .await
                .expect("body");
            let token = common::attr(&page, "name=\"_csrf\" value=\"");
            let r = client
                .post(format!("{base}/assets/discovery/{wide}/run"))
                .form(&[("_csrf", token.as_str())])
                .send()
                .await
                .expect("start");
            assert_eq!(r.status(), 303, "discovery refused");
            tokio::time::sleep(Duration::from_millis(300)).await;
            let during = common::timed_gets(&client, &list, 0, 200).await;
            (alone, during)
        });
        stop(&mut server);
        result
    })
    .join()
    .expect("client thread");
    println!(
        "ticket list median: {:.2} ms alone, {:.2} ms while a /20 is discovered (p95 {:.2} ms; target < 10 ms): {}",
        ms(percentile(&alone, 0.5)),
        ms(percentile(&during, 0.5)),
        ms(percentile(&during, 0.95)),
        verdict(percentile(&during, 0.5) < Duration::from_millis(10))
    );
}
