//! The webhook worker's side of the queue: taking the deliveries that are due, recording each
//! answer (with the next try's time after a failure), putting back those a stop interrupted, and
//! removing finished ones after [`super::KEPT_DAYS`].

use rusqlite::{Transaction, params};

use crate::domain::ids::{DeliveryId, WebhookId};

use super::{ANSWER_KEPT, ATTEMPTS, DeliveryState, retry_wait};

/// A delivery taken for sending.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: DeliveryId,
    pub hook: WebhookId,
    pub url: String,
    pub secret: String,
    pub event: String,
    pub body: String,
    /// Tries made before this one.
    pub attempts: i64,
}

/// What a try came to.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Whether the receiver took it (answered 2xx).
    pub delivered: bool,
    /// The receiver's HTTP status, if it answered.
    pub status: Option<u16>,
    /// What it answered, or why it could not be reached.
    pub answer: String,
    pub ms: i64,
}

/// Takes up to `limit` deliveries due at `now` for active hooks, oldest first, and marks them
/// being sent.
pub fn claim_due(tx: &Transaction<'_>, now: i64, limit: i64) -> rusqlite::Result<Vec<Claimed>> {
    let claimed: Vec<Claimed> = {
        let mut stmt = tx.prepare_cached(
            "SELECT d.id, d.webhook_id, w.url, w.secret, d.event, d.body, d.attempts
             FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
             WHERE d.state = 'queued' AND d.next_at <= ?1 AND w.active = 1
             ORDER BY d.next_at, d.id LIMIT ?2",
        )?;
        stmt.query_map(params![now, limit], |r| {
            Ok(Claimed {
                id: r.get(0)?,
                hook: r.get(1)?,
                url: r.get(2)?,
                secret: r.get(3)?,
                event: r.get(4)?,
                body: r.get(5)?,
                attempts: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?
    };
    let mut mark =
        tx.prepare_cached("UPDATE webhook_deliveries SET state = 'sending' WHERE id = ?1")?;
    for c in &claimed {
        mark.execute([c.id])?;
    }
    Ok(claimed)
}

/// Records the try of delivery `id` made at `now`: delivered, waiting for its next try, or
/// failed for good after [`ATTEMPTS`] tries.
pub fn record_outcome(
    tx: &Transaction<'_>,
    id: DeliveryId,
    outcome: &Outcome,
    now: i64,
) -> rusqlite::Result<DeliveryState> {
    let attempts: i64 = tx
        .prepare_cached("SELECT attempts FROM webhook_deliveries WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, i64>(0))?
        + 1;
    let state = if outcome.delivered {
        DeliveryState::Delivered
    } else if attempts >= ATTEMPTS {
        DeliveryState::Failed
    } else {
        DeliveryState::Queued
    };
    let next_at = match state {
        DeliveryState::Queued => now + retry_wait(attempts),
        _ => now,
    };
    let answer: String = outcome.answer.chars().take(ANSWER_KEPT).collect();
    tx.prepare_cached(
        "UPDATE webhook_deliveries SET state = ?2, attempts = ?3, next_at = ?4, last_at = ?5,
             last_status = ?6, last_answer = ?7, last_ms = ?8
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        state.code(),
        attempts,
        next_at,
        now,
        outcome.status,
        answer,
        outcome.ms
    ])?;
    Ok(state)
}

/// Puts back in the queue the deliveries a stop left being sent; answers how many.
pub fn requeue_interrupted(tx: &Transaction<'_>) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE webhook_deliveries SET state = 'queued' WHERE state = 'sending'",
        [],
    )
}

/// Removes the deliveries delivered or failed before `before`; answers how many.
pub fn purge_finished(tx: &Transaction<'_>, before: i64) -> rusqlite::Result<usize> {
    tx.execute(
        "DELETE FROM webhook_deliveries
         WHERE state IN ('delivered', 'failed') AND created_at < ?1",
        [before],
    )
}
