//! Ticket counts per state under a condition, remembered until tickets change.
//!
//! Counting tens of thousands of tickets takes milliseconds; lists and menus ask for the same
//! counts on every page. Each database keeps its counts for the current change number (see
//! `change_counter`): any change to tickets, or to what views depend on, starts afresh.

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use rusqlite::Connection;
use rusqlite::types::Value as SqlValue;

use super::counters;

/// Counts kept per database at most; beyond, the oldest generation's set is dropped whole.
const MAX_ENTRIES: usize = 4096;

/// Counts by state.
pub type Counts = Arc<HashMap<i64, i64>>;

#[derive(Default)]
struct Remembered {
    generation: i64,
    counts: HashMap<String, Arc<dyn Any + Send + Sync>>,
}

/// One set per database file.
static CACHE: LazyLock<Mutex<HashMap<String, Remembered>>> = LazyLock::new(Default::default);

fn key(from_where: &str, values: &[SqlValue]) -> String {
    format!("{from_where}\u{1f}{values:?}")
}

/// The counts per state of `SELECT t.state_id, count(*) {from_where} GROUP BY t.state_id`.
/// `from_where` must read tickets (and tables whose changes bump the change counter) only.
pub fn per_state(
    conn: &Connection,
    from_where: &str,
    values: &[SqlValue],
) -> rusqlite::Result<Counts> {
    remembered(conn, key(from_where, values), || {
        count(conn, from_where, values)
    })
}

/// The counts `compute` reads, remembered under `key` until tickets change. `compute` must
/// read only what bumps the change counter when it changes, and `key` name all it depends on
/// (a value remembered under the same key as one of another type is read again).
pub fn remembered<T: Send + Sync + 'static>(
    conn: &Connection,
    key: String,
    compute: impl FnOnce() -> rusqlite::Result<T>,
) -> rusqlite::Result<Arc<T>> {
    let db = conn.path().unwrap_or_default().to_owned();
    // An in-memory database has no name to keep counts under.
    if db.is_empty() {
        return compute().map(Arc::new);
    }
    let generation = counters::generation(conn)?;
    if let Ok(cache) = CACHE.lock()
        && let Some(found) = cache
            .get(&db)
            .filter(|r| r.generation == generation)
            .and_then(|r| r.counts.get(&key))
            .and_then(|found| found.clone().downcast::<T>().ok())
    {
        return Ok(found);
    }
    let counts = Arc::new(compute()?);
    if let Ok(mut cache) = CACHE.lock() {
        let remembered = cache.entry(db).or_default();
        if remembered.generation != generation || remembered.counts.len() >= MAX_ENTRIES {
            remembered.generation = generation;
            remembered.counts.clear();
        }
        remembered
            .counts
            .insert(key, counts.clone() as Arc<dyn Any + Send + Sync>);
    }
    Ok(counts)
}

/// The same counts, read now (for conditions whose inputs do not all bump the change counter).
pub fn count(
    conn: &Connection,
    from_where: &str,
    values: &[SqlValue],
) -> rusqlite::Result<HashMap<i64, i64>> {
    let sql = format!("SELECT t.state_id, count(*) {from_where} GROUP BY t.state_id");
    let rows = super::plan::rows(conn, &sql, values.to_vec(), |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_follow_changes() {
        let dir = tempfile::tempdir().expect("dir");
        let conn = Connection::open(dir.path().join("c.sqlite3")).expect("open");
        conn.execute_batch(
            "CREATE TABLE change_counter (tickets INTEGER NOT NULL, reference INTEGER NOT NULL);
             INSERT INTO change_counter VALUES (0, 0);
             CREATE TABLE tickets (id INTEGER PRIMARY KEY, state_id INTEGER);
             INSERT INTO tickets (state_id) VALUES (1), (1), (2);",
        )
        .expect("schema");
        let sql = "FROM tickets t WHERE t.state_id > ?";
        let values = [SqlValue::Integer(0)];
        let first = per_state(&conn, sql, &values).expect("count");
        assert_eq!(first.get(&1), Some(&2));
        // Without a change, the same counts come back even if rows moved behind the counter.
        conn.execute("INSERT INTO tickets (state_id) VALUES (1)", [])
            .expect("insert");
        assert_eq!(
            per_state(&conn, sql, &values).expect("count").get(&1),
            Some(&2)
        );
        conn.execute("UPDATE change_counter SET tickets = 1", [])
            .expect("bump");
        assert_eq!(
            per_state(&conn, sql, &values).expect("count").get(&1),
            Some(&3)
        );
    }
}
