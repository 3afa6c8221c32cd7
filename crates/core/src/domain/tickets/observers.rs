//! Observers (GestSup's `observer1..3`): users and technician groups who follow a ticket. They
//! see it ([`super::visibility`]), find it under "Tickets I observe" and get the requester's
//! automatic mails (setting `mail_observers`). Holders of `ticket_observer` add and remove
//! them (a requester holding it adds colleagues); `ticket_observer_disp` shows the list; an
//! observer may always stop observing. Every change is a thread event, in the transaction of
//! the change.

use rusqlite::{Connection, Transaction, params};

use super::repo;
use super::thread::{self, Event};
use crate::db::Db;
use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use crate::domain::settings;
use crate::domain::users::choices::Who;
use crate::domain::{Actor, DomainError, FieldErrors, clock, run};
use crate::i18n::msg;

/// The most observers a ticket may have.
pub const MAX_OBSERVERS: usize = 50;

/// The tickets user `?` observes, themselves or through one of their groups (two placeholders,
/// both the user). A union, so that each side reads its own index.
pub const OBSERVED_BY: &str = "SELECT ticket_id FROM ticket_observers WHERE user_id = ?
     UNION ALL SELECT o.ticket_id FROM group_members m
         JOIN ticket_observers o ON o.group_id = m.group_id WHERE m.user_id = ?";

/// One observer as the ticket shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observer {
    pub who: Who,
    /// The person's name, or `[G] name` for a group.
    pub name: String,
}

/// Whether observers exist in this installation.
pub fn enabled(actor: &Actor) -> bool {
    actor.settings.flag(settings::TICKET_OBSERVER)
}

/// Whether `actor` sees the observers of the tickets they see.
pub fn shown_to(actor: &Actor) -> bool {
    enabled(actor) && (actor.has(right::TICKET_OBSERVER_DISP) || actor.has(right::TICKET_OBSERVER))
}

/// Whether `actor` may add and remove observers.
pub fn may_change(actor: &Actor) -> bool {
    enabled(actor) && actor.has(right::TICKET_OBSERVER)
}

/// The observers of `ticket`, people first, by name.
pub fn list(conn: &Connection, ticket: i64) -> rusqlite::Result<Vec<Observer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.user_id, o.group_id, COALESCE(u.display_name, '[G] ' || g.name, '')
         FROM ticket_observers o
         LEFT JOIN users u ON u.id = o.user_id
         LEFT JOIN groups g ON g.id = o.group_id
         WHERE o.ticket_id = ?1
         ORDER BY o.group_id IS NOT NULL, 3 COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([ticket], |r| {
        let who = match (r.get::<_, Option<i64>>(0)?, r.get::<_, Option<i64>>(1)?) {
            (Some(u), _) => Who::User(u),
            (None, g) => Who::Group(g.unwrap_or_default()),
        };
        Ok(Observer {
            who,
            name: r.get(2)?,
        })
    })?;
    rows.collect()
}

/// Whether `user` observes `ticket`, themselves (not through a group).
fn observes(conn: &Connection, ticket: i64, user: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached(
        "SELECT EXISTS(SELECT 1 FROM ticket_observers WHERE ticket_id = ?1 AND user_id = ?2)",
    )?
    .query_row(params![ticket, user], |r| r.get(0))
}

fn refused(key: &'static str) -> DomainError {
    let mut errors = FieldErrors::new();
    errors.add("observer", msg(key));
    DomainError::Invalid(errors)
}

/// Whether `who` may observe: an active user, or an active technician group (added by a
/// technician).
fn may_observe(tx: &Transaction<'_>, actor: &Actor, who: Who) -> rusqlite::Result<bool> {
    match who {
        Who::User(u) => tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM users WHERE id = ?1 AND disabled = 0)",
            [u],
            |r| r.get(0),
        ),
        Who::Group(g) if actor.is_technician() => tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM groups WHERE id = ?1 AND kind = 'technician' AND disabled = 0)",
            [g],
            |r| r.get(0),
        ),
        Who::Group(_) => Ok(false),
    }
}

