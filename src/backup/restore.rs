//! Restoring a backup: with the server stopped, the archive is unpacked aside, every file is
//! checked against the manifest, a backup from a newer schema is refused, the current data is
//! moved to `before-restore-<date>/` in the data directory, the backup's files take its place,
//! and the database is opened once, which migrates an older backup forward.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{ATTACHMENTS, BackupError, DATABASE, FORMAT, LOGO, MANIFEST, MODEL_PICTURES, Manifest};
use crate::config::Config;

/// A restore just made.
#[derive(Debug, Clone)]
pub struct Restored {
    pub manifest: Manifest,
    /// Where the data replaced went.
    pub kept_in: PathBuf,
    pub took: Duration,
}

/// Whether `name` is a plain file name (an attachment's generated name).
fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Where an archive member may be written inside `into`: the manifest, the database, the logo,
/// `model-pictures/<model number>` and `attachments/<plain name>` or
/// `attachments/<folder>/<plain name>` (the attachment store's layout); anything else means
/// the archive is not ours.
fn member_path(into: &Path, name: &str) -> Option<PathBuf> {
    match name {
        MANIFEST | DATABASE | LOGO => Some(into.join(name)),
        _ if name.starts_with(&format!("{MODEL_PICTURES}/")) => {
            let model = name.strip_prefix(&format!("{MODEL_PICTURES}/"))?;
            (!model.is_empty() && model.len() <= 18 && model.bytes().all(|b| b.is_ascii_digit()))
                .then(|| into.join(MODEL_PICTURES).join(model))
        }
        _ => {
            let rest = name.strip_prefix(&format!("{ATTACHMENTS}/"))?;
            let parts: Vec<&str> = rest.split('/').collect();
            (parts.len() <= 2 && parts.iter().all(|p| plain_name(p))).then(|| {
                parts
                    .iter()
                    .fold(into.join(ATTACHMENTS), |p, part| p.join(part))
            })
        }
    }
}

/// Unpacks `archive` into `into` and checks it: the manifest, every file's checksum, the
/// schema version. Returns the manifest.
pub fn unpack_and_check(archive: &Path, into: &Path) -> Result<Manifest, BackupError> {
    let shown = archive.display().to_string();
    let file = std::fs::File::open(archive)?;
    let mut tar = tar::Archive::new(flate2::read::GzDecoder::new(std::io::BufReader::new(file)));
    std::fs::create_dir_all(into.join(ATTACHMENTS))?;
    let entries = tar
        .entries()
        .map_err(|_| BackupError::NotABackup(shown.clone()))?;
    for entry in entries {
        let mut entry = entry.map_err(|_| BackupError::NotABackup(shown.clone()))?;
        if !entry.header().entry_type().is_file() {
            return Err(BackupError::NotABackup(shown));
        }
        let name = entry
            .path()
            .map_err(|_| BackupError::NotABackup(shown.clone()))?
            .to_string_lossy()
            .into_owned();
        let target =
            member_path(into, &name).ok_or_else(|| BackupError::NotABackup(shown.clone()))?;
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut out = std::fs::File::create(&target)?;
        std::io::copy(&mut entry, &mut out)?;
    }
    let mut text = String::new();
    std::fs::File::open(into.join(MANIFEST))
        .map_err(|_| BackupError::NotABackup(shown.clone()))?
        .read_to_string(&mut text)?;
    let manifest: Manifest =
        serde_json::from_str(&text).map_err(|_| BackupError::NotABackup(shown.clone()))?;
    if manifest.format != FORMAT {
        return Err(BackupError::NotABackup(shown));
    }
    for f in &manifest.files {
        let path =
            member_path(into, &f.path).ok_or_else(|| BackupError::NotABackup(shown.clone()))?;
        if !path.is_file() {
            return Err(BackupError::Missing {
                path: f.path.clone(),
            });
        }
        let (sha, size) = super::digest(&path)?;
        if sha != f.sha256 || size != f.size {
            return Err(BackupError::Damaged {
                path: f.path.clone(),
            });
        }
    }
    if !manifest.files.iter().any(|f| f.path == DATABASE) {
        return Err(BackupError::Missing {
            path: DATABASE.to_owned(),
        });
    }
    let known = crate::db::latest_schema_version();
    if manifest.schema_version > known {
        return Err(BackupError::Newer {
            found: manifest.schema_version,
            known,
        });
    }
    Ok(manifest)
}

/// Moves `from` to `to` when it exists.
fn move_if_there(from: &Path, to: &Path) -> std::io::Result<()> {
    match std::fs::rename(from, to) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Restores `archive` into the data directory of `config`. Refused while a server runs there.
pub fn restore(config: &Config, archive: &Path) -> Result<Restored, BackupError> {
    let started = Instant::now();
    let _lock = crate::app::DataLock::acquire(config).map_err(|_| BackupError::InUse)?;
    let data = config.data_dir();
    std::fs::create_dir_all(data)?;
    let staging = tempfile::Builder::new()
        .prefix(".restore-")
        .tempdir_in(data)?;
    let manifest = unpack_and_check(archive, staging.path())?;

    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let mut kept_in = data.join(format!("before-restore-{stamp}"));
    let mut n = 2;
    while kept_in.exists() {
        kept_in = data.join(format!("before-restore-{stamp}-{n}"));
        n += 1;
    }
    std::fs::create_dir_all(&kept_in)?;
    let db_path = config.database_path();
    let db_name = db_path
        .file_name()
        .map_or_else(|| DATABASE.into(), std::ffi::OsStr::to_os_string);
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db_name.clone();
        name.push(suffix);
        move_if_there(&data.join(&name), &kept_in.join(&name))?;
    }
    move_if_there(&config.attachments_dir(), &kept_in.join(ATTACHMENTS))?;
    let logo = crate::domain::branding::path(data);
    move_if_there(&logo, &kept_in.join(LOGO))?;
    let pictures = crate::domain::assets::pictures::folder(data);
    move_if_there(&pictures, &kept_in.join(MODEL_PICTURES))?;

    std::fs::rename(staging.path().join(DATABASE), &db_path)?;
    std::fs::rename(staging.path().join(ATTACHMENTS), config.attachments_dir())?;
    move_if_there(&staging.path().join(LOGO), &logo)?;
    move_if_there(&staging.path().join(MODEL_PICTURES), &pictures)?;
    // Opening migrates an older backup forward.
    let db = crate::db::Db::open(&db_path)?;
    db.checkpoint_blocking()?;
    Ok(Restored {
        manifest,
        kept_in,
        took: started.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::member_path;
    use std::path::Path;

    #[test]
    fn members_stay_inside_the_staging_folder() {
        let root = Path::new("/s");
        assert_eq!(
            member_path(root, "attachments/ab12.bin"),
            Some(root.join("attachments/ab12.bin"))
        );
        assert_eq!(
            member_path(root, "attachments/7a/7af7.bin"),
            Some(root.join("attachments/7a/7af7.bin"))
        );
        assert!(member_path(root, "gestdesk.sqlite3").is_some());
        assert_eq!(
            member_path(root, "model-pictures/12"),
            Some(root.join("model-pictures/12"))
        );
        for bad in [
            "model-pictures/../x",
            "model-pictures/",
            "model-pictures/12/x",
            "../x",
            "attachments/../../etc/passwd",
            "attachments/.hidden",
            "attachments/a/b/c",
            "attachments/a/../b",
            "/etc/passwd",
            "other.txt",
        ] {
            assert!(member_path(root, bad).is_none(), "{bad}");
        }
    }
}
