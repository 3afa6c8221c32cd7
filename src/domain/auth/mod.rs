//! Logging in: password check, throttling of repeated failures, and opening the session.
//!
//! After [`MAX_FAILURES`] failures for one login or from one address within [`WINDOW_SECS`],
//! further attempts are refused without checking the password until the window has moved on,
//! so a correct password during a lock does not log in.

use rusqlite::{Connection, Transaction, params};

use crate::db::Db;
use crate::domain::events::{self, EventKind};
use crate::domain::sessions::{self, NewSession};
use crate::domain::settings::Settings;
use crate::domain::users::{self, User, password};
use crate::domain::{DomainError, clock};

/// Failures allowed within the window.
pub const MAX_FAILURES: i64 = 5;
/// The throttling window: 15 minutes.
pub const WINDOW_SECS: i64 = 15 * 60;

/// The result of a login attempt.
#[derive(Debug)]
pub enum LoginOutcome {
    /// The password matched: a new session is open.
    Success {
        user: Box<User>,
        session: NewSession,
    },
    /// Unknown login, wrong password or disabled account (deliberately not told apart).
    Invalid,
    /// Too many failures: refused without checking, for about this many more minutes.
    Throttled { retry_after_minutes: i64 },
}

/// Where an attempt comes from.
#[derive(Debug, Clone)]
pub struct Origin {
    pub ip: String,
    pub user_agent: String,
}

/// Tries to log in with `login` and `password`.
pub async fn login(
    db: &Db,
    login: &str,
    password: &str,
    origin: Origin,
) -> Result<LoginOutcome, DomainError> {
    let login = login.trim().to_owned();
    let now = clock::now();
    let (lock, found) = db
        .read({
            let (login, ip) = (login.clone(), origin.ip.clone());
            move |c| {
                let lock = lock_remaining(c, &login, &ip, now)?;
                let found = users::repo::get_with_hash_by_login(c, &login)?;
                Ok::<_, DomainError>((lock, found))
            }
        })
        .await?;

    if let Some(seconds) = lock {
        db.write({
            let (login, ip) = (login.clone(), origin.ip.clone());
            move |tx| {
                events::record(
                    tx,
                    EventKind::LoginThrottled,
                    &format!("login refused while locked: {login}"),
                    None,
                    &ip,
                )
                .map_err(DomainError::from)
            }
        })
        .await?;
        return Ok(LoginOutcome::Throttled {
            retry_after_minutes: (seconds + 59) / 60,
        });
    }

    let (user, hash) = match found {
        Some((user, hash)) if !user.disabled => (Some(user), hash),
        _ => (None, None),
    };
    let matches = password::verify(password.to_owned(), hash).await;

    db.write(move |tx| match user {
        Some(user) if matches => {
            clear_failures_for_login(tx, &user.login)?;
            let timeout = Settings::load(tx)?.session_timeout_secs();
            sessions::end_idle(tx, now, timeout)?;
            users::repo::set_last_login(tx, user.id, now)?;
            let session = sessions::create(tx, user.id, &origin.ip, &origin.user_agent, now)?;
            events::record(
                tx,
                EventKind::LoginSuccess,
                &format!("{} logged in", user.login),
                Some(user.id),
                &origin.ip,
            )?;
            Ok(LoginOutcome::Success {
                user: Box::new(user),
                session,
            })
        }
        _ => {
            record_failure(tx, &login, &origin.ip, now)?;
            events::record(
                tx,
                EventKind::LoginFailure,
                &format!("failed login for {login}"),
                None,
                &origin.ip,
            )?;
            Ok(LoginOutcome::Invalid)
        }
    })
    .await
}

/// Ends the session with token hash `token_hash`.
pub async fn logout(
    db: &Db,
    token_hash: String,
    user: User,
    ip: String,
) -> Result<(), DomainError> {
    db.write(move |tx| {
        sessions::end(tx, &token_hash)?;
        events::record(
            tx,
            EventKind::Logout,
            &format!("{} logged out", user.login),
            Some(user.id),
            &ip,
        )?;
        Ok(())
    })
    .await
}

/// Seconds until `login` or `ip` may try again, if either is locked.
fn lock_remaining(
    conn: &Connection,
    login: &str,
    ip: &str,
    now: i64,
) -> Result<Option<i64>, rusqlite::Error> {
    let since = now - WINDOW_SECS;
    let mut worst: Option<i64> = None;
    for (sql, key) in [
        (
            "SELECT at FROM auth_failures WHERE login = ?1 AND at > ?2 ORDER BY at DESC LIMIT ?3",
            login,
        ),
        (
            "SELECT at FROM auth_failures WHERE ip = ?1 AND at > ?2 ORDER BY at DESC LIMIT ?3",
            ip,
        ),
    ] {
        let times: Vec<i64> = conn
            .prepare_cached(sql)?
            .query_map(params![key, since, MAX_FAILURES], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if times.len() as i64 >= MAX_FAILURES {
            // Unlocked once the oldest of the last MAX_FAILURES failures leaves the window.
            let oldest = times.iter().copied().min().unwrap_or(now);
            let remaining = (oldest + WINDOW_SECS - now).max(1);
            worst = Some(worst.map_or(remaining, |w: i64| w.max(remaining)));
        }
    }
    Ok(worst)
}

fn record_failure(
    tx: &Transaction<'_>,
    login: &str,
    ip: &str,
    now: i64,
) -> Result<(), rusqlite::Error> {
    let login: String = login.chars().take(200).collect();
    tx.execute(
        "INSERT INTO auth_failures (at, login, ip) VALUES (?1, ?2, ?3)",
        params![now, login, ip],
    )?;
    tx.execute(
        "DELETE FROM auth_failures WHERE at <= ?1",
        [now - WINDOW_SECS],
    )?;
    Ok(())
}

/// Forgets the failures recorded for `login` (after a success or a password reset).
pub fn clear_failures_for_login(tx: &Transaction<'_>, login: &str) -> Result<(), rusqlite::Error> {
    tx.execute("DELETE FROM auth_failures WHERE login = ?1", [login])?;
    Ok(())
}

/// Opens a session for `user` without a password check (right after the first-run set-up).
pub async fn open_session(db: &Db, user: &User, origin: Origin) -> Result<NewSession, DomainError> {
    let id = user.id;
    let login = user.login.clone();
    db.write(move |tx| {
        let now = clock::now();
        users::repo::set_last_login(tx, id, now)?;
        let session = sessions::create(tx, id, &origin.ip, &origin.user_agent, now)?;
        events::record(
            tx,
            EventKind::LoginSuccess,
            &format!("{login} logged in after set-up"),
            Some(id),
            &origin.ip,
        )?;
        Ok(session)
    })
    .await
}
