//! Password hashing with bcrypt, run on the blocking pool because it is slow by design. An
//! account brought over from GestSup may still hold GestSup's older hash,
//! `md5(salt . md5(password))`, stored as [`legacy`] writes it: it is checked once, at the next
//! login, and replaced by bcrypt then ([`is_legacy`]).

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

/// How a GestSup md5 hash is stored: this prefix, its salt, `$`, the hash in hexadecimal.
const LEGACY: &str = "gestsup-md5$";

/// GestSup's older hash `hex` with its `salt`, as stored in place of a bcrypt hash.
pub fn legacy(salt: &str, hex: &str) -> String {
    format!("{LEGACY}{salt}${}", hex.trim().to_ascii_lowercase())
}

/// Whether `stored` is one of GestSup's older hashes (to be replaced after a good login).
pub fn is_legacy(stored: Option<&str>) -> bool {
    stored.is_some_and(|s| s.starts_with(LEGACY))
}

fn md5_hex(data: &[u8]) -> String {
    use md5::Digest;
    crate::domain::token::to_hex(&md5::Md5::digest(data))
}

/// Whether `password` matches a legacy hash `stored` (`gestsup-md5$salt$hex`).
fn verify_legacy(password: &str, stored: &str) -> bool {
    let Some((salt, hex)) = stored
        .strip_prefix(LEGACY)
        .and_then(|rest| rest.rsplit_once('$'))
    else {
        return false;
    };
    let computed = md5_hex(format!("{salt}{}", md5_hex(password.as_bytes())).as_bytes());
    // Compared in constant time, like bcrypt's own comparison.
    computed.len() == hex.len()
        && computed
            .bytes()
            .zip(hex.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// Whether `password` matches `stored`; with no stored hash, spends the same time and says no.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    let _turn = AT_ONCE.acquire().await.ok();
    tokio::task::spawn_blocking(move || match stored {
        Some(h) if h.starts_with(LEGACY) => {
            // The same time as a bcrypt check, so that a legacy account is not told apart.
            let _ = bcrypt::verify(&password, dummy_hash());
            verify_legacy(&password, &h)
        }
        Some(h) => bcrypt::verify(password, &h).unwrap_or(false),
        None => {
            let _ = bcrypt::verify(password, dummy_hash());
            false
        }
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gestsup_md5_hashes_are_checked_and_known_as_legacy() {
        // md5("s4lt" . md5("secret")) computed independently:
        // md5("secret") = 5ebe2294ecd0e0f08eab7690d2a6ee69
        let stored = legacy(
            "s4lt",
            &md5_hex(b"s4lt5ebe2294ecd0e0f08eab7690d2a6ee69").to_uppercase(),
        );
        assert_eq!(md5_hex(b"secret"), "5ebe2294ecd0e0f08eab7690d2a6ee69");
        assert!(verify_legacy("secret", &stored));
        assert!(!verify_legacy("Secret", &stored));
        assert!(!verify_legacy("secret", "gestsup-md5$nohash"));
        assert!(!verify_legacy("secret", "$2y$10$abc"));
        assert!(is_legacy(Some(&stored)));
        assert!(!is_legacy(Some("$2y$10$abc")));
        assert!(!is_legacy(None));
        // A salt holding the separator still splits at the last one.
        let odd = legacy("a$b", &md5_hex(format!("a$b{}", md5_hex(b"pw")).as_bytes()));
        assert!(verify_legacy("pw", &odd));
    }

    #[tokio::test]
    async fn gestsups_bcrypt_2y_hashes_work_as_they_are() {
        // PHP's password_hash writes "$2y$"; the same hash with that prefix must check.
        let ours = bcrypt::hash("php password", 4).expect("hash");
        let php = ours.replacen("$2b$", "$2y$", 1);
        assert!(verify("php password".to_owned(), Some(php.clone())).await);
        assert!(!verify("other".to_owned(), Some(php)).await);
    }
}
