//! Actions on many tickets at once from a list (GestSup's `task_checkbox`): mark read or unread,
//! change the state, the technician or the priority, delete (`ticket_delete`). Each ticket goes
//! through the rules of a change to one ticket (visibility, field rights, checks, automatic
//! moves, thread events, automatic mails), all in one transaction; a ticket that is refused
//! (not visible, not allowed, not valid) is left as it was, with why, and the others are done.

use rusqlite::Transaction;
use std::sync::Arc;

use super::fields::{Access, Field, Form};
use super::repo;
use super::{
    Actor, apply_rules, checks, mark_after_change, notify_saved, record_changes, validation,
};
use crate::db::Db;
use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use crate::domain::users::choices::Who;
use crate::domain::{DomainError, clock, run};
use crate::i18n::{Msg, msg};

/// The most tickets one action takes (a selection, or every ticket of a view).
pub const MAX_TICKETS: usize = 5_000;

/// What to do to every selected ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    MarkRead,
    MarkUnread,
    State(i64),
    /// A technician or technician group, or nobody.
    Assign(Option<Who>),
    Priority(Option<i64>),
    Delete,
}

/// What an action did.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub done: Vec<TicketId>,
    /// Tickets left as they were, with why.
    pub refused: Vec<(TicketId, Msg)>,
}

/// What the actions offer `actor`: only what they may change on one ticket.
#[derive(Debug, Clone, Default)]
pub struct Offer {
    pub states: Vec<(i64, String)>,
    pub technicians: Vec<crate::domain::users::choices::Choice>,
    pub priorities: Vec<(i64, String)>,
    pub delete: bool,
}

/// What the actions offer one actor depends on, taken from the actor before a list is read,
/// so that the offer is read in the same database call as the list ([`Offering::read`]).
#[derive(Debug, Clone)]
pub struct Offering {
    access: Access,
    profiles: Vec<crate::domain::profiles::Profile>,
    lang: crate::i18n::Lang,
    delete: bool,
    /// Everything the offer depends on besides the reference tables.
    key: String,
}

impl Offering {
    /// What `actor` may be offered, in `lang`.
    pub fn of(actor: &Actor, lang: crate::i18n::Lang) -> Self {
        let access = Access::compute(&actor.rights, &actor.settings, Form::Existing);
        let profiles = access.technicians.profiles();
        let delete = actor.has(right::TICKET_DELETE);
        let editable =
            [Field::State, Field::Priority, Field::Technician].map(|f| access.editable(f));
        Offering {
            key: format!("bulk offer {lang:?} {profiles:?} {editable:?} {delete}"),
            access,
            profiles,
            lang,
            delete,
        }
    }

    /// The offer: kept with the reference tables it is read from until they change.
    pub fn read(
        &self,
        c: &rusqlite::Connection,
        memo: &crate::db::Memo,
    ) -> rusqlite::Result<Arc<Offer>> {
        use crate::domain::lists;
        let Offering {
            access,
            profiles,
            lang,
            delete,
            key,
        } = self;
        let delete = *delete;
        memo.get(c, key, |c| {
            let list = |name: &str, field: Field| -> rusqlite::Result<Vec<(i64, String)>> {
                match lists::find(name) {
                    Some(def) if access.editable(field) => lists::repo::choices(c, def, *lang, &[]),
                    _ => Ok(Vec::new()),
                }
            };
            Ok::<_, rusqlite::Error>(Offer {
                states: list("states", Field::State)?,
                priorities: list("priorities", Field::Priority)?,
                technicians: if access.editable(Field::Technician) {
                    crate::domain::users::choices::technicians_among(c, profiles)?
                } else {
                    Vec::new()
                },
                delete,
            })
        })
    }
}

/// Whether `actor` may act on several tickets at once.
pub fn may_bulk(actor: &Actor) -> bool {
    actor.has(right::TASK_CHECKBOX)
}

/// Applies `action` to `ids` (duplicates counted once) for `actor`.
pub async fn apply(
    db: &Db,
    actor: &Actor,
    ids: Vec<TicketId>,
    action: Action,
) -> Result<Outcome, DomainError> {
    if !may_bulk(actor) || (action == Action::Delete && !actor.has(right::TICKET_DELETE)) {
        return Err(DomainError::Forbidden);
    }
    let mut ids = ids;
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    if ids.len() > MAX_TICKETS {
        return Err(DomainError::Conflict(
            msg("bulk-too-many").arg("max", MAX_TICKETS),
        ));
    }
    let actor = actor.clone();
    run::write(db, move |tx| {
        let access = Access::compute(&actor.rights, &actor.settings, Form::Existing);
        let viewer = actor.viewer(tx)?;
        let mut outcome = Outcome::default();
        for id in ids {
            // Each ticket in its own savepoint: a refusal undoes that ticket's writes only.
            tx.execute_batch("SAVEPOINT bulk_ticket")?;
            match one(tx, &actor, &access, &viewer, id, action) {
                Ok(()) => {
                    tx.execute_batch("RELEASE bulk_ticket")?;
                    outcome.done.push(id);
                }
                Err(e) => {
                    tx.execute_batch("ROLLBACK TO bulk_ticket; RELEASE bulk_ticket")?;
                    let why = match e {
                        DomainError::NotFound => msg("bulk-not-found"),
                        DomainError::Forbidden => msg("bulk-forbidden"),
                        DomainError::Invalid(errors) => errors
                            .0
                            .into_iter()
                            .next()
                            .map_or_else(|| msg("bulk-invalid"), |(_, m)| m),
                        DomainError::Conflict(m) => m,
                        other => return Err(other),
                    };
                    outcome.refused.push((id, why));
                }
            }
        }
        Ok(outcome)
    })
    .await
}

fn one(
    tx: &Transaction<'_>,
    actor: &Actor,
    access: &Access,
    viewer: &super::visibility::Viewer,
    id: TicketId,
    action: Action,
) -> Result<(), DomainError> {
    let current = actor.ticket_to_change(tx, viewer, id)?;
    let (me, now) = (actor.id().0, clock::now());
    let mut v = current.values.clone();
    let field = match action {
        Action::MarkRead | Action::MarkUnread => {
            let read = action == Action::MarkRead;
            if actor.is_technician() {
                repo::set_tech_read(tx, id.0, read, now)?;
            } else if current.values.requester == Some(Who::User(me)) {
                repo::set_user_read(tx, id.0, read)?;
            } else {
                return Err(DomainError::Forbidden);
            }
            return Ok(());
        }
        Action::Delete => {
            repo::soft_delete(tx, id, now)?;
            return Ok(());
        }
        Action::State(s) => {
            v.state_id = s;
            Field::State
        }
        Action::Assign(who) => {
            v.technician = who;
            Field::Technician
        }
        Action::Priority(p) => {
            v.priority_id = p;
            Field::Priority
        }
    };
    if !access.editable(field) {
        return Err(DomainError::Forbidden);
    }
    if v == current.values {
        return Ok(());
    }
    checks::check_for(tx, actor, &v, &current.values, access)?.into_result()?;
    apply_rules(Some(&current.values), &mut v, now);
    if !repo::update(tx, id.0, &v, current.version, now)? {
        return Err(DomainError::Conflict(msg("error-ticket-changed")));
    }
    record_changes(tx, id.0, me, now, &current.values, &v)?;
    validation::after_save(tx, actor, id.0, (&current.values, &v), now)?;
    notify_saved(tx, actor, id.0, (&current.values, &v), None, now)?;
    mark_after_change(tx, id.0, me, &v, now)?;
    Ok(())
}
