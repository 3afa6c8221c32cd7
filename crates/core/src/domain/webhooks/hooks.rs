//! Administering webhooks (administrators only): registering an address with the events it
//! wants, changing, turning off or removing it, reading its deliveries with their last answers,
//! sending a test event, and sending a delivery again.

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::json;

use crate::db::Db;
use crate::domain::actor::Actor;
use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::ids::{DeliveryId, WebhookId};
use crate::domain::rights::names;
use crate::domain::{run, token};
use crate::i18n::msg;

use super::queue::rfc3339;
use super::{DeliveryState, Event, URL_MAX, events_of};

/// What the secret starts with, so that it is recognised in a receiver's configuration.
const SECRET_PREFIX: &str = "whsec_";

/// Random bytes in a secret.
const SECRET_BYTES: usize = 24;

/// A hook as typed in its form.
#[derive(Debug, Clone, Default)]
pub struct HookForm {
    pub url: String,
    /// The codes of the chosen events.
    pub events: Vec<String>,
    pub active: bool,
}

/// A registered hook.
#[derive(Debug, Clone)]
pub struct Hook {
    pub id: WebhookId,
    pub url: String,
    pub events: Vec<Event>,
    pub secret: String,
    pub active: bool,
    pub created_at: i64,
}

impl Hook {
    /// The form showing this hook.
    pub fn form(&self) -> HookForm {
        HookForm {
            url: self.url.clone(),
            events: self.events.iter().map(|e| e.code().to_owned()).collect(),
            active: self.active,
        }
    }
}

/// A hook as the list shows it, with how its deliveries stand.
#[derive(Debug, Clone)]
pub struct HookRow {
    pub hook: Hook,
    /// Deliveries waiting for a try.
    pub waiting: i64,
    /// Deliveries whose every try failed.
    pub failed: i64,
    /// The last try: when, the receiver's status (if it answered) and whether it took it.
    pub last: Option<(i64, Option<u16>, DeliveryState)>,
}

/// One delivery, with its last answer.
#[derive(Debug, Clone)]
pub struct DeliveryRow {
    pub id: DeliveryId,
    pub event: String,
    pub ticket: Option<i64>,
    pub created_at: i64,
    pub state: DeliveryState,
    pub attempts: i64,
    pub next_at: i64,
    pub last_at: Option<i64>,
    pub last_status: Option<u16>,
    pub last_answer: Option<String>,
    pub last_ms: Option<i64>,
}

fn admin_only(actor: &Actor) -> Result<(), DomainError> {
    if actor.has(names::ADMIN) {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// The address and events of `form`, checked.
fn checked(form: &HookForm) -> Result<(String, i64), DomainError> {
    let mut errors = FieldErrors::new();
    let url = form.url.trim();
    if url.is_empty() {
        errors.add("url", msg("webhook-url-required"));
    } else if url.len() > URL_MAX {
        errors.add("url", msg("webhook-url-long"));
    } else {
        let fine = url::Url::parse(url).is_ok_and(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| !h.is_empty())
                && u.fragment().is_none()
        });
        if !fine {
            errors.add("url", msg("webhook-url-invalid"));
        }
    }
    let mut bits = 0;
    let mut unknown = false;
    for code in &form.events {
        match Event::from_code(code) {
            Some(e) if e.bit() != 0 => bits |= e.bit(),
            _ => unknown = true,
        }
    }
    if bits == 0 || unknown {
        errors.add("events", msg("webhook-events-required"));
    }
    errors.into_result()?;
    Ok((url.to_owned(), bits))
}

/// Registers a hook; its secret is made here.
pub async fn create(
    db: &Db,
    actor: &Actor,
    form: HookForm,
    now: i64,
) -> Result<WebhookId, DomainError> {
    admin_only(actor)?;
    let (url, bits) = checked(&form)?;
    let by = actor.id();
    run::write(db, move |tx| {
        let secret = format!("{SECRET_PREFIX}{}", token::random_hex(SECRET_BYTES));
        tx.prepare_cached(
            "INSERT INTO webhooks (url, events, secret, active, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![url, bits, secret, form.active, now, by])?;
        Ok(WebhookId(tx.last_insert_rowid()))
    })
    .await
}

/// Changes hook `id`'s address, events and whether it is on.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: WebhookId,
    form: HookForm,
) -> Result<(), DomainError> {
    admin_only(actor)?;
    let (url, bits) = checked(&form)?;
    run::write(db, move |tx| {
        let n = tx
            .prepare_cached("UPDATE webhooks SET url = ?2, events = ?3, active = ?4 WHERE id = ?1")?
            .execute(params![id, url, bits, form.active])?;
        if n == 0 {
            return Err(DomainError::NotFound);
        }
        Ok(())
    })
    .await
}

/// Removes hook `id` with its deliveries.
pub async fn delete(db: &Db, actor: &Actor, id: WebhookId) -> Result<(), DomainError> {
    admin_only(actor)?;
    run::write(db, move |tx| {
        tx.execute("DELETE FROM webhook_deliveries WHERE webhook_id = ?1", [id])?;
        if tx.execute("DELETE FROM webhooks WHERE id = ?1", [id])? == 0 {
            return Err(DomainError::NotFound);
        }
        Ok(())
    })
    .await
}

