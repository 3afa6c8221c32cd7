//! The calendar's SQL: interventions and their conflicts, the entries of a period (interventions
//! and reminders, with the ticket's title only where the reader sees the ticket), the
//! technicians to choose from, and the feeds.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params, params_from_iter};

use super::rules::Planned;
use super::{Conflict, Entry, EntryKind, Intervention, MAX_DAYS, Technician};
use crate::domain::ids::{InterventionId, ReminderId, TicketId};
use crate::domain::profiles::Profile;
use crate::domain::tickets::visibility::Viewer;
use crate::i18n::Lang;

/// How far back an intervention that overlaps a period may start.
const LONGEST: i64 = (MAX_DAYS + 1) * 86_400;

/// An intervention as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub id: i64,
    pub ticket_id: i64,
    pub technician_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub all_day: bool,
    pub note: String,
    pub version: i64,
}

/// Whether `user` is an active technician or administrator.
pub fn is_technician(conn: &Connection, user: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS(SELECT 1 FROM users WHERE id = ?1 AND disabled = 0 AND profile_id IN (?2, ?3))",
    )?
    .query_row(
        params![user, Profile::Technician.id(), Profile::Administrator.id()],
        |r| r.get(0),
    )
}

/// Active technicians and administrators, by name.
pub fn technicians(conn: &Connection) -> rusqlite::Result<Vec<Technician>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, display_name FROM users WHERE disabled = 0 AND profile_id IN (?1, ?2)
         ORDER BY display_name COLLATE NOCASE, id",
    )?;
    stmt.query_map(
        params![Profile::Technician.id(), Profile::Administrator.id()],
        |r| {
            Ok(Technician {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        },
    )?
    .collect()
}

/// How many interventions `ticket` has.
pub fn count_of_ticket(conn: &Connection, ticket: i64) -> rusqlite::Result<i64> {
    conn.prepare_cached("SELECT count(*) FROM interventions WHERE ticket_id = ?1")?
        .query_row([ticket], |r| r.get(0))
}

pub fn insert(
    tx: &Transaction<'_>,
    ticket: i64,
    technician: i64,
    p: &Planned,
    by: i64,
    now: i64,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO interventions (ticket_id, technician_id, starts_at, ends_at, all_day, note,
             created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        ticket,
        technician,
        p.starts_at,
        p.ends_at,
        p.all_day,
        p.note,
        by,
        now
    ])?;
    Ok(tx.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Stored>> {
    conn.prepare_cached(
        "SELECT id, ticket_id, technician_id, starts_at, ends_at, all_day, note, version
         FROM interventions WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(Stored {
            id: r.get(0)?,
            ticket_id: r.get(1)?,
            technician_id: r.get(2)?,
            starts_at: r.get(3)?,
            ends_at: r.get(4)?,
            all_day: r.get(5)?,
            note: r.get(6)?,
            version: r.get(7)?,
        })
    })
    .optional()
}

/// Writes the new times, technician and note of intervention `s.id` and moves its version on.
pub fn update(tx: &Transaction<'_>, s: &Stored, now: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE interventions SET technician_id = ?2, starts_at = ?3, ends_at = ?4, all_day = ?5,
             note = ?6, version = version + 1, updated_at = ?7
         WHERE id = ?1",
    )?
    .execute(params![
        s.id,
        s.technician_id,
        s.starts_at,
        s.ends_at,
        s.all_day,
        s.note,
        now
    ])?;
    Ok(())
}

pub fn delete(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM interventions WHERE id = ?1")?
        .execute([id])?;
    Ok(())
}

/// The other interventions of the technician of each intervention matching `which` (a condition
/// on `i` with one value), as (intervention, conflict).
fn conflicts(
    conn: &Connection,
    viewer: &Viewer,
    which: &str,
    value: i64,
) -> rusqlite::Result<Vec<(i64, Conflict)>> {
    let (seen, mut values) = viewer.condition();
    values.push(Value::Integer(LONGEST));
    values.push(Value::Integer(value));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT i.id, o.ticket_id, o.starts_at, o.ends_at, t.title, {seen}
         FROM interventions i
         JOIN interventions o ON o.technician_id = i.technician_id AND o.id <> i.id
              AND o.starts_at < i.ends_at AND o.ends_at > i.starts_at
              AND o.starts_at >= i.starts_at - ?
         JOIN tickets t ON t.id = o.ticket_id AND t.deleted = 0
         WHERE {which}
         ORDER BY i.id, o.starts_at, o.id"
    ))?;
    stmt.query_map(params_from_iter(values), |r| {
        let visible: bool = r.get(5)?;
        Ok((
            r.get(0)?,
            Conflict {
                ticket_id: r.get(1)?,
                starts_at: r.get(2)?,
                ends_at: r.get(3)?,
                title: visible.then(|| r.get(4)).transpose()?,
            },
        ))
    })?
    .collect()
}

