//! Throttling password checks, so that guessing is slow and cannot be sped up by sending
//! attempts in parallel, while a user at their usual desk is not locked out by someone else.
//!
//! - Every check is reserved before the password is compared: a failure row is written in the
//!   same transaction that decides whether the attempt may go on, and removed if the password
//!   was right. Attempts sent at once therefore count each other.
//! - An account is locked after [`MAX_FAILURES`] failures within [`WINDOW_SECS`]: from an
//!   address it logged in from before ([`auth_known`]), only the failures made from that
//!   address count; from anywhere else, all of them.
//! - An address is throttled after [`ADDRESS_MAX_FAILURES`] failures across accounts: attempts
//!   from it are refused, except for accounts that logged in from it before (the regular users
//!   behind a shared address).
//! - [`Gate`] bounds the checks running at once for one account and one address.
//!
//! The current password typed on the password page is counted the same way under its own
//! kind, so that it locks password changes, not logins.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::ids::UserId;

/// Failures of one account allowed within the window.
pub const MAX_FAILURES: i64 = 5;
/// Failures from one address, across accounts, allowed within the window.
pub const ADDRESS_MAX_FAILURES: i64 = 20;
/// The throttling window: 15 minutes.
pub const WINDOW_SECS: i64 = 15 * 60;
/// How long an address stays known for an account after its last successful login.
pub const KNOWN_FOR_SECS: i64 = 90 * 24 * 3600;
/// Password checks of one account running at once.
pub const PER_ACCOUNT_AT_ONCE: u32 = 2;
/// Password checks from one address running at once.
pub const PER_ADDRESS_AT_ONCE: u32 = 4;

/// What a password was typed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Logging in.
    Login,
    /// The current password on the password page.
    Password,
    /// A second-factor code, at login or on the profile.
    Code,
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::Login => "login",
            Kind::Password => "password",
            Kind::Code => "code",
        }
    }
}

/// Why an attempt is refused before its password is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Too many failures for this account; it may try again after this many seconds.
    Account { retry_after_secs: i64 },
    /// Too many failures from this address; again after this many seconds.
    Address { retry_after_secs: i64 },
}

impl Refusal {
    /// Whole minutes to wait, rounded up.
    pub fn minutes(self) -> i64 {
        let (Refusal::Account { retry_after_secs } | Refusal::Address { retry_after_secs }) = self;
        (retry_after_secs + 59) / 60
    }
}

/// A password check that was counted before it ran (see [`reserve`]).
#[derive(Debug)]
#[must_use = "a reservation counts as a failure until it is settled as a success"]
pub struct Reservation {
    id: i64,
}

/// Seconds until the lock lifts when the last `max` of `times` (newest first) fill the window.
fn remaining(times: &[i64], max: i64, now: i64) -> Option<i64> {
    if (times.len() as i64) < max {
        return None;
    }
    let oldest = times.iter().copied().min().unwrap_or(now);
    Some((oldest + WINDOW_SECS - now).max(1))
}

fn recent(
    conn: &Connection,
    sql: &str,
    values: impl rusqlite::Params,
) -> rusqlite::Result<Vec<i64>> {
    conn.prepare_cached(sql)?
        .query_map(values, |r| r.get(0))?
        .collect()
}

/// Whether `user` logged in from `ip` recently enough for the address to be known.
pub fn is_known(conn: &Connection, user: UserId, ip: &str, now: i64) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM auth_known WHERE user_id = ?1 AND ip = ?2 AND last_at > ?3")?
        .query_row(params![user.0, ip, now - KNOWN_FOR_SECS], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Decides whether a check of `kind` for `login` (the account `user`, when it exists) from
/// `ip` may run, and if so counts it as a failure until [`succeeded`] says otherwise.
pub fn reserve(
    tx: &Transaction<'_>,
    kind: Kind,
    login: &str,
    user: Option<UserId>,
    ip: &str,
    now: i64,
) -> rusqlite::Result<Result<Reservation, Refusal>> {
    let since = now - WINDOW_SECS;
    let known = match user {
        Some(u) => is_known(tx, u, ip, now)?,
        None => false,
    };
    let account = if known {
        recent(
            tx,
            "SELECT at FROM auth_failures WHERE login = ?1 AND kind = ?2 AND ip = ?3 AND at > ?4
             ORDER BY at DESC LIMIT ?5",
            params![login, kind.code(), ip, since, MAX_FAILURES],
        )?
    } else {
        recent(
            tx,
            "SELECT at FROM auth_failures WHERE login = ?1 AND kind = ?2 AND at > ?3
             ORDER BY at DESC LIMIT ?4",
            params![login, kind.code(), since, MAX_FAILURES],
        )?
    };
    if let Some(secs) = remaining(&account, MAX_FAILURES, now) {
        return Ok(Err(Refusal::Account {
            retry_after_secs: secs,
        }));
    }
    if !known && kind == Kind::Login {
        let address = recent(
            tx,
            "SELECT at FROM auth_failures WHERE ip = ?1 AND kind = 'login' AND at > ?2
             ORDER BY at DESC LIMIT ?3",
            params![ip, since, ADDRESS_MAX_FAILURES],
        )?;
        if let Some(secs) = remaining(&address, ADDRESS_MAX_FAILURES, now) {
            return Ok(Err(Refusal::Address {
                retry_after_secs: secs,
            }));
        }
    }
    let login: String = login.chars().take(200).collect();
    tx.prepare_cached("INSERT INTO auth_failures (at, login, ip, kind) VALUES (?1, ?2, ?3, ?4)")?
        .execute(params![now, login, ip, kind.code()])?;
    let id = tx.last_insert_rowid();
    tx.prepare_cached("DELETE FROM auth_failures WHERE at <= ?1")?
        .execute([since])?;
    Ok(Ok(Reservation { id }))
}

/// The password was right: the reservation is withdrawn, the earlier failures of the account
/// from this address are forgotten, and the address becomes known for the account.
pub fn succeeded(
    tx: &Transaction<'_>,
    reservation: Reservation,
    kind: Kind,
    login: &str,
    user: UserId,
    ip: &str,
    now: i64,
) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM auth_failures WHERE id = ?1", [reservation.id])?;
    tx.execute(
        "DELETE FROM auth_failures WHERE login = ?1 AND kind = ?2 AND ip = ?3",
        params![login, kind.code(), ip],
    )?;
    if kind == Kind::Login {
        remember(tx, user, ip, now)?;
    }
    Ok(())
}

