//! The directory adapter: a session with an LDAP server (Active Directory or OpenLDAP; plain,
//! StartTLS or LDAPS, over the rustls already in the tree), and what the directory connector
//! asks of it: bind with the service account, count and read the entries of a branch whatever
//! their number (simple paged results, so that the server's size limit never cuts a list), and
//! check a user's password by binding as them. It takes plain configuration values and never
//! imports the domain; values put in filters go through [`escape`]. Its errors say which step
//! failed, so that pages can say it in the user's language.

use std::collections::HashMap;
use std::fmt;
use std::time::Duration;

use ldap3::adapters::{Adapter, EntriesOnly, PagedResults};
use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, LdapError, Scope, SearchEntry};

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    None,
    StartTls,
    Ldaps,
}

/// One directory server as the connector reaches it.
#[derive(Clone)]
pub struct LdapConfig {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// Accept the server's certificate whatever it is (an explicit choice for a self-signed one).
    pub accept_invalid_certs: bool,
    /// The service account (a DN, or what the server accepts as a bind name).
    pub bind_dn: String,
    pub password: String,
    /// How long connecting and each operation may take.
    pub timeout: Duration,
}

impl fmt::Debug for LdapConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LdapConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("accept_invalid_certs", &self.accept_invalid_certs)
            .field("bind_dn", &self.bind_dn)
            .field("password", &"***")
            .finish_non_exhaustive()
    }
}

/// Which step failed.
#[derive(Debug, thiserror::Error)]
pub enum DirectoryError {
    #[error("the server name was not found: {0}")]
    NameNotFound(String),
    #[error("the server refused the connection: {0}")]
    Refused(String),
    #[error("no answer in time")]
    Timeout,
    #[error("secure connection failed: {0}")]
    Tls(String),
    #[error("the server refused the account or its password")]
    BadCredentials,
    #[error("no such branch: {0}")]
    NoSuchBranch(String),
    #[error("the server answered unexpectedly: {0}")]
    Protocol(String),
}

/// LDAP result codes the connector tells apart.
const INVALID_CREDENTIALS: u32 = 49;
const NO_SUCH_OBJECT: u32 = 32;

fn classify(e: LdapError, branch: Option<&str>) -> DirectoryError {
    match e {
        LdapError::Timeout { .. } => DirectoryError::Timeout,
        LdapError::Rustls { source } => DirectoryError::Tls(source.to_string()),
        LdapError::DNSName { source } => DirectoryError::Tls(source.to_string()),
        LdapError::Io { source } => match source.kind() {
            std::io::ErrorKind::ConnectionRefused => DirectoryError::Refused(source.to_string()),
            std::io::ErrorKind::TimedOut => DirectoryError::Timeout,
            // A TLS handshake that failed (an untrusted certificate, a plain server).
            std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof => {
                DirectoryError::Tls(source.to_string())
            }
            _ => DirectoryError::Protocol(source.to_string()),
        },
        LdapError::LdapResult { result } if result.rc == INVALID_CREDENTIALS => {
            DirectoryError::BadCredentials
        }
        LdapError::LdapResult { result } if result.rc == NO_SUCH_OBJECT => {
            DirectoryError::NoSuchBranch(branch.unwrap_or_default().to_owned())
        }
        other => DirectoryError::Protocol(other.to_string()),
    }
}

/// `value` made safe inside a search filter (RFC 4515: `*`, `(`, `)`, `\` and NUL escaped).
pub fn escape(value: &str) -> String {
    ldap3::ldap_escape(value).into_owned()
}

/// An entry read from the directory: its DN and its attributes, names in lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub dn: String,
    pub attrs: HashMap<String, Vec<String>>,
}

impl Entry {
    /// The first value of `name` (any case), or "".
    pub fn first(&self, name: &str) -> &str {
        self.attrs
            .get(&name.to_ascii_lowercase())
            .and_then(|v| v.first())
            .map_or("", String::as_str)
    }

    /// Every value of `name` (any case).
    pub fn all(&self, name: &str) -> &[String] {
        self.attrs
            .get(&name.to_ascii_lowercase())
            .map_or(&[], Vec::as_slice)
    }
}

/// Binary attributes the connector reads, kept as lower-case hexadecimal text.
const BINARY: &[&str] = &["objectguid", "objectsid"];

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn entry_of(entry: SearchEntry) -> Entry {
    let mut attrs: HashMap<String, Vec<String>> = entry
        .attrs
        .into_iter()
        .map(|(k, v)| {
            let k = k.to_ascii_lowercase();
            // A binary value that happens to be valid UTF-8 arrives as text.
            let v = if BINARY.contains(&k.as_str()) {
                v.iter().map(|t| hex(t.as_bytes())).collect()
            } else {
                v
            };
            (k, v)
        })
        .collect();
    for (k, v) in entry.bin_attrs {
        attrs.insert(k.to_ascii_lowercase(), v.iter().map(|b| hex(b)).collect());
    }
    Entry {
        dn: entry.dn,
        attrs,
    }
}

/// A bound session.
pub struct Directory {
    ldap: Ldap,
}

/// How many entries each page of a search holds.
const PAGE: i32 = 500;

