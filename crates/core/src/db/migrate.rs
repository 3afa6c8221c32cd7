//! Embedded, append-only schema migrations from `migrations/`, run at every start.
//!
//! Each migration runs in its own transaction; an edited migration (checksum mismatch) or a
//! database that holds migrations this build does not know (a newer Gestdesk) stops the start.

use std::path::Path;

use rusqlite::Connection;

use super::DbError;

mod embedded {
    refinery::embed_migrations!("../../migrations");
}

/// Brings the schema up to date.
pub(super) fn run(conn: &mut Connection, path: &Path) -> Result<(), DbError> {
    let runner = embedded::migrations::runner();
    let known = latest_schema_version();
    let has_history: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'refinery_schema_history')",
        [],
        |r| r.get(0),
    )?;
    if has_history {
        let found = schema_version(conn)?;
        if found > known {
            return Err(DbError::NewerSchema {
                path: path.to_owned(),
                found,
                known,
            });
        }
    }
    let report = runner.run(conn)?;
    for m in report.applied_migrations() {
        tracing::info!(version = m.version(), name = m.name(), "applied migration");
    }
    Ok(())
}

/// The newest schema version this build knows.
pub fn latest_schema_version() -> i64 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .max()
        .unwrap_or(0)
}

/// The schema version recorded in the database.
pub fn schema_version(conn: &Connection) -> Result<i64, DbError> {
    let v = conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM refinery_schema_history",
        [],
        |r| r.get(0),
    )?;
    Ok(v)
}
