//! The daily network discovery: once a minute it checks whether today's discovery is due
//! (`net.scan_auto` on, the `net.scan_hour` passed, no discovery since), and discovers each
//! network flagged "scan" in turn, off the request threads.

use crate::jobs::supervisor::Run;
use std::time::Duration;

use crate::db::{Db, DbError};
use crate::domain::assets::discovery;
use crate::domain::settings::network_registry as keys;
use crate::domain::settings::{FUNCTION_ASSET_IP, FUNCTION_ASSETS, Settings};
use crate::net_tools;

/// How often the schedule is looked at.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// One look at the schedule. Says what it did.
pub async fn check(db: &Db, run: Run) -> Result<String, String> {
    let settings = db
        .read(|c| Settings::load(c).map_err(DbError::from))
        .await
        .map_err(|e| e.to_string())?;
    if !settings.flag(FUNCTION_ASSETS)
        || !settings.flag(FUNCTION_ASSET_IP)
        || !settings.flag(keys::SCAN_AUTO)
    {
        return Ok("scheduled discovery is off".to_owned());
    }
    let last = discovery::last_run(db).await.map_err(|e| e.to_string())?;
    // The same rule as the daily backup: after the hour, once a day (a server off at that hour
    // discovers when it starts).
    if run == Run::Scheduled
        && !super::backups::due(
            &jiff::ZonedDateTime::now(),
            settings.number(keys::SCAN_HOUR),
            last,
            0,
        )
    {
        return Ok("not due".to_owned());
    }
    let networks = discovery::networks(db, None, None)
        .await
        .map_err(|e| e.to_string())?;
    let mut said = Vec::new();
    for network in networks {
        let name = network.name.clone();
        if let Some(why) = &network.refused {
            said.push(format!("{name}: skipped ({})", why.key));
            continue;
        }
        match net_tools::discover(db, None, network, false).await {
            Ok(o) => {
                let (created, filled) = o.counts();
                said.push(format!(
                    "{name}: {} of {} answered, {created} created, {filled} filled",
                    o.answered, o.probed
                ));
            }
            Err(e) => said.push(format!("{name}: failed ({e})")),
        }
    }
    let said = format!("scheduled discovery: {}", said.join("; "));
    tracing::info!("{said}");
    Ok(said)
}
