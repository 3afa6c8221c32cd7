//! The record of setting changes: who changed what, when, from the web or the command line.

use rusqlite::Connection;

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub at: i64,
    pub key: String,
    pub old: Option<String>,
    pub new: String,
    /// The display name of who changed it, when a logged-in user did.
    pub by: Option<String>,
    /// `web` or `cli`.
    pub source: String,
}

/// The latest `limit` changes, newest first.
pub fn latest(conn: &Connection, limit: i64) -> rusqlite::Result<Vec<Change>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.at, l.key, l.old_value, l.new_value,
                u.display_name,
                l.source
         FROM settings_log l LEFT JOIN users u ON u.id = l.user_id
         ORDER BY l.at DESC, l.id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(Change {
            at: r.get(0)?,
            key: r.get(1)?,
            old: r.get(2)?,
            new: r.get(3)?,
            by: r.get(4)?,
            source: r.get(5)?,
        })
    })?;
    rows.collect()
}

/// The `limit` latest setting changes, newest first.
pub async fn recent(
    db: &crate::db::Db,
    limit: i64,
) -> Result<Vec<Change>, crate::domain::DomainError> {
    crate::domain::run::read(db, move |c| Ok(latest(c, limit)?)).await
}
