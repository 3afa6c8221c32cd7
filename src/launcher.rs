//! Starting Gestdesk, shared by the command line and the desktop shell: the language of their
//! messages, the options read from the arguments and the environment, binding the listener
//! (telling a Gestdesk already serving on the port apart from another program), and the page
//! that says why the server did not start. The core never looks any of this up itself.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;

use crate::config::{Config, DEFAULT_LISTEN};
use crate::i18n::Lang;
use crate::{AppError, app};

/// The language of the console and the desktop shell: `LC_ALL`, `LC_MESSAGES` or `LANG`, else
/// English.
pub fn ui_lang() -> Lang {
    lang_of(|k| std::env::var(k).ok())
}

fn lang_of(env: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| env(k))
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_code(&v))
        .unwrap_or(Lang::En)
}

/// Where to listen and which data folder to use, as the user asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub listen: String,
    pub data_dir: Option<PathBuf>,
    pub behind_proxy: bool,
}

impl Options {
    /// From `--listen`, `--data-dir` and `--behind-proxy` among `args` (unknown arguments are
    /// left to their owner), else `GESTDESK_LISTEN`, `GESTDESK_DATA_DIR` and
    /// `GESTDESK_BEHIND_PROXY`, else the defaults: the same as the command line's.
    pub fn from_args_and_env(args: &[String], env: impl Fn(&str) -> Option<String>) -> Options {
        Options {
            listen: arg_value(args, "listen")
                .or_else(|| env("GESTDESK_LISTEN"))
                .unwrap_or_else(|| DEFAULT_LISTEN.to_owned()),
            data_dir: arg_value(args, "data-dir")
                .or_else(|| env("GESTDESK_DATA_DIR"))
                .map(Into::into),
            behind_proxy: args.iter().any(|a| a == "--behind-proxy")
                || env("GESTDESK_BEHIND_PROXY").is_some_and(|v| matches!(v.as_str(), "1" | "true")),
        }
    }

    /// The configuration these options give.
    pub fn config(&self) -> Result<Config, AppError> {
        Ok(Config::new(&self.listen, self.data_dir.clone())?.with_proxy(self.behind_proxy))
    }
}

/// The value of `--name VALUE` or `--name=VALUE` among the arguments.
pub fn arg_value(args: &[String], name: &str) -> Option<String> {
    let flag = format!("--{name}");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if *a == flag {
            return it.next().cloned();
        }
        if let Some(v) = a.strip_prefix(&format!("{flag}=")) {
            return Some(v.to_owned());
        }
    }
    None
}

/// Why the server did not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartFailure {
    /// The port answers as a Gestdesk server already (a service with the same defaults).
    AlreadyServing { url: String },
    /// Another program holds the port.
    PortTaken { addr: String },
    /// Ports below 1024 need privileges.
    PortDenied { addr: String },
    /// Another Gestdesk uses the data folder.
    DataDirBusy { dir: String },
    /// Anything else, with the error's text.
    Other(String),
}

impl StartFailure {
    /// The title, the explanation and, when there is one, a link (address and words), in
    /// `lang`.
    pub fn explain(&self, lang: Lang) -> (String, String, Option<(String, String)>) {
        match self {
            StartFailure::AlreadyServing { url } => (
                lang.t("desktop-already-running"),
                lang.t("desktop-already-running-help"),
                Some((url.clone(), lang.t("desktop-open-it"))),
            ),
            StartFailure::DataDirBusy { dir } => (
                lang.t("desktop-data-busy"),
                lang.t_args("desktop-data-busy-help", &[("dir", dir)]),
                None,
            ),
            other => (lang.t("desktop-start-failed"), other.to_string(), None),
        }
    }

    /// The page that says it (the desktop window's).
    pub fn page(&self, lang: Lang) -> String {
        let (title, text, action) = self.explain(lang);
        crate::web::startup::failure_page(
            lang,
            &title,
            &text,
            action.as_ref().map(|(h, w)| (h.as_str(), w.as_str())),
        )
    }
}

impl std::fmt::Display for StartFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartFailure::AlreadyServing { url } => {
                write!(f, "a Gestdesk server already answers at {url}")
            }
            StartFailure::PortTaken { addr } => write!(
                f,
                "cannot listen on {addr}: the port is already in use by another program; choose another with --listen"
            ),
            StartFailure::PortDenied { addr } => write!(
                f,
                "cannot listen on {addr}: permission denied (ports below 1024 need privileges); choose another with --listen"
            ),
            StartFailure::DataDirBusy { dir } => {
                write!(f, "the data folder {dir} is used by another Gestdesk")
            }
            StartFailure::Other(detail) => f.write_str(detail),
        }
    }
}

