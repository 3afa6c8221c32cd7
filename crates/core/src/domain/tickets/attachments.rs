//! A ticket's files: linking uploads to a ticket (recorded in its thread), listing them,
//! downloading one (for whoever sees the ticket) and removing one. Storing and checking the
//! files themselves is [`crate::domain::files`]'s.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::db::Db;
use crate::domain::files::{Owner, Store, list_of, one_of, pending_within_limit};
use crate::domain::ids::{AttachmentId, TicketId};
use crate::domain::{DomainError, clock};

pub use crate::domain::files::{Attachment, pending};

use super::thread::{self, Event};
use super::visibility::Viewer;

/// Links the pending attachments `tokens` of `uploader` to `ticket`, within the per-ticket limit,
/// and records them in the thread.
pub fn link(
    tx: &Transaction<'_>,
    ticket: i64,
    uploader: i64,
    tokens: &[String],
    max_count: i64,
    now: i64,
) -> Result<Vec<Attachment>, DomainError> {
    let files = pending_within_limit(
        tx,
        Owner::Ticket(TicketId(ticket)),
        uploader,
        tokens,
        max_count,
    )?;
    for f in &files {
        tx.execute(
            "UPDATE attachments SET ticket_id = ?2, pending_token = NULL WHERE id = ?1",
            params![f.id, ticket],
        )?;
        thread::record(
            tx,
            ticket,
            uploader,
            now,
            Event::Attachment {
                name: f.filename.clone(),
            },
        )?;
    }
    Ok(files)
}

/// The attachments of `ticket`.
pub fn list(conn: &Connection, ticket: i64) -> rusqlite::Result<Vec<Attachment>> {
    list_of(conn, Owner::Ticket(TicketId(ticket)))
}

/// Attachment `id` of `ticket` and its storage name, if `viewer` may see the ticket.
pub fn for_download(
    conn: &Connection,
    viewer: &Viewer,
    ticket: TicketId,
    id: AttachmentId,
) -> rusqlite::Result<Option<(Attachment, String)>> {
    if !viewer.sees(conn, ticket)? {
        return Ok(None);
    }
    one_of(conn, Owner::Ticket(ticket), id)
}

/// Attachment `id` of ticket `ticket` and its stored name, for `actor` to download; not found
/// when they do not see the ticket.
pub async fn download(
    db: &Db,
    actor: &crate::domain::Actor,
    ticket: TicketId,
    id: AttachmentId,
) -> Result<(Attachment, String), DomainError> {
    let actor = actor.clone();
    crate::domain::run::read(db, move |c| {
        for_download(c, &actor.viewer(c)?, ticket, id)?.ok_or(DomainError::NotFound)
    })
    .await
}

/// Removes attachment `id` from `ticket`, records it in the thread, then deletes the file;
/// `allowed` is asked inside the write first.
pub async fn remove(
    db: &Db,
    store: &Store,
    ticket: i64,
    id: AttachmentId,
    by: i64,
    allowed: impl FnOnce(&Transaction<'_>) -> Result<(), DomainError> + Send + 'static,
) -> Result<(), DomainError> {
    let storage_name = db
        .write(move |tx| {
            allowed(tx)?;
            let (name, storage): (String, String) = tx
                .query_row(
                    "SELECT filename, storage_name FROM attachments WHERE id = ?1 AND ticket_id = ?2",
                    params![id, ticket],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or(DomainError::NotFound)?;
            tx.execute("DELETE FROM attachments WHERE id = ?1", [id])?;
            let now = clock::now();
            thread::record(tx, ticket, by, now, Event::AttachmentRemoved { name })?;
            super::repo::touch(tx, TicketId(ticket), now)?;
            Ok::<_, DomainError>(storage)
        })
        .await?;
    if let Err(e) = std::fs::remove_file(store.path(&storage_name)) {
        tracing::warn!("could not delete attachment file {storage_name}: {e}");
    }
    Ok(())
}
