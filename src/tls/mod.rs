//! HTTPS, switched on and off while serving: which certificate is in force (a self-signed one
//! Gestdesk makes for this machine, or the administrator's own), the TLS configuration every new
//! connection takes, and whether responses carry HSTS. The certificates live in the data folder
//! (`tls/`), their keys readable by the server's account only.
//!
//! When HTTPS is on, the server tells a TLS connection from a plain one by its first byte, on
//! the same port: plain requests are sent to the `https://` address, except the desktop console
//! (a plain request from this machine to a loopback name), which keeps working.

pub mod certificate;

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls;

pub use certificate::{CertError, Info};

/// How a request came: over TLS or in plain text (set on every request by the server).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transport {
    pub tls: bool,
}

/// Which certificate HTTPS uses, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Off,
    SelfSigned,
    Own,
}

impl Mode {
    /// The setting's value.
    pub fn code(self) -> &'static str {
        match self {
            Mode::Off => "off",
            Mode::SelfSigned => "self_signed",
            Mode::Own => "own",
        }
    }

    /// The mode a setting's value names; anything else is off.
    pub fn from_code(code: &str) -> Mode {
        match code {
            "self_signed" => Mode::SelfSigned,
            "own" => Mode::Own,
            _ => Mode::Off,
        }
    }
}

/// Why HTTPS could not be put in force.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error(transparent)]
    Certificate(#[from] CertError),
    #[error("could not read or write the certificate files: {0}")]
    Io(#[from] std::io::Error),
    #[error("no certificate of your own has been given")]
    NoOwnCertificate,
    #[error("TLS could not be set up: {0}")]
    Rustls(#[from] rustls::Error),
}

/// Where the certificates are kept.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    /// The certificates of the instance in `data_dir`.
    pub fn new(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("tls"),
        }
    }

    fn paths(&self, mode: Mode) -> (PathBuf, PathBuf) {
        let stem = match mode {
            Mode::Own => "own",
            Mode::SelfSigned | Mode::Off => "self-signed",
        };
        (
            self.dir.join(format!("{stem}.crt")),
            self.dir.join(format!("{stem}.key")),
        )
    }

    /// The PEM certificate and key kept for `mode`, if both are there.
    pub fn read(&self, mode: Mode) -> std::io::Result<Option<(String, String)>> {
        let (cert, key) = self.paths(mode);
        match (
            std::fs::read_to_string(&cert),
            std::fs::read_to_string(&key),
        ) {
            (Ok(c), Ok(k)) => Ok(Some((c, k))),
            (Err(e), _) | (_, Err(e)) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            (Err(e), _) | (_, Err(e)) => Err(e),
        }
    }

    /// Keeps `cert` and `key` for `mode`; the key is readable by this account only.
    pub fn write(&self, mode: Mode, cert: &str, key: &str) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let (cert_path, key_path) = self.paths(mode);
        write_private(&key_path, key)?;
        std::fs::write(&cert_path, cert)?;
        Ok(())
    }
}

/// Writes `text` to `path` through a temporary file, readable by this account only.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("tmp");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&tmp)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// This machine's names and addresses, for a self-signed certificate: `localhost`, its host
/// name, and its loopback and network addresses.
pub fn machine_names() -> Vec<String> {
    let mut names = vec!["localhost".to_owned()];
    if let Some(host) = host_name().filter(|h| !h.is_empty() && h != "localhost") {
        names.push(host);
    }
    names.push("127.0.0.1".to_owned());
    names.push("::1".to_owned());
    for a in if_addrs::get_if_addrs().unwrap_or_default() {
        let ip = a.ip();
        let local_link = match ip {
            std::net::IpAddr::V4(v4) => v4.is_link_local(),
            std::net::IpAddr::V6(v6) => v6.is_unicast_link_local(),
        };
        if !ip.is_loopback() && !local_link {
            let text = ip.to_string();
            if !names.contains(&text) {
                names.push(text);
            }
        }
    }
    names
}

/// The machine's host name.
#[cfg(unix)]
fn host_name() -> Option<String> {
    Some(
        rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned(),
    )
}

/// The machine's host name.
#[cfg(not(unix))]
fn host_name() -> Option<String> {
    std::env::var("COMPUTERNAME").ok()
}

/// What is in force.
#[derive(Clone)]
struct Current {
    mode: Mode,
    acceptor: Option<TlsAcceptor>,
    info: Option<Info>,
    hsts: bool,
}

