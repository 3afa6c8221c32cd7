//! "Move from GestSup" on the first-run set-up page: an import started by the holder of the
//! set-up link and run in the background, one at a time, while the page shows how far it is.
//! What it was given (the backup file, the files' ZIP) waits in a staging folder of the data
//! folder, removed when the import ends whatever the outcome. A real import must bring at
//! least one administrator who can log in, since the instance has no account yet.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use super::{Files, ImportError, Source, upload_zip};
use crate::db::Db;
use crate::domain::import::gestsup::Report;
use crate::domain::{DomainError, settings};
use crate::i18n::{Msg, msg};

/// How the staging folders of the data folder are named.
pub const STAGING_PREFIX: &str = "gestsup-move-";

/// The import started from the set-up page, if any, and what a check was given, kept for the
/// import that may follow it (cheap to clone).
#[derive(Clone, Default)]
pub struct Moves {
    current: Arc<Mutex<Option<Move>>>,
    checked: Arc<Mutex<Option<Order>>>,
}

/// One import and how far it is.
#[derive(Clone, Debug)]
pub struct Move {
    /// The set-up token that started it: only its holder may see it.
    pub token: String,
    pub dry_run: bool,
    pub started: Instant,
    pub stage: Stage,
}

/// Where an import stands.
#[derive(Clone, Debug)]
pub enum Stage {
    /// Unpacking the files' archive.
    Unpacking,
    /// Reading the site (before the first table with progress, its totals are 0).
    Reading(super::Step),
    /// Finished: the report, the file it was kept in, and the administrators who can log in.
    Done {
        report: Arc<Report>,
        kept: Option<PathBuf>,
        administrators: Vec<String>,
    },
    /// Stopped: nothing was changed.
    Failed(Msg),
}

impl Stage {
    /// Whether the import has ended (done or stopped).
    pub fn finished(&self) -> bool {
        matches!(self, Stage::Done { .. } | Stage::Failed(_))
    }
}

impl Moves {
    fn lock(&self) -> MutexGuard<'_, Option<Move>> {
        // Every write replaces the whole value: a panic cannot leave it half-written.
        self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The import started with set-up token `token`, if any.
    pub fn of(&self, token: &str) -> Option<Move> {
        self.lock()
            .as_ref()
            .filter(|m| crate::domain::token::constant_time_eq(&m.token, token))
            .cloned()
    }

    /// Whether an import is running now.
    pub fn running(&self) -> bool {
        self.lock().as_ref().is_some_and(|m| !m.stage.finished())
    }

    /// Takes the slot for a new import; false while another runs.
    fn begin(&self, token: &str, dry_run: bool) -> bool {
        let mut slot = self.lock();
        if slot.as_ref().is_some_and(|m| !m.stage.finished()) {
            return false;
        }
        *slot = Some(Move {
            token: token.to_owned(),
            dry_run,
            started: Instant::now(),
            stage: Stage::Unpacking,
        });
        true
    }

    /// What the check started with `token` was given, taken for the import that follows it.
    pub fn take_checked(&self, token: &str) -> Option<Order> {
        let mut kept = self.checked.lock().unwrap_or_else(PoisonError::into_inner);
        if kept
            .as_ref()
            .is_some_and(|o| crate::domain::token::constant_time_eq(&o.token, token))
        {
            kept.take()
        } else {
            None
        }
    }

    /// Whether a check started with `token` left what it was given.
    pub fn has_checked(&self, token: &str) -> bool {
        self.checked
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .is_some_and(|o| crate::domain::token::constant_time_eq(&o.token, token))
    }

    fn set(&self, stage: Stage) {
        if let Some(m) = self.lock().as_mut() {
            m.stage = stage;
        }
    }
}

/// What the set-up page was given.
pub struct Order {
    /// The set-up token of the page.
    pub token: String,
    pub source: Source,
    /// The files' archive, in `staging`, or the folder it was unpacked to by a check.
    pub files: FilesIn,
    /// Holds what was sent; removed when the import ends.
    pub staging: tempfile::TempDir,
    pub dry_run: bool,
    /// The data folder (for the report) and the attachments' store.
    pub data_dir: PathBuf,
    pub attachments_dir: PathBuf,
    /// Bytes the files' archive may unpack to.
    pub max_unpacked: u64,
    /// The address users reach this server at, and the page's language: kept as settings
    /// unless the site brought its own, as the set-up does.
    pub server_url: String,
    pub language: crate::i18n::Lang,
}

/// GestSup's upload folder, as sent.
#[derive(Debug, Clone)]
pub enum FilesIn {
    None,
    Zip(PathBuf),
    Unpacked(PathBuf),
}

