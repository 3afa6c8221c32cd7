//! The IMAP side of the mail adapter: a session with a mailbox server (plain, STARTTLS or
//! implicit TLS, over the rustls lettre already brings), and what the incoming-mail connector
//! asks of it: how many mails wait in a folder, their raw bytes (read without marking them),
//! and what to do with one once handled (mark it read, move it, delete it). It takes plain
//! configuration values and never imports the domain; its errors say which step failed, so
//! that pages can say it in the user's language.

use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use async_imap::{Client, Session};
use futures_util::TryStreamExt;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::pki_types::ServerName;

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    None,
    StartTls,
    Tls,
}

/// One mailbox as the connector reaches it.
#[derive(Clone)]
pub struct ImapConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub login: String,
    pub password: String,
    pub folder: String,
    /// Accept the server's certificate whatever it is (a self-signed one on the LAN).
    pub accept_invalid_certs: bool,
    /// How long each step (connecting, each command) may take.
    pub timeout: Duration,
}

impl fmt::Debug for ImapConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImapConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("login", &self.login)
            .field("password", &"***")
            .field("folder", &self.folder)
            .field("accept_invalid_certs", &self.accept_invalid_certs)
            .finish()
    }
}

/// Which step failed.
#[derive(Debug, thiserror::Error)]
pub enum ImapError {
    #[error("the server name was not found: {0}")]
    NameNotFound(String),
    #[error("the server refused the connection: {0}")]
    Refused(String),
    #[error("no answer in time")]
    Timeout,
    #[error("secure connection failed: {0}")]
    Tls(String),
    #[error("the login was refused: {0}")]
    LoginRefused(String),
    #[error("no such folder: {0}")]
    NoSuchFolder(String),
    #[error("the server answered unexpectedly: {0}")]
    Protocol(String),
}

impl From<async_imap::error::Error> for ImapError {
    fn from(e: async_imap::error::Error) -> Self {
        ImapError::Protocol(e.to_string())
    }
}

/// A plain or TLS connection, as one stream type for the IMAP client.
#[derive(Debug)]
pub enum Conn {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl AsyncRead for Conn {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_flush(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Conn::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Conn::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

async fn within<T, E>(
    limit: Duration,
    step: impl Future<Output = Result<T, E>>,
    or: impl FnOnce(E) -> ImapError,
) -> Result<T, ImapError> {
    match tokio::time::timeout(limit, step).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(or(e)),
        Err(_) => Err(ImapError::Timeout),
    }
}

fn connect_error(host: &str, e: io::Error) -> ImapError {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => ImapError::Refused(e.to_string()),
        _ if e.to_string().contains("failed to lookup address")
            || e.to_string().contains("Name or service not known") =>
        {
            ImapError::NameNotFound(host.to_owned())
        }
        _ => ImapError::Refused(e.to_string()),
    }
}

async fn tls(cfg: &ImapConfig, tcp: TcpStream) -> Result<Conn, ImapError> {
    let name = ServerName::try_from(cfg.host.clone()).map_err(|e| ImapError::Tls(e.to_string()))?;
    let stream = within(
        cfg.timeout,
        crate::tls_client::connector(cfg.accept_invalid_certs)
            .map_err(|e| ImapError::Tls(e.to_string()))?
            .connect(name, tcp),
        |e| ImapError::Tls(e.to_string()),
    )
    .await?;
    Ok(Conn::Tls(Box::new(stream)))
}

/// A logged-in session.
pub struct Mailbox {
    session: Session<Conn>,
    timeout: Duration,
    /// How many mails the folder holds.
    pub exists: u32,
}

/// Connects, logs in and selects the folder of `cfg`.
pub async fn open(cfg: &ImapConfig) -> Result<Mailbox, ImapError> {
    let tcp = within(
        cfg.timeout,
        TcpStream::connect((cfg.host.as_str(), cfg.port)),
        |e| connect_error(&cfg.host, e),
    )
    .await?;
    let mut client = match cfg.security {
        Security::Tls => Client::new(tls(cfg, tcp).await?),
        Security::None | Security::StartTls => Client::new(Conn::Plain(tcp)),
    };
    within(cfg.timeout, client.read_response(), |e| {
        ImapError::Protocol(e.to_string())
    })
    .await?
    .ok_or_else(|| ImapError::Protocol("no greeting".to_owned()))?;
    if cfg.security == Security::StartTls {
        within(
            cfg.timeout,
            client.run_command_and_check_ok("STARTTLS", None),
            |e| ImapError::Tls(e.to_string()),
        )
        .await?;
        let Conn::Plain(tcp) = client.into_inner() else {
            return Err(ImapError::Tls("already secured".to_owned()));
        };
        client = Client::new(tls(cfg, tcp).await?);
    }
    let mut session = within(
        cfg.timeout,
        client.login(&cfg.login, &cfg.password),
        |(e, _)| ImapError::LoginRefused(e.to_string()),
    )
    .await?;
    let selected = within(cfg.timeout, session.select(&cfg.folder), |e| {
        ImapError::NoSuchFolder(format!("{}: {e}", cfg.folder))
    })
    .await?;
    Ok(Mailbox {
        session,
        timeout: cfg.timeout,
        exists: selected.exists,
    })
}

/// What to do with a mail once handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum After {
    MarkRead,
    MoveTo(String),
    Delete,
}

