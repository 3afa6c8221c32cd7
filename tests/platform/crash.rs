//! Crash safety: the real `gestdesk` binary under a write load (tickets, replies, uploads, and
//! the mails they cause) is killed with SIGKILL at random moments, then started again. After
//! each round: SQLite's integrity check passes, everything the server acknowledged is there,
//! every attachment row has its file and every file its row, and every acknowledged ticket has
//! its mail in the outbox.
//!
//! 3 rounds by default; `GESTDESK_CRASH_ROUNDS=20` for a longer run, and
//! `GESTDESK_BIN=target/release/gestdesk` to run it against a release build:
//!
//!     cargo build --release && GESTDESK_BIN=target/release/gestdesk \
//!         GESTDESK_CRASH_ROUNDS=20 cargo test --test it crash -- --nocapture

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::RngExt;

fn binary() -> PathBuf {
    std::env::var_os("GESTDESK_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_gestdesk")))
}

fn gestdesk(dir: &Path, args: &[&str], stdin: &str) {
    use std::io::Write;
    let mut child = Command::new(binary())
        .env("GESTDESK_DATA_DIR", dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("gestdesk");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin");
    assert!(child.wait().expect("wait").success(), "{args:?}");
}

fn serve(dir: &Path, port: u16) -> Child {
    Command::new(binary())
        .env("GESTDESK_DATA_DIR", dir)
        .env("RUST_LOG", "warn")
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve")
}

/// What the server said yes to.
#[derive(Default)]
struct Acknowledged {
    tickets: BTreeSet<i64>,
    replies: BTreeSet<String>,
    files: BTreeSet<String>,
}

async fn log_in(base: &str) -> Option<reqwest::Client> {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .ok()?;
    let page = client
        .get(format!("{base}/login"))
        .send()
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    let token = attr(&page, "name=\"_csrf\" value=\"")?;
    let r = client
        .post(format!("{base}/login"))
        .form(&[
            ("login", "admin"),
            ("password", "crash test password"),
            ("_csrf", &token),
        ])
        .send()
        .await
        .ok()?;
    (r.status() == 303).then_some(client)
}

fn attr(html: &str, prefix: &str) -> Option<String> {
    let start = html.find(prefix)? + prefix.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].replace("&amp;", "&"))
}

/// The ticket form's action (with its token) and hidden fields on `page`.
async fn form(
    client: &reqwest::Client,
    base: &str,
    page: &str,
) -> Option<(String, Vec<(String, String)>)> {
    let html = client
        .get(format!("{base}{page}"))
        .send()
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    let at = html.find("id=\"ticket-form\"")?;
    let html = &html[at..];
    let action = attr(html, "action=\"")?;
    let hidden = html
        .match_indices("<input type=\"hidden\" name=\"")
        .filter_map(|(i, _)| {
            let tag = &html[i..i + html[i..].find('>')?];
            let name = attr(tag, "name=\"")?;
            (name != "_csrf").then(|| (name, attr(tag, "value=\"").unwrap_or_default()))
        })
        .collect();
    Some((action, hidden))
}

/// One writer: opens tickets with a file, answers them, until the server goes away.
async fn writer(base: String, n: usize, acked: Arc<Mutex<Acknowledged>>) {
    let Some(client) = log_in(&base).await else {
        return;
    };
    for round in 0.. {
        let Some((action, hidden)) = form(&client, &base, "/tickets/new").await else {
            return;
        };
        let file = format!("w{n}-r{round}-{}.txt", rand::rng().random::<u32>());
        let mut multipart = reqwest::multipart::Form::new();
        for (k, v) in hidden {
            multipart = multipart.text(k, v);
        }
        multipart = multipart
            .text("requester", "u2")
            .text("title", format!("Crash load {n}/{round}"))
            .part(
                "attachments",
                reqwest::multipart::Part::bytes(format!("{file}\n").repeat(200).into_bytes())
                    .file_name(file.clone()),
            );
        let Ok(r) = client
            .post(format!("{base}{action}"))
            .multipart(multipart)
            .send()
            .await
        else {
            return;
        };
        if r.status() != 303 {
            return;
        }
        let Some(id) = r
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .and_then(|l| l.trim_start_matches("/tickets/").parse::<i64>().ok())
        else {
            return;
        };
        {
            let mut a = acked.lock().expect("lock");
            a.tickets.insert(id);
            a.files.insert(file);
        }
        let page = format!("/tickets/{id}");
        let Some((action, hidden)) = form(&client, &base, &page).await else {
            return;
        };
        let reply = format!("reply {n}/{round}/{}", rand::rng().random::<u32>());
        let mut multipart = reqwest::multipart::Form::new();
        for (k, v) in hidden {
            multipart = multipart.text(k, v);
        }
        multipart = multipart.text("reply", reply.clone());
        match client
            .post(format!("{base}{action}"))
            .multipart(multipart)
            .send()
            .await
        {
            Ok(r) if r.status() == 303 => {
                acked.lock().expect("lock").replies.insert(reply);
            }
            _ => return,
        }
    }
}

