//! Writing deliveries: called in the transaction of a ticket's change, once per event, it writes
//! one delivery per active hook that wants the event, with the body fixed now (the ticket as it
//! stands after the change). With no hook wanting the event, it costs one indexed read.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::{Value, json};

use crate::domain::settings::{SERVER_URL, Settings};
use crate::domain::tickets::thread::Event as ThreadEvent;
use crate::domain::users::choices::Who;
use crate::i18n::Lang;

use super::Event;

/// The active hooks that want `event`.
fn hooks_for(conn: &Connection, event: Event) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM webhooks WHERE active = 1 AND events & ?1 <> 0 ORDER BY id",
    )?;
    stmt.query_map([event.bit()], |r| r.get(0))?.collect()
}

/// Queues `event` about `ticket` for every hook that wants it (see [`ticket_event`]); called
/// with each thread entry as it is recorded, `entry` being its id.
pub fn thread_event(
    tx: &Transaction<'_>,
    ticket: i64,
    author: Option<i64>,
    entry: i64,
    event: &ThreadEvent,
    now: i64,
) -> rusqlite::Result<()> {
    let (hook_event, detail) = match event {
        ThreadEvent::Opened => (Event::Created, Detail::None),
        ThreadEvent::Assigned { from, to } => (
            Event::Assigned,
            Detail::Assigned {
                from: *from,
                to: *to,
            },
        ),
        ThreadEvent::State { from, to } => (
            Event::StateChanged,
            Detail::State {
                from: Some(*from),
                to: *to,
            },
        ),
        ThreadEvent::Closed { state } => (
            Event::StateChanged,
            Detail::State {
                from: None,
                to: *state,
            },
        ),
        ThreadEvent::Text { body, private, .. } => (
            Event::Replied,
            Detail::Reply {
                entry,
                text: body,
                hidden: *private,
            },
        ),
        _ => return Ok(()),
    };
    ticket_event(tx, hook_event, ticket, author, &detail, now)
}

/// Queues "ticket updated" for `ticket`, whose fields were just written.
pub fn ticket_changed(tx: &Transaction<'_>, ticket: i64, now: i64) -> rusqlite::Result<()> {
    ticket_event(tx, Event::Updated, ticket, None, &Detail::None, now)
}

/// What an event says beyond the ticket.
#[derive(Debug, Clone)]
pub enum Detail<'a> {
    None,
    Assigned {
        from: Option<Who>,
        to: Option<Who>,
    },
    State {
        from: Option<i64>,
        to: i64,
    },
    Reply {
        entry: i64,
        text: &'a str,
        hidden: bool,
    },
}

