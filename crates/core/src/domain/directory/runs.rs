//! The history of synchronisations and simulations: when, started by whom (or by the
//! schedule, or the command line), what they changed or would change, and what failed.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::db::Db;
use crate::domain::rights::names as right;
use crate::domain::{Actor, DomainError, clock};
use crate::i18n::{Msg, msg};

use super::plan::Plan;

/// What started a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Page,
    Command,
    Schedule,
}

impl Trigger {
    fn code(self) -> &'static str {
        match self {
            Trigger::Page => "page",
            Trigger::Command => "command",
            Trigger::Schedule => "schedule",
        }
    }

    fn parse(code: &str) -> Trigger {
        match code {
            "command" => Trigger::Command,
            "schedule" => Trigger::Schedule,
            _ => Trigger::Page,
        }
    }
}

/// A run about to be recorded.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub trigger: Trigger,
    pub by: Option<i64>,
    pub dry_run: bool,
    pub started_at: i64,
    pub error: String,
    pub counts: Counts,
}

/// What a run changed (or would).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub read_users: i64,
    pub created: i64,
    pub updated: i64,
    pub disabled: i64,
    pub enabled: i64,
    pub new_lists: i64,
    pub memberships_added: i64,
    pub memberships_removed: i64,
    pub problems: i64,
}

fn n(len: usize) -> i64 {
    i64::try_from(len).unwrap_or(i64::MAX)
}

impl Counts {
    /// The counts of `plan`.
    pub fn of(plan: &Plan) -> Counts {
        let added = plan.memberships.iter().filter(|m| m.added).count();
        Counts {
            read_users: n(plan.read_users),
            created: n(plan.create.len()),
            updated: n(plan.update.len()),
            disabled: n(plan.disable.len()),
            enabled: n(plan.enable.len()),
            new_lists: n(plan.new_services.len()
                + plan.new_companies.len()
                + plan.new_agencies.len()),
            memberships_added: n(added),
            memberships_removed: n(plan.memberships.len() - added),
            problems: n(plan.problems.len()),
        }
    }
}

impl Counts {
    /// The figures as one line, in the reader's language.
    pub fn message(&self) -> Msg {
        msg("directory-run-counts")
            .arg("read", self.read_users)
            .arg("created", self.created)
            .arg("updated", self.updated)
            .arg("disabled", self.disabled)
            .arg("enabled", self.enabled)
            .arg("lists", self.new_lists)
            .arg("added", self.memberships_added)
            .arg("removed", self.memberships_removed)
            .arg("problems", self.problems)
    }
}

impl Recorded {
    /// A run of `plan`.
    pub fn of(
        plan: &Plan,
        trigger: Trigger,
        by: Option<i64>,
        dry_run: bool,
        started_at: i64,
    ) -> Recorded {
        Recorded {
            trigger,
            by,
            dry_run,
            started_at,
            error: String::new(),
            counts: Counts::of(plan),
        }
    }
}

/// Writes run `r`, finished now; returns its id.
pub fn record(tx: &Transaction<'_>, r: &Recorded) -> rusqlite::Result<i64> {
    let c = &r.counts;
    tx.execute(
        "INSERT INTO directory_runs (started_at, finished_at, trigger, by_user, dry_run, error,
                read_users, created, updated, disabled, enabled, new_lists, memberships_added,
                memberships_removed, problems)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            r.started_at,
            clock::now().max(r.started_at),
            r.trigger.code(),
            r.by,
            r.dry_run,
            r.error,
            c.read_users,
            c.created,
            c.updated,
            c.disabled,
            c.enabled,
            c.new_lists,
            c.memberships_added,
            c.memberships_removed,
            c.problems
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// A recorded run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub id: i64,
    pub started_at: i64,
    pub finished_at: i64,
    pub trigger: Trigger,
    /// Who started it from the page (their name), if anyone.
    pub by: Option<String>,
    pub dry_run: bool,
    /// Why it failed (a translation key), empty when it worked.
    pub error: String,
    pub counts: Counts,
}

/// How many runs the history page shows.
pub const SHOWN: i64 = 200;

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Run> {
    Ok(Run {
        id: r.get(0)?,
        started_at: r.get(1)?,
        finished_at: r.get(2)?,
        trigger: Trigger::parse(&r.get::<_, String>(3)?),
        by: r.get(4)?,
        dry_run: r.get(5)?,
        error: r.get(6)?,
        counts: Counts {
            read_users: r.get(7)?,
            created: r.get(8)?,
            updated: r.get(9)?,
            disabled: r.get(10)?,
            enabled: r.get(11)?,
            new_lists: r.get(12)?,
            memberships_added: r.get(13)?,
            memberships_removed: r.get(14)?,
            problems: r.get(15)?,
        },
    })
}

const SELECT: &str = "SELECT r.id, r.started_at, r.finished_at, r.trigger, u.display_name,
        r.dry_run, r.error, r.read_users, r.created, r.updated, r.disabled, r.enabled,
        r.new_lists, r.memberships_added, r.memberships_removed, r.problems
     FROM directory_runs r LEFT JOIN users u ON u.id = r.by_user";

/// The newest runs first.
pub fn newest(conn: &Connection) -> rusqlite::Result<Vec<Run>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY r.id DESC LIMIT ?1"))?;
    let rows = stmt.query_map([SHOWN], from_row)?;
    rows.collect()
}

/// When the newest real (not simulated) scheduled or manual synchronisation started, whatever
/// its outcome: the schedule waits a day after it.
pub fn last_synchronisation(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT max(started_at) FROM directory_runs WHERE dry_run = 0",
        [],
        |r| r.get(0),
    )
    .optional()
    .map(Option::flatten)
}

/// The history, for an administrator.
pub async fn history(db: &Db, actor: &Actor) -> Result<Vec<Run>, DomainError> {
    if !actor.rights.has(right::ADMIN) {
        return Err(DomainError::Forbidden);
    }
    db.read(|c| Ok(newest(c)?)).await
}

/// When the newest synchronisation started (for the schedule).
pub async fn last(db: &Db) -> Result<Option<i64>, DomainError> {
    db.read(|c| Ok(last_synchronisation(c)?)).await
}
