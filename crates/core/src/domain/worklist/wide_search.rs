//! A search for words found in a large share of the tickets ("the", or "printer" in a printer
//! shop). Collecting every match and sorting them all in the list's order took a second at a
//! million tickets; instead, the matches are taken as a set of numbers and the list is read in
//! its own order (from its indexes, as without a search), keeping the tickets of the set, up to
//! a bound. The pages up to the bound are exact and in order; the count says "more than".

use std::sync::Arc;

use rusqlite::{Connection, params};

use super::kept_searches::Recent;

/// How far a wide search reads.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// At most this many matches are listed.
    pub listed: usize,
    /// Fewer matches than this are read with the rest of the condition and sorted.
    pub few: i64,
    /// The list is read this many tickets at a time.
    pub chunk: i64,
    /// At most this many tickets of the list are read looking for matches; a search whose
    /// matches are rarer in the list is read the usual way.
    pub max_read: i64,
}

/// The bounds of the lists.
pub const BOUNDS: Bounds = Bounds {
    listed: 500,
    few: 20_000,
    chunk: 500,
    max_read: 20_000,
};

/// The first matches of a search in the list's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// At most [`Bounds::listed`] numbers, in the list's order.
    pub ids: Vec<i64>,
    /// Whether the list holds more matches than these.
    pub more: bool,
}

/// A set of ticket numbers.
struct Numbers(Vec<u64>);

impl Numbers {
    fn contains(&self, id: i64) -> bool {
        usize::try_from(id).ok().is_some_and(|i| {
            self.0
                .get(i / 64)
                .is_some_and(|word| word & (1 << (i % 64)) != 0)
        })
    }
}

/// How many sets of matches are kept (each takes one bit per ticket number: 125 KB at a
/// million tickets), the most recently used first.
const KEPT_SETS: usize = 8;

type Matches = Arc<(Numbers, i64)>;

/// The highest ticket number a set of matches is kept for (2.5 MB per set).
const MAX_NUMBER: i64 = 20_000_000;

/// Recent sets of matches, by database, query, and the change numbers of the tickets and of
/// the reference tables (people's names are searched) they were read at.
static KEPT: Recent<(Numbers, i64), KEPT_SETS> = Recent::new();

/// [`matching`], kept until tickets or names change: reading a million matches takes about
/// 90 ms, and the pages of a search ask for the same set again.
fn kept_matching(conn: &Connection, query: &str, top: i64) -> rusqlite::Result<Matches> {
    KEPT.get(conn, query, || matching(conn, query, top), |_| true)
}

/// Every ticket matching FTS query `query` (numbered up to `top`), with their number.
fn matching(conn: &Connection, query: &str, top: i64) -> rusqlite::Result<(Numbers, i64)> {
    let mut words = vec![0_u64; usize::try_from(top).unwrap_or(0) / 64 + 1];
    let mut count = 0;
    let mut stmt =
        conn.prepare_cached("SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?1")?;
    let mut rows = stmt.query([query])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if let Some(word) = usize::try_from(id).ok().and_then(|i| words.get_mut(i / 64)) {
            *word |= 1 << (id % 64);
            count += 1;
        }
    }
    Ok((Numbers(words), count))
}

