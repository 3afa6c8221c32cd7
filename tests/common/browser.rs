//! A real headless Chromium driven through WebDriver (Debian's chromium + chromium-driver).
//!
//! Each [`Browser`] starts its own chromedriver on a free port and a fresh browser profile, and
//! stops both when dropped, so tests never depend on a driver started elsewhere.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::error::CmdError;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use tempfile::TempDir;

/// The Chromium binary.
const CHROMIUM: &str = "/usr/bin/chromium";
/// The WebDriver binary.
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A browser session and the driver behind it.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: TempDir,
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a `width`×`height` window.
    pub async fn start(width: u32, height: u32) -> Browser {
        assert!(
            PathBuf::from(CHROMEDRIVER).exists() && PathBuf::from(CHROMIUM).exists(),
            "chromium and chromium-driver are needed: run installer/install-test-deps.sh"
        );
        let port = super::free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while reqwest::get(format!("{url}/status")).await.is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": CHROMIUM,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--hide-scrollbars", "--lang=en-US",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": { "intl.accept_languages": "en-US,en" }
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&url)
            .await
            .expect("WebDriver session");
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    /// Saves a screenshot under `target/test-screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("screenshot");
        assert_eq!(&png[1..4], b"PNG");
        let path = super::artefacts_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Ends the browser session.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

pub async fn text_of(b: &Browser, css: &str) -> Result<String, CmdError> {
    b.client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await?
        .text()
        .await
}

/// Clicks `css` and waits until the browser has left the current page.
pub async fn click_and_wait(b: &Browser, css: &str) -> Result<(), CmdError> {
    let old = b.client.find(Locator::Css("html")).await?;
    b.client.find(Locator::Css(css)).await?.click().await?;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while old.tag_name().await.is_ok() {
        assert!(
            std::time::Instant::now() < deadline,
            "no new page after clicking {css}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    Ok(())
}

pub async fn fill(b: &Browser, name: &str, value: &str) -> Result<(), CmdError> {
    let field = b
        .client
        .find(Locator::Css(&format!("[name='{name}']")))
        .await?;
    field.clear().await?;
    field.send_keys(value).await
}

pub async fn log_in(
    b: &Browser,
    app: &super::TestApp,
    login: &str,
    password: &str,
) -> Result<(), CmdError> {
    b.client.goto(&app.url("/login")).await?;
    fill(b, "login", login).await?;
    fill(b, "password", password).await?;
    click_and_wait(b, "button.button-primary").await?;
    // Logged in once the browser has landed on another page: a page asked for before that
    // would cancel the login's answer, and its cookie with it (seen on a loaded machine).
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let url = b.client.current_url().await?;
        if url.path() != "/login" {
            return Ok(());
        }
        if std::time::Instant::now() >= deadline {
            let said = b
                .client
                .find(Locator::Css("main"))
                .await?
                .text()
                .await
                .unwrap_or_default();
            panic!("{login} is still on the login page: {said}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Whether the page is wider than the window (it should never be, even on a phone).
pub async fn scrolls_sideways(b: &Browser) -> Result<bool, CmdError> {
    Ok(b.client
        .execute(
            "return document.documentElement.scrollWidth > window.innerWidth + 1;",
            vec![],
        )
        .await?
        .as_bool()
        .unwrap_or(true))
}

/// Waits until the script `check` returns true.
pub async fn wait_until(b: &Browser, check: &str, what: &str) -> Result<(), CmdError> {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if b.client.execute(check, vec![]).await?.as_bool() == Some(true) {
            return Ok(());
        }
        assert!(std::time::Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
