//! Removing uploads nobody will use: files sent with a form that was never saved (kept so that
//! a form coming back with an error keeps its files) once they are [`PENDING_MAX_AGE`] old, and
//! files left half-received in the store's `tmp/` folder after [`TEMP_MAX_AGE`]. Runs when the
//! server starts and every [`EVERY`], so that a user sending files without saving cannot fill
//! the disk between restarts.

use std::time::Duration;

use crate::db::Db;
use crate::domain::files::{self, Store};

/// How often uploads are looked at.
pub const EVERY: Duration = Duration::from_secs(15 * 60);
/// How long an upload waits for its form.
pub const PENDING_MAX_AGE: i64 = 6 * 3600;
/// How long a file being received may stay in `tmp/` (longer than any request may last).
pub const TEMP_MAX_AGE: i64 = 3600;

/// One round: removes what is stale. Says how much.
pub async fn clean(db: &Db, store: &Store) -> Result<String, String> {
    match files::purge_stale(db, store, PENDING_MAX_AGE, TEMP_MAX_AGE).await {
        Ok(0) => Ok(String::new()),
        Ok(n) => {
            let said = format!("removed {n} upload(s) never saved with their form");
            tracing::info!("{said}");
            Ok(said)
        }
        Err(e) => Err(format!("could not clean stale uploads: {e}")),
    }
}
