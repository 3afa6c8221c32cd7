//! The matches of recent searches in their list's order, kept until tickets or names change.
//!
//! A search's page needs the number of its matches and their order, each read by looking every
//! match up among the tickets (a few thousand for a usual word at 100,000 tickets: milliseconds).
//! Its other pages, a refresh, and the same search by a colleague ask for the same matches
//! again; reading them once, in order, gives the count (their number) and every page (a slice).

use std::collections::VecDeque;
use std::sync::{Arc, LazyLock, Mutex};

use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;

/// How many searches are kept, the most recently used first.
const KEPT: usize = 16;

/// A search with more matches than this is read again at each page rather than kept (a list
/// of them takes 8 bytes per match).
const MAX_MATCHES: usize = 100_000;

type Ordered = Arc<Vec<i64>>;

/// Keys and values, the most recently used first.
type Entries<T> = VecDeque<(String, Arc<T>)>;

/// Values read from tickets and the reference tables, kept until either changes, the most
/// recently used first, at most `N` of them.
pub(super) struct Recent<T, const N: usize>(LazyLock<Mutex<Entries<T>>>);

impl<T, const N: usize> Recent<T, N> {
    pub(super) const fn new() -> Self {
        Recent(LazyLock::new(Default::default))
    }

    /// The value kept for `what` in the database of `conn` at its present state of tickets and
    /// reference tables, or the one `read` returns, kept when `keep` says so. `what` must name
    /// everything `read` depends on besides those tables.
    pub(super) fn get(
        &self,
        conn: &Connection,
        what: &str,
        read: impl FnOnce() -> rusqlite::Result<T>,
        keep: impl FnOnce(&T) -> bool,
    ) -> rusqlite::Result<Arc<T>> {
        let db = conn.path().unwrap_or_default();
        // An in-memory database has no name to keep values under.
        if db.is_empty() {
            return read().map(Arc::new);
        }
        let key = format!(
            "{db}\u{1f}{}\u{1f}{}\u{1f}{what}",
            super::counters::generation(conn)?,
            crate::db::reference_generation(conn)?
        );
        if let Ok(mut recent) = self.0.lock()
            && let Some(at) = recent.iter().position(|(k, _)| *k == key)
            && let Some(found) = recent.remove(at)
        {
            let value = found.1.clone();
            recent.push_front(found);
            return Ok(value);
        }
        let value = Arc::new(read()?);
        if keep(&value)
            && let Ok(mut recent) = self.0.lock()
        {
            recent.push_front((key, value.clone()));
            recent.truncate(N);
        }
        Ok(value)
    }
}

static RECENT: Recent<Vec<i64>, KEPT> = Recent::new();

/// The numbers `read` returns for statement `sql` with `values`, kept while tickets and the
/// reference tables stay as they are. `sql` must read only tickets, their search index and the
/// reference tables.
pub(super) fn ordered(
    conn: &Connection,
    sql: &str,
    values: &[SqlValue],
    read: impl FnOnce() -> rusqlite::Result<Vec<i64>>,
) -> rusqlite::Result<Ordered> {
    RECENT.get(conn, &format!("{sql}\u{1f}{values:?}"), read, |ordered| {
        ordered.len() <= MAX_MATCHES
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    /// A kept search is read again once tickets or names change, and not before.
    #[test]
    fn kept_matches_follow_changes() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        let reads = std::cell::Cell::new(0);
        let sql = "SELECT t.id FROM tickets t WHERE t.title = ?";
        let values = [SqlValue::Text("kept test".to_owned())];
        let read = |conn: &Connection| {
            ordered(conn, sql, &values, || {
                reads.set(reads.get() + 1);
                let mut stmt = conn.prepare(sql)?;
                let rows = stmt.query_map(rusqlite::params_from_iter(&values), |r| r.get(0))?;
                rows.collect()
            })
        };
        let add = || {
            db.write_blocking(|tx| {
                tx.execute(
                    "INSERT INTO tickets (title, state_id, created_at, modified_at)
                     VALUES ('kept test', 2, 0, 0)",
                    [],
                )
                .map_err(crate::db::DbError::from)
            })
            .expect("insert");
        };
        let rename = || {
            db.write_blocking(|tx| {
                tx.execute(
                    "UPDATE ticket_states SET name = name || '!' WHERE id = 2",
                    [],
                )
                .map_err(crate::db::DbError::from)
            })
            .expect("rename");
        };
        let read_now = || {
            db.read_blocking(|c| read(c).map_err(crate::db::DbError::from))
                .expect("read")
        };
        add();
        assert_eq!(read_now().len(), 1);
        assert_eq!(read_now().len(), 1);
        assert_eq!(reads.get(), 1, "the second read is the kept one");
        add();
        assert_eq!(read_now().len(), 2, "a new ticket is seen at once");
        rename();
        read_now();
        assert_eq!(reads.get(), 3, "a renamed state reads the matches again");
    }
}