/// Notes that `user` got in from `ip` (a login, or the account just made there at set-up).
pub fn remember(tx: &Transaction<'_>, user: UserId, ip: &str, now: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO auth_known (user_id, ip, last_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(user_id, ip) DO UPDATE SET last_at = excluded.last_at",
    )?
    .execute(params![user.0, ip, now])?;
    tx.prepare_cached("DELETE FROM auth_known WHERE last_at <= ?1")?
        .execute([now - KNOWN_FOR_SECS])?;
    Ok(())
}

/// The password could not be checked (the directory could not be reached): the reservation
/// is withdrawn without forgetting anything else.
pub fn withdrawn(tx: &Transaction<'_>, reservation: Reservation) -> rusqlite::Result<()> {
    tx.execute("DELETE FROM auth_failures WHERE id = ?1", [reservation.id])?;
    Ok(())
}

/// The password was wrong: the reservation stays as the failure it counted.
pub fn failed(reservation: Reservation) {
    drop(reservation);
}

/// Forgets every failure of account `login` (a new password was set, or an administrator
/// unlocked it).
pub fn clear_account(tx: &Transaction<'_>, login: &str) -> rusqlite::Result<usize> {
    tx.execute("DELETE FROM auth_failures WHERE login = ?1", [login])
}

/// Forgets every failure from address `ip` (an administrator lifted its throttle).
pub fn clear_address(tx: &Transaction<'_>, ip: &str) -> rusqlite::Result<usize> {
    tx.execute("DELETE FROM auth_failures WHERE ip = ?1", [ip])
}

/// Seconds until account `login` may log in again from an address it never used, if it is
/// locked now.
pub fn account_lock(conn: &Connection, login: &str, now: i64) -> rusqlite::Result<Option<i64>> {
    let times = recent(
        conn,
        "SELECT at FROM auth_failures WHERE login = ?1 AND kind = 'login' AND at > ?2
         ORDER BY at DESC LIMIT ?3",
        params![login, now - WINDOW_SECS, MAX_FAILURES],
    )?;
    Ok(remaining(&times, MAX_FAILURES, now))
}

/// An address throttled now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThrottledAddress {
    pub ip: String,
    pub failures: i64,
    /// When it may try again (Unix seconds).
    pub until: i64,
}

