//! Users synchronised from a directory (Active Directory or OpenLDAP), one way: what the
//! directory holds ([`Snapshot`], read by the LDAP adapter, which this module never sees)
//! becomes a [`Plan`] of changes against the accounts, services, companies and agencies
//! ([`plan`]), shown as it is by "Simulate" and applied by "Synchronise" in the transaction
//! that computed it ([`apply`]), so that nothing changed between the two can be overwritten.
//! Every run is recorded ([`runs`]). [`login`] says how a synchronised account's password is
//! checked against the directory.
//!
//! The rules:
//! - an entry is matched to an account by its directory id (objectGUID or entryUUID), else by
//!   login (an existing account is then linked to it, and keeps its local password);
//! - a new account is a requester; its profile, and everything the directory does not hold,
//!   are Gestdesk's and never touched again;
//! - a mapped field empty in the directory is left as it is;
//! - an account disabled in the directory, or missing from it when the settings say so, is
//!   disabled; the synchronisation enables only the accounts it disabled itself, and never
//!   disables the last administrator;
//! - a service or agency group becomes a service or agency with its members; the service
//!   attribute makes its user a member of that service; only memberships of services and
//!   agencies linked to the directory are removed.

pub mod apply;
pub mod login;
pub mod plan;
pub mod runs;

use crate::db::Db;
use crate::domain::rights::names as right;
use crate::domain::{Actor, DomainError, clock};

pub use plan::{Change, Field, ListKind, ListRef, Membership, Plan, Problem, Reason, Toggle};
pub use runs::{Run, Trigger};

/// A user entry as read from the directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirUser {
    /// The entry's stable id (objectGUID as hex, or entryUUID).
    pub guid: String,
    pub dn: String,
    pub login: String,
    pub firstname: String,
    pub lastname: String,
    pub mail: String,
    pub phone: String,
    pub mobile: String,
    pub company: String,
    pub service: String,
    pub title: String,
    pub address: String,
    /// Disabled in the directory (Active Directory's `userAccountControl` bit 2).
    pub disabled: bool,
}

/// A group of a service or agency branch: its id, its name and its members' DNs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirGroup {
    pub guid: String,
    pub name: String,
    pub members: Vec<String>,
}

/// Everything one synchronisation reads from the directory.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub users: Vec<DirUser>,
    pub services: Vec<DirGroup>,
    pub agencies: Vec<DirGroup>,
}

/// What becomes of the synchronised accounts missing from the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    Disable,
    Leave,
}

/// What a run did (a simulation: would do).
#[derive(Debug)]
pub struct Outcome {
    pub run_id: i64,
    pub plan: Plan,
}

/// Who started a run: an administrator on the page, or nobody (the command, the schedule).
fn allowed(by: Option<&Actor>) -> Result<Option<i64>, DomainError> {
    match by {
        Some(actor) if !actor.rights.has(right::ADMIN) => Err(DomainError::Forbidden),
        Some(actor) => Ok(Some(actor.user.id.0)),
        None => Ok(None),
    }
}

/// Works out what synchronising `snapshot` changes, in one transaction, and makes it unless
/// `dry_run` (a simulation: only the run history changes).
pub async fn run(
    db: &Db,
    by: Option<&Actor>,
    trigger: Trigger,
    started_at: i64,
    snapshot: Snapshot,
    missing: Missing,
    dry_run: bool,
) -> Result<Outcome, DomainError> {
    let by = allowed(by)?;
    db.write(move |tx| {
        let plan = plan::plan(tx, &snapshot, missing)?;
        if !dry_run {
            apply::apply(tx, &plan, clock::now())?;
        }
        let recorded = runs::Recorded::of(&plan, trigger, by, dry_run, started_at);
        let run_id = runs::record(tx, &recorded)?;
        Ok(Outcome { run_id, plan })
    })
    .await
}

/// Records a run that could not read the directory (`error` says why).
pub async fn failed(
    db: &Db,
    by: Option<&Actor>,
    trigger: Trigger,
    started_at: i64,
    dry_run: bool,
    error: String,
) -> Result<i64, DomainError> {
    let by = allowed(by)?;
    db.write(move |tx| {
        let mut r = runs::Recorded::of(&Plan::default(), trigger, by, dry_run, started_at);
        r.error = error;
        Ok(runs::record(tx, &r)?)
    })
    .await
}
