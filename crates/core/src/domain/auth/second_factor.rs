//! Two-factor login with time-based codes (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, six
//! digits), as authenticator apps make them.
//!
//! - An account turns it on from its profile: a secret is proposed (shown as a QR code and as
//!   base32 text) and kept aside until a first code confirms it; ten single-use recovery codes
//!   are then given, shown once and stored as SHA-256.
//! - A login whose password was right, for an account with the second factor or whose profile
//!   must have it, waits for a code ([`LoginOutcome::SecondFactor`](super::LoginOutcome)) for
//!   [`PENDING_SECS`] and [`MAX_ATTEMPTS`] tries; an account that must have it but has not set
//!   it up does so there, before its session opens.
//! - A code is accepted one step early or late (clocks drift) and only once: the step of the
//!   last code taken is kept, and no code of that step or an earlier one is taken again.
//! - Wrong codes are counted by the login throttle like wrong passwords.
//! - Each check and what it changes happen in one write transaction: two logins with the same
//!   code cannot both pass.

use rand::RngExt;
use rusqlite::{OptionalExtension, Transaction, params};

use crate::db::Db;
use crate::domain::events::{self, EventKind};
use crate::domain::ids::UserId;
use crate::domain::profiles::Profile;
use crate::domain::sessions::{self, NewSession};
use crate::domain::settings::keys::Flag;
use crate::domain::settings::{self as s, Settings};
use crate::domain::users::{self, User};
use crate::domain::{DomainError, clock, token};

use super::throttle::{self, Kind, Refusal};

/// Seconds per code.
pub const STEP_SECS: i64 = 30;
/// Digits per code.
pub const DIGITS: u32 = 6;
/// Bytes of a secret (160 bits, as RFC 4226 recommends).
pub const SECRET_BYTES: usize = 20;
/// How long a login waits for its code.
pub const PENDING_SECS: i64 = 300;
/// Wrong codes a waiting login may give before the password is asked again.
pub const MAX_ATTEMPTS: i64 = 5;
/// Recovery codes given at once.
pub const RECOVERY_CODES: usize = 10;
/// The issuer written in authenticator apps.
pub const ISSUER: &str = "Gestdesk";

/// The code of `secret` at time step `step` (HOTP of the step, RFC 4226).
pub fn code_at(secret: &[u8], step: i64) -> u32 {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY, secret);
    let mac = ring::hmac::sign(&key, &step.to_be_bytes());
    let mac = mac.as_ref();
    let offset = usize::from(mac[mac.len() - 1] & 0x0f);
    let bin = (u32::from(mac[offset] & 0x7f) << 24)
        | (u32::from(mac[offset + 1]) << 16)
        | (u32::from(mac[offset + 2]) << 8)
        | u32::from(mac[offset + 3]);
    bin % 10u32.pow(DIGITS)
}

/// The time step of `unix_seconds`.
pub fn step_of(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECS)
}

/// The step whose code `typed` is, among the step of `now` and its two neighbours, when that
/// step is later than `last_step` (a code is taken once). Spaces in `typed` are ignored.
pub fn matching_step(secret: &[u8], typed: &str, now: i64, last_step: i64) -> Option<i64> {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() != DIGITS as usize || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let wanted: u32 = digits.parse().ok()?;
    let current = step_of(now);
    // Every candidate is computed, so that the time taken does not tell which matched.
    let mut found = None;
    for step in [current - 1, current, current + 1] {
        if code_at(secret, step) == wanted && step > last_step && found.is_none() {
            found = Some(step);
        }
    }
    found
}

/// A new random secret.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_BYTES];
    rand::rng().fill(secret.as_mut_slice());
    secret
}

