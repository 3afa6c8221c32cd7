//! Requester validation over time: resolutions left unanswered past the delay count as
//! accepted, and requesters with a day left get a reminder (see
//! [`crate::domain::tickets::validation`]). Runs when the server starts and every [`EVERY`].

use std::time::Duration;

use crate::db::Db;
use crate::domain::tickets::validation;

/// How often unanswered resolutions are looked at.
pub const EVERY: Duration = Duration::from_secs(10 * 60);

/// One round. Says what it did.
pub async fn run_due(db: &Db) -> Result<String, String> {
    match validation::run_due(db).await {
        Ok((0, 0)) => Ok(String::new()),
        Ok((expired, reminded)) => {
            let said = format!(
                "{expired} resolution(s) accepted after the delay, {reminded} reminder(s) written"
            );
            tracing::info!("requester validation: {said}");
            Ok(said)
        }
        Err(e) => Err(format!("could not look after requester validations: {e}")),
    }
}
