//! Reopening a closed ticket: by its requester refusing the resolution (requester validation),
//! or with the reopen button (`ticket_reopen`). Both put it back in progress (unassigned when it
//! has no technician), forget its resolution date and any pending validation, and say so in the
//! thread and by mail, in the transaction of the change.

use rusqlite::Transaction;

use super::repo::{self, TicketRow};
use super::{Actor, apply_rules, mark_after_change, notify_saved, record_changes, states};
use crate::db::Db;
use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use crate::domain::{DomainError, clock, run};
use crate::i18n::msg;

/// Reopens `current` (read in this transaction) for `actor`.
pub(super) fn reopen_row(
    tx: &Transaction<'_>,
    actor: &Actor,
    current: &TicketRow,
) -> Result<(), DomainError> {
    let (id, me, now) = (current.id.0, actor.id().0, clock::now());
    let mut v = current.values.clone();
    v.state_id = if v.technician.is_some() {
        states::IN_PROGRESS
    } else {
        states::UNASSIGNED
    };
    v.resolved_at = None;
    apply_rules(Some(&current.values), &mut v, now);
    if !repo::update(tx, id, &v, current.version, now)? {
        return Err(DomainError::Conflict(msg("error-ticket-changed")));
    }
    record_changes(tx, id, me, now, &current.values, &v)?;
    super::validation::forget(tx, id)?;
    notify_saved(tx, actor, id, (&current.values, &v), None, now)?;
    mark_after_change(tx, id, me, &v, now)?;
    Ok(())
}

/// The reopen button: ticket `id`, which `actor` sees and which is closed, is reopened.
pub async fn reopen(db: &Db, actor: &Actor, id: TicketId) -> Result<(), DomainError> {
    if !actor.has(right::TICKET_REOPEN) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    run::write(db, move |tx| {
        let viewer = actor.viewer(tx)?;
        let current = actor.ticket_to_change(tx, &viewer, id)?;
        if !states::is_closed(current.values.state_id) {
            return Err(DomainError::Conflict(msg("ticket-reopen-not-closed")));
        }
        reopen_row(tx, &actor, &current)
    })
    .await
}
