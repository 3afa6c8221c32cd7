//! The desktop app's update check (Tauri's updater), off unless an update address is
//! configured.
//!
//! The address of the update manifest comes from `--update-url`, `GESTDESK_UPDATE_URL`, or the
//! publisher's build (`GESTDESK_UPDATE_URL` when compiling); the public key that packages must
//! be signed with from `--update-key`, `GESTDESK_UPDATE_KEY`, or the build
//! (`GESTDESK_UPDATE_PUBKEY`). Both are needed; the address must be HTTPS, or plain HTTP on this
//! machine's loopback. A package is installed only when its signature verifies with that key
//! and names the version the manifest announces (`gestdesk-update-signer` makes both).
//!
//! The running app checks at start and once a day, and records what it found for the system
//! page; the tray offers "Check for updates", then "Install version X and restart". `gestdesk-desktop --check-update` only says what is
//! available, and `gestdesk-desktop --update` also installs it (on Linux through `pkexec`,
//! a password dialog or `sudo` running `dpkg -i`), both without starting the server.

use std::net::IpAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use data_encoding::BASE64;
use gestdesk::db::Db;
use gestdesk::domain::system::{UpdateCheck, record_update_check};
use gestdesk::i18n::Lang;
use tauri::menu::MenuItem;
use tauri::{AppHandle, Manager, Url, Wry};
use tauri_plugin_updater::{Update, UpdaterExt};

/// How often the running app checks.
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);
/// How long the manifest may take to come.
const CHECK_TIMEOUT: Duration = Duration::from_secs(30);

/// Where updates come from and the key their packages are signed with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub url: Url,
    pub pubkey: String,
}

/// Why the configured update source cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SourceError {
    #[error("the update address {0:?} is not a valid address")]
    BadUrl(String),
    #[error("the update address must use https (plain http only to this machine): {0}")]
    NotHttps(String),
    #[error("an update address is set but no public key to check the packages with (--update-key)")]
    NoKey,
    #[error("the update public key is not a minisign public key in base64: {0}")]
    BadKey(String),
}

impl SourceError {
    /// The reason, in `lang`.
    pub fn explain(&self, lang: Lang) -> String {
        match self {
            SourceError::BadUrl(url) => lang.t_args("desktop-update-bad-url", &[("url", url)]),
            SourceError::NotHttps(url) => lang.t_args("desktop-update-not-https", &[("url", url)]),
            SourceError::NoKey => lang.t("desktop-update-no-key"),
            SourceError::BadKey(why) => lang.t_args("desktop-update-bad-key", &[("error", why)]),
        }
    }
}

/// What the command line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The app: server, window and tray.
    App,
    /// `--check-update`: say whether an update is available, then exit.
    Check,
    /// `--update`: install the available update, then exit.
    Install,
}

impl Mode {
    pub fn from_args(args: &[String]) -> Mode {
        if args.iter().any(|a| a == "--update") {
            Mode::Install
        } else if args.iter().any(|a| a == "--check-update") {
            Mode::Check
        } else {
            Mode::App
        }
    }
}

/// The configured source: `None` when no address is set (the default).
pub fn source(
    args: &[String],
    env: impl Fn(&str) -> Option<String>,
) -> Result<Option<Source>, SourceError> {
    let pick = |arg: &str, var: &str, built: Option<&str>| {
        gestdesk::launcher::arg_value(args, arg)
            .or_else(|| env(var))
            .or_else(|| built.map(str::to_owned))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let Some(address) = pick(
        "update-url",
        "GESTDESK_UPDATE_URL",
        option_env!("GESTDESK_UPDATE_URL"),
    ) else {
        return Ok(None);
    };
    let url = Url::parse(&address).map_err(|_| SourceError::BadUrl(address.clone()))?;
    let local = match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    };
    match url.scheme() {
        "https" => {}
        "http" if local => {}
        _ => return Err(SourceError::NotHttps(address)),
    }
    let pubkey = pick(
        "update-key",
        "GESTDESK_UPDATE_KEY",
        option_env!("GESTDESK_UPDATE_PUBKEY"),
    )
    .ok_or(SourceError::NoKey)?;
    check_key(&pubkey)?;
    Ok(Some(Source { url, pubkey }))
}