/// `secret` in base32 without padding, in groups of four, for typing into an app.
pub fn manual_key(secret: &[u8]) -> String {
    let text = data_encoding::BASE32_NOPAD.encode(secret);
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (i, c) in text.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// What is escaped in a URI's part: all but the unreserved characters (RFC 3986).
const NOT_UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes what is not unreserved in a URI's part.
fn encode_part(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, NOT_UNRESERVED).to_string()
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECS}",
        encode_part(issuer),
        encode_part(account),
        data_encoding::BASE32_NOPAD.encode(secret),
        encode_part(issuer)
    )
}

/// New recovery codes: ten letters and digits each, shown as `xxxxx-xxxxx` (about 50 bits).
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let c: Vec<char> = (0..10)
                .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
                .collect();
            format!(
                "{}-{}",
                c[..5].iter().collect::<String>(),
                c[5..].iter().collect::<String>()
            )
        })
        .collect()
}

/// A recovery code's stored form: the SHA-256 of its letters and digits in lower case.
pub fn recovery_hash(typed: &str) -> String {
    let clean: String = typed
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    token::sha256_hex(&clean)
}

/// The setting that makes the second factor compulsory for `profile`.
pub fn required_key(profile: Profile) -> Flag {
    match profile {
        Profile::User => s::USER_MFA_USER,
        Profile::PowerUser => s::USER_MFA_POWER_USER,
        Profile::Supervisor => s::USER_MFA_SUPERVISOR,
        Profile::Technician => s::USER_MFA_TECHNICIAN,
        Profile::Administrator => s::USER_MFA_ADMINISTRATOR,
    }
}

/// Whether `profile` must log in with a second factor.
pub fn required(settings: &Settings, profile: Profile) -> bool {
    settings.flag(required_key(profile))
}

/// Whether accounts may turn the second factor on (GestSup's `user_mfa`), or must.
pub fn offered(settings: &Settings, profile: Profile) -> bool {
    settings.flag(s::USER_MFA) || required(settings, profile)
}

/// An account's second-factor state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// It is on.
    pub enabled: bool,
    /// The secret proposed until a first code confirms it (when off).
    pub pending: Option<Vec<u8>>,
    /// Recovery codes not used yet.
    pub codes_left: i64,
    /// The account's profile must have it.
    pub required: bool,
    /// Accounts may turn it on.
    pub offered: bool,
}

fn secret_of(tx: &rusqlite::Connection, user: UserId) -> rusqlite::Result<Option<(Vec<u8>, i64)>> {
    tx.prepare_cached("SELECT totp_secret, totp_last_step FROM users WHERE id = ?1")?
        .query_row([user.0], |r| {
            Ok(r.get::<_, Option<Vec<u8>>>(0)?
                .map(|s| (s, r.get(1).unwrap_or(0))))
        })
        .optional()
        .map(Option::flatten)
}

fn codes_left(conn: &rusqlite::Connection, user: UserId) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "SELECT count(*) FROM recovery_codes WHERE user_id = ?1 AND used_at IS NULL",
    )?
    .query_row([user.0], |r| r.get(0))
}

/// Replaces `user`'s recovery codes by new ones, which are returned (to be shown once).
fn replace_codes(tx: &Transaction<'_>, user: UserId) -> rusqlite::Result<Vec<String>> {
    tx.execute("DELETE FROM recovery_codes WHERE user_id = ?1", [user.0])?;
    let codes = new_recovery_codes();
    let mut insert = tx.prepare_cached(
        "INSERT OR IGNORE INTO recovery_codes (user_id, code_hash) VALUES (?1, ?2)",
    )?;
    for c in &codes {
        insert.execute(params![user.0, recovery_hash(c)])?;
    }
    Ok(codes)
}

