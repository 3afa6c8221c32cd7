//! The outbox table: mails written in the transaction of the change that caused them, then
//! claimed, sent and marked by the mail worker, and shown to administrators.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Why a mail was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailKind {
    /// A technician opened a ticket: to its requester.
    Opened,
    /// A technician closed a ticket: to its requester.
    Closed,
    /// A technician added or changed a visible reply: to the requester.
    Reply,
    /// The requester changed the ticket or replied: to its technician.
    UserChange,
    /// A user opened a ticket: to the administrators' address.
    NewTicket,
    /// Written by a technician from the ticket.
    Manual,
    /// The connector's test mail.
    Test,
    /// A forgotten password's single-use link.
    PasswordReset,
    /// A resolution awaiting its requester's validation will soon count as accepted.
    ValidationReminder,
    /// To the sender of an incoming mail that was refused (an unknown sender).
    MailRefused,
    /// An intervention planned, changed or cancelled on a ticket: to its requester, with an
    /// iCalendar invitation.
    Intervention,
    /// A satisfaction survey's single-use link: to the requester of a ticket.
    Survey,
}

impl MailKind {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            MailKind::Opened => "opened",
            MailKind::Closed => "closed",
            MailKind::Reply => "reply",
            MailKind::UserChange => "user_change",
            MailKind::NewTicket => "new_ticket",
            MailKind::Manual => "manual",
            MailKind::Test => "test",
            MailKind::PasswordReset => "password_reset",
            MailKind::ValidationReminder => "validation_reminder",
            MailKind::MailRefused => "mail_refused",
            MailKind::Intervention => "intervention",
            MailKind::Survey => "survey",
        }
    }

    /// The translation key naming this kind.
    pub fn label(code: &str) -> &'static str {
        match code {
            "opened" => "outbox-kind-opened",
            "closed" => "outbox-kind-closed",
            "reply" => "outbox-kind-reply",
            "user_change" => "outbox-kind-user-change",
            "new_ticket" => "outbox-kind-new-ticket",
            "manual" => "outbox-kind-manual",
            "password_reset" => "outbox-kind-password-reset",
            "validation_reminder" => "outbox-kind-validation-reminder",
            "mail_refused" => "outbox-kind-mail-refused",
            "intervention" => "outbox-kind-intervention",
            "survey" => "outbox-kind-survey",
            _ => "outbox-kind-test",
        }
    }
}

/// Where a mail stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailState {
    Queued,
    Sending,
    Sent,
    Failed,
}

impl MailState {
    /// Every state, in the order shown.
    pub const ALL: [MailState; 4] = [
        MailState::Queued,
        MailState::Sending,
        MailState::Sent,
        MailState::Failed,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            MailState::Queued => "queued",
            MailState::Sending => "sending",
            MailState::Sent => "sent",
            MailState::Failed => "failed",
        }
    }

    /// Reads a stored code.
    pub fn from_code(code: &str) -> Option<MailState> {
        MailState::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A mail to write.
#[derive(Debug, Clone)]
pub struct NewMail {
    pub kind: MailKind,
    pub ticket_id: Option<i64>,
    pub thread_entry_id: Option<i64>,
    /// The address of whoever caused it; the sender when no fixed sender is set.
    pub author_addr: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub html: String,
    pub text: String,
    /// An iCalendar text sent as an attachment (empty: none).
    pub calendar: String,
}

/// Writes a mail; it is due at once. Returns its id.
pub fn enqueue(tx: &Transaction<'_>, mail: &NewMail, now: i64) -> rusqlite::Result<i64> {
    let message_id = format!(
        "gestdesk.{}.{}",
        mail.ticket_id.unwrap_or(0),
        crate::domain::token::random_hex(12)
    );
    tx.prepare_cached(
        "INSERT INTO outbox (created_at, ticket_id, thread_entry_id, kind, author_addr, to_addrs,
             cc_addrs, subject, html, text, message_id, next_at, calendar)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?1, ?12)",
    )?
    .execute(params![
        now,
        mail.ticket_id,
        mail.thread_entry_id,
        mail.kind.code(),
        mail.author_addr,
        mail.to.join("\n"),
        mail.cc.join("\n"),
        mail.subject,
        mail.html,
        mail.text,
        message_id,
        mail.calendar
    ])?;
    Ok(tx.last_insert_rowid())
}

