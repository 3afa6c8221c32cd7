//! The log of API calls: who called what, when, and the answer's status.

use rusqlite::params;

use crate::db::Db;
use crate::domain::actor::Actor;
use crate::domain::error::DomainError;
use crate::domain::ids::{ApiTokenId, UserId};
use crate::domain::rights::names;
use crate::domain::run;

/// One call, as the API answered it.
#[derive(Debug, Clone)]
pub struct Call {
    pub token: ApiTokenId,
    pub user: UserId,
    pub at: i64,
    pub method: String,
    /// The route's pattern (`/api/v1/tickets/{id}`), or the path when no route matched.
    pub route: String,
    pub status: u16,
    pub ms: i64,
    /// Days the log keeps calls (the setting, when the call was made).
    pub kept_days: i64,
}

/// A logged call, as the administration page lists it.
#[derive(Debug, Clone)]
pub struct CallRow {
    pub at: i64,
    pub token_name: String,
    pub user_name: String,
    pub method: String,
    pub route: String,
    pub status: u16,
    pub ms: i64,
}

/// Writes `call` to the log and the token's last use, and forgets calls older than the log
/// keeps.
pub async fn record_call(db: &Db, call: Call) -> Result<(), DomainError> {
    run::write(db, move |tx| {
        tx.prepare_cached(
            "INSERT INTO api_calls (token_id, user_id, at, method, route, status, ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            call.token,
            call.user,
            call.at,
            call.method,
            call.route,
            call.status,
            call.ms
        ])?;
        tx.prepare_cached(
            "UPDATE api_tokens SET last_used_at = max(coalesce(last_used_at, 0), ?2) WHERE id = ?1",
        )?
        .execute(params![call.token, call.at])?;
        tx.prepare_cached("DELETE FROM api_calls WHERE at < ?1")?
            .execute([call.at - call.kept_days * 86_400])?;
        Ok(())
    })
    .await
}

/// The `limit` latest calls, newest first.
pub async fn recent_calls(db: &Db, actor: &Actor, limit: i64) -> Result<Vec<CallRow>, DomainError> {
    if !actor.has(names::ADMIN) {
        return Err(DomainError::Forbidden);
    }
    run::read(db, move |c| {
        let mut stmt = c.prepare_cached(
            "SELECT a.at, coalesce(t.name, ''), coalesce(u.display_name, ''), a.method, a.route,
                    a.status, a.ms
             FROM api_calls a
             LEFT JOIN api_tokens t ON t.id = a.token_id
             LEFT JOIN users u ON u.id = a.user_id
             ORDER BY a.at DESC, a.id DESC LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit], |r| {
                Ok(CallRow {
                    at: r.get(0)?,
                    token_name: r.get(1)?,
                    user_name: r.get(2)?,
                    method: r.get(3)?,
                    route: r.get(4)?,
                    status: r.get(5)?,
                    ms: r.get(6)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    })
    .await
}
