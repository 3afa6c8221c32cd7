//! Moving every ticket of one agency to another (GestSup's option of the agencies list), for an
//! administrator: first what would move (how many tickets, to which agencies they can go), then
//! the move itself, in one transaction, with the count it found at that moment. Each ticket's
//! version moves on, so that a form opened before cannot write the old agency back unseen.

use rusqlite::{Connection, OptionalExtension, params};

use crate::db::Db;
use crate::domain::events::{self, EventKind};
use crate::domain::rights::names as right;
use crate::domain::{Actor, DomainError, FieldErrors, clock};
use crate::i18n::msg;

/// What a move of agency `from` would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub from: (i64, String),
    pub tickets: i64,
    /// The enabled agencies the tickets can go to, by name.
    pub targets: Vec<(i64, String)>,
}

fn agency(conn: &Connection, id: i64) -> rusqlite::Result<Option<(String, bool)>> {
    conn.query_row(
        "SELECT name, disabled FROM agencies WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

fn count(conn: &Connection, id: i64) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT count(*) FROM tickets WHERE agency_id = ?1",
        [id],
        |r| r.get(0),
    )
}

/// For administrators, while agencies are on (as the agencies list itself).
fn check(actor: &Actor) -> Result<(), DomainError> {
    if !actor.settings.flag(crate::domain::settings::USER_AGENCY) {
        Err(DomainError::NotFound)
    } else if actor.rights.has(right::ADMIN) {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// What moving the tickets of agency `from` would do.
pub async fn preview(db: &Db, actor: &Actor, from: i64) -> Result<Preview, DomainError> {
    check(actor)?;
    db.read(move |c| {
        let (name, _) = agency(c, from)?.ok_or(DomainError::NotFound)?;
        let mut stmt = c.prepare(
            "SELECT id, name FROM agencies WHERE disabled = 0 AND id <> ?1
             ORDER BY name COLLATE NOCASE",
        )?;
        let targets = stmt
            .query_map([from], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Preview {
            from: (from, name),
            tickets: count(c, from)?,
            targets,
        })
    })
    .await
}

/// Moves every ticket of agency `from` to agency `to`; returns how many moved.
pub async fn move_tickets(
    db: &Db,
    actor: &Actor,
    from: i64,
    to: i64,
    ip: String,
) -> Result<i64, DomainError> {
    check(actor)?;
    let by = actor.user.clone();
    db.write(move |tx| {
        let (from_name, _) = agency(tx, from)?.ok_or(DomainError::NotFound)?;
        let to_name = match agency(tx, to)? {
            Some((name, false)) if to != from => name,
            _ => {
                let mut errors = FieldErrors::new();
                errors.add("to", msg("agency-move-target-invalid"));
                return Err(DomainError::Invalid(errors));
            }
        };
        let moved = tx.execute(
            "UPDATE tickets SET agency_id = ?2, modified_at = ?3, version = version + 1
             WHERE agency_id = ?1",
            params![from, to, clock::now()],
        )?;
        events::record(
            tx,
            EventKind::ListChanged,
            &format!(
                "{moved} tickets moved from agency {from_name} to agency {to_name} by {}",
                by.login
            ),
            Some(by.id),
            &ip,
        )?;
        Ok(i64::try_from(moved).unwrap_or(i64::MAX))
    })
    .await
}
