//! A real directory server for the directory stories: a private OpenLDAP
//! (`tests/peers/setup-ldap.sh`) on two free loopback ports (plain with StartTLS, and LDAPS
//! with a self-signed certificate), an Active-Directory look-alike schema and a size limit of
//! 500 entries, started once per test binary. Each story loads its own branch with `ldapadd`
//! (online, so that the memberOf overlay fills memberOf) and changes entries with
//! `ldapmodify`. A story that stops the server has one of its own ([`LdapPeer::private`]).
//! Needs slapd and ldap-utils; without them the stories say so.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// The directory's suffix, its manager and the manager's password.
pub const SUFFIX: &str = "dc=example,dc=test";
pub const ADMIN_DN: &str = "cn=admin,dc=example,dc=test";
pub const ADMIN_PASSWORD: &str = "directory admin secret";
/// The server's size limit: a plain search returns at most this many entries.
pub const SIZE_LIMIT: usize = 500;

/// The running server.
pub struct LdapPeer {
    pub plain_port: u16,
    pub tls_port: u16,
    pub dir: PathBuf,
    /// slapd's process id (it changes when the server is started again).
    pid: AtomicU32,
}

impl Drop for LdapPeer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl LdapPeer {
    /// The server of this test binary, started at the first call; none, with the reason
    /// printed, where it cannot run.
    pub fn get() -> Option<&'static LdapPeer> {
        static PEER: OnceLock<Result<LdapPeer, String>> = OnceLock::new();
        match PEER.get_or_init(start) {
            Ok(p) => Some(p),
            Err(why) => {
                eprintln!("SKIPPED, directory story without an LDAP server: {why}");
                None
            }
        }
    }

    /// A server of the calling story's own, which it may stop and start again; none, with the
    /// reason printed, where it cannot run. Stopped and removed when dropped.
    pub fn private() -> Option<LdapPeer> {
        match start() {
            Ok(p) => Some(p),
            Err(why) => {
                eprintln!("SKIPPED, directory story without an LDAP server: {why}");
                None
            }
        }
    }

    /// Stops the server (as an outage would) and waits until its port refuses connections.
    pub fn stop(&self) {
        let pid = self.pid.load(Ordering::SeqCst);
        let _ = Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status();
        let started = std::time::Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", self.plain_port)).is_ok()
            && started.elapsed() < std::time::Duration::from_secs(10)
        {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Starts the stopped server again, with its data.
    pub fn resume(&self) {
        let pid = launch(&self.dir, self.plain_port, self.tls_port).expect("slapd again");
        self.pid.store(pid, Ordering::SeqCst);
    }

    fn tool(&self, tool: &str, input: &str) {
        let mut child = Command::new(tool)
            .args(["-x", "-H"])
            .arg(format!("ldap://127.0.0.1:{}", self.plain_port))
            .args(["-D", ADMIN_DN, "-w", ADMIN_PASSWORD])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{tool}: {e}"));
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

    /// Adds the entries of `ldif`.
    pub fn add(&self, ldif: &str) {
        self.tool("ldapadd", ldif);
    }

    /// Applies the changes of `ldif` (`changetype: modify` ...).
    pub fn modify(&self, ldif: &str) {
        self.tool("ldapmodify", ldif);
    }

    /// Removes the entries `dns`.
    pub fn delete(&self, dns: &[&str]) {
        self.tool("ldapdelete", &(dns.join("\n") + "\n"));
    }

    /// Points `app`'s directory connector at this server (plain LDAP), with the user branches
    /// `branches` (`ou` names) and the service and agency group branches (empty: none).
    pub fn configure(
        &self,
        app: &super::TestApp,
        branches: &[&str],
        services: &str,
        agencies: &str,
    ) {
        let dn = |ou: &str| {
            if ou.is_empty() {
                String::new()
            } else {
                format!("ou={ou},{SUFFIX}")
            }
        };
        let branches: Vec<String> = branches.iter().map(|b| dn(b)).collect();
        for (k, v) in [
            ("ldap.enabled", "1".to_owned()),
            ("ldap.type", "ad".to_owned()),
            ("ldap.host", "127.0.0.1".to_owned()),
            ("ldap.port", self.plain_port.to_string()),
            ("ldap.security", "none".to_owned()),
            ("ldap.user_branches", branches.join(";")),
            ("ldap.bind_dn", ADMIN_DN.to_owned()),
            ("ldap.password", ADMIN_PASSWORD.to_owned()),
            ("ldap.service_groups", dn(services)),
            ("ldap.agency_groups", dn(agencies)),
        ] {
            app.set_setting(k, &v);
        }
    }
}

/// The DN of user `login` of branch `ou`.
pub fn user_dn(ou: &str, login: &str) -> String {
    format!("uid={login},ou={ou},{SUFFIX}")
}

/// A user entry like [`user`], with more attribute lines (`department: IT\n` ...).
pub fn user_with(
    ou: &str,
    login: &str,
    first: &str,
    last: &str,
    password: &str,
    more: &str,
) -> String {
    let mut entry = user(ou, login, first, last, password);
    entry.truncate(entry.len() - 1);
    entry + more + "\n"
}

/// An Active-Directory-like group `cn` in branch `ou` with members `members` (DNs).
pub fn group(ou: &str, cn: &str, members: &[String]) -> String {
    let mut g = format!("dn: cn={cn},ou={ou},{SUFFIX}\nobjectClass: group\ncn: {cn}\n");
    for m in members {
        g.push_str(&format!("member: {m}\n"));
    }
    g + "\n"
}

/// An organizational unit `ou` under the suffix, as LDIF.
pub fn branch(ou: &str) -> String {
    format!("dn: ou={ou},{SUFFIX}\nobjectClass: organizationalUnit\nou: {ou}\n\n")
}

/// A user entry in branch `ou`, AD-like, as LDIF.
pub fn user(ou: &str, login: &str, first: &str, last: &str, password: &str) -> String {
    format!(
        "dn: uid={login},ou={ou},{SUFFIX}\nobjectClass: inetOrgPerson\nobjectClass: user\n\
         uid: {login}\ncn: {first} {last}\nsn: {last}\ngivenName: {first}\n\
         mail: {login}@example.test\nsAMAccountName: {login}\nuserAccountControl: 512\n\
         userPassword: {password}\n\n"
    )
}

/// Runs slapd on the configuration in `dir`; returns its process id.
fn launch(dir: &Path, plain_port: u16, tls_port: u16) -> Result<u32, String> {
    let mut slapd = Command::new("slapd");
    slapd
        .arg("-F")
        .arg(dir.join("slapd.d"))
        .arg("-h")
        .arg(format!(
            "ldap://127.0.0.1:{plain_port}/ ldaps://127.0.0.1:{tls_port}/"
        ))
        .args(["-d", "0"]);
    super::spawn_peer(slapd, &dir.join("slapd.log"), plain_port)
}

fn start() -> Result<LdapPeer, String> {
    if Command::new("slapd").arg("-VV").output().is_err() {
        return Err("slapd is not installed (installer/install-test-deps.sh)".to_owned());
    }
    let (plain_port, tls_port) = (super::free_port(), super::free_port());
    let dir = PathBuf::from(format!("/tmp/gd-ldap-{plain_port}"));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/peers/setup-ldap.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg(&dir)
        .arg(plain_port.to_string())
        .arg(tls_port.to_string())
        .arg(ADMIN_PASSWORD)
        .arg(SIZE_LIMIT.to_string())
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let pid = launch(&dir, plain_port, tls_port)?;
    let peer = LdapPeer {
        plain_port,
        tls_port,
        dir,
        pid: AtomicU32::new(pid),
    };
    peer.add(&format!(
        "dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n"
    ));
    Ok(peer)
}
