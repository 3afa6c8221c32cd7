//! Rights: GestSup's named flags, granted per profile in `profile_rights`.
//!
//! A user's rights are read from the database on every request, so that a change to the matrix
//! applies to the next request of every user of that profile.

pub mod pending;

use std::sync::Arc;

use rustc_hash::FxHashSet;

use rusqlite::Connection;

use super::profiles::Profile;

pub mod names;

/// One right of the matrix, by its GestSup name. Only [`names`] makes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Right(&'static str);

impl Right {
    /// The stored name (GestSup's).
    pub const fn name(self) -> &'static str {
        self.0
    }

    /// The right named `name`, if the matrix has it.
    pub fn from_name(name: &str) -> Option<Right> {
        names::ALL.iter().copied().find(|r| r.0 == name)
    }
}

impl std::fmt::Display for Right {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// The rights granted to one profile (shared: every request of the profile's users reads the
/// same set).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RightSet(Arc<FxHashSet<String>>);

impl RightSet {
    /// Whether `right` is granted.
    pub fn has(&self, right: Right) -> bool {
        self.0.contains(right.0)
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
        Self(Arc::new(iter.into_iter().collect()))
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

/// One row of the rights matrix.
#[derive(Debug, Clone)]
pub struct MatrixRow {
    pub name: String,
    pub family: String,
    /// Granted or not, for each profile of [`Profile::ALL`], in that order.
    pub granted: [bool; 5],
}

/// Every right with its grants, in matrix order.
pub fn matrix(conn: &Connection) -> Result<Vec<MatrixRow>, rusqlite::Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.name, r.family, group_concat(pr.profile_id)
         FROM rights r LEFT JOIN profile_rights pr ON pr.right_name = r.name
         GROUP BY r.name ORDER BY r.position",
    )?;
    let rows = stmt.query_map([], |r| {
        let profiles: Option<String> = r.get(2)?;
        let ids: Vec<i64> = profiles
            .unwrap_or_default()
            .split(',')
            .filter_map(|p| p.parse().ok())
            .collect();
        let granted = Profile::ALL.map(|p| ids.contains(&p.id()));
        Ok(MatrixRow {
            name: r.get(0)?,
            family: r.get(1)?,
            granted,
        })
    })?;
    rows.collect()
}

/// Grants or revokes `right` for `profile`. Fails with `NotFound` for an unknown right.
pub fn set(
    tx: &rusqlite::Transaction<'_>,
    profile: Profile,
    right: &str,
    granted: bool,
) -> Result<(), crate::domain::DomainError> {
    let known: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM rights WHERE name = ?1)",
        [right],
        |r| r.get(0),
    )?;
    if !known {
        return Err(crate::domain::DomainError::NotFound);
    }
    if granted {
        tx.execute(
            "INSERT OR IGNORE INTO profile_rights (profile_id, right_name) VALUES (?1, ?2)",
            rusqlite::params![profile.id(), right],
        )?;
    } else {
        tx.execute(
            "DELETE FROM profile_rights WHERE profile_id = ?1 AND right_name = ?2",
            rusqlite::params![profile.id(), right],
        )?;
    }
    Ok(())
}

/// Whether `profile` holds `right`.
pub fn is_granted(
    conn: &Connection,
    profile: Profile,
    right: &str,
) -> Result<bool, rusqlite::Error> {
    conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM profile_rights WHERE profile_id = ?1 AND right_name = ?2)",
        rusqlite::params![profile.id(), right],
        |r| r.get(0),
    )
}

/// Whether changing `right` needs a confirmation: the rights of the administration, whose loss
/// locks people out and whose grant hands over the keys.
pub fn is_dangerous(right: &str) -> bool {
    right == names::ADMIN.name() || right.starts_with("admin_")
}

/// The ids of the enabled accounts whose profile holds `admin`.
pub fn active_administrator_ids(
    conn: &Connection,
) -> Result<std::collections::HashSet<i64>, rusqlite::Error> {
    conn.prepare_cached(
        "SELECT u.id FROM users u
         JOIN profile_rights pr ON pr.profile_id = u.profile_id AND pr.right_name = ?1
         WHERE u.disabled = 0",
    )?
    .query_map([names::ADMIN.name()], |r| r.get(0))?
    .collect()
}

