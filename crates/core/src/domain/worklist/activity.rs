//! The activity view's counters: tickets opened, closed and advanced (a technician's text
//! reply) in a period, among those the reader may see.

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};

use crate::domain::clock;
use crate::domain::profiles::Profile;
use crate::domain::tickets::states;

use super::reader::Reader;

/// The three counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub opened: i64,
    pub closed: i64,
    pub advanced: i64,
}

/// The condition on tickets `t` "advanced in `[from, to)`" (a technician's text reply in the
/// period), with its values. A period that ends after `now` reads the date of the last
/// technician reply kept on each ticket, from its index; a period that has ended reads the
/// replies themselves.
pub fn advanced(from: i64, to: i64, now: i64) -> (String, Vec<SqlValue>) {
    if to > now {
        return (
            "t.last_tech_reply_at >= ?".to_owned(),
            vec![SqlValue::Integer(from)],
        );
    }
    (
        format!(
            "t.id IN (SELECT e.ticket_id FROM thread_entries e JOIN users u ON u.id = e.author_id
                 WHERE e.kind = 'text' AND e.created_at >= ? AND e.created_at < ?
                   AND u.profile_id IN ({}, {}))",
            Profile::Technician.id(),
            Profile::Administrator.id()
        ),
        vec![SqlValue::Integer(from), SqlValue::Integer(to)],
    )
}

/// The activity of `[from, to)`.
pub fn counts(conn: &Connection, r: &Reader, from: i64, to: i64) -> rusqlite::Result<Counts> {
    let (seen, seen_values) = r.viewer.condition();
    let run = |sql: &str, extra: Vec<SqlValue>| -> rusqlite::Result<i64> {
        let mut values = extra;
        values.extend(seen_values.iter().cloned());
        conn.prepare_cached(sql)?
            .query_row(params_from_iter(values), |row| row.get(0))
    };
    let (f, t) = (SqlValue::Integer(from), SqlValue::Integer(to));
    let opened = run(
        &format!(
            "SELECT count(*) FROM tickets t WHERE t.created_at >= ? AND t.created_at < ? AND {seen}"
        ),
        vec![f.clone(), t.clone()],
    )?;
    let closed = run(
        &format!(
            "SELECT count(*) FROM tickets t WHERE t.resolved_at >= ? AND t.resolved_at < ?
             AND t.state_id IN (?, ?) AND {seen}"
        ),
        vec![
            f.clone(),
            t.clone(),
            SqlValue::Integer(states::RESOLVED),
            SqlValue::Integer(states::REJECTED),
        ],
    )?;
    let (advanced_sql, advanced_values) = advanced(from, to, clock::now());
    let advanced = run(
        &format!("SELECT count(*) FROM tickets t WHERE {advanced_sql} AND {seen}"),
        advanced_values,
    )?;
    Ok(Counts {
        opened,
        closed,
        advanced,
    })
}
