//! Outgoing mail benchmark, against the release `gestdesk` binary and the test suite's SMTP
//! server (aiosmtpd, `tests/peers/smtp_server.py`) on loopback.
//!
//!     cargo bench --bench mail
//!
//! Targets: the outbox worker sends at least 100 mails per second; saving a ticket whose
//! automatic mail cannot be delivered (SMTP server down) takes as long as saving one with the
//! connector off.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{BIN, demo, ms, percentile, stop, verdict};

const MAILS: i64 = 2_000;
const SAVES: usize = 200;

/// Starts the SMTP server on a free port, writing to `dir/maildir`; returns it and its port.
fn smtp_server(dir: &Path) -> (Child, u16) {
    for sub in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(dir.join("maildir").join(sub)).expect("maildir");
    }
    let ok = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        ])
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.pem"))
        .args(["-subj", "/CN=localhost"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("openssl");
    assert!(ok.success());
    let port = common::free_port();
    let log = std::fs::File::create(dir.join("smtp.log")).expect("log");
    let child = Command::new("/usr/bin/python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers/smtp_server.py"))
        .env("MAILDIR", dir.join("maildir"))
        .env("CERT", dir.join("cert.pem"))
        .env("KEY", dir.join("key.pem"))
        .env("PLAIN_PORT", port.to_string())
        .env("TLS_PORT", common::free_port().to_string())
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .spawn()
        .expect("python3-aiosmtpd (installer/install-test-deps.sh)");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !std::fs::read_to_string(dir.join("smtp.log"))
        .unwrap_or_default()
        .contains("ready")
    {
        assert!(Instant::now() < deadline, "SMTP server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    (child, port)
}

fn gestdesk(data: &Path, args: &[&str]) {
    let out = Command::new(BIN)
        .env("GESTDESK_DATA_DIR", data)
        .args(args)
        .output()
        .expect("gestdesk");
    assert!(out.status.success(), "{args:?}: {:?}", out);
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("database");
    conn.busy_timeout(Duration::from_secs(5)).expect("timeout");
    conn.query_row(sql, [], |r| r.get(0)).expect("count")
}

/// Saves `SAVES` new tickets for `requester` through the form; their times, sorted.
async fn timed_saves(client: &reqwest::Client, base: &str, requester: &str) -> Vec<Duration> {
    let mut times = Vec::with_capacity(SAVES);
    for n in 0..SAVES {
        let action = common::new_ticket_action(client, base).await;
        let form = reqwest::multipart::Form::new()
            .text("requester", requester.to_owned())
            .text("title", format!("Mail benchmark ticket {n}"))
            .text("description", "Saved while the mail server is away.");
        let t = Instant::now();
        let r = client
            .post(format!("{base}{action}"))
            .multipart(form)
            .send()
            .await
            .expect("save");
        assert_eq!(r.status(), 303, "save refused");
        times.push(t.elapsed());
    }
    times.sort();
    times
}

fn main() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let (_, out) = demo(&data, 1_000, 50);
    let password = common::demo_password(&out);
    let db = data.join("gestdesk.sqlite3");
    let smtp_dir = dir.path().join("smtp");
    let (mut smtp, port) = smtp_server(&smtp_dir);
    let port = port.to_string();
    for (k, v) in [
        ("smtp.enabled", "1"),
        ("smtp.host", "127.0.0.1"),
        ("smtp.port", port.as_str()),
        ("smtp.security", "none"),
        ("smtp.from", "helpdesk@example.test"),
        ("mail_auto", "1"),
    ] {
        gestdesk(&data, &["settings", "set", k, v]);
    }

    // Throughput: MAILS mails waiting when the server starts.
    gestdesk(&data, &["mail-test", "--to", "bench@example.test"]);
    {
        let conn = rusqlite::Connection::open(&db).expect("database");
        conn.execute(
            "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ?1)
             INSERT INTO outbox (created_at, kind, author_addr, to_addrs, subject, html, text,
                                 message_id, next_at)
             SELECT o.created_at, o.kind, o.author_addr, 'bench' || k.i || '@example.test',
                    o.subject, o.html, o.text, o.message_id || '.' || k.i, o.next_at
             FROM outbox o, k WHERE o.id = 1",
            [MAILS - 1],
        )
        .expect("fill the outbox");
    }
    let (mut server, base) = common::serve_anywhere(&data);
    let runtime = common::runtime();
    runtime.block_on(async {
        let client = reqwest::Client::new();
        while client.get(format!("{base}/healthz")).send().await.is_err() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    });
    let started = Instant::now();
    let deadline = started + Duration::from_secs(300);
    while count(&db, "SELECT count(*) FROM outbox WHERE state = 'sent'") < MAILS {
        assert!(Instant::now() < deadline, "the outbox did not empty");
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = started.elapsed();
    let received = std::fs::read_dir(smtp_dir.join("maildir/new"))
        .expect("maildir")
        .count();
    let rate = MAILS as f64 / took.as_secs_f64();
    println!(
        "outbox: {MAILS} mails sent in {:.2} s: {rate:.0} mails/s ({received} received)",
        took.as_secs_f64()
    );
    println!("  target >= 100 mails/s: {}", verdict(rate >= 100.0));

    // Ticket saves with the connector off, then on with the SMTP server down.
    let technician = common::demo_technician(&out);
    // A sample user with an address, so that every save writes a mail.
    let requester = format!(
        "u{}",
        count(
            &db,
            "SELECT id FROM users WHERE login = 'user1' AND mail LIKE '%@%'"
        )
    );
    let (off, down) = runtime.block_on(async {
        let client = common::log_in(&base, &technician, &password, 1).await;
        gestdesk(&data, &["settings", "set", "smtp.enabled", "0"]);
        let off = timed_saves(&client, &base, &requester).await;
        gestdesk(&data, &["settings", "set", "smtp.enabled", "1"]);
        stop(&mut smtp);
        let down = timed_saves(&client, &base, &requester).await;
        (off, down)
    });
    let queued = count(&db, "SELECT count(*) FROM outbox WHERE state = 'queued'");
    println!("ticket save, {SAVES} each (POST /tickets, release build):");
    println!(
        "  connector off:           median {:.2} ms, p99 {:.2} ms",
        ms(percentile(&off, 0.5)),
        ms(percentile(&off, 0.99))
    );
    println!(
        "  SMTP server down:        median {:.2} ms, p99 {:.2} ms ({queued} mails kept queued)",
        ms(percentile(&down, 0.5)),
        ms(percentile(&down, 0.99))
    );
    let same = percentile(&down, 0.5) < percentile(&off, 0.5) * 2 + Duration::from_millis(2);
    println!("  target: no wait on SMTP: {}", verdict(same));
    stop(&mut server);
}
