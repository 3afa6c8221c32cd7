//! Facts about the running instance for the administration's System page.

use std::path::Path;

use rusqlite::Connection;

use crate::db::{self, DbError};

/// Sizes and versions of the database.
#[derive(Debug, Clone)]
pub struct DatabaseFacts {
    pub schema_version: i64,
    pub latest_schema_version: i64,
    /// The database file plus its write-ahead log, in bytes.
    pub size_bytes: u64,
    pub users: i64,
    pub tickets: i64,
}

/// Reads the database facts.
pub fn database_facts(conn: &Connection, path: &Path) -> Result<DatabaseFacts, DbError> {
    let file_size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    Ok(DatabaseFacts {
        schema_version: db::schema_version(conn)?,
        latest_schema_version: db::latest_schema_version(),
        size_bytes: file_size(path) + file_size(Path::new(&wal)),
        users: conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?,
        tickets: conn.query_row("SELECT count(*) FROM tickets WHERE deleted = 0", [], |r| {
            r.get(0)
        })?,
    })
}

/// The database's facts and the addresses throttled now, for the system page.
pub async fn overview(
    db: &crate::db::Db,
) -> Result<
    (
        DatabaseFacts,
        Vec<crate::domain::auth::throttle::ThrottledAddress>,
    ),
    crate::domain::DomainError,
> {
    let path = db.path().to_owned();
    crate::domain::run::read(db, move |c| {
        let facts = database_facts(c, &path)?;
        let now = crate::domain::clock::now();
        Ok((
            facts,
            crate::domain::auth::throttle::throttled_addresses(c, now)?,
        ))
    })
    .await
}