/// Enabled accounts whose profile holds `admin`: those able to administer.
pub fn active_administrators(conn: &Connection) -> Result<i64, rusqlite::Error> {
    conn.query_row(
        "SELECT count(*) FROM users u
         JOIN profile_rights pr ON pr.profile_id = u.profile_id AND pr.right_name = ?1
         WHERE u.disabled = 0",
        [names::ADMIN.name()],
        |r| r.get(0),
    )
}

/// Refuses a change (its transaction is rolled back) that left no enabled account able to
/// administer: on one PC with one administrator, that is an outage nobody can undo from a
/// browser.
pub fn keep_an_administrator(
    tx: &rusqlite::Transaction<'_>,
) -> Result<(), crate::domain::DomainError> {
    if active_administrators(tx)? == 0 {
        return Err(crate::domain::DomainError::Conflict(crate::i18n::msg(
            "error-last-administrator",
        )));
    }
    Ok(())
}

/// What a click on the matrix did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toggled {
    /// Changed: the right is now granted (`true`) or denied.
    Done(bool),
    /// Not changed: a dangerous change waits for its confirmation; it would grant (`true`) or
    /// deny the right.
    NeedsConfirmation(bool),
}

/// Flips `right` for `profile` and logs who did it, with the state before and after. A change
/// of an administration right needs `confirmed`; a change that leaves no active administrator
/// is refused.
pub async fn toggle(
    db: &crate::db::Db,
    profile: Profile,
    right: String,
    confirmed: bool,
    by: crate::domain::users::User,
    ip: String,
) -> Result<Toggled, crate::domain::DomainError> {
    db.write(move |tx| {
        let before = is_granted(tx, profile, &right)?;
        if is_dangerous(&right) && !confirmed {
            let known: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM rights WHERE name = ?1)",
                [&right],
                |r| r.get(0),
            )?;
            if !known {
                return Err(crate::domain::DomainError::NotFound);
            }
            return Ok(Toggled::NeedsConfirmation(!before));
        }
        set(tx, profile, &right, !before)?;
        keep_an_administrator(tx)?;
        let word = |g: bool| if g { "granted" } else { "denied" };
        crate::domain::events::record(
            tx,
            crate::domain::events::EventKind::RightChanged,
            &format!(
                "right {right} of profile {}: {} -> {} (by {})",
                profile.code(),
                word(before),
                word(!before),
                by.login
            ),
            Some(by.id),
            &ip,
        )?;
        Ok(Toggled::Done(!before))
    })
    .await
}

/// A change of the rights matrix, as logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub at: i64,
    pub by: String,
    pub what: String,
}

/// The latest changes of the matrix (and of administrators' repairs), newest first.
pub fn recent_changes(conn: &Connection, limit: i64) -> Result<Vec<Change>, rusqlite::Error> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.at, COALESCE(u.login, ''), e.message FROM event_log e
         LEFT JOIN users u ON u.id = e.user_id
         WHERE e.kind IN ('right_changed', 'admin_repaired')
         ORDER BY e.at DESC, e.id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(Change {
            at: r.get(0)?,
            by: r.get(1)?,
            what: r.get(2)?,
        })
    })?;
    rows.collect()
}

/// The rights matrix and its `limit` latest changes.
pub async fn matrix_page(
    db: &crate::db::Db,
    limit: i64,
) -> Result<(Vec<MatrixRow>, Vec<Change>), crate::domain::DomainError> {
    crate::domain::run::read(db, move |c| Ok((matrix(c)?, recent_changes(c, limit)?))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_rights_are_the_ones_the_migrations_seed_in_the_matrix_order() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("rights.sqlite3");
        drop(crate::db::Db::open(&path).expect("migrated database"));
        let conn = Connection::open(&path).expect("open");
        let mut stmt = conn
            .prepare("SELECT name FROM rights ORDER BY position")
            .expect("rights");
        let seeded: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .expect("rights")
            .collect::<Result<_, _>>()
            .expect("rights");
        let named: Vec<&str> = names::ALL.iter().map(|r| r.name()).collect();
        assert_eq!(named, seeded);
        for r in names::ALL {
            assert_eq!(Right::from_name(r.name()), Some(r));
        }
        assert_eq!(Right::from_name("admn"), None);
        for (r, _) in pending::PENDING {
            assert!(names::ALL.contains(r), "{r}");
        }
    }
}