/// Starts `order` in the background; false (and nothing started) while another import runs.
pub fn start(db: &Db, moves: &Moves, order: Order) -> bool {
    if !moves.begin(&order.token, order.dry_run) {
        return false;
    }
    // A new order replaces what an earlier check kept (its staging folder goes with it).
    moves
        .checked
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .take();
    let (db, moves) = (db.clone(), moves.clone());
    tokio::spawn(async move {
        let stage = match run(&db, &moves, order).await {
            Ok(stage) => stage,
            Err(e) => {
                tracing::warn!("moving in from GestSup failed: {e}");
                Stage::Failed(failure(e))
            }
        };
        moves.set(stage);
    });
    true
}

async fn run(db: &Db, moves: &Moves, order: Order) -> Result<Stage, ImportError> {
    let Order {
        source,
        files,
        staging,
        token,
        dry_run,
        data_dir,
        attachments_dir,
        max_unpacked,
        server_url,
        language,
    } = order;
    let upload = match files.clone() {
        FilesIn::Unpacked(folder) => Some(folder),
        FilesIn::Zip(zip) => {
            let into = staging.path().join("upload");
            std::fs::create_dir_all(&into).map_err(upload_zip::ZipError::from)?;
            let (folder, left_out) =
                tokio::task::spawn_blocking(move || upload_zip::unpack(&zip, &into, max_unpacked))
                    .await
                    .map_err(|e| ImportError::Broken(e.to_string()))??;
            if !left_out.is_empty() {
                tracing::warn!(
                    "entries of the files' archive left out: {}",
                    left_out.join(", ")
                );
            }
            Some(folder)
        }
        FilesIn::None => None,
    };
    let store = upload.clone().map(|upload| Files {
        upload,
        store: crate::domain::files::Store::new(&attachments_dir),
    });
    moves.set(Stage::Reading(super::Step::default()));
    let seen = moves.clone();
    let progress: super::Progress = Box::new(move |step| seen.set(Stage::Reading(step.clone())));
    let report = super::import(db, source.clone(), store, dry_run, !dry_run, progress).await?;
    let (kept, administrators) = if dry_run {
        (None, Vec::new())
    } else {
        let text = report.text(language);
        let kept = super::keep_report(&data_dir, &text).ok();
        let administrators = db
            .read(|c| {
                crate::domain::import::gestsup::administrators_with_password(c)
                    .map_err(crate::db::DbError::from)
            })
            .await?;
        if let Some((id, _)) = administrators.first() {
            let by = crate::domain::ids::UserId(*id);
            settings::adopt(db, settings::SERVER_URL, server_url.clone(), by).await?;
            let code = language.code().to_owned();
            settings::adopt(db, settings::DEFAULT_LANGUAGE, code, by).await?;
        }
        tracing::info!("moved in from GestSup; the set-up link is now dead");
        (kept, administrators.into_iter().map(|(_, l)| l).collect())
    };
    if dry_run {
        // Kept for the import that follows a check, the files already unpacked.
        *moves.checked.lock().unwrap_or_else(PoisonError::into_inner) = Some(Order {
            token,
            source,
            files: upload.map_or(FilesIn::None, FilesIn::Unpacked),
            staging,
            dry_run: false,
            data_dir,
            attachments_dir,
            max_unpacked,
            server_url,
            language,
        });
    }
    Ok(Stage::Done {
        report: Arc::new(report),
        kept,
        administrators,
    })
}

/// Removes the staging folders left in `data_dir` by imports a stop interrupted (only while
/// the server starts: none is in use then).
pub fn sweep(data_dir: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(data_dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(STAGING_PREFIX)
            && entry.path().is_dir()
            && let Err(e) = std::fs::remove_dir_all(entry.path())
        {
            tracing::warn!("could not remove {}: {e}", entry.path().display());
        }
    }
}

/// What to tell the person who started it, in their language (a server's or a file's own
/// words are passed on as they are).
fn failure(e: ImportError) -> Msg {
    match e {
        ImportError::Domain(DomainError::Conflict(m)) => m,
        ImportError::NoAdministrator => msg("move-no-administrator"),
        ImportError::Database(e) => explain_database(&e),
        ImportError::Zip(upload_zip::ZipError::TooManyEntries) => {
            msg("move-zip-too-many").arg("max", upload_zip::MAX_ENTRIES)
        }
        ImportError::Zip(upload_zip::ZipError::TooLarge(max)) => {
            msg("move-zip-too-large").arg("max", max >> 30)
        }
        ImportError::Zip(e) => msg("move-zip-unreadable").arg("detail", e.to_string()),
        ImportError::Dump(e) => msg("move-backup-unreadable").arg("detail", e.to_string()),
        other => msg("move-failed").arg("detail", other.to_string()),
    }
}

/// Why a GestSup database could not be read, in the reader's language.
pub fn explain_database(e: &super::database::DatabaseError) -> Msg {
    use super::database::DatabaseError;
    match e {
        DatabaseError::Address(_) => msg("move-address-invalid"),
        DatabaseError::NotGestsup(_) => msg("move-not-gestsup"),
        DatabaseError::Server(e) => msg("move-database-refused").arg("detail", e.to_string()),
    }
}
