//! Where the directory meets the synchronisation and the logins: the users and the service
//! and agency groups read from the LDAP server into the domain's [`Snapshot`] (every branch
//! whole, page by page), a run (simulated or real; one at a time per database) used by the
//! page, `gestdesk ldap sync` and the daily job, and the password check of a synchronised
//! account ([`LdapLogins`]).

use crate::jobs::supervisor::Run;
use std::time::Duration;

use crate::db::Db;
use crate::directory::{self, DirectoryError, Entry};
use crate::directory_settings::ldap_config;
use crate::domain::directory::login::{Account, PasswordCheck, Verdict};
use crate::domain::directory::{
    self as sync, DirGroup, DirUser, Missing, Outcome, Snapshot, Trigger,
};
use crate::domain::settings::Settings;
use crate::domain::settings::directory_registry::{self as keys, Attr};
use crate::domain::{Actor, DomainError, clock};
use crate::turn::Turn;

/// Why a run did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("the directory is off in the settings")]
    Off,
    #[error("a synchronisation is running already")]
    Busy,
    #[error("no user branch is set")]
    NoBranch,
    #[error(transparent)]
    Directory(#[from] DirectoryError),
    #[error(transparent)]
    Domain(#[from] DomainError),
}

/// Active Directory's "account disabled" bit of `userAccountControl`.
const ACCOUNTDISABLE: i64 = 2;

/// The entry's stable id: Active Directory's objectGUID, else entryUUID.
fn guid_of(e: &Entry) -> String {
    let g = e.first("objectGUID");
    if g.is_empty() {
        e.first("entryUUID")
    } else {
        g
    }
    .to_owned()
}

/// Whether Active Directory marks the entry as disabled.
fn disabled(e: &Entry) -> bool {
    e.first("userAccountControl")
        .trim()
        .parse::<i64>()
        .is_ok_and(|v| v & ACCOUNTDISABLE != 0)
}

/// The attributes read for each user: the mapped ones and the ids.
struct Mapping {
    login: String,
    firstname: String,
    lastname: String,
    mail: String,
    phone: String,
    mobile: String,
    company: String,
    service: String,
    title: String,
    address: String,
}

impl Mapping {
    fn of(s: &Settings) -> Mapping {
        Mapping {
            login: keys::attribute(s, Attr::Login),
            firstname: keys::attribute(s, Attr::FirstName),
            lastname: keys::attribute(s, Attr::LastName),
            mail: keys::attribute(s, Attr::Mail),
            phone: keys::attribute(s, Attr::Phone),
            mobile: keys::attribute(s, Attr::Mobile),
            company: keys::attribute(s, Attr::Company),
            service: keys::attribute(s, Attr::Service),
            title: keys::attribute(s, Attr::Title),
            address: keys::attribute(s, Attr::Address),
        }
    }

    fn attrs(&self) -> Vec<&str> {
        vec![
            &self.login,
            &self.firstname,
            &self.lastname,
            &self.mail,
            &self.phone,
            &self.mobile,
            &self.company,
            &self.service,
            &self.title,
            &self.address,
            "userAccountControl",
            "objectGUID",
            "entryUUID",
        ]
    }

    fn user(&self, e: &Entry) -> DirUser {
        DirUser {
            guid: guid_of(e),
            dn: e.dn.clone(),
            login: e.first(&self.login).to_owned(),
            firstname: e.first(&self.firstname).to_owned(),
            lastname: e.first(&self.lastname).to_owned(),
            mail: e.first(&self.mail).to_owned(),
            phone: e.first(&self.phone).to_owned(),
            mobile: e.first(&self.mobile).to_owned(),
            company: e.first(&self.company).to_owned(),
            service: e.first(&self.service).to_owned(),
            title: e.first(&self.title).to_owned(),
            address: e.first(&self.address).to_owned(),
            disabled: disabled(e),
        }
    }
}

/// The filter that finds groups on either server type.
const GROUP_FILTER: &str =
    "(|(objectClass=group)(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))";

async fn groups(
    d: &mut directory::Directory,
    branch: &str,
) -> Result<Vec<DirGroup>, DirectoryError> {
    let mut out = Vec::new();
    if branch.trim().is_empty() {
        return Ok(out);
    }
    let attrs = ["cn", "member", "uniqueMember", "objectGUID", "entryUUID"];
    d.search_each(branch.trim(), GROUP_FILTER, &attrs, |e| {
        let mut members = e.all("member").to_vec();
        members.extend_from_slice(e.all("uniqueMember"));
        out.push(DirGroup {
            guid: guid_of(&e),
            name: e.first("cn").to_owned(),
            members,
        });
    })
    .await?;
    Ok(out)
}

/// Reads every user of the branches and the service and agency groups.
pub async fn read(s: &Settings) -> Result<Snapshot, SyncError> {
    let branches = keys::user_branches(s);
    if branches.is_empty() {
        return Err(SyncError::NoBranch);
    }
    let map = Mapping::of(s);
    let mut d = directory::connect(&ldap_config(s)).await?;
    let read = async {
        let mut snapshot = Snapshot::default();
        let attrs = map.attrs();
        for b in &branches {
            d.search_each(b, keys::user_filter(s), &attrs, |e| {
                snapshot.users.push(map.user(&e));
            })
            .await?;
        }
        snapshot.services = groups(&mut d, s.raw(keys::LDAP_SERVICE_GROUPS)).await?;
        snapshot.agencies = groups(&mut d, s.raw(keys::LDAP_AGENCY_GROUPS)).await?;
        Ok::<_, DirectoryError>(snapshot)
    }
    .await;
    d.close().await;
    Ok(read?)
}

/// The translation key saying why a run did not happen (kept in the run history).
pub fn failure_key(e: &SyncError) -> &'static str {
    match e {
        SyncError::Off => "directory-sync-off",
        SyncError::Busy => "directory-sync-busy",
        SyncError::NoBranch => "directory-sync-no-branch",
        SyncError::Directory(d) => crate::directory_settings::failure_key(d),
        SyncError::Domain(_) => "directory-sync-failed",
    }
}

