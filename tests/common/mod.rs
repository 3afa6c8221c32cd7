//! Test fixtures: a server on an ephemeral port with a temporary data directory, and a
//! cookie-keeping HTTP client that fills forms like a browser.

#![allow(dead_code)]

pub mod browser;
pub mod events;
pub mod http;
pub mod imap;
pub mod ldap;
pub mod lists;
pub mod mariadb;
pub mod netns;
pub mod receiver;
pub mod smtp;
pub mod totp;

use std::path::{Path, PathBuf};

use gestdesk::domain::profiles::Profile;
use gestdesk::domain::users::{self, repo::NewUserRow};
use gestdesk::{App, Config, ServerHandle};
use tempfile::TempDir;

pub use http::Client;
pub use lists::open_ticket;

/// A 2×1 PNG.
pub const PNG_LOGO: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
    2, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0xF4, 0x22, 0x7F, 0x8A, 0, 0, 0, 0x0D, 0x49, 0x44, 0x41, 0x54,
    0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x56, 0xC7, 0x2F,
    0x0D, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// The administrator every story starts with.
pub const ADMIN_LOGIN: &str = "admin";
pub const ADMIN_PASSWORD: &str = "correct horse battery";

/// A running Gestdesk with its own data directory.
pub struct TestApp {
    pub base: String,
    pub app: App,
    server: Option<ServerHandle>,
    dir: TempDir,
}

impl TestApp {
    /// Starts a server on 127.0.0.1:0 with a fresh data directory.
    pub async fn spawn() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        Self::spawn_in(dir).await
    }

    async fn spawn_in(dir: TempDir) -> TestApp {
        Self::spawn_in_within(dir, gestdesk::server::Limits::for_this_system()).await
    }

    /// Starts a server with fresh data configured as served behind a reverse proxy on this
    /// machine (`--behind-proxy`).
    pub async fn spawn_behind_proxy() -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        Self::spawn_configured(dir, gestdesk::server::Limits::for_this_system(), true).await
    }

    /// Starts a server with fresh data whose connections are held to `limits` (short timeouts
    /// and small caps, for the stories about them).
    pub async fn spawn_within(limits: gestdesk::server::Limits) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        Self::spawn_in_within(dir, limits).await
    }

    async fn spawn_in_within(dir: TempDir, limits: gestdesk::server::Limits) -> TestApp {
        Self::spawn_configured(dir, limits, false).await
    }

    async fn spawn_configured(
        dir: TempDir,
        limits: gestdesk::server::Limits,
        behind_proxy: bool,
    ) -> TestApp {
        let config = Config::new("127.0.0.1:0", Some(dir.path().to_owned()))
            .expect("config")
            .with_proxy(behind_proxy);
        let app = App::open(config).expect("open app");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let server = ServerHandle::spawn_within(app.clone(), listener, limits).expect("serve");
        TestApp {
            base: format!("http://{}", server.addr()),
            app,
            server: Some(server),
            dir,
        }
    }

    /// A started instance whose first administrator already exists (created through the
    /// set-up page) and a client logged in as them.
    pub async fn with_admin() -> (TestApp, Client) {
        let app = TestApp::spawn().await;
        let client = app.client();
        client.create_first_admin(&app).await;
        (app, client)
    }

    /// A new browser-like client (no cookies yet, English pages).
    pub fn client(&self) -> Client {
        Client::new(&self.base, "en")
    }

    /// A new client asking for pages in `lang`.
    pub fn client_in(&self, lang: &str) -> Client {
        Client::new(&self.base, lang)
    }

    /// The full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The port the server listens on.
    pub fn port(&self) -> u16 {
        self.base
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .expect("a port in the address")
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        self.dir.path()
    }

    /// The database file.
    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("gestdesk.sqlite3")
    }

    /// A direct connection to the database, to arrange or inspect state.
    pub fn sql(&self) -> rusqlite::Connection {
        let conn = rusqlite::Connection::open(self.db_path()).expect("open db");
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .expect("busy timeout");
        conn
    }

    /// The single number a `SELECT count(*) ...` (or similar) query returns.
    pub fn count(&self, sql: &str) -> i64 {
        self.sql()
            .query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Waits until the outbox has nothing left to send (every mail sent or failed for good), at
    /// most `secs` seconds: what the SMTP server has then is all it will get.
    pub async fn outbox_drained(&self, secs: u64) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
        loop {
            let left =
                self.count("SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')");
            if left == 0 {
                return;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{left} mail(s) still waiting in the outbox"
            );
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    /// Creates an account with `profile` and `password` (through the domain's storage).
    pub async fn create_user(&self, login: &str, password: &str, profile: Profile) {
        let hash = users::password::hash(password.to_owned())
            .await
            .expect("hash");
        let login = login.to_owned();
        self.app
            .db()
            .write(move |tx| {
                users::repo::insert(
                    tx,
                    &NewUserRow {
                        login: &login,
                        firstname: "Test",
                        lastname: &login,
                        mail: "",
                        profile,
                        password_hash: &hash,
                        language: None,
                        must_change_password: false,
                    },
                )
                .map_err(gestdesk::domain::DomainError::from)
            })
            .await
            .expect("insert user");
    }

    /// A client logged in as a new account `login` with `profile` (password "password-of-<login>").
    pub async fn login_as(&self, login: &str, profile: Profile) -> Client {
        let password = format!("password-of-{login}");
        self.create_user(login, &password, profile).await;
        let client = self.client();
        let reply = client.login(login, &password).await;
        assert_eq!(
            reply.status,
            reqwest::StatusCode::SEE_OTHER,
            "login of {login}: {}",
            reply.body
        );
        client
    }

    /// Stores a setting directly (as if saved from the settings page).
    pub fn set_setting(&self, key: &str, value: &str) {
        self.sql()
            .execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, 0)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .expect("setting");
    }

    /// Grants or revokes a right for a profile directly in the matrix.
    pub fn set_right(&self, profile: Profile, right: &str, granted: bool) {
        let sql = if granted {
            "INSERT OR IGNORE INTO profile_rights (profile_id, right_name) VALUES (?1, ?2)"
        } else {
            "DELETE FROM profile_rights WHERE profile_id = ?1 AND right_name = ?2"
        };
        self.sql()
            .execute(sql, rusqlite::params![profile.id(), right])
            .expect("right");
    }

    /// The id of the account with `login`.
    pub fn user_id(&self, login: &str) -> i64 {
        self.sql()
            .query_row("SELECT id FROM users WHERE login = ?1", [login], |r| {
                r.get(0)
            })
            .unwrap_or_else(|e| panic!("no user {login}: {e}"))
    }

    /// A single text value from the database.
    pub fn text(&self, sql: &str) -> String {
        self.sql()
            .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
            .unwrap_or_default()
    }

    /// Stops the server gracefully and starts it again on the same data directory (a new port).
    pub async fn restart(mut self) -> TestApp {
        if let Some(server) = self.server.take() {
            server.shutdown().await.expect("clean shutdown");
        }
        let TestApp { dir, .. } = self;
        Self::spawn_in(dir).await
    }

    /// Stops the server gracefully and hands over its data directory (see [`TestApp::resume`]).
    pub async fn pause(mut self) -> TempDir {
        if let Some(server) = self.server.take() {
            server.shutdown().await.expect("clean shutdown");
        }
        let TestApp { dir, .. } = self;
        dir
    }

    /// Starts a server again on a data directory handed over by [`TestApp::pause`].
    pub async fn resume(dir: TempDir) -> TestApp {
        Self::spawn_in(dir).await
    }

    /// Runs the `gestdesk` binary on this instance's data directory with `args`; returns
    /// whether it succeeded and what it printed (standard output then error).
    pub fn run_command(&self, args: &[&str]) -> (bool, String) {
        run_gestdesk(self.data_dir(), args)
    }

    /// Gives account `login` a mail address and a language.
    pub fn set_mail(&self, login: &str, mail: &str, language: &str) {
        self.sql()
            .execute(
                "UPDATE users SET mail = ?2, language = ?3 WHERE login = ?1",
                [login, mail, language],
            )
            .expect("mail");
    }

    /// Turns the SMTP connector on towards `peer`'s plain port, without encryption or login.
    pub fn use_smtp(&self, peer: &smtp::SmtpPeer) {
        for (k, v) in [
            ("smtp.enabled", "1".to_owned()),
            ("smtp.host", "127.0.0.1".to_owned()),
            ("smtp.port", peer.plain_port.to_string()),
            ("smtp.security", "none".to_owned()),
            ("smtp.from", "helpdesk@example.test".to_owned()),
            ("server_url", "http://help.example.test".to_owned()),
        ] {
            self.set_setting(k, &v);
        }
    }

    /// Stops the server gracefully, and checks that no page rendered so far in this test
    /// process looked up a translation key that does not exist.
    pub async fn stop(mut self) {
        if let Some(server) = self.server.take() {
            server.shutdown().await.expect("clean shutdown");
        }
        let missing = gestdesk::i18n::missing_keys();
        assert!(
            missing.is_empty(),
            "pages used missing translations: {missing:?}"
        );
    }
}