/// Takes `typed` as `user`'s code: a TOTP code of a step not used yet (which is then kept as
/// used), or, when `recovery` allows, an unused recovery code (then used up).
fn take_code(
    tx: &Transaction<'_>,
    user: UserId,
    typed: &str,
    now: i64,
    recovery: bool,
) -> rusqlite::Result<bool> {
    let Some((secret, last)) = secret_of(tx, user)? else {
        return Ok(false);
    };
    if let Some(step) = matching_step(&secret, typed, now, last) {
        tx.prepare_cached("UPDATE users SET totp_last_step = ?2 WHERE id = ?1")?
            .execute(params![user.0, step])?;
        return Ok(true);
    }
    if recovery {
        let used = tx
            .prepare_cached(
                "UPDATE recovery_codes SET used_at = ?3
                 WHERE user_id = ?1 AND code_hash = ?2 AND used_at IS NULL",
            )?
            .execute(params![user.0, recovery_hash(typed), now])?;
        return Ok(used == 1);
    }
    Ok(false)
}

/// `user`'s state, proposing a secret when it is off and none is proposed yet.
pub async fn status(db: &Db, user: UserId) -> Result<Status, DomainError> {
    db.write(move |tx| {
        let settings = Settings::load(tx)?;
        let profile = users::repo::get(tx, user)?
            .ok_or(DomainError::NotFound)?
            .profile;
        let enabled = secret_of(tx, user)?.is_some();
        let mut pending: Option<Vec<u8>> = tx
            .prepare_cached("SELECT totp_pending FROM users WHERE id = ?1")?
            .query_row([user.0], |r| r.get(0))?;
        if !enabled && pending.is_none() && offered(&settings, profile) {
            let secret = new_secret();
            tx.prepare_cached("UPDATE users SET totp_pending = ?2 WHERE id = ?1")?
                .execute(params![user.0, secret])?;
            pending = Some(secret);
        }
        Ok(Status {
            enabled,
            pending: pending.filter(|_| !enabled && offered(&settings, profile)),
            codes_left: codes_left(tx, user)?,
            required: required(&settings, profile),
            offered: offered(&settings, profile),
        })
    })
    .await
}

/// Why a change to the second factor was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The code is not the current one (or was used already).
    WrongCode,
    /// Too many wrong codes lately.
    Throttled(Refusal),
    /// The profile must keep it on.
    Required,
    /// Nothing to confirm or change in this state.
    NotNow,
}

