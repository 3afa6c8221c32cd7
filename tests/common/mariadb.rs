//! A real MariaDB for the GestSup import stories: a private server
//! (`tests/peers/setup-mariadb.sh`) on a free loopback port, started once per test binary.
//! Each story loads a GestSup site into a database of its own as root (over the server's
//! socket), reads it through the account `gestsup`@127.0.0.1, and can dump it with
//! `mysqldump` as GestSup's backup page would. Needs mariadb-server and mariadb-client;
//! without them the stories say so.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The account the stories read GestSup's databases through.
pub const USER: &str = "gestsup";
pub const PASSWORD: &str = "gestsup-pass";

/// The running server.
pub struct MariaDb {
    pub port: u16,
    pub dir: PathBuf,
}

impl MariaDb {
    /// The server of this test binary, started at the first call; none, with the reason
    /// printed, where it cannot run.
    pub fn get() -> Option<&'static MariaDb> {
        static PEER: OnceLock<Result<MariaDb, String>> = OnceLock::new();
        match PEER.get_or_init(start) {
            Ok(p) => Some(p),
            Err(why) => {
                eprintln!("SKIPPED, GestSup database story without MariaDB: {why}");
                None
            }
        }
    }

    fn client(&self) -> Command {
        let mut c = Command::new("mariadb");
        c.arg(format!(
            "--defaults-file={}",
            self.dir.join("my.cnf").display()
        ))
        .arg("-uroot");
        c
    }

    /// Runs `sql` as root (in database `db` when not empty).
    pub fn run(&self, db: &str, sql: &str) {
        let mut c = self.client();
        if !db.is_empty() {
            c.arg(db);
        }
        let mut child = c
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("mariadb");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(sql.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("mariadb");
        assert!(
            out.status.success(),
            "mariadb: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A new database `name` holding the statements of `sql` (a GestSup schema and its rows);
    /// returns its address for the account the stories read through.
    pub fn load(&self, name: &str, sql: &str) -> String {
        self.run(
            "",
            &format!(
                "DROP DATABASE IF EXISTS `{name}`; CREATE DATABASE `{name}` CHARACTER SET utf8mb4;"
            ),
        );
        self.run(name, sql);
        format!("mysql://{USER}:{PASSWORD}@127.0.0.1:{}/{name}", self.port)
    }

    /// A dump of database `name` by `mysqldump` over TCP, written to `to`.
    pub fn dump(&self, name: &str, to: &Path) {
        let out = Command::new("mysqldump")
            .args(["-h127.0.0.1", &format!("-P{}", self.port)])
            .args([&format!("-u{USER}"), &format!("-p{PASSWORD}"), name])
            .output()
            .expect("mysqldump");
        assert!(
            out.status.success(),
            "mysqldump: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::write(to, out.stdout).expect("write the dump");
    }
}

fn start() -> Result<MariaDb, String> {
    if Command::new("mariadbd").arg("--version").output().is_err() {
        return Err("mariadb-server is not installed (installer/install-test-deps.sh)".to_owned());
    }
    let port = super::free_port();
    let dir = PathBuf::from(format!("/tmp/gd-mariadb-{port}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/peers/setup-mariadb.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg(&dir)
        .arg(port.to_string())
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let mut server = Command::new("mariadbd");
    server.arg(format!("--defaults-file={}", dir.join("my.cnf").display()));
    super::spawn_peer(server, &dir.join("log/server.log"), port)?;
    let peer = MariaDb { port, dir };
    peer.run(
        "",
        &format!(
            "CREATE USER IF NOT EXISTS '{USER}'@'127.0.0.1' IDENTIFIED BY '{PASSWORD}';
             GRANT SELECT, LOCK TABLES, SHOW VIEW ON *.* TO '{USER}'@'127.0.0.1';"
        ),
    );
    Ok(peer)
}
