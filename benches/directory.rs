//! Directory benchmark, against a private OpenLDAP on loopback (`tests/peers/setup-ldap.sh`,
//! an Active-Directory look-alike schema, a size limit of 500). Needs slapd and ldap-utils,
//! like the stories; it says so and stops otherwise.
//!
//!     cargo bench --bench directory
//!
//! On `gestdesk demo --tickets 100000`, with 5,000 directory users in two branches (a service
//! attribute among 20 values, a company among 5), 10 service groups and 3 agency groups, it
//! measures:
//! 1. `gestdesk ldap sync`, the whole command (start, every entry read page by page, the
//!    changes worked out and made in one transaction), first run: target under 10 s;
//! 2. the same after 100 changes in the directory (60 mails, 20 accounts disabled, 20 group
//!    memberships): target under 3 s;
//! 3. a directory user's login through the login page (the service account's search, the
//!    user's bind, the session), median of 50, against the directory's own connect-and-bind
//!    time measured alone: target under 50 ms apart from it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::{BIN, demo, ms, percentile, stop, verdict};

const SUFFIX: &str = "dc=example,dc=test";
const ADMIN_DN: &str = "cn=admin,dc=example,dc=test";
const ADMIN_PASSWORD: &str = "directory admin secret";
const USERS: usize = 5_000;

/// A private slapd: its folder, its plain port, and its process.
struct Slapd {
    dir: PathBuf,
    port: u16,
    child: Child,
}

