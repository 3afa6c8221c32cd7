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
use super::options::TicketOptions;
use super::values::Values;

fn requester_user(v: &Values) -> Option<i64> {
    match v.requester {
        Some(Who::User(id)) => Some(id),
        _ => None,
    }
}

/// Fills the asset field's choices of `o` for `actor` and a ticket holding `v`: nothing while
/// the asset function is off; with `ticket_asset_user_only` the requester's assets; otherwise
/// every asset while there are few, else the requester's and the current one, the field
/// searching the others ([`TicketOptions::asset_search`]).
pub fn fill(
    conn: &Connection,
    actor: &Actor,
    v: &Values,
    o: &mut TicketOptions,
) -> rusqlite::Result<()> {
    if !actor
        .settings
        .flag(crate::domain::settings::FUNCTION_ASSETS)
    {
        return Ok(());
    }
    let user_only = actor.has(right::TICKET_ASSET_USER_ONLY);
    let many = !user_only && {
        let total: i64 =
            conn.query_row("SELECT count(*) FROM assets WHERE deleted = 0", [], |r| {
                r.get(0)
            })?;
        total > FULL_LIST_MAX
    };
    let all = !user_only && !many;
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM assets
         WHERE deleted = 0 AND (?1 OR user_id = ?2 OR id = ?3)
         ORDER BY name COLLATE NOCASE, id LIMIT 500",
    )?;
    let rows = stmt.query_map(rusqlite::params![all, requester_user(v), v.asset_id], |r| {
        Ok((r.get::<_, i64>(0)?.to_string(), r.get::<_, String>(1)?))
    })?;
    o.assets = rows.collect::<rusqlite::Result<_>>()?;
    o.asset_search = many;
    Ok(())
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