impl Mailbox {
    /// The UIDs of the mails not yet read, oldest first.
    pub async fn unseen(&mut self) -> Result<Vec<u32>, ImapError> {
        let found = within(self.timeout, self.session.uid_search("UNSEEN"), |e| {
            ImapError::Protocol(e.to_string())
        })
        .await?;
        let mut uids: Vec<u32> = found.into_iter().collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// The raw bytes of mail `uid`, left unread on the server.
    pub async fn raw(&mut self, uid: u32) -> Result<Option<Vec<u8>>, ImapError> {
        self.peek(uid, "BODY.PEEK[]", |f| f.body()).await
    }

    /// One part of mail `uid` (`query`, a `PEEK` so that it stays unread), as `part` picks it
    /// from the answer.
    async fn peek(
        &mut self,
        uid: u32,
        query: &str,
        part: fn(&async_imap::types::Fetch) -> Option<&[u8]>,
    ) -> Result<Option<Vec<u8>>, ImapError> {
        let timeout = self.timeout;
        let fetched = within(
            timeout,
            async {
                let stream = self.session.uid_fetch(uid.to_string(), query).await?;
                stream.try_collect::<Vec<_>>().await
            },
            |e| ImapError::Protocol(e.to_string()),
        )
        .await?;
        Ok(fetched.iter().find_map(|f| part(f).map(<[u8]>::to_vec)))
    }

    /// The size in bytes of each of the mails `uids` (a mail the server does not report is
    /// left out).
    pub async fn sizes(&mut self, uids: &[u32]) -> Result<Vec<(u32, u64)>, ImapError> {
        if uids.is_empty() {
            return Ok(Vec::new());
        }
        let set = uids
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let timeout = self.timeout;
        let fetched = within(
            timeout,
            async {
                let stream = self.session.uid_fetch(&set, "RFC822.SIZE").await?;
                stream.try_collect::<Vec<_>>().await
            },
            |e| ImapError::Protocol(e.to_string()),
        )
        .await?;
        Ok(fetched
            .iter()
            .filter_map(|f| Some((f.uid?, u64::from(f.size?))))
            .collect())
    }

    /// The header of mail `uid` alone, left unread on the server.
    pub async fn header(&mut self, uid: u32) -> Result<Option<Vec<u8>>, ImapError> {
        self.peek(uid, "BODY.PEEK[HEADER]", |f| f.header()).await
    }

    /// Does `after` with mail `uid`.
    pub async fn settle(&mut self, uid: u32, after: &After) -> Result<(), ImapError> {
        let set = uid.to_string();
        let timeout = self.timeout;
        match after {
            After::MarkRead => {
                within(
                    timeout,
                    async {
                        let s = self.session.uid_store(&set, "+FLAGS (\\Seen)").await?;
                        s.try_collect::<Vec<_>>().await
                    },
                    |e| ImapError::Protocol(e.to_string()),
                )
                .await?;
            }
            After::MoveTo(folder) => {
                within(timeout, self.session.uid_mv(&set, folder), |e| {
                    ImapError::NoSuchFolder(format!("{folder}: {e}"))
                })
                .await?;
            }
            After::Delete => {
                within(
                    timeout,
                    async {
                        let s = self.session.uid_store(&set, "+FLAGS (\\Deleted)").await?;
                        s.try_collect::<Vec<_>>().await?;
                        let e = self.session.uid_expunge(&set).await?;
                        e.try_collect::<Vec<_>>().await
                    },
                    |e| ImapError::Protocol(e.to_string()),
                )
                .await?;
            }
        }
        Ok(())
    }

    /// Logs out (a failure to do so politely is of no consequence).
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(self.timeout, self.session.logout()).await;
    }
}
