//! Facts about the running instance for the administration's System page: the database's
//! sizes, versions and row counts, the schema's history, what each connector (the SMTP server,
//! the mailboxes, the directory) last did, and the integrity check run on demand.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use crate::db::{self, DbError};
use crate::domain::settings::Settings;
use crate::domain::settings::directory_registry::LDAP_ENABLED;
use crate::domain::settings::mail_registry::SMTP_ENABLED;

/// Sizes and versions of the database.
#[derive(Debug, Clone)]
pub struct DatabaseFacts {
    pub schema_version: i64,
    pub latest_schema_version: i64,
    /// The database file plus its write-ahead log, in bytes.
    pub size_bytes: u64,
    pub users: i64,
    pub tickets: i64,
    /// Rows per kind of record, by translation key.
    pub counts: Vec<(&'static str, i64)>,
}

/// The records counted, by translation key and table. Each count reads the table's smallest
/// index.
const COUNTED: [(&str, &str); 7] = [
    ("system-count-thread", "SELECT count(*) FROM thread_entries"),
    (
        "system-count-attachments",
        "SELECT count(*) FROM attachments",
    ),
    (
        "system-count-assets",
        "SELECT count(*) FROM assets WHERE deleted = 0",
    ),
    ("system-count-procedures", "SELECT count(*) FROM procedures"),
    ("system-count-outbox", "SELECT count(*) FROM outbox"),
    (
        "system-count-interventions",
        "SELECT count(*) FROM interventions",
    ),
    (
        "system-count-surveys",
        "SELECT count(*) FROM survey_invitations",
    ),
];

/// Reads the database facts.
pub fn database_facts(conn: &Connection, path: &Path) -> Result<DatabaseFacts, DbError> {
    let file_size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let mut counts = Vec::with_capacity(COUNTED.len());
    for (key, sql) in COUNTED {
        counts.push((key, conn.prepare_cached(sql)?.query_row([], |r| r.get(0))?));
    }
    Ok(DatabaseFacts {
        schema_version: db::schema_version(conn)?,
        latest_schema_version: db::latest_schema_version(),
        size_bytes: file_size(path) + file_size(Path::new(&wal)),
        users: conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?,
        tickets: conn.query_row("SELECT count(*) FROM tickets WHERE deleted = 0", [], |r| {
            r.get(0)
        })?,
        counts,
    })
}

/// One schema change applied to this database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub version: i64,
    pub name: String,
    /// When it was applied, as recorded (RFC 3339).
    pub applied_on: String,
}

/// The schema changes applied, the newest first.
pub fn schema_history(conn: &Connection) -> rusqlite::Result<Vec<Migration>> {
    let mut stmt = conn.prepare_cached(
        "SELECT version, name, applied_on FROM refinery_schema_history ORDER BY version DESC",
    )?;
    stmt.query_map([], |r| {
        Ok(Migration {
            version: r.get(0)?,
            name: r.get(1)?,
            applied_on: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        })
    })?
    .collect()
}

/// Why a connector last failed, in the words each keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The SMTP server's or the connection's own words.
    Smtp(String),
    /// A mailbox fetch's failure code (see the incoming mail's history).
    Mailbox(String),
    /// A directory run's error, as a translation key.
    Directory(String),
    /// The desktop app's update check: the updater's own words.
    Updates(String),
}

/// What a connector last did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Status {
    /// When it last worked (Unix seconds).
    pub last_success_at: Option<i64>,
    /// When it last failed, and why.
    pub last_error: Option<(i64, Failure)>,
}

impl Status {
    /// Whether the last thing it did was to fail.
    pub fn failing(&self) -> bool {
        match &self.last_error {
            Some((at, _)) => self.last_success_at.is_none_or(|ok| ok <= *at),
            None => false,
        }
    }
}

