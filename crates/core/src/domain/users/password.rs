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

/// Hashes and checks running at once in the whole server: one core fewer than the machine has
/// (at least one). Each takes a core for a quarter of a second, so a burst of logins (a
/// classroom at nine, or someone trying passwords) waits its turn while the pages keep a core:
/// with every core hashing, 200 people logging in at once on two cores held every page for
/// half a minute.
static AT_ONCE: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    tokio::sync::Semaphore::new(cores.saturating_sub(1).max(1))
});

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
