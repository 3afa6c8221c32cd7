//! Merging a ticket into another (GestSup's `ticket_fusion`): the replies, mails and
//! attachments of the merged ticket move to the one it is merged into, its observers (and its
//! requester) follow that ticket, and the merged ticket is closed pointing to it. Both threads
//! and the requester's mail say so. One transaction; both tickets must be visible to the actor,
//! so a ticket of a company they do not see is "not found", like one that does not exist.

use rusqlite::{OptionalExtension, Transaction, params};

use super::repo::{self, TicketRow};
use super::thread::{self, Event};
use super::{
    Actor, apply_rules, cause, invalid, mark_after_change, observers, record_changes, states,
};
use crate::db::Db;
use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use crate::domain::tickets::mails::notify;
use crate::domain::users::choices::Who;
use crate::domain::{DomainError, clock, run};
use crate::i18n::msg;

/// The thread entries that move with a merge: what was said and sent, and the files.
const MOVED_KINDS: &str = "('text', 'mail', 'attachment', 'attachment_removed')";

/// The ticket `id` was merged into, if it was.
pub fn merged_into(conn: &rusqlite::Connection, id: i64) -> rusqlite::Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT merged_into_id FROM tickets WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}

/// Whether `actor` may merge tickets.
pub fn may_merge(actor: &Actor) -> bool {
    actor.has(right::TICKET_FUSION)
}

/// Merges ticket `source` into ticket `target` for `actor`.
pub async fn merge(
    db: &Db,
    actor: &Actor,
    source: TicketId,
    target: TicketId,
) -> Result<(), DomainError> {
    if !may_merge(actor) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    run::write(db, move |tx| {
        let viewer = actor.viewer(tx)?;
        let from = actor.ticket_to_change(tx, &viewer, source)?;
        if merged_into(tx, source.0)?.is_some() {
            return Err(DomainError::Conflict(msg("ticket-merge-already")));
        }
        if source == target {
            return Err(invalid("merge_target", msg("ticket-merge-same")));
        }
        let into = match actor.ticket_to_change(tx, &viewer, target) {
            Ok(row) => row,
            Err(DomainError::NotFound) => {
                return Err(invalid("merge_target", msg("ticket-merge-unknown")));
            }
            Err(e) => return Err(e),
        };
        if merged_into(tx, target.0)?.is_some() {
            return Err(invalid("merge_target", msg("ticket-merge-target-merged")));
        }
        merge_rows(tx, &actor, &from, &into)
    })
    .await
}

fn merge_rows(
    tx: &Transaction<'_>,
    actor: &Actor,
    from: &TicketRow,
    into: &TicketRow,
) -> Result<(), DomainError> {
    let (source, target, me, now) = (from.id.0, into.id.0, actor.id().0, clock::now());
    tx.execute(
        &format!(
            "UPDATE thread_entries SET ticket_id = ?2 WHERE ticket_id = ?1 AND kind IN {MOVED_KINDS}"
        ),
        params![source, target],
    )?;
    tx.execute(
        "UPDATE attachments SET ticket_id = ?2 WHERE ticket_id = ?1",
        params![source, target],
    )?;
    observers::copy(tx, source, target, now)?;
    // The merged ticket's requester follows the ticket their request now lives in.
    if let Some(Who::User(requester)) = from.values.requester
        && into.values.requester != Some(Who::User(requester))
        && observers::enabled(actor)
    {
        observers::add_quietly(tx, target, requester, me, now)?;
    }
    // The merged ticket: closed (resolved unless already closed), pointing to the other.
    let mut v = from.values.clone();
    if !states::is_closed(v.state_id) {
        v.state_id = states::RESOLVED;
    }
    apply_rules(Some(&from.values), &mut v, now);
    if !repo::update(tx, source, &v, from.version, now)? {
        return Err(DomainError::Conflict(msg("error-ticket-changed")));
    }
    tx.execute(
        "UPDATE tickets SET merged_into_id = ?2 WHERE id = ?1",
        params![source, target],
    )?;
    record_changes(tx, source, me, now, &from.values, &v)?;
    thread::record(tx, source, me, now, Event::MergedInto(target))?;
    thread::record(tx, target, me, now, Event::MergedFrom(source))?;
    super::validation::forget(tx, source)?;
    notify::after_change(
        tx,
        &actor.settings,
        &cause(actor),
        source,
        &notify::Change::Merged {
            after: &v,
            into: target,
        },
        now,
    )?;
    mark_after_change(tx, source, me, &v, now)?;
    repo::touch(tx, into.id, now)?;
    mark_after_change(tx, target, me, &into.values, now)?;
    Ok(())
}
