//! Requester validation (GestSup's `user_validation`): when a technician resolves a ticket, its
//! requester is asked to accept the resolution or reopen the ticket. Without an answer the
//! resolution is accepted after the delay in the settings, and a reminder goes a day before.
//! A technician holding `ticket_user_validation` may record an answer given another way (on
//! the phone). Which tickets ask: all, or those whose type asks; never those of a category or
//! subcategory excluded in Administration > Lists.
//!
//! Asking is part of the save that resolves the ticket; an answer, a reopening or the delay
//! running out is one transaction each, checked against what is stored at that moment.

use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::states;
use super::values::Values;
use super::{Actor, repo};
use crate::db::Db;
use crate::domain::settings::{self, Settings};
use crate::domain::users::choices::Who;
use crate::domain::{DomainError, clock};
use crate::i18n::msg;

const DAY: i64 = 86_400;

/// How a validation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The requester accepted the resolution.
    Accepted,
    /// A technician recorded the requester's acceptance.
    Confirmed,
    /// Nobody answered within the delay.
    Expired,
}

impl Answer {
    fn code(self) -> &'static str {
        match self {
            Answer::Accepted => "accepted",
            Answer::Confirmed => "confirmed",
            Answer::Expired => "expired",
        }
    }

    fn from_code(code: &str) -> Option<Answer> {
        match code {
            "accepted" => Some(Answer::Accepted),
            "confirmed" => Some(Answer::Confirmed),
            "expired" => Some(Answer::Expired),
            _ => None,
        }
    }
}

/// Where a ticket's validation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Waiting for the requester since `asked_at`; accepted by itself at `due_at`.
    Awaiting { asked_at: i64, due_at: i64 },
    /// Answered at `at`, by `by` (a name) unless it expired.
    Answered {
        answer: Answer,
        at: i64,
        by: Option<String>,
    },
}

/// The delay before an unanswered resolution counts as accepted, in seconds.
fn delay(settings: &Settings) -> i64 {
    settings.number(settings::USER_VALIDATION_DELAY).max(1) * DAY
}

/// Whether resolving a ticket with values `v` asks its requester to validate.
fn applies(conn: &Connection, settings: &Settings, v: &Values) -> rusqlite::Result<bool> {
    if !settings.flag(settings::USER_VALIDATION) || !matches!(v.requester, Some(Who::User(_))) {
        return Ok(false);
    }
    let by_type = settings.raw(settings::USER_VALIDATION_PERIMETER) == "type";
    conn.prepare_cached(
        "SELECT (?1 = 0 OR COALESCE((SELECT user_validation FROM ticket_types WHERE id = ?2), 0) = 1)
            AND COALESCE((SELECT no_user_validation FROM categories WHERE id = ?3), 0) = 0
            AND COALESCE((SELECT no_user_validation FROM subcategories WHERE id = ?4), 0) = 0",
    )?
    .query_row(
        params![by_type, v.type_id, v.category_id, v.subcategory_id],
        |r| r.get(0),
    )
}

/// Follows a save of ticket `id` from `before` to `after`, in its transaction: a technician
/// resolving it asks the requester (when that applies); a ticket no longer resolved forgets
/// any question or answer. Returns whether the requester was asked.
pub(super) fn after_save(
    tx: &Transaction<'_>,
    actor: &Actor,
    id: i64,
    (before, after): (&Values, &Values),
    now: i64,
) -> rusqlite::Result<bool> {
    let resolved_now = after.state_id == states::RESOLVED && before.state_id != states::RESOLVED;
    if resolved_now && actor.is_technician() && applies(tx, &actor.settings, after)? {
        tx.execute(
            "UPDATE tickets SET validation_asked_at = ?2, validation_reminded_at = NULL,
                 validation_answered_at = NULL, validation_answer = NULL,
                 validation_answered_by = NULL
             WHERE id = ?1",
            params![id, now],
        )?;
        return Ok(true);
    }
    if after.state_id != states::RESOLVED && before.state_id == states::RESOLVED {
        forget(tx, id)?;
    }
    Ok(false)
}

pub(super) fn forget(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE tickets SET validation_asked_at = NULL, validation_reminded_at = NULL,
             validation_answered_at = NULL, validation_answer = NULL, validation_answered_by = NULL
         WHERE id = ?1 AND validation_asked_at IS NOT NULL",
        [id],
    )?;
    Ok(())
}

/// A ticket's validation columns: asked at, answered at, answer, answered by (a name).
type Stored = (Option<i64>, Option<i64>, Option<String>, Option<String>);

