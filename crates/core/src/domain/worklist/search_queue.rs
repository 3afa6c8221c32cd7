//! Keeping the ticket search index up to date in batches.
//!
//! Triggers put every ticket whose searchable text changed in `search_pending` (its title,
//! description, requester's name or a reply); [`index_pending`] writes those tickets into the
//! index and empties the queue. The server calls it a few times a second, and every search
//! calls [`catch_up`] first, so a search always finds what was saved before it was asked. One
//! index write then serves many changes: writing the index in each transaction cost more than
//! the rest of opening a ticket (its pieces flushed and merged every time).

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::db::{Db, DbError};

/// Tickets indexed per transaction by the background round, so that a long queue (a requester
/// with thousands of tickets renamed) never holds the writers for long.
pub const BATCH: i64 = 2_000;

/// Whether tickets wait to be indexed.
pub fn has_pending(conn: &Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM search_pending)")?
        .query_row([], |r| r.get(0))
}

/// Indexes up to `limit` waiting tickets (the lowest numbers first) and takes them off the
/// queue; a ticket that no longer exists leaves the index. Returns how many were handled.
pub fn index_pending(tx: &Transaction<'_>, limit: i64) -> rusqlite::Result<usize> {
    // The highest number of this batch: every statement below works on the same tickets.
    let last: Option<i64> = tx
        .prepare_cached(
            "SELECT ticket_id FROM search_pending ORDER BY ticket_id LIMIT 1 OFFSET ?1 - 1",
        )?
        .query_row([limit.max(1)], |r| r.get(0))
        .optional()?;
    let last = last.unwrap_or(i64::MAX);
    tx.prepare_cached(
        "INSERT OR REPLACE INTO tickets_fts
             (rowid, number, title, description, requester, thread, private_thread, joined)
         SELECT * FROM tickets_fts_source
         WHERE rowid IN (SELECT ticket_id FROM search_pending WHERE ticket_id <= ?1)",
    )?
    .execute([last])?;
    tx.prepare_cached(
        "DELETE FROM tickets_fts WHERE rowid IN (
             SELECT ticket_id FROM search_pending
             WHERE ticket_id <= ?1 AND ticket_id NOT IN (SELECT id FROM tickets))",
    )?
    .execute([last])?;
    tx.prepare_cached("DELETE FROM search_pending WHERE ticket_id <= ?1")?
        .execute([last])
}

/// Indexes every waiting ticket, in batches of [`BATCH`] each in its own transaction. Returns
/// how many were indexed.
pub async fn index_all_pending(db: &Db) -> Result<usize, DbError> {
    let mut done = 0;
    while db.read_here(|c| Ok::<_, DbError>(has_pending(c)?)).await? {
        done += db
            .write(|tx| Ok::<_, DbError>(index_pending(tx, BATCH)?))
            .await?;
    }
    Ok(done)
}

/// Brings the index up to date before a search: everything saved before it is found.
pub async fn catch_up(db: &Db) -> Result<(), DbError> {
    if db.read_here(|c| Ok::<_, DbError>(has_pending(c)?)).await? {
        // One transaction, however long the queue: the search must not start half-way.
        db.write(|tx| {
            while index_pending(tx, BATCH)? > 0 {}
            Ok::<_, DbError>(())
        })
        .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(conn: &Connection, word: &str) -> i64 {
        conn.query_row(
            "SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ?1",
            [format!("\"{word}\"*")],
            |r| r.get(0),
        )
        .expect("search")
    }

    /// Changes wait in the queue until indexed, a batch takes the lowest numbers first, and a
    /// ticket removed from the database leaves the index.
    #[test]
    fn waiting_tickets_are_indexed_in_batches_and_removed_ones_leave_the_index() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        db.write_blocking(|tx| {
            for title in ["Toner empty", "Toner low", "Screen black"] {
                tx.execute(
                    "INSERT INTO tickets (title, state_id, created_at, modified_at)
                     VALUES (?1, 2, 0, 0)",
                    [title],
                )?;
            }
            assert!(has_pending(tx)?);
            assert_eq!(matches(tx, "toner"), 0, "not indexed yet");
            assert_eq!(index_pending(tx, 2)?, 2);
            assert_eq!(matches(tx, "toner"), 2);
            assert_eq!(matches(tx, "screen"), 0, "left for the next batch");
            assert_eq!(index_pending(tx, 2)?, 1);
            assert_eq!(matches(tx, "screen"), 1);
            assert!(!has_pending(tx)?);
            assert_eq!(index_pending(tx, 2)?, 0);

            tx.execute(
                "UPDATE tickets SET title = 'Toner ordered' WHERE id = 3",
                [],
            )?;
            tx.execute("DELETE FROM tickets WHERE id = 1", [])?;
            index_pending(tx, BATCH)?;
            assert_eq!(
                matches(tx, "toner"),
                2,
                "ticket 2, and 3 renamed; 1 removed"
            );
            assert_eq!(matches(tx, "screen"), 0);
            assert_eq!(matches(tx, "ordered"), 1);
            Ok::<_, DbError>(())
        })
        .expect("queue");
    }
}
