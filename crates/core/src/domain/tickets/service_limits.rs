//! Service partitioning on the ticket form, for organisations with several services (setting
//! `user_limit_service`). Each right narrows one choice list to the entries of the ticket's
//! service (or, while the ticket has none, of the actor's services) and the entries of no
//! service: `ticket_type_service_limit` the types, `ticket_priority_service_limit` the
//! priorities, `ticket_criticality_service_limit` the criticalities, `ticket_cat_service_only`
//! the categories and subcategories, `ticket_tech_service_lock` the technicians (members of the
//! service) and technician groups. The form shows the narrowed lists and every save is checked
//! against them, so a value from another service sent by hand is refused. A value the ticket
//! already holds stays offered and accepted.

use std::collections::HashSet;

use rusqlite::Connection;

use super::fields::Field;
use super::options::TicketOptions;
use super::values::Values;
use crate::domain::rights::names as right;
use crate::domain::users::choices::Who;
use crate::domain::{Actor, FieldErrors, settings};
use crate::i18n::msg;

/// Which lists follow the service, for one actor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    pub types: bool,
    pub priorities: bool,
    pub criticalities: bool,
    pub categories: bool,
    pub technicians: bool,
}

impl Limits {
    /// The limits of `actor` (none while partitioning is off).
    pub fn of(actor: &Actor) -> Limits {
        if !actor.settings.flag(settings::USER_LIMIT_SERVICE) {
            return Limits::default();
        }
        Limits {
            types: actor.has(right::TICKET_TYPE_SERVICE_LIMIT),
            priorities: actor.has(right::TICKET_PRIORITY_SERVICE_LIMIT),
            criticalities: actor.has(right::TICKET_CRITICALITY_SERVICE_LIMIT),
            categories: actor.has(right::TICKET_CAT_SERVICE_ONLY),
            technicians: actor.has(right::TICKET_TECH_SERVICE_LOCK),
        }
    }

    fn any(self) -> bool {
        self != Limits::default()
    }
}

/// The services the lists follow: the ticket's own, else the actor's.
pub fn services(
    conn: &Connection,
    actor: &Actor,
    ticket_service: Option<i64>,
) -> rusqlite::Result<Vec<i64>> {
    if let Some(s) = ticket_service {
        return Ok(vec![s]);
    }
    let mut stmt =
        conn.prepare_cached("SELECT service_id FROM user_services WHERE user_id = ?1")?;
    let rows = stmt.query_map([actor.id().0], |r| r.get(0))?;
    rows.collect()
}

/// The ids of `table` (a list with a `service_id`) that belong to no service or to one of
/// `services`. `table` is a constant of this module, never input.
fn allowed(conn: &Connection, table: &str, services: &[i64]) -> rusqlite::Result<HashSet<i64>> {
    let marks = vec!["?"; services.len()].join(", ");
    let sql = if services.is_empty() {
        format!("SELECT id FROM {table} WHERE service_id IS NULL")
    } else {
        format!("SELECT id FROM {table} WHERE service_id IS NULL OR service_id IN ({marks})")
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(services), |r| r.get(0))?;
    rows.collect()
}

/// The technicians (members of `services`) and technician groups (of no service or of one of
/// `services`) the technician field may name.
fn technicians(conn: &Connection, services: &[i64]) -> rusqlite::Result<HashSet<Who>> {
    let marks = vec!["?"; services.len()].join(", ");
    let members = if services.is_empty() {
        String::new()
    } else {
        format!("SELECT user_id FROM user_services WHERE service_id IN ({marks})")
    };
    let mut out = HashSet::new();
    if !members.is_empty() {
        let mut stmt = conn.prepare_cached(&members)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(services), |r| r.get(0))?;
        for id in rows {
            out.insert(Who::User(id?));
        }
    }
    let groups = allowed_groups(conn, services)?;
    out.extend(groups.into_iter().map(Who::Group));
    Ok(out)
}

fn allowed_groups(conn: &Connection, services: &[i64]) -> rusqlite::Result<HashSet<i64>> {
    let marks = vec!["?"; services.len()].join(", ");
    let sql = if services.is_empty() {
        "SELECT id FROM groups WHERE kind = 'technician' AND service_id IS NULL".to_owned()
    } else {
        format!(
            "SELECT id FROM groups WHERE kind = 'technician'
             AND (service_id IS NULL OR service_id IN ({marks}))"
        )
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(services), |r| r.get(0))?;
    rows.collect()
}