fn hook_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Hook> {
    Ok(Hook {
        id: r.get(0)?,
        url: r.get(1)?,
        events: events_of(r.get(2)?),
        secret: r.get(3)?,
        active: r.get(4)?,
        created_at: r.get(5)?,
    })
}

fn find(conn: &Connection, id: WebhookId) -> Result<Hook, DomainError> {
    conn.prepare_cached(
        "SELECT id, url, events, secret, active, created_at FROM webhooks WHERE id = ?1",
    )?
    .query_row([id], hook_row)
    .optional()?
    .ok_or(DomainError::NotFound)
}

/// Hook `id`.
pub async fn get(db: &Db, actor: &Actor, id: WebhookId) -> Result<Hook, DomainError> {
    admin_only(actor)?;
    run::read(db, move |c| find(c, id)).await
}

/// Every hook, in the order registered, with how its deliveries stand.
pub async fn list(db: &Db, actor: &Actor) -> Result<Vec<HookRow>, DomainError> {
    admin_only(actor)?;
    run::read(db, |c| {
        let mut stmt = c.prepare_cached(
            "SELECT w.id, w.url, w.events, w.secret, w.active, w.created_at,
                    (SELECT count(*) FROM webhook_deliveries d
                     WHERE d.webhook_id = w.id AND d.state IN ('queued', 'sending')),
                    (SELECT count(*) FROM webhook_deliveries d
                     WHERE d.webhook_id = w.id AND d.state = 'failed'),
                    l.last_at, l.last_status, l.state
             FROM webhooks w
             LEFT JOIN webhook_deliveries l ON l.id = (
                 SELECT d.id FROM webhook_deliveries d
                 WHERE d.webhook_id = w.id AND d.last_at IS NOT NULL
                 ORDER BY d.last_at DESC, d.id DESC LIMIT 1)
             ORDER BY w.id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let last_at: Option<i64> = r.get(8)?;
                let state: Option<String> = r.get(10)?;
                Ok(HookRow {
                    hook: hook_row(r)?,
                    waiting: r.get(6)?,
                    failed: r.get(7)?,
                    last: last_at.map(|at| {
                        (
                            at,
                            r.get::<_, Option<u16>>(9).ok().flatten(),
                            DeliveryState::from_code(state.as_deref().unwrap_or_default()),
                        )
                    }),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    })
    .await
}

/// Hook `id`'s latest `limit` deliveries, newest first.
pub async fn deliveries(
    db: &Db,
    actor: &Actor,
    id: WebhookId,
    limit: i64,
) -> Result<Vec<DeliveryRow>, DomainError> {
    admin_only(actor)?;
    run::read(db, move |c| {
        find(c, id)?;
        let mut stmt = c.prepare_cached(
            "SELECT id, event, ticket_id, created_at, state, attempts, next_at, last_at,
                    last_status, last_answer, last_ms
             FROM webhook_deliveries WHERE webhook_id = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![id, limit], |r| {
                Ok(DeliveryRow {
                    id: r.get(0)?,
                    event: r.get(1)?,
                    ticket: r.get(2)?,
                    created_at: r.get(3)?,
                    state: DeliveryState::from_code(&r.get::<_, String>(4)?),
                    attempts: r.get(5)?,
                    next_at: r.get(6)?,
                    last_at: r.get(7)?,
                    last_status: r.get(8)?,
                    last_answer: r.get(9)?,
                    last_ms: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    })
    .await
}

/// Queues a test event for hook `id`, sent at once whatever events it wants.
pub async fn ping(
    db: &Db,
    actor: &Actor,
    id: WebhookId,
    now: i64,
) -> Result<DeliveryId, DomainError> {
    admin_only(actor)?;
    let by = actor.id();
    run::write(db, move |tx| {
        find(tx, id)?;
        let name: Option<String> = tx
            .prepare_cached("SELECT display_name FROM users WHERE id = ?1")?
            .query_row([by], |r| r.get(0))
            .optional()?;
        let body = json!({
            "event": Event::Ping.code(),
            "occurred_at": rfc3339(now),
            "by": { "id": by.0, "name": name.unwrap_or_default() },
            "hook": { "id": id.0 },
        })
        .to_string();
        tx.prepare_cached(
            "INSERT INTO webhook_deliveries (webhook_id, event, body, created_at, next_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
        )?
        .execute(params![id, Event::Ping.code(), body, now])?;
        Ok(DeliveryId(tx.last_insert_rowid()))
    })
    .await
}

/// Sends delivery `id` again now, with a fresh round of tries (unless it is being sent);
/// answers its hook.
pub async fn retry(
    db: &Db,
    actor: &Actor,
    id: DeliveryId,
    now: i64,
) -> Result<WebhookId, DomainError> {
    admin_only(actor)?;
    run::write(db, move |tx| {
        let hook: WebhookId = tx
            .prepare_cached("SELECT webhook_id FROM webhook_deliveries WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .ok_or(DomainError::NotFound)?;
        tx.prepare_cached(
            "UPDATE webhook_deliveries SET state = 'queued', attempts = 0, next_at = ?2
             WHERE id = ?1 AND state <> 'sending'",
        )?
        .execute(params![id, now])?;
        Ok(hook)
    })
    .await
}
