//! Creating, changing, disabling and registering accounts.

use crate::db::Db;
use crate::domain::events::{self, EventKind};
use crate::domain::ids::UserId;
use crate::domain::profiles::Profile;
use crate::domain::{DomainError, FieldErrors, clock, sessions};
use crate::i18n::msg;

use super::password;
use super::record::{self, DbLookups, FieldPolicy, Lookups, UserInput, UserRecord};

/// The record of account `id`.
pub async fn record(db: &Db, id: UserId) -> Result<UserRecord, DomainError> {
    let id = id.0;
    db.read(move |c| record::get(c, id).map_err(DomainError::from))
        .await?
        .ok_or(DomainError::NotFound)
}

/// Validates `input` against `base` inside a read, then hashes a new password if one was typed.
async fn prepare(
    db: &Db,
    base: UserRecord,
    input: UserInput,
    policy: FieldPolicy,
    creating: bool,
) -> Result<(UserRecord, Option<String>), DomainError> {
    let validated = db
        .read(move |c| {
            Ok::<_, DomainError>(
                record::validate(&base, &input, policy, creating, &DbLookups(c))
                    .map_err(DomainError::Invalid),
            )
        })
        .await??;
    let hash = match validated.new_password {
        Some(p) => Some(password::hash(p).await?),
        None => None,
    };
    Ok((validated.record, hash))
}

fn login_taken() -> DomainError {
    let mut errors = FieldErrors::new();
    errors.add("login", msg("error-login-taken"));
    DomainError::Invalid(errors)
}

/// Creates an account from a form; `profile` is used when the policy does not let the form
/// choose one. Returns the new id.
pub async fn create(
    db: &Db,
    input: UserInput,
    policy: FieldPolicy,
    profile: Profile,
    by: Option<UserId>,
    ip: String,
) -> Result<i64, DomainError> {
    create_within(db, input, policy, profile, by, ip, |_, _| Ok(())).await
}

/// How many accounts one address may register per hour.
pub const REGISTRATIONS_PER_HOUR: i64 = 5;

