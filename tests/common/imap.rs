//! A real IMAP server for the incoming-mail stories: a private Dovecot
//! (`tests/peers/setup-imap.sh`) on two free loopback ports (plain with STARTTLS, and implicit
//! TLS), started once per test binary. Each story gets its own user, and so its own
//! mailbox; mails are dropped in with `doveadm save` and what the server did with them is read
//! back with `doveadm`. Needs root and dovecot-imapd; without them the stories say so.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The running server.
pub struct ImapPeer {
    pub plain_port: u16,
    pub tls_port: u16,
    dir: PathBuf,
}

impl ImapPeer {
    /// The server of this test binary, started at the first call; none, with the reason
    /// printed, where it cannot run.
    pub fn get() -> Option<&'static ImapPeer> {
        static PEER: OnceLock<Result<ImapPeer, String>> = OnceLock::new();
        match PEER.get_or_init(start) {
            Ok(p) => Some(p),
            Err(why) => {
                eprintln!("SKIPPED, incoming-mail story without an IMAP server: {why}");
                None
            }
        }
    }

    fn doveadm(&self, args: &[&str], input: Option<&[u8]>) -> String {
        let conf = self.dir.join("dovecot.conf");
        let mut child = Command::new("doveadm")
            .arg("-c")
            .arg(&conf)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("doveadm");
        if let Some(bytes) = input {
            child
                .stdin
                .take()
                .expect("stdin")
                .write_all(bytes)
                .expect("write");
        } else {
            drop(child.stdin.take());
        }
        let out = child.wait_with_output().expect("doveadm output");
        assert!(
            out.status.success(),
            "doveadm {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A new user with `password` (and so a new, empty mailbox).
    pub fn add_user(&self, login: &str, password: &str) {
        std::fs::write(
            self.dir.join("users").join(login),
            format!("{login}:{{PLAIN}}{password}\n"),
        )
        .expect("user");
    }

    /// Drops `raw` in `login`'s folder `folder`.
    pub fn deliver(&self, login: &str, folder: &str, raw: &[u8]) {
        self.doveadm(&["save", "-u", login, "-m", folder], Some(raw));
    }

    /// Creates folder `folder` in `login`'s mailbox.
    pub fn create_folder(&self, login: &str, folder: &str) {
        self.doveadm(&["mailbox", "create", "-u", login, folder], None);
    }

    /// The flags of each mail in `login`'s `folder`, in order (`\Seen` for a mail read).
    pub fn flags(&self, login: &str, folder: &str) -> Vec<String> {
        self.doveadm(
            &["fetch", "-u", login, "flags", "mailbox", folder, "all"],
            None,
        )
        .lines()
        .filter_map(|l| l.strip_prefix("flags:"))
        .map(|f| f.trim().to_owned())
        .collect()
    }

    /// The server's certificate, PEM.
    pub fn certificate(&self) -> String {
        std::fs::read_to_string(self.dir.join("cert.pem")).expect("certificate")
    }
}

fn start() -> Result<ImapPeer, String> {
    if !rustix::process::geteuid().is_root() {
        return Err("not root: Dovecot runs mail as its own user".to_owned());
    }
    if Command::new("dovecot").arg("--version").output().is_err() {
        return Err("dovecot-imapd is not installed (installer/install-test-deps.sh)".to_owned());
    }
    let (plain_port, tls_port) = (super::free_port(), super::free_port());
    // Short, as Dovecot's sockets live under it; left behind by design (tests/run.sh stops
    // the server, the folder goes with /tmp).
    let dir = PathBuf::from(format!("/tmp/gd-imap-{plain_port}"));
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/peers/setup-imap.sh");
    let out = Command::new("bash")
        .arg(&script)
        .arg(&dir)
        .arg(plain_port.to_string())
        .arg(tls_port.to_string())
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let mut dovecot = Command::new("dovecot");
    dovecot.args(["-F", "-c"]).arg(dir.join("dovecot.conf"));
    super::spawn_peer(dovecot, &dir.join("foreground.log"), plain_port)?;
    Ok(ImapPeer {
        plain_port,
        tls_port,
        dir,
    })
}