/// The interventions of `ticket`, soonest first, each with its conflicts.
pub fn of_ticket(
    conn: &Connection,
    viewer: &Viewer,
    ticket: i64,
) -> rusqlite::Result<Vec<Intervention>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.ticket_id, i.technician_id, u.display_name, i.starts_at, i.ends_at,
                i.all_day, i.note, i.version
         FROM interventions i JOIN users u ON u.id = i.technician_id
         WHERE i.ticket_id = ?1 ORDER BY i.starts_at, i.id",
    )?;
    let mut list: Vec<Intervention> = stmt
        .query_map([ticket], |r| {
            Ok(Intervention {
                id: InterventionId(r.get(0)?),
                ticket_id: TicketId(r.get(1)?),
                technician_id: r.get(2)?,
                technician: r.get(3)?,
                starts_at: r.get(4)?,
                ends_at: r.get(5)?,
                all_day: r.get(6)?,
                note: r.get(7)?,
                version: r.get(8)?,
                conflicts: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    if list.is_empty() {
        return Ok(list);
    }
    for (id, c) in conflicts(conn, viewer, "i.ticket_id = ?", ticket)? {
        if let Some(i) = list.iter_mut().find(|i| i.id.0 == id) {
            i.conflicts.push(c);
        }
    }
    Ok(list)
}

/// The conflicts of intervention `id`.
pub fn conflicts_of(
    conn: &Connection,
    viewer: &Viewer,
    id: i64,
) -> rusqlite::Result<Vec<Conflict>> {
    Ok(conflicts(conn, viewer, "i.id = ?", id)?
        .into_iter()
        .map(|(_, c)| c)
        .collect())
}

fn state_name(name: Option<String>, key: Option<String>, lang: Lang) -> String {
    name.filter(|n| !n.is_empty())
        .or_else(|| key.map(|k| lang.t(&k)))
        .unwrap_or_default()
}

/// The interventions and open reminders between `from` and `to` (of `technician`, else of
/// everyone), in order; conflicts marked.
pub fn entries(
    conn: &Connection,
    viewer: &Viewer,
    lang: Lang,
    from: i64,
    to: i64,
    technician: Option<i64>,
) -> rusqlite::Result<Vec<Entry>> {
    let (seen, seen_values) = viewer.condition();
    let mut values: Vec<Value> = seen_values.clone();
    values.extend([from - LONGEST, to, from].map(Value::Integer));
    let only = match technician {
        Some(t) => {
            values.push(Value::Integer(t));
            "AND i.technician_id = ?"
        }
        None => "",
    };
    values.extend(seen_values);
    values.extend([from, to].map(Value::Integer));
    let only_reminders = match technician {
        Some(t) => {
            values.push(Value::Integer(t));
            "AND r.technician_id = ?"
        }
        None => "",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT 0, i.id, i.version, i.all_day, i.ticket_id, t.title, {seen}, i.technician_id,
                u.display_name, i.starts_at, i.ends_at, i.note, s.name, s.name_key, s.color
         FROM interventions i
         JOIN tickets t ON t.id = i.ticket_id AND t.deleted = 0
         JOIN users u ON u.id = i.technician_id
         LEFT JOIN ticket_states s ON s.id = t.state_id
         WHERE i.starts_at >= ? AND i.starts_at < ? AND i.ends_at > ? {only}
         UNION ALL
         SELECT 1, r.id, 0, 0, r.ticket_id, t.title, {seen}, r.technician_id,
                u.display_name, r.due_at, r.due_at + 1800, r.text, s.name, s.name_key, s.color
         FROM reminders r
         JOIN tickets t ON t.id = r.ticket_id AND t.deleted = 0
         JOIN users u ON u.id = r.technician_id
         LEFT JOIN ticket_states s ON s.id = t.state_id
         WHERE r.done = 0 AND r.due_at >= ? AND r.due_at < ? {only_reminders}
         ORDER BY 10, 1, 2"
    ))?;
    let mut list: Vec<Entry> = stmt
        .query_map(params_from_iter(values), |r| {
            let visible: bool = r.get(6)?;
            let kind = if r.get::<_, i64>(0)? == 0 {
                EntryKind::Intervention {
                    id: InterventionId(r.get(1)?),
                    version: r.get(2)?,
                    all_day: r.get(3)?,
                }
            } else {
                EntryKind::Reminder {
                    id: ReminderId(r.get(1)?),
                }
            };
            Ok(Entry {
                kind,
                ticket_id: r.get(4)?,
                title: visible.then(|| r.get(5)).transpose()?,
                technician_id: r.get(7)?,
                technician: r.get(8)?,
                starts_at: r.get(9)?,
                ends_at: r.get(10)?,
                note: if visible { r.get(11)? } else { String::new() },
                state: state_name(r.get(12)?, r.get(13)?, lang),
                state_color: r.get::<_, Option<String>>(14)?.unwrap_or_default(),
                conflict: false,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    mark_conflicts(&mut list);
    Ok(list)
}

/// Marks the interventions that overlap another of the same technician.
fn mark_conflicts(list: &mut [Entry]) {
    let mut order: Vec<usize> = (0..list.len())
        .filter(|&i| matches!(list[i].kind, EntryKind::Intervention { .. }))
        .collect();
    order.sort_by_key(|&i| (list[i].technician_id, list[i].starts_at));
    // By technician and start: an intervention overlaps an earlier one when it starts before
    // the latest end so far, which is that of `first`.
    let mut running: Option<(i64, i64, usize)> = None;
    for &i in &order {
        let (tech, start, end) = (list[i].technician_id, list[i].starts_at, list[i].ends_at);
        match running {
            Some((t, e, first)) if t == tech && start < e => {
                list[first].conflict = true;
                list[i].conflict = true;
                if end > e {
                    running = Some((tech, end, i));
                }
            }
            _ => running = Some((tech, end, i)),
        }
    }
}

/// The owner of the feed whose secret hashes to `hash`, if they may still read a calendar: an
/// active account whose profile still holds `planning`.
/// Also says when the feed was last read.
pub fn feed_owner(
    conn: &Connection,
    hash: &str,
) -> rusqlite::Result<Option<(i64, String, Option<i64>)>> {
    conn.prepare_cached(
        "SELECT u.id, u.display_name, f.last_read_at
         FROM calendar_feeds f JOIN users u ON u.id = f.user_id
         WHERE f.token_hash = ?1 AND u.disabled = 0
           AND EXISTS (SELECT 1 FROM profile_rights r
                       WHERE r.profile_id = u.profile_id AND r.right_name = 'planning')",
    )?
    .query_row([hash], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
    .optional()
}

/// Notes that the feed of `user` was read at `now` (at most once an hour).
pub fn feed_read(tx: &Transaction<'_>, user: i64, now: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE calendar_feeds SET last_read_at = ?2
         WHERE user_id = ?1 AND (last_read_at IS NULL OR last_read_at < ?2 - 3600)",
    )?
    .execute(params![user, now])?;
    Ok(())
}

/// When `user`'s feed was made and last read.
pub fn feed_of(conn: &Connection, user: i64) -> rusqlite::Result<Option<(i64, Option<i64>)>> {
    conn.prepare_cached("SELECT created_at, last_read_at FROM calendar_feeds WHERE user_id = ?1")?
        .query_row([user], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

/// Gives `user` a feed with secret hash `hash`, replacing the old one.
pub fn set_feed(tx: &Transaction<'_>, user: i64, hash: &str, now: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(user_id) DO UPDATE SET token_hash = excluded.token_hash,
             created_at = excluded.created_at, last_read_at = NULL",
    )?
    .execute(params![user, hash, now])?;
    Ok(())
}

pub fn drop_feed(tx: &Transaction<'_>, user: i64) -> rusqlite::Result<bool> {
    Ok(tx
        .prepare_cached("DELETE FROM calendar_feeds WHERE user_id = ?1")?
        .execute([user])?
        > 0)
}

/// A ticket's title, for the mail about an intervention.
pub fn ticket_title(conn: &Connection, ticket: i64) -> rusqlite::Result<String> {
    conn.prepare_cached("SELECT title FROM tickets WHERE id = ?1")?
        .query_row([ticket], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, technician: i64, starts_at: i64, ends_at: i64) -> Entry {
        Entry {
            kind: EntryKind::Intervention {
                id: InterventionId(id),
                version: 0,
                all_day: false,
            },
            ticket_id: id,
            title: None,
            technician_id: technician,
            technician: String::new(),
            starts_at,
            ends_at,
            note: String::new(),
            state: String::new(),
            state_color: String::new(),
            conflict: false,
        }
    }

    #[test]
    fn overlaps_of_one_technician_are_marked_and_nothing_else() {
        let mut list = vec![
            // Technician 1: a long one from 0 to 10 holds one at 8 (after a short one at 2 that
            // ends before 8): all three overlap the long one.
            entry(1, 1, 0, 10),
            entry(2, 1, 2, 3),
            entry(3, 1, 8, 12),
            // Back to back is no overlap.
            entry(4, 1, 12, 14),
            // Technician 2 at the same times as technician 1: no overlap with them.
            entry(5, 2, 0, 10),
        ];
        mark_conflicts(&mut list);
        let marked: Vec<bool> = list.iter().map(|e| e.conflict).collect();
        assert_eq!(marked, [true, true, true, false, false]);
    }
}
