//! Embedded, append-only schema migrations from `migrations/`, run at every start.
//!
//! Each migration runs in its own transaction; an edited migration (checksum mismatch) or a
//! database that holds migrations this build does not know (a newer Gestdesk) stops the start.
//!
//! Foreign keys are off while migrations run and checked once after them, as SQLite asks for
//! rebuilding a table (a table dropped to be made again must not cascade into its children), and
//! renaming a table leaves the references to it as written (`legacy_alter_table`), so that the
//! rebuilt table takes the old one's place in every reference.

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
    conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;")?;
    let report = runner.run(conn);
    conn.execute_batch("PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON;")?;
    let report = report?;
    // Checked only after a migration ran: the check reads every row.
    let broken: i64 = if report.applied_migrations().is_empty() {
        0
    } else {
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })?
    };
    if broken > 0 {
        return Err(DbError::BrokenReferences(broken));
    }
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