impl Drop for Slapd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn slapd() -> Slapd {
    let (port, tls) = (common::free_port(), common::free_port());
    let dir = PathBuf::from(format!("/tmp/gd-ldap-bench-{port}"));
    std::fs::create_dir_all(&dir).expect("dir");
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash")
        .arg(format!("{root}/tests/peers/setup-ldap.sh"))
        .arg(&dir)
        .arg(port.to_string())
        .arg(tls.to_string())
        .arg(ADMIN_PASSWORD)
        .arg("500")
        .output()
        .expect("setup-ldap");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let child = Command::new("slapd")
        .arg("-F")
        .arg(dir.join("slapd.d"))
        .arg("-h")
        .arg(format!("ldap://127.0.0.1:{port}/"))
        .args(["-d", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("slapd");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "slapd did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Slapd { dir, port, child }
}

fn tool(s: &Slapd, tool: &str, input: &str) {
    let mut child = Command::new(tool)
        .args(["-x", "-H", &format!("ldap://127.0.0.1:{}", s.port)])
        .args(["-D", ADMIN_DN, "-w", ADMIN_PASSWORD])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect(tool);
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("output");
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn user_dn(n: usize) -> String {
    let ou = if n < USERS * 3 / 5 { "Staff" } else { "Field" };
    format!("uid=u{n:05},ou={ou},{SUFFIX}")
}

fn directory(s: &Slapd) {
    let mut ldif = format!(
        "dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n"
    );
    for ou in ["Staff", "Field", "Services", "Agencies"] {
        ldif += &format!("dn: ou={ou},{SUFFIX}\nobjectClass: organizationalUnit\nou: {ou}\n\n");
    }
    for n in 0..USERS {
        ldif += &format!(
            "dn: {}\nobjectClass: inetOrgPerson\nobjectClass: user\nuid: u{n:05}\ncn: User {n}\n\
             sn: Number{n}\ngivenName: User\nmail: u{n:05}@example.test\nsAMAccountName: u{n:05}\n\
             userAccountControl: 512\ntelephoneNumber: +33 1 00 00 {n:05}\ndepartment: Department {}\n\
             company: Company {}\ntitle: Employee\nuserPassword: password {n}\n\n",
            user_dn(n),
            n % 20,
            n % 5
        );
    }
    for g in 0..10 {
        ldif += &format!(
            "dn: cn=Service {g},ou=Services,{SUFFIX}\nobjectClass: group\ncn: Service {g}\n"
        );
        for n in (g..USERS).step_by(10) {
            ldif += &format!("member: {}\n", user_dn(n));
        }
        ldif += "\n";
    }
    for a in 0..3 {
        ldif += &format!(
            "dn: cn=Agency {a},ou=Agencies,{SUFFIX}\nobjectClass: group\ncn: Agency {a}\n"
        );
        for n in (a..USERS).step_by(3) {
            ldif += &format!("member: {}\n", user_dn(n));
        }
        ldif += "\n";
    }
    tool(s, "ldapadd", &ldif);
}

/// 100 changes: 60 mails, 20 accounts disabled, 20 members leaving a service group.
fn hundred_changes(s: &Slapd) {
    let mut ldif = String::new();
    for n in 0..60 {
        ldif += &format!(
            "dn: {}\nchangetype: modify\nreplace: mail\nmail: changed.u{n:05}@example.test\n\n",
            user_dn(n * 7)
        );
    }
    for n in 0..20 {
        ldif += &format!(
            "dn: {}\nchangetype: modify\nreplace: userAccountControl\nuserAccountControl: 514\n\n",
            user_dn(1000 + n * 11)
        );
    }
    for n in 0..20 {
        // Members of "Service 3" are the users whose number ends in 3.
        ldif += &format!(
            "dn: cn=Service 3,ou=Services,{SUFFIX}\nchangetype: modify\ndelete: member\nmember: {}\n\n",
            user_dn(3 + n * 10)
        );
    }
    tool(s, "ldapmodify", &ldif);
}

fn configure(dir: &Path, port: u16) {
    let db = rusqlite::Connection::open(dir.join("gestdesk.sqlite3")).expect("db");
    for (k, v) in [
        ("ldap.enabled", "1".to_owned()),
        ("ldap.type", "ad".to_owned()),
        ("ldap.host", "127.0.0.1".to_owned()),
        ("ldap.port", port.to_string()),
        ("ldap.security", "none".to_owned()),
        (
            "ldap.user_branches",
            format!("ou=Staff,{SUFFIX};ou=Field,{SUFFIX}"),
        ),
        ("ldap.bind_dn", ADMIN_DN.to_owned()),
        ("ldap.password", ADMIN_PASSWORD.to_owned()),
        ("ldap.service_groups", format!("ou=Services,{SUFFIX}")),
        ("ldap.agency_groups", format!("ou=Agencies,{SUFFIX}")),
    ] {
        db.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, 0)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [k, &v],
        )
        .expect("setting");
    }
}

fn sync(dir: &Path) -> (Duration, String) {
    let mut command = Command::new(BIN);
    command.args(["ldap", "sync"]).env("GESTDESK_DATA_DIR", dir);
    common::run_timed(command)
}

fn main() {
    if Command::new("slapd").arg("-VV").output().is_err() {
        println!("directory benchmark: needs slapd and ldap-utils; nothing measured");
        return;
    }
    let s = slapd();
    let loading = Instant::now();
    directory(&s);
    println!(
        "directory loaded: {USERS} users, 13 groups in {:.1} s",
        loading.elapsed().as_secs_f64()
    );
    let dir = tempfile::tempdir().expect("dir");
    demo(dir.path(), 100_000, 1_000);
    configure(dir.path(), s.port);

    // 1. First synchronisation.
    let (took, text) = sync(dir.path());
    assert!(
        text.contains(&format!("read: {USERS} · created: {USERS} ·")),
        "{text}"
    );
    println!(
        "gestdesk ldap sync, first run ({USERS} accounts, 30 services, 5 companies, 3 agencies created): {:.2} s (target < 10 s): {}",
        took.as_secs_f64(),
        verdict(took < Duration::from_secs(10))
    );

    // 2. A hundred changes.
    hundred_changes(&s);
    let (took, text) = sync(dir.path());
    assert!(text.contains("updated: 60 · disabled: 20 ·"), "{text}");
    assert!(text.contains("removed: 20 ·"), "{text}");
    println!(
        "gestdesk ldap sync after 100 changes: {:.2} s (target < 3 s): {}",
        took.as_secs_f64(),
        verdict(took < Duration::from_secs(3))
    );

    // 3. Directory logins through the page, against the directory's own bind.
    let (mut server, base) = common::serve_anywhere(dir.path());
    let rt = common::runtime();
    let (logins, binds) = rt.block_on(async {
        let cfg = gestdesk::directory::LdapConfig {
            host: "127.0.0.1".to_owned(),
            port: s.port,
            security: gestdesk::directory::Security::None,
            accept_invalid_certs: false,
            bind_dn: ADMIN_DN.to_owned(),
            password: ADMIN_PASSWORD.to_owned(),
            timeout: Duration::from_secs(5),
        };
        let mut binds = Vec::new();
        for n in 0..50 {
            let t = Instant::now();
            let ok = gestdesk::directory::check_password(
                &cfg,
                &user_dn(2000 + n),
                &format!("password {}", 2000 + n),
            )
            .await
            .expect("bind");
            assert!(ok);
            binds.push(t.elapsed());
        }
        binds.sort();
        // Waits for the server.
        let _ = common::log_in(&base, "u02000", "password 2000", 1).await;
        let mut logins = Vec::new();
        for n in 0..50 {
            let client = reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client");
            let token = common::login_token(&client, &base).await;
            let login = format!("u{:05}", 2100 + n);
            let password = format!("password {}", 2100 + n);
            let t = Instant::now();
            let r = client
                .post(format!("{base}/login"))
                .form(&[
                    ("login", login.as_str()),
                    ("password", &password),
                    ("_csrf", &token),
                ])
                .send()
                .await
                .expect("login");
            assert_eq!(r.status(), 303, "directory login refused");
            logins.push(t.elapsed());
        }
        logins.sort();
        (logins, binds)
    });
    stop(&mut server);
    let (login, bind) = (percentile(&logins, 0.5), percentile(&binds, 0.5));
    println!(
        "directory login through the page: median {:.2} ms (p95 {:.2} ms); the directory's own connect and bind: median {:.2} ms; the login apart from it: {:.2} ms (target < 50 ms): {}",
        ms(login),
        ms(percentile(&logins, 0.95)),
        ms(bind),
        ms(login.saturating_sub(bind)),
        verdict(login.saturating_sub(bind) < Duration::from_millis(50))
    );
}