/// A public key as the updater reads it: base64 of minisign's public key file.
fn check_key(pubkey: &str) -> Result<(), SourceError> {
    let bad = |e: String| SourceError::BadKey(e);
    let decoded = BASE64
        .decode(pubkey.as_bytes())
        .map_err(|e| bad(e.to_string()))?;
    let text = String::from_utf8(decoded).map_err(|e| bad(e.to_string()))?;
    minisign_verify::PublicKey::decode(&text).map_err(|e| bad(e.to_string()))?;
    Ok(())
}

/// The updater plugin's configuration for `source`: signed versions required, plain HTTP
/// allowed only for the loopback address `source` accepted.
pub fn plugin_config(source: &Source) -> serde_json::Value {
    serde_json::json!({
        "pubkey": source.pubkey,
        "endpoints": [source.url.as_str()],
        "requireSignedVersion": true,
        "dangerousInsecureTransportProtocol": source.url.scheme() == "http",
    })
}

/// What a check found.
enum Found {
    Update(Box<Update>),
    UpToDate,
}

async fn check(app: &AppHandle) -> Result<Found, tauri_plugin_updater::Error> {
    let updater = app.updater_builder().timeout(CHECK_TIMEOUT).build()?;
    Ok(match updater.check().await? {
        Some(update) => Found::Update(Box::new(update)),
        None => Found::UpToDate,
    })
}

/// Downloads the package, checks its signature and installs it.
async fn install(update: &Update) -> Result<(), tauri_plugin_updater::Error> {
    update.download_and_install(|_, _| {}, || {}).await
}

/// `--check-update` and `--update`: runs once, prints the outcome, exits (0 when done or up
/// to date, 1 on a failure).
pub fn run_once(app: &AppHandle, mode: Mode, lang: Lang) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let code = match check(&app).await {
            Ok(Found::UpToDate) => {
                println!("gestdesk-desktop: {}", lang.t("desktop-update-none"));
                0
            }
            Ok(Found::Update(update)) => {
                let version = [("version", update.version.as_str())];
                println!(
                    "gestdesk-desktop: {}",
                    lang.t_args("desktop-update-available", &version)
                );
                if mode == Mode::Install {
                    match install(&update).await {
                        Ok(()) => {
                            println!(
                                "gestdesk-desktop: {}",
                                lang.t_args("desktop-update-installed", &version)
                            );
                            0
                        }
                        Err(e) => {
                            eprintln!("gestdesk-desktop: {}", failed(lang, &e));
                            1
                        }
                    }
                } else {
                    0
                }
            }
            Err(e) => {
                eprintln!("gestdesk-desktop: {}", check_failed(lang, &e));
                1
            }
        };
        app.exit(code);
    });
}

/// An installation that failed, in words.
fn failed(lang: Lang, e: &tauri_plugin_updater::Error) -> String {
    lang.t_args("desktop-update-failed", &[("error", &e.to_string())])
}

/// A check that failed, in words.
fn check_failed(lang: Lang, e: &tauri_plugin_updater::Error) -> String {
    lang.t_args("desktop-update-check-failed", &[("error", &e.to_string())])
}

/// The running app's side: the tray item, and the update found by the last check.
pub struct Tray {
    item: MenuItem<Wry>,
    lang: Lang,
    /// Where the findings are recorded for the system page (none when the server did not
    /// start).
    db: Option<Db>,
    found: Mutex<Option<Update>>,
    busy: AtomicBool,
}

