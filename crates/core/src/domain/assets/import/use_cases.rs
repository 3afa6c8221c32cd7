//! The asset import's use cases: preview a file sent from the stock view, show that preview
//! again, confirm it, list the latest imports, and import a file as the server itself (the
//! watched folder and the shell).
//!
//! From the page, importing needs what creating assets needs (`asset` without
//! `asset_list_view_only`, and `side_asset_create`); lines update only assets the importer
//! sees. Only the one who sent a file confirms it, once.

use rusqlite::Transaction;

use crate::db::Db;
use crate::domain::rights::names as right;
use crate::domain::{Actor, DomainError, clock, run};
use crate::i18n::{Lang, Msg, msg};

use super::log::{self, Logged, Source};
use super::{Importer, Report};
use crate::domain::assets::Reader;

/// A file read and checked, line by line.
#[derive(Debug, Clone)]
pub struct Previewed {
    /// The import in the log, to confirm.
    pub id: i64,
    pub file_name: String,
    /// What confirming would do, or why the file cannot be imported at all.
    pub report: Result<Report, Msg>,
}

/// `actor` as an importer: refused unless they may create assets.
fn importer(tx: &rusqlite::Connection, actor: &Actor) -> Result<Importer, DomainError> {
    let reader = Reader::of(tx, actor)?;
    if !reader.may_edit || !actor.has(right::SIDE_ASSET_CREATE) {
        return Err(DomainError::Forbidden);
    }
    Ok(Importer {
        reader,
        author: Some(actor.id().0),
    })
}

/// The server itself: it sees and may change every asset.
fn server() -> Importer {
    Importer {
        reader: Reader::server(),
        author: None,
    }
}

/// Runs the import of `bytes` and rolls every change back: what confirming would do.
fn dry_run(
    tx: &Transaction<'_>,
    who: &Importer,
    bytes: &[u8],
) -> rusqlite::Result<Result<Report, Msg>> {
    tx.execute_batch("SAVEPOINT import_preview")?;
    let report = super::run(tx, who, bytes);
    tx.execute_batch("ROLLBACK TO import_preview; RELEASE import_preview")?;
    report
}

/// The longest file name kept.
const MAX_FILE_NAME: usize = 200;

fn file_name(name: &str) -> String {
    let name = crate::domain::text::visible(name.trim());
    let name: String = name.chars().take(MAX_FILE_NAME).collect();
    if name.is_empty() {
        "import.csv".to_owned()
    } else {
        name
    }
}

/// Keeps the file `actor` sent and says what importing it would do.
pub async fn preview(
    db: &Db,
    actor: &Actor,
    name: &str,
    bytes: Vec<u8>,
    lang: Lang,
) -> Result<Previewed, DomainError> {
    let actor = actor.clone();
    let file_name = file_name(name);
    run::write(db, move |tx| {
        let who = importer(tx, &actor)?;
        let now = clock::now();
        log::purge(tx, now)?;
        let report = dry_run(tx, &who, &bytes)?;
        let id = match &report {
            Ok(_) => log::add(tx, &file_name, Source::Page, who.author, now, Some(&bytes))?,
            Err(why) => {
                let id = log::add(tx, &file_name, Source::Page, who.author, now, None)?;
                log::finish(
                    tx,
                    id,
                    now,
                    super::Counts::default(),
                    Some(&why.render(lang)),
                )?;
                id
            }
        };
        Ok(Previewed {
            id,
            file_name,
            report,
        })
    })
    .await
}

/// The preview of import `id` again, while it waits for its confirmation by `actor`.
pub async fn previewed(db: &Db, actor: &Actor, id: i64) -> Result<Previewed, DomainError> {
    let actor = actor.clone();
    run::write(db, move |tx| {
        let who = importer(tx, &actor)?;
        let entry = log::get(tx, id)?.ok_or(DomainError::NotFound)?;
        let bytes = log::pending(tx, id, actor.id().0)?.ok_or(DomainError::NotFound)?;
        let report = dry_run(tx, &who, &bytes)?;
        Ok(Previewed {
            id,
            file_name: entry.file_name,
            report,
        })
    })
    .await
}

/// Imports the file of import `id`, which `actor` sent and has seen previewed: every accepted
/// line in one transaction. A second confirmation finds nothing left to import.
pub async fn confirm(db: &Db, actor: &Actor, id: i64) -> Result<Report, DomainError> {
    let actor = actor.clone();
    run::write(db, move |tx| {
        let who = importer(tx, &actor)?;
        let bytes = log::take_pending(tx, id, actor.id().0)?
            .ok_or_else(|| DomainError::Conflict(msg("asset-import-gone")))?;
        let report = super::run(tx, &who, &bytes)?.map_err(|m| {
            let mut errors = crate::domain::FieldErrors::new();
            errors.add("file", m);
            DomainError::Invalid(errors)
        })?;
        log::finish(tx, id, clock::now(), report.counts(), None)?;
        Ok(report)
    })
    .await
}

/// The latest imports, for those who may import.
pub async fn recent(db: &Db, actor: &Actor) -> Result<Vec<Logged>, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        importer(c, &actor)?;
        Ok(log::recent(c, actor.id().0)?)
    })
    .await
}

/// What the server's own import did, and the server's language to report it in.
#[derive(Debug, Clone)]
pub struct ServerImport {
    pub lang: Lang,
    pub report: Result<Report, Msg>,
}

/// Imports `bytes` (from the watched folder or the shell) as the server itself; with
/// `dry_run`, says what it would do and changes nothing (not even the log). A file refused as
/// a whole is logged with its reason in the server's language.
pub async fn as_server(
    db: &Db,
    name: &str,
    bytes: Vec<u8>,
    source: Source,
    dry_run: bool,
) -> Result<ServerImport, DomainError> {
    let file_name = file_name(name);
    run::write(db, move |tx| {
        let settings = crate::domain::settings::Settings::load(tx)?;
        let lang = settings.default_lang();
        let who = server();
        if dry_run {
            let report = self::dry_run(tx, &who, &bytes)?;
            return Ok(ServerImport { lang, report });
        }
        let now = clock::now();
        let id = log::add(tx, &file_name, source, None, now, None)?;
        let report = super::run(tx, &who, &bytes)?;
        match &report {
            Ok(r) => log::finish(tx, id, now, r.counts(), None)?,
            Err(why) => log::finish(
                tx,
                id,
                now,
                super::Counts::default(),
                Some(&why.render(lang)),
            )?,
        }
        Ok(ServerImport { lang, report })
    })
    .await
}
