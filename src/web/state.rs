//! The state shared by every handler.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::app::App;
use crate::db::Db;
use crate::domain::setup::SetupSlot;
use crate::live::Hub;

use super::frame_cache::FrameCache;

/// Shared state: cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    app: App,
    /// The address the listener is bound to.
    local_addr: SocketAddr,
    /// The URLs users can open (localhost, then LAN addresses).
    urls: Vec<String>,
    /// Live updates.
    hub: Hub,
    /// The menus' and user bars' counters, per user, until tickets change.
    frames: FrameCache,
    /// The company logo's version (0: no logo), kept here so that pages need not look at the
    /// disk; the logo handlers change it.
    logo: AtomicU64,
    /// The password checks running now (see [`crate::domain::auth::throttle`]).
    gate: Arc<crate::domain::auth::Gate>,
    /// The users sending a form with files now.
    uploads: Arc<super::tickets::upload::UploadGate>,
    /// The set-up page's "Move from GestSup".
    moves: crate::gestsup::moving::Moves,
    /// The API tokens' pace.
    api_limiter: super::api::Limiter,
    /// The background jobs' reports, and their "run now".
    jobs: crate::jobs::supervisor::Board,
    /// The last integrity check on the system page: when, and the problems found.
    integrity: std::sync::Mutex<Option<(i64, Vec<String>)>>,
    /// HTTPS as served now.
    tls: crate::tls::Tls,
}

impl AppState {
    /// State for `app` served on `local_addr`.
    pub fn new(
        app: App,
        local_addr: SocketAddr,
        hub: Hub,
        jobs: crate::jobs::supervisor::Board,
        tls: crate::tls::Tls,
    ) -> Self {
        let urls = crate::net::urls_for(local_addr);
        let logo = crate::domain::branding::version(app.config().data_dir()).unwrap_or(0);
        Self {
            inner: Arc::new(Inner {
                app,
                local_addr,
                urls,
                hub,
                frames: FrameCache::default(),
                logo: AtomicU64::new(logo),
                gate: crate::domain::auth::Gate::new(),
                uploads: Arc::default(),
                moves: crate::gestsup::moving::Moves::default(),
                api_limiter: super::api::Limiter::default(),
                jobs,
                integrity: std::sync::Mutex::default(),
                tls,
            }),
        }
    }

    /// The set-up page's "Move from GestSup".
    pub fn moves(&self) -> &crate::gestsup::moving::Moves {
        &self.inner.moves
    }

    /// The API tokens' pace.
    pub fn api_limiter(&self) -> &super::api::Limiter {
        &self.inner.api_limiter
    }

    /// HTTPS as served now.
    pub fn tls(&self) -> &crate::tls::Tls {
        &self.inner.tls
    }

    /// The background jobs' reports.
    pub fn jobs(&self) -> &crate::jobs::supervisor::Board {
        &self.inner.jobs
    }

    /// The last integrity check: when, and the problems found.
    pub fn integrity(&self) -> Option<(i64, Vec<String>)> {
        self.inner
            .integrity
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Records an integrity check's result.
    pub fn set_integrity(&self, at: i64, problems: Vec<String>) {
        *self
            .inner
            .integrity
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some((at, problems));
    }

    /// Live updates.
    pub fn hub(&self) -> &Hub {
        &self.inner.hub
    }

    /// The password checks running now.
    pub fn gate(&self) -> &Arc<crate::domain::auth::Gate> {
        &self.inner.gate
    }

    /// The users sending a form with files now.
    pub fn uploads(&self) -> &Arc<super::tickets::upload::UploadGate> {
        &self.inner.uploads
    }

    /// The counters cache.
    pub fn frames(&self) -> &FrameCache {
        &self.inner.frames
    }

    /// The company logo's version, if there is a logo.
    pub fn logo_version(&self) -> Option<u64> {
        Some(self.inner.logo.load(Ordering::Relaxed)).filter(|v| *v != 0)
    }

    /// Records the logo's new version (`None` once removed).
    pub fn set_logo_version(&self, version: Option<u64>) {
        self.inner
            .logo
            .store(version.unwrap_or(0), Ordering::Relaxed);
    }

    /// The database.
    pub fn db(&self) -> &Db {
        self.inner.app.db()
    }

    /// The instance.
    pub fn app(&self) -> &App {
        &self.inner.app
    }

    /// The first-run set-up slot.
    pub fn setup(&self) -> &SetupSlot {
        self.inner.app.setup()
    }

    /// The set-up page's path while the first administrator is still to be made. An account
    /// made meanwhile by another process (`gestdesk create-admin`) ends the set-up here too.
    pub async fn pending_setup(&self) -> Result<Option<String>, crate::domain::DomainError> {
        let Some(path) = self.inner.app.setup_path() else {
            return Ok(None);
        };
        if crate::domain::users::any_exists(self.db()).await? {
            self.setup().disarm();
            return Ok(None);
        }
        Ok(Some(path))
    }

    /// The URLs users can open.
    pub fn urls(&self) -> Vec<String> {
        if self.inner.tls.enabled() {
            self.inner
                .urls
                .iter()
                .map(|u| u.replacen("http://", "https://", 1))
                .collect()
        } else {
            self.inner.urls.clone()
        }
    }

    /// The address LAN users reach this server at (without a trailing slash): its first LAN
    /// address, else the local one.
    pub fn lan_url(&self) -> String {
        let urls = self.urls();
        urls.iter()
            .find(|u| !u.starts_with("http://localhost"))
            .or_else(|| urls.first())
            .map(|u| u.trim_end_matches('/').to_owned())
            .unwrap_or_default()
    }

    /// The bound address.
    pub fn local_addr(&self) -> SocketAddr {
        self.inner.local_addr
    }
}
