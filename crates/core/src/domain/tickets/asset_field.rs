//! The asset a ticket is about: which assets the field offers and the rule a save must follow.
//! With `ticket_asset_user_only` only the requester's own assets may be chosen (checked on the
//! server, whatever the form sent); otherwise any asset, listed in full while there are few
//! and else the requester's with the current one.

use rusqlite::{Connection, OptionalExtension};

use crate::domain::rights::names as right;
use crate::domain::users::choices::{FULL_LIST_MAX, Who};
use crate::domain::{Actor, FieldErrors};
use crate::i18n::msg;

use super::fields::Field;
use super::values::Values;

fn requester_user(v: &Values) -> Option<i64> {
    match v.requester {
        Some(Who::User(id)) => Some(id),
        _ => None,
    }
}

/// Whether the field searches assets rather than listing them all: when `actor` may choose any
/// asset and there are too many to list.
pub fn searched(conn: &Connection, actor: &Actor) -> rusqlite::Result<bool> {
    if actor.has(right::TICKET_ASSET_USER_ONLY) {
        return Ok(false);
    }
    let total: i64 = conn.query_row("SELECT count(*) FROM assets WHERE deleted = 0", [], |r| {
        r.get(0)
    })?;
    Ok(total > FULL_LIST_MAX)
}

/// The assets the field offers to `actor` for a ticket holding `v`: `(id, name)`.
pub fn choices(
    conn: &Connection,
    actor: &Actor,
    v: &Values,
) -> rusqlite::Result<Vec<(String, String)>> {
    let user_only = actor.has(right::TICKET_ASSET_USER_ONLY);
    let total: i64 = conn.query_row("SELECT count(*) FROM assets WHERE deleted = 0", [], |r| {
        r.get(0)
    })?;
    let all = !user_only && total <= FULL_LIST_MAX;
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM assets
         WHERE deleted = 0 AND (?1 OR user_id = ?2 OR id = ?3)
         ORDER BY name COLLATE NOCASE, id LIMIT 500",
    )?;
    let rows = stmt.query_map(rusqlite::params![all, requester_user(v), v.asset_id], |r| {
        Ok((r.get::<_, i64>(0)?.to_string(), r.get::<_, String>(1)?))
    })?;
    rows.collect()
}

/// Checks the asset of `v` when it or the requester changed from `base`: it exists, and with
/// `ticket_asset_user_only` it is the requester's.
pub fn check(
    conn: &Connection,
    actor: &Actor,
    v: &Values,
    base: &Values,
    errors: &mut FieldErrors,
) -> rusqlite::Result<()> {
    let name = Field::Asset.name();
    if errors.get(name).is_some() || (v.asset_id == base.asset_id && v.requester == base.requester)
    {
        return Ok(());
    }
    let Some(asset) = v.asset_id else {
        return Ok(());
    };
    let owner: Option<Option<i64>> = conn
        .query_row(
            "SELECT user_id FROM assets WHERE id = ?1 AND deleted = 0",
            [asset],
            |r| r.get(0),
        )
        .optional()?;
    match owner {
        None => errors.add(name, msg("error-unknown-choice")),
        Some(owner) => {
            if actor.has(right::TICKET_ASSET_USER_ONLY) && owner != requester_user(v) {
                errors.add(name, msg("ticket-error-asset-not-requesters"));
            }
        }
    }
    Ok(())
}

/// The first address of asset `asset` (not deleted), if it has one.
pub fn first_address(conn: &Connection, asset: i64) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT i.ip FROM asset_ifaces i JOIN assets a ON a.id = i.asset_id
         WHERE i.asset_id = ?1 AND a.deleted = 0 AND i.ip <> '' ORDER BY i.position LIMIT 1",
        [asset],
        |r| r.get(0),
    )
    .optional()
}