/// What the limits allow for one ticket.
struct Allowed {
    types: Option<HashSet<i64>>,
    priorities: Option<HashSet<i64>>,
    criticalities: Option<HashSet<i64>>,
    categories: Option<HashSet<i64>>,
    subcategories: Option<HashSet<i64>>,
    technicians: Option<HashSet<Who>>,
}

fn allowed_for(conn: &Connection, limits: Limits, services: &[i64]) -> rusqlite::Result<Allowed> {
    let list = |on: bool, table: &str| -> rusqlite::Result<Option<HashSet<i64>>> {
        if on {
            allowed(conn, table, services).map(Some)
        } else {
            Ok(None)
        }
    };
    Ok(Allowed {
        types: list(limits.types, "ticket_types")?,
        priorities: list(limits.priorities, "priorities")?,
        criticalities: list(limits.criticalities, "criticalities")?,
        categories: list(limits.categories, "categories")?,
        subcategories: list(limits.categories, "subcategories")?,
        technicians: if limits.technicians {
            Some(technicians(conn, services)?)
        } else {
            None
        },
    })
}

/// Narrows the choice lists of `options` for `actor` on a ticket holding `v` (the values the
/// ticket holds stay).
pub fn narrow(
    conn: &Connection,
    actor: &Actor,
    v: &Values,
    options: &mut TicketOptions,
) -> rusqlite::Result<()> {
    let limits = Limits::of(actor);
    if !limits.any() {
        return Ok(());
    }
    let a = allowed_for(conn, limits, &services(conn, actor, v.service_id)?)?;
    let keep = |list: &mut Vec<(String, String)>, ok: &Option<HashSet<i64>>, own: Option<i64>| {
        if let Some(ok) = ok {
            list.retain(|(id, _)| {
                id.parse::<i64>()
                    .is_ok_and(|n| ok.contains(&n) || Some(n) == own)
            });
        }
    };
    keep(&mut options.types, &a.types, v.type_id);
    keep(&mut options.priorities, &a.priorities, v.priority_id);
    keep(
        &mut options.criticalities,
        &a.criticalities,
        v.criticality_id,
    );
    keep(&mut options.categories, &a.categories, v.category_id);
    if let Some(ok) = &a.subcategories {
        options
            .subcategories
            .retain(|s| ok.contains(&s.id) || Some(s.id) == v.subcategory_id);
    }
    if let Some(ok) = &a.technicians {
        options.technicians.retain(|(value, _)| {
            Who::parse(value).is_some_and(|w| ok.contains(&w) || Some(w) == v.technician)
        });
    }
    Ok(())
}

/// Refuses, field by field, the values of `v` changed from `base` that the limits of `actor`
/// do not allow.
pub fn check(
    conn: &Connection,
    actor: &Actor,
    v: &Values,
    base: &Values,
) -> rusqlite::Result<FieldErrors> {
    let mut errors = FieldErrors::new();
    let limits = Limits::of(actor);
    if !limits.any() {
        return Ok(errors);
    }
    let a = allowed_for(conn, limits, &services(conn, actor, v.service_id)?)?;
    let mut refuse =
        |field: Field, ok: &Option<HashSet<i64>>, new: Option<i64>, old: Option<i64>| {
            if let (Some(ok), Some(n)) = (ok, new)
                && new != old
                && !ok.contains(&n)
            {
                errors.add(field.name(), msg("error-other-service"));
            }
        };
    refuse(Field::Type, &a.types, v.type_id, base.type_id);
    refuse(
        Field::Priority,
        &a.priorities,
        v.priority_id,
        base.priority_id,
    );
    refuse(
        Field::Criticality,
        &a.criticalities,
        v.criticality_id,
        base.criticality_id,
    );
    refuse(
        Field::Category,
        &a.categories,
        v.category_id,
        base.category_id,
    );
    refuse(
        Field::Subcategory,
        &a.subcategories,
        v.subcategory_id,
        base.subcategory_id,
    );
    if let (Some(ok), Some(w)) = (&a.technicians, v.technician)
        && v.technician != base.technician
        && !ok.contains(&w)
    {
        errors.add(Field::Technician.name(), msg("error-other-service"));
    }
    Ok(errors)
}
