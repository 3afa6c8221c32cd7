//! Server-side sessions. The browser holds a random token; the database holds its SHA-256, the
//! user, the session's CSRF token and when it was last used.

pub mod visit;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::UserId;
use crate::domain::token;
use crate::domain::users::{self, User};

/// A session was last-seen-updated at most this often, to spare writes.
const TOUCH_EVERY_SECS: i64 = 60;

/// A session just created: the token goes into the cookie, never into the database.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf: String,
}

/// A live session and its user.
#[derive(Debug, Clone)]
pub struct ActiveSession {
    pub token_hash: String,
    pub csrf: String,
    pub last_seen_at: i64,
    pub user: User,
}

impl ActiveSession {
    /// Whether the last-seen time is old enough to be worth refreshing.
    pub fn needs_touch(&self, now: i64) -> bool {
        now - self.last_seen_at >= TOUCH_EVERY_SECS
    }
}

/// What a session cookie turned out to be.
#[derive(Debug, Clone)]
pub enum Lookup {
    Active(Box<ActiveSession>),
    /// It existed but was idle for too long; it has to be ended.
    Expired {
        token_hash: String,
    },
    /// Unknown, ended, or its user is disabled.
    Missing,
}

/// Sessions one user keeps at most (browsers, phones, the console): opening one more ends the
/// oldest, so that logging in again and again cannot pile up sessions.
pub const MAX_PER_USER: i64 = 20;

/// Opens a session for `user`.
pub fn create(
    tx: &Transaction<'_>,
    user: UserId,
    ip: &str,
    user_agent: &str,
    now: i64,
) -> Result<NewSession, rusqlite::Error> {
    let new = NewSession {
        token: token::random_hex(32),
        csrf: token::random_hex(32),
    };
    let agent: String = user_agent.chars().take(300).collect();
    tx.execute(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, ip, user_agent)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)",
        params![token::sha256_hex(&new.token), user.0, new.csrf, now, ip, agent],
    )?;
    tx.prepare_cached(
        "DELETE FROM sessions WHERE user_id = ?1 AND token_hash NOT IN
           (SELECT token_hash FROM sessions WHERE user_id = ?1
            ORDER BY last_seen_at DESC, created_at DESC LIMIT ?2)",
    )?
    .execute(params![user.0, MAX_PER_USER])?;
    Ok(new)
}

/// How long sessions last: idle, and (optionally) in all since they were opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetime {
    pub idle_secs: i64,
    pub max_secs: Option<i64>,
}

impl Lifetime {
    /// The lifetime set in Administration > Settings.
    pub fn from_settings(s: &crate::domain::settings::Settings) -> Lifetime {
        Lifetime {
            idle_secs: s.session_timeout_secs(),
            max_secs: s.session_max_secs(),
        }
    }

    /// Whether a session opened at `created_at` and last used at `last_seen_at` is over.
    pub fn is_over(self, created_at: i64, last_seen_at: i64, now: i64) -> bool {
        now - last_seen_at > self.idle_secs || self.max_secs.is_some_and(|m| now - created_at > m)
    }
}

/// Finds the session behind a cookie token.
pub fn lookup(
    conn: &Connection,
    cookie_token: &str,
    now: i64,
    lifetime: Lifetime,
) -> Result<Lookup, rusqlite::Error> {
    let token_hash = token::sha256_hex(cookie_token);
    let Some((user, csrf, last_seen_at, created_at)) = users::repo::by_session(conn, &token_hash)?
    else {
        return Ok(Lookup::Missing);
    };
    if lifetime.is_over(created_at, last_seen_at, now) {
        return Ok(Lookup::Expired { token_hash });
    }
    if user.disabled {
        return Ok(Lookup::Missing);
    }
    Ok(Lookup::Active(Box::new(ActiveSession {
        token_hash,
        csrf,
        last_seen_at,
        user,
    })))
}

/// Whether the session with `token_hash` is still open for `user` with `profile`: not ended
/// (logout, password change, disabled account), not idle for longer than `idle_timeout_secs`,
/// its user still enabled and of the same profile. Long-lived answers (live updates) ask this
/// again as they go.
/// [`still_open`] as a use case: whether the session is still open now (a failure counts as
/// closed).
pub async fn is_open(
    db: &crate::db::Db,
    token_hash: String,
    user: UserId,
    profile: crate::domain::profiles::Profile,
    lifetime: Lifetime,
) -> bool {
    crate::domain::run::read(db, move |c| {
        let now = crate::domain::clock::now();
        Ok(still_open(c, &token_hash, user, profile, now, lifetime)?)
    })
    .await
    .unwrap_or(false)
}

pub fn still_open(
    conn: &Connection,
    token_hash: &str,
    user: UserId,
    profile: crate::domain::profiles::Profile,
    now: i64,
    lifetime: Lifetime,
) -> Result<bool, rusqlite::Error> {
    let found: Option<(i64, i64)> = conn
        .prepare_cached(
            "SELECT s.created_at, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = ?1 AND s.user_id = ?2 AND u.disabled = 0 AND u.profile_id = ?3",
        )?
        .query_row(params![token_hash, user.0, profile.id()], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(found.is_some_and(|(created, seen)| !lifetime.is_over(created, seen, now)))
}

/// Marks the session as used now.
pub fn touch(tx: &Transaction<'_>, token_hash: &str, now: i64) -> Result<(), rusqlite::Error> {
    tx.execute(
        "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1",
        params![token_hash, now],
    )?;
    Ok(())
}

/// Ends one session, given its token hash.
pub fn end(tx: &Transaction<'_>, token_hash: &str) -> Result<(), rusqlite::Error> {
    tx.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])?;
    Ok(())
}

/// Ends every session of `user`.
pub fn end_all_for_user(tx: &Transaction<'_>, user: UserId) -> Result<(), rusqlite::Error> {
    tx.execute("DELETE FROM sessions WHERE user_id = ?1", [user.0])?;
    Ok(())
}

/// Ends every session of `user` but `keep` (a token hash).
pub fn end_others_for_user(
    tx: &Transaction<'_>,
    user: UserId,
    keep: Option<&str>,
) -> Result<(), rusqlite::Error> {
    tx.execute(
        "DELETE FROM sessions WHERE user_id = ?1 AND token_hash IS NOT ?2",
        params![user.0, keep],
    )?;
    Ok(())
}

/// Ends the sessions idle for longer than the timeout.
pub fn end_idle(
    tx: &Transaction<'_>,
    now: i64,
    idle_timeout_secs: i64,
) -> Result<usize, rusqlite::Error> {
    tx.execute(
        "DELETE FROM sessions WHERE last_seen_at < ?1",
        [now - idle_timeout_secs],
    )
}
