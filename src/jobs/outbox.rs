//! The mail worker: takes due mails from the outbox, sends them through the SMTP connector a
//! few at a time on pooled connections, and records each outcome.
//!
//! Settings are read again before every batch, so a change of connector applies without a
//! restart. While the connector is off, mails wait. A temporary failure puts the mail back with
//! a growing wait; a refusal for good marks it failed with the server's answer. Stopping lets
//! the batch in flight finish and be recorded, so that a clean stop sends nothing twice; mails
//! left `sending` by a crash go back to the queue at the next start. Mails sent more than
//! [`outbox::KEEP_SENT_SECS`] ago are removed hourly; the ticket threads keep their record.

use std::time::Duration;

use futures_util::StreamExt;
use lettre::{AsyncSmtpTransport, Tokio1Executor};
use tokio::sync::watch;

use super::supervisor::pause;

use crate::db::{Db, DbError};
use crate::domain::clock;
use crate::domain::mail::outbox::{self, Claimed, Outcome};
use crate::domain::settings::Settings;
use crate::mail::smtp::{self, Outgoing, SendError, SmtpConfig};

/// How often the outbox is looked at when nothing is due.
const POLL: Duration = Duration::from_millis(500);
/// Mails taken per batch.
const BATCH: i64 = 64;
/// Mails sent at once (each on its own pooled connection).
const PARALLEL: usize = 8;
/// How often mails sent long ago are removed.
const PURGE_EVERY: Duration = Duration::from_secs(3600);
/// How long a stop waits for the batch in flight.
pub const STOP_WAIT: Duration = Duration::from_secs(30);

/// Sends the outbox's mails until `stopped`; the batch in flight finishes first.
pub async fn run(db: Db, mut stopped: watch::Receiver<bool>) {
    match db
        .write(|tx| outbox::requeue_interrupted(tx).map_err(DbError::from))
        .await
    {
        Ok(0) => {}
        Ok(n) => tracing::warn!(
            "{n} mail(s) were being sent when the server last stopped; sending them again"
        ),
        Err(e) => tracing::error!("cannot read the outbox: {e}"),
    }
    let mut pool: Option<(SmtpConfig, AsyncSmtpTransport<Tokio1Executor>)> = None;
    let mut purged_at: Option<std::time::Instant> = None;
    loop {
        if *stopped.borrow() {
            break;
        }
        if purged_at.is_none_or(|at| at.elapsed() >= PURGE_EVERY) {
            purged_at = Some(std::time::Instant::now());
            let before = clock::now() - outbox::KEEP_SENT_SECS;
            match db
                .write(move |tx| outbox::purge_sent(tx, before).map_err(DbError::from))
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!("removed {n} mail(s) sent long ago from the outbox"),
                Err(e) => tracing::warn!("cannot clean the outbox: {e}"),
            }
        }
        match step(&db, &mut pool).await {
            Ok(Step::Busy) => {}
            Ok(Step::Idle(wait)) => {
                if pause(&mut stopped, wait).await {
                    break;
                }
            }
            Err(e) => {
                tracing::error!("mail worker: {e}");
                if pause(&mut stopped, POLL * 4).await {
                    break;
                }
            }
        }
    }
    tracing::info!("mail worker stopped");
}

/// What one turn did.
enum Step {
    /// A full batch went out; more may be due.
    Busy,
    /// Nothing (more) to do for this long.
    Idle(Duration),
}

async fn step(
    db: &Db,
    pool: &mut Option<(SmtpConfig, AsyncSmtpTransport<Tokio1Executor>)>,
) -> Result<Step, DbError> {
    let settings = db
        .read(|c| Settings::load(c).map_err(DbError::from))
        .await?;
    let cfg = crate::mail_settings::smtp_config(&settings);
    if !cfg.enabled || cfg.host.is_empty() {
        *pool = None;
        return Ok(Step::Idle(POLL * 2));
    }
    if pool.as_ref().is_none_or(|(c, _)| *c != cfg) {
        match smtp::transport(&cfg) {
            Ok(t) => *pool = Some((cfg.clone(), t)),
            Err(e) => {
                tracing::warn!("SMTP connector not usable: {e}");
                *pool = None;
                return Ok(Step::Idle(POLL * 4));
            }
        }
    }
    let Some((cfg, transport)) = pool.as_ref() else {
        return Ok(Step::Idle(POLL));
    };
    let now = clock::now();
    let batch = db
        .write(move |tx| outbox::claim(tx, now, BATCH).map_err(DbError::from))
        .await?;
    if batch.is_empty() {
        let due = db
            .read(|c| outbox::next_due(c).map_err(DbError::from))
            .await?;
        let wait = due.map_or(POLL, |at| {
            Duration::from_secs(u64::try_from(at - clock::now()).unwrap_or(0)).clamp(POLL / 5, POLL)
        });
        return Ok(Step::Idle(wait));
    }
    let full = i64::try_from(batch.len()).unwrap_or(BATCH) >= BATCH;
    let outcomes: Vec<(Claimed, Outcome)> = futures_util::stream::iter(batch)
        .map(|mail| async move {
            let outcome = deliver(transport, cfg, &mail).await;
            (mail, outcome)
        })
        .buffer_unordered(PARALLEL)
        .collect()
        .await;
    for (mail, outcome) in &outcomes {
        match outcome {
            Outcome::Sent(_) => tracing::info!("mail {} sent to {}", mail.id, mail.to.join(", ")),
            Outcome::Retry(e) => tracing::warn!("mail {} not sent yet: {e}", mail.id),
            Outcome::Failed(e) => tracing::error!("mail {} refused: {e}", mail.id),
        }
    }
    db.write(move |tx| {
        let now = clock::now();
        for (mail, outcome) in &outcomes {
            outbox::finish(tx, mail, outcome, now)?;
        }
        Ok::<_, DbError>(())
    })
    .await?;
    Ok(if full {
        Step::Busy
    } else {
        Step::Idle(Duration::ZERO)
    })
}

/// Sends one mail and says how it ended.
async fn deliver(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    cfg: &SmtpConfig,
    mail: &Claimed,
) -> Outcome {
    let outgoing = Outgoing {
        author_addr: &mail.author_addr,
        to: &mail.to,
        cc: &mail.cc,
        subject: &mail.subject,
        html: &mail.html,
        text: &mail.text,
        message_id: &mail.message_id,
        calendar: &mail.calendar,
    };
    match smtp::send(transport, cfg, &outgoing).await {
        Ok(answer) => Outcome::Sent(answer),
        Err(e @ (SendError::NoSender | SendError::Disabled | SendError::NoServer)) => {
            // Fixed by a change of settings: keep it and try again later.
            Outcome::Retry(e.to_string())
        }
        Err(e) if e.is_permanent() => Outcome::Failed(e.to_string()),
        Err(e) => Outcome::Retry(e.to_string()),
    }
}