/// The address a browser on this machine opens: this machine when listening on every
/// interface.
pub fn local_addr(bound: SocketAddr) -> SocketAddr {
    let ip = match bound.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        other => other,
    };
    SocketAddr::new(ip, bound.port())
}

/// Binds `addr` (non-blocking, ready for tokio). A port already taken by a Gestdesk server is
/// told apart from one taken by another program.
pub fn bind(addr: SocketAddr) -> Result<std::net::TcpListener, StartFailure> {
    let listener = std::net::TcpListener::bind(addr).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse if gestdesk_answers(local_addr(addr)) => {
            StartFailure::AlreadyServing {
                url: format!("http://{}/", local_addr(addr)),
            }
        }
        std::io::ErrorKind::AddrInUse => StartFailure::PortTaken {
            addr: addr.to_string(),
        },
        std::io::ErrorKind::PermissionDenied => StartFailure::PortDenied {
            addr: addr.to_string(),
        },
        std::io::ErrorKind::AddrNotAvailable => StartFailure::Other(format!(
            "cannot listen on {addr}: this machine has no such address"
        )),
        _ => StartFailure::Other(format!("cannot listen on {addr}: {e}")),
    })?;
    listener
        .set_nonblocking(true)
        .map_err(|e| StartFailure::Other(e.to_string()))?;
    Ok(listener)
}

/// Takes the data folder of `config` for this process (the lock goes with the returned
/// guard), or says that another Gestdesk has it.
pub fn take_data_dir(config: &Config) -> Result<app::DataLock, StartFailure> {
    app::DataLock::acquire(config).map_err(|e| {
        if e.kind() == std::io::ErrorKind::WouldBlock {
            StartFailure::DataDirBusy {
                dir: config.data_dir().display().to_string(),
            }
        } else {
            StartFailure::Other(e.to_string())
        }
    })
}

/// Whether a Gestdesk server answers on `addr` (its health check names its database).
fn gestdesk_answers(addr: SocketAddr) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) =
        std::net::TcpStream::connect_timeout(&addr, std::time::Duration::from_secs(1))
    else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(2)));
    if stream
        .write_all(b"GET /healthz HTTP/1.0\r\nHost: localhost\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut answer = Vec::new();
    let _ = stream.take(8192).read_to_end(&mut answer);
    let text = String::from_utf8_lossy(&answer);
    text.contains("\"database\"") && text.contains("\"version\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn arguments_win_over_the_environment_which_wins_over_defaults() {
        let args: Vec<String> = ["--listen=127.0.0.1:9000", "--behind-proxy"]
            .map(String::from)
            .to_vec();
        let o = Options::from_args_and_env(
            &args,
            env(&[
                ("GESTDESK_LISTEN", "0.0.0.0:1"),
                ("GESTDESK_DATA_DIR", "/srv/g"),
            ]),
        );
        assert_eq!(o.listen, "127.0.0.1:9000");
        assert_eq!(o.data_dir, Some(PathBuf::from("/srv/g")));
        assert!(o.behind_proxy);
        let o = Options::from_args_and_env(&[], env(&[]));
        assert_eq!(
            (o.listen.as_str(), o.data_dir, o.behind_proxy),
            (DEFAULT_LISTEN, None, false)
        );
    }

    #[test]
    fn the_language_comes_from_the_locale_variables() {
        assert_eq!(lang_of(env(&[("LANG", "fr_FR.UTF-8")])), Lang::Fr);
        assert_eq!(lang_of(env(&[("LC_ALL", ""), ("LANG", "de_DE")])), Lang::De);
        assert_eq!(
            lang_of(env(&[("LC_ALL", "es_ES"), ("LANG", "de_DE")])),
            Lang::Es
        );
        assert_eq!(lang_of(env(&[])), Lang::En);
    }

    #[test]
    fn a_port_held_by_another_program_is_told_apart() {
        let held = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = held.local_addr().expect("addr");
        assert_eq!(
            bind(addr).err(),
            Some(StartFailure::PortTaken {
                addr: addr.to_string()
            })
        );
    }
}
