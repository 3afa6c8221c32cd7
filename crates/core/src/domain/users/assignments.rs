//! Requesters attached to a technician: a new ticket from one of them (or from a member of one
//! of the attached user groups) goes straight to that technician.

use rusqlite::{Connection, Transaction, params};

use crate::domain::profiles::Profile;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;

use super::choices::{Choice, Who};

/// One attached requester.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub id: i64,
    pub choice: Choice,
}

/// The requesters attached to technician `tech`.
pub fn list(conn: &Connection, tech: i64) -> rusqlite::Result<Vec<Assignment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.user_id, u.display_name, a.user_group_id, g.name
         FROM technician_requesters a
         LEFT JOIN users u ON u.id = a.user_id
         LEFT JOIN groups g ON g.id = a.user_group_id
         WHERE a.technician_id = ?1
         ORDER BY a.user_group_id IS NOT NULL, u.display_name COLLATE NOCASE, g.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([tech], |r| {
        let id: i64 = r.get(0)?;
        let user: Option<i64> = r.get(1)?;
        let choice = match user {
            Some(uid) => Choice {
                who: Who::User(uid),
                label: r.get(2)?,
            },
            None => Choice {
                who: Who::Group(r.get(3)?),
                label: format!("[G] {}", r.get::<_, String>(4)?),
            },
        };
        Ok(Assignment { id, choice })
    })?;
    rows.collect()
}

fn field_error(message: &'static str) -> DomainError {
    let mut errors = FieldErrors::new();
    errors.add("requester", msg(message));
    DomainError::Invalid(errors)
}

/// Attaches `who` to technician `tech`, taking it away from any other technician.
pub fn add(tx: &Transaction<'_>, tech: i64, who: Who) -> Result<(), DomainError> {
    let profile: Option<i64> = tx
        .query_row("SELECT profile_id FROM users WHERE id = ?1", [tech], |r| {
            r.get(0)
        })
        .ok();
    let tech_profile = profile.and_then(Profile::from_id);
    if !matches!(
        tech_profile,
        Some(Profile::Technician | Profile::Administrator)
    ) {
        return Err(field_error("error-not-a-technician"));
    }
    match who {
        Who::User(user) => {
            let active: bool = tx
                .prepare_cached(
                    "SELECT EXISTS(SELECT 1 FROM users WHERE id = ?1 AND disabled = 0)",
                )?
                .query_row([user], |r| r.get(0))?;
            if !active {
                return Err(field_error("error-unknown-choice"));
            }
            tx.execute(
                "DELETE FROM technician_requesters WHERE user_id = ?1",
                [user],
            )?;
            tx.execute(
                "INSERT INTO technician_requesters (technician_id, user_id) VALUES (?1, ?2)",
                params![tech, user],
            )?;
        }
        Who::Group(group) => {
            let ok: bool = tx.query_row(
                "SELECT EXISTS(SELECT 1 FROM groups WHERE id = ?1 AND kind = 'user')",
                [group],
                |r| r.get(0),
            )?;
            if !ok {
                return Err(field_error("error-unknown-choice"));
            }
            tx.execute(
                "DELETE FROM technician_requesters WHERE user_group_id = ?1",
                [group],
            )?;
            tx.execute(
                "INSERT INTO technician_requesters (technician_id, user_group_id) VALUES (?1, ?2)",
                params![tech, group],
            )?;
        }
    }
    Ok(())
}

/// Detaches one requester from technician `tech`.
pub fn remove(tx: &Transaction<'_>, tech: i64, assignment: i64) -> Result<(), DomainError> {
    let n = tx.execute(
        "DELETE FROM technician_requesters WHERE id = ?1 AND technician_id = ?2",
        params![assignment, tech],
    )?;
    if n == 0 {
        return Err(DomainError::NotFound);
    }
    Ok(())
}

/// Attaches `who` (a requester or a group) to technician `tech`, as a use case.
pub async fn attach(
    db: &crate::db::Db,
    tech: crate::domain::ids::UserId,
    who: Who,
) -> Result<(), DomainError> {
    let tech = tech.0;
    crate::domain::run::write(db, move |tx| add(tx, tech, who)).await
}

/// Detaches assignment `assignment` from technician `tech`, as a use case.
pub async fn detach(
    db: &crate::db::Db,
    tech: crate::domain::ids::UserId,
    assignment: i64,
) -> Result<(), DomainError> {
    let tech = tech.0;
    crate::domain::run::write(db, move |tx| remove(tx, tech, assignment)).await
}
