//! Daily backups inside the server: once a minute it checks whether today's backup is due
//! (the `backup_hour` has passed and no archive was written since), writes one, and removes
//! the oldest archives beyond `backup_keep`. A server that was off at that hour makes the
//! missed backup when it starts, once there is a previous backup to go on from (a brand-new
//! instance waits for the hour).

use crate::jobs::supervisor::Run;
use std::path::PathBuf;
use std::time::Duration;

use crate::app::App;
use crate::db::DbError;
use crate::domain::settings::Settings;
use crate::domain::settings::mail_registry as keys;

/// How often the schedule is looked at.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// Whether a backup is due at local time `now` for `hour`, given when the newest archive was
/// written and when the server started (Unix seconds).
pub fn due(now: &jiff::ZonedDateTime, hour: i64, newest: Option<i64>, started: i64) -> bool {
    let Ok(hour) = i8::try_from(hour) else {
        return false;
    };
    if i64::from(now.hour()) < i64::from(hour) {
        return false;
    }
    let Ok(slot) = now
        .with()
        .hour(hour)
        .minute(0)
        .second(0)
        .millisecond(0)
        .microsecond(0)
        .nanosecond(0)
        .build()
    else {
        return false;
    };
    let slot = slot.timestamp().as_second();
    match newest {
        Some(at) => at < slot,
        None => started <= slot,
    }
}

/// One look at the schedule: writes today's backup when it is due, or now when asked. Says
/// what it did.
pub async fn check(app: &App, run: Run) -> Result<String, String> {
    let settings = app
        .db()
        .read(|c| Settings::load(c).map_err(DbError::from))
        .await
        .map_err(|e| e.to_string())?;
    if !settings.flag(keys::BACKUP_AUTO) {
        return Ok("automatic backups are off".to_owned());
    }
    let dir: PathBuf = app.config().backups_dir();
    let newest = crate::backup::list(&dir)
        .map_err(|e| e.to_string())?
        .first()
        .map(|b| b.modified);
    let started = app.started_at().as_second();
    if run == Run::Scheduled
        && !due(
            &jiff::ZonedDateTime::now(),
            settings.number(keys::BACKUP_HOUR),
            newest,
            started,
        )
    {
        return Ok("not due".to_owned());
    }
    let keep = usize::try_from(settings.number(keys::BACKUP_KEEP)).unwrap_or(7);
    let (db, config) = (app.db().clone(), app.config().clone());
    let created = tokio::task::spawn_blocking(move || {
        let made = crate::backup::create(
            &db,
            config.data_dir(),
            &config.attachments_dir(),
            &config.backups_dir(),
            None,
        )?;
        let removed = crate::backup::prune(&config.backups_dir(), keep)?;
        Ok::<_, crate::backup::BackupError>((made, removed))
    })
    .await
    .map_err(|e| e.to_string())?
    .map_err(|e| e.to_string())?;
    let said = format!(
        "scheduled backup written: {} ({} bytes, {:.1} s); {} old archive(s) removed",
        created.0.path.display(),
        created.0.size,
        created.0.took.as_secs_f64(),
        created.1
    );
    tracing::info!("{said}");
    Ok(said)
}

#[cfg(test)]
mod tests {
    use super::due;

    fn at(text: &str) -> jiff::ZonedDateTime {
        format!("{text}[UTC]").parse().expect("time")
    }

    #[test]
    fn the_daily_backup_is_due_once_after_its_hour() {
        let two = at("2026-11-28T02:00:00").timestamp().as_second();
        let early = two - 7200;
        assert!(!due(&at("2026-11-28T01:59:00"), 2, None, early));
        assert!(due(&at("2026-11-28T02:00:30"), 2, None, early));
        assert!(due(
            &at("2026-11-28T09:00:00"),
            2,
            Some(two - 3600),
            two + 3600
        ));
        assert!(!due(&at("2026-11-28T09:00:00"), 2, Some(two + 10), early));
        assert!(!due(&at("2026-11-28T23:00:00"), 2, Some(two + 10), early));
        assert!(due(&at("2026-11-29T02:01:00"), 2, Some(two + 10), early));
        // A new instance started after the hour waits for the next day.
        assert!(!due(&at("2026-11-28T09:00:00"), 2, None, two + 3600));
    }
}
