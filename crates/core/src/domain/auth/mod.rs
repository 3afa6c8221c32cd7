//! Logging in: password check, throttling ([`throttle`]), and opening the session.
//!
//! A check is counted before the password is compared, so that attempts sent at once cannot
//! all be tried; a locked account is refused without comparing, so a correct password during
//! a lock does not log in (except from an address it logged in from before, where only the
//! failures made there count).

pub mod reset;
pub mod second_factor;
pub mod throttle;

use std::sync::Arc;

use crate::db::Db;
use crate::domain::directory::{
    self,
    login::{PasswordCheck, Verdict},
};
use crate::domain::events::{self, EventKind};
use crate::domain::sessions::{self, NewSession};
use crate::domain::settings::Settings;
use crate::domain::settings::directory_registry::{LDAP_DOMAIN, LDAP_ENABLED};
use crate::domain::users::{self, User, password};
use crate::domain::{DomainError, clock};

pub use throttle::{Gate, MAX_FAILURES, Refusal, WINDOW_SECS};

/// The result of a login attempt.
#[derive(Debug)]
pub enum LoginOutcome {
    /// The password matched: a new session is open.
    Success {
        user: Box<User>,
        session: NewSession,
    },
    /// The password matched and a second-factor code is wanted (after setting it up, when
    /// `enroll`): the login waits under `token` (see [`second_factor`]).
    SecondFactor { token: String, enroll: bool },
    /// Unknown login, wrong password or disabled account (deliberately not told apart).
    Invalid,
    /// Too many failures: refused without checking.
    Throttled(Refusal),
    /// Checks of this account or from this address are running already: try again in a moment.
    Busy,
    /// The account logs in through the directory, which could not be reached: nothing was
    /// checked, nothing counted.
    DirectoryUnreachable,
}

/// Where an attempt comes from.
#[derive(Debug, Clone)]
pub struct Origin {
    pub ip: String,
    pub user_agent: String,
}