/// The addresses throttled now, most failures first.
pub fn throttled_addresses(conn: &Connection, now: i64) -> rusqlite::Result<Vec<ThrottledAddress>> {
    let since = now - WINDOW_SECS;
    let mut stmt = conn.prepare_cached(
        "SELECT ip, count(*) FROM auth_failures WHERE kind = 'login' AND at > ?1
         GROUP BY ip HAVING count(*) >= ?2 ORDER BY count(*) DESC, ip LIMIT 100",
    )?;
    let found: Vec<(String, i64)> = stmt
        .query_map(params![since, ADDRESS_MAX_FAILURES], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(found.len());
    for (ip, failures) in found {
        let times = recent(
            conn,
            "SELECT at FROM auth_failures WHERE ip = ?1 AND kind = 'login' AND at > ?2
             ORDER BY at DESC LIMIT ?3",
            params![ip, since, ADDRESS_MAX_FAILURES],
        )?;
        let wait = remaining(&times, ADDRESS_MAX_FAILURES, now).unwrap_or(0);
        out.push(ThrottledAddress {
            ip,
            failures,
            until: now + wait,
        });
    }
    Ok(out)
}

/// How long an attempt waits for its turn before it is answered "busy": long enough for every
/// user behind one address to log in at nine o'clock, each in turn.
pub const TURN_WAIT: std::time::Duration = std::time::Duration::from_secs(90);

/// The password checks running now, per account and per address, kept in memory. Attempts
/// beyond the bounds wait for a check to end (in turn, not refused), at most [`TURN_WAIT`].
#[derive(Debug, Default)]
pub struct Gate {
    in_flight: Mutex<HashMap<String, u32>>,
    released: tokio::sync::Notify,
}

/// A place among the checks running now; released when dropped.
#[derive(Debug)]
pub struct Pass {
    gate: Arc<Gate>,
    keys: [String; 2],
}

impl Gate {
    /// A new gate, shared by the requests of one server.
    pub fn new() -> Arc<Gate> {
        Arc::new(Gate::default())
    }

    /// A place for a check of `login` from `ip` now, or `None` when [`PER_ACCOUNT_AT_ONCE`]
    /// checks of that account or [`PER_ADDRESS_AT_ONCE`] from that address are running.
    pub fn try_enter(self: &Arc<Self>, login: &str, ip: &str) -> Option<Pass> {
        let keys = [format!("l:{}", login.to_lowercase()), format!("a:{ip}")];
        let mut map = self
            .in_flight
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let account = map.get(&keys[0]).copied().unwrap_or(0);
        let address = map.get(&keys[1]).copied().unwrap_or(0);
        if account >= PER_ACCOUNT_AT_ONCE || address >= PER_ADDRESS_AT_ONCE {
            return None;
        }
        for k in &keys {
            *map.entry(k.clone()).or_insert(0) += 1;
        }
        Some(Pass {
            gate: self.clone(),
            keys,
        })
    }

    /// A place for a check of `login` from `ip`, waiting for one to free up for at most
    /// `wait`; `None` if none did.
    pub async fn enter(
        self: &Arc<Self>,
        login: &str,
        ip: &str,
        wait: std::time::Duration,
    ) -> Option<Pass> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            // Registered before trying, so that a place freed in between is not missed.
            let released = self.released.notified();
            let mut released = std::pin::pin!(released);
            released.as_mut().enable();
            if let Some(pass) = self.try_enter(login, ip) {
                return Some(pass);
            }
            if tokio::time::timeout_at(deadline, released).await.is_err() {
                return None;
            }
        }
    }
}

impl Drop for Pass {
    fn drop(&mut self) {
        {
            let mut map = self
                .gate
                .in_flight
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for k in &self.keys {
                if let Some(n) = map.get_mut(k) {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        map.remove(k);
                    }
                }
            }
        }
        self.gate.released.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_bounds_checks_per_account_and_per_address() {
        let gate = Gate::new();
        let a = gate.try_enter("Ada", "10.0.0.1").expect("first");
        let b = gate.try_enter("ada", "10.0.0.2").expect("second");
        assert!(
            gate.try_enter("ADA", "10.0.0.3").is_none(),
            "a third of one account"
        );
        let others: Vec<Pass> = (0..3)
            .map(|i| {
                gate.try_enter(&format!("u{i}"), "10.0.0.1")
                    .expect("address")
            })
            .collect();
        assert!(
            gate.try_enter("u9", "10.0.0.1").is_none(),
            "a fifth from one address"
        );
        drop(a);
        assert!(gate.try_enter("ada", "10.0.0.4").is_some(), "released");
        drop((b, others));
        assert!(gate.in_flight.lock().expect("lock").is_empty());
    }

    #[tokio::test]
    async fn an_attempt_beyond_the_bounds_waits_its_turn() {
        let gate = Gate::new();
        let first = gate.try_enter("ada", "10.0.0.1").expect("first");
        let second = gate.try_enter("ada", "10.0.0.1").expect("second");
        let waiting = {
            let gate = gate.clone();
            tokio::spawn(async move {
                gate.enter("ada", "10.0.0.1", std::time::Duration::from_secs(5))
                    .await
                    .is_some()
            })
        };
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        drop(first);
        assert!(waiting.await.expect("task"), "got the freed place");
        let _third = gate.try_enter("ada", "10.0.0.9");
        assert!(
            gate.enter("ada", "10.0.0.1", std::time::Duration::from_millis(50))
                .await
                .is_none(),
            "no place within the wait"
        );
        drop(second);
    }

    #[test]
    fn a_lock_lifts_when_the_oldest_counted_failure_leaves_the_window() {
        let now = 10_000;
        assert_eq!(remaining(&[now - 10; 4], MAX_FAILURES, now), None);
        let times = [now - 10, now - 20, now - 30, now - 40, now - 100];
        assert_eq!(
            remaining(&times, MAX_FAILURES, now),
            Some(WINDOW_SECS - 100)
        );
        assert_eq!(
            Refusal::Account {
                retry_after_secs: 61
            }
            .minutes(),
            2
        );
    }
}
