//! Moving in from GestSup: a GestSup backup file ([`dump`], read as a stream) or its database
//! ([`database`], read directly) imported into an instance without tickets, in one
//! transaction (`gestdesk import gestsup`, or the set-up page). The source is read twice:
//! first the reference tables (and every table's row count, for the progress), then the
//! tickets, threads and memberships, which the domain's importer
//! (`domain::import::gestsup`) writes with GestSup's ids. The search index is built before the
//! commit; a dry run rolls everything back and reports the same (it copies no file). Files
//! copied before a failure are left without a row, and removed at the next start.

pub mod database;
pub mod dump;
pub mod moving;
pub mod upload_zip;

use std::collections::BTreeMap;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::db::{Db, DbError};
use crate::domain::DomainError;
pub use crate::domain::import::gestsup::Files;
use crate::domain::import::gestsup::{
    BULK_TABLES, Importer, REFERENCE_TABLES, Report, administrators_with_password,
};
use crate::domain::import::row::Row;
use crate::domain::worklist::search_queue;

/// Why an import stopped (the instance is then as it was).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Dump(#[from] dump::DumpError),
    #[error("{0}")]
    Database(#[from] database::DatabaseError),
    #[error("{0}")]
    Zip(#[from] upload_zip::ZipError),
    #[error(transparent)]
    Domain(#[from] DomainError),
    #[error("references to rows that do not exist: {0}")]
    Broken(String),
    /// Into an instance without accounts, the site must bring someone able to finish.
    #[error("the GestSup site has no enabled administrator with a password")]
    NoAdministrator,
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

/// Where an import stands.
#[derive(Debug, Clone, Default)]
pub struct Step {
    /// The table being read, its rows done and in all, and rows a second.
    pub table: String,
    pub done: usize,
    pub total: usize,
    pub rate: f64,
    /// Rows of the second pass done and in all, every table together.
    pub all_done: usize,
    pub all_total: usize,
}

/// Told where an import stands, every few thousand rows and at each table's end.
pub type Progress = Box<dyn FnMut(&Step) + Send>;

fn open(path: &Path) -> Result<dump::Dump<BufReader<std::fs::File>>, ImportError> {
    let file = std::fs::File::open(path).map_err(dump::DumpError::from)?;
    Ok(dump::Dump::new(BufReader::with_capacity(1 << 20, file)))
}

/// Where a GestSup site is read from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A backup file (`.sql`).
    Dump(PathBuf),
    /// Its database.
    Database(database::Address),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Dump(path) => write!(f, "{}", path.display()),
            Source::Database(address) => write!(f, "mysql://{address}"),
        }
    }
}

/// A source ready to read: the file's path, or the open database.
enum Opened {
    Dump(PathBuf),
    Database(Box<database::Database>),
}

impl Opened {
    /// Gives every row to `each`, with `each`'s answer whether it wants the rows of a table
    /// (a database reads only those; a file reads past the others), and returns every
    /// table's row count.
    fn read(
        &mut self,
        wants: &dyn Fn(&str) -> bool,
        each: &mut dyn FnMut(Row) -> Result<(), ImportError>,
    ) -> Result<BTreeMap<String, usize>, ImportError> {
        let mut totals: BTreeMap<String, usize> = BTreeMap::new();
        match self {
            Opened::Dump(path) => {
                let mut d = open(path)?;
                while let Some(row) = d.next()? {
                    *totals.entry(row.table.to_string()).or_default() += 1;
                    if wants(&row.table) {
                        each(row)?;
                    }
                }
            }
            Opened::Database(base) => {
                for table in base.tables().to_vec() {
                    let n = base.count(&table)?;
                    if n > 0 {
                        totals.insert(table.clone(), n);
                    }
                    if n > 0 && wants(&table) {
                        base.each(&table, each)?;
                    }
                }
            }
        }
        Ok(totals)
    }
}

/// Imports the GestSup site at `source` into `db` (which must hold no ticket); with
/// `dry_run`, changes nothing; with `needs_administrator`, refuses a site that brings no
/// administrator able to log in. Returns what was, or would be, imported.
pub async fn import(
    db: &Db,
    source: Source,
    files: Option<Files>,
    dry_run: bool,
    needs_administrator: bool,
    mut progress: Progress,
) -> Result<Report, ImportError> {
    // The database is reached before the writer is taken: a wrong address costs nothing.
    let mut opened = match source {
        Source::Dump(path) => Opened::Dump(path),
        Source::Database(address) => Opened::Database(Box::new(
            tokio::task::spawn_blocking(move || database::Database::connect(&address))
                .await
                .map_err(|e| ImportError::Broken(e.to_string()))??,
        )),
    };
    let outcome = db
        .write(move |tx| {
            let mut importer =
                Importer::start(tx, crate::domain::clock::now(), files, dry_run)?;
            // First pass: the reference tables, and how many rows every table has.
            let totals = opened.read(&|t| REFERENCE_TABLES.contains(&t), &mut |row| {
                importer.reference(row).map_err(ImportError::from)
            })?;
            importer.reference_done()?;
            // Second pass: everything else.
            let mut step = Step {
                all_total: totals
                    .iter()
                    .filter(|(t, _)| !REFERENCE_TABLES.contains(&t.as_str()))
                    .map(|(_, n)| n)
                    .sum(),
                ..Step::default()
            };
            let mut started = Instant::now();
            opened.read(&|t| !REFERENCE_TABLES.contains(&t), &mut |row| {
                if *row.table != *step.table {
                    step.table = row.table.to_string();
                    step.done = 0;
                    step.total = totals.get(&step.table).copied().unwrap_or(0);
                    started = Instant::now();
                }
                step.done += 1;
                step.all_done += 1;
                let bulk = BULK_TABLES.contains(&&*row.table);
                importer.bulk(row)?;
                if bulk && (step.done.is_multiple_of(5_000) || step.done >= step.total) {
                    step.total = step.total.max(step.done);
                    step.rate = step.done as f64 / started.elapsed().as_secs_f64().max(1e-3);
                    progress(&step);
                }
                Ok(())
            })?;
            importer.bulk_done()?;
            while search_queue::index_pending(tx, 5_000)? > 0 {}
            let broken: Vec<String> = tx
                .prepare("SELECT \"table\" || ' ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check LIMIT 20")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            if !broken.is_empty() {
                return Err(ImportError::Broken(broken.join("; ")));
            }
            if needs_administrator && administrators_with_password(tx)?.is_empty() {
                return Err(ImportError::NoAdministrator);
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

/// Keeps the report `text` as a file of the data folder `data_dir`; returns its path.
pub fn keep_report(data_dir: &Path, text: &str) -> std::io::Result<PathBuf> {
    let stamp = jiff::ZonedDateTime::now()
        .strftime("%Y%m%d-%H%M%S")
        .to_string();
    let file = data_dir.join(format!("gestsup-import-{stamp}.txt"));
    std::fs::write(&file, text)?;
    Ok(file)
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
