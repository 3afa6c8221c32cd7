//! Availability's SQL: the monitored and dependency lists, the targets, the subcategories with
//! their names, the tickets that meet the condition over a period, and one ticket's window.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Condition, List, Scope, Target, Window};
use crate::i18n::Lang;

fn name(name: Option<String>, key: Option<String>, lang: Lang) -> String {
    name.filter(|n| !n.is_empty())
        .or_else(|| key.map(|k| lang.t(&k)))
        .unwrap_or_default()
}

/// The entries of `list`, by name.
pub fn scopes(conn: &Connection, list: List, lang: Lang) -> rusqlite::Result<Vec<Scope>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.id, m.category_id, m.subcategory_id, c.name, c.name_key, s.name, s.name_key
         FROM {} m JOIN categories c ON c.id = m.category_id
         LEFT JOIN subcategories s ON s.id = m.subcategory_id
         ORDER BY m.id",
        list.table()
    ))?;
    let mut out: Vec<Scope> = stmt
        .query_map([], |r| {
            let category = name(r.get(3)?, r.get(4)?, lang);
            let sub: Option<i64> = r.get(2)?;
            let label = match sub {
                Some(_) => format!("{category} › {}", name(r.get(5)?, r.get(6)?, lang)),
                None => category,
            };
            Ok(Scope {
                id: r.get(0)?,
                category_id: r.get(1)?,
                subcategory_id: sub,
                label,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    out.sort_by_key(|a| a.label.to_lowercase());
    Ok(out)
}

/// Every subcategory: id, category id, "Category › Subcategory", by name.
pub fn subcategories(conn: &Connection, lang: Lang) -> rusqlite::Result<Vec<(i64, i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.category_id, c.name, c.name_key, s.name, s.name_key
         FROM subcategories s JOIN categories c ON c.id = s.category_id",
    )?;
    let mut out: Vec<(i64, i64, String)> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                format!(
                    "{} › {}",
                    name(r.get(2)?, r.get(3)?, lang),
                    name(r.get(4)?, r.get(5)?, lang)
                ),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    out.sort_by_key(|a| a.2.to_lowercase());
    Ok(out)
}

/// Every category: id and name, by name.
pub fn categories(conn: &Connection, lang: Lang) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, name_key FROM categories")?;
    let mut out: Vec<(i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, name(r.get(1)?, r.get(2)?, lang))))?
        .collect::<rusqlite::Result<_>>()?;
    out.sort_by_key(|a| a.1.to_lowercase());
    Ok(out)
}

/// Adds a category (or one of its subcategories) to `list`; false when it was there already.
pub fn add_scope(
    tx: &Transaction<'_>,
    list: List,
    category: i64,
    subcategory: Option<i64>,
) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        &format!(
            "INSERT OR IGNORE INTO {} (category_id, subcategory_id) VALUES (?1, ?2)",
            list.table()
        ),
        params![category, subcategory],
    )? > 0)
}

pub fn remove_scope(tx: &Transaction<'_>, list: List, id: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute(&format!("DELETE FROM {} WHERE id = ?1", list.table()), [id])? > 0)
}

/// Whether subcategory `sub` belongs to category `category`.
pub fn sub_of(conn: &Connection, sub: i64, category: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS(SELECT 1 FROM subcategories WHERE id = ?1 AND category_id = ?2)",
    )?
    .query_row(params![sub, category], |r| r.get(0))
}

pub fn category_exists(conn: &Connection, category: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS(SELECT 1 FROM categories WHERE id = ?1)")?
        .query_row([category], |r| r.get(0))
}