async fn wait_ready(base: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while reqwest::get(format!("{base}/healthz")).await.is_err() {
        assert!(Instant::now() < deadline, "server did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Checks the data directory of a stopped server against what was acknowledged.
fn check(dir: &Path, acked: &Acknowledged) {
    let conn = rusqlite::Connection::open(dir.join("gestdesk.sqlite3")).expect("db");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(ok, "ok");
    let one = |sql: &str, p: &dyn rusqlite::ToSql| -> i64 {
        conn.query_row(sql, [p], |r| r.get(0)).expect("query")
    };
    for id in &acked.tickets {
        assert_eq!(
            one("SELECT count(*) FROM tickets WHERE id = ?1", id),
            1,
            "ticket {id} lost"
        );
        assert_eq!(
            one("SELECT count(*) FROM outbox WHERE ticket_id = ?1", id),
            1,
            "mail of ticket {id} lost"
        );
    }
    for reply in &acked.replies {
        assert_eq!(
            one("SELECT count(*) FROM thread_entries WHERE body = ?1", reply),
            1,
            "reply {reply} lost"
        );
    }
    for file in &acked.files {
        assert_eq!(
            one("SELECT count(*) FROM attachments WHERE filename = ?1", file),
            1,
            "attachment {file} lost"
        );
    }
}

/// Every attachment row has its file, every stored file its row.
fn no_orphans(dir: &Path) {
    let conn = rusqlite::Connection::open(dir.join("gestdesk.sqlite3")).expect("db");
    let rows: BTreeSet<String> = conn
        .prepare("SELECT storage_name FROM attachments")
        .expect("prepare")
        .query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows");
    let mut files = BTreeSet::new();
    for d in std::fs::read_dir(dir.join("attachments"))
        .expect("dir")
        .flatten()
    {
        let folder = d.file_name().to_string_lossy().into_owned();
        if folder == "tmp" {
            continue;
        }
        for f in std::fs::read_dir(d.path()).expect("dir").flatten() {
            files.insert(format!("{folder}/{}", f.file_name().to_string_lossy()));
        }
    }
    assert_eq!(rows, files, "attachment rows and files disagree");
}

#[tokio::test]
async fn killing_the_server_during_writes_loses_nothing_it_acknowledged() {
    let rounds: usize = std::env::var("GESTDESK_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let dir = tempfile::tempdir().expect("dir");
    gestdesk(
        dir.path(),
        &[
            "create-admin",
            "--init",
            "--login",
            "admin",
            "--mail",
            "admin@example.test",
        ],
        "crash test password\n",
    );
    // A requester with an address and the SMTP connector towards a closed port: every ticket
    // writes a mail that stays queued.
    gestdesk(
        dir.path(),
        &[
            "create-admin",
            "--login",
            "requester",
            "--mail",
            "req@example.test",
        ],
        "crash test password\n",
    );
    let closed = crate::common::free_port().to_string();
    for (k, v) in [
        ("smtp.enabled", "1"),
        ("smtp.host", "127.0.0.1"),
        ("smtp.port", closed.as_str()),
        ("smtp.security", "none"),
        ("smtp.from", "desk@example.test"),
        ("mail_auto", "1"),
    ] {
        gestdesk(dir.path(), &["settings", "set", k, v], "");
    }
    let acked = Arc::new(Mutex::new(Acknowledged::default()));
    for round in 0..rounds {
        let port = crate::common::free_port();
        let base = format!("http://127.0.0.1:{port}");
        let mut server = serve(dir.path(), port);
        wait_ready(&base).await;
        let writers: Vec<_> = (0..4)
            .map(|n| tokio::spawn(writer(base.clone(), n, acked.clone())))
            .collect();
        // Kill at a random moment once this round's load is under way (on a busy machine the
        // first writes can take longer than the whole random window).
        let before = acked.lock().expect("lock").tickets.len();
        let started = Instant::now();
        while acked.lock().expect("lock").tickets.len() == before
            && started.elapsed() < Duration::from_secs(60)
        {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let wait = rand::rng().random_range(0..1400);
        tokio::time::sleep(Duration::from_millis(wait)).await;
        server.kill().expect("SIGKILL");
        server.wait().expect("wait");
        for w in writers {
            let _ = w.await;
        }
        {
            let a = acked.lock().expect("lock");
            println!(
                "round {round}: killed {wait} ms after the first write; {} tickets, {} replies acknowledged so far",
                a.tickets.len(),
                a.replies.len()
            );
            check(dir.path(), &a);
        }
        // The next start reconciles files and rows.
        let port = crate::common::free_port();
        let mut server = serve(dir.path(), port);
        wait_ready(&format!("http://127.0.0.1:{port}")).await;
        let _ = Command::new("kill").arg(server.id().to_string()).status();
        server.wait().expect("wait");
        no_orphans(dir.path());
    }
    // A file without a row and a row without a file, as a crash at the wrong moment leaves
    // them: the next start removes both.
    std::fs::create_dir_all(dir.path().join("attachments/zz")).expect("dir");
    std::fs::write(dir.path().join("attachments/zz/zzstray"), b"left over").expect("stray");
    rusqlite::Connection::open(dir.path().join("gestdesk.sqlite3"))
        .expect("db")
        .execute(
            "INSERT INTO attachments (storage_name, ticket_id, filename, content_type, size, sha256, uploaded_at)
             VALUES ('yy/yylost', 1, 'lost.txt', 'text/plain', 1, '', 0)",
            [],
        )
        .expect("row");
    let port = crate::common::free_port();
    let mut server = serve(dir.path(), port);
    wait_ready(&format!("http://127.0.0.1:{port}")).await;
    let _ = Command::new("kill").arg(server.id().to_string()).status();
    server.wait().expect("wait");
    no_orphans(dir.path());
    assert!(!dir.path().join("attachments/zz/zzstray").exists());

    let a = acked.lock().expect("lock");
    assert!(
        a.tickets.len() >= rounds,
        "the load wrote too little: {}",
        a.tickets.len()
    );
}
