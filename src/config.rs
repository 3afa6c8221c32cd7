//! Configuration: raw values from the command line or environment, validated into a [`Config`].
//!
//! The data directory is always supplied by the caller (the CLI's `--data-dir`, the desktop shell's
//! per-OS directory); every other path derives from it.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The default address the server listens on: every interface, so that LAN users can reach it.
pub const DEFAULT_LISTEN: &str = "0.0.0.0:8080";

/// The validated configuration of one Gestdesk instance.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the database, attachments, backups and logs live.
    pub data_dir: PathBuf,
    /// The address to listen on.
    pub listen: SocketAddr,
    /// Whether a reverse proxy on this machine forwards the requests: the client's address is
    /// then read from the proxy's `X-Forwarded-For`, and nothing is trusted as coming from this
    /// machine. Without it, a request carrying forwarding headers is never taken for local.
    pub behind_proxy: bool,
    /// Serve HTTPS with the self-signed certificate even when the settings say plain HTTP
    /// (`gestdesk serve --https`).
    pub https: bool,
}

/// A configuration value that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("invalid listen address {value:?}: expected IP:PORT, for example 0.0.0.0:8080")]
    Listen { value: String },
    #[error("no data directory given and none could be found for this system; pass --data-dir")]
    NoDataDir,
}

impl Config {
    /// Builds a configuration from the raw listen address and data directory.
    pub fn new(listen: &str, data_dir: Option<PathBuf>) -> Result<Self, ConfigError> {
        let listen = parse_listen(listen)?;
        let data_dir = match data_dir {
            Some(dir) => dir,
            None => default_data_dir().ok_or(ConfigError::NoDataDir)?,
        };
        Ok(Self {
            data_dir,
            listen,
            behind_proxy: false,
            https: false,
        })
    }

    /// The same configuration, served behind a reverse proxy on this machine (or not).
    #[must_use]
    pub fn with_proxy(mut self, behind_proxy: bool) -> Self {
        self.behind_proxy = behind_proxy;
        self
    }

    /// The same configuration, serving HTTPS whatever the settings say (or not).
    #[must_use]
    pub fn with_https(mut self, https: bool) -> Self {
        self.https = https;
        self
    }

    /// The SQLite database file.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("gestdesk.sqlite3")
    }

    /// The folder holding uploaded files under generated names.
    pub fn attachments_dir(&self) -> PathBuf {
        self.data_dir.join("attachments")
    }

    /// The folder holding the log files.
    pub fn logs_dir(&self) -> PathBuf {
        self.data_dir.join("logs")
    }

    /// The folder holding backups.
    pub fn backups_dir(&self) -> PathBuf {
        self.data_dir.join("backups")
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}

/// Parses `IP:PORT`; a bare port means every interface.
pub fn parse_listen(value: &str) -> Result<SocketAddr, ConfigError> {
    let trimmed = value.trim();
    if let Ok(port) = trimmed.parse::<u16>() {
        return Ok(SocketAddr::from(([0, 0, 0, 0], port)));
    }
    trimmed.parse().map_err(|_| ConfigError::Listen {
        value: value.to_owned(),
    })
}

/// The per-OS data directory: `~/.local/share/gestdesk` on Linux, `%APPDATA%\gestdesk` on
/// Windows, `~/Library/Application Support/gestdesk` on macOS.
pub fn default_data_dir() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("gestdesk"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_accepts_address_and_bare_port() {
        assert_eq!(
            parse_listen("127.0.0.1:9000").ok(),
            Some(SocketAddr::from(([127, 0, 0, 1], 9000)))
        );
        assert_eq!(
            parse_listen("8081").ok(),
            Some(SocketAddr::from(([0, 0, 0, 0], 8081)))
        );
        assert!(parse_listen("localhost:abc").is_err());
    }

    #[test]
    fn paths_derive_from_the_data_dir() {
        let c = Config::new("127.0.0.1:1", Some(PathBuf::from("/srv/gd"))).expect("valid");
        assert_eq!(c.database_path(), PathBuf::from("/srv/gd/gestdesk.sqlite3"));
        assert_eq!(c.attachments_dir(), PathBuf::from("/srv/gd/attachments"));
    }
}
