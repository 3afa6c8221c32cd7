//! Pictures of asset models (GestSup's model image): a PNG, JPEG or WebP picture checked from
//! its own bytes (never SVG, which can carry scripts), kept as one file per model in the data
//! folder's `model-pictures/`, shown on the sheets of the model's assets. Those who may manage
//! the models list add and remove them; those who see assets see them.

use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;

use crate::db::Db;
use crate::domain::branding::{self, ImageKind};
use crate::domain::rights::names as right;
use crate::domain::{Actor, DomainError, FieldErrors, clock, lists, run};
use crate::i18n::msg;

/// The largest picture accepted.
pub const MAX_BYTES: usize = 1024 * 1024;
/// The form field of the picture.
pub const FIELD: &str = "picture";

/// Where the pictures live in data folder `data_dir`.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("model-pictures")
}

fn path(data_dir: &Path, model: i64) -> PathBuf {
    folder(data_dir).join(model.to_string())
}

/// Refused unless `actor` may manage the models list.
fn may_manage(actor: &Actor) -> Result<(), DomainError> {
    let def = lists::find("asset-models").ok_or(DomainError::NotFound)?;
    if def.manageable_with(|r| actor.has(r)) {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// Why `bytes` cannot be a model's picture, as a form error.
fn check(bytes: &[u8]) -> Result<(), DomainError> {
    let why = if bytes.len() > MAX_BYTES {
        Some(msg("asset-picture-size").arg("max", MAX_BYTES / 1024))
    } else {
        match branding::inspect(bytes) {
            None => Some(msg("asset-picture-type")),
            Some(p) if !branding::sensible_size(p.width, p.height) => {
                Some(msg("asset-picture-dimensions").arg("max", branding::MAX_PICTURE_SIDE))
            }
            Some(_) => None,
        }
    };
    match why {
        Some(m) => {
            let mut errors = FieldErrors::new();
            errors.add(FIELD, m);
            Err(DomainError::Invalid(errors))
        }
        None => Ok(()),
    }
}

/// The version of model `model`'s picture (changes with each new one), none without one.
pub fn version(conn: &rusqlite::Connection, model: i64) -> rusqlite::Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT image FROM asset_models WHERE id = ?1")?
        .query_row([model], |r| r.get::<_, String>(0))
        .optional()?
        .filter(|v| !v.is_empty()))
}

/// The version of model `model`'s picture, for its edit page.
pub async fn current(db: &Db, actor: &Actor, model: i64) -> Result<Option<String>, DomainError> {
    may_manage(actor)?;
    run::read(db, move |c| Ok(version(c, model)?)).await
}

/// Gives model `model` the picture `bytes`, replacing any earlier one.
pub async fn set(
    db: &Db,
    data_dir: &Path,
    actor: &Actor,
    model: i64,
    bytes: Vec<u8>,
) -> Result<(), DomainError> {
    may_manage(actor)?;
    check(&bytes)?;
    let dir = data_dir.to_owned();
    run::write(db, move |tx| {
        let stamp = clock::now().to_string();
        let changed = tx
            .prepare_cached("UPDATE asset_models SET image = ?2 WHERE id = ?1")?
            .execute(rusqlite::params![model, stamp])?;
        if changed == 0 {
            return Err(DomainError::NotFound);
        }
        // Written aside then renamed, while the row is held: a failure leaves the old picture.
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(folder(&dir))?;
            let temp = folder(&dir).join(format!("{model}.uploading"));
            std::fs::write(&temp, &bytes)?;
            std::fs::rename(&temp, path(&dir, model))
        };
        write().map_err(DomainError::Files)
    })
    .await
}

/// Removes model `model`'s picture.
pub async fn remove(
    db: &Db,
    data_dir: &Path,
    actor: &Actor,
    model: i64,
) -> Result<(), DomainError> {
    may_manage(actor)?;
    let dir = data_dir.to_owned();
    run::write(db, move |tx| {
        tx.prepare_cached("UPDATE asset_models SET image = '' WHERE id = ?1")?
            .execute([model])?;
        match std::fs::remove_file(path(&dir, model)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(DomainError::Files(e)),
            _ => Ok(()),
        }
    })
    .await
}

/// Model `model`'s picture and its checked kind, for those who see assets.
pub async fn read(
    db: &Db,
    data_dir: &Path,
    actor: &Actor,
    model: i64,
) -> Result<(Vec<u8>, ImageKind), DomainError> {
    if !actor.has(right::ASSET) {
        return Err(DomainError::Forbidden);
    }
    let file = path(data_dir, model);
    let bytes = run::read(db, move |c| {
        if version(c, model)?.is_none() {
            return Err(DomainError::NotFound);
        }
        std::fs::read(&file).map_err(|_| DomainError::NotFound)
    })
    .await?;
    // Checked again as it is served: the file is shown only as the picture it is.
    let kind = branding::inspect(&bytes).ok_or(DomainError::NotFound)?.kind;
    Ok((bytes, kind))
}
