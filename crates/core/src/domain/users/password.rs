//! Password hashing with bcrypt, run on the blocking pool because it is slow by design.

use crate::domain::DomainError;

/// The bcrypt cost: about a quarter of a second per hash on a small machine.
pub const COST: u32 = bcrypt::DEFAULT_COST;

/// A hash of a random password, used to spend the same time when a login does not exist as
/// when it does.
static DUMMY_HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn dummy_hash() -> &'static str {
    DUMMY_HASH.get_or_init(|| {
        bcrypt::hash(crate::domain::token::random_hex(16), COST).unwrap_or_default()
    })
}

/// Hashes and checks running at once in the whole server: each takes a core for a quarter of
/// a second, so a burst of logins waits its turn instead of taking every core from the pages.
static AT_ONCE: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);

/// Hashes `password`.
pub async fn hash(password: String) -> Result<String, DomainError> {
    // The semaphore is never closed.
    let _turn = AT_ONCE.acquire().await.ok();
    tokio::task::spawn_blocking(move || bcrypt::hash(password, COST))
        .await
        .map_err(|e| DomainError::Storage(crate::db::DbError::Task(e.to_string())))?
        .map_err(DomainError::from)
}

/// Whether `password` matches `stored`; with no stored hash, spends the same time and says no.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    let _turn = AT_ONCE.acquire().await.ok();
    tokio::task::spawn_blocking(move || match stored {
        Some(h) => bcrypt::verify(password, &h).unwrap_or(false),
        None => {
            let _ = bcrypt::verify(password, dummy_hash());
            false
        }
    })
    .await
    .unwrap_or(false)
}