/// HTTPS as served now; cheap to clone, shared by the connections and the pages.
#[derive(Clone)]
pub struct Tls {
    store: Store,
    current: Arc<RwLock<Current>>,
}

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tls")
            .field("mode", &self.mode())
            .finish_non_exhaustive()
    }
}

impl Tls {
    /// HTTPS off, with the certificates of `data_dir`.
    pub fn off(data_dir: &Path) -> Tls {
        Tls {
            store: Store::new(data_dir),
            current: Arc::new(RwLock::new(Current {
                mode: Mode::Off,
                acceptor: None,
                info: None,
                hsts: false,
            })),
        }
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Current> {
        self.current
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The certificates' folder.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The TLS side of a new connection, when HTTPS is on.
    pub fn acceptor(&self) -> Option<TlsAcceptor> {
        self.read().acceptor.clone()
    }

    /// Whether HTTPS is on.
    pub fn enabled(&self) -> bool {
        self.read().acceptor.is_some()
    }

    /// Which certificate is in force.
    pub fn mode(&self) -> Mode {
        self.read().mode
    }

    /// Whether TLS responses carry `Strict-Transport-Security`.
    pub fn hsts(&self) -> bool {
        let c = self.read();
        c.hsts && c.acceptor.is_some()
    }

    /// What the certificate in force says.
    pub fn info(&self) -> Option<Info> {
        self.read().info.clone()
    }

    /// Puts `mode` in force (making the self-signed certificate when there is none yet, or when
    /// `renew`), with or without HSTS. Nothing changes when it fails.
    pub fn apply(&self, mode: Mode, hsts: bool, renew: bool) -> Result<(), TlsError> {
        let now = jiff::Timestamp::now().as_second();
        let next = match mode {
            Mode::Off => Current {
                mode,
                acceptor: None,
                info: None,
                hsts,
            },
            Mode::SelfSigned | Mode::Own => {
                let pem = match (self.store.read(mode)?, mode) {
                    (Some(pem), _) if !renew => pem,
                    (_, Mode::SelfSigned) => {
                        let names = machine_names();
                        let common = format!(
                            "Gestdesk on {}",
                            host_name().unwrap_or_else(|| "this machine".to_owned())
                        );
                        let (cert, key) = certificate::self_signed(&names, &common)?;
                        self.store.write(mode, &cert, &key)?;
                        (cert, key)
                    }
                    _ => return Err(TlsError::NoOwnCertificate),
                };
                // A certificate of one's own that has since expired still serves (the page
                // warns); its other checks hold.
                let checked = match certificate::check(&pem.0, &pem.1, now) {
                    Ok(c) => c,
                    Err(CertError::Expired | CertError::NotYetValid) => {
                        certificate::check(&pem.0, &pem.1, certificate_time(&pem.0)?)?
                    }
                    Err(e) => return Err(e.into()),
                };
                let config = server_config(checked.key.clone())?;
                Current {
                    mode,
                    acceptor: Some(TlsAcceptor::from(Arc::new(config))),
                    info: Some(checked.info),
                    hsts,
                }
            }
        };
        *self
            .current
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = next;
        Ok(())
    }
}

/// A moment within the validity of the PEM certificate `cert` (to check the rest of it).
fn certificate_time(cert: &str) -> Result<i64, TlsError> {
    use tokio_rustls::rustls::pki_types::CertificateDer;
    use tokio_rustls::rustls::pki_types::pem::PemObject;
    let der = CertificateDer::from_pem_slice(cert.as_bytes())
        .map_err(|_| CertError::UnreadableCertificate)?;
    let info = certificate::info(&der)?;
    Ok(info.not_before + (info.not_after - info.not_before) / 2)
}

/// The server side of TLS for one certificate: TLS 1.2 and 1.3 with rustls' safe defaults,
/// HTTP/1.1.
fn server_config(key: Arc<rustls::sign::CertifiedKey>) -> Result<rustls::ServerConfig, TlsError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_cert_resolver(Arc::new(OneCertificate(key)));
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// Every client gets the one certificate in force.
#[derive(Debug)]
struct OneCertificate(Arc<rustls::sign::CertifiedKey>);

impl rustls::server::ResolvesServerCert for OneCertificate {
    fn resolve(
        &self,
        _hello: rustls::server::ClientHello<'_>,
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        Some(self.0.clone())
    }
}
