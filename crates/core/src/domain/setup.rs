//! The one-time set-up link that creates the first administrator.
//!
//! While no account exists, the server holds a random token (in memory only) and prints a link
//! carrying it. The link works once: the set-up creates the first account, after which
//! [`SetupSlot::check`] refuses every token, even after a restart.

use std::sync::{Arc, Mutex};

use super::token;

/// The current set-up token, if the instance still needs its first administrator.
#[derive(Debug, Clone, Default)]
pub struct SetupSlot(Arc<Mutex<Option<String>>>);

impl SetupSlot {
    /// A slot holding a fresh token.
    pub fn armed() -> Self {
        Self(Arc::new(Mutex::new(Some(token::random_hex(16)))))
    }

    /// A slot with no token: the instance is set up.
    pub fn disarmed() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<String>> {
        // The guarded value is a plain string; a panic elsewhere cannot leave it half-written.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The token, while set-up is pending.
    pub fn token(&self) -> Option<String> {
        self.lock().clone()
    }

    /// Whether `candidate` is the pending token.
    pub fn check(&self, candidate: &str) -> bool {
        self.lock()
            .as_deref()
            .is_some_and(|t| token::constant_time_eq(t, candidate))
    }

    /// Kills the token once the first administrator exists.
    pub fn disarm(&self) {
        *self.lock() = None;
    }
}

/// The path of the set-up page for `token`.
pub fn path(token: &str) -> String {
    format!("/setup/{token}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_works_until_disarmed() {
        let slot = SetupSlot::armed();
        let t = slot.token().expect("armed");
        assert_eq!(t.len(), 32);
        assert!(slot.check(&t));
        assert!(!slot.check("nope"));
        slot.disarm();
        assert!(!slot.check(&t));
        assert!(slot.token().is_none());
    }
}
