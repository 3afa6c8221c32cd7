//! The `gestdesk` binary as an administrator uses it from a shell.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;

use crate::common::{Client, free_port};

const BIN: &str = env!("CARGO_BIN_EXE_gestdesk");

/// The binary with a clean environment: English messages, no inherited Gestdesk settings.
fn gestdesk(data_dir: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_remove("GESTDESK_LISTEN")
        .env_remove("LC_ALL")
        .env("LANG", "C")
        .env("GESTDESK_DATA_DIR", data_dir)
        .env("RUST_LOG", "info");
    cmd
}

fn run_with_stdin(cmd: &mut Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts a failed start: exit code 1, one line on stderr containing `expected`, no panic.
#[track_caller]
fn assert_clear_failure(output: &Output, expected: &str) {
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("gestdesk: error:"))
        .collect();
    assert_eq!(lines.len(), 1, "one error line expected in: {stderr}");
    assert!(lines[0].contains(expected), "{expected:?} not in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// A server started as its own process.
struct Served {
    child: Child,
    port: u16,
    stdout: Vec<String>,
}

fn start_server(data_dir: &Path) -> Served {
    let port = free_port();
    let mut child = gestdesk(data_dir)
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn server");
    let reader = BufReader::new(child.stdout.take().expect("stdout"));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in reader.lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // The banner is written at once: up to "Data:", then the set-up link on a first start.
    let mut stdout = Vec::new();
    while let Ok(line) = rx.recv_timeout(Duration::from_secs(30)) {
        let done = line.starts_with("Data:");
        stdout.push(line);
        if done {
            break;
        }
    }
    while let Ok(line) = rx.recv_timeout(Duration::from_millis(300)) {
        stdout.push(line);
    }
    Served {
        child,
        port,
        stdout,
    }
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
}

fn wait_exit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        assert!(Instant::now() < deadline, "the server did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Makes an instance in `dir` (with an administrator "root"), as a new headless install would.
fn init_instance(dir: &Path) {
    let out = run_with_stdin(
        gestdesk(dir).args([
            "create-admin",
            "--init",
            "--login",
            "root",
            "--lastname",
            "Root",
        ]),
        "a long enough secret\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn version_is_printed() {
    let out = Command::new(BIN).arg("--version").output().expect("run");
    assert!(out.status.success());
    assert_eq!(
        text(&out.stdout).trim(),
        format!("gestdesk {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_busy_port_is_a_one_line_error() {
    let dir = tempfile::tempdir().expect("dir");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr");
    let out = gestdesk(dir.path())
        .args(["serve", "--listen", &addr.to_string()])
        .output()
        .expect("run");
    assert_clear_failure(&out, "already in use");
    assert!(text(&out.stderr).contains(&addr.to_string()));
}

#[test]
fn a_bad_listen_address_is_a_one_line_error() {
    let dir = tempfile::tempdir().expect("dir");
    let out = gestdesk(dir.path())
        .args(["--listen", "localhost:http"])
        .output()
        .expect("run");
    assert_clear_failure(&out, "invalid listen address");
}

#[test]
fn a_data_dir_that_cannot_be_written_is_a_one_line_error() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").expect("write");
    let out = gestdesk(&file.join("data"))
        .args(["--listen", &format!("127.0.0.1:{}", free_port())])
        .output()
        .expect("run");
    assert_clear_failure(&out, "cannot write to the data directory");
}

#[test]
fn a_database_file_that_is_not_gestdesks_is_refused_and_left_alone() {
    // A file that is not SQLite at all.
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("gestdesk.sqlite3");
    std::fs::write(&db, "quarterly figures, do not lose").expect("write");
    let out = gestdesk(dir.path())
        .args(["--listen", &format!("127.0.0.1:{}", free_port())])
        .output()
        .expect("run");
    assert_clear_failure(&out, "is not a SQLite database");
    assert_eq!(
        std::fs::read_to_string(&db).expect("read"),
        "quarterly figures, do not lose"
    );

    // A SQLite database of another application.
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("gestdesk.sqlite3");
    {
        let c = rusqlite::Connection::open(&db).expect("create");
        c.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);")
            .expect("fill");
    }
    let before = std::fs::read(&db).expect("read");
    let out = gestdesk(dir.path())
        .args(["--listen", &format!("127.0.0.1:{}", free_port())])
        .output()
        .expect("run");
    assert_clear_failure(&out, "database of another application");
    assert_eq!(
        std::fs::read(&db).expect("read"),
        before,
        "not a byte changed"
    );
}

#[test]
fn create_admin_and_reset_password_from_the_shell() {
    let dir = tempfile::tempdir().expect("dir");
    // On a folder without data, create-admin makes the instance only when asked to.
    let refused = run_with_stdin(
        gestdesk(dir.path()).args(["create-admin", "--login", "root", "--lastname", "Root"]),
        "a long enough secret\n",
    );
    assert_clear_failure(&refused, "No Gestdesk data in");
    assert!(!dir.path().join("gestdesk.sqlite3").exists());
    let out = run_with_stdin(
        gestdesk(dir.path()).args([
            "create-admin",
            "--init",
            "--login",
            "root",
            "--lastname",
            "Root",
        ]),
        "a long enough secret\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        r#"Administrator account "root" created."#
    );

    let again = run_with_stdin(
        gestdesk(dir.path()).args(["create-admin", "--login", "ROOT"]),
        "another long secret\n",
    );
    assert_clear_failure(&again, "This login is already taken.");
    let short = run_with_stdin(
        gestdesk(dir.path()).args(["create-admin", "--login", "other"]),
        "short\n",
    );
    assert_clear_failure(&short, "at least 8 characters");

    let conn = rusqlite::Connection::open(dir.path().join("gestdesk.sqlite3")).expect("db");
    let (profile, hash): (i64, String) = conn
        .query_row(
            "SELECT profile_id, password_hash FROM users WHERE login = 'root'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("user");
    assert_eq!(profile, 4, "administrator");
    assert!(bcrypt::verify("a long enough secret", &hash).expect("bcrypt"));

    let reset = gestdesk(dir.path())
        .args(["reset-password", "root"])
        .output()
        .expect("run");
    assert!(reset.status.success(), "{}", text(&reset.stderr));
    let stdout = text(&reset.stdout);
    let temporary = stdout
        .lines()
        .next()
        .and_then(|l| l.rsplit(": ").next())
        .expect("temporary password")
        .trim()
        .to_owned();
    assert_eq!(temporary.len(), 12, "{stdout}");
    assert!(stdout.contains("must be changed at the next login"));
    let (must_change, hash): (bool, String) = conn
        .query_row(
            "SELECT must_change_password, password_hash FROM users WHERE login = 'root'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("user");
    assert!(must_change);
    assert!(bcrypt::verify(&temporary, &hash).expect("bcrypt"));

    let unknown = gestdesk(dir.path())
        .args(["reset-password", "ghost"])
        .output()
        .expect("run");
    assert_clear_failure(&unknown, r#"No account has the login "ghost"."#);
}

#[tokio::test]
async fn the_server_prints_its_addresses_and_stops_gracefully_on_sigterm() {
    let dir = tempfile::tempdir().expect("dir");
    let mut served = start_server(dir.path());
    let port = served.port;
    let stdout = served.stdout.join("\n");
    assert!(
        stdout.contains(&format!("http://localhost:{port}/")),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("Data: {}", dir.path().display())),
        "{stdout}"
    );
    // The set-up link is the last thing printed, set apart by blank lines.
    let printed: Vec<&String> = served
        .stdout
        .iter()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let setup_line = printed.last().copied().expect("lines");
    assert!(setup_line.contains("/setup/"), "{stdout}");
    assert!(served.stdout.iter().any(|l| l.is_empty()), "{stdout}");
    let setup_url = setup_line.rsplit(' ').next().expect("url").to_owned();
    let path = setup_url
        .split_once(&format!(":{port}"))
        .map(|(_, p)| p.to_owned())
        .expect("path");

    let base = format!("http://127.0.0.1:{port}");
    let client = Client::new(&base, "en");
    let reply = client
        .submit(
            &path,
            &path,
            &[
                ("login", "admin"),
                ("firstname", "Ada"),
                ("lastname", "Admin"),
                ("password", "correct horse battery"),
                ("password_confirm", "correct horse battery"),
                ("language", "en"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);

    // A login (a quarter of a second of bcrypt) is in flight when SIGTERM arrives: it finishes.
    let other = Client::new(&base, "en");
    let token = other.get("/login").await.csrf();
    let in_flight = tokio::spawn(async move {
        other
            .post_raw(
                "/login",
                &[
                    ("login", "admin"),
                    ("password", "correct horse battery"),
                    ("_csrf", &token),
                ],
            )
            .await
    });
    tokio::time::sleep(Duration::from_millis(60)).await;
    signal(&served.child, "TERM");
    let answered = in_flight.await.expect("request task");
    assert_eq!(answered.status, StatusCode::SEE_OTHER, "{}", answered.body);

    let status = wait_exit(&mut served.child, Duration::from_secs(15));
    assert!(status.success(), "exit status {status}");
    let mut stderr = String::new();
    std::io::Read::read_to_string(
        &mut served.child.stderr.take().expect("stderr"),
        &mut stderr,
    )
    .expect("stderr");
    assert!(stderr.contains("database closed cleanly"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    // New connections are refused, and the database file is whole on its own.
    assert!(reqwest::get(format!("{base}/healthz")).await.is_err());
    let db = dir.path().join("gestdesk.sqlite3");
    let wal = dir.path().join("gestdesk.sqlite3-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).expect("wal").len() == 0);
    let conn = rusqlite::Connection::open(&db).expect("db");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(check, "ok");
    let users: i64 = conn
        .query_row("SELECT count(*) FROM users", [], |r| r.get(0))
        .expect("count");
    assert_eq!(users, 1);

    // A restart keeps the account and prints no set-up link.
    let mut again = start_server(dir.path());
    assert!(!again.stdout.iter().any(|l| l.contains("/setup/")));
    let health = reqwest::get(format!("http://127.0.0.1:{}/healthz", again.port))
        .await
        .expect("healthz");
    assert_eq!(health.status(), StatusCode::OK);
    signal(&again.child, "INT");
    assert!(wait_exit(&mut again.child, Duration::from_secs(15)).success());
}

#[test]
fn sample_data_is_written_in_the_servers_language_or_the_one_asked_for() {
    let written = |lang: Option<&str>, default: Option<&str>| {
        let dir = tempfile::tempdir().expect("dir");
        if let Some(default) = default {
            init_instance(dir.path());
            let set = gestdesk(dir.path())
                .args(["settings", "set", "default_language", default])
                .output()
                .expect("run");
            assert!(set.status.success(), "{}", text(&set.stderr));
        }
        let mut args = vec!["demo", "--tickets", "60", "--users", "10"];
        if let Some(lang) = lang {
            args.extend(["--lang", lang]);
        }
        let out = gestdesk(dir.path()).args(&args).output().expect("run");
        assert!(out.status.success(), "{}", text(&out.stderr));
        let conn = rusqlite::Connection::open(dir.path().join("gestdesk.sqlite3")).expect("db");
        let one = |sql: &str| -> String { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
        (
            one("SELECT country FROM companies ORDER BY id LIMIT 1"),
            one(
                "SELECT group_concat(name, ', ') FROM (SELECT name FROM categories WHERE name_key IS NULL ORDER BY id)",
            ),
            one("SELECT title FROM procedures ORDER BY id LIMIT 1"),
        )
    };
    // A fresh server's default language is French.
    let (country, categories, procedure) = written(None, None);
    assert_eq!(country, "France");
    assert_eq!(categories, "Réseau, Comptes");
    assert!(procedure.ends_with("les vérifications"), "{procedure}");
    // The server's default language, when set.
    let (country, categories, _) = written(None, Some("de"));
    assert_eq!(
        (country.as_str(), categories.as_str()),
        ("Deutschland", "Netzwerk, Konten")
    );
    // `--lang` wins.
    let (country, categories, procedure) = written(Some("es"), Some("de"));
    assert_eq!(
        (country.as_str(), categories.as_str()),
        ("España", "Red, Cuentas")
    );
    assert!(procedure.ends_with("qué comprobar"), "{procedure}");
    let refused = gestdesk(tempfile::tempdir().expect("dir").path())
        .args(["demo", "--lang", "xx"])
        .output()
        .expect("run");
    assert!(!refused.status.success());
    assert!(text(&refused.stderr).contains("fr, en, es or de"));
}

#[tokio::test]
async fn sample_data_fills_an_empty_instance_with_tickets_in_every_state() {
    let dir = tempfile::tempdir().expect("dir");
    let out = gestdesk(dir.path())
        .args([
            "demo",
            "--tickets",
            "600",
            "--users",
            "60",
            "--seed",
            "7",
            "--lang",
            "en",
        ])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("600 tickets with"), "{stdout}");
    assert!(stdout.contains("Administrator account: admin"), "{stdout}");
    assert!(
        stdout.contains("Technicians tech1 to tech3, users user1 to user60."),
        "{stdout}"
    );
    let password = stdout
        .lines()
        .last()
        .and_then(|l| l.rsplit(": ").next())
        .expect("password")
        .trim()
        .to_owned();

    let conn = rusqlite::Connection::open(dir.path().join("gestdesk.sqlite3")).expect("db");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    assert_eq!(count("SELECT count(*) FROM tickets"), 600);
    assert_eq!(
        count("SELECT count(DISTINCT state_id) FROM tickets"),
        6,
        "every built-in state"
    );
    assert_eq!(
        count("SELECT count(*) FROM users WHERE profile_id IN (1, 2)"),
        60
    );
    assert!(count("SELECT count(DISTINCT company_id) FROM users") >= 2);
    assert!(count("SELECT count(*) FROM user_services") == 60);
    assert!(
        count("SELECT max(created_at) - min(created_at) FROM tickets") > 600 * 86_400,
        "spread over two years"
    );
    assert_eq!(
        count("SELECT count(*) FROM tickets WHERE state_id IN (3, 4) AND resolved_at IS NULL"),
        0
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM thread_entries e WHERE e.ticket_id = t.id AND e.kind = 'opened')"
        ),
        0
    );
    assert!(count("SELECT count(*) FROM thread_entries WHERE kind = 'text' AND private = 1") > 0);
    // A how-to per kind of problem, filed under it, found by the search index.
    let procedures = count("SELECT count(*) FROM procedures WHERE subcategory_id IS NOT NULL");
    assert!(procedures >= 6, "{procedures} procedures");
    assert!(
        stdout.contains(&format!("{procedures} procedures")),
        "{stdout}"
    );
    assert!(count("SELECT count(*) FROM procedures_fts WHERE procedures_fts MATCH 'check'") >= 6);
    assert_eq!(
        count("SELECT count(*) FROM thread_entries WHERE created_at > unixepoch() + 5"),
        0,
        "nothing in the future"
    );
    assert_eq!(
        count(
            "SELECT count(*) FROM tickets WHERE resolved_at < created_at OR resolved_at > unixepoch() + 5"
        ),
        0
    );
    assert!(
        count(
            "SELECT count(*) FROM tickets WHERE id > 1 AND created_at < (SELECT created_at FROM tickets p WHERE p.id = tickets.id - 1)"
        ) == 0,
        "numbered in opening order"
    );
    // Assets, one per twenty tickets, with interfaces in declared networks; some tickets are
    // about their requester's asset; the search index reads them.
    assert_eq!(count("SELECT count(*) FROM assets"), 30);
    assert!(stdout.contains("30 assets with"), "{stdout}");
    assert!(count("SELECT count(*) FROM asset_ifaces WHERE ip LIKE '10.10.%'") >= 30);
    assert_eq!(count("SELECT count(*) FROM asset_networks"), 3);
    assert!(count("SELECT count(*) FROM tickets WHERE asset_id IS NOT NULL") > 0);
    assert_eq!(
        count(
            "SELECT count(*) FROM tickets t JOIN assets a ON a.id = t.asset_id WHERE a.user_id IS NOT t.requester_id"
        ),
        0
    );
    assert_eq!(
        count("SELECT count(*) FROM assets_fts WHERE assets_fts MATCH '\"10.10.0\"'"),
        count("SELECT count(DISTINCT asset_id) FROM asset_ifaces WHERE ip LIKE '10.10.0.%'")
    );
    assert_eq!(
        count("SELECT count(*) FROM asset_events WHERE kind = 'created'"),
        30
    );
    let files: Vec<String> = {
        let mut stmt = conn
            .prepare("SELECT storage_name FROM attachments")
            .expect("prepare");
        stmt.query_map([], |r| r.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    };
    assert!(!files.is_empty());
    for f in &files {
        assert!(
            dir.path().join("attachments").join(f).is_file(),
            "{f} missing"
        );
    }

    // The same seed gives the same data.
    let again = tempfile::tempdir().expect("dir");
    let out = gestdesk(again.path())
        .args([
            "demo",
            "--tickets",
            "600",
            "--users",
            "60",
            "--seed",
            "7",
            "--lang",
            "en",
        ])
        .output()
        .expect("run");
    assert!(out.status.success());
    let other = rusqlite::Connection::open(again.path().join("gestdesk.sqlite3")).expect("db");
    let digest = |c: &rusqlite::Connection| -> String {
        c.query_row("SELECT group_concat(title || state_id || requester_id, ',') FROM (SELECT * FROM tickets ORDER BY id)", [], |r| r.get(0)).expect("digest")
    };
    assert_eq!(digest(&conn), digest(&other));

    // A second run is refused: sample data never mixes with real tickets.
    let refused = gestdesk(dir.path())
        .args(["demo", "--tickets", "10"])
        .output()
        .expect("run");
    assert_clear_failure(&refused, "This instance already has tickets");
    assert_eq!(count("SELECT count(*) FROM tickets"), 600);
    let bad = gestdesk(dir.path())
        .args(["demo", "--users", "0"])
        .output()
        .expect("run");
    assert_clear_failure(&bad, "users: Give between 1 and 100000 users.");

    // The accounts work: a technician logs in and opens a ticket of the sample.
    let mut served = start_server(dir.path());
    let client = Client::new(&format!("http://127.0.0.1:{}", served.port), "en");
    let r = client.login("tech1", &password).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = client.get("/tickets/600").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("opened the ticket");
    signal(&served.child, "TERM");
    assert!(wait_exit(&mut served.child, Duration::from_secs(10)).success());
}

#[test]
fn settings_are_read_and_changed_from_the_shell_with_the_pages_checks() {
    let dir = tempfile::tempdir().expect("dir");
    let run = |args: &[&str]| gestdesk(dir.path()).args(args).output().expect("run");
    init_instance(dir.path());

    let list = run(&["settings", "list"]);
    assert!(list.status.success(), "{}", text(&list.stderr));
    let listed = text(&list.stdout);
    for line in [
        "rows_per_page = 10",
        "company_name = ",
        "theme = blue",
        "meta_state = 1",
    ] {
        assert!(
            listed
                .lines()
                .any(|l| l == line.trim_end() || l.starts_with(line)),
            "{line} not in {listed}"
        );
    }
    let get = run(&["settings", "get", "rows_per_page"]);
    assert_eq!(text(&get.stdout).trim(), "10");

    // A good value is stored and logged as coming from the command line.
    let set = run(&["settings", "set", "rows_per_page", "40"]);
    assert!(set.status.success(), "{}", text(&set.stderr));
    assert_eq!(text(&set.stdout).trim(), "rows_per_page = 40");
    assert_eq!(
        text(&run(&["settings", "get", "rows_per_page"]).stdout).trim(),
        "40"
    );
    let db = rusqlite::Connection::open(dir.path().join("gestdesk.sqlite3")).expect("db");
    let (old, new, source): (String, String, String) = db
        .query_row(
            "SELECT old_value, new_value, source FROM settings_log WHERE key = 'rows_per_page'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("log entry");
    assert_eq!(
        (old.as_str(), new.as_str(), source.as_str()),
        ("10", "40", "cli")
    );

    // Bad values and unknown keys: one clear line, exit 1, nothing stored.
    assert_clear_failure(
        &run(&["settings", "set", "rows_per_page", "9999"]),
        "rows_per_page: Enter a whole number from 5 to 500.",
    );
    assert_clear_failure(
        &run(&["settings", "set", "theme", "purple"]),
        "theme: Choose an entry from the list.",
    );
    assert_clear_failure(
        &run(&["settings", "get", "no_such_key"]),
        "no_such_key: This setting does not exist.",
    );
    assert_clear_failure(
        &run(&["settings", "set", "no_such_key", "1"]),
        "no_such_key: This setting does not exist.",
    );
    assert_eq!(
        text(&run(&["settings", "get", "rows_per_page"]).stdout).trim(),
        "40"
    );
    let logged: i64 = db
        .query_row("SELECT count(*) FROM settings_log", [], |r| r.get(0))
        .expect("count");
    assert_eq!(logged, 1);
}

/// Commands other than serving made an empty instance in a mistyped data folder and worked on
/// it (a backup of nothing said it succeeded); `backup --to` replaced a file without asking; a
/// second server on a folder in use printed "running, open ..." before its error.
#[test]
fn commands_refuse_a_folder_without_data_and_a_file_they_would_overwrite() {
    let wrong = tempfile::tempdir().expect("dir");
    let typo = wrong.path().join("gestdsk");
    for args in [
        vec!["backup"],
        vec!["settings", "list"],
        vec!["reset-password", "root"],
        vec!["repair-admin", "root"],
        vec!["mail-test", "--to", "a@example.test"],
    ] {
        let out = gestdesk(&typo).args(&args).output().expect("run");
        assert_clear_failure(&out, "No Gestdesk data in");
        assert!(
            !typo.join("gestdesk.sqlite3").exists(),
            "{args:?} made an instance"
        );
    }

    let dir = tempfile::tempdir().expect("dir");
    init_instance(dir.path());
    let target = dir.path().join("precious.tar.gz");
    std::fs::write(&target, b"do not lose me").expect("write");
    let to = target.display().to_string();
    let out = gestdesk(dir.path())
        .args(["backup", "--to", &to])
        .output()
        .expect("run");
    assert_clear_failure(&out, "exists already; add --force");
    assert_eq!(std::fs::read(&target).expect("read"), b"do not lose me");
    let out = gestdesk(dir.path())
        .args(["backup", "--to", &to, "--force"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_ne!(std::fs::read(&target).expect("read"), b"do not lose me");

    let mut first = start_server(dir.path());
    let second = gestdesk(dir.path())
        .args(["serve", "--listen", &format!("127.0.0.1:{}", free_port())])
        .output()
        .expect("run");
    assert_clear_failure(&second, "Another Gestdesk is already serving");
    assert!(
        !text(&second.stdout).contains("is running"),
        "{}",
        text(&second.stdout)
    );
    signal(&first.child, "TERM");
    assert!(wait_exit(&mut first.child, Duration::from_secs(10)).success());
}

/// `gestdesk create-admin` while the server ran left it in first-run mode: `/` and `/login`
/// bounced to a dead set-up link until a restart. And an old set-up link after a restart said
/// the administrator existed when none did.
#[tokio::test]
async fn the_set_up_follows_the_database_not_the_moment_the_server_started() {
    let dir = tempfile::tempdir().expect("dir");
    let mut served = start_server(dir.path());
    let link = served
        .stdout
        .iter()
        .find_map(|l| l.split("create the administrator account at ").nth(1))
        .expect("set-up link")
        .trim()
        .to_owned();
    let base = format!("http://127.0.0.1:{}", served.port);
    let client = Client::new(&base, "en");
    let path = link
        .split_once(&format!(":{}", served.port))
        .expect("path")
        .1
        .to_owned();

    // A restart prints a new link: the old one leads to it here, and says it is out of date
    // to someone elsewhere (forwarded by a proxy, so not this machine).
    signal(&served.child, "TERM");
    assert!(wait_exit(&mut served.child, Duration::from_secs(10)).success());
    let mut served = start_server(dir.path());
    let base = format!("http://127.0.0.1:{}", served.port);
    let client_here = Client::new(&base, "en");
    let old = client_here.get(&path).await;
    assert_eq!(old.status, StatusCode::SEE_OTHER);
    assert!(
        old.location()
            .is_some_and(|l| l.starts_with("/setup/") && l != path)
    );
    let elsewhere = client_here
        .get_with(&path, &[("x-forwarded-for", "192.0.2.7")])
        .await;
    elsewhere.assert_contains("out of date");
    assert!(!elsewhere.body.contains("already"), "{}", elsewhere.body);
    drop(client);

    // An administrator made from the shell while the server runs ends the set-up at once.
    assert_eq!(
        client_here
            .get("/")
            .await
            .location()
            .map(|l| l.starts_with("/setup/")),
        Some(true)
    );
    let out = run_with_stdin(
        gestdesk(dir.path()).args(["create-admin", "--login", "root", "--lastname", "Root"]),
        "a long enough secret\n",
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(client_here.get("/").await.location(), Some("/login"));
    let login = client_here.get("/login").await;
    assert_eq!(login.status, StatusCode::OK);
    login.assert_contains(r#"name="password""#);
    assert_eq!(
        client_here
            .login("root", "a long enough secret")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    signal(&served.child, "TERM");
    let status = wait_exit(&mut served.child, Duration::from_secs(10));
    let mut err = String::new();
    std::io::Read::read_to_string(served.child.stderr.as_mut().expect("stderr"), &mut err).ok();
    assert!(status.success(), "{status:?}: {err}");
}

/// Removing `admin` from the Administrator profile (or disabling the last administrator
/// behind the server's back) left nobody able to administer, and even an administrator made
/// by create-admin was denied. `gestdesk repair-admin` restores a working administrator, while
/// the server runs.
#[tokio::test]
async fn repair_admin_restores_a_working_administrator_from_the_shell() {
    let dir = tempfile::tempdir().expect("dir");
    init_instance(dir.path());
    let db = rusqlite::Connection::open(dir.path().join("gestdesk.sqlite3")).expect("db");
    db.execute_batch(
        "DELETE FROM profile_rights WHERE profile_id = 4 AND right_name IN ('admin', 'admin_user_profile');
         UPDATE users SET disabled = 1, profile_id = 2 WHERE login = 'root';
         INSERT INTO auth_failures (at, login, ip) VALUES (strftime('%s','now'), 'root', '10.0.0.9');",
    )
    .expect("break it");
    let mut served = start_server(dir.path());
    let base = format!("http://127.0.0.1:{}", served.port);
    let client = Client::new(&base, "en");
    assert_eq!(
        client.login("root", "a long enough secret").await.status,
        StatusCode::UNAUTHORIZED,
        "disabled"
    );
    let out = gestdesk(dir.path())
        .args(["repair-admin", "root"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    for line in [
        "The Administrator profile has the rights admin, admin_user_profile again.",
        "The account is of the Administrator profile now.",
        "The account was disabled; it is enabled now.",
        "is a working administrator",
    ] {
        assert!(said.contains(line), "{line:?} not in {said}");
    }
    assert_eq!(
        client.login("root", "a long enough secret").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(client.get("/admin/rights").await.status, StatusCode::OK);
    let again = gestdesk(dir.path())
        .args(["repair-admin", "root"])
        .output()
        .expect("run");
    assert!(text(&again.stdout).contains("Nothing needed repairing."));
    let logged: i64 = db
        .query_row(
            "SELECT count(*) FROM event_log WHERE kind = 'admin_repaired'",
            [],
            |r| r.get(0),
        )
        .expect("log");
    assert_eq!(logged, 2);
    signal(&served.child, "TERM");
    assert!(wait_exit(&mut served.child, Duration::from_secs(10)).success());
}

#[test]
fn the_console_names_the_address_listened_on_without_colour_codes_or_repeated_lines() {
    let dir = tempfile::tempdir().expect("dir");
    let port = free_port();
    let mut child = gestdesk(dir.path())
        .env_remove("RUST_LOG")
        .args(["serve", "--listen", &format!("127.0.0.3:{port}")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn server");
    let reader = BufReader::new(child.stdout.take().expect("stdout"));
    let mut lines = Vec::new();
    for line in reader.lines().map_while(Result::ok) {
        let done = line.contains("/setup/");
        lines.push(line);
        if done {
            break;
        }
    }
    signal(&child, "TERM");
    let status = wait_exit(&mut child, Duration::from_secs(30));
    assert!(status.success());
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("stderr");
    let printed = lines.join("\n");
    // Listening on 127.0.0.3, "localhost" would lead elsewhere: the address itself is shown.
    assert!(
        printed.contains(&format!("http://127.0.0.3:{port}/setup/")),
        "{printed}"
    );
    assert!(!printed.contains("localhost"), "{printed}");
    // A pipe is not a terminal: no colour codes; each migration is logged once.
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    assert_eq!(stderr.matches("initial").count(), 1, "{stderr}");
}

#[test]
fn a_console_closed_at_once_does_not_stop_the_server() {
    let dir = tempfile::tempdir().expect("dir");
    let port = free_port();
    let mut child = gestdesk(dir.path())
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn server");
    // Nobody reads what it prints, as with `gestdesk serve | head -0`.
    drop(child.stdout.take());
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let answered = loop {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            let _ = s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            let mut got = String::new();
            let _ = s.read_to_string(&mut got);
            break got;
        }
        assert!(
            child.try_wait().expect("wait").is_none(),
            "the server stopped"
        );
        assert!(std::time::Instant::now() < deadline, "never answered");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
    signal(&child, "TERM");
    assert!(wait_exit(&mut child, Duration::from_secs(30)).success());
}