/// Queues `event` about `ticket`, done by `author`, for every active hook that wants it.
pub fn ticket_event(
    tx: &Transaction<'_>,
    event: Event,
    ticket: i64,
    author: Option<i64>,
    detail: &Detail<'_>,
    now: i64,
) -> rusqlite::Result<()> {
    let hooks = hooks_for(tx, event)?;
    if hooks.is_empty() {
        return Ok(());
    }
    let body = body(tx, event, ticket, author, detail, now)?.to_string();
    let mut insert = tx.prepare_cached(
        "INSERT INTO webhook_deliveries (webhook_id, event, ticket_id, body, created_at, next_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?;
    for hook in hooks {
        insert.execute(params![hook, event.code(), ticket, body, now])?;
    }
    Ok(())
}

/// A time as RFC 3339 in UTC.
pub(super) fn rfc3339(secs: i64) -> String {
    jiff::Timestamp::from_second(secs).map_or_else(|_| secs.to_string(), |t| t.to_string())
}

/// The body of `event`: what happened, when, by whom, the ticket as it stands, and the detail.
pub(super) fn body(
    conn: &Connection,
    event: Event,
    ticket: i64,
    author: Option<i64>,
    detail: &Detail<'_>,
    now: i64,
) -> rusqlite::Result<Value> {
    let settings = Settings::load(conn)?;
    let lang = settings.default_lang();
    let mut body = json!({
        "event": event.code(),
        "occurred_at": rfc3339(now),
        "by": match author { Some(u) => user(conn, u)?, None => Value::Null },
        "ticket": snapshot(conn, ticket, lang, settings.raw(SERVER_URL))?,
    });
    let extra = match detail {
        Detail::None => None,
        Detail::Assigned { from, to } => Some((
            "assignment",
            json!({ "from": party(conn, *from)?, "to": party(conn, *to)? }),
        )),
        Detail::State { from, to } => Some((
            "state",
            json!({
                "from": match from { Some(s) => state(conn, *s, lang)?, None => Value::Null },
                "to": state(conn, *to, lang)?,
            }),
        )),
        Detail::Reply {
            entry,
            text,
            hidden,
        } => Some((
            "reply",
            json!({ "id": entry, "text": text, "hidden": hidden }),
        )),
    };
    if let (Some((key, value)), Some(map)) = (extra, body.as_object_mut()) {
        map.insert(key.to_owned(), value);
    }
    Ok(body)
}

/// A list entry's name: its own, or its translated built-in name.
fn list_name(name: Option<String>, key: Option<String>, lang: Lang) -> String {
    match (name, key) {
        (Some(n), _) if !n.is_empty() => n,
        (_, Some(k)) => lang.t(&k),
        _ => String::new(),
    }
}

fn named(id: Option<i64>, name: String) -> Value {
    match id {
        Some(id) => json!({ "id": id, "name": name }),
        None => Value::Null,
    }
}

/// The ticket as an integration reads it.
fn snapshot(conn: &Connection, ticket: i64, lang: Lang, base: &str) -> rusqlite::Result<Value> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.id, t.title, t.state_id, s.name, s.name_key, t.priority_id, p.name, p.name_key,
                t.criticality_id, cr.name, cr.name_key, t.category_id, c.name, c.name_key,
                t.requester_id, r.display_name, t.technician_id, te.display_name,
                t.tech_group_id, g.name, t.created_at, t.modified_at, t.resolved_at, t.version
         FROM tickets t
         LEFT JOIN ticket_states s ON s.id = t.state_id
         LEFT JOIN priorities p ON p.id = t.priority_id
         LEFT JOIN criticalities cr ON cr.id = t.criticality_id
         LEFT JOIN categories c ON c.id = t.category_id
         LEFT JOIN users r ON r.id = t.requester_id
         LEFT JOIN users te ON te.id = t.technician_id
         LEFT JOIN groups g ON g.id = t.tech_group_id
         WHERE t.id = ?1",
    )?;
    stmt.query_row([ticket], |r| {
        let id: i64 = r.get(0)?;
        let resolved: Option<i64> = r.get(22)?;
        Ok(json!({
            "id": id,
            "title": r.get::<_, String>(1)?,
            "state": named(r.get(2)?, list_name(r.get(3)?, r.get(4)?, lang)),
            "priority": named(r.get(5)?, list_name(r.get(6)?, r.get(7)?, lang)),
            "criticality": named(r.get(8)?, list_name(r.get(9)?, r.get(10)?, lang)),
            "category": named(r.get(11)?, list_name(r.get(12)?, r.get(13)?, lang)),
            "requester": named(r.get(14)?, r.get::<_, Option<String>>(15)?.unwrap_or_default()),
            "technician": named(r.get(16)?, r.get::<_, Option<String>>(17)?.unwrap_or_default()),
            "technician_group": named(r.get(18)?, r.get::<_, Option<String>>(19)?.unwrap_or_default()),
            "created_at": rfc3339(r.get(20)?),
            "modified_at": rfc3339(r.get(21)?),
            "resolved_at": resolved.map(rfc3339),
            "version": r.get::<_, i64>(23)?,
            "url": (!base.is_empty()).then(|| format!("{}/tickets/{id}", base.trim_end_matches('/'))),
        }))
    })
}

fn user(conn: &Connection, id: i64) -> rusqlite::Result<Value> {
    let name: Option<String> = conn
        .prepare_cached("SELECT display_name FROM users WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(json!({ "id": id, "name": name.unwrap_or_default() }))
}

fn party(conn: &Connection, who: Option<Who>) -> rusqlite::Result<Value> {
    Ok(match who {
        None => Value::Null,
        Some(Who::User(u)) => {
            let mut v = user(conn, u)?;
            if let Some(m) = v.as_object_mut() {
                m.insert("kind".into(), "user".into());
            }
            v
        }
        Some(Who::Group(g)) => {
            let name: String = conn
                .prepare_cached("SELECT name FROM groups WHERE id = ?1")?
                .query_row([g], |r| r.get(0))
                .optional()?
                .unwrap_or_default();
            json!({ "kind": "group", "id": g, "name": name })
        }
    })
}

fn state(conn: &Connection, id: i64, lang: Lang) -> rusqlite::Result<Value> {
    let (name, key): (Option<String>, Option<String>) = conn
        .prepare_cached("SELECT name, name_key FROM ticket_states WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or((None, None));
    Ok(json!({ "id": id, "name": list_name(name, key, lang) }))
}
