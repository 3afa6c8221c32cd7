//! SQL for tickets.

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use crate::domain::users::choices::Who;

use super::values::Values;
use super::visibility::Viewer;

/// A stored ticket.
#[derive(Debug, Clone)]
pub struct TicketRow {
    pub id: i64,
    pub values: Values,
    pub creator_id: Option<i64>,
    pub modified_at: i64,
    pub tech_read: bool,
    pub user_read: bool,
    pub last_tech_reply_at: Option<i64>,
    pub version: i64,
}

const COLUMNS: &str = "t.id, t.requester_id, t.user_group_id, t.type_id, t.technician_id, \
     t.tech_group_id, t.category_id, t.subcategory_id, t.place_id, t.service_id, t.agency_id, \
     t.title, t.description, t.created_at, t.hope_date, t.resolved_at, t.time_spent_minutes, \
     t.time_hope_minutes, t.priority_id, t.criticality_id, t.state_id, t.creator_id, \
     t.modified_at, t.tech_read, t.user_read, t.last_tech_reply_at, t.version";

fn who(user: Option<i64>, group: Option<i64>) -> Option<Who> {
    user.map(Who::User).or(group.map(Who::Group))
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<TicketRow> {
    Ok(TicketRow {
        id: r.get(0)?,
        values: Values {
            requester: who(r.get(1)?, r.get(2)?),
            type_id: r.get(3)?,
            technician: who(r.get(4)?, r.get(5)?),
            category_id: r.get(6)?,
            subcategory_id: r.get(7)?,
            place_id: r.get(8)?,
            service_id: r.get(9)?,
            agency_id: r.get(10)?,
            title: r.get(11)?,
            description: r.get(12)?,
            created_at: r.get(13)?,
            hope_date: r.get(14)?,
            resolved_at: r.get(15)?,
            time_spent: r.get(16)?,
            time_hope: r.get(17)?,
            priority_id: r.get(18)?,
            criticality_id: r.get(19)?,
            state_id: r.get(20)?,
        },
        creator_id: r.get(21)?,
        modified_at: r.get(22)?,
        tech_read: r.get(23)?,
        user_read: r.get(24)?,
        last_tech_reply_at: r.get(25)?,
        version: r.get(26)?,
    })
}

/// Ticket `id` if `viewer` may see it.
pub fn get_visible(
    conn: &Connection,
    viewer: &Viewer,
    id: i64,
) -> rusqlite::Result<Option<TicketRow>> {
    let (cond, mut values) = viewer.condition();
    values.push(SqlValue::Integer(id));
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM tickets t WHERE {cond} AND t.id = ?"
    ))?
    .query_row(rusqlite::params_from_iter(values), from_row)
    .optional()
}

/// Ticket `id`, whoever asks (internal use: templates, merges).
pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<TicketRow>> {
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM tickets t WHERE t.id = ?1 AND t.deleted = 0"
    ))?
    .query_row([id], from_row)
    .optional()
}

fn split(w: Option<Who>) -> (Option<i64>, Option<i64>) {
    match w {
        Some(Who::User(u)) => (Some(u), None),
        Some(Who::Group(g)) => (None, Some(g)),
        None => (None, None),
    }
}