/// Tries to log in with `login` and `password`; `gate` bounds the checks running at once. A
/// synchronised account without a local password is checked by `directory` when the directory
/// is on.
pub async fn login(
    db: &Db,
    gate: &Arc<Gate>,
    directory: &impl PasswordCheck,
    login: &str,
    password: &str,
    origin: Origin,
) -> Result<LoginOutcome, DomainError> {
    let login = login.trim().to_owned();
    let Some(_pass) = gate.enter(&login, &origin.ip, throttle::TURN_WAIT).await else {
        return Ok(LoginOutcome::Busy);
    };
    let now = clock::now();
    let reserved = db
        .write({
            let (login, ip) = (login.clone(), origin.ip.clone());
            move |tx| {
                let settings = Settings::load(tx)?;
                let mut found = users::repo::get_with_hash_by_login(tx, &login)?;
                // Failures are counted under the login the account was found by.
                let mut key = login.clone();
                // With the directory on, `name@domain` and `DOMAIN\name` name the account too.
                if found.is_none()
                    && settings.flag(LDAP_ENABLED)
                    && let Some(short) =
                        directory::login::short_login(&login, settings.raw(LDAP_DOMAIN))
                {
                    found = users::repo::get_with_hash_by_login(tx, &short)?;
                    key = short;
                }
                let user = found.as_ref().map(|(u, _)| u.id);
                match throttle::reserve(tx, throttle::Kind::Login, &key, user, &ip, now)? {
                    Ok(reservation) => {
                        let account = match user {
                            Some(id) if settings.flag(LDAP_ENABLED) => {
                                directory::login::account(tx, id)?
                            }
                            _ => None,
                        };
                        Ok::<_, DomainError>(Ok((reservation, found, account, settings, key)))
                    }
                    Err(refusal) => {
                        events::record(
                            tx,
                            EventKind::LoginThrottled,
                            &format!("login refused while locked: {login}"),
                            None,
                            &ip,
                        )?;
                        Ok(Err(refusal))
                    }
                }
            }
        })
        .await?;
    let (reservation, found, account, settings, key) = match reserved {
        Ok(r) => r,
        Err(refusal) => return Ok(LoginOutcome::Throttled(refusal)),
    };

    let (user, hash) = match found {
        Some((user, hash)) if !user.disabled => (Some(user), hash),
        _ => (None, None),
    };
    let legacy = password::is_legacy(hash.as_deref());
    let matches = match account.filter(|_| user.is_some()) {
        Some(account) => match directory.check(&settings, &account, password).await {
            Verdict::Accepted => true,
            Verdict::Refused => false,
            Verdict::Unreachable => {
                return db
                    .write(move |tx| {
                        throttle::withdrawn(tx, reservation)?;
                        events::record(
                            tx,
                            EventKind::LoginFailure,
                            &format!("directory unreachable for the login of {login}"),
                            None,
                            &origin.ip,
                        )?;
                        Ok(LoginOutcome::DirectoryUnreachable)
                    })
                    .await;
            }
        },
        None => password::verify(password.to_owned(), hash).await,
    };
    // A GestSup md5 hash that just matched is replaced by bcrypt.
    let upgraded = if matches && legacy && user.is_some() {
        Some(password::hash(password.to_owned()).await?)
    } else {
        None
    };

    db.write(move |tx| match user {
        Some(user) if matches => {
            throttle::succeeded(
                tx,
                reservation,
                throttle::Kind::Login,
                &key,
                user.id,
                &origin.ip,
                now,
            )?;
            if let Some(hash) = &upgraded {
                users::repo::replace_hash(tx, user.id, hash)?;
            }
            if let Some(enroll) = second_factor::needed(tx, &settings, &user)? {
                let token = second_factor::wait_for_code(
                    tx,
                    user.id,
                    enroll,
                    &origin.ip,
                    &origin.user_agent,
                    now,
                )?;
                return Ok(LoginOutcome::SecondFactor { token, enroll });
            }
            let timeout = settings.session_timeout_secs();
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
            throttle::failed(reservation);
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

/// An administrator (`by`, from `ip`) unlocks account `user`: its failed logins are forgotten.
/// Logged.
pub async fn unlock_account(
    db: &Db,
    user: crate::domain::ids::UserId,
    by: User,
    ip: String,
) -> Result<(), DomainError> {
    db.write(move |tx| {
        let account = users::repo::get(tx, user)?.ok_or(DomainError::NotFound)?;
        throttle::clear_account(tx, &account.login)?;
        events::record(
            tx,
            EventKind::ThrottleLifted,
            &format!("account {} unlocked by {}", account.login, by.login),
            Some(by.id),
            &ip,
        )?;
        Ok(())
    })
    .await
}

/// An administrator (`by`, from `ip`) lifts the throttle of address `address`: its failed
/// logins are forgotten. Logged.
pub async fn lift_address(
    db: &Db,
    address: String,
    by: User,
    ip: String,
) -> Result<(), DomainError> {
    db.write(move |tx| {
        let n = throttle::clear_address(tx, &address)?;
        events::record(
            tx,
            EventKind::ThrottleLifted,
            &format!(
                "login throttle of {address} lifted by {} ({n} failures)",
                by.login
            ),
            Some(by.id),
            &ip,
        )?;
        Ok(())
    })
    .await
}

/// Forgets the failures recorded for `login` (after a password reset).
pub fn clear_failures_for_login(
    tx: &rusqlite::Transaction<'_>,
    login: &str,
) -> Result<(), rusqlite::Error> {
    throttle::clear_account(tx, login).map(|_| ())
}

/// Opens a session for `user` without a password check (right after the first-run set-up).
pub async fn open_session(db: &Db, user: &User, origin: Origin) -> Result<NewSession, DomainError> {
    let id = user.id;
    let login = user.login.clone();
    db.write(move |tx| {
        let now = clock::now();
        users::repo::set_last_login(tx, id, now)?;
        throttle::remember(tx, id, &origin.ip, now)?;
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
