//! Bringing back one list from a backup (Administration > Backups): the rows of the list's
//! table that the backup has and the database no longer has (by id) are inserted again; rows
//! that still exist are left as they are now.

use std::path::Path;

use rusqlite::types::Value;

use super::{BackupError, DATABASE};
use crate::db::Db;
use crate::domain::lists::registry::ListDef;

/// The column names of `table` in `conn`.
fn columns(conn: &rusqlite::Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    stmt.query_map([table], |r| r.get(0))?.collect()
}

/// Restores the missing rows of `list` from `archive`. Returns how many came back.
pub fn restore_list(
    db: &Db,
    archive: &Path,
    staging_parent: &Path,
    list: &'static ListDef,
) -> Result<usize, BackupError> {
    let staging = tempfile::Builder::new()
        .prefix(".list-")
        .tempdir_in(staging_parent)?;
    super::restore::unpack_and_check(archive, staging.path())?;
    let old = rusqlite::Connection::open_with_flags(
        staging.path().join(DATABASE),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )?;
    let table = list.table;
    let current = db.read_blocking(|c| columns(c, table).map_err(BackupError::from))?;
    let before = columns(&old, table)?;
    let shared: Vec<String> = current.into_iter().filter(|c| before.contains(c)).collect();
    if !shared.iter().any(|c| c == "id") {
        return Err(BackupError::NoSuchList);
    }
    // Column names come from SQLite's own schema, table names from the registry.
    let list_sql = shared
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let rows: Vec<Vec<Value>> = {
        let mut stmt = old.prepare(&format!("SELECT {list_sql} FROM {table}"))?;
        stmt.query_map([], |r| {
            (0..shared.len())
                .map(|i| r.get::<_, Value>(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    drop(old);
    let marks = vec!["?"; shared.len()].join(", ");
    let insert = format!("INSERT OR IGNORE INTO {table} ({list_sql}) VALUES ({marks})");
    db.write_blocking(move |tx| {
        let mut stmt = tx.prepare(&insert)?;
        let mut added = 0;
        for row in &rows {
            added += stmt.execute(rusqlite::params_from_iter(row.iter()))?;
        }
        Ok::<_, BackupError>(added)
    })
}