/// Inserts a ticket; returns its number.
pub fn insert(
    tx: &Transaction<'_>,
    v: &Values,
    creator: i64,
    now: i64,
    tech_read: bool,
) -> rusqlite::Result<i64> {
    let (requester, user_group) = split(v.requester);
    let (technician, tech_group) = split(v.technician);
    tx.prepare_cached(
        "INSERT INTO tickets (type_id, title, description, requester_id, user_group_id, technician_id,
             tech_group_id, creator_id, service_id, agency_id, place_id, category_id, subcategory_id,
             state_id, priority_id, criticality_id, created_at, hope_date, resolved_at, modified_at,
             time_spent_minutes, time_hope_minutes, tech_read, user_read)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
                 ?19, ?20, ?21, ?22, ?23, 1)",
    )?
    .execute(params![
            v.type_id,
            v.title,
            v.description,
            requester,
            user_group,
            technician,
            tech_group,
            creator,
            v.service_id,
            v.agency_id,
            v.place_id,
            v.category_id,
            v.subcategory_id,
            v.state_id,
            v.priority_id,
            v.criticality_id,
            v.created_at,
            v.hope_date,
            v.resolved_at,
            now,
            v.time_spent,
            v.time_hope,
            tech_read
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Writes `v` over ticket `id` if it is still at `version`; returns whether it was.
pub fn update(
    tx: &Transaction<'_>,
    id: i64,
    v: &Values,
    version: i64,
    now: i64,
) -> rusqlite::Result<bool> {
    let (requester, user_group) = split(v.requester);
    let (technician, tech_group) = split(v.technician);
    let n = tx.execute(
        "UPDATE tickets SET type_id = ?3, title = ?4, description = ?5, requester_id = ?6,
             user_group_id = ?7, technician_id = ?8, tech_group_id = ?9, service_id = ?10,
             agency_id = ?11, place_id = ?12, category_id = ?13, subcategory_id = ?14,
             state_id = ?15, priority_id = ?16, criticality_id = ?17, created_at = ?18,
             hope_date = ?19, resolved_at = ?20, time_spent_minutes = ?21,
             time_hope_minutes = ?22, modified_at = ?23, version = version + 1
         WHERE id = ?1 AND version = ?2",
        params![
            id,
            version,
            v.type_id,
            v.title,
            v.description,
            requester,
            user_group,
            technician,
            tech_group,
            v.service_id,
            v.agency_id,
            v.place_id,
            v.category_id,
            v.subcategory_id,
            v.state_id,
            v.priority_id,
            v.criticality_id,
            v.created_at,
            v.hope_date,
            v.resolved_at,
            v.time_spent,
            v.time_hope,
            now
        ],
    )?;
    Ok(n == 1)
}

/// Marks ticket `id` changed now (a reply, an attachment), without touching its fields.
pub fn touch(tx: &Transaction<'_>, id: i64, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE tickets SET modified_at = ?2, version = version + 1 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

/// Records whether the assigned technician has read the ticket since it last changed.
pub fn set_tech_read(tx: &Transaction<'_>, id: i64, read: bool, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE tickets SET tech_read = ?2, tech_read_at = CASE WHEN ?2 THEN ?3 ELSE tech_read_at END
         WHERE id = ?1",
        params![id, read, now],
    )?;
    Ok(())
}

/// Records whether the requester has read the ticket since it last changed.
pub fn set_user_read(tx: &Transaction<'_>, id: i64, read: bool) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE tickets SET user_read = ?2 WHERE id = ?1",
        params![id, read],
    )?;
    Ok(())
}

/// Records a technician's text reply.
pub fn set_last_tech_reply(tx: &Transaction<'_>, id: i64, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE tickets SET last_tech_reply_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

/// A line of a short ticket list.
#[derive(Debug, Clone)]
pub struct TicketLine {
    pub id: i64,
    pub title: String,
    pub state_id: i64,
    pub modified_at: i64,
}

/// The latest changed tickets `viewer` may see.
pub fn recent(conn: &Connection, viewer: &Viewer, limit: i64) -> rusqlite::Result<Vec<TicketLine>> {
    let (cond, mut values) = viewer.condition();
    values.push(SqlValue::Integer(limit));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT t.id, t.title, t.state_id, t.modified_at FROM tickets t
         WHERE {cond} AND t.is_template = 0 ORDER BY t.modified_at DESC, t.id DESC LIMIT ?"
    ))?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
        Ok(TicketLine {
            id: r.get(0)?,
            title: r.get(1)?,
            state_id: r.get(2)?,
            modified_at: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// The number the next ticket will get.
pub fn next_number(conn: &Connection) -> rusqlite::Result<i64> {
    let seq: Option<i64> = conn
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'tickets'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let max: Option<i64> = conn.query_row("SELECT max(id) FROM tickets", [], |r| r.get(0))?;
    Ok(seq.unwrap_or(0).max(max.unwrap_or(0)) + 1)
}

/// Makes the next ticket get number `next`; only upward.
pub fn set_next_number(tx: &Transaction<'_>, next: i64) -> rusqlite::Result<bool> {
    if next < next_number(tx)? {
        return Ok(false);
    }
    let updated = tx.execute(
        "UPDATE sqlite_sequence SET seq = ?1 WHERE name = 'tickets'",
        [next - 1],
    )?;
    if updated == 0 {
        tx.execute(
            "INSERT INTO sqlite_sequence (name, seq) VALUES ('tickets', ?1)",
            [next - 1],
        )?;
    }
    Ok(true)
}
