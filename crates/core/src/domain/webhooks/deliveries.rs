//! The webhook worker's side of the queue: taking the deliveries that are due, recording each
//! answer (with the next try's time after a failure), putting back those a stop interrupted, and
//! removing finished ones after [`super::KEPT_DAYS`].

use rusqlite::{OptionalExtension, Transaction, params};

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

/// Whether some delivery is due at `now` (a read, so that an idle worker takes no writer's
/// turn).
pub fn any_due(conn: &rusqlite::Connection, now: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                        WHERE d.state = 'queued' AND d.next_at <= ?1 AND w.active = 1)",
    )?
    .query_row([now], |r| r.get(0))
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
/// failed for good after [`ATTEMPTS`] tries. `None` when the delivery is gone (its hook was
/// deleted while it was being sent).
pub fn record_outcome(
    tx: &Transaction<'_>,
    id: DeliveryId,
    outcome: &Outcome,
    now: i64,
) -> rusqlite::Result<Option<DeliveryState>> {
    let Some(before) = tx
        .prepare_cached("SELECT attempts FROM webhook_deliveries WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, i64>(0))
        .optional()?
    else {
        return Ok(None);
    };
    let attempts = before + 1;
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
    Ok(Some(state))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{Db, DbError};

    fn outcome(delivered: bool) -> Outcome {
        Outcome {
            delivered,
            status: Some(if delivered { 200 } else { 503 }),
            answer: "x".repeat(2_000),
            ms: 3,
        }
    }

    /// A delivery waits, is taken, fails and waits again later, is taken again and delivered;
    /// one whose hook was deleted while it was being sent is let go.
    #[test]
    fn a_delivery_goes_from_queued_to_delivered_through_its_tries() {
        let dir = tempfile::tempdir().expect("dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        db.write_blocking(|tx| {
            tx.execute_batch(
                "INSERT INTO webhooks (id, url, events, secret, created_at)
                     VALUES (1, 'http://127.0.0.1:9/a', 31, 's', 0), (2, 'http://127.0.0.1:9/b', 31, 's', 0);
                 INSERT INTO webhook_deliveries (id, webhook_id, event, body, created_at, next_at)
                     VALUES (1, 1, 'ping', '{}', 100, 100), (2, 2, 'ping', '{}', 100, 100),
                            (3, 1, 'ping', '{}', 100, 500);",
            )
            .map_err(DbError::from)
        })
        .expect("seed");
        let due = |at: i64| {
            db.write_blocking(move |tx| any_due(tx, at).map_err(DbError::from))
                .expect("due")
        };
        assert!(!due(99), "nothing due before its time");
        assert!(due(100));

        let taken = db
            .write_blocking(|tx| claim_due(tx, 100, 10).map_err(DbError::from))
            .expect("claim");
        assert_eq!(
            taken.iter().map(|c| c.id.0).collect::<Vec<_>>(),
            [1, 2],
            "the due ones, not the one due later"
        );
        // Taken again at once: nothing, they are being sent.
        let again = db
            .write_blocking(|tx| claim_due(tx, 100, 10).map_err(DbError::from))
            .expect("claim");
        assert!(again.is_empty());

        let (first, gone) = db
            .write_blocking(|tx| {
                tx.execute("DELETE FROM webhooks WHERE id = 2", [])?;
                Ok::<_, DbError>((
                    record_outcome(tx, DeliveryId(1), &outcome(false), 100)?,
                    record_outcome(tx, DeliveryId(2), &outcome(true), 100)?,
                ))
            })
            .expect("record");
        assert_eq!(first, Some(DeliveryState::Queued));
        assert_eq!(gone, None, "its hook was deleted meanwhile");

        let (state, attempts, next_at, answer): (String, i64, i64, String) = db
            .write_blocking(|tx| {
                tx.query_row(
                    "SELECT state, attempts, next_at, last_answer FROM webhook_deliveries WHERE id = 1",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .map_err(DbError::from)
            })
            .expect("read");
        assert_eq!((state.as_str(), attempts, next_at), ("queued", 1, 110));
        assert_eq!(
            answer.chars().count(),
            ANSWER_KEPT,
            "the answer is shortened"
        );

        // Not due before its wait is over; then taken and delivered.
        let early = db
            .write_blocking(|tx| claim_due(tx, 109, 10).map_err(DbError::from))
            .expect("claim");
        assert!(early.is_empty());
        let delivered = db
            .write_blocking(|tx| {
                let taken = claim_due(tx, 110, 10)?;
                assert_eq!(taken.len(), 1);
                assert_eq!(taken[0].attempts, 1);
                Ok::<_, DbError>(record_outcome(tx, DeliveryId(1), &outcome(true), 110)?)
            })
            .expect("record");
        assert_eq!(delivered, Some(DeliveryState::Delivered));

        // One left being sent by a stop goes back to the queue; finished ones are removed.
        let (requeued, purged) = db
            .write_blocking(|tx| {
                tx.execute(
                    "UPDATE webhook_deliveries SET state = 'sending' WHERE id = 3",
                    [],
                )?;
                Ok::<_, DbError>((requeue_interrupted(tx)?, purge_finished(tx, 1_000)?))
            })
            .expect("upkeep");
        assert_eq!((requeued, purged), (1, 1));
    }
}
