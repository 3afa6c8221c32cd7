//! The SMTP connector: its configuration (plain values, see [`crate::mail_settings`]), a pooled lettre transport, sending
//! one outbox mail, and failures sorted into what an administrator can act on (name lookup,
//! refused connection, TLS, authentication, a refusal for good, a temporary refusal).

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::transport::smtp::{PoolConfig, response::Response};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::i18n::{Msg, msg};

/// How long one SMTP conversation step may take.
const TIMEOUT: Duration = Duration::from_secs(20);

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    None,
    StartTls,
    Tls,
}

/// The connector's settings. `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct SmtpConfig {
    pub enabled: bool,
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub accept_invalid_certs: bool,
    /// Login and password, when the server wants them.
    pub auth: Option<(String, String)>,
    /// The fixed sender; empty means the address of whoever caused the mail.
    pub from: String,
    pub from_name: String,
    /// An address copied on every mail.
    pub cc: String,
}

impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("enabled", &self.enabled)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("accept_invalid_certs", &self.accept_invalid_certs)
            .field("auth", &self.auth.as_ref().map(|(user, _)| user))
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

/// Why a mail could not be sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    #[error("the SMTP connector is off")]
    Disabled,
    #[error("no SMTP server is set")]
    NoServer,
    #[error("no sender address")]
    NoSender,
    #[error("bad address: {0}")]
    BadAddress(String),
    #[error("cannot find the server {host}: {detail}")]
    Dns { host: String, detail: String },
    #[error("connection to {host}:{port} failed: {detail}")]
    Connect {
        host: String,
        port: u16,
        detail: String,
    },
    #[error("TLS failed: {0}")]
    Tls(String),
    #[error("authentication refused: {0}")]
    Auth(String),
    #[error("refused: {0}")]
    Permanent(String),
    #[error("temporarily refused: {0}")]
    Transient(String),
    #[error("{0}")]
    Other(String),
}

impl SendError {
    /// Whether trying again later cannot help (the server refused this mail for good, or the
    /// mail itself is wrong).
    pub fn is_permanent(&self) -> bool {
        matches!(self, SendError::Permanent(_) | SendError::BadAddress(_))
    }

    /// What to tell an administrator, in their language.
    pub fn message(&self) -> Msg {
        match self {
            SendError::Disabled => msg("smtp-error-disabled"),
            SendError::NoServer => msg("smtp-error-no-server"),
            SendError::NoSender => msg("smtp-error-no-sender"),
            SendError::BadAddress(a) => msg("smtp-error-bad-address").arg("detail", a),
            SendError::Dns { host, detail } => msg("smtp-error-dns")
                .arg("host", host)
                .arg("detail", detail),
            SendError::Connect { host, port, detail } => msg("smtp-error-connect")
                .arg("host", host)
                .arg("port", port)
                .arg("detail", detail),
            SendError::Tls(d) => msg("smtp-error-tls").arg("detail", d),
            SendError::Auth(d) => msg("smtp-error-auth").arg("detail", d),
            SendError::Permanent(d) => msg("smtp-error-permanent").arg("detail", d),
            SendError::Transient(d) => msg("smtp-error-transient").arg("detail", d),
            SendError::Other(d) => msg("smtp-error-other").arg("detail", d),
        }
    }
}

/// Sorts a lettre failure.
fn classify(cfg: &SmtpConfig, e: &lettre::transport::smtp::Error) -> SendError {
    let text = e.to_string();
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    let mut io_kind = None;
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            io_kind = Some(io.kind());
        }
        source = s.source();
    }
    if let Some(code) = e.status() {
        let code = code.to_string();
        if matches!(code.as_str(), "530" | "534" | "535" | "538" | "454") && text.contains("uth")
            || matches!(code.as_str(), "535" | "534")
        {
            return SendError::Auth(text);
        }
        return if e.is_permanent() {
            SendError::Permanent(text)
        } else {
            SendError::Transient(text)
        };
    }
    if e.is_tls() || text.contains("InvalidCertificate") || text.contains("certificate") {
        return SendError::Tls(text);
    }
    if text.to_ascii_lowercase().contains("authentication")
        || text.contains("No compatible authentication mechanism")
    {
        return SendError::Auth(text);
    }
    if io_kind.is_some() || text.contains("Connection error") || text.contains("network error") {
        return SendError::Connect {
            host: cfg.host.clone(),
            port: cfg.port,
            detail: text,
        };
    }
    SendError::Other(text)
}

