//! The supervision screen's figures: new tickets, open critical ones, opened and closed today,
//! all open, all to handle, waiting for the user; and the newest tickets nobody has yet.

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, params_from_iter};

use crate::domain::clock;
use crate::domain::tickets::states;

use super::reader::Reader;

/// The figures.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    /// Not given to anyone yet.
    pub new: i64,
    /// Open, with the most critical criticality.
    pub critical: i64,
    pub opened_today: i64,
    pub closed_today: i64,
    pub open: i64,
    pub to_handle: i64,
    pub waiting_user: i64,
    /// The newest unassigned tickets: number, title, requester, opened at.
    pub newest: Vec<(i64, String, Option<String>, i64)>,
}

/// The figures for `r` at `now`.
pub fn figures(conn: &Connection, r: &Reader, now: i64) -> rusqlite::Result<Figures> {
    let (seen, seen_values) = r.viewer.condition();
    let count = |cond: &str, extra: Vec<SqlValue>| -> rusqlite::Result<i64> {
        let mut values = seen_values.clone();
        values.extend(extra);
        conn.prepare_cached(&format!(
            "SELECT count(*) FROM tickets t WHERE {seen} AND {cond}"
        ))?
        .query_row(params_from_iter(values), |row| row.get(0))
    };
    let int = SqlValue::Integer;
    let closed = [int(states::RESOLVED), int(states::REJECTED)];
    let today = clock::day_start(now);
    let newest = {
        let mut values = seen_values.clone();
        values.push(int(states::UNASSIGNED));
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT t.id, t.title, COALESCE(u.display_name, g.name), t.created_at
             FROM tickets t LEFT JOIN users u ON u.id = t.requester_id
             LEFT JOIN groups g ON g.id = t.user_group_id
             WHERE {seen} AND t.state_id = ? ORDER BY t.created_at DESC, t.id DESC LIMIT 8"
        ))?;
        let rows = stmt.query_map(params_from_iter(values), |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    Ok(Figures {
        new: count("t.state_id = ?", vec![int(states::UNASSIGNED)])?,
        critical: count(
            "t.state_id IN (SELECT id FROM ticket_states WHERE id NOT IN (?, ?)) AND t.criticality_id =
                 (SELECT id FROM criticalities ORDER BY position, id LIMIT 1)",
            closed.to_vec(),
        )?,
        opened_today: count("t.created_at >= ?", vec![int(today)])?,
        closed_today: count(
            "t.resolved_at >= ? AND t.state_id IN (?, ?)",
            vec![int(today), closed[0].clone(), closed[1].clone()],
        )?,
        // The open states one by one, each read from the index of live tickets by state.
        open: count(
            "t.state_id IN (SELECT id FROM ticket_states WHERE id NOT IN (?, ?))",
            closed.to_vec(),
        )?,
        to_handle: count(
            "t.state_id IN (SELECT id FROM ticket_states WHERE is_meta = 1)",
            Vec::new(),
        )?,
        waiting_user: count("t.state_id = ?", vec![int(states::WAITING_USER)])?,
        newest,
    })
}
