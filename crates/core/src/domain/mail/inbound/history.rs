//! What incoming mail did: each fetch with its figures (the fetch history page, and when each
//! mailbox is next due), and the mails kept aside because they could not be read (the rejected
//! mails page, whose raw files administrators download).

use rusqlite::{Connection, OptionalExtension, params};

use crate::db::Db;
use crate::domain::{DomainError, run};

/// Who asked for a fetch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Schedule,
    Manual,
    Command,
}

impl Trigger {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Trigger::Schedule => "schedule",
            Trigger::Manual => "manual",
            Trigger::Command => "command",
        }
    }
}

/// The figures of one fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    pub read: i64,
    pub tickets: i64,
    pub replies: i64,
    pub ignored: i64,
    pub rejected: i64,
    pub errors: i64,
}

/// One fetch, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetch {
    pub id: i64,
    pub mailbox_id: Option<i64>,
    pub mailbox: String,
    pub trigger: String,
    pub started_at: i64,
    pub finished_at: i64,
    pub figures: Figures,
    /// What stopped it, as a code (empty when it went to the end).
    pub failure: String,
}

/// Records a fetch of `mailbox` (id, name).
pub async fn record(
    db: &Db,
    mailbox: (i64, String),
    trigger: Trigger,
    started_at: i64,
    finished_at: i64,
    figures: Figures,
    failure: String,
) -> Result<i64, DomainError> {
    run::write(db, move |tx| {
        tx.execute(
            "INSERT INTO mail_fetches (mailbox_id, mailbox_name, trigger, started_at, finished_at,
                 read, tickets, replies, ignored, rejected, errors, failure)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                mailbox.0,
                mailbox.1,
                trigger.code(),
                started_at,
                finished_at,
                figures.read,
                figures.tickets,
                figures.replies,
                figures.ignored,
                figures.rejected,
                figures.errors,
                failure
            ],
        )?;
        Ok(tx.last_insert_rowid())
    })
    .await
}

/// When `mailbox` was last fetched by the schedule or by hand.
pub fn last_fetch(conn: &Connection, mailbox: i64) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT max(started_at) FROM mail_fetches WHERE mailbox_id = ?1")?
        .query_row([mailbox], |r| r.get(0))
}

fn fetch_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Fetch> {
    Ok(Fetch {
        id: r.get(0)?,
        mailbox_id: r.get(1)?,
        mailbox: r.get(2)?,
        trigger: r.get(3)?,
        started_at: r.get(4)?,
        finished_at: r.get(5)?,
        figures: Figures {
            read: r.get(6)?,
            tickets: r.get(7)?,
            replies: r.get(8)?,
            ignored: r.get(9)?,
            rejected: r.get(10)?,
            errors: r.get(11)?,
        },
        failure: r.get(12)?,
    })
}

/// The `limit` latest fetches, newest first.
pub async fn fetches(db: &Db, limit: i64) -> Result<Vec<Fetch>, DomainError> {
    run::read(db, move |c| {
        let mut stmt = c.prepare_cached(
            "SELECT id, mailbox_id, mailbox_name, trigger, started_at, finished_at, read,
                    tickets, replies, ignored, rejected, errors, failure
             FROM mail_fetches ORDER BY started_at DESC, id DESC LIMIT ?1",
        )?;
        Ok(stmt
            .query_map([limit], fetch_row)?
            .collect::<rusqlite::Result<_>>()?)
    })
    .await
}

/// Fetch `id` of mailbox `mailbox`, if it is one of its fetches.
pub async fn fetch_of(db: &Db, mailbox: i64, id: i64) -> Result<Option<Fetch>, DomainError> {
    run::read(db, move |c| {
        Ok(c.prepare_cached(
            "SELECT id, mailbox_id, mailbox_name, trigger, started_at, finished_at, read,
                    tickets, replies, ignored, rejected, errors, failure
             FROM mail_fetches WHERE id = ?1 AND mailbox_id = ?2",
        )?
        .query_row(params![id, mailbox], fetch_row)
        .optional()?)
    })
    .await
}

/// A mail kept aside, as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub id: i64,
    pub mailbox: Option<String>,
    pub received_at: i64,
    pub sender: String,
    pub subject: String,
    /// A code: `too-large`, `not-a-mail`, `no-sender`.
    pub reason: String,
    pub size: i64,
}

/// The `limit` latest rejected mails, newest first, and how many there are.
pub async fn rejected(db: &Db, limit: i64) -> Result<(Vec<Rejected>, i64), DomainError> {
    run::read(db, move |c| {
        let mut stmt = c.prepare_cached(
            "SELECT r.id, m.name, r.received_at, r.sender, r.subject, r.reason, r.size
             FROM mail_rejects r LEFT JOIN mailboxes m ON m.id = r.mailbox_id
             ORDER BY r.received_at DESC, r.id DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit], |r| {
                Ok(Rejected {
                    id: r.get(0)?,
                    mailbox: r.get(1)?,
                    received_at: r.get(2)?,
                    sender: r.get(3)?,
                    subject: r.get(4)?,
                    reason: r.get(5)?,
                    size: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let count = c.query_row("SELECT count(*) FROM mail_rejects", [], |r| r.get(0))?;
        Ok((rows, count))
    })
    .await
}

/// The raw bytes of rejected mail `id`.
pub async fn rejected_raw(db: &Db, id: i64) -> Result<Vec<u8>, DomainError> {
    run::read(db, move |c| {
        c.prepare_cached("SELECT raw FROM mail_rejects WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or(DomainError::NotFound)
    })
    .await
}

/// Removes rejected mail `id` from the list (it stays handled: it is not read again).
pub async fn forget_rejected(db: &Db, id: i64) -> Result<(), DomainError> {
    run::write(db, move |tx| {
        if tx.execute("DELETE FROM mail_rejects WHERE id = ?1", [id])? == 0 {
            return Err(DomainError::NotFound);
        }
        Ok(())
    })
    .await
}