/// Every target, by subcategory and year.
pub fn targets(conn: &Connection, lang: Lang) -> rusqlite::Result<Vec<Target>> {
    let subs = subcategories(conn, lang)?;
    let mut stmt = conn.prepare_cached(
        "SELECT subcategory_id, year, target FROM availability_targets ORDER BY year DESC",
    )?;
    let mut out: Vec<Target> = stmt
        .query_map([], |r| {
            let sub: i64 = r.get(0)?;
            Ok(Target {
                subcategory_id: sub,
                label: subs
                    .iter()
                    .find(|s| s.0 == sub)
                    .map(|s| s.2.clone())
                    .unwrap_or_default(),
                year: r.get(1)?,
                target: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    out.sort_by(|a, b| (b.year, a.label.to_lowercase()).cmp(&(a.year, b.label.to_lowercase())));
    Ok(out)
}

/// The targets of `year`, by subcategory.
pub fn targets_of(conn: &Connection, year: i32) -> rusqlite::Result<Vec<(i64, f64)>> {
    conn.prepare_cached("SELECT subcategory_id, target FROM availability_targets WHERE year = ?1")?
        .query_map([year], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
}

pub fn set_target(tx: &Transaction<'_>, sub: i64, year: i32, target: f64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO availability_targets (subcategory_id, year, target) VALUES (?1, ?2, ?3)
         ON CONFLICT(subcategory_id, year) DO UPDATE SET target = excluded.target",
        params![sub, year, target],
    )?;
    Ok(())
}

pub fn remove_target(tx: &Transaction<'_>, sub: i64, year: i32) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "DELETE FROM availability_targets WHERE subcategory_id = ?1 AND year = ?2",
        params![sub, year],
    )? > 0)
}

/// A ticket that meets the condition, with its window.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: i64,
    pub title: String,
    pub category_id: Option<i64>,
    pub subcategory_id: Option<i64>,
    pub window: Window,
}

/// The tickets meeting `condition` whose window overlaps `from..to`.
pub fn incidents(
    conn: &Connection,
    condition: Condition,
    from: i64,
    to: i64,
    now: i64,
) -> rusqlite::Result<Vec<Row>> {
    let (column, value) = match condition {
        Condition::Criticality(v) => ("criticality_id", v),
        Condition::Type(v) => ("type_id", v),
        Condition::Unset => return Ok(Vec::new()),
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT t.id, t.title, t.category_id, t.subcategory_id,
                COALESCE(u.starts_at, t.created_at),
                CASE WHEN u.ticket_id IS NOT NULL THEN u.ends_at ELSE t.resolved_at END,
                COALESCE(u.planned, 0)
         FROM tickets t LEFT JOIN ticket_unavailability u ON u.ticket_id = t.id
         WHERE t.{column} = ?1 AND t.deleted = 0
           AND COALESCE(u.starts_at, t.created_at) < ?3
           AND COALESCE(CASE WHEN u.ticket_id IS NOT NULL THEN u.ends_at ELSE t.resolved_at END, ?4) > ?2
         ORDER BY t.id"
    ))?;
    stmt.query_map(params![value, from, to, now], |r| {
        Ok(Row {
            id: r.get(0)?,
            title: r.get(1)?,
            category_id: r.get(2)?,
            subcategory_id: r.get(3)?,
            window: Window {
                start: r.get(4)?,
                end: r.get(5)?,
                planned: r.get(6)?,
            },
        })
    })?
    .collect()
}

/// What a ticket needs for its availability section: category, subcategory, criticality,
/// type, opening and resolution, and its corrected window if any.
#[derive(Debug, Clone)]
pub struct TicketFacts {
    pub category_id: Option<i64>,
    pub subcategory_id: Option<i64>,
    pub criticality_id: Option<i64>,
    pub type_id: Option<i64>,
    pub created_at: i64,
    pub resolved_at: Option<i64>,
    pub corrected: Option<Window>,
}

pub fn ticket_facts(conn: &Connection, ticket: i64) -> rusqlite::Result<Option<TicketFacts>> {
    conn.prepare_cached(
        "SELECT t.category_id, t.subcategory_id, t.criticality_id, t.type_id, t.created_at,
                t.resolved_at, u.ticket_id, u.starts_at, u.ends_at, u.planned
         FROM tickets t LEFT JOIN ticket_unavailability u ON u.ticket_id = t.id
         WHERE t.id = ?1",
    )?
    .query_row([ticket], |r| {
        let corrected = match r.get::<_, Option<i64>>(6)? {
            Some(_) => Some(Window {
                start: r.get(7)?,
                end: r.get(8)?,
                planned: r.get(9)?,
            }),
            None => None,
        };
        Ok(TicketFacts {
            category_id: r.get(0)?,
            subcategory_id: r.get(1)?,
            criticality_id: r.get(2)?,
            type_id: r.get(3)?,
            created_at: r.get(4)?,
            resolved_at: r.get(5)?,
            corrected,
        })
    })
    .optional()
}

pub fn save_window(
    tx: &Transaction<'_>,
    ticket: i64,
    w: &Window,
    by: i64,
    now: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO ticket_unavailability (ticket_id, starts_at, ends_at, planned, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(ticket_id) DO UPDATE SET starts_at = excluded.starts_at,
             ends_at = excluded.ends_at, planned = excluded.planned,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at",
        params![ticket, w.start, w.end, w.planned, by, now],
    )?;
    Ok(())
}

pub fn reset_window(tx: &Transaction<'_>, ticket: i64) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM ticket_unavailability WHERE ticket_id = ?1",
        [ticket],
    )?;
    Ok(())
}
