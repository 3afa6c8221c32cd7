//! Checks of a ticket's values against the database: chosen entries exist (and are not retired,
//! unless the ticket already pointed to them), people are active, the subcategory belongs to the
//! category, technicians are technicians.

use rusqlite::Connection;

use crate::domain::FieldErrors;
use crate::domain::users::choices::Who;
use crate::i18n::msg;

use super::fields::{Access, Field};
use super::values::Values;

fn exists(conn: &Connection, sql: &str, id: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached(sql)?.query_row([id], |r| r.get(0))
}

/// `(table, has a disabled flag)` of the list a field points to.
fn list_of(field: Field) -> Option<(&'static str, bool)> {
    match field {
        Field::Type => Some(("ticket_types", true)),
        Field::AnswerType => Some(("answer_types", true)),
        Field::Category => Some(("categories", true)),
        Field::Subcategory => Some(("subcategories", true)),
        Field::Place => Some(("places", true)),
        Field::Service => Some(("services", true)),
        Field::Agency => Some(("agencies", true)),
        Field::Priority => Some(("priorities", true)),
        Field::Criticality => Some(("criticalities", true)),
        Field::State => Some(("ticket_states", false)),
        _ => None,
    }
}

fn id_of(v: &Values, field: Field) -> Option<i64> {
    match field {
        Field::Type => v.type_id,
        Field::AnswerType => v.answer_type_id,
        Field::Category => v.category_id,
        Field::Subcategory => v.subcategory_id,
        Field::Place => v.place_id,
        Field::Service => v.service_id,
        Field::Agency => v.agency_id,
        Field::Priority => v.priority_id,
        Field::Criticality => v.criticality_id,
        Field::State => Some(v.state_id),
        _ => None,
    }
}

/// [`check`], then the service limits of `actor` ([`super::service_limits`]).
pub fn check_for(
    conn: &Connection,
    actor: &crate::domain::Actor,
    v: &Values,
    base: &Values,
    access: &Access,
) -> rusqlite::Result<FieldErrors> {
    let mut errors = check(conn, v, base, access)?;
    if access.editable(Field::Asset) {
        super::asset_field::check(conn, actor, v, base, &mut errors)?;
    }
    for (field, m) in super::service_limits::check(conn, actor, v, base)?.0 {
        if errors.get(field).is_none() {
            errors.add(field, m);
        }
    }
    Ok(errors)
}

/// Checks the editable fields of `v` that differ from `base`.
pub fn check(
    conn: &Connection,
    v: &Values,
    base: &Values,
    access: &Access,
) -> rusqlite::Result<FieldErrors> {
    let mut errors = FieldErrors::new();
    let changed = |f: Field| access.editable(f) && v.text(f) != base.text(f);

    for field in Field::ALL {
        let (Some((table, has_disabled)), true) = (list_of(field), changed(field)) else {
            continue;
        };
        if let Some(id) = id_of(v, field) {
            let active = if has_disabled {
                " AND disabled = 0"
            } else {
                ""
            };
            let sql = format!("SELECT EXISTS(SELECT 1 FROM {table} WHERE id = ?1{active})");
            if !exists(conn, &sql, id)? {
                errors.add(field.name(), msg("error-unknown-choice"));
            }
        }
    }
    if (changed(Field::Subcategory) || changed(Field::Category))
        && let (Some(sub), Some(cat)) = (v.subcategory_id, v.category_id)
    {
        let belongs: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM subcategories WHERE id = ?1 AND category_id = ?2)",
            [sub, cat],
            |r| r.get(0),
        )?;
        if !belongs && errors.get(Field::Subcategory.name()).is_none() {
            errors.add(
                Field::Subcategory.name(),
                msg("error-subcategory-not-in-category"),
            );
        }
    }
    // Only the profiles the form offers (fixed numbers, never typed input).
    let offered: Vec<String> = access
        .technicians
        .profiles()
        .iter()
        .map(|p| p.id().to_string())
        .collect();
    let technician_sql = format!(
        "SELECT EXISTS(SELECT 1 FROM users WHERE id = ?1 AND disabled = 0 AND profile_id IN ({}))",
        offered.join(", ")
    );
    let people = [
        (
            Field::Requester,
            v.requester,
            "SELECT EXISTS(SELECT 1 FROM users WHERE id = ?1 AND disabled = 0)",
            "SELECT EXISTS(SELECT 1 FROM groups WHERE id = ?1 AND kind = 'user' AND disabled = 0)",
        ),
        (
            Field::Technician,
            v.technician,
            technician_sql.as_str(),
            "SELECT EXISTS(SELECT 1 FROM groups WHERE id = ?1 AND kind = 'technician' AND disabled = 0)",
        ),
    ];
    for (field, who, user_sql, group_sql) in people {
        let query = match who {
            Some(Who::User(id)) if changed(field) => Some((user_sql, id)),
            Some(Who::Group(id)) if changed(field) => Some((group_sql, id)),
            _ => None,
        };
        if let Some((sql, id)) = query
            && !exists(conn, sql, id)?
        {
            errors.add(field.name(), msg("error-unknown-choice"));
        }
    }
    for field in [Field::TimeSpent, Field::TimeHope] {
        let minutes = if field == Field::TimeSpent {
            v.time_spent
        } else {
            v.time_hope
        };
        if changed(field)
            && minutes != 0
            && !exists(
                conn,
                "SELECT EXISTS(SELECT 1 FROM time_values WHERE minutes = ?1)",
                minutes,
            )?
        {
            errors.add(field.name(), msg("error-unknown-choice"));
        }
    }
    Ok(errors)
}