/// [`create`], with `allowed` asked inside the write (with the address) before anything is
/// written: a limit checked there cannot be passed by forms sent at once.
async fn create_within(
    db: &Db,
    input: UserInput,
    policy: FieldPolicy,
    profile: Profile,
    by: Option<UserId>,
    ip: String,
    allowed: impl FnOnce(&rusqlite::Transaction<'_>, &str) -> Result<(), DomainError> + Send + 'static,
) -> Result<i64, DomainError> {
    let base = UserRecord {
        profile_id: profile.id(),
        ..UserRecord::default()
    };
    let (record, hash) = prepare(db, base, input, policy, true).await?;
    db.write(move |tx| {
        allowed(tx, &ip)?;
        // Checked again inside the write: two forms sent at once cannot both take a login.
        if DbLookups(tx).login_taken(&record.login, None) {
            return Err(login_taken());
        }
        let id = record::store(tx, &record, hash.as_deref())?;
        events::record(
            tx,
            if by.is_some() {
                EventKind::UserCreated
            } else {
                EventKind::UserRegistered
            },
            &format!("account {} created", record.login),
            by.or(Some(UserId(id))),
            &ip,
        )?;
        Ok(id)
    })
    .await
}

/// Changes account `id` from a form, within `policy`. The form is checked against the account
/// as it is inside the write, and only the columns `policy` lets this form change are written:
/// a change made meanwhile by someone else to other fields (an administrator's demotion while
/// the user saves their phone number) stays.
pub async fn update(
    db: &Db,
    id: UserId,
    input: UserInput,
    policy: FieldPolicy,
    by: UserId,
    ip: String,
) -> Result<(), DomainError> {
    update_if(db, id, input, policy, by, ip, |_| true).await
}

/// [`update`] when `may` says the editor may change the account as it is inside the write
/// (an account promoted meanwhile is refused, not changed); `Forbidden` otherwise.
pub async fn update_if(
    db: &Db,
    id: UserId,
    input: UserInput,
    policy: FieldPolicy,
    by: UserId,
    ip: String,
    may: impl Fn(&UserRecord) -> bool + Send + 'static,
) -> Result<(), DomainError> {
    // A first check outside the writers' turn, so that the slow password hash is only made for
    // a form that is valid.
    let base = record(db, id).await?;
    let id = id.0;
    if !may(&base) {
        return Err(DomainError::Forbidden);
    }
    let (_, hash) = prepare(db, base, input.clone(), policy, false).await?;
    db.write(move |tx| {
        let base = record::get(tx, id)?.ok_or(DomainError::NotFound)?;
        if !may(&base) {
            return Err(DomainError::Forbidden);
        }
        let validated = record::validate(&base, &input, policy, false, &DbLookups(tx))
            .map_err(DomainError::Invalid)?;
        let record = validated.record;
        if policy.login && DbLookups(tx).login_taken(&record.login, Some(id)) {
            return Err(login_taken());
        }
        record::store_changes(tx, &record, policy, hash.as_deref())?;
        if policy.profile {
            crate::domain::rights::keep_an_administrator(tx)?;
        }
        if hash.is_some() && by.0 != id {
            // A password set by someone else ends the sessions opened with the old one.
            sessions::end_all_for_user(tx, UserId(id))?;
        }
        events::record(
            tx,
            EventKind::UserUpdated,
            &format!("account {} changed", record.login),
            Some(by),
            &ip,
        )?;
        Ok(())
    })
    .await
}

/// Disables or re-enables account `id`. Nobody can disable their own account; a disabled
/// account's sessions end at once.
pub async fn set_disabled(
    db: &Db,
    id: UserId,
    disabled: bool,
    by: UserId,
    ip: String,
) -> Result<(), DomainError> {
    let id = id.0;
    if disabled && by.0 == id {
        return Err(DomainError::Conflict(msg("error-cannot-disable-self")));
    }
    db.write(move |tx| {
        let login: String = tx
            .query_row("SELECT login FROM users WHERE id = ?1", [id], |r| r.get(0))
            .map_err(|_| DomainError::NotFound)?;
        tx.execute(
            "UPDATE users SET disabled = ?2, updated_at = ?3 WHERE id = ?1",
            rusqlite::params![id, disabled, clock::now()],
        )?;
        if disabled {
            crate::domain::rights::keep_an_administrator(tx)?;
            sessions::end_all_for_user(tx, UserId(id))?;
        }
        events::record(
            tx,
            if disabled {
                EventKind::UserDisabled
            } else {
                EventKind::UserEnabled
            },
            &format!(
                "account {login} {}",
                if disabled { "disabled" } else { "enabled" }
            ),
            Some(by),
            &ip,
        )?;
        Ok(())
    })
    .await
}

/// Creates a User-profile account from the self-registration form: at most
/// [`REGISTRATIONS_PER_HOUR`] from one address, counted inside the write.
pub async fn register(
    db: &Db,
    gate: &std::sync::Arc<crate::domain::auth::Gate>,
    input: UserInput,
    ip: String,
) -> Result<i64, DomainError> {
    let too_many = || DomainError::Conflict(msg("error-too-many-registrations"));
    // Each registration hashes a password: a few at once from one address at most.
    let Some(_pass) = gate
        .enter(
            "\u{0}registration",
            &ip,
            crate::domain::auth::throttle::TURN_WAIT,
        )
        .await
    else {
        return Err(too_many());
    };
    let policy = FieldPolicy {
        login: true,
        password: true,
        contact: true,
        mail_required: true,
        ..FieldPolicy::default()
    };
    let since = clock::now() - 3600;
    create_within(db, input, policy, Profile::User, None, ip, move |tx, ip| {
        let recent: i64 = tx.query_row(
            "SELECT count(*) FROM event_log WHERE kind = 'user_registered' AND ip = ?1 AND at > ?2",
            rusqlite::params![ip, since],
            |r| r.get(0),
        )?;
        if recent >= REGISTRATIONS_PER_HOUR {
            return Err(too_many());
        }
        Ok(())
    })
    .await
}
