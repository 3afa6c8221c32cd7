//! A procedure's files: uploads checked and stored like ticket attachments (same store, same
//! checks, same backups), linked to the procedure instead of a ticket.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::db::Db;
use crate::domain::DomainError;
use crate::domain::files::{self, Attachment, Owner, Store};

use super::{ProcedureId, Reader};
use crate::domain::ids::AttachmentId;

/// Links the pending uploads `tokens` of `uploader` to `procedure`, within `max_count` files
/// per procedure.
pub fn link(
    tx: &Transaction<'_>,
    procedure: ProcedureId,
    uploader: i64,
    tokens: &[String],
    max_count: i64,
) -> Result<(), DomainError> {
    let files =
        files::pending_within_limit(tx, Owner::Procedure(procedure), uploader, tokens, max_count)?;
    for f in files {
        tx.execute(
            "UPDATE attachments SET procedure_id = ?2, pending_token = NULL WHERE id = ?1",
            params![f.id, procedure],
        )?;
    }
    Ok(())
}

/// How many new files a procedure form may bring: `max_count` for a new procedure, else what
/// procedure `procedure` (which `reader` must see, else "not found") has room for.
pub fn room(
    conn: &Connection,
    reader: &Reader,
    procedure: Option<ProcedureId>,
    max_count: i64,
) -> Result<i64, DomainError> {
    let existing = match procedure {
        Some(id) => {
            if super::repo::get_visible(conn, reader, id)?.is_none() {
                return Err(DomainError::NotFound);
            }
            list(conn, id)?.len() as i64
        }
        None => 0,
    };
    Ok((max_count - existing).max(0))
}

/// The files of `procedure`.
pub fn list(conn: &Connection, procedure: ProcedureId) -> rusqlite::Result<Vec<Attachment>> {
    files::list_of(conn, Owner::Procedure(procedure))
}

/// File `id` of `procedure` and its storage name, if `reader` sees the procedure.
pub fn for_download(
    conn: &Connection,
    reader: &Reader,
    procedure: ProcedureId,
    id: AttachmentId,
) -> rusqlite::Result<Option<(Attachment, String)>> {
    if super::repo::get_visible(conn, reader, procedure)?.is_none() {
        return Ok(None);
    }
    files::one_of(conn, Owner::Procedure(procedure), id)
}

/// Removes file `id` from `procedure` (visible to `reader`), then deletes it from the store.
pub async fn remove(
    db: &Db,
    store: &Store,
    reader: Reader,
    procedure: ProcedureId,
    id: AttachmentId,
) -> Result<(), DomainError> {
    let storage = db
        .write(move |tx| {
            super::repo::get_visible(tx, &reader, procedure)?.ok_or(DomainError::NotFound)?;
            let storage: String = tx
                .query_row(
                    "SELECT storage_name FROM attachments WHERE id = ?1 AND procedure_id = ?2",
                    params![id, procedure],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(DomainError::NotFound)?;
            tx.execute("DELETE FROM attachments WHERE id = ?1", [id])?;
            tx.execute(
                "UPDATE procedures SET version = version + 1 WHERE id = ?1",
                [procedure],
            )?;
            Ok::<_, DomainError>(storage)
        })
        .await?;
    delete_files(store, &[storage]);
    Ok(())
}

/// Deletes stored files (after their rows are gone); a failure is logged, and the next start's
/// reconciliation removes what is left.
pub fn delete_files(store: &Store, names: &[String]) {
    for n in names {
        if let Err(e) = std::fs::remove_file(store.path(n)) {
            tracing::warn!("could not delete attachment file {n}: {e}");
        }
    }
}