/// Where ticket `id`'s validation stands, if it was ever asked since it was last resolved.
pub fn status(conn: &Connection, settings: &Settings, id: i64) -> rusqlite::Result<Option<Status>> {
    let row: Option<Stored> = conn
        .prepare_cached(
            "SELECT t.validation_asked_at, t.validation_answered_at, t.validation_answer,
                    u.display_name
             FROM tickets t LEFT JOIN users u ON u.id = t.validation_answered_by
             WHERE t.id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?;
    Ok(match row {
        Some((Some(asked_at), None, _, _)) => Some(Status::Awaiting {
            asked_at,
            due_at: asked_at + delay(settings),
        }),
        Some((Some(_), Some(at), Some(answer), by)) => {
            Answer::from_code(&answer).map(|answer| Status::Answered { answer, at, by })
        }
        _ => None,
    })
}

/// Whether ticket `id` is waiting for its requester's answer (read in a transaction).
fn awaiting(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<bool> {
    tx.query_row(
        "SELECT validation_asked_at IS NOT NULL AND validation_answered_at IS NULL
         FROM tickets WHERE id = ?1 AND state_id = ?2",
        params![id, states::RESOLVED],
        |r| r.get(0),
    )
    .optional()
    .map(|a| a.unwrap_or(false))
}

fn record_answer(
    tx: &Transaction<'_>,
    id: i64,
    answer: Answer,
    by: Option<i64>,
    now: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE tickets SET validation_answered_at = ?2, validation_answer = ?3,
             validation_answered_by = ?4
         WHERE id = ?1",
        params![id, now, answer.code(), by],
    )?;
    Ok(())
}

/// The requester accepts the resolution of ticket `id`, or (with `confirm`) a technician
/// holding `ticket_user_validation` records that they did. Refused unless the ticket awaits it.
pub async fn accept(
    db: &Db,
    actor: &Actor,
    id: TicketId,
    confirm: bool,
) -> Result<(), DomainError> {
    if confirm && !actor.rights.has(right::TICKET_USER_VALIDATION) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    db.write(move |tx| {
        let me = actor.user.id.0;
        let viewer = actor.viewer(tx)?;
        let current = repo::get_visible(tx, &viewer, id)?.ok_or(DomainError::NotFound)?;
        if !confirm && current.values.requester != Some(Who::User(me)) {
            return Err(DomainError::Forbidden);
        }
        if !awaiting(tx, id.0)? {
            return Err(DomainError::Conflict(msg("validation-not-awaiting")));
        }
        let answer = if confirm {
            Answer::Confirmed
        } else {
            Answer::Accepted
        };
        record_answer(tx, id.0, answer, Some(me), clock::now())?;
        Ok(())
    })
    .await
}

/// The requester refuses the resolution of ticket `id`: it is reopened (in progress with its
/// technician, else unassigned) and its technician is told, as by any change of theirs.
pub async fn reopen(db: &Db, actor: &Actor, id: TicketId) -> Result<(), DomainError> {
    let actor = actor.clone();
    db.write(move |tx| {
        let me = actor.user.id.0;
        let viewer = actor.viewer(tx)?;
        let current = repo::get_visible(tx, &viewer, id)?.ok_or(DomainError::NotFound)?;
        if current.values.requester != Some(Who::User(me)) {
            return Err(DomainError::Forbidden);
        }
        if !awaiting(tx, id.0)? {
            return Err(DomainError::Conflict(msg("validation-not-awaiting")));
        }
        super::reopen::reopen_row(tx, &actor, &current)?;
        Ok(())
    })
    .await
}

/// A ticket whose requester should be reminded.
#[derive(Debug, Clone)]
pub struct Reminder {
    pub ticket: i64,
    pub due_at: i64,
}

/// Accepts the resolutions left unanswered past the delay, and returns the tickets whose
/// requester has a day left and was not reminded yet (marked reminded here, so that each
/// reminder is written once).
pub fn expire_and_remind(
    tx: &Transaction<'_>,
    settings: &Settings,
    now: i64,
) -> rusqlite::Result<(usize, Vec<Reminder>)> {
    let delay = delay(settings);
    let expired = tx.execute(
        "UPDATE tickets SET validation_answered_at = ?1, validation_answer = 'expired',
             validation_answered_by = NULL
         WHERE validation_asked_at IS NOT NULL AND validation_answered_at IS NULL
           AND validation_asked_at <= ?1 - ?2",
        params![now, delay],
    )?;
    let mut reminders = Vec::new();
    // A reminder is worth it when the delay leaves time for one before the last day.
    if delay > DAY {
        let mut stmt = tx.prepare_cached(
            "UPDATE tickets SET validation_reminded_at = ?1
             WHERE validation_asked_at IS NOT NULL AND validation_answered_at IS NULL
               AND validation_reminded_at IS NULL AND validation_asked_at <= ?1 - ?2 + ?3
             RETURNING id, validation_asked_at",
        )?;
        let rows = stmt.query_map(params![now, delay, DAY], |r| {
            Ok(Reminder {
                ticket: r.get(0)?,
                due_at: r.get::<_, i64>(1)? + delay,
            })
        })?;
        reminders = rows.collect::<rusqlite::Result<_>>()?;
    }
    Ok((expired, reminders))
}

/// One round of [`expire_and_remind`] under the current settings, writing the reminders'
/// mails in the same transaction. Returns how many were accepted and how many reminded.
pub async fn run_due(db: &Db) -> Result<(usize, usize), DomainError> {
    db.write(|tx| {
        let settings = Settings::load(tx)?;
        let now = clock::now();
        let (expired, due) = expire_and_remind(tx, &settings, now)?;
        let mut reminded = 0;
        for r in due {
            if crate::domain::tickets::mails::notify::validation_reminder(
                tx, &settings, r.ticket, now,
            )? {
                reminded += 1;
            }
        }
        Ok::<_, DomainError>((expired, reminded))
    })
    .await
}
