//! Rights: GestSup's named flags, granted per profile in `profile_rights`.
//!
//! A user's rights are read from the database on every request, so that a change to the matrix
//! applies to the next request of every user of that profile.

use std::collections::HashSet;

use rusqlite::Connection;

use super::profiles::Profile;

/// Names of the rights the code checks. The full list of 195 lives in the `rights` table.
pub mod names {
    /// Shows the Administration menu and gives access to its pages.
    pub const ADMIN: &str = "admin";
    /// Shows the left menu.
    pub const SIDE: &str = "side";
}

/// The rights granted to one profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RightSet(HashSet<String>);

impl RightSet {
    /// Whether `name` is granted.
    pub fn has(&self, name: &str) -> bool {
        self.0.contains(name)
    }

    /// How many rights are granted.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether none is granted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<String> for RightSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

/// The rights granted to `profile`.
pub fn for_profile(conn: &Connection, profile: Profile) -> Result<RightSet, rusqlite::Error> {
    let mut stmt =
        conn.prepare_cached("SELECT right_name FROM profile_rights WHERE profile_id = ?1")?;
    let rows = stmt.query_map([profile.id()], |r| r.get::<_, String>(0))?;
    rows.collect()
}

/// Every right name, in matrix order.
pub fn all_names(conn: &Connection) -> Result<Vec<String>, rusqlite::Error> {
    let mut stmt = conn.prepare_cached("SELECT name FROM rights ORDER BY position")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    rows.collect()
}
