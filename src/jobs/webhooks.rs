//! The webhook worker: takes the deliveries that are due, posts each through the webhook
//! adapter (a few at once, each within [`TIME_LIMIT`]), and records its answer; a failed one
//! waits for its next try (`domain::webhooks::retry_wait`). Deliveries left being sent by a
//! crash go back to the queue at the next start; finished ones are removed after
//! `webhooks::KEPT_DAYS`. A stop lets the batch in flight finish and be recorded.

use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tokio::sync::watch;

use super::supervisor::pause;

use crate::db::{Db, DbError};
use crate::domain::clock;
use crate::domain::webhooks::{self, Claimed, Outcome};
use crate::webhook::{self as adapter, Post};

/// How often the queue is looked at when nothing is due.
const POLL: Duration = Duration::from_millis(500);
/// Deliveries taken per batch.
const BATCH: i64 = 32;
/// Deliveries posted at once.
const PARALLEL: usize = 4;
/// How long one post may take, connection included.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);
/// How long a stop waits for the batch in flight.
pub const STOP_WAIT: Duration = Duration::from_secs(15);
/// How often finished deliveries are cleaned.
const PURGE_EVERY: Duration = Duration::from_secs(3_600);

/// Posts the due deliveries until `stopped`.
pub async fn run(db: Db, mut stopped: watch::Receiver<bool>) {
    match db
        .write(|tx| webhooks::requeue_interrupted(tx).map_err(DbError::from))
        .await
    {
        Ok(0) => {}
        Ok(n) => tracing::warn!("{n} webhook delivery(ies) were interrupted; sending them again"),
        Err(e) => tracing::error!("cannot read the webhook queue: {e}"),
    }
    let mut purged_at: Option<Instant> = None;
    loop {
        if *stopped.borrow() {
            break;
        }
        if purged_at.is_none_or(|at| at.elapsed() >= PURGE_EVERY) {
            purged_at = Some(Instant::now());
            let before = clock::now() - webhooks::KEPT_DAYS * 86_400;
            match db
                .write(move |tx| webhooks::purge_finished(tx, before).map_err(DbError::from))
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!("removed {n} old webhook delivery(ies)"),
                Err(e) => tracing::warn!("cannot clean the webhook queue: {e}"),
            }
        }
        let busy = match step(&db).await {
            Ok(n) => n > 0,
            Err(e) => {
                tracing::error!("webhook worker: {e}");
                false
            }
        };
        if !busy && pause(&mut stopped, POLL).await {
            break;
        }
    }
}

/// Takes one batch, posts it and records every answer; answers how many were taken.
pub async fn step(db: &Db) -> Result<usize, DbError> {
    let now = clock::now();
    if !db
        .read(move |c| webhooks::any_due(c, now).map_err(DbError::from))
        .await?
    {
        return Ok(0);
    }
    let batch = db
        .write(move |tx| webhooks::claim_due(tx, now, BATCH).map_err(DbError::from))
        .await?;
    let taken = batch.len();
    let outcomes: Vec<(Claimed, Outcome)> = futures_util::stream::iter(batch)
        .map(|c| async move {
            let outcome = deliver(&c).await;
            (c, outcome)
        })
        .buffer_unordered(PARALLEL)
        .collect()
        .await;
    let mut answers = Vec::with_capacity(outcomes.len());
    for (c, outcome) in outcomes {
        if !outcome.delivered {
            tracing::warn!(
                "webhook {} delivery {} ({}) not taken: {}",
                c.hook,
                c.id,
                c.event,
                outcome.answer
            );
        }
        answers.push((c.id, outcome));
    }
    if !answers.is_empty() {
        let recorded = db
            .write(move |tx| {
                let now = clock::now();
                for (id, outcome) in &answers {
                    webhooks::record_outcome(tx, *id, outcome, now)?;
                }
                Ok::<_, DbError>(())
            })
            .await;
        if let Err(e) = recorded {
            // Nothing else is being sent now: the batch goes back to the queue, to be sent
            // again rather than left marked as being sent.
            tracing::error!("cannot record webhook answers: {e}");
            db.write(|tx| webhooks::requeue_interrupted(tx).map_err(DbError::from))
                .await?;
        }
    }
    Ok(taken)
}

/// Posts one delivery and says what came of it.
async fn deliver(c: &Claimed) -> Outcome {
    let started = Instant::now();
    let post = Post {
        url: &c.url,
        secret: &c.secret,
        event: &c.event,
        delivery: c.id.0,
        body: &c.body,
        timestamp: clock::now(),
    };
    let result = adapter::send(&post, TIME_LIMIT).await;
    let ms = i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX);
    match result {
        Ok(answer) => Outcome {
            delivered: (200..300).contains(&answer.status),
            status: Some(answer.status),
            answer: answer.body,
            ms,
        },
        Err(e) => Outcome {
            delivered: false,
            status: None,
            answer: e.to_string(),
            ms,
        },
    }
}