/// Runs the `gestdesk` binary on data directory `dir` with `args` (messages in English);
/// returns whether it succeeded and what it printed (standard output then error).
pub fn run_gestdesk(dir: &Path, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gestdesk"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .expect("run gestdesk");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// A concrete path for a route pattern: `{list}` becomes `list`, ids become `id`, a set-up
/// token and a static hash `0`, a static path `app.css`.
pub fn concrete_route(pattern: &str, id: &str, list: &str) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str(match &rest[start..end] {
            "{list}" => list,
            "{token}" | "{hash}" => "0",
            "{*path}" => "app.css",
            _ => id,
        });
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Starts a test server in the foreground with its output to `log` (a pipe would keep the test
/// waiting), and waits until it accepts connections on loopback port `port`; returns its
/// process id.
pub fn spawn_peer(
    mut command: std::process::Command,
    log: &Path,
    port: u16,
) -> Result<u32, String> {
    use std::process::Stdio;
    let file = std::fs::File::create(log).map_err(|e| e.to_string())?;
    let child = command
        .stdin(Stdio::null())
        .stdout(file.try_clone().map_err(|e| e.to_string())?)
        .stderr(file)
        .spawn()
        .map_err(|e| format!("{command:?}: {e}"))?;
    let started = std::time::Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if started.elapsed() > std::time::Duration::from_secs(10) {
            return Err(format!("{command:?} did not start"));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    Ok(child.id())
}

/// The MD5 of `data` in hexadecimal, by the system's `md5sum` (an implementation independent of
/// Gestdesk's, for GestSup's older password hashes).
pub fn md5_hex(data: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("md5sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("md5sum");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(data.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("md5sum");
    String::from_utf8_lossy(&out.stdout)[..32].to_owned()
}

/// A TCP port free on loopback at the time of asking.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// Where browser screenshots and other test artefacts go.
pub fn artefacts_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("test-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}
