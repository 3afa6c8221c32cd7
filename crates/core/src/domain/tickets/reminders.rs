//! Reminders (the bell on a ticket): a date and time and a text for the ticket's technician.

use rusqlite::{Connection, Transaction, params};

use crate::db::Db;
use crate::domain::ids::{ReminderId, TicketId};
use crate::domain::tickets::repo;
use crate::domain::users::choices::Who;
use crate::domain::{Actor, DomainError, FieldErrors, clock, run};
use crate::i18n::msg;

/// Sets a reminder on ticket `ticket` (which `actor` must see) for its technician.
pub async fn set(
    db: &Db,
    actor: &Actor,
    ticket: TicketId,
    due_at: Option<i64>,
    text: String,
) -> Result<i64, DomainError> {
    let actor = actor.clone();
    run::write(db, move |tx| {
        let viewer = actor.viewer(tx)?;
        let row = repo::get_visible(tx, &viewer, ticket)?.ok_or(DomainError::NotFound)?;
        let Some(Who::User(tech)) = row.values.technician else {
            return Err(DomainError::Conflict(msg("reminders-need-technician")));
        };
        add(
            tx,
            ticket.0,
            tech,
            due_at,
            &text,
            actor.id().0,
            clock::now(),
        )
    })
    .await
}

/// `actor`'s reminders that are due now.
pub async fn due_now(db: &Db, actor: &Actor) -> Result<Vec<Reminder>, DomainError> {
    let me = actor.id().0;
    run::read(db, move |c| Ok(due(c, me, clock::now())?)).await
}

/// Marks `actor`'s reminder `id` done.
pub async fn mark_done(db: &Db, actor: &Actor, id: ReminderId) -> Result<(), DomainError> {
    let me = actor.id().0;
    run::write(db, move |tx| done(tx, id.0, me)).await
}

/// A reminder as listed.
#[derive(Debug, Clone)]
pub struct Reminder {
    pub id: i64,
    pub ticket_id: i64,
    pub ticket_title: String,
    pub due_at: i64,
    pub text: String,
}

/// Reminders one ticket may have waiting at once.
pub const MAX_PER_TICKET: i64 = 20;

/// Sets a reminder on `ticket` for `technician`; refused beyond [`MAX_PER_TICKET`] waiting
/// ones.
pub fn add(
    tx: &Transaction<'_>,
    ticket: i64,
    technician: i64,
    due_at: Option<i64>,
    text: &str,
    by: i64,
    now: i64,
) -> Result<i64, DomainError> {
    let mut errors = FieldErrors::new();
    let text = text.trim();
    if text.chars().count() > 500 {
        errors.add("text", msg("error-too-long").arg("max", 500));
    }
    let Some(due_at) = due_at else {
        errors.add("due_at", msg("error-datetime"));
        return Err(DomainError::Invalid(errors));
    };
    // A minute's grace for the time it takes to press the button.
    if due_at < now - 60 {
        errors.add("due_at", msg("reminders-past"));
    }
    let pending: i64 = tx.query_row(
        "SELECT count(*) FROM reminders WHERE ticket_id = ?1 AND done = 0",
        [ticket],
        |r| r.get(0),
    )?;
    if pending >= MAX_PER_TICKET {
        errors.add(
            "reminder",
            msg("reminders-too-many").arg("max", MAX_PER_TICKET),
        );
    }
    errors.into_result()?;
    tx.execute(
        "INSERT INTO reminders (ticket_id, technician_id, due_at, text, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![ticket, technician, due_at, text, by, now],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The reminders of `technician` that are due at `now`.
pub fn due(conn: &Connection, technician: i64, now: i64) -> rusqlite::Result<Vec<Reminder>> {
    list(
        conn,
        "r.technician_id = ?1 AND r.done = 0 AND r.due_at <= ?2",
        params![technician, now],
    )
}

/// How many of `technician`'s reminders are due at `now`, and when the next one falls due.
pub fn due_count(
    conn: &Connection,
    technician: i64,
    now: i64,
) -> rusqlite::Result<(i64, Option<i64>)> {
    conn.prepare_cached(
        "SELECT count(*) FILTER (WHERE due_at <= ?2), min(due_at) FILTER (WHERE due_at > ?2)
         FROM reminders WHERE technician_id = ?1 AND done = 0",
    )?
    .query_row(params![technician, now], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// The open reminders of `ticket`.
pub fn of_ticket(conn: &Connection, ticket: i64) -> rusqlite::Result<Vec<Reminder>> {
    list(
        conn,
        "r.ticket_id = ?1 AND r.done = 0 AND ?2 = ?2",
        params![ticket, 0],
    )
}

fn list(
    conn: &Connection,
    condition: &str,
    values: impl rusqlite::Params,
) -> rusqlite::Result<Vec<Reminder>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT r.id, r.ticket_id, t.title, r.due_at, r.text FROM reminders r
         JOIN tickets t ON t.id = r.ticket_id WHERE {condition} ORDER BY r.due_at, r.id"
    ))?;
    let rows = stmt.query_map(values, |r| {
        Ok(Reminder {
            id: r.get(0)?,
            ticket_id: r.get(1)?,
            ticket_title: r.get(2)?,
            due_at: r.get(3)?,
            text: r.get(4)?,
        })
    })?;
    rows.collect()
}

/// Marks reminder `id` of `technician` done.
pub fn done(tx: &Transaction<'_>, id: i64, technician: i64) -> Result<(), DomainError> {
    let n = tx.execute(
        "UPDATE reminders SET done = 1 WHERE id = ?1 AND technician_id = ?2",
        params![id, technician],
    )?;
    if n == 0 {
        return Err(DomainError::NotFound);
    }
    Ok(())
}
