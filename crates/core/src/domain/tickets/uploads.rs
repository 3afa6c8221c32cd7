//! Files of a ticket: room left for uploads, removing one, linking uploads to a save, and
//! pictures pasted or dropped into a reply or the description.

use super::*;
use crate::domain::ids::TicketId;

/// How many new files a ticket form of `actor` may bring: for a new ticket (`ticket` none) or
/// for ticket `ticket`, which they must see (else "not found"). `None` without
/// `ticket_attachment`; else the per-ticket limit less the files the ticket has.
pub fn upload_room(
    conn: &rusqlite::Connection,
    actor: &Actor,
    ticket: Option<i64>,
) -> Result<Option<i64>, DomainError> {
    let existing = match ticket {
        Some(id) => {
            if !actor.viewer(conn)?.sees(conn, TicketId(id))? {
                return Err(DomainError::NotFound);
            }
            attachments::list(conn, id)?.len() as i64
        }
        None => 0,
    };
    if !actor.rights.has(right::TICKET_ATTACHMENT) {
        return Ok(None);
    }
    Ok(Some((actor.max_attachments() - existing).max(0)))
}

/// Removes attachment `id` from ticket `ticket`: `actor` must hold `ticket_attachment_delete`
/// and see the ticket when the removal is written.
pub async fn remove_attachment(
    db: &Db,
    store: &crate::domain::files::Store,
    actor: &Actor,
    ticket: TicketId,
    id: crate::domain::ids::AttachmentId,
) -> Result<(), DomainError> {
    if !actor.rights.has(right::TICKET_ATTACHMENT_DELETE) {
        return Err(DomainError::Forbidden);
    }
    let who = actor.clone();
    attachments::remove(db, store, ticket.0, id, actor.user.id.0, move |tx| {
        if who.viewer(tx)?.sees(tx, ticket)? {
            Ok(())
        } else {
            Err(DomainError::NotFound)
        }
    })
    .await
}

/// Links the actor's uploads to a ticket, when their profile may attach files.
pub(super) fn link_uploads(
    tx: &Transaction<'_>,
    actor: &Actor,
    ticket: i64,
    uploads: &[String],
    now: i64,
) -> Result<(), DomainError> {
    if uploads.is_empty() {
        return Ok(());
    }
    if !actor.rights.has(right::TICKET_ATTACHMENT) {
        return Err(DomainError::Forbidden);
    }
    attachments::link(
        tx,
        ticket,
        actor.user.id.0,
        uploads,
        actor.max_attachments(),
        now,
    )
    .map(drop)
}

/// Where a picture is pasted: a reply, or the description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteTarget {
    Reply,
    Description,
}

impl PasteTarget {
    /// The right that lets pictures into that text (GestSup's names).
    pub fn right(self) -> crate::domain::rights::Right {
        use crate::domain::rights::names;
        match self {
            PasteTarget::Reply => names::TICKET_RESOLUTION_INSERT_IMAGE,
            PasteTarget::Description => names::TICKET_DESCRIPTION_INSERT_IMAGE,
        }
    }
}

/// Whether `actor` may paste pictures into `target` of a ticket.
pub fn may_paste(actor: &Actor, target: PasteTarget) -> bool {
    actor.rights.has(right::TICKET_ATTACHMENT)
        && actor.rights.has(target.right())
        && match target {
            PasteTarget::Reply => actor.may_reply(),
            PasteTarget::Description => {
                Access::compute(&actor.rights, &actor.settings, Form::Existing)
                    .editable(Field::Description)
            }
        }
}

/// Attaches pictures pasted or dropped into a text of ticket `id` at once, so that the text can
/// show them: the ticket must be visible when they are linked, and each must be a picture.
/// Returns them as attached.
pub async fn attach_pictures(
    db: &Db,
    actor: &Actor,
    id: TicketId,
    target: PasteTarget,
    uploads: Vec<String>,
) -> Result<Vec<attachments::Attachment>, DomainError> {
    if !may_paste(actor, target) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    db.write(move |tx| {
        let me = actor.user.id.0;
        if !actor.viewer(tx)?.sees(tx, id)? {
            return Err(DomainError::NotFound);
        }
        let files = attachments::pending(tx, me, &uploads)?;
        if files
            .iter()
            .any(|f| !crate::domain::files::INLINE_IMAGE_TYPES.contains(&f.content_type.as_str()))
        {
            return Err(invalid("attachments", msg("error-paste-not-picture")));
        }
        attachments::link(
            tx,
            id.0,
            me,
            &uploads,
            actor.max_attachments(),
            clock::now(),
        )
    })
    .await
}
