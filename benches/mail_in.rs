//! Incoming mail benchmark, against a private Dovecot on loopback (`tests/peers/setup-imap.sh`,
//! plain IMAP). Needs root and dovecot-imapd, like the stories; it says so and stops otherwise.
//!
//!     cargo bench --bench mail_in
//!
//! On `gestdesk demo --tickets 100000`, with 1,000 mails waiting in the mailbox (one in ten
//! from an address no account has, one in ten with a 20 KB attachment), it measures:
//! 1. `gestdesk mail-fetch`, the whole command (start, every mail read, handled in its
//!    transaction and marked read on the server): target 50 mails/s or more;
//! 2. the ticket list's median time, alone and while the server fetches 1,000 more mails
//!    ("Fetch now" from the mailbox page): target under 10 ms during the fetch.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{BIN, demo, log_in, ms, percentile, stop, verdict};

const LOGIN: &str = "bench";
const PASSWORD: &str = "bench secret";

/// A private Dovecot: its folder, its plain port, and its process.
struct Dovecot {
    dir: PathBuf,
    port: u16,
    child: Child,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn dovecot() -> Dovecot {
    let (port, tls) = (common::free_port(), common::free_port());
    let dir = PathBuf::from(format!("/tmp/gd-imap-bench-{port}"));
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash")
        .arg(format!("{root}/tests/peers/setup-imap.sh"))
        .arg(&dir)
        .arg(port.to_string())
        .arg(tls.to_string())
        .output()
        .expect("setup-imap");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(
        dir.join("users").join(LOGIN),
        format!("{LOGIN}:{{PLAIN}}{PASSWORD}\n"),
    )
    .expect("user");
    let child = Command::new("dovecot")
        .args(["-F", "-c"])
        .arg(dir.join("dovecot.conf"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dovecot");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "Dovecot did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Dovecot { dir, port, child }
}

/// Drops `count` mails straight into the mailbox's Maildir (as the delivery agent would).
fn deliver(d: &Dovecot, batch: &str, count: usize) {
    let maildir = d.dir.join("mail").join(LOGIN).join("Maildir");
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(maildir.join(sub)).expect("maildir");
    }
    let attachment: String = "A"
        .repeat(20 * 1024 / 76 * 76)
        .as_bytes()
        .chunks(76)
        .map(|c| String::from_utf8_lossy(c).into_owned() + "\r\n")
        .collect();
    for n in 0..count {
        let from = if n % 10 == 0 {
            format!("newcomer{n}.{batch}@example.test")
        } else {
            format!("user{}@example.test", n % 50 + 1)
        };
        let body = if n % 10 == 5 {
            format!(
                "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n\
                 Content-Type: text/plain; charset=utf-8\r\n\r\nThe report is attached.\r\n\
                 --b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"report.txt\"\r\n\
                 Content-Transfer-Encoding: base64\r\n\r\n{attachment}--b--\r\n"
            )
        } else {
            "Content-Type: text/plain; charset=utf-8\r\n\r\n\
             The printer on the second floor prints blank pages since this morning.\r\n\
             Could someone have a look?\r\n"
                .to_owned()
        };
        let raw = format!(
            "From: {from}\r\nTo: support@example.test\r\nSubject: Request {batch}-{n}\r\n\
             Message-ID: <bench-{batch}-{n}@example.test>\r\nDate: Sun, 06 Dec 2026 10:00:00 +0000\r\n\
             MIME-Version: 1.0\r\n{body}"
        );
        std::fs::write(
            maildir
                .join("new")
                .join(format!("1780000000.{batch}{n}.bench")),
            raw,
        )
        .expect("mail");
    }
    let _ = Command::new("chown")
        .args(["-R", "vmail:vmail"])
        .arg(d.dir.join("mail"))
        .status();
}

fn gestdesk(dir: &Path, args: &[&str]) -> (Duration, String) {
    let mut command = Command::new(BIN);
    command.args(args).env("GESTDESK_DATA_DIR", dir);
    common::run_timed(command)
}

fn main() {
    if !rustix::process::geteuid().is_root()
        || Command::new("dovecot").arg("--version").output().is_err()
    {
        println!("incoming mail benchmark: needs root and dovecot-imapd; nothing measured");
        return;
    }
    let d = dovecot();
    let dir = tempfile::tempdir().expect("dir");
    let (_, out) = demo(dir.path(), 100_000, 1_000);
    let password = common::demo_password(&out);
    {
        let db = rusqlite::Connection::open(dir.path().join("gestdesk.sqlite3")).expect("db");
        for n in 1..=50 {
            db.execute(
                "UPDATE users SET mail = ?1 WHERE id = (SELECT id FROM users WHERE profile_id = 2
                     ORDER BY id LIMIT 1 OFFSET ?2)",
                rusqlite::params![format!("user{n}@example.test"), n - 1],
            )
            .expect("address");
        }
        db.execute(
            "INSERT INTO mailboxes (name, enabled, host, port, security, login, password,
                 interval_minutes, created_at, updated_at)
             VALUES ('Bench', 0, '127.0.0.1', ?1, 'none', ?2, ?3, 1440, 0, 0)",
            rusqlite::params![d.port, LOGIN, PASSWORD],
        )
        .expect("mailbox");
    }