impl Tray {
    pub fn new(app: &AppHandle, lang: Lang, db: Option<Db>) -> tauri::Result<Tray> {
        let item = MenuItem::with_id(
            app,
            "update",
            lang.t("desktop-update-check"),
            true,
            None::<&str>,
        )?;
        Ok(Tray {
            item,
            lang,
            db,
            found: Mutex::new(None),
            busy: AtomicBool::new(false),
        })
    }

    pub fn item(&self) -> &MenuItem<Wry> {
        &self.item
    }

    /// Takes the busy flag; false when a check or an install is already going on.
    fn start(&self) -> bool {
        !self.busy.swap(true, Ordering::AcqRel)
    }

    fn done(&self) {
        self.busy.store(false, Ordering::Release);
    }

    fn show(&self, app: &AppHandle, found: Option<&Update>) {
        let (text, tip) = match found {
            Some(update) => {
                let version = [("version", update.version.as_str())];
                (
                    self.lang.t_args("desktop-update-install", &version),
                    format!(
                        "Gestdesk — {}",
                        self.lang.t_args("desktop-update-available", &version)
                    ),
                )
            }
            None => (self.lang.t("desktop-update-check"), "Gestdesk".to_owned()),
        };
        let _ = self.item.set_text(text);
        if let Some(tray) = app.tray_by_id("gestdesk") {
            let _ = tray.set_tooltip(Some(tip));
        }
    }
}

/// Checks now, keeps what it found and shows it in the tray; also printed, for the logs.
async fn check_and_show(app: &AppHandle) {
    let Some(tray) = app.try_state::<Tray>() else {
        return;
    };
    if !tray.start() {
        return;
    }
    let (found, record) = match check(app).await {
        Ok(Found::Update(update)) => {
            let version = [("version", update.version.as_str())];
            println!(
                "gestdesk-desktop: {}",
                tray.lang.t_args("desktop-update-available", &version)
            );
            tracing::info!("update {} available", update.version);
            let record = UpdateCheck::Available(update.version.clone());
            (Some(*update), record)
        }
        Ok(Found::UpToDate) => {
            println!("gestdesk-desktop: {}", tray.lang.t("desktop-update-none"));
            (None, UpdateCheck::UpToDate)
        }
        Err(e) => {
            println!("gestdesk-desktop: {}", check_failed(tray.lang, &e));
            tracing::warn!("update check failed: {e}");
            // Shown to administrators: a password in the address is hidden, as in the logs.
            let words = gestdesk::log_files::redact(&e.to_string());
            (None, UpdateCheck::Failed(words))
        }
    };
    if let Some(db) = &tray.db
        && let Err(e) = record_update_check(db, record).await
    {
        tracing::warn!("could not record the update check: {e}");
    }
    tray.show(app, found.as_ref());
    *tray
        .found
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner) = found;
    tray.done();
}

/// Checks at start, then once a day.
pub fn watch(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            check_and_show(&app).await;
            tokio::time::sleep(EVERY).await;
        }
    });
}

