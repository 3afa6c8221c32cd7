//! Backups: one `.tar.gz` archive holding a consistent copy of the database (taken with
//! `VACUUM INTO` while the server keeps serving writes), every attachment the copy refers to,
//! the company logo, the asset model pictures, and a manifest (versions, date, counts, SHA-256 of every file).
//!
//! [`create`] writes one; [`restore`] checks one and puts it in place of the current data
//! (keeping that aside); [`list_table`] brings back the rows of one list a backup still has.
//! Archives live in the data directory's `backups/` folder under names [`is_backup_name`]
//! accepts, which is what the download route relies on.

pub mod create;
pub mod lists;
pub mod restore;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use create::create;
pub use lists::restore_list as list_table;
pub use restore::restore;

/// The manifest's file name inside an archive.
pub const MANIFEST: &str = "manifest.json";
/// The database's file name inside an archive.
pub const DATABASE: &str = "gestdesk.sqlite3";
/// The folder of attachments inside an archive.
pub const ATTACHMENTS: &str = "attachments";
/// The logo's name inside an archive.
pub const LOGO: &str = "logo";
/// The folder of asset model pictures inside an archive (as in the data folder).
pub const MODEL_PICTURES: &str = "model-pictures";

/// What an archive holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Manifest {
    /// "gestdesk-backup", to recognise the archive.
    pub format: String,
    /// The Gestdesk version that wrote it.
    pub version: String,
    /// The database's schema version.
    pub schema_version: i64,
    /// When it was taken (Unix seconds).
    pub created_at: i64,
    /// Rows per main table.
    pub counts: Counts,
    /// Every file with its size and SHA-256, by path inside the archive.
    pub files: Vec<FileEntry>,
}

/// Row counts, to tell what a backup holds without opening it.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Counts {
    pub tickets: i64,
    pub thread_entries: i64,
    pub attachments: i64,
    pub users: i64,
    pub settings: i64,
}

/// One file of an archive.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct FileEntry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
}

/// The value of [`Manifest::format`].
pub const FORMAT: &str = "gestdesk-backup";

/// Why a backup or a restore failed.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error(transparent)]
    Db(#[from] crate::db::DbError),
    #[error("{0} is not a Gestdesk backup")]
    NotABackup(String),
    #[error("{path} is damaged: its checksum does not match the manifest")]
    Damaged { path: String },
    #[error("{path} is listed in the manifest but missing from the archive")]
    Missing { path: String },
    #[error(
        "this backup was written by a newer Gestdesk (schema {found}, this one knows up to {known}); install the newer version first"
    )]
    Newer { found: i64, known: i64 },
    #[error("Gestdesk is running on this data directory; stop it before restoring")]
    InUse,
    #[error("no such backup")]
    NoSuchBackup,
    #[error("no such list")]
    NoSuchList,
}

/// Whether `name` is the name of an archive this program writes: `gestdesk-` then digits and
/// dashes, `.tar.gz` — nothing that could leave the backups folder.
pub fn is_backup_name(name: &str) -> bool {
    name.strip_prefix("gestdesk-")
        .and_then(|rest| rest.strip_suffix(".tar.gz"))
        .is_some_and(|stem| {
            !stem.is_empty() && stem.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
}

/// A backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    pub size: u64,
    /// When it was written (Unix seconds).
    pub modified: i64,
}

/// The archives in `dir`, newest first.
pub fn list(dir: &Path) -> std::io::Result<Vec<Listed>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_backup_name(&name) {
            continue;
        }
        let meta = entry.metadata()?;
        let modified = meta
            .modified()
            .ok()
            .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_secs()).ok())
            .unwrap_or(0);
        out.push(Listed {
            name,
            size: meta.len(),
            modified,
        });
    }
    out.sort_by_cached_key(|b| std::cmp::Reverse(order_key(&b.name)));
    Ok(out)
}

/// Orders archive names by their date, time and same-second counter read as numbers: by
/// bytes, `…-073000-2.tar.gz` would sort before `…-073000.tar.gz` (`-` < `.`) and `-10` before
/// `-9`.
fn order_key(name: &str) -> Vec<u64> {
    name.trim_start_matches("gestdesk-")
        .trim_end_matches(".tar.gz")
        .split('-')
        .map(|part| part.parse().unwrap_or(u64::MAX))
        .collect()
}

/// The path of backup `name` in `dir`, if the name is one of ours and the file exists.
pub fn find(dir: &Path, name: &str) -> Option<PathBuf> {
    if !is_backup_name(name) {
        return None;
    }
    let path = dir.join(name);
    path.is_file().then_some(path)
}

/// Removes the oldest archives of `dir` beyond the newest `keep`. Returns how many.
pub fn prune(dir: &Path, keep: usize) -> std::io::Result<usize> {
    let all = list(dir)?;
    let mut removed = 0;
    for old in all.iter().skip(keep) {
        std::fs::remove_file(dir.join(&old.name))?;
        removed += 1;
    }
    Ok(removed)
}

/// The SHA-256 of a file, as lowercase hex, and its size.
pub fn digest(path: &Path) -> std::io::Result<(String, u64)> {
    use sha2::{Digest, Sha256};
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    let hex: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok((hex, size))
}

#[cfg(test)]
mod tests {
    use super::{is_backup_name, list};

    #[test]
    fn only_our_archive_names_are_accepted() {
        assert!(is_backup_name("gestdesk-20261128-040512.tar.gz"));
        assert!(is_backup_name("gestdesk-20261128-040512-2.tar.gz"));
        for bad in [
            "../gestdesk.sqlite3",
            "gestdesk-.tar.gz",
            "gestdesk-2026/../../etc.tar.gz",
            "gestdesk-2026.tar",
            "other-2026.tar.gz",
            "gestdesk-2026 .tar.gz",
        ] {
            assert!(!is_backup_name(bad), "{bad}");
        }
    }

    #[test]
    fn archives_of_the_same_second_list_newest_first() {
        let dir = tempfile::tempdir().expect("dir");
        for name in [
            "gestdesk-20261128-040512.tar.gz",
            "gestdesk-20261128-040512-2.tar.gz",
            "gestdesk-20261128-040512-10.tar.gz",
            "gestdesk-20261128-040512-9.tar.gz",
            "gestdesk-20261127-235959.tar.gz",
        ] {
            std::fs::write(dir.path().join(name), b"").expect("file");
        }
        let names: Vec<String> = list(dir.path())
            .expect("list")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(
            names,
            [
                "gestdesk-20261128-040512-10.tar.gz",
                "gestdesk-20261128-040512-9.tar.gz",
                "gestdesk-20261128-040512-2.tar.gz",
                "gestdesk-20261128-040512.tar.gz",
                "gestdesk-20261127-235959.tar.gz",
            ]
        );
    }
}