/// Every connector's status.
#[derive(Debug, Clone, Default)]
pub struct Connectors {
    /// The SMTP server, and whether sending is on.
    pub smtp: (bool, Status),
    /// Each mailbox read: its name, whether it is read, its status.
    pub mailboxes: Vec<(String, bool, Status)>,
    /// The directory, and whether it is on.
    pub directory: (bool, Status),
    /// The desktop app's update check, when it is configured: its status and the version
    /// it last found ('' when up to date).
    pub updates: Option<(Status, String)>,
}

/// What the desktop app's update check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateCheck {
    UpToDate,
    /// This version is available.
    Available(String),
    /// The check failed, in the updater's words.
    Failed(String),
}

/// Records what the desktop app's update check found, at `now` (Unix seconds).
pub fn note_update_check(conn: &Connection, check: &UpdateCheck, now: i64) -> Result<(), DbError> {
    match check {
        UpdateCheck::UpToDate | UpdateCheck::Available(_) => {
            let version = match check {
                UpdateCheck::Available(v) => v.as_str(),
                _ => "",
            };
            conn.prepare_cached(
                "INSERT INTO connector_status (connector, last_success_at, detail)
                 VALUES ('updates', ?1, ?2)
                 ON CONFLICT (connector) DO UPDATE
                 SET last_success_at = excluded.last_success_at, detail = excluded.detail",
            )?
            .execute(rusqlite::params![now, version])?
        }
        UpdateCheck::Failed(words) => conn
            .prepare_cached(
                "INSERT INTO connector_status (connector, last_error_at, last_error)
                 VALUES ('updates', ?1, ?2)
                 ON CONFLICT (connector) DO UPDATE
                 SET last_error_at = excluded.last_error_at, last_error = excluded.last_error",
            )?
            .execute(rusqlite::params![now, words])?,
    };
    Ok(())
}

/// Forgets the update check's status: the desktop app runs without one configured, or the
/// headless server runs (which is updated by its package manager).
pub fn forget_update_check(conn: &Connection) -> Result<(), DbError> {
    conn.execute(
        "DELETE FROM connector_status WHERE connector = 'updates'",
        [],
    )?;
    Ok(())
}

/// Records what the desktop app's update check found, now.
pub async fn record_update_check(
    db: &crate::db::Db,
    check: UpdateCheck,
) -> Result<(), crate::domain::DomainError> {
    let now = crate::domain::clock::now();
    crate::domain::run::write(db, move |tx| Ok(note_update_check(tx, &check, now)?)).await
}

/// Forgets the update check's last findings when a server starts: the desktop app records its
/// own again when it has an update address, and the headless server has none.
pub async fn reset_update_check(db: &crate::db::Db) -> Result<(), crate::domain::DomainError> {
    crate::domain::run::write(db, |tx| Ok(forget_update_check(tx)?)).await
}

