//! SQL for tickets.

use std::sync::LazyLock;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};

use crate::domain::ids::TicketId;
use crate::domain::users::choices::Who;

use super::values::Values;
use super::visibility::Viewer;

/// A stored ticket.
#[derive(Debug, Clone)]
pub struct TicketRow {
    pub id: TicketId,
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
     t.modified_at, t.tech_read, t.user_read, t.last_tech_reply_at, t.version, t.billable, \
     t.answer_type_id, t.asset_id";

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
            asset_id: r.get(29)?,
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
            billable: r.get(27)?,
            answer_type_id: r.get(28)?,
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
    id: TicketId,
) -> rusqlite::Result<Option<TicketRow>> {
    let (cond, mut values) = viewer.condition();
    values.push(id.into());
    conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM tickets t WHERE {cond} AND t.id = ?"
    ))?
    .query_row(rusqlite::params_from_iter(values), from_row)
    .optional()
}

/// Ticket `id`, whoever asks (internal use: templates, merges).
pub fn get(conn: &Connection, id: TicketId) -> rusqlite::Result<Option<TicketRow>> {
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

/// The columns that hold a ticket's form values, in the order [`field_values`] binds them.
const FIELD_COLUMNS: [&str; 23] = [
    "type_id",
    "title",
    "description",
    "requester_id",
    "user_group_id",
    "technician_id",
    "tech_group_id",
    "service_id",
    "agency_id",
    "place_id",
    "category_id",
    "subcategory_id",
    "state_id",
    "priority_id",
    "criticality_id",
    "created_at",
    "hope_date",
    "resolved_at",
    "time_spent_minutes",
    "time_hope_minutes",
    "billable",
    "answer_type_id",
    "asset_id",
];

fn field_values(v: &Values) -> Vec<SqlValue> {
    let (requester, user_group) = split(v.requester);
    let (technician, tech_group) = split(v.technician);
    let id = |x: Option<i64>| x.map_or(SqlValue::Null, SqlValue::Integer);
    vec![
        id(v.type_id),
        SqlValue::Text(v.title.clone()),
        SqlValue::Text(v.description.clone()),
        id(requester),
        id(user_group),
        id(technician),
        id(tech_group),
        id(v.service_id),
        id(v.agency_id),
        id(v.place_id),
        id(v.category_id),
        id(v.subcategory_id),
        SqlValue::Integer(v.state_id),
        id(v.priority_id),
        id(v.criticality_id),
        SqlValue::Integer(v.created_at),
        v.hope_date.clone().map_or(SqlValue::Null, SqlValue::Text),
        id(v.resolved_at),
        SqlValue::Integer(v.time_spent),
        SqlValue::Integer(v.time_hope),
        SqlValue::Integer(i64::from(v.billable)),
        id(v.answer_type_id),
        id(v.asset_id),
    ]
}

static INSERT_SQL: LazyLock<String> = LazyLock::new(|| {
    let n = FIELD_COLUMNS.len();
    let marks: Vec<String> = (1..=n + 3).map(|i| format!("?{i}")).collect();
    // The sender service is written with the row rather than by an update after it.
    let requester = FIELD_COLUMNS
        .iter()
        .position(|c| *c == "requester_id")
        .map_or(0, |i| i + 1);
    format!(
        "INSERT INTO tickets ({}, creator_id, modified_at, tech_read, user_read, sender_service_id)
         VALUES ({}, 1, {})",
        FIELD_COLUMNS.join(", "),
        marks.join(", "),
        sender_service_of(&format!("?{requester}"))
    )
});

static UPDATE_SQL: LazyLock<String> = LazyLock::new(|| {
    let n = FIELD_COLUMNS.len();
    let sets: Vec<String> = FIELD_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} = ?{}", i + 1))
        .collect();
    format!(
        "UPDATE tickets SET {}, modified_at = ?{}, version = version + 1 WHERE id = ?{} AND version = ?{}",
        sets.join(", "),
        n + 1,
        n + 2,
        n + 3
    )
});

/// Inserts a ticket, with its requester's first service as its sender service; returns its number.
pub fn insert(
    tx: &Transaction<'_>,
    v: &Values,
    creator: i64,
    now: i64,
    tech_read: bool,
) -> rusqlite::Result<i64> {
    let mut values = field_values(v);
    values.extend([
        SqlValue::Integer(creator),
        SqlValue::Integer(now),
        SqlValue::Integer(i64::from(tech_read)),
    ]);
    tx.prepare_cached(&INSERT_SQL)?
        .execute(params_from_iter(values))?;
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
    let mut values = field_values(v);
    values.extend([
        SqlValue::Integer(now),
        SqlValue::Integer(id),
        SqlValue::Integer(version),
    ]);
    let n = tx
        .prepare_cached(&UPDATE_SQL)?
        .execute(params_from_iter(values))?;
    if n == 1 {
        crate::domain::webhooks::ticket_changed(tx, id, now)?;
    }
    Ok(n == 1)
}

/// Marks ticket `id` changed now (a reply, an attachment), without touching its fields.
pub fn touch(tx: &Transaction<'_>, id: TicketId, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE tickets SET modified_at = ?2, version = version + 1 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

/// Records the service of ticket `id`'s requester as its sender service (GestSup's
/// `sender_service`): their first service, or none. [`insert`] records it with the row.
pub fn set_sender_service(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "UPDATE tickets SET sender_service_id = {} WHERE id = ?1",
            sender_service_of("tickets.requester_id")
        )
    });
    tx.prepare_cached(&SQL)?.execute([id])?;
    Ok(())
}

/// The SQL value of the sender service of the requester `requester` (an SQL expression).
fn sender_service_of(requester: &str) -> String {
    format!("(SELECT min(service_id) FROM user_services WHERE user_id = {requester})")
}

/// The name of ticket `id`'s sender service, if it has one.
pub fn sender_service(conn: &Connection, id: i64) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT s.name FROM tickets t JOIN services s ON s.id = t.sender_service_id
         WHERE t.id = ?1",
    )?
    .query_row([id], |r| r.get(0))
    .optional()
}

/// Deletes ticket `id`: it leaves every list, count and search, and answers "not found"; its
/// row stays (numbers are never given twice).
pub fn soft_delete(tx: &Transaction<'_>, id: TicketId, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE tickets SET deleted = 1, modified_at = ?2, version = version + 1 WHERE id = ?1",
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

/// The number the next ticket will get.
pub async fn next_number_now(db: &crate::db::Db) -> Result<i64, crate::domain::DomainError> {
    crate::domain::run::read(db, |c| Ok(next_number(c)?)).await
}
