//! The state shared by every handler.

use std::net::SocketAddr;
use std::sync::Arc;

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
}

impl AppState {
    /// State for `app` served on `local_addr`.
    pub fn new(app: App, local_addr: SocketAddr, hub: Hub) -> Self {
        let urls = crate::net::urls_for(local_addr);
        Self {
            inner: Arc::new(Inner {
                app,
                local_addr,
                urls,
                hub,
                frames: FrameCache::default(),
            }),
        }
    }

    /// Live updates.
    pub fn hub(&self) -> &Hub {
        &self.inner.hub
    }

    /// The counters cache.
    pub fn frames(&self) -> &FrameCache {
        &self.inner.frames
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

    /// The URLs users can open.
    pub fn urls(&self) -> &[String] {
        &self.inner.urls
    }

    /// The bound address.
    pub fn local_addr(&self) -> SocketAddr {
        self.inner.local_addr
    }
}