async fn open(cfg: &LdapConfig) -> Result<Ldap, DirectoryError> {
    // Resolved first, so that a name that does not exist is told apart from a closed port.
    let found = tokio::time::timeout(
        cfg.timeout,
        tokio::net::lookup_host((cfg.host.as_str(), cfg.port)),
    )
    .await
    .map_err(|_| DirectoryError::Timeout)?;
    if found.map(|mut a| a.next().is_none()).unwrap_or(true) {
        return Err(DirectoryError::NameNotFound(cfg.host.clone()));
    }
    let scheme = match cfg.security {
        Security::Ldaps => "ldaps",
        Security::None | Security::StartTls => "ldap",
    };
    let host = if cfg.host.contains(':') {
        format!("[{}]", cfg.host)
    } else {
        cfg.host.clone()
    };
    let settings = LdapConnSettings::new()
        .set_conn_timeout(cfg.timeout)
        .set_starttls(cfg.security == Security::StartTls)
        .set_no_tls_verify(cfg.accept_invalid_certs);
    let (conn, mut ldap) =
        LdapConnAsync::with_settings(settings, &format!("{scheme}://{host}:{}", cfg.port))
            .await
            .map_err(|e| classify(e, None))?;
    ldap3::drive!(conn);
    ldap.with_timeout(cfg.timeout);
    Ok(ldap)
}

/// Connects and binds with the service account of `cfg`.
pub async fn connect(cfg: &LdapConfig) -> Result<Directory, DirectoryError> {
    let mut ldap = open(cfg).await?;
    bind(&mut ldap, cfg, &cfg.bind_dn, &cfg.password).await?;
    Ok(Directory { ldap })
}

async fn bind(
    ldap: &mut Ldap,
    cfg: &LdapConfig,
    dn: &str,
    password: &str,
) -> Result<(), DirectoryError> {
    // An empty password would be an anonymous bind, which "succeeds": never a login.
    if password.is_empty() {
        return Err(DirectoryError::BadCredentials);
    }
    ldap.with_timeout(cfg.timeout);
    ldap.simple_bind(dn, password)
        .await
        .and_then(ldap3::LdapResult::success)
        .map(|_| ())
        .map_err(|e| classify(e, None))
}

/// Whether `password` is the password of the entry `dn`: a bind as that entry on a connection
/// of its own. Ok(false) for a refused password; an error when the server could not say.
pub async fn check_password(
    cfg: &LdapConfig,
    dn: &str,
    password: &str,
) -> Result<bool, DirectoryError> {
    let mut ldap = open(cfg).await?;
    let outcome = match bind(&mut ldap, cfg, dn, password).await {
        Ok(()) => Ok(true),
        Err(DirectoryError::BadCredentials) => Ok(false),
        Err(e) => Err(e),
    };
    let _ = ldap.unbind().await;
    outcome
}

impl Directory {
    /// Calls `each` with every entry under `branch` that `filter` matches, with the attributes
    /// `attrs`, page by page; returns how many there were.
    pub async fn search_each(
        &mut self,
        branch: &str,
        filter: &str,
        attrs: &[&str],
        mut each: impl FnMut(Entry),
    ) -> Result<usize, DirectoryError> {
        let adapters: Vec<Box<dyn Adapter<'_, &str, Vec<&str>>>> = vec![
            Box::new(EntriesOnly::new()),
            Box::new(PagedResults::new(PAGE)),
        ];
        let mut stream = self
            .ldap
            .streaming_search_with(adapters, branch, Scope::Subtree, filter, attrs.to_vec())
            .await
            .map_err(|e| classify(e, Some(branch)))?;
        let mut count = 0;
        loop {
            match stream.next().await {
                Ok(Some(raw)) => {
                    each(entry_of(SearchEntry::construct(raw)));
                    count += 1;
                }
                Ok(None) => break,
                Err(e) => return Err(classify(e, Some(branch))),
            }
        }
        let done = stream.finish().await;
        done.success().map_err(|e| classify(e, Some(branch)))?;
        Ok(count)
    }

    /// How many entries under `branch` match `filter`.
    pub async fn count(&mut self, branch: &str, filter: &str) -> Result<usize, DirectoryError> {
        // "1.1": no attribute at all, only the names.
        self.search_each(branch, filter, &["1.1"], |_| {}).await
    }

    /// The one entry under any of `branches` that `filter` matches, with `attrs`; None when
    /// there is none or more than one.
    pub async fn find_one(
        &mut self,
        branches: &[String],
        filter: &str,
        attrs: &[&str],
    ) -> Result<Option<Entry>, DirectoryError> {
        let mut found = Vec::new();
        for b in branches {
            self.search_each(b, filter, attrs, |e| found.push(e))
                .await?;
            if found.len() > 1 {
                return Ok(None);
            }
        }
        Ok(found.pop())
    }

    /// Binds as `dn` with `password` on this connection: Ok(false) for a refused password.
    pub async fn bind_as(
        &mut self,
        cfg: &LdapConfig,
        dn: &str,
        password: &str,
    ) -> Result<bool, DirectoryError> {
        match bind(&mut self.ldap, cfg, dn, password).await {
            Ok(()) => Ok(true),
            Err(DirectoryError::BadCredentials) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Says goodbye (a failure to do so politely is of no consequence).
    pub async fn close(mut self) {
        let _ = self.ldap.unbind().await;
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn what_users_type_cannot_change_a_filter() {
        assert_eq!(escape("*)(uid=*"), "\\2a\\29\\28uid=\\2a");
        assert_eq!(escape("a\0b\\c"), "a\\00b\\5cc");
        assert_eq!(escape("jdoe"), "jdoe");
    }
}
