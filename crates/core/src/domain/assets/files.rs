//! An asset's files (invoices, photos, manuals): uploads checked and stored like every other
//! attachment (same store, checks, limits and backups), linked to the asset, listed on its
//! sheet, served as attachments to whoever sees the asset, added and removed by those who may
//! change it; each addition and removal is noted in its history.

use rusqlite::{OptionalExtension, params};

use crate::db::Db;
use crate::domain::files::{self, Attachment, Owner, Store};
use crate::domain::ids::AttachmentId;
use crate::domain::{Actor, DomainError, clock, run, settings};

use super::history::{self, What};
use super::{AssetId, Reader, repo};

/// The files of `asset`.
pub fn list(conn: &rusqlite::Connection, asset: AssetId) -> rusqlite::Result<Vec<Attachment>> {
    files::list_of(conn, Owner::Asset(asset))
}

/// How many more files asset `id` may hold; not found when `actor` does not see it, forbidden
/// when they may not change it. Asked before a form's files are read.
pub async fn room(db: &Db, actor: &Actor, id: AssetId) -> Result<i64, DomainError> {
    let actor = actor.clone();
    let max = actor.settings.number(settings::ATTACHMENT_MAX_COUNT);
    run::read(db, move |c| {
        super::use_cases::for_change(c, &actor, id)?;
        let held = i64::try_from(list(c, id)?.len()).unwrap_or(i64::MAX);
        Ok((max - held).max(0))
    })
    .await
}

/// Links the pending uploads `tokens` of `actor` to asset `id`, within the per-owner limit,
/// and notes each file in the history.
pub async fn add(
    db: &Db,
    actor: &Actor,
    id: AssetId,
    tokens: Vec<String>,
) -> Result<(), DomainError> {
    let actor = actor.clone();
    let me = actor.id().0;
    let max = actor.settings.number(settings::ATTACHMENT_MAX_COUNT);
    run::write(db, move |tx| {
        super::use_cases::for_change(tx, &actor, id)?;
        let now = clock::now();
        for f in files::pending_within_limit(tx, Owner::Asset(id), me, &tokens, max)? {
            tx.execute(
                "UPDATE attachments SET asset_id = ?2, pending_token = NULL WHERE id = ?1",
                params![f.id, id],
            )?;
            history::record(
                tx,
                id,
                me,
                now,
                &What::Changed {
                    field: "files".to_owned(),
                    old: String::new(),
                    new: f.filename,
                },
            )?;
        }
        Ok(())
    })
    .await
}

/// File `file` of asset `id` and its storage name, if `actor` sees the asset.
pub async fn download(
    db: &Db,
    actor: &Actor,
    id: AssetId,
    file: AttachmentId,
) -> Result<(Attachment, String), DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        let reader = Reader::of(c, &actor)?;
        repo::get_visible(c, &reader, id)?.ok_or(DomainError::NotFound)?;
        files::one_of(c, Owner::Asset(id), file)?.ok_or(DomainError::NotFound)
    })
    .await
}

/// Removes file `file` from asset `id` (which `actor` sees and may change), notes it in the
/// history, then deletes it from the store.
pub async fn remove(
    db: &Db,
    store: &Store,
    actor: &Actor,
    id: AssetId,
    file: AttachmentId,
) -> Result<(), DomainError> {
    let actor = actor.clone();
    let me = actor.id().0;
    let storage = run::write(db, move |tx| {
        super::use_cases::for_change(tx, &actor, id)?;
        let (storage, name): (String, String) = tx
            .query_row(
                "SELECT storage_name, filename FROM attachments WHERE id = ?1 AND asset_id = ?2",
                params![file, id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(DomainError::NotFound)?;
        tx.execute("DELETE FROM attachments WHERE id = ?1", [file])?;
        history::record(
            tx,
            id,
            me,
            clock::now(),
            &What::Changed {
                field: "files".to_owned(),
                old: name,
                new: String::new(),
            },
        )?;
        Ok(storage)
    })
    .await?;
    if let Err(e) = std::fs::remove_file(store.path(&storage)) {
        tracing::warn!("could not delete attachment file {storage}: {e}");
    }
    Ok(())
}
