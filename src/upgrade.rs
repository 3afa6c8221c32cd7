//! Opening a data folder written by an older Gestdesk: before its schema is brought up to date
//! (the migrations run when the database opens), a whole copy of the database is written to the
//! backups folder as `gestdesk-before-upgrade-v<old>-<date>.sqlite3`, so that the older version
//! can be put back. Migrations change only the database: attachments need no copy.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

/// The schema version recorded in the database at `path`, when it has one (a new or foreign
/// file has none).
pub fn recorded_version(path: &Path) -> rusqlite::Result<Option<i64>> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let has: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM sqlite_schema WHERE type = 'table'
             AND name = 'refinery_schema_history')",
        [],
        |r| r.get(0),
    )?;
    if !has {
        return Ok(None);
    }
    conn.query_row(
        "SELECT max(version) FROM refinery_schema_history",
        [],
        |r| r.get::<_, Option<i64>>(0),
    )
    .optional()
    .map(Option::flatten)
}

/// The name of the copy taken before upgrading from `version`.
fn copy_name(version: i64) -> String {
    let now = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::system());
    format!(
        "gestdesk-before-upgrade-v{version}-{}.sqlite3",
        now.strftime("%Y%m%d-%H%M%S")
    )
}

/// When the database at `database` holds an older schema than this build's, copies it into
/// `backups_dir` (a consistent copy, through SQLite) and answers where.
pub fn backup_before_migrating(
    database: &Path,
    backups_dir: &Path,
) -> Result<Option<PathBuf>, std::io::Error> {
    if !database.is_file() {
        return Ok(None);
    }
    let latest = crate::db::latest_schema_version();
    // A file that cannot be read as a Gestdesk database is left to the database's own opening,
    // which refuses it with the reason.
    let Ok(Some(found)) = recorded_version(database) else {
        return Ok(None);
    };
    if found >= latest {
        return Ok(None);
    }
    std::fs::create_dir_all(backups_dir)?;
    let target = backups_dir.join(copy_name(found));
    let conn = Connection::open(database).map_err(std::io::Error::other)?;
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy().as_ref()])
        .map_err(std::io::Error::other)?;
    tracing::info!(
        from = found,
        to = latest,
        copy = %target.display(),
        "upgrading the database; a copy of it as it was is kept"
    );
    Ok(Some(target))
}
