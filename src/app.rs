//! An opened Gestdesk instance: its configuration, database and first-run state.

use std::path::PathBuf;

use crate::config::{Config, ConfigError};
use crate::db::{Db, DbError};
use crate::domain::setup::SetupSlot;
use crate::domain::{DomainError, users};

/// Why an instance could not be opened or served.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("cannot write to the data directory {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Database(#[from] DbError),
    /// The server could not start (see [`crate::launcher`]).
    #[error("{0}")]
    Start(crate::launcher::StartFailure),
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// A command that works on existing data was pointed at a folder without any.
    #[error("{0}")]
    NoInstance(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The data directory's lock, held by a running server: a restore needs the directory to
/// itself. Released when dropped (or when the process ends, however it ends).
#[derive(Debug)]
pub struct DataLock {
    _file: std::fs::File,
}

impl DataLock {
    /// Takes the lock of `config`'s data directory, or fails at once when another process
    /// holds it.
    pub fn acquire(config: &Config) -> std::io::Result<DataLock> {
        std::fs::create_dir_all(config.data_dir())?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(config.data_dir().join("gestdesk.lock"))?;
        file.try_lock().map_err(|e| match e {
            std::fs::TryLockError::WouldBlock => {
                std::io::Error::new(std::io::ErrorKind::WouldBlock, "data directory in use")
            }
            std::fs::TryLockError::Error(e) => e,
        })?;
        Ok(DataLock { _file: file })
    }
}

/// An opened instance.
#[derive(Clone, Debug)]
pub struct App {
    config: Config,
    db: Db,
    setup: SetupSlot,
    started_at: jiff::Timestamp,
}

impl App {
    /// Creates the data directory and its sub-folders and checks that they can be written.
    pub fn prepare_data_dir(config: &Config) -> Result<(), AppError> {
        let dirs = [
            config.data_dir.clone(),
            config.attachments_dir(),
            config.logs_dir(),
            config.backups_dir(),
        ];
        for dir in &dirs {
            std::fs::create_dir_all(dir).map_err(|source| AppError::DataDir {
                path: dir.clone(),
                source,
            })?;
        }
        let probe = config.data_dir.join(".gestdesk-write-test");
        std::fs::write(&probe, b"ok")
            .and_then(|()| std::fs::remove_file(&probe))
            .map_err(|source| AppError::DataDir {
                path: config.data_dir.clone(),
                source,
            })?;
        Ok(())
    }

    /// Opens the instance: data directory, database (migrated), and a set-up token when no
    /// account exists yet.
    pub fn open(config: Config) -> Result<Self, AppError> {
        Self::prepare_data_dir(&config)?;
        crate::upgrade::backup_before_migrating(&config.database_path(), &config.backups_dir())?;
        let db = Db::open(&config.database_path())?;
        let has_users =
            db.read_blocking(|c| users::repo::count(c).map(|n| n > 0).map_err(DbError::from))?;
        let setup = if has_users {
            SetupSlot::disarmed()
        } else {
            SetupSlot::armed()
        };
        Ok(Self {
            config,
            db,
            setup,
            started_at: jiff::Timestamp::now(),
        })
    }

    /// Opens an instance that exists already: commands other than serving refuse a data folder
    /// without a Gestdesk database instead of creating an empty one there (a mistyped
    /// `--data-dir` would otherwise be backed up, or given an administrator, unnoticed).
    pub fn open_existing(config: Config) -> Result<Self, AppError> {
        if !config.database_path().is_file() {
            return Err(AppError::NoInstance(crate::launcher::ui_lang().t_args(
                "cli-no-instance",
                &[("dir", &config.data_dir().display().to_string())],
            )));
        }
        Self::open(config)
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The first-run set-up slot.
    pub fn setup(&self) -> &SetupSlot {
        &self.setup
    }

    /// The set-up page path while the first administrator is still to be created.
    pub fn setup_path(&self) -> Option<String> {
        self.setup.token().map(|t| crate::domain::setup::path(&t))
    }

    /// When the instance was opened.
    pub fn started_at(&self) -> jiff::Timestamp {
        self.started_at
    }
}