/// Reads what each connector last did.
pub fn connectors(conn: &Connection) -> Result<Connectors, DbError> {
    let settings = Settings::load(conn)?;
    let smtp = conn
        .prepare_cached(
            "SELECT last_success_at, last_error_at, last_error FROM connector_status
             WHERE connector = 'smtp'",
        )?
        .query_row([], |r| {
            Ok(Status {
                last_success_at: r.get(0)?,
                last_error: r
                    .get::<_, Option<i64>>(1)?
                    .map(|at| Ok::<_, rusqlite::Error>((at, Failure::Smtp(r.get(2)?))))
                    .transpose()?,
            })
        })
        .optional()?
        .unwrap_or_default();
    let mut mailboxes = Vec::new();
    let mut list = conn
        .prepare_cached("SELECT id, name, enabled FROM mailboxes ORDER BY name COLLATE NOCASE")?;
    let mut success = conn.prepare_cached(
        "SELECT max(finished_at) FROM mail_fetches WHERE mailbox_id = ?1 AND failure = ''",
    )?;
    let mut failure = conn.prepare_cached(
        "SELECT finished_at, failure FROM mail_fetches WHERE mailbox_id = ?1 AND failure <> ''
         ORDER BY started_at DESC LIMIT 1",
    )?;
    let rows = list
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<(i64, String, bool)>>>()?;
    for (id, name, enabled) in rows {
        let last_success_at = success.query_row([id], |r| r.get(0))?;
        let last_error = failure
            .query_row([id], |r| Ok((r.get(0)?, Failure::Mailbox(r.get(1)?))))
            .optional()?;
        mailboxes.push((
            name,
            enabled,
            Status {
                last_success_at,
                last_error,
            },
        ));
    }
    let directory = Status {
        last_success_at: conn.query_row(
            "SELECT max(finished_at) FROM directory_runs WHERE error = ''",
            [],
            |r| r.get(0),
        )?,
        last_error: conn
            .query_row(
                "SELECT finished_at, error FROM directory_runs WHERE error <> ''
                 ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, Failure::Directory(r.get(1)?))),
            )
            .optional()?,
    };
    let updates = conn
        .prepare_cached(
            "SELECT last_success_at, last_error_at, last_error, detail FROM connector_status
             WHERE connector = 'updates'",
        )?
        .query_row([], |r| {
            let status = Status {
                last_success_at: r.get(0)?,
                last_error: r
                    .get::<_, Option<i64>>(1)?
                    .map(|at| Ok::<_, rusqlite::Error>((at, Failure::Updates(r.get(2)?))))
                    .transpose()?,
            };
            Ok((status, r.get(3)?))
        })
        .optional()?;
    Ok(Connectors {
        smtp: (settings.flag(SMTP_ENABLED), smtp),
        mailboxes,
        directory: (settings.flag(LDAP_ENABLED), directory),
        updates,
    })
}

/// Everything the system page reads from the database, in one read.
#[derive(Debug, Clone)]
pub struct Overview {
    pub facts: DatabaseFacts,
    pub throttled: Vec<crate::domain::auth::throttle::ThrottledAddress>,
    pub connectors: Connectors,
    pub history: Vec<Migration>,
}

/// The database's facts, the addresses throttled now, the connectors and the schema history,
/// for the system page.
pub async fn overview(db: &crate::db::Db) -> Result<Overview, crate::domain::DomainError> {
    let path = db.path().to_owned();
    crate::domain::run::read(db, move |c| {
        let facts = database_facts(c, &path)?;
        let now = crate::domain::clock::now();
        Ok(Overview {
            facts,
            throttled: crate::domain::auth::throttle::throttled_addresses(c, now)?,
            connectors: connectors(c)?,
            history: schema_history(c).map_err(DbError::from)?,
        })
    })
    .await
}

/// The most problems the integrity check lists.
const INTEGRITY_PROBLEMS: usize = 100;

/// Runs SQLite's full integrity check and answers the problems it found (none: the database is
/// whole). It reads every page: seconds on a large database.
pub async fn integrity_check(
    db: &crate::db::Db,
) -> Result<Vec<String>, crate::domain::DomainError> {
    crate::domain::run::read(db, |c| {
        let mut stmt = c.prepare("PRAGMA integrity_check(100)")?;
        let lines = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<String>>>()
            .map_err(DbError::from)?;
        Ok(lines
            .into_iter()
            .filter(|l| l != "ok")
            .take(INTEGRITY_PROBLEMS)
            .collect())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connector_fails_when_its_last_error_is_newer_than_its_last_success() {
        let failed = |at| Some((at, Failure::Smtp("refused".into())));
        assert!(!Status::default().failing());
        assert!(
            Status {
                last_success_at: None,
                last_error: failed(5)
            }
            .failing()
        );
        assert!(
            Status {
                last_success_at: Some(4),
                last_error: failed(5)
            }
            .failing()
        );
        assert!(
            !Status {
                last_success_at: Some(6),
                last_error: failed(5)
            }
            .failing()
        );
    }
}