/// A mail taken by the worker.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub created_at: i64,
    pub author_addr: String,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub html: String,
    pub text: String,
    /// The local part of the Message-ID; the sender's domain completes it.
    pub message_id: String,
    pub attempts: i64,
    /// An iCalendar attachment (empty: none).
    pub calendar: String,
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// Takes up to `limit` due mails, oldest first, and marks them `sending`.
pub fn claim(tx: &Transaction<'_>, now: i64, limit: i64) -> rusqlite::Result<Vec<Claimed>> {
    let mut stmt = tx.prepare_cached(
        "UPDATE outbox SET state = 'sending'
         WHERE id IN (SELECT id FROM outbox WHERE state = 'queued' AND next_at <= ?1
                      ORDER BY next_at, id LIMIT ?2)
         RETURNING id, created_at, author_addr, to_addrs, cc_addrs, subject, html, text,
                   message_id, attempts, calendar",
    )?;
    let mut out: Vec<Claimed> = stmt
        .query_map(params![now, limit], |r| {
            Ok(Claimed {
                id: r.get(0)?,
                created_at: r.get(1)?,
                author_addr: r.get(2)?,
                to: lines(&r.get::<_, String>(3)?),
                cc: lines(&r.get::<_, String>(4)?),
                subject: r.get(5)?,
                html: r.get(6)?,
                text: r.get(7)?,
                message_id: r.get(8)?,
                attempts: r.get(9)?,
                calendar: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    out.sort_by_key(|m| m.id);
    Ok(out)
}

/// How a send ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Accepted, with the server's answer.
    Sent(String),
    /// Worth another try later, with the reason.
    Retry(String),
    /// Refused for good, with the reason.
    Failed(String),
}

/// How long a mail keeps being retried before it is marked failed.
pub const GIVE_UP_AFTER_SECS: i64 = 3 * 24 * 3600;

/// The wait before try number `attempts + 1`: 30 s doubling up to an hour.
pub fn backoff_secs(attempts: i64) -> i64 {
    let doublings = u32::try_from(attempts.clamp(0, 7)).unwrap_or(7);
    (30_i64 << doublings).min(3600)
}

/// Records how the send of `mail` ended.
pub fn finish(
    tx: &Transaction<'_>,
    mail: &Claimed,
    outcome: &Outcome,
    now: i64,
) -> rusqlite::Result<()> {
    let attempts = mail.attempts + 1;
    note_smtp(tx, outcome, now)?;
    match outcome {
        Outcome::Sent(answer) => tx.prepare_cached(
            "UPDATE outbox SET state = 'sent', attempts = ?2, sent_at = ?3, last_error = ?4 WHERE id = ?1",
        )?
        .execute(params![mail.id, attempts, now, answer])?,
        Outcome::Retry(reason) if now - mail.created_at < GIVE_UP_AFTER_SECS => tx
            .prepare_cached(
                "UPDATE outbox SET state = 'queued', attempts = ?2, next_at = ?3, last_error = ?4
                 WHERE id = ?1",
            )?
            .execute(params![
                mail.id,
                attempts,
                now + backoff_secs(mail.attempts),
                reason
            ])?,
        Outcome::Retry(reason) | Outcome::Failed(reason) => tx
            .prepare_cached(
                "UPDATE outbox SET state = 'failed', attempts = ?2, last_error = ?3 WHERE id = ?1",
            )?
            .execute(params![mail.id, attempts, reason])?,
    };
    Ok(())
}

/// Records on the SMTP connector's status (shown on the system page) that a send ended.
fn note_smtp(tx: &Transaction<'_>, outcome: &Outcome, now: i64) -> rusqlite::Result<()> {
    match outcome {
        Outcome::Sent(_) => tx
            .prepare_cached(
                "INSERT INTO connector_status (connector, last_success_at) VALUES ('smtp', ?1)
                 ON CONFLICT (connector) DO UPDATE SET last_success_at = excluded.last_success_at",
            )?
            .execute(params![now])?,
        Outcome::Retry(reason) | Outcome::Failed(reason) => tx
            .prepare_cached(
                "INSERT INTO connector_status (connector, last_error_at, last_error)
                 VALUES ('smtp', ?1, ?2)
                 ON CONFLICT (connector) DO UPDATE
                 SET last_error_at = excluded.last_error_at, last_error = excluded.last_error",
            )?
            .execute(params![now, reason])?,
    };
    Ok(())
}

/// Puts back mails left `sending` by a server that stopped without finishing them (a crash:
/// a clean stop finishes its sends first). Returns how many.
pub fn requeue_interrupted(tx: &Transaction<'_>) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE outbox SET state = 'queued' WHERE state = 'sending'",
        [],
    )
}

/// Puts back mails that had to wait for the connector (it was off), unchanged.
pub fn release(tx: &Transaction<'_>, ids: &[i64]) -> rusqlite::Result<()> {
    let mut stmt = tx
        .prepare_cached("UPDATE outbox SET state = 'queued' WHERE id = ?1 AND state = 'sending'")?;
    for id in ids {
        stmt.execute([id])?;
    }
    Ok(())
}

/// How long sent mails stay in the outbox (their thread entries stay for good).
pub const KEEP_SENT_SECS: i64 = 90 * 24 * 3600;

/// Deletes mails sent before `before`. Returns how many.
pub fn purge_sent(tx: &Transaction<'_>, before: i64) -> rusqlite::Result<usize> {
    tx.execute(
        "DELETE FROM outbox WHERE state = 'sent' AND sent_at < ?1",
        [before],
    )
}

/// When the next queued mail is due, if any.
pub fn next_due(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT min(next_at) FROM outbox WHERE state = 'queued'")?
        .query_row([], |r| r.get(0))
}

/// A mail as listed in the administration.
#[derive(Debug, Clone)]
pub struct Listed {
    pub id: i64,
    pub created_at: i64,
    pub ticket_id: Option<i64>,
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub state: MailState,
    pub attempts: i64,
    pub next_at: i64,
    pub last_error: String,
    pub sent_at: Option<i64>,
}

/// How many mails are in each state.
pub fn counts(conn: &Connection) -> rusqlite::Result<Vec<(MailState, i64)>> {
    let mut stmt = conn.prepare_cached("SELECT state, count(*) FROM outbox GROUP BY state")?;
    let found: Vec<(String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(MailState::ALL
        .into_iter()
        .map(|s| {
            let n = found
                .iter()
                .find(|(c, _)| c == s.code())
                .map_or(0, |(_, n)| *n);
            (s, n)
        })
        .collect())
}

/// One page of mails in `state` (all states when `None`), newest first.
pub fn list(
    conn: &Connection,
    state: Option<MailState>,
    limit: i64,
    offset: i64,
) -> rusqlite::Result<Vec<Listed>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, created_at, ticket_id, kind, to_addrs, subject, state, attempts, next_at,
                last_error, sent_at
         FROM outbox WHERE ?1 IS NULL OR state = ?1
         ORDER BY id DESC LIMIT ?2 OFFSET ?3",
    )?;
    stmt.query_map(params![state.map(MailState::code), limit, offset], |r| {
        Ok(Listed {
            id: r.get(0)?,
            created_at: r.get(1)?,
            ticket_id: r.get(2)?,
            kind: r.get(3)?,
            to: r.get::<_, String>(4)?.replace('\n', ", "),
            subject: r.get(5)?,
            state: MailState::from_code(&r.get::<_, String>(6)?).unwrap_or(MailState::Failed),
            attempts: r.get(7)?,
            next_at: r.get(8)?,
            last_error: r.get(9)?,
            sent_at: r.get(10)?,
        })
    })?
    .collect()
}

/// Sends a failed or waiting mail again now. Returns whether there was such a mail.
pub fn retry(tx: &Transaction<'_>, id: i64, now: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "UPDATE outbox SET state = 'queued', next_at = ?2 WHERE id = ?1 AND state IN ('queued', 'failed')",
        params![id, now],
    )? > 0)
}