/// Makes the pooled transport for `cfg`.
pub fn transport(cfg: &SmtpConfig) -> Result<AsyncSmtpTransport<Tokio1Executor>, SendError> {
    if !cfg.enabled {
        return Err(SendError::Disabled);
    }
    if cfg.host.is_empty() {
        return Err(SendError::NoServer);
    }
    let tls_params = || {
        TlsParameters::builder(cfg.host.clone())
            .dangerous_accept_invalid_certs(cfg.accept_invalid_certs)
            .dangerous_accept_invalid_hostnames(cfg.accept_invalid_certs)
            .build_rustls()
            .map_err(|e| SendError::Tls(e.to_string()))
    };
    let tls = match cfg.security {
        Security::None => Tls::None,
        Security::StartTls => Tls::Required(tls_params()?),
        Security::Tls => Tls::Wrapper(tls_params()?),
    };
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(cfg.host.as_str())
        .port(cfg.port)
        .tls(tls)
        .timeout(Some(TIMEOUT))
        .pool_config(PoolConfig::new().max_size(8));
    if let Some((user, password)) = &cfg.auth {
        builder = builder
            .credentials(Credentials::new(user.clone(), password.clone()))
            .authentication(vec![Mechanism::Plain, Mechanism::Login]);
    }
    Ok(builder.build())
}

/// A mail ready to go out.
#[derive(Debug, Clone)]
pub struct Outgoing<'a> {
    pub author_addr: &'a str,
    pub to: &'a [String],
    pub cc: &'a [String],
    pub subject: &'a str,
    pub html: &'a str,
    pub text: &'a str,
    /// The local part of the Message-ID.
    pub message_id: &'a str,
    /// An iCalendar text attached as `invitation.ics` (empty: none).
    pub calendar: &'a str,
}

fn mailbox(address: &str, name: Option<&str>) -> Result<Mailbox, SendError> {
    let address = address
        .parse::<lettre::Address>()
        .map_err(|_| SendError::BadAddress(address.chars().take(80).collect()))?;
    Ok(Mailbox::new(name.map(str::to_owned), address))
}

/// Headers are one line each: control characters become spaces (lettre encodes the rest).
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Builds the MIME message: the sender per the settings, the copy address added, a
/// multipart/alternative body with the plain text first.
pub fn build(cfg: &SmtpConfig, mail: &Outgoing<'_>) -> Result<Message, SendError> {
    let sender = if cfg.from.is_empty() {
        mail.author_addr
    } else {
        cfg.from.as_str()
    };
    if sender.is_empty() {
        return Err(SendError::NoSender);
    }
    let from = mailbox(sender, Some(&one_line(&cfg.from_name)))?;
    let domain = sender.rsplit('@').next().unwrap_or("gestdesk.invalid");
    let subject = one_line(mail.subject);
    let mut builder = Message::builder()
        .from(from)
        .subject(subject)
        .message_id(Some(format!("<{}@{domain}>", mail.message_id)));
    for to in mail.to {
        builder = builder.to(mailbox(to, None)?);
    }
    let mut copies: Vec<&str> = mail.cc.iter().map(String::as_str).collect();
    if !cfg.cc.is_empty() && !copies.iter().any(|c| c.eq_ignore_ascii_case(&cfg.cc)) {
        copies.push(&cfg.cc);
    }
    for cc in copies {
        builder = builder.cc(mailbox(cc, None)?);
    }
    let body = MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(mail.text.to_owned()),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(mail.html.to_owned()),
        );
    let body = if mail.calendar.is_empty() {
        body
    } else {
        let kind = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
            .map_err(|e| SendError::BadAddress(e.to_string()))?;
        MultiPart::mixed().multipart(body).singlepart(
            Attachment::new("invitation.ics".to_owned()).body(mail.calendar.to_owned(), kind),
        )
    };
    builder
        .multipart(body)
        .map_err(|e| SendError::BadAddress(e.to_string()))
}

