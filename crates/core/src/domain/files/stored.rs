//! Stored files: received, checked by name and by content (and archives by what they would
//! unpack to), kept under the data directory with generated names (never the sender's), listed
//! by owner, and kept in agreement with their rows.
//!
//! An upload first becomes a *pending* file (no owner yet, a random token) so that a form that
//! comes back with errors keeps its files; saving the form links them to their owner.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::domain::{DomainError, FieldErrors, clock, token};
use crate::i18n::{Msg, msg};

use super::Owner;
use super::checks::{SNIFF_BYTES, check_content, check_name, content_type_for};
use crate::domain::ids::AttachmentId;

/// Where attachment files live.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// The store under `dir` (the data directory's `attachments` folder).
    pub fn new(dir: &Path) -> Store {
        Store {
            root: dir.to_owned(),
        }
    }

    /// A fresh path for an upload being received.
    pub fn temp_path(&self) -> std::io::Result<PathBuf> {
        let dir = self.root.join("tmp");
        std::fs::create_dir_all(&dir)?;
        Ok(dir.join(token::random_hex(16)))
    }

    /// The file of a stored attachment.
    pub fn path(&self, storage_name: &str) -> PathBuf {
        self.root.join(storage_name)
    }
}

/// An attachment as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: AttachmentId,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    /// Set while the upload waits for its form.
    pub pending_token: Option<String>,
}

pub(crate) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        filename: r.get(1)?,
        content_type: r.get(2)?,
        size: r.get(3)?,
        pending_token: r.get(4)?,
    })
}

pub(crate) const COLUMNS: &str = "id, filename, content_type, size, pending_token";

/// How many bytes one user's uploads waiting for their form may take: twice what one form may
/// bring (between 16 MB and 1 GB).
pub fn pending_quota(settings: &crate::domain::settings::Settings) -> i64 {
    use crate::domain::settings::{ATTACHMENT_MAX_COUNT, ATTACHMENT_MAX_MB};
    let one_form =
        settings.number(ATTACHMENT_MAX_MB).max(1) * settings.number(ATTACHMENT_MAX_COUNT).max(1);
    (2 * one_form).clamp(16, 1024) * 1024 * 1024
}

/// Bytes taken by the uploads of `uploader` that wait for their form.
pub fn pending_bytes(conn: &Connection, uploader: i64) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "SELECT COALESCE(sum(size), 0) FROM attachments
         WHERE uploaded_by = ?1 AND ticket_id IS NULL AND procedure_id IS NULL",
    )?
    .query_row([uploader], |r| r.get(0))
}

/// Turns a received file into a pending attachment of `uploader`: checks its name and content,
/// hashes it and moves it under a generated name, refused when the uploads of `uploader`
/// waiting for their form would take more than `quota` bytes. The received file is gone
/// afterwards.
pub async fn accept(
    db: &Db,
    store: &Store,
    received: PathBuf,
    sent_name: &str,
    uploader: i64,
    quota: i64,
) -> Result<Attachment, DomainError> {
    let invalid = |m: Msg| {
        let mut errors = FieldErrors::new();
        errors.add("attachments", m);
        DomainError::Invalid(errors)
    };
    let name = match check_name(sent_name) {
        Ok(n) => n,
        Err(m) => {
            let _ = std::fs::remove_file(&received);
            return Err(invalid(
                m.arg("name", crate::domain::text::visible(sent_name)),
            ));
        }
    };
    let into = store.clone();
    let checked = tokio::task::spawn_blocking(move || {
        keep_checked(&into, &received).map(|k| (k.storage_name, k.size, k.sha256))
    })
    .await
    .map_err(|e| DomainError::Storage(crate::db::DbError::Task(e.to_string())))?;
    let (storage_name, size, digest) = checked.map_err(|m| invalid(m.arg("name", &name)))?;
    let content_type = content_type_for(&name);
    let pending = token::random_hex(16);
    let stored = store.path(&storage_name);
    let written = db
        .write(move |tx| {
        if pending_bytes(tx, uploader)? + size > quota {
            return Ok(Err(msg("error-attachment-pending-full").arg("max", quota / 1024 / 1024)));
        }
        tx.execute(
            "INSERT INTO attachments (storage_name, filename, content_type, size, sha256, uploaded_by,
                                      uploaded_at, pending_token)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![storage_name, name, content_type, size, digest, uploader, clock::now(), pending],
        )?;
        Ok::<_, DomainError>(Ok(Attachment {
            id: AttachmentId(tx.last_insert_rowid()),
            filename: name,
            content_type,
            size,
            pending_token: Some(pending),
        }))
    })
    .await;
    match written {
        Ok(Ok(a)) => Ok(a),
        Ok(Err(m)) => {
            let _ = std::fs::remove_file(&stored);
            Err(invalid(m))
        }
        Err(e) => {
            let _ = std::fs::remove_file(&stored);
            Err(e)
        }
    }
}

