//! The ping of every asset, one at a time per database: the schedule, the administrator's
//! "ping every asset now" and `gestdesk net ping-all` share one turn, so that a second start
//! while one runs is told so rather than doubling the traffic.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use crate::db::Db;
use crate::domain::assets::network::Which;
use crate::domain::{Actor, DomainError};

use super::PingReport;

/// The databases whose assets are being pinged now.
fn running() -> &'static Mutex<HashSet<PathBuf>> {
    static RUNNING: OnceLock<Mutex<HashSet<PathBuf>>> = OnceLock::new();
    RUNNING.get_or_init(|| Mutex::new(HashSet::new()))
}

/// The turn of one database's ping of every asset, given back when dropped.
pub struct Turn(PathBuf);

impl Turn {
    /// The turn of `db`, unless a ping of every asset runs on it already.
    pub fn take(db: &Db) -> Option<Turn> {
        let path = db.path().to_owned();
        let mut set = running().lock().unwrap_or_else(|e| e.into_inner());
        // Built only when taken: a turn made and dropped here would lock the set again (and
        // free the turn of the ping that runs).
        set.insert(path.clone()).then(|| Turn(path))
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        running()
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.0);
    }
}

/// Pings every interface of every asset with the turn taken; `author` is who asked (none for
/// the schedule and the command line). The run is kept for the pages and the schedule.
pub async fn ping_every(
    db: &Db,
    _turn: &Turn,
    author: Option<&Actor>,
) -> Result<PingReport, DomainError> {
    super::ping::ping_as(db, None, author, Which::Every).await
}