/// The first matches of FTS query `query` in the order of the list that `read(page, per_page)`
/// reads without the search (its numbers and its number of pages), or `None` when the search
/// is better read with the rest of the condition: few matches, or matches too rare in the list
/// to find enough of them in its first tickets.
pub fn first_matches(
    conn: &Connection,
    query: &str,
    b: Bounds,
    mut read: impl FnMut(i64, i64) -> rusqlite::Result<(Vec<i64>, i64)>,
) -> rusqlite::Result<Option<Found>> {
    let some: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ?1
                                   LIMIT ?2)",
        )?
        .query_row(params![query, b.few], |r| r.get(0))?;
    if some < b.few {
        return Ok(None);
    }
    // A set takes one bit per ticket number up to the highest: past that bound (numbers
    // carried over from another tool), the search is read the usual way.
    let top: i64 = conn
        .prepare_cached("SELECT COALESCE(max(id), 0) FROM tickets")?
        .query_row([], |r| r.get(0))?;
    if top > MAX_NUMBER {
        return Ok(None);
    }
    let live: i64 = super::kept_counts::every(conn)?.values().sum();
    let matches = kept_matching(conn, query, top)?;
    let (numbers, count) = (&matches.0, matches.1);
    let listed = i64::try_from(b.listed).unwrap_or(i64::MAX);
    // The share of the list expected to match, from the share of every ticket.
    if count.saturating_mul(b.max_read) < listed.saturating_mul(live.max(1)) {
        return Ok(None);
    }
    let mut ids = Vec::with_capacity(b.listed + 1);
    let mut page = 1;
    loop {
        let (candidates, pages) = read(page, b.chunk)?;
        ids.extend(candidates.into_iter().filter(|id| numbers.contains(*id)));
        if ids.len() > b.listed {
            ids.truncate(b.listed);
            return Ok(Some(Found { ids, more: true }));
        }
        if page >= pages {
            return Ok(Some(Found { ids, more: false }));
        }
        if page * b.chunk >= b.max_read {
            return Ok(None);
        }
        page += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{Db, DbError};

    /// The matches found by reading the list in its order are the first ones of the list
    /// sorted with the search, and the count says when there are more; rare or few matches
    /// are left to the usual way.
    #[test]
    fn reading_the_list_in_order_finds_its_first_matches() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        db.write_blocking(|tx| {
            let mut insert = tx.prepare(
                "INSERT INTO tickets (title, state_id, created_at, modified_at)
                 VALUES (?1, 2, 0, 0)",
            )?;
            for i in 0..400_i64 {
                // Nine tickets in ten say "printer"; one in a hundred says "scanner".
                let word = if i % 100 == 7 {
                    "scanner"
                } else if i % 10 == 3 {
                    "screen"
                } else {
                    "printer"
                };
                insert.execute([format!(
                    "{} {word} {}",
                    ["Zed", "alpha", "Mid"][(i % 3) as usize],
                    i * 37 % 101
                )])?;
            }
            crate::domain::worklist::search_queue::index_pending(tx, 1_000)?;
            Ok::<_, DbError>(())
        })
        .expect("tickets");
        db.read_blocking(|conn| {
            let ordered = |extra: &str, limit: i64, offset: i64| -> rusqlite::Result<Vec<i64>> {
                let mut stmt = conn.prepare(&format!(
                    "SELECT t.id FROM tickets t WHERE t.deleted = 0 {extra}
                     ORDER BY t.title COLLATE NOCASE DESC, t.id LIMIT ?1 OFFSET ?2"
                ))?;
                stmt.query_map([limit, offset], |r| r.get(0))?.collect()
            };
            let total = 400;
            let read = |page: i64, per_page: i64| {
                ordered("", per_page, (page - 1) * per_page)
                    .map(|ids| (ids, (total + per_page - 1) / per_page))
            };
            let searched = |word: &str| {
                ordered(
                    &format!(
                        "AND t.id IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH '\"{word}\"*')"
                    ),
                    1000,
                    0,
                )
            };
            let b = Bounds { listed: 50, few: 20, chunk: 30, max_read: 120 };
            let printers = searched("printer")?;
            assert_eq!(printers.len(), 356);
            let found = first_matches(conn, "\"printer\"*", b, read)?.expect("wide");
            assert_eq!(found, Found { ids: printers[..50].to_vec(), more: true });
            // Up to the end of the list when the bound is not reached.
            let wide = Bounds { listed: 1000, max_read: 2000, ..b };
            let found = first_matches(conn, "\"printer\"*", wide, read)?.expect("wide");
            assert_eq!(found, Found { ids: printers, more: false });
            // "screen": 40 matches, too rare to find 50 in 120 tickets; "scanner": too few.
            assert_eq!(first_matches(conn, "\"screen\"*", b, read)?, None);
            assert_eq!(first_matches(conn, "\"scanner\"*", b, read)?, None);
            Ok::<_, DbError>(())
        })
        .expect("read");
    }

    #[test]
    fn a_set_of_numbers_holds_what_was_put_in() {
        let mut words = vec![0_u64; 3];
        for id in [0_i64, 63, 64, 130] {
            words[usize::try_from(id).expect("small") / 64] |= 1 << (id % 64);
        }
        let numbers = Numbers(words);
        for id in [0, 63, 64, 130] {
            assert!(numbers.contains(id), "{id}");
        }
        for id in [-1, 1, 62, 65, 129, 131, 1_000_000] {
            assert!(!numbers.contains(id), "{id}");
        }
    }
}