/// A received file checked and kept under a generated name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub storage_name: String,
    pub size: i64,
    pub sha256: String,
}

/// Checks the file at `received` by its content (and an archive by what it would unpack to),
/// hashes it and moves it under a generated name in `store`. Blocking; the file is gone
/// afterwards, kept or refused. Its row is the caller's to write: a crash before that leaves
/// at most a file without a row, which the next start removes.
pub fn keep_checked(store: &Store, received: &Path) -> Result<Kept, Msg> {
    let refuse = |m: Msg| {
        let _ = std::fs::remove_file(received);
        m
    };
    let mut file =
        std::fs::File::open(received).map_err(|_| refuse(msg("error-attachment-read")))?;
    let mut head = vec![0u8; SNIFF_BYTES];
    let n = file
        .read(&mut head)
        .map_err(|_| refuse(msg("error-attachment-read")))?;
    head.truncate(n);
    check_content(&head).map_err(refuse)?;
    let mut hasher = Sha256::new();
    hasher.update(&head);
    let mut size = n as i64;
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|_| refuse(msg("error-attachment-read")))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        size += n as i64;
    }
    archive_check(received).map_err(refuse)?;
    let sha256: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    // (Some systems refuse to flush a file opened for reading; the rename still happens.)
    let _ = file.sync_all();
    let token = token::random_hex(16);
    let storage_name = format!("{}/{}", &token[..2], token);
    let target = store.path(&storage_name);
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).map_err(|_| refuse(msg("error-attachment-read")))?;
    }
    std::fs::rename(received, &target).map_err(|_| refuse(msg("error-attachment-read")))?;
    Ok(Kept {
        storage_name,
        size,
        sha256,
    })
}

/// Refuses an archive that would unpack to far more than it weighs, and a file that cannot be
/// read to the end to tell: an I/O error refuses the file rather than letting it through.
fn archive_check(path: &Path) -> Result<(), Msg> {
    match super::bombs::is_bomb(path) {
        Ok(false) => Ok(()),
        Ok(true) => Err(msg("error-attachment-bomb")),
        Err(e) => {
            tracing::warn!("could not check {}: {e}", path.display());
            Err(msg("error-attachment-read"))
        }
    }
}

/// The pending attachments of `uploader` among `tokens`.
pub fn pending(
    conn: &Connection,
    uploader: i64,
    tokens: &[String],
) -> rusqlite::Result<Vec<Attachment>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE pending_token = ?1 AND uploaded_by = ?2 AND ticket_id IS NULL AND procedure_id IS NULL"
    ))?;
    for t in tokens {
        if let Some(a) = stmt.query_row(params![t, uploader], from_row).optional()? {
            out.push(a);
        }
    }
    Ok(out)
}

/// The pending attachments `tokens` of `uploader`, to be linked to `owner`, refused when that
/// would make more than `max_count` files there.
pub fn pending_within_limit(
    tx: &Transaction<'_>,
    owner: Owner,
    uploader: i64,
    tokens: &[String],
    max_count: i64,
) -> Result<Vec<Attachment>, DomainError> {
    let files = pending(tx, uploader, tokens)?;
    if files.is_empty() {
        return Ok(files);
    }
    let existing: i64 = tx.query_row(
        &format!(
            "SELECT count(*) FROM attachments WHERE {} = ?1",
            owner.column()
        ),
        [owner.id()],
        |r| r.get(0),
    )?;
    if existing + files.len() as i64 > max_count {
        let mut errors = FieldErrors::new();
        errors.add(
            "attachments",
            msg("error-attachment-count").arg("max", max_count),
        );
        return Err(DomainError::Invalid(errors));
    }
    Ok(files)
}

/// Types of pictures a page may show inline (pasted or dropped into a text).
pub const INLINE_IMAGE_TYPES: &[&str] = &["image/png", "image/jpeg", "image/gif", "image/webp"];

/// The files of `owner`.
pub fn list_of(conn: &Connection, owner: Owner) -> rusqlite::Result<Vec<Attachment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE {} = ?1 ORDER BY id",
        owner.column()
    ))?;
    let rows = stmt.query_map([owner.id()], from_row)?;
    rows.collect()
}

