//! A real SMTP server for mail stories: `tests/peers/smtp_server.py` (aiosmtpd) on two free
//! loopback ports, plain with STARTTLS and AUTH, and implicit TLS, with a self-signed
//! certificate made by openssl. It writes every mail it accepts to a Maildir, which
//! [`SmtpPeer::received`] reads back and decodes. Stopped when dropped; it can be stopped and
//! started again on the same ports and Maildir to play an outage.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// The login and password the server accepts.
pub const USER: &str = "helpdesk";
pub const PASSWORD: &str = "s3cret pass";

/// A mail as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    /// The envelope's recipients.
    pub rcpt: Vec<String>,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The login the sender authenticated with, or "no".
    pub authenticated: String,
    pub tls: bool,
    pub message_id: String,
    /// The attachments: file name, MIME type (`text/calendar`), and the text of text ones.
    pub attachments: Vec<(String, String, String)>,
    pub raw: String,
}

/// The running server.
pub struct SmtpPeer {
    pub plain_port: u16,
    pub tls_port: u16,
    dir: TempDir,
    child: Option<Child>,
}

fn python() -> &'static str {
    // Debian's interpreter, where python3-aiosmtpd is installed.
    "/usr/bin/python3"
}

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/peers/smtp_server.py")
}

impl SmtpPeer {
    /// Starts a server with a fresh Maildir and certificate.
    pub fn start() -> SmtpPeer {
        let dir = tempfile::tempdir().expect("smtp dir");
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(dir.path().join("maildir").join(sub)).expect("maildir");
        }
        let made = Command::new("openssl")
            .args([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
            ])
            .arg("-keyout")
            .arg(dir.path().join("key.pem"))
            .arg("-out")
            .arg(dir.path().join("cert.pem"))
            .args([
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("openssl is needed: run installer/install-test-deps.sh");
        assert!(made.success(), "openssl could not make a certificate");
        let mut peer = SmtpPeer {
            plain_port: super::free_port(),
            tls_port: super::free_port(),
            dir,
            child: None,
        };
        peer.resume();
        peer
    }

    fn maildir(&self) -> PathBuf {
        self.dir.path().join("maildir")
    }

    /// Starts the server again (after [`SmtpPeer::stop`]) on the same ports and Maildir.
    pub fn resume(&mut self) {
        assert!(
            Path::new(python()).exists(),
            "python3-aiosmtpd is needed: run installer/install-test-deps.sh"
        );
        let log = self.dir.path().join("smtp.log");
        let out = std::fs::File::create(&log).expect("log");
        let child = Command::new(python())
            .arg(script())
            .env("MAILDIR", self.maildir())
            .env("CERT", self.dir.path().join("cert.pem"))
            .env("KEY", self.dir.path().join("key.pem"))
            .env("SMTP_USER", USER)
            .env("SMTP_PASS", PASSWORD)
            .env("PLAIN_PORT", self.plain_port.to_string())
            .env("TLS_PORT", self.tls_port.to_string())
            .stdout(out.try_clone().expect("log"))
            .stderr(out)
            .spawn()
            .expect("start the SMTP server");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = std::fs::read_to_string(&log).unwrap_or_default();
            if text.contains("ready") {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "SMTP server did not start: {text}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server (its port then refuses connections).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill").arg(child.id().to_string()).status();
            let _ = child.wait();
        }
    }

    /// Every mail received so far, oldest first.
    pub fn received(&self) -> Vec<Received> {
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
        for sub in ["new", "cur"] {
            let Ok(entries) = std::fs::read_dir(self.maildir().join(sub)) else {
                continue;
            };
            for e in entries.flatten() {
                let modified = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                files.push((modified, e.path()));
            }
        }
        files.sort();
        files.iter().map(|(_, p)| parse(p)).collect()
    }

    /// Waits until `n` mails were received and returns them all. The wait ends as soon as
    /// they are there; `secs` is how long it may take at most, never less than 30 s, so that a
    /// machine busy with the whole suite does not fail a story that is only slow.
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(secs.max(30));
        loop {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "expected {n} mail(s), got {}: {:?}",
                got.len(),
                got.iter().map(|m| &m.subject).collect::<Vec<_>>()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until `n` mails whose subject holds `subject` were received (at most 30 s) and
    /// returns those.
    pub async fn wait_for_subject(&self, subject: &str, n: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let got: Vec<Received> = self
                .received()
                .into_iter()
                .filter(|m| m.subject.contains(subject))
                .collect();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "expected {n} mail(s) about {subject:?}, got {}",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for SmtpPeer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn addresses(a: Option<&mail_parser::Address<'_>>) -> Vec<String> {
    a.map(|a| {
        a.iter()
            .filter_map(|x| x.address().map(str::to_owned))
            .collect()
    })
    .unwrap_or_default()
}

fn parse(path: &Path) -> Received {
    let raw = std::fs::read(path).expect("read mail");
    let message = mail_parser::MessageParser::default()
        .parse(&raw)
        .expect("a mail");
    let header = |name: &str| {
        message
            .header_raw(name)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    Received {
        from: addresses(message.from()).join(","),
        rcpt: header("X-RcptTo")
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect(),
        to: addresses(message.to()),
        cc: addresses(message.cc()),
        subject: message.subject().unwrap_or_default().to_owned(),
        text: message
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default(),
        html: message
            .body_html(0)
            .map(|t| t.into_owned())
            .unwrap_or_default(),
        authenticated: header("X-Authenticated"),
        tls: header("X-Tls") == "yes",
        message_id: message.message_id().unwrap_or_default().to_owned(),
        attachments: message
            .attachments()
            .map(|a| {
                use mail_parser::MimeHeaders;
                let kind = a
                    .content_type()
                    .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or_default()))
                    .unwrap_or_default();
                (
                    a.attachment_name().unwrap_or_default().to_owned(),
                    kind,
                    a.text_contents()
                        .map(str::to_owned)
                        .unwrap_or_else(|| String::from_utf8_lossy(a.contents()).into_owned()),
                )
            })
            .collect(),
        raw: String::from_utf8_lossy(&raw).into_owned(),
    }
}
