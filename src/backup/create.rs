//! Taking a backup: the database copied with `VACUUM INTO` (a consistent snapshot, taken
//! while writes go on), then the attachments that snapshot refers to, the logo and the model
//! pictures, all into a `.tar.gz` written aside and renamed into place, so that a half-written
//! archive never shows.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::GzEncoder;

use super::{
    ATTACHMENTS, BackupError, Counts, DATABASE, FORMAT, FileEntry, LOGO, MANIFEST, MODEL_PICTURES,
    Manifest,
};
use crate::db::Db;

/// A backup just written.
#[derive(Debug, Clone)]
pub struct Created {
    pub path: PathBuf,
    pub manifest: Manifest,
    pub size: u64,
    pub took: Duration,
}

/// Row counts of a database.
pub fn counts(conn: &rusqlite::Connection) -> rusqlite::Result<Counts> {
    let n = |table: &str| -> rusqlite::Result<i64> {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
    };
    Ok(Counts {
        tickets: n("tickets")?,
        thread_entries: n("thread_entries")?,
        attachments: n("attachments")?,
        users: n("users")?,
        settings: n("settings")?,
    })
}

/// A name for a new archive in `dir`: `gestdesk-YYYYMMDD-HHMMSS.tar.gz` (UTC), with a counter
/// when that second already has one.
fn new_name(dir: &Path) -> String {
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let mut name = format!("gestdesk-{stamp}.tar.gz");
    let mut n = 2;
    while dir.join(&name).exists() {
        name = format!("gestdesk-{stamp}-{n}.tar.gz");
        n += 1;
    }
    name
}

/// Writes a backup of `db` and the files of `data_dir`: to `to` when given, else to a new
/// archive in `backups_dir`. Blocking: call it from a blocking thread.
pub fn create(
    db: &Db,
    data_dir: &Path,
    attachments_dir: &Path,
    backups_dir: &Path,
    to: Option<&Path>,
) -> Result<Created, BackupError> {
    let started = Instant::now();
    std::fs::create_dir_all(backups_dir)?;
    let staging = tempfile::Builder::new()
        .prefix(".staging-")
        .tempdir_in(backups_dir)?;
    let snapshot = staging.path().join(DATABASE);
    let target = snapshot.to_string_lossy().into_owned();
    db.vacuum_into_blocking(&target)?;

    let conn = rusqlite::Connection::open(&snapshot)?;
    let schema_version = crate::db::schema_version(&conn)?;
    let counts = counts(&conn)?;
    let stored: Vec<String> = {
        let mut stmt = conn.prepare("SELECT storage_name FROM attachments ORDER BY id")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let pictured: Vec<i64> = {
        let mut stmt = conn.prepare("SELECT id FROM asset_models WHERE image <> '' ORDER BY id")?;
        stmt.query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    drop(conn);

    // Every file with where it comes from.
    let mut sources: Vec<(String, PathBuf)> = vec![(DATABASE.to_owned(), snapshot.clone())];
    for name in &stored {
        let path = attachments_dir.join(name);
        if path.is_file() {
            sources.push((format!("{ATTACHMENTS}/{name}"), path));
        } else {
            tracing::warn!(
                "backup: attachment file {name} is missing; the backup goes on without it"
            );
        }
    }
    let logo = crate::domain::branding::path(data_dir);
    if logo.is_file() {
        sources.push((LOGO.to_owned(), logo));
    }
    let pictures = crate::domain::assets::pictures::folder(data_dir);
    for model in pictured {
        let path = pictures.join(model.to_string());
        if path.is_file() {
            sources.push((format!("{MODEL_PICTURES}/{model}"), path));
        }
    }
    let mut files = Vec::with_capacity(sources.len());
    for (name, path) in &sources {
        let (sha256, size) = super::digest(path)?;
        files.push(FileEntry {
            path: name.clone(),
            size,
            sha256,
        });
    }
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        version: crate::VERSION.to_owned(),
        schema_version,
        created_at: jiff::Timestamp::now().as_second(),
        counts,
        files,
    };

    let final_path = match to {
        Some(p) => p.to_owned(),
        None => backups_dir.join(new_name(backups_dir)),
    };
    let partial = staging.path().join("archive.partial");
    {
        let file = std::fs::File::create(&partial)?;
        let mut archive = tar::Builder::new(GzEncoder::new(
            std::io::BufWriter::new(file),
            Compression::fast(),
        ));
        let json = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| BackupError::Io(std::io::Error::other(e)))?;
        let mut header = tar::Header::new_gnu();
        header.set_size(json.len() as u64);
        header.set_mode(0o600);
        header.set_mtime(u64::try_from(manifest.created_at).unwrap_or(0));
        header.set_cksum();
        archive.append_data(&mut header, MANIFEST, json.as_slice())?;
        for (name, path) in &sources {
            let mut file = std::fs::File::open(path)?;
            archive.append_file(name, &mut file)?;
        }
        let encoder = archive.into_inner()?;
        let mut writer = encoder.finish()?;
        std::io::Write::flush(&mut writer)?;
        writer
            .into_inner()
            .map_err(|e| BackupError::Io(e.into_error()))?
            .sync_all()?;
    }
    if std::fs::rename(&partial, &final_path).is_err() {
        // Another file system (`--to` elsewhere): copy, then drop the partial file.
        std::fs::copy(&partial, &final_path)?;
    }
    let size = std::fs::metadata(&final_path)?.len();
    Ok(Created {
        path: final_path,
        manifest,
        size,
        took: started.elapsed(),
    })
}