/// Runs `check` counted by the throttle as a code check of `user`, from `ip`: a refusal
/// before it runs when too many failed, and a failure kept when it answers `false`.
fn throttled<T>(
    tx: &Transaction<'_>,
    user: &User,
    ip: &str,
    now: i64,
    check: impl FnOnce(&Transaction<'_>) -> Result<Option<T>, DomainError>,
) -> Result<Result<T, Refused>, DomainError> {
    let reservation = match throttle::reserve(tx, Kind::Code, &user.login, Some(user.id), ip, now)?
    {
        Ok(r) => r,
        Err(refusal) => return Ok(Err(Refused::Throttled(refusal))),
    };
    match check(tx)? {
        Some(done) => {
            throttle::succeeded(tx, reservation, Kind::Code, &user.login, user.id, ip, now)?;
            Ok(Ok(done))
        }
        None => {
            throttle::failed(reservation);
            Ok(Err(Refused::WrongCode))
        }
    }
}

/// `user` confirms the proposed secret with a first code: the second factor is on, and its
/// recovery codes are returned.
pub async fn confirm(
    db: &Db,
    user: User,
    typed: String,
    ip: String,
) -> Result<Result<Vec<String>, Refused>, DomainError> {
    db.write(move |tx| {
        let now = clock::now();
        // The page offers it only while it is offered: so does the action.
        if !offered(&Settings::load(tx)?, user.profile) || secret_of(tx, user.id)?.is_some() {
            return Ok(Err(Refused::NotNow));
        }
        let pending: Option<Vec<u8>> = tx
            .prepare_cached("SELECT totp_pending FROM users WHERE id = ?1")?
            .query_row([user.id.0], |r| r.get(0))?;
        let Some(secret) = pending else {
            return Ok(Err(Refused::NotNow));
        };
        throttled(tx, &user, &ip, now, |tx| {
            let Some(step) = matching_step(&secret, &typed, now, 0) else {
                return Ok(None);
            };
            tx.prepare_cached(
                "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL,
                     totp_last_step = ?2 WHERE id = ?1",
            )?
            .execute(params![user.id.0, step])?;
            let codes = replace_codes(tx, user.id)?;
            logged(tx, &user, "turned two-factor login on", &ip)?;
            Ok(Some(codes))
        })
    })
    .await
}

/// `user` turns the second factor off, proving it with a current code or a recovery code.
pub async fn turn_off(
    db: &Db,
    user: User,
    typed: String,
    ip: String,
) -> Result<Result<(), Refused>, DomainError> {
    db.write(move |tx| {
        let now = clock::now();
        let settings = Settings::load(tx)?;
        if required(&settings, user.profile) {
            return Ok(Err(Refused::Required));
        }
        if secret_of(tx, user.id)?.is_none() {
            return Ok(Err(Refused::NotNow));
        }
        throttled(tx, &user, &ip, now, |tx| {
            if !take_code(tx, user.id, &typed, now, true)? {
                return Ok(None);
            }
            clear(tx, user.id)?;
            logged(tx, &user, "turned two-factor login off", &ip)?;
            Ok(Some(()))
        })
    })
    .await
}

/// `user` replaces their recovery codes, proving it with a current code.
pub async fn new_codes(
    db: &Db,
    user: User,
    typed: String,
    ip: String,
) -> Result<Result<Vec<String>, Refused>, DomainError> {
    db.write(move |tx| {
        let now = clock::now();
        if secret_of(tx, user.id)?.is_none() {
            return Ok(Err(Refused::NotNow));
        }
        throttled(tx, &user, &ip, now, |tx| {
            if !take_code(tx, user.id, &typed, now, false)? {
                return Ok(None);
            }
            let codes = replace_codes(tx, user.id)?;
            logged(tx, &user, "made new recovery codes", &ip)?;
            Ok(Some(codes))
        })
    })
    .await
}

/// Logs that `user` (from `ip`) changed their second factor: `what` they did.
fn logged(tx: &Transaction<'_>, user: &User, what: &str, ip: &str) -> rusqlite::Result<()> {
    events::record(
        tx,
        EventKind::SecondFactorChanged,
        &format!("{} {what}", user.login),
        Some(user.id),
        ip,
    )
}

/// Removes `user`'s second factor, codes and waiting logins.
fn clear(tx: &Transaction<'_>, user: UserId) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = 0
         WHERE id = ?1",
    )?
    .execute([user.0])?;
    tx.execute("DELETE FROM recovery_codes WHERE user_id = ?1", [user.0])?;
    tx.execute("DELETE FROM login_pending WHERE user_id = ?1", [user.0])?;
    Ok(())
}

/// An administrator (`by`, from `ip`) removes `user`'s second factor (a lost phone): the account
/// logs in with its password alone again, or sets a new one up when its profile must have it.
pub async fn reset(db: &Db, user: UserId, by: User, ip: String) -> Result<(), DomainError> {
    db.write(move |tx| {
        let account = users::repo::get(tx, user)?.ok_or(DomainError::NotFound)?;
        clear(tx, user)?;
        events::record(
            tx,
            EventKind::SecondFactorChanged,
            &format!(
                "two-factor login of {} reset by {}",
                account.login, by.login
            ),
            Some(by.id),
            &ip,
        )?;
        Ok(())
    })
    .await
}

/// Whether `user` has the second factor on.
pub async fn is_enabled(db: &Db, user: UserId) -> Result<bool, DomainError> {
    db.read(move |c| Ok(secret_of(c, user)?.is_some())).await
}

/// Whether a login of `user` (password right) must give a code, and whether it must set the
/// second factor up first; used inside the login's transaction.
pub(super) fn needed(
    tx: &Transaction<'_>,
    settings: &Settings,
    user: &User,
) -> rusqlite::Result<Option<bool>> {
    if secret_of(tx, user.id)?.is_some() {
        return Ok(Some(false));
    }
    Ok(required(settings, user.profile).then_some(true))
}

