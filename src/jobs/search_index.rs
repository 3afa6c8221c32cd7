//! Writing the tickets that changed into the search index, twice a second, in batches (see
//! `gestdesk_core::domain::worklist::search_queue`). A search never waits for this round: it
//! brings the index up to date itself when tickets wait.

use std::time::Duration;

use crate::db::Db;
use crate::domain::worklist::search_queue;

/// How often waiting tickets are indexed.
pub const EVERY: Duration = Duration::from_millis(500);

/// One round: indexes every waiting ticket. Says how many.
pub async fn run(db: &Db) -> Result<String, String> {
    match search_queue::index_all_pending(db).await {
        Ok(0) => Ok(String::new()),
        Ok(n) => Ok(format!("indexed {n} ticket(s) for search")),
        Err(e) => Err(format!("could not index tickets for search: {e}")),
    }
}