/// File `id` if it belongs to `owner`, with its storage name.
pub fn one_of(
    conn: &Connection,
    owner: Owner,
    id: AttachmentId,
) -> rusqlite::Result<Option<(Attachment, String)>> {
    conn.query_row(
        &format!(
            "SELECT {COLUMNS}, storage_name FROM attachments WHERE id = ?1 AND {} = ?2",
            owner.column()
        ),
        params![id, owner.id()],
        |r| Ok((from_row(r)?, r.get(5)?)),
    )
    .optional()
}

/// Deletes pending uploads older than `max_age_secs` (forms never saved) and files in `tmp/`
/// older than `temp_max_age_secs` (received by a request that never finished); returns how
/// many pending uploads went.
pub async fn purge_stale(
    db: &Db,
    store: &Store,
    max_age_secs: i64,
    temp_max_age_secs: i64,
) -> Result<usize, DomainError> {
    let before = clock::now() - max_age_secs;
    let names: Vec<String> = db
        .write(move |tx| {
            let names: Vec<String> = tx
                .prepare("SELECT storage_name FROM attachments WHERE ticket_id IS NULL AND procedure_id IS NULL AND uploaded_at < ?1")?
                .query_map([before], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            tx.execute("DELETE FROM attachments WHERE ticket_id IS NULL AND procedure_id IS NULL AND uploaded_at < ?1", [before])?;
            Ok::<_, DomainError>(names)
        })
        .await?;
    for n in &names {
        let _ = std::fs::remove_file(store.path(n));
    }
    if let Ok(entries) = std::fs::read_dir(store.root.join("tmp")) {
        for e in entries.flatten() {
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| m.elapsed().ok());
            if old.is_some_and(|age| age.as_secs() as i64 > temp_max_age_secs) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(names.len())
}

/// What [`reconcile`] found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Files no row refers to, removed.
    pub stray_files: usize,
    /// Rows whose file is gone, removed.
    pub lost_rows: usize,
}

/// Makes the store and the table agree after a crash: files without a row (written just before
/// the process died) are removed, and rows whose file is missing are removed with a warning.
/// Pending uploads in `tmp/` are left to [`purge_stale`].
pub async fn reconcile(db: &Db, store: &Store) -> Result<Reconciled, DomainError> {
    let known: std::collections::HashSet<String> = db
        .read(|c| {
            let mut stmt = c.prepare("SELECT storage_name FROM attachments")?;
            let names = stmt
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok::<_, DomainError>(names)
        })
        .await?;
    let root = store.root.clone();
    let on_disk: Vec<String> = tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        let Ok(dirs) = std::fs::read_dir(&root) else {
            return out;
        };
        for dir in dirs.flatten() {
            let folder = dir.file_name().to_string_lossy().into_owned();
            if folder == "tmp" || !dir.path().is_dir() {
                continue;
            }
            if let Ok(files) = std::fs::read_dir(dir.path()) {
                for f in files.flatten() {
                    out.push(format!("{folder}/{}", f.file_name().to_string_lossy()));
                }
            }
        }
        out
    })
    .await
    .map_err(|e| DomainError::Storage(crate::db::DbError::Task(e.to_string())))?;
    let mut done = Reconciled::default();
    for name in &on_disk {
        if !known.contains(name) && std::fs::remove_file(store.path(name)).is_ok() {
            tracing::warn!("removed attachment file {name}: no attachment refers to it");
            done.stray_files += 1;
        }
    }
    let present: std::collections::HashSet<&String> = on_disk.iter().collect();
    let lost: Vec<String> = known
        .iter()
        .filter(|n| !present.contains(n))
        .cloned()
        .collect();
    if !lost.is_empty() {
        done.lost_rows = lost.len();
        db.write(move |tx| {
            for name in &lost {
                tracing::warn!("attachment {name} has no file any more; its record is removed");
                tx.execute("DELETE FROM attachments WHERE storage_name = ?1", [name])?;
            }
            Ok::<_, DomainError>(())
        })
        .await?;
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_checked_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let gone = dir.path().join("gone.zip");
        assert_eq!(
            archive_check(&gone).map_err(|m| m.key),
            Err("error-attachment-read")
        );
        let plain = dir.path().join("notes.txt");
        std::fs::write(&plain, b"plain text").expect("write");
        assert_eq!(archive_check(&plain).map_err(|m| m.key), Ok(()));
    }
}
