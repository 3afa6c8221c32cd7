//! Sample data for trying Gestdesk and for benchmarks: companies, services, technicians and
//! users, categories, procedures, and tickets in every state with their threads and a few attachments,
//! spread over the last two years, written in one language (the server's unless chosen). The
//! same seed and language give the same data.
//!
//! Everything is written in one transaction; attachment files written before a failure are
//! removed again.

mod assets;
mod availability;
mod calendar;
mod people;
mod procedures;
mod surveys;
mod tickets;
mod words;

use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand::rngs::StdRng;
use rusqlite::Transaction;

use crate::db::Db;
use crate::domain::{DomainError, FieldErrors, clock, token, users};
use crate::i18n::{Lang, msg};

/// The most tickets one run adds.
pub const MAX_TICKETS: u32 = 2_000_000;
/// The most users one run adds.
pub const MAX_USERS: u32 = 100_000;
/// Most assets the sample makes.
pub const MAX_ASSETS: u32 = 500_000;

/// What to create.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub tickets: u32,
    pub users: u32,
    pub seed: u64,
    /// The language sample texts are written in; `None`: the server's default language.
    pub lang: Option<Lang>,
    /// How many assets; `None`: one per twenty tickets.
    pub assets: Option<u32>,
}

/// What was created, and how to log in.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub users: usize,
    pub technicians: usize,
    pub companies: usize,
    pub tickets: usize,
    pub entries: usize,
    pub attachments: usize,
    pub procedures: usize,
    /// Interventions planned and reminders set (the calendar).
    pub interventions: usize,
    pub reminders: usize,
    /// Tickets recording an unavailability of a monitored service.
    pub outages: usize,
    /// Satisfaction surveys sent, and answered.
    pub surveys: (usize, usize),
    pub assets: usize,
    pub asset_ifaces: usize,
    pub networks: usize,
    /// Whether an `admin` account was created (there was no administrator).
    pub admin_login: Option<String>,
    pub technician_logins: (String, String),
    pub user_logins: (String, String),
    /// The password of every account created.
    pub password: String,
}

/// Files written so far; removed again unless the transaction succeeds.
struct WrittenFiles {
    paths: Vec<PathBuf>,
    kept: bool,
}

impl Drop for WrittenFiles {
    fn drop(&mut self) {
        if !self.kept {
            for p in &self.paths {
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

fn check(options: &Options) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    if options.tickets > MAX_TICKETS {
        errors.add("tickets", msg("demo-error-tickets").arg("max", MAX_TICKETS));
    }
    if options.users == 0 || options.users > MAX_USERS {
        errors.add("users", msg("demo-error-users").arg("max", MAX_USERS));
    }
    if options.assets.is_some_and(|a| a > MAX_ASSETS) {
        errors.add("assets", msg("demo-error-assets").arg("max", MAX_ASSETS));
    }
    errors.into_result()
}

/// Adds sample data to the instance whose attachments live in `attachments_dir`. Refused when
/// the instance already has tickets, so that real data is never mixed with made-up data.
pub async fn fill(
    db: &Db,
    attachments_dir: &Path,
    options: Options,
) -> Result<Summary, DomainError> {
    check(&options)?;
    let password = token::temporary_password();
    let hash = users::password::hash(password.clone()).await?;
    let dir = attachments_dir.to_owned();
    let mut summary = db
        .write(move |tx| {
            let mut files = WrittenFiles {
                paths: Vec::new(),
                kept: false,
            };
            let summary = build(tx, &dir, options, &hash, &mut files.paths)?;
            files.kept = true;
            Ok::<_, DomainError>(summary)
        })
        .await?;
    summary.password = password;
    Ok(summary)
}

/// The tables the sample fills, empty before it.
const FILLED: [&str; 3] = ["tickets", "thread_entries", "attachments"];

/// Drops the secondary indexes of the tables the sample fills and returns the statements that
/// build them again: an index built once from the loaded rows costs a fraction of one kept up
/// to date row by row (a million tickets keep thirty indexes; their thread, four). Nothing
/// the load does reads these tables by an index.
fn set_aside_indexes(tx: &Transaction<'_>) -> Result<Vec<String>, DomainError> {
    let mut aside = Vec::new();
    for table in FILLED {
        let mut stmt = tx.prepare(
            "SELECT name, sql FROM sqlite_schema
             WHERE type = 'index' AND tbl_name = ?1 AND sql IS NOT NULL",
        )?;
        let found = stmt
            .query_map([table], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (name, sql) in found {
            tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
            aside.push(sql);
        }
    }
    Ok(aside)
}

fn build(
    tx: &Transaction<'_>,
    dir: &Path,
    options: Options,
    hash: &str,
    files: &mut Vec<PathBuf>,
) -> Result<Summary, DomainError> {
    let has_tickets: bool =
        tx.query_row("SELECT EXISTS(SELECT 1 FROM tickets)", [], |r| r.get(0))?;
    if has_tickets {
        return Err(DomainError::Conflict(msg("demo-not-empty")));
    }
    let lang = match options.lang {
        Some(lang) => lang,
        None => crate::domain::settings::Settings::load(tx)?.default_lang(),
    };
    let words = words::in_language(lang);
    let now = clock::now();
    let mut rng = StdRng::seed_from_u64(options.seed);
    // A large batch in one transaction: a bigger page cache keeps the tables and indexes being
    // filled in memory instead of spilling them to the log and looking them up there again,
    // and gives the index builds' sorts room. 1 KiB per ticket (64 MiB at least, about 1 GB for a
    // million tickets), so that a small sample stays small. Restored afterwards.
    let cache: i64 = tx.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    let kib = i64::from(options.tickets).clamp(65_536, 1_048_576);
    tx.execute_batch(&format!("PRAGMA cache_size = -{kib}"))?;
    // The search index and the kept ticket counts are built once at the end rather than
    // ticket by ticket.
    crate::domain::worklist::search::suspend(tx)?;
    let org = people::create(tx, &mut rng, (options.users as usize, words), hash, now)?;
    let aside = set_aside_indexes(tx)?;
    let made = tickets::create(
        tx,
        &mut rng,
        &org,
        options.tickets as usize,
        now,
        dir,
        files,
    );
    let made = made?;
    let asset_count = options.assets.unwrap_or(options.tickets / 20) as usize;
    let made_assets = assets::create(tx, &mut rng, &org, asset_count, now)?;
    assets::link_tickets(tx)?;
    let (interventions, reminders) = calendar::create(tx, now)?;
    let outages = availability::create(tx, now)?;
    let surveys = surveys::create(tx, now)?;
    for sql in &aside {
        tx.execute_batch(sql)?;
    }
    let procedures = procedures::create(tx, &mut rng, &org, now)?;
    crate::domain::worklist::kept_counts::rebuild(tx)?;
    crate::domain::worklist::search::rebuild(tx)?;
    tx.execute_batch(&format!("PRAGMA cache_size = {cache}"))?;
    Ok(Summary {
        users: org.users.len(),
        technicians: org.technicians.len(),
        companies: org.companies,
        tickets: made.tickets,
        entries: made.entries,
        attachments: made.attachments,
        procedures,
        interventions,
        reminders,
        outages,
        surveys,
        assets: made_assets.assets,
        asset_ifaces: made_assets.ifaces,
        networks: made_assets.networks,
        admin_login: org.admin_login.clone(),
        technician_logins: org.technician_logins.clone(),
        user_logins: org.user_logins.clone(),
        password: String::new(),
    })
}
