//! The scheduled ping of every asset: once a minute it checks whether the last ping of every
//! asset is older than `net.ping_every_hours` (0 turns it off; so do the asset and IP
//! switches), and runs one when it is, at the configured rate, off the request threads.

use crate::jobs::supervisor::Run;
use std::time::Duration;

use crate::db::{Db, DbError};
use crate::domain::assets::network;
use crate::domain::settings::network_registry as keys;
use crate::domain::settings::{FUNCTION_ASSET_IP, FUNCTION_ASSETS, Settings};
use crate::net_tools::{self, Turn};

/// How often the schedule is looked at.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Whether a ping of every asset is due at `now`, every `hours`, the last one having started
/// at `last` (seconds).
pub fn due(now: i64, hours: i64, last: Option<i64>) -> bool {
    hours > 0 && last.is_none_or(|at| now - at >= hours * 3_600)
}

/// One look at the schedule. Says what it did.
pub async fn check(db: &Db, run: Run) -> Result<String, String> {
    let settings = db
        .read(|c| Settings::load(c).map_err(DbError::from))
        .await
        .map_err(|e| e.to_string())?;
    if !settings.flag(FUNCTION_ASSETS) || !settings.flag(FUNCTION_ASSET_IP) {
        return Ok("assets or their IP management are off".to_owned());
    }
    let last = network::last_ping_of_every(db)
        .await
        .map_err(|e| e.to_string())?;
    let now = crate::domain::clock::now();
    if run == Run::Scheduled && !due(now, settings.number(keys::PING_EVERY_HOURS), last) {
        return Ok("not due".to_owned());
    }
    let Some(turn) = Turn::take(db) else {
        return Ok("a ping of every asset is running already".to_owned());
    };
    let report = net_tools::ping_every(db, &turn, None)
        .await
        .map_err(|e| e.to_string())?;
    let said = format!(
        "scheduled ping: {} of {} interfaces answered in {:.1} s ({})",
        report.answered(),
        report.results.len(),
        report.took.as_secs_f64(),
        report.method.code()
    );
    tracing::info!("{said}");
    Ok(said)
}

#[cfg(test)]
mod tests {
    use super::due;

    #[test]
    fn the_ping_of_every_asset_is_due_once_its_hours_have_passed() {
        assert!(due(10_000, 24, None));
        assert!(!due(10_000, 0, None));
        assert!(!due(100_000, 24, Some(100_000 - 3_600)));
        assert!(due(100_000, 24, Some(100_000 - 24 * 3_600)));
    }
}