/// The tray item: installs the update found (then `restart` stops the server and starts the
/// new version), or checks again.
pub fn clicked(app: &AppHandle, restart: fn(&AppHandle)) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let Some(tray) = app.try_state::<Tray>() else {
            return;
        };
        let found = tray
            .found
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        let Some(update) = found else {
            check_and_show(&app).await;
            return;
        };
        if !tray.start() {
            return;
        }
        let _ = tray.item.set_enabled(false);
        let outcome = install(&update).await;
        let _ = tray.item.set_enabled(true);
        tray.done();
        match outcome {
            Ok(()) => {
                tracing::info!("update {} installed; restarting", update.version);
                restart(&app);
            }
            Err(e) => {
                println!("gestdesk-desktop: {}", failed(tray.lang, &e));
                tracing::error!("update {} not installed: {e}", update.version);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A real public key in the updater's form (made by `gestdesk-update-signer keygen`).
    const KEY: &str = "dW50cnVzdGVkIGNvbW1lbnQ6IG1pbmlzaWduIHB1YmxpYyBrZXk6IEY5ODgxRDI0NDcyMzkzMEUKUldRT2t5TkhKQjJJK2MzZGcrRWlHUFFvZ2Z1NW1VdzVhQ2dXY3ErdmJrUzhTYy8ybWxySFRJcDYK";

    fn source_of(args: &[&str], env: &[(&str, &str)]) -> Result<Option<Source>, SourceError> {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        source(&args, |k| {
            env.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn no_address_means_no_update_check() {
        assert_eq!(source_of(&[], &[]), Ok(None));
        assert_eq!(source_of(&["--update-url", " "], &[]), Ok(None));
        assert_eq!(source_of(&[], &[("GESTDESK_UPDATE_KEY", KEY)]), Ok(None));
    }

    #[test]
    fn an_address_needs_https_or_the_loopback_and_a_valid_key() {
        let https = "https://updates.example.org/gestdesk/latest.json";
        let ok = source_of(&["--update-url", https, "--update-key", KEY], &[])
            .expect("accepted")
            .expect("configured");
        assert_eq!(ok.url.as_str(), https);
        assert_eq!(
            plugin_config(&ok)["dangerousInsecureTransportProtocol"],
            false
        );
        assert_eq!(plugin_config(&ok)["requireSignedVersion"], true);
        let local = source_of(
            &[],
            &[
                ("GESTDESK_UPDATE_URL", "http://127.0.0.1:8765/latest.json"),
                ("GESTDESK_UPDATE_KEY", KEY),
            ],
        )
        .expect("accepted")
        .expect("configured");
        assert_eq!(
            plugin_config(&local)["dangerousInsecureTransportProtocol"],
            true
        );
        let refused = |url: &str| {
            source_of(&["--update-url", url, "--update-key", KEY], &[]).expect_err("refused")
        };
        for url in [
            "http://192.168.1.10/latest.json",
            "ftp://localhost/latest.json",
        ] {
            assert!(matches!(refused(url), SourceError::NotHttps(_)), "{url}");
        }
        assert!(matches!(refused("not an address"), SourceError::BadUrl(_)));
        assert_eq!(
            source_of(&["--update-url", https], &[]),
            Err(SourceError::NoKey)
        );
        assert!(matches!(
            source_of(
                &["--update-url", https, "--update-key", "bm90IGEga2V5"],
                &[]
            ),
            Err(SourceError::BadKey(_))
        ));
    }

    #[test]
    fn every_message_is_translated() {
        let errors = [
            SourceError::BadUrl("x".into()),
            SourceError::NotHttps("http://10.0.0.1/".into()),
            SourceError::NoKey,
            SourceError::BadKey("bad".into()),
        ];
        for lang in Lang::ALL {
            for e in &errors {
                let text = e.explain(lang);
                assert!(!text.starts_with("desktop-"), "{lang:?}: {text}");
            }
            for key in [
                "desktop-update-check",
                "desktop-update-none",
                "desktop-update-off",
                "desktop-update-no-display",
            ] {
                assert_ne!(lang.t(key), key, "{lang:?}");
            }
            for key in [
                "desktop-update-install",
                "desktop-update-available",
                "desktop-update-installed",
            ] {
                assert!(
                    lang.t_args(key, &[("version", "0.2.0")]).contains("0.2.0"),
                    "{lang:?} {key}"
                );
            }
            for key in ["desktop-update-failed", "desktop-update-check-failed"] {
                assert!(
                    lang.t_args(key, &[("error", "boom")]).contains("boom"),
                    "{lang:?} {key}"
                );
            }
        }
    }

    #[test]
    fn the_command_line_chooses_the_mode() {
        let args = |a: &[&str]| a.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(Mode::from_args(&args(&[])), Mode::App);
        assert_eq!(Mode::from_args(&args(&["--check-update"])), Mode::Check);
        assert_eq!(
            Mode::from_args(&args(&["--check-update", "--update"])),
            Mode::Install
        );
    }
}
