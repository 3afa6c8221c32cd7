//! Opening the database file safely: never write into a file that is not Gestdesk's.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{APPLICATION_ID, DbError, init_connection};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses an existing file that is not a SQLite database, or that belongs to another application.
pub(super) fn check_existing(path: &Path) -> Result<(), DbError> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(()); // not there yet: it will be created
    };
    if !meta.is_file() {
        return Err(DbError::NotSqlite {
            path: path.to_owned(),
        });
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok();
    if !read || &header != SQLITE_MAGIC {
        return Err(DbError::NotSqlite {
            path: path.to_owned(),
        });
    }
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|source| {
            DbError::Open {
                path: path.to_owned(),
                source,
            }
        })?;
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if id == APPLICATION_ID {
        return Ok(());
    }
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
    if id == 0 && objects == 0 {
        return Ok(()); // an empty SQLite file: ours to fill
    }
    Err(DbError::NotGestdesk {
        path: path.to_owned(),
        id,
    })
}

/// Opens (or creates) the file, marks it as Gestdesk's and applies the connection pragmas.
pub(super) fn open_connection(path: &Path) -> Result<Connection, DbError> {
    let mut conn = Connection::open(path).map_err(|source| DbError::Open {
        path: path.to_owned(),
        source,
    })?;
    init_connection(&mut conn).map_err(|source| DbError::Open {
        path: path.to_owned(),
        source,
    })?;
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if id != APPLICATION_ID {
        conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
    }
    Ok(conn)
}
