//! Requester validation over time: resolutions left unanswered past the delay count as
//! accepted, and requesters with a day left get a reminder (see
//! [`crate::domain::tickets::validation`]). Runs when the server starts and every [`EVERY`].

use std::time::Duration;

use super::periodic::Periodic;
use crate::db::Db;
use crate::domain::tickets::validation;

/// How often unanswered resolutions are looked at.
pub const EVERY: Duration = Duration::from_secs(10 * 60);

/// The running job.
#[derive(Debug)]
pub struct Expiry(Periodic);

impl Expiry {
    /// Starts looking after the validations recorded in `db`.
    pub fn start(db: Db) -> Expiry {
        Expiry(Periodic::start(EVERY, move || {
            let db = db.clone();
            async move {
                match validation::run_due(&db).await {
                    Ok((0, 0)) => {}
                    Ok((expired, reminded)) => tracing::info!(
                        "requester validation: {expired} resolution(s) accepted after the delay, {reminded} reminder(s) written"
                    ),
                    Err(e) => tracing::warn!("could not look after requester validations: {e}"),
                }
            }
        }))
    }

    /// Stops it.
    pub async fn stop(self) {
        self.0.stop().await;
    }
}