/// Puts a login of `user` aside until its code comes; returns the token its browser keeps.
pub(super) fn wait_for_code(
    tx: &Transaction<'_>,
    user: UserId,
    enroll: bool,
    ip: &str,
    user_agent: &str,
    now: i64,
) -> rusqlite::Result<String> {
    let token = token::random_hex(32);
    let agent: String = user_agent.chars().take(300).collect();
    tx.prepare_cached("DELETE FROM login_pending WHERE expires_at <= ?1")?
        .execute([now])?;
    tx.prepare_cached(
        "INSERT INTO login_pending (token_hash, user_id, created_at, expires_at, ip, user_agent,
             enroll_secret)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        token::sha256_hex(&token),
        user.0,
        now,
        now + PENDING_SECS,
        ip,
        agent,
        enroll.then(new_secret)
    ])?;
    Ok(token)
}

/// A login waiting for its code.
#[derive(Debug, Clone)]
pub struct Pending {
    pub login: String,
    /// The secret to set up first, when the account must have the second factor and has not.
    pub enroll: Option<Vec<u8>>,
}

/// The login waiting under `token`, unless it expired.
pub async fn pending(db: &Db, token: String) -> Result<Option<Pending>, DomainError> {
    db.read(move |c| {
        Ok(c.prepare_cached(
            "SELECT u.login, p.enroll_secret FROM login_pending p JOIN users u ON u.id = p.user_id
             WHERE p.token_hash = ?1 AND p.expires_at > ?2",
        )?
        .query_row(params![token::sha256_hex(&token), clock::now()], |r| {
            Ok(Pending {
                login: r.get(0)?,
                enroll: r.get(1)?,
            })
        })
        .optional()?)
    })
    .await
}

/// How giving a code ended.
#[derive(Debug)]
pub enum CodeOutcome {
    /// Right: the session is open; `codes` holds the recovery codes when the second factor was
    /// just set up.
    Success {
        user: Box<User>,
        session: NewSession,
        codes: Vec<String>,
    },
    /// Wrong; the login still waits, for this many more tries.
    Wrong { tries_left: i64 },
    /// The login waited too long or was given too many wrong codes: start again.
    Expired,
    /// Too many wrong codes for this account lately.
    Throttled(Refusal),
}