/// The server's answer as one line, e.g. `250 2.0.0 Ok: queued as 12AB`.
pub fn answer(response: &Response) -> String {
    let lines: Vec<&str> = response.message().collect();
    format!("{} {}", response.code(), lines.join(" "))
        .trim()
        .to_owned()
}

/// Sends one mail through `transport`.
pub async fn send(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    cfg: &SmtpConfig,
    mail: &Outgoing<'_>,
) -> Result<String, SendError> {
    let message = build(cfg, mail)?;
    match transport.send(message).await {
        Ok(response) => Ok(answer(&response)),
        Err(e) => Err(classify(cfg, &e)),
    }
}

/// Checks that the server's name resolves, so that a typo is reported as such.
pub async fn resolve(cfg: &SmtpConfig) -> Result<(), SendError> {
    match tokio::net::lookup_host((cfg.host.as_str(), cfg.port)).await {
        Ok(addrs) => {
            if addrs.count() > 0 {
                Ok(())
            } else {
                Err(SendError::Dns {
                    host: cfg.host.clone(),
                    detail: "no address".to_owned(),
                })
            }
        }
        Err(e) => Err(SendError::Dns {
            host: cfg.host.clone(),
            detail: e.to_string(),
        }),
    }
}

/// Sends one mail on a fresh connection, looking the server's name up first: the test button
/// and `gestdesk mail-test --now`.
pub async fn send_now(cfg: &SmtpConfig, mail: &Outgoing<'_>) -> Result<String, SendError> {
    let transport = transport(cfg)?;
    resolve(cfg).await?;
    send(&transport, cfg, mail).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> SmtpConfig {
        SmtpConfig {
            enabled: true,
            host: "smtp.example.test".into(),
            port: 587,
            security: Security::StartTls,
            accept_invalid_certs: false,
            auth: Some(("helpdesk".into(), "hunter2".into())),
            from: String::new(),
            from_name: "Support\r\nBcc: all@evil.test".into(),
            cc: "copy@example.test".into(),
        }
    }

    #[test]
    fn the_password_never_shows_in_debug_output() {
        let shown = format!("{:?}", config());
        assert!(
            shown.contains("helpdesk") && !shown.contains("hunter2"),
            "{shown}"
        );
    }

    #[test]
    fn headers_stay_single_lines_and_the_copy_is_added() {
        let to = vec!["ana@example.test".to_owned()];
        let mail = Outgoing {
            author_addr: "tech@example.test",
            to: &to,
            cc: &[],
            subject: "[#5] Hello\r\nBcc: all@evil.test",
            html: "<p>hi</p>",
            text: "hi",
            message_id: "gestdesk.5.abc",
            calendar: "",
        };
        let raw =
            String::from_utf8(build(&config(), &mail).expect("builds").formatted()).expect("utf-8");
        assert!(!raw.contains("\r\nBcc:"), "{raw}");
        assert!(raw.contains("Cc: copy@example.test"), "{raw}");
        assert!(
            raw.contains("Message-ID: <gestdesk.5.abc@example.test>"),
            "{raw}"
        );
        assert!(raw.contains("multipart/alternative"), "{raw}");
    }

    #[test]
    fn a_mail_without_any_sender_is_refused() {
        let to = vec!["ana@example.test".to_owned()];
        let mail = Outgoing {
            author_addr: "",
            to: &to,
            cc: &[],
            subject: "s",
            html: "",
            text: "",
            message_id: "m",
            calendar: "",
        };
        assert_eq!(build(&config(), &mail).err(), Some(SendError::NoSender));
    }
}