/// Deletes a mail that is not being sent. Returns whether there was such a mail.
pub fn delete(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "DELETE FROM outbox WHERE id = ?1 AND state <> 'sending'",
        [id],
    )? > 0)
}

/// The state of the mail recorded by thread entry `entry`, with its error, if any.
pub fn state_of_entry(
    conn: &Connection,
    entry: i64,
) -> rusqlite::Result<Option<(MailState, String)>> {
    conn.prepare_cached("SELECT state, last_error FROM outbox WHERE thread_entry_id = ?1")?
        .query_row([entry], |r| {
            Ok((
                MailState::from_code(&r.get::<_, String>(0)?).unwrap_or(MailState::Failed),
                r.get(1)?,
            ))
        })
        .optional()
}

/// How many mails wait to be sent.
pub async fn queued(db: &crate::db::Db) -> Result<i64, crate::domain::DomainError> {
    crate::domain::run::read(db, |c| {
        Ok(counts(c)?
            .iter()
            .filter(|(s, _)| *s == MailState::Queued)
            .map(|(_, n)| n)
            .sum())
    })
    .await
}

/// The counts by state and one page of mails in `state`, newest first.
pub async fn page(
    db: &crate::db::Db,
    state: Option<MailState>,
    limit: i64,
    offset: i64,
) -> Result<(Vec<(MailState, i64)>, Vec<Listed>), crate::domain::DomainError> {
    crate::domain::run::read(db, move |c| {
        Ok((counts(c)?, list(c, state, limit, offset)?))
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::backoff_secs;

    #[test]
    fn waits_double_up_to_an_hour() {
        assert_eq!(backoff_secs(0), 30);
        assert_eq!(backoff_secs(1), 60);
        assert_eq!(backoff_secs(3), 240);
        assert_eq!(backoff_secs(7), 3600);
        assert_eq!(backoff_secs(100), 3600);
    }
}
