//! What pages read from the reference tables (settings, rights, people, groups and their
//! members, users' services, agencies and saved views, the lists), kept in memory until one of
//! those tables changes.
//!
//! Triggers count every change of the reference tables in `change_counter.reference`; a kept
//! value is handed out only while that number is the one it was read at, checked by one small
//! read in the caller's own transaction (with the tickets' change number, once per read), so
//! that a page never mixes a kept value with a newer state of the database. Values are read and
//! kept only inside read transactions ([`super::Db::read_blocking`]): a write could keep what it
//! has not committed yet.

use std::any::Any;
use std::cell::Cell;
use std::sync::{Arc, RwLock};

use rusqlite::Connection;
use rustc_hash::FxHashMap;

/// Past this many kept values, the memory starts over (it refills as pages ask).
const MAX_ENTRIES: usize = 1_000;

thread_local! {
    /// Whether this thread runs a read transaction of the pool.
    static READING: Cell<bool> = const { Cell::new(false) };
    /// The change numbers (reference tables, tickets) the running read transaction saw, once
    /// read (they cannot change within the transaction).
    static SEEN: Cell<Option<(i64, i64)>> = const { Cell::new(None) };
}

/// Marks the current thread as running a read transaction until dropped.
pub(super) struct Reading(bool);

impl Reading {
    pub(super) fn start() -> Self {
        SEEN.set(None);
        Self(READING.replace(true))
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        SEEN.set(None);
        READING.set(self.0);
    }
}

type Kept = (i64, Arc<dyn Any + Send + Sync>);

/// The kept values, by name.
#[derive(Default)]
pub struct Memo {
    /// Read by every request, written when a value is read again: a page on each core reads
    /// its values without waiting for the other.
    kept: RwLock<FxHashMap<String, Kept>>,
}

/// The change numbers of the reference tables and of tickets, as `conn` sees them: read once
/// per read transaction (a page asks for them a few times), at each call elsewhere.
pub fn generations(conn: &Connection) -> rusqlite::Result<(i64, i64)> {
    let read = || {
        conn.prepare_cached("SELECT reference, tickets FROM change_counter")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
    };
    if !READING.get() {
        return read();
    }
    if let Some(seen) = SEEN.get() {
        return Ok(seen);
    }
    let seen = read()?;
    SEEN.set(Some(seen));
    Ok(seen)
}

/// The change number of the reference tables, as `conn` sees them.
pub fn reference_generation(conn: &Connection) -> rusqlite::Result<i64> {
    Ok(generations(conn)?.0)
}

impl Memo {
    /// The value named `key`, read by `load` from the reference tables only, unless it is kept
    /// from the same state of them. `key` must name everything `load` depends on besides those
    /// tables (a language, a list of columns).
    pub fn get<T, E>(
        &self,
        conn: &Connection,
        key: &str,
        load: impl FnOnce(&Connection) -> Result<T, E>,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        E: From<rusqlite::Error>,
    {
        if !READING.get() {
            return Ok(Arc::new(load(conn)?));
        }
        let generation = reference_generation(conn)?;
        let found = self.read().get(key).and_then(|(at, value)| {
            (*at == generation)
                .then(|| value.clone().downcast::<T>().ok())
                .flatten()
        });
        if let Some(value) = found {
            return Ok(value);
        }
        let value = Arc::new(load(conn)?);
        let mut kept = self.write();
        if kept.len() >= MAX_ENTRIES {
            kept.clear();
        }
        kept.insert(key.to_owned(), (generation, value.clone()));
        Ok(value)
    }

    /// A poisoned lock only means a thread panicked while holding it; the map stays whole.
    fn read(&self) -> std::sync::RwLockReadGuard<'_, FxHashMap<String, Kept>> {
        self.kept
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// As [`Memo::read`], to keep a value.
    fn write(&self) -> std::sync::RwLockWriteGuard<'_, FxHashMap<String, Kept>> {
        self.kept
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use crate::db::Db;

    fn database() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        (dir, db)
    }

    /// How many times `load` ran for one value asked twice in two reads.
    fn loads_for_two_reads(db: &Db, between: &str) -> usize {
        let loads = std::sync::atomic::AtomicUsize::new(0);
        let ask = || {
            db.read_blocking(|c| {
                db.memo()
                    .get(c, "a value", |c| {
                        loads.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        c.query_row("SELECT count(*) FROM settings", [], |r| r.get::<_, i64>(0))
                    })
                    .map(|v| *v)
                    .map_err(crate::db::DbError::from)
            })
        };
        ask().expect("first read");
        if !between.is_empty() {
            db.write_blocking(|tx| tx.execute_batch(between).map_err(crate::db::DbError::from))
                .expect("change");
        }
        ask().expect("second read");
        loads.into_inner()
    }

    #[test]
    fn a_value_is_kept_until_a_reference_table_changes() {
        let loads = |between: &str| {
            let (_dir, db) = database();
            loads_for_two_reads(&db, between)
        };
        assert_eq!(loads(""), 1, "kept between reads");
        assert_eq!(
            loads("INSERT INTO settings (key, value, updated_at) VALUES ('company_name', 'X', 0)"),
            2,
            "read again after a settings change"
        );
        assert_eq!(
            loads("UPDATE profile_rights SET right_name = right_name WHERE profile_id = 4"),
            2,
            "read again after a rights change"
        );
        assert_eq!(
            loads("UPDATE change_counter SET tickets = tickets + 1"),
            1,
            "a ticket change leaves reference values alone"
        );
    }

    #[test]
    fn nothing_is_kept_outside_a_read_transaction() {
        let (_dir, db) = database();
        let mut loads = 0;
        for _ in 0..2 {
            db.write_blocking(|tx| {
                db.memo()
                    .get(tx, "a value", |_| {
                        loads += 1;
                        Ok::<_, rusqlite::Error>(1)
                    })
                    .map_err(crate::db::DbError::from)
            })
            .expect("write");
        }
        assert_eq!(loads, 2);
    }

    #[test]
    fn a_write_reads_the_change_numbers_it_just_moved() {
        let (_dir, db) = database();
        let (before, after) = db
            .write_blocking(|tx| {
                let before = super::generations(tx)?;
                tx.execute("UPDATE change_counter SET tickets = tickets + 1", [])?;
                Ok::<_, crate::db::DbError>((before, super::generations(tx)?))
            })
            .expect("write");
        assert_eq!(after, (before.0, before.1 + 1));
        let seen = db
            .read_blocking(|c| Ok::<_, crate::db::DbError>(super::generations(c)?))
            .expect("read");
        assert_eq!(seen, after);
    }

    /// Every table a kept value may be read from counts its changes.
    #[test]
    fn every_reference_table_counts_its_changes() {
        let (_dir, db) = database();
        let mut tables: Vec<&str> = crate::domain::lists::registry::ALL
            .iter()
            .map(|d| d.table)
            .collect();
        tables.extend([
            "settings",
            "profile_rights",
            "groups",
            "users",
            "group_members",
            "user_services",
            "user_agencies",
            "personal_views",
        ]);
        for table in tables {
            let counted: i64 = db
                .read_blocking(|c| {
                    c.query_row(
                        "SELECT count(DISTINCT substr(sql, instr(sql, 'AFTER '), 12))
                         FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1
                         AND sql LIKE '%reference = reference + 1%'",
                        [table],
                        |r| r.get(0),
                    )
                    .map_err(crate::db::DbError::from)
                })
                .expect("triggers");
            assert_eq!(counted, 3, "{table}: insert, update and delete counted");
        }
    }
}
