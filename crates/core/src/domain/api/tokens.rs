//! Making, listing and revoking API tokens, and knowing who calls with one.

use rusqlite::{Connection, OptionalExtension, params};

use crate::db::Db;
use crate::domain::actor::Actor;
use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::ids::{ApiTokenId, UserId};
use crate::domain::rights::names;
use crate::domain::settings::Settings;
use crate::domain::{rights, run, token, users};
use crate::i18n::msg;

use super::{MAX_DAYS, NAME_MAX, SECRET_PREFIX};

/// Random bytes in a secret (written as hex after [`SECRET_PREFIX`]).
const SECRET_BYTES: usize = 32;

/// Characters of the secret kept in clear to recognise a token in the list.
const SHOWN_PREFIX: usize = SECRET_PREFIX.len() + 8;

/// A token as the administration page lists it.
#[derive(Debug, Clone)]
pub struct TokenRow {
    pub id: ApiTokenId,
    pub name: String,
    pub user: UserId,
    pub user_name: String,
    pub prefix: String,
    pub read_only: bool,
    pub expires_at: Option<i64>,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// A token to make, as typed in the form.
#[derive(Debug, Clone, Default)]
pub struct NewToken {
    pub name: String,
    /// The login of the user the token acts as.
    pub login: String,
    /// Days of validity; empty for a token that does not expire.
    pub days: String,
    pub read_only: bool,
}

/// Who calls with a valid token.
#[derive(Debug, Clone)]
pub struct Caller {
    pub token: ApiTokenId,
    pub read_only: bool,
    /// The user the token acts as, with their profile's rights now.
    pub actor: Actor,
}

/// Why a token is refused. The API answers all of them alike ("unauthorized"), so that a
/// caller cannot tell a revoked token from one that never existed; the reason goes to the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Unknown,
    Revoked,
    Expired,
    UserDisabled,
}

fn admin_only(actor: &Actor) -> Result<(), DomainError> {
    if actor.has(names::ADMIN) {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// Makes a token; answers its id and its secret, which is never shown again.
pub async fn create(
    db: &Db,
    actor: &Actor,
    new: NewToken,
    now: i64,
) -> Result<(ApiTokenId, String), DomainError> {
    admin_only(actor)?;
    let by = actor.id();
    run::write(db, move |tx| {
        let mut errors = FieldErrors::new();
        let name = new.name.trim().to_owned();
        if name.is_empty() {
            errors.add("name", msg("api-token-name-required"));
        } else if name.chars().count() > NAME_MAX {
            errors.add("name", msg("api-token-name-long"));
        }
        let user = match users::repo::by_login(tx, new.login.trim())? {
            Some(u) if !u.disabled => Some(u),
            _ => {
                errors.add("login", msg("api-token-user-unknown"));
                None
            }
        };
        let days = new.days.trim();
        let expires_at = if days.is_empty() {
            None
        } else {
            match days.parse::<i64>() {
                Ok(d) if (1..=MAX_DAYS).contains(&d) => Some(now + d * 86_400),
                _ => {
                    errors.add("days", msg("api-token-days-invalid"));
                    None
                }
            }
        };
        errors.into_result()?;
        let Some(user) = user else {
            return Err(DomainError::NotFound);
        };
        let secret = format!("{SECRET_PREFIX}{}", token::random_hex(SECRET_BYTES));
        tx.prepare_cached(
            "INSERT INTO api_tokens (name, user_id, secret_hash, prefix, read_only, expires_at,
                                     created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            name,
            user.id,
            token::sha256_hex(&secret),
            &secret[..SHOWN_PREFIX],
            new.read_only,
            expires_at,
            now,
            by,
        ])?;
        Ok((ApiTokenId(tx.last_insert_rowid()), secret))
    })
    .await
}

/// Every token, those in use first, newest first.
pub async fn list(db: &Db, actor: &Actor) -> Result<Vec<TokenRow>, DomainError> {
    admin_only(actor)?;
    run::read(db, |c| {
        let mut stmt = c.prepare_cached(
            "SELECT t.id, t.name, t.user_id, t.prefix, t.read_only, t.expires_at, t.created_at,
                    t.last_used_at, t.revoked_at, u.display_name || ' (' || u.login || ')'
             FROM api_tokens t JOIN users u ON u.id = t.user_id
             ORDER BY t.revoked_at IS NOT NULL, t.created_at DESC, t.id DESC",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(TokenRow {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    user: r.get(2)?,
                    user_name: r.get(9)?,
                    prefix: r.get(3)?,
                    read_only: r.get(4)?,
                    expires_at: r.get(5)?,
                    created_at: r.get(6)?,
                    last_used_at: r.get(7)?,
                    revoked_at: r.get(8)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    })
    .await
}

/// Revokes token `id` from now on (again: nothing changes).
pub async fn revoke(db: &Db, actor: &Actor, id: ApiTokenId, now: i64) -> Result<(), DomainError> {
    admin_only(actor)?;
    run::write(db, move |tx| {
        let found = tx
            .prepare_cached("SELECT 1 FROM api_tokens WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?;
        if found.is_none() {
            return Err(DomainError::NotFound);
        }
        tx.prepare_cached(
            "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
        )?
        .execute(params![id, now])?;
        Ok(())
    })
    .await
}

/// Who calls with `secret` at `now`, or why the token is refused.
pub async fn authenticate(
    db: &Db,
    secret: String,
    now: i64,
) -> Result<Result<Caller, Refusal>, DomainError> {
    if !secret.starts_with(SECRET_PREFIX) || secret.len() != SECRET_PREFIX.len() + 2 * SECRET_BYTES
    {
        return Ok(Err(Refusal::Unknown));
    }
    let hash = token::sha256_hex(&secret);
    db.read_here(move |c| caller(c, db, &hash, now)).await
}

fn caller(
    c: &Connection,
    db: &Db,
    hash: &str,
    now: i64,
) -> Result<Result<Caller, Refusal>, DomainError> {
    let found = c
        .prepare_cached(
            "SELECT id, user_id, read_only, expires_at, revoked_at FROM api_tokens
             WHERE secret_hash = ?1",
        )?
        .query_row([hash], |r| {
            Ok((
                r.get::<_, ApiTokenId>(0)?,
                r.get::<_, UserId>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<i64>>(4)?,
            ))
        })
        .optional()?;
    let Some((id, user, read_only, expires_at, revoked_at)) = found else {
        return Ok(Err(Refusal::Unknown));
    };
    if revoked_at.is_some() {
        return Ok(Err(Refusal::Revoked));
    }
    if expires_at.is_some_and(|e| e <= now) {
        return Ok(Err(Refusal::Expired));
    }
    let user = match users::repo::get(c, user)? {
        Some(u) if !u.disabled => u,
        _ => return Ok(Err(Refusal::UserDisabled)),
    };
    let memo = db.memo();
    let settings = memo.get(c, "settings", Settings::load)?;
    let profile = user.profile;
    let rights = (*memo.get(c, &format!("rights {}", profile.id()), |c| {
        rights::for_profile(c, profile)
    })?)
    .clone();
    Ok(Ok(Caller {
        token: id,
        read_only,
        actor: Actor {
            user,
            rights,
            settings,
        },
    }))
}