/// The code `typed` for the login waiting under `token`, from `origin`.
pub async fn complete(
    db: &Db,
    token: String,
    typed: String,
    origin: super::Origin,
) -> Result<CodeOutcome, DomainError> {
    db.write(move |tx| {
        let now = clock::now();
        let hash = token::sha256_hex(&token);
        let found: Option<(i64, Option<Vec<u8>>, i64)> = tx
            .prepare_cached(
                "SELECT user_id, enroll_secret, attempts FROM login_pending
                 WHERE token_hash = ?1 AND expires_at > ?2",
            )?
            .query_row(params![hash, now], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let Some((user_id, enroll, attempts)) = found else {
            return Ok(CodeOutcome::Expired);
        };
        let user = users::repo::get(tx, UserId(user_id))?.ok_or(DomainError::NotFound)?;
        if user.disabled {
            tx.execute("DELETE FROM login_pending WHERE token_hash = ?1", [&hash])?;
            return Ok(CodeOutcome::Expired);
        }
        let checked = throttled(tx, &user, &origin.ip, now, |tx| {
            let ok = match &enroll {
                Some(secret) => match matching_step(secret, &typed, now, 0) {
                    Some(step) => {
                        tx.prepare_cached(
                            "UPDATE users SET totp_secret = ?2, totp_pending = NULL,
                                 totp_last_step = ?3 WHERE id = ?1",
                        )?
                        .execute(params![user.id.0, secret, step])?;
                        true
                    }
                    None => false,
                },
                None => take_code(tx, user.id, &typed, now, true)?,
            };
            Ok(ok.then_some(()))
        })?;
        match checked {
            Ok(()) => {
                tx.execute("DELETE FROM login_pending WHERE token_hash = ?1", [&hash])?;
                let codes = if enroll.is_some() {
                    replace_codes(tx, user.id)?
                } else {
                    Vec::new()
                };
                let settings = Settings::load(tx)?;
                sessions::end_idle(tx, now, settings.session_timeout_secs())?;
                users::repo::set_last_login(tx, user.id, now)?;
                let session = sessions::create(tx, user.id, &origin.ip, &origin.user_agent, now)?;
                events::record(
                    tx,
                    EventKind::LoginSuccess,
                    &format!("{} logged in with a second factor", user.login),
                    Some(user.id),
                    &origin.ip,
                )?;
                Ok(CodeOutcome::Success {
                    user: Box::new(user),
                    session,
                    codes,
                })
            }
            Err(Refused::Throttled(refusal)) => Ok(CodeOutcome::Throttled(refusal)),
            Err(_) => {
                events::record(
                    tx,
                    EventKind::LoginFailure,
                    &format!("wrong second-factor code for {}", user.login),
                    None,
                    &origin.ip,
                )?;
                let attempts = attempts + 1;
                if attempts >= MAX_ATTEMPTS {
                    tx.execute("DELETE FROM login_pending WHERE token_hash = ?1", [&hash])?;
                    return Ok(CodeOutcome::Expired);
                }
                tx.prepare_cached("UPDATE login_pending SET attempts = ?2 WHERE token_hash = ?1")?
                    .execute(params![hash, attempts])?;
                Ok(CodeOutcome::Wrong {
                    tries_left: MAX_ATTEMPTS - attempts,
                })
            }
        }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238's SHA-1 test secret and its published codes (the last six digits of the
    /// eight-digit values).
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let secret = b"12345678901234567890";
        for (time, code) in [
            (59, 287_082),
            (1_111_111_109, 81_804),
            (1_111_111_111, 50_471),
            (1_234_567_890, 5_924),
            (2_000_000_000, 279_037),
            (20_000_000_000, 353_130),
        ] {
            assert_eq!(code_at(secret, step_of(time)), code, "at {time}");
        }
    }

    #[test]
    fn a_code_is_taken_one_step_early_or_late_and_only_once() {
        let secret = b"12345678901234567890";
        let now = 1_111_111_111;
        let at = |t: i64| format!("{:06}", code_at(secret, step_of(t)));
        assert_eq!(matching_step(secret, &at(now), now, 0), Some(step_of(now)));
        assert!(matching_step(secret, &at(now - 30), now, 0).is_some());
        assert!(matching_step(secret, &at(now + 30), now, 0).is_some());
        assert_eq!(matching_step(secret, &at(now - 90), now, 0), None);
        // Used already: refused.
        assert_eq!(matching_step(secret, &at(now), now, step_of(now)), None);
        // Spaces are fine; letters and other lengths are not.
        let spaced = format!("{} {}", &at(now)[..3], &at(now)[3..]);
        assert!(matching_step(secret, &spaced, now, 0).is_some());
        assert_eq!(matching_step(secret, "12345", now, 0), None);
        assert_eq!(matching_step(secret, "abcdef", now, 0), None);
    }

    #[test]
    fn the_address_and_the_key_read_in_an_authenticator_app() {
        let secret = b"12345678901234567890";
        assert_eq!(
            manual_key(secret),
            "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"
        );
        assert_eq!(
            otpauth_uri("Gestdesk", "ana b@x", secret),
            "otpauth://totp/Gestdesk:ana%20b%40x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Gestdesk&algorithm=SHA1&digits=6&period=30"
        );
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(
            recovery_hash(&codes[0]),
            recovery_hash(&codes[0].to_uppercase().replace('-', " "))
        );
    }
}
