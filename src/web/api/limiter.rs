//! Each token's pace: at most so many calls in a minute (the `api_calls_per_minute` setting,
//! 600 by default); past that, the API answers
//! `429 Too Many Requests` with the seconds to wait (`Retry-After`). Counted in memory per
//! token over fixed minutes, so that a script in a loop cannot take the server from the
//! people using it.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::domain::ids::ApiTokenId;

/// Tokens followed at most (only valid tokens are counted; past this, finished minutes are
/// forgotten).
const FOLLOWED: usize = 10_000;

/// The calls of each token in the current minute.
#[derive(Debug, Default)]
pub struct Limiter {
    minutes: Mutex<HashMap<ApiTokenId, (i64, u32)>>,
}

impl Limiter {
    /// Counts a call of `token` at `now` (seconds): `Err` with the seconds to wait when the
    /// token already made `limit` calls in this minute.
    pub fn admit(&self, token: ApiTokenId, now: i64, limit: u32) -> Result<(), u64> {
        let minute = now.div_euclid(60);
        let mut minutes = self
            .minutes
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if minutes.len() >= FOLLOWED {
            minutes.retain(|_, (m, _)| *m == minute);
        }
        let (m, count) = minutes.entry(token).or_insert((minute, 0));
        if *m != minute {
            (*m, *count) = (minute, 0);
        }
        if *count >= limit {
            let wait = 60 - now.rem_euclid(60);
            return Err(u64::try_from(wait).unwrap_or(60));
        }
        *count += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_past_its_pace_waits_for_the_next_minute() {
        let limiter = Limiter::default();
        let (a, b) = (ApiTokenId(1), ApiTokenId(2));
        let start = 6_000_010; // ten seconds into a minute
        for _ in 0..3 {
            assert_eq!(limiter.admit(a, start, 3), Ok(()));
        }
        assert_eq!(limiter.admit(a, start + 5, 3), Err(45));
        // Another token is counted apart.
        assert_eq!(limiter.admit(b, start + 5, 3), Ok(()));
        // The next minute starts afresh.
        assert_eq!(limiter.admit(a, start + 50, 3), Ok(()));
    }
}