fn missing(s: &Settings) -> Missing {
    if s.raw(keys::LDAP_MISSING_USERS) == keys::MISSING_LEAVE {
        Missing::Leave
    } else {
        Missing::Disable
    }
}

/// One run: reads the directory, then simulates (`dry_run`) or synchronises. A run that could
/// not read the directory is recorded with its error.
pub async fn run(
    db: &Db,
    by: Option<&Actor>,
    trigger: Trigger,
    dry_run: bool,
) -> Result<Outcome, SyncError> {
    if let Some(a) = by
        && !a.rights.has(crate::domain::rights::names::ADMIN)
    {
        return Err(DomainError::Forbidden.into());
    }
    let Some(_turn) = Turn::take("directory sync", db, 0) else {
        return Err(SyncError::Busy);
    };
    let settings = db
        .read(|c| Ok::<_, DomainError>(Settings::load(c)?))
        .await?;
    if !settings.flag(keys::LDAP_ENABLED) {
        return Err(SyncError::Off);
    }
    let started = clock::now();
    let snapshot = match read(&settings).await {
        Ok(s) => s,
        Err(e) => {
            tracing::warn!("directory synchronisation could not read the directory: {e}");
            sync::failed(
                db,
                by,
                trigger,
                started,
                dry_run,
                failure_key(&e).to_owned(),
            )
            .await?;
            return Err(e);
        }
    };
    let missing = missing(&settings);
    Ok(sync::run(db, by, trigger, started, snapshot, missing, dry_run).await?)
}

/// How often the daily schedule is looked at.
pub const CHECK_EVERY: Duration = Duration::from_secs(60);

/// The job: synchronises once a day after the hour set, when the directory is on, from the
/// day after the first synchronisation made by hand (which an administrator makes after
/// seeing its simulation).
pub async fn run_due(db: &Db, when: Run) -> Result<String, String> {
    let settings = db
        .read(|c| Ok(Settings::load(c)?))
        .await
        .map_err(|e: DomainError| e.to_string())?;
    if !settings.flag(keys::LDAP_ENABLED) {
        return Ok(String::new());
    }
    if when == Run::Now {
        return synchronise(db).await;
    }
    if !settings.flag(keys::LDAP_SYNC_DAILY) {
        return Ok(String::new());
    }
    let Some(last) = sync::runs::last(db).await.map_err(|e| e.to_string())? else {
        return Ok(String::new());
    };
    let now = jiff::ZonedDateTime::now();
    let hour = settings.number(keys::LDAP_SYNC_HOUR);
    if !crate::jobs::backups::due(&now, hour, Some(last), last) {
        return Ok(String::new());
    }
    synchronise(db).await
}

/// One synchronisation started by the server (on schedule, or when asked on the system page).
async fn synchronise(db: &Db) -> Result<String, String> {
    match run(db, None, Trigger::Schedule, false).await {
        Ok(o) => Ok(format!(
            "directory synchronised: {} read, {} created, {} updated, {} disabled",
            o.plan.read_users,
            o.plan.create.len(),
            o.plan.update.len(),
            o.plan.disable.len()
        )),
        Err(SyncError::Busy) => Ok(String::new()),
        Err(e) => Err(format!("directory synchronisation failed: {e}")),
    }
}

/// Checks synchronised accounts' passwords by binding as their entry.
pub struct LdapLogins;

impl PasswordCheck for LdapLogins {
    async fn check(&self, s: &Settings, account: &Account, password: &str) -> Verdict {
        match check(s, account, password).await {
            Ok(true) => Verdict::Accepted,
            Ok(false) => Verdict::Refused,
            Err(e) => {
                tracing::warn!("directory login of {} not checked: {e}", account.login);
                Verdict::Unreachable
            }
        }
    }
}

/// Finds the account's entry by its login (escaped) with the service account, checks it is the
/// same entry and not disabled, then binds as it.
async fn check(s: &Settings, account: &Account, password: &str) -> Result<bool, DirectoryError> {
    // An empty password would be an anonymous bind: never a login (and no need to ask).
    if password.is_empty() {
        return Ok(false);
    }
    let cfg = ldap_config(s);
    let mut d = directory::connect(&cfg).await?;
    let login_attr = keys::attribute(s, Attr::Login);
    let filter = format!(
        "(&{}({}={}))",
        keys::user_filter(s),
        login_attr,
        directory::escape(&account.login)
    );
    let checked = async {
        let attrs = ["userAccountControl", "objectGUID", "entryUUID"];
        let Some(entry) = d.find_one(&keys::user_branches(s), &filter, &attrs).await? else {
            return Ok(false);
        };
        if guid_of(&entry) != account.guid || disabled(&entry) {
            return Ok(false);
        }
        d.bind_as(&cfg, &entry.dn, password).await
    }
    .await;
    d.close().await;
    checked
}