/// Adds `who` as an observer of `ticket` inside `tx`, recording it in the thread; nothing
/// happens when they already observe it. Returns whether they were added. Checks everything
/// but the right (the caller's).
pub(super) fn add_in(
    tx: &Transaction<'_>,
    actor: &Actor,
    ticket: i64,
    who: Who,
    now: i64,
) -> Result<bool, DomainError> {
    if !may_observe(tx, actor, who)? {
        return Err(refused("ticket-observer-unknown"));
    }
    let (user, group) = match who {
        Who::User(u) => (Some(u), None),
        Who::Group(g) => (None, Some(g)),
    };
    let count: i64 = tx.query_row(
        "SELECT count(*) FROM ticket_observers WHERE ticket_id = ?1",
        [ticket],
        |r| r.get(0),
    )?;
    let added = tx.execute(
        "INSERT OR IGNORE INTO ticket_observers (ticket_id, user_id, group_id, added_at, added_by)
         SELECT ?1, ?2, ?3, ?4, ?5 WHERE ?6 < ?7",
        params![
            ticket,
            user,
            group,
            now,
            actor.id().0,
            count,
            MAX_OBSERVERS as i64
        ],
    )? == 1;
    if !added {
        let already: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM ticket_observers WHERE ticket_id = ?1
                 AND (user_id = ?2 OR group_id = ?3))",
            params![ticket, user, group],
            |r| r.get(0),
        )?;
        return if already {
            Ok(false)
        } else {
            Err(refused("ticket-observers-full"))
        };
    }
    thread::record(tx, ticket, actor.id().0, now, Event::ObserverAdded(who))?;
    Ok(true)
}

/// Adds `who` as an observer of ticket `id`, which `actor` sees.
pub async fn add(db: &Db, actor: &Actor, id: TicketId, who: Who) -> Result<bool, DomainError> {
    if !may_change(actor) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    run::write(db, move |tx| {
        let viewer = actor.viewer(tx)?;
        actor.ticket_to_change(tx, &viewer, id)?;
        let now = clock::now();
        let added = add_in(tx, &actor, id.0, who, now)?;
        if added {
            repo::touch(tx, id, now)?;
        }
        Ok(added)
    })
    .await
}

/// Removes observer `who` from ticket `id`: by a holder of `ticket_observer`, or by the
/// observer themselves.
pub async fn remove(db: &Db, actor: &Actor, id: TicketId, who: Who) -> Result<(), DomainError> {
    let myself = who == Who::User(actor.id().0);
    if !enabled(actor) || !(may_change(actor) || myself) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    run::write(db, move |tx| {
        let viewer = actor.viewer(tx)?;
        if myself && !may_change(&actor) {
            // Anyone may stop observing a ticket they see and observe.
            repo::get_visible(tx, &viewer, id)?.ok_or(DomainError::NotFound)?;
            if !observes(tx, id.0, actor.id().0)? {
                return Err(DomainError::Forbidden);
            }
        } else {
            actor.ticket_to_change(tx, &viewer, id)?;
        }
        let (user, group) = match who {
            Who::User(u) => (Some(u), None),
            Who::Group(g) => (None, Some(g)),
        };
        let removed = tx.execute(
            "DELETE FROM ticket_observers WHERE ticket_id = ?1 AND (user_id = ?2 OR group_id = ?3)",
            params![id.0, user, group],
        )?;
        if removed > 0 {
            let now = clock::now();
            thread::record(tx, id.0, actor.id().0, now, Event::ObserverRemoved(who))?;
            repo::touch(tx, id, now)?;
        }
        Ok(())
    })
    .await
}

/// Adds user `user` as an observer of `ticket` by `by` (a merge), without a thread entry of
/// its own (the merge's says it); nothing when they observe it already or it is full.
pub(super) fn add_quietly(
    tx: &Transaction<'_>,
    ticket: i64,
    user: i64,
    by: i64,
    now: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO ticket_observers (ticket_id, user_id, added_at, added_by)
         SELECT ?1, ?2, ?3, ?4
         WHERE (SELECT count(*) FROM ticket_observers WHERE ticket_id = ?1) < ?5",
        params![ticket, user, now, by, MAX_OBSERVERS as i64],
    )?;
    Ok(())
}

/// Copies the observers of ticket `from` to ticket `to` (a merge), leaving out those already
/// there and stopping at [`MAX_OBSERVERS`].
pub(super) fn copy(tx: &Transaction<'_>, from: i64, to: i64, now: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO ticket_observers (ticket_id, user_id, group_id, added_at, added_by)
         SELECT ?2, user_id, group_id, ?3, added_by FROM ticket_observers WHERE ticket_id = ?1
         LIMIT max(0, ?4 - (SELECT count(*) FROM ticket_observers WHERE ticket_id = ?2))",
        params![from, to, now, MAX_OBSERVERS as i64],
    )?;
    Ok(())
}