    // 1. The command, 1,000 mails.
    deliver(&d, "a", 1000);
    let (took, text) = gestdesk(dir.path(), &["mail-fetch", "--mailbox", "Bench"]);
    assert!(text.contains("read: 1000, tickets: 1000,"), "{text}");
    let rate = 1000.0 / took.as_secs_f64();
    println!(
        "gestdesk mail-fetch of 1,000 waiting mails: {:.2} s, {rate:.0} mails/s (target >= 50 mails/s): {}",
        took.as_secs_f64(),
        verdict(rate >= 50.0)
    );

    // 2. The list while the server fetches 1,000 more.
    deliver(&d, "b", 1000);
    let (mut server, base) = common::serve_anywhere(dir.path());
    let rt = common::runtime();
    let (alone, during, fetch_took) = rt.block_on(async {
        let client = log_in(&base, "admin", &password, 2).await;
        let list = format!("{base}/tickets?view=all");
        let alone = common::timed_gets(&client, &list, 20, 200).await;
        let page = client
            .get(format!("{base}/admin/mail-in/1"))
            .send()
            .await
            .expect("page")
            .text()
            .await
            .expect("body");
        let token = common::attr(&page, "name=\"_csrf\" value=\"");
        let fetcher = client.clone();
        let url = format!("{base}/admin/mail-in/1/fetch");
        let started = Instant::now();
        let fetch = tokio::spawn(async move {
            let r = fetcher
                .post(url)
                .form(&[("_csrf", token.as_str())])
                .send()
                .await
                .expect("fetch");
            assert_eq!(r.status(), 303, "fetch refused");
            r.text().await.expect("body");
            started.elapsed()
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        let mut during = Vec::new();
        while !fetch.is_finished() && during.len() < 20_000 {
            during.extend(common::timed_gets(&client, &list, 0, 10).await);
        }
        during.sort();
        let fetch_took = fetch.await.expect("fetch task");
        (alone, during, fetch_took)
    });
    stop(&mut server);
    let handled: i64 = rusqlite::Connection::open(dir.path().join("gestdesk.sqlite3"))
        .and_then(|c| {
            c.query_row(
                "SELECT count(*) FROM mails_handled WHERE outcome = 'ticket'",
                [],
                |r| r.get(0),
            )
        })
        .expect("handled");
    assert_eq!(
        handled, 2000,
        "the server's fetch did not handle every mail"
    );
    println!(
        "server fetch of 1,000 mails while the list is read: {:.2} s, {:.0} mails/s",
        fetch_took.as_secs_f64(),
        1000.0 / fetch_took.as_secs_f64()
    );
    println!(
        "ticket list median: {:.2} ms alone, {:.2} ms during the fetch ({} requests, p95 {:.2} ms; target < 10 ms): {}",
        ms(percentile(&alone, 0.5)),
        ms(percentile(&during, 0.5)),
        during.len(),
        ms(percentile(&during, 0.95)),
        verdict(!during.is_empty() && percentile(&during, 0.5) < Duration::from_millis(10))
    );
}
