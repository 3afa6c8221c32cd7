//! Moving in from GestSup: a GestSup backup file ([`dump`], read as a stream) imported into an
//! instance without tickets, in one transaction (`gestdesk import gestsup`). The file is read
//! twice: first the reference tables (and every table's row count, for the progress), then the
//! tickets, threads and memberships, which the domain's importer
//! (`domain::import::gestsup`) writes with GestSup's ids. The search index is built before the
//! commit; a dry run rolls everything back and reports the same (it copies no file). Files
//! copied before a failure are left without a row, and removed at the next start.

pub mod dump;

use std::collections::BTreeMap;
use std::io::BufReader;
use std::path::Path;
use std::time::Instant;

use crate::db::{Db, DbError};
use crate::domain::DomainError;
pub use crate::domain::import::gestsup::Files;
use crate::domain::import::gestsup::{BULK_TABLES, Importer, REFERENCE_TABLES, Report};
use crate::domain::worklist::search_queue;

/// Why an import stopped (the instance is then as it was).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Dump(#[from] dump::DumpError),
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("references to rows that do not exist: {0}")]
    Broken(String),
    /// Not a failure: a dry run ends so that nothing is kept.
    #[error("dry run")]
    DryRun(Box<Report>),
}

impl From<DbError> for ImportError {
    fn from(e: DbError) -> Self {
        ImportError::Domain(DomainError::Storage(e))
    }
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Domain(DomainError::from(e))
    }
}

/// Where an import stands, for a progress line: table, rows done, rows in all, rows a second.
pub type Progress = Box<dyn FnMut(&str, usize, usize, f64) + Send>;

fn open(path: &Path) -> Result<dump::Dump<BufReader<std::fs::File>>, ImportError> {
    let file = std::fs::File::open(path).map_err(dump::DumpError::from)?;
    Ok(dump::Dump::new(BufReader::with_capacity(1 << 20, file)))
}

/// Imports the GestSup backup file at `path` into `db` (which must hold no ticket); with
/// `dry_run`, changes nothing. Returns what was, or would be, imported.
pub async fn import_dump(
    db: &Db,
    path: &Path,
    files: Option<Files>,
    dry_run: bool,
    mut progress: Progress,
) -> Result<Report, ImportError> {
    let path = path.to_owned();
    let outcome = db
        .write(move |tx| {
            let mut importer =
                Importer::start(tx, crate::domain::clock::now(), files, dry_run)?;
            // First pass: the reference tables, and how many rows every table has.
            let mut totals: BTreeMap<String, usize> = BTreeMap::new();
            let mut d = open(&path)?;
            while let Some(row) = d.next()? {
                *totals.entry(row.table.to_string()).or_default() += 1;
                if REFERENCE_TABLES.contains(&&*row.table) {
                    importer.reference(row)?;
                }
            }
            importer.reference_done()?;
            // Second pass: everything else.
            let mut d = open(&path)?;
            let (mut table, mut done, mut started) = (String::new(), 0usize, Instant::now());
            while let Some(row) = d.next()? {
                if REFERENCE_TABLES.contains(&&*row.table) {
                    continue;
                }
                if *row.table != *table {
                    table = row.table.to_string();
                    done = 0;
                    started = Instant::now();
                }
                done += 1;
                let bulk = BULK_TABLES.contains(&&*row.table);
                importer.bulk(row)?;
                if bulk && (done % 5_000 == 0 || done == totals.get(&table).copied().unwrap_or(0))
                {
                    let rate = done as f64 / started.elapsed().as_secs_f64().max(1e-3);
                    progress(&table, done, totals.get(&table).copied().unwrap_or(done), rate);
                }
            }
            importer.bulk_done()?;
            while search_queue::index_pending(tx, 5_000)? > 0 {}
            let broken: Vec<String> = tx
                .prepare("SELECT \"table\" || ' ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check LIMIT 20")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if !broken.is_empty() {
                return Err(ImportError::Broken(broken.join("; ")));
            }
            let report = importer.finish();
            if dry_run {
                return Err(ImportError::DryRun(Box::new(report)));
            }
            Ok(report)
        })
        .await;
    match outcome {
        Err(ImportError::DryRun(report)) => Ok(*report),
        other => other,
    }
}

/// Whether the database is whole (`PRAGMA integrity_check`).
pub async fn integrity(db: &Db) -> Result<String, ImportError> {
    Ok(db
        .read(|c| {
            c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .map_err(DbError::from)
        })
        .await?)
}
