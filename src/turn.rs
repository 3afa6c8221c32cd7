//! One run at a time of a given kind of work on a given database in this process (one fetch
//! of a mailbox, one directory synchronisation): a [`Turn`] is taken or refused at once, and
//! released when dropped.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use crate::db::Db;

type Key = (&'static str, PathBuf, i64);

/// The turns held in this process: kind of work, database file, and what it works on.
static HELD: Mutex<Option<HashSet<Key>>> = Mutex::new(None);

/// This process's turn for one kind of work on one thing of one database.
pub struct Turn(Key);

impl Turn {
    /// The turn for `kind` of work on `id` of `db`, or None while another holds it.
    pub fn take(kind: &'static str, db: &Db, id: i64) -> Option<Turn> {
        let key = (kind, db.path().to_owned(), id);
        let mut set = HELD.lock().unwrap_or_else(PoisonError::into_inner);
        // Built only when taken: a turn made and dropped here would lock the set again.
        set.get_or_insert_with(HashSet::new)
            .insert(key.clone())
            .then(|| Turn(key))
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        let mut set = HELD.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(s) = set.as_mut() {
            s.remove(&self.0);
        }
    }
}
