//! What a synchronisation changes: the directory's snapshot compared with the accounts,
//! services, companies and agencies as stored in the transaction that will apply it. The plan
//! is what "Simulate" shows and what "Synchronise" applies, row for row.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use crate::domain::users::rules;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Msg, msg};

use super::{DirUser, Missing, Snapshot};

/// A field the synchronisation keeps up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Login,
    FirstName,
    LastName,
    Mail,
    Phone,
    Mobile,
    Title,
    Address,
    Company,
}

impl Field {
    /// The translation key of its name.
    pub fn label(self) -> &'static str {
        match self {
            Field::Login => "user-field-login",
            Field::FirstName => "user-field-firstname",
            Field::LastName => "user-field-lastname",
            Field::Mail => "user-field-mail",
            Field::Phone => "user-field-phone",
            Field::Mobile => "user-field-mobile",
            Field::Title => "user-field-function",
            Field::Address => "user-field-address1",
            Field::Company => "user-field-company",
        }
    }
}

/// One field's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    pub old: String,
    pub new: String,
}

/// An account, existing or created by this run (index into [`Plan::create`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UserRef {
    Existing(i64),
    New(usize),
}

/// A service, company or agency, existing or created by this run (index into the plan's list
/// of new ones of its kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListRef {
    Existing(i64),
    New(usize),
}

/// Which list a membership or a new entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListKind {
    Service,
    Agency,
}

/// An account to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub entry: DirUser,
    pub company: Option<ListRef>,
}

/// Changes to an existing account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub user_id: i64,
    /// The login it has now.
    pub login: String,
    pub changes: Vec<Change>,
    /// The new company, when [`Field::Company`] changes.
    pub company: Option<ListRef>,
}

/// Why an account is disabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    DisabledInDirectory,
    MissingFromDirectory,
}

/// An account to disable or enable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toggle {
    pub user_id: i64,
    pub login: String,
    pub reason: Reason,
}

/// A membership to add or remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub user: UserRef,
    pub login: String,
    pub kind: ListKind,
    pub list: ListRef,
    pub name: String,
    pub added: bool,
}

/// A new service or agency (with the directory id of its group; empty for a service named by
/// the service attribute).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewList {
    pub name: String,
    pub guid: String,
}

/// An entry left out, or a change held back, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The entry has no login, or one Gestdesk cannot take (spaces, too long...).
    BadLogin { dn: String, login: String },
    /// The entry has no directory id.
    NoId { login: String },
    /// Two entries have the same login or id: the second is left out.
    Duplicate { login: String },
    /// The login belongs to an account linked to another entry.
    LoginTaken { login: String },
    /// Disabling it would leave no administrator.
    LastAdministrator { login: String },
    /// The directory returned no user at all: nobody is disabled as missing.
    EmptyDirectory,
}

impl Problem {
    /// What it says, in the reader's language.
    pub fn message(&self) -> Msg {
        match self {
            Problem::BadLogin { dn, login } => msg("directory-problem-bad-login")
                .arg("dn", dn.clone())
                .arg("login", login.clone()),
            Problem::NoId { login } => msg("directory-problem-no-id").arg("login", login.clone()),
            Problem::Duplicate { login } => {
                msg("directory-problem-duplicate").arg("login", login.clone())
            }
            Problem::LoginTaken { login } => {
                msg("directory-problem-login-taken").arg("login", login.clone())
            }
            Problem::LastAdministrator { login } => {
                msg("directory-problem-last-admin").arg("login", login.clone())
            }
            Problem::EmptyDirectory => msg("directory-problem-empty"),
        }
    }
}

impl Reason {
    /// The translation key saying it.
    pub fn label(self) -> &'static str {
        match self {
            Reason::DisabledInDirectory => "directory-reason-disabled",
            Reason::MissingFromDirectory => "directory-reason-missing",
        }
    }
}

/// Every change one synchronisation makes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// How many user entries the directory returned.
    pub read_users: usize,
    pub create: Vec<NewAccount>,
    pub update: Vec<Update>,
    pub disable: Vec<Toggle>,
    pub enable: Vec<Toggle>,
    pub new_services: Vec<NewList>,
    pub new_companies: Vec<String>,
    pub new_agencies: Vec<NewList>,
    pub memberships: Vec<Membership>,
    pub problems: Vec<Problem>,
    /// Accounts whose directory id or DN is written (a link, a moved entry): not shown.
    pub relinks: Vec<(i64, String, String)>,
    /// Existing services and agencies linked to a group or named by the attribute: not shown.
    pub list_links: Vec<(ListKind, i64, String)>,
}

impl Plan {
    /// Whether the run changes nothing.
    pub fn is_empty(&self) -> bool {
        self.create.is_empty()
            && self.update.is_empty()
            && self.disable.is_empty()
            && self.enable.is_empty()
            && self.new_services.is_empty()
            && self.new_companies.is_empty()
            && self.new_agencies.is_empty()
            && self.memberships.is_empty()
    }

    /// The name of the new list `list` of `kind`, or of an existing one (`names`).
    fn new_list_name(&self, kind: ListKind, i: usize) -> &str {
        match kind {
            ListKind::Service => &self.new_services[i].name,
            ListKind::Agency => &self.new_agencies[i].name,
        }
    }
}

/// The longest value kept of a text field read from the directory.
const MAX_TEXT: usize = 200;

fn bounded(s: &str) -> String {
    s.trim().chars().take(MAX_TEXT).collect()
}

/// A DN compared as the directory does: case and spaces around the commas do not count.
pub fn dn_key(dn: &str) -> String {
    dn.split(',')
        .map(|p| p.trim().to_lowercase())
        .collect::<Vec<_>>()
        .join(",")
}

struct Local {
    id: i64,
    login: String,
    fields: [String; 8],
    company_id: Option<i64>,
    disabled: bool,
    directory_disabled: bool,
    guid: String,
    dn: String,
}

struct Lists {
    /// id -> (name, guid)
    by_id: HashMap<i64, (String, String)>,
    by_guid: HashMap<String, i64>,
    by_name: HashMap<String, i64>,
}

fn lists(conn: &Connection, table: &str) -> rusqlite::Result<Lists> {
    let mut l = Lists {
        by_id: HashMap::new(),
        by_guid: HashMap::new(),
        by_name: HashMap::new(),
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT id, name, ldap_guid FROM {table} ORDER BY disabled, id"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (id, name, guid) = row?;
        if !guid.is_empty() {
            l.by_guid.entry(guid.clone()).or_insert(id);
        }
        l.by_name.entry(name.to_lowercase()).or_insert(id);
        l.by_id.insert(id, (name, guid));
    }
    Ok(l)
}

/// Each account's memberships of one kind.
fn memberships(
    conn: &Connection,
    table: &str,
    column: &str,
) -> rusqlite::Result<HashMap<i64, HashSet<i64>>> {
    let mut stmt = conn.prepare(&format!("SELECT user_id, {column} FROM {table}"))?;
    let mut held: HashMap<i64, HashSet<i64>> = HashMap::new();
    for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))? {
        let (user, list) = row?;
        held.entry(user).or_default().insert(list);
    }
    Ok(held)
}

/// The directory id a service gets when the service attribute names it.
fn attribute_guid(name: &str) -> String {
    format!("attribute:{}", name.to_lowercase())
}

/// Where a run stands while the plan is made.
struct Making {
    plan: Plan,
    services: Lists,
    agencies: Lists,
    /// Lower-case names of the companies -> id; new ones by lower-case name -> index.
    companies: HashMap<String, i64>,
    company_names: HashMap<i64, String>,
    new_company: HashMap<String, usize>,
    /// New services or agencies by guid and by lower-case name.
    new_by_guid: HashMap<(ListKind, String), usize>,
    new_by_name: HashMap<(ListKind, String), usize>,
    /// Existing lists linked in this run (now managed).
    linked: HashSet<(ListKind, i64)>,
}

impl Making {
    fn lists(&self, kind: ListKind) -> &Lists {
        match kind {
            ListKind::Service => &self.services,
            ListKind::Agency => &self.agencies,
        }
    }

    /// The service or agency of a group (or of the service attribute, `guid` from
    /// [`attribute_guid`]): linked by id, else by name, else created.
    fn list_of(&mut self, kind: ListKind, guid: &str, name: &str) -> ListRef {
        let lname = name.to_lowercase();
        if let Some(&id) = self.lists(kind).by_guid.get(guid) {
            return ListRef::Existing(id);
        }
        if let Some(&i) = self.new_by_guid.get(&(kind, guid.to_owned())) {
            return ListRef::New(i);
        }
        if let Some(&id) = self.lists(kind).by_name.get(&lname) {
            let unlinked = self
                .lists(kind)
                .by_id
                .get(&id)
                .is_some_and(|(_, g)| g.is_empty());
            if unlinked && self.linked.insert((kind, id)) {
                self.plan.list_links.push((kind, id, guid.to_owned()));
                return ListRef::Existing(id);
            }
            if self.linked.contains(&(kind, id)) && guid.starts_with("attribute:") {
                return ListRef::Existing(id);
            }
        }
        if let Some(&i) = self.new_by_name.get(&(kind, lname.clone()))
            && guid.starts_with("attribute:")
        {
            return ListRef::New(i);
        }
        let new = NewList {
            name: name.to_owned(),
            guid: guid.to_owned(),
        };
        let list = match kind {
            ListKind::Service => &mut self.plan.new_services,
            ListKind::Agency => &mut self.plan.new_agencies,
        };
        list.push(new);
        let i = list.len() - 1;
        self.new_by_guid.insert((kind, guid.to_owned()), i);
        self.new_by_name.entry((kind, lname)).or_insert(i);
        ListRef::New(i)
    }

    fn company_of(&mut self, name: &str) -> ListRef {
        let lname = name.to_lowercase();
        if let Some(&id) = self.companies.get(&lname) {
            return ListRef::Existing(id);
        }
        if let Some(&i) = self.new_company.get(&lname) {
            return ListRef::New(i);
        }
        self.plan.new_companies.push(name.to_owned());
        let i = self.plan.new_companies.len() - 1;
        self.new_company.insert(lname, i);
        ListRef::New(i)
    }

    /// Whether a membership of `list` is the directory's to remove.
    fn managed(&self, kind: ListKind, list: i64) -> bool {
        self.linked.contains(&(kind, list))
            || self
                .lists(kind)
                .by_id
                .get(&list)
                .is_some_and(|(_, g)| !g.is_empty())
    }

    fn list_name(&self, kind: ListKind, list: ListRef) -> String {
        match list {
            ListRef::Existing(id) => self
                .lists(kind)
                .by_id
                .get(&id)
                .map(|(n, _)| n.clone())
                .unwrap_or_default(),
            ListRef::New(i) => self.plan.new_list_name(kind, i).to_owned(),
        }
    }
}

fn read_locals(conn: &Connection) -> rusqlite::Result<Vec<Local>> {
    let mut stmt = conn.prepare(
        "SELECT id, login, firstname, lastname, mail, phone, mobile, function, address1,
                company_id, disabled, directory_disabled, ldap_guid, directory_dn
         FROM users",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Local {
            id: r.get(0)?,
            login: r.get(1)?,
            fields: [
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ],
            company_id: r.get(9)?,
            disabled: r.get(10)?,
            directory_disabled: r.get(11)?,
            guid: r.get(12)?,
            dn: r.get(13)?,
        })
    })?;
    rows.collect()
}

const FIELDS: [Field; 8] = [
    Field::Login,
    Field::FirstName,
    Field::LastName,
    Field::Mail,
    Field::Phone,
    Field::Mobile,
    Field::Title,
    Field::Address,
];

fn entry_fields(e: &DirUser) -> [&str; 8] {
    [
        &e.login,
        &e.firstname,
        &e.lastname,
        &e.mail,
        &e.phone,
        &e.mobile,
        &e.title,
        &e.address,
    ]
}

/// Works out every change `snapshot` makes to what `conn` holds.
pub fn plan(conn: &Connection, snapshot: &Snapshot, missing: Missing) -> Result<Plan, DomainError> {
    let locals = read_locals(conn)?;
    let mut by_guid: HashMap<&str, usize> = HashMap::new();
    let mut by_login: HashMap<String, usize> = HashMap::new();
    for (i, l) in locals.iter().enumerate() {
        if !l.guid.is_empty() {
            by_guid.insert(&l.guid, i);
        }
        by_login.insert(l.login.to_lowercase(), i);
    }
    let mut companies = HashMap::new();
    let mut company_names = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT id, name FROM companies ORDER BY disabled, id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, name) = row?;
            companies.entry(name.to_lowercase()).or_insert(id);
            company_names.insert(id, name);
        }
    }
    let mut m = Making {
        plan: Plan {
            read_users: snapshot.users.len(),
            ..Plan::default()
        },
        services: lists(conn, "services")?,
        agencies: lists(conn, "agencies")?,
        companies,
        company_names,
        new_company: HashMap::new(),
        new_by_guid: HashMap::new(),
        new_by_name: HashMap::new(),
        linked: HashSet::new(),
    };

    // Each entry: matched, created or left out; its fields compared.
    let mut seen_guid = HashSet::new();
    let mut seen_login = HashSet::new();
    let mut matched: HashSet<usize> = HashSet::new();
    // DN key -> the account, and the service named by its attribute.
    let mut by_dn: HashMap<String, (UserRef, String)> = HashMap::new();
    let mut attribute_service: Vec<(UserRef, ListRef)> = Vec::new();
    for raw in &snapshot.users {
        let mut e = raw.clone();
        for f in [
            &mut e.login,
            &mut e.firstname,
            &mut e.lastname,
            &mut e.mail,
            &mut e.phone,
            &mut e.mobile,
            &mut e.company,
            &mut e.service,
            &mut e.title,
            &mut e.address,
        ] {
            *f = bounded(f);
        }
        let mut errors = FieldErrors::default();
        rules::check_login(&e.login, &mut errors);
        if !errors.is_empty() {
            m.plan.problems.push(Problem::BadLogin {
                dn: e.dn.clone(),
                login: e.login.clone(),
            });
            continue;
        }
        if e.guid.is_empty() {
            m.plan.problems.push(Problem::NoId { login: e.login });
            continue;
        }
        let lkey = e.login.to_lowercase();
        if !seen_guid.insert(e.guid.clone()) || !seen_login.insert(lkey.clone()) {
            m.plan.problems.push(Problem::Duplicate { login: e.login });
            continue;
        }
        let local = match by_guid.get(e.guid.as_str()) {
            Some(&i) => Some(i),
            None => match by_login.get(&lkey) {
                Some(&i) if locals[i].guid.is_empty() => Some(i),
                Some(_) => {
                    m.plan.problems.push(Problem::LoginTaken { login: e.login });
                    continue;
                }
                None => None,
            },
        };
        let company = (!e.company.is_empty()).then(|| m.company_of(&e.company));
        let user = match local {
            None => {
                m.plan.create.push(NewAccount {
                    entry: e.clone(),
                    company,
                });
                UserRef::New(m.plan.create.len() - 1)
            }
            Some(i) => {
                matched.insert(i);
                let l = &locals[i];
                let mut changes = Vec::new();
                for ((field, old), new) in FIELDS.iter().zip(&l.fields).zip(entry_fields(&e)) {
                    // Logins are compared as the directory does, without case.
                    let same = if *field == Field::Login {
                        old.to_lowercase() == new.to_lowercase()
                    } else {
                        old == new
                    };
                    if new.is_empty() || same {
                        continue;
                    }
                    if *field == Field::Login {
                        // Another account holds the new login: the login stays.
                        if by_login.get(&new.to_lowercase()).is_some_and(|&j| j != i) {
                            m.plan.problems.push(Problem::LoginTaken {
                                login: new.to_owned(),
                            });
                            continue;
                        }
                    }
                    changes.push(Change {
                        field: *field,
                        old: old.clone(),
                        new: new.to_owned(),
                    });
                }
                let mut new_company = None;
                if let Some(c) = company
                    && c != l
                        .company_id
                        .map_or(ListRef::New(usize::MAX), ListRef::Existing)
                {
                    let old = l
                        .company_id
                        .and_then(|id| m.company_names.get(&id).cloned())
                        .unwrap_or_default();
                    changes.push(Change {
                        field: Field::Company,
                        old,
                        new: e.company.clone(),
                    });
                    new_company = Some(c);
                }
                if !changes.is_empty() {
                    m.plan.update.push(Update {
                        user_id: l.id,
                        login: l.login.clone(),
                        changes,
                        company: new_company,
                    });
                }
                if l.guid != e.guid || l.dn != e.dn {
                    m.plan.relinks.push((l.id, e.guid.clone(), e.dn.clone()));
                }
                if e.disabled && !l.disabled {
                    m.plan.disable.push(Toggle {
                        user_id: l.id,
                        login: l.login.clone(),
                        reason: Reason::DisabledInDirectory,
                    });
                } else if !e.disabled && l.disabled && l.directory_disabled {
                    m.plan.enable.push(Toggle {
                        user_id: l.id,
                        login: l.login.clone(),
                        reason: Reason::DisabledInDirectory,
                    });
                }
                UserRef::Existing(l.id)
            }
        };
        if !e.service.is_empty() {
            let list = m.list_of(ListKind::Service, &attribute_guid(&e.service), &e.service);
            attribute_service.push((user, list));
        }
        by_dn.insert(dn_key(&e.dn), (user, e.login.clone()));
    }

    // Accounts linked to the directory that it no longer holds.
    if missing == Missing::Disable {
        let linked_missing = locals
            .iter()
            .enumerate()
            .filter(|(i, l)| !l.guid.is_empty() && !l.disabled && !matched.contains(i));
        if snapshot.users.is_empty() {
            if linked_missing.count() > 0 {
                m.plan.problems.push(Problem::EmptyDirectory);
            }
        } else {
            for (_, l) in linked_missing {
                m.plan.disable.push(Toggle {
                    user_id: l.id,
                    login: l.login.clone(),
                    reason: Reason::MissingFromDirectory,
                });
            }
        }
    }
    keep_an_administrator(conn, &mut m.plan)?;

    // Memberships: what the groups and the service attribute say, against what is stored.
    let mut wanted: HashMap<(UserRef, ListKind), HashSet<ListRef>> = HashMap::new();
    for (user, list) in attribute_service {
        wanted
            .entry((user, ListKind::Service))
            .or_default()
            .insert(list);
    }
    for (kind, groups) in [
        (ListKind::Service, &snapshot.services),
        (ListKind::Agency, &snapshot.agencies),
    ] {
        for g in groups
            .iter()
            .filter(|g| !g.name.trim().is_empty() && !g.guid.is_empty())
        {
            let list = m.list_of(kind, &g.guid, &bounded(&g.name));
            for member in &g.members {
                if let Some((user, _)) = by_dn.get(&dn_key(member)) {
                    wanted.entry((*user, kind)).or_default().insert(list);
                }
            }
        }
    }
    let held = [
        (
            ListKind::Service,
            memberships(conn, "user_services", "service_id")?,
        ),
        (
            ListKind::Agency,
            memberships(conn, "user_agencies", "agency_id")?,
        ),
    ];
    let none = HashSet::new();
    // In the order of the logins.
    let mut users_in_order: Vec<(UserRef, String)> = by_dn.values().cloned().collect();
    users_in_order.sort_by_key(|a| a.1.to_lowercase());
    for (user, login) in &users_in_order {
        for (kind, held) in &held {
            let want = wanted.get(&(*user, *kind));
            let has = match user {
                UserRef::Existing(u) => held.get(u).unwrap_or(&none),
                UserRef::New(_) => &none,
            };
            let mut add: Vec<ListRef> = want
                .map(|w| {
                    w.iter()
                        .filter(|l| match l {
                            ListRef::Existing(id) => !has.contains(id),
                            ListRef::New(_) => true,
                        })
                        .copied()
                        .collect()
                })
                .unwrap_or_default();
            add.sort_by_key(|l| m.list_name(*kind, *l).to_lowercase());
            for list in add {
                let name = m.list_name(*kind, list);
                m.plan.memberships.push(Membership {
                    user: *user,
                    login: login.clone(),
                    kind: *kind,
                    list,
                    name,
                    added: true,
                });
            }
            {
                let mut remove: Vec<i64> = has
                    .iter()
                    .filter(|hl| {
                        m.managed(*kind, **hl)
                            && !want.is_some_and(|w| w.contains(&ListRef::Existing(**hl)))
                    })
                    .copied()
                    .collect();
                remove.sort_unstable();
                for id in remove {
                    let name = m.list_name(*kind, ListRef::Existing(id));
                    m.plan.memberships.push(Membership {
                        user: *user,
                        login: login.clone(),
                        kind: *kind,
                        list: ListRef::Existing(id),
                        name,
                        added: false,
                    });
                }
            }
        }
    }
    Ok(m.plan)
}

/// Holds back the disabling of the last active administrators, so that one stays.
fn keep_an_administrator(conn: &Connection, plan: &mut Plan) -> rusqlite::Result<()> {
    let admins = crate::domain::rights::active_administrator_ids(conn)?;
    let disabled_admins = plan
        .disable
        .iter()
        .filter(|t| admins.contains(&t.user_id))
        .count();
    if disabled_admins > 0 && disabled_admins >= admins.len() {
        // Keep the first of them enabled.
        if let Some(pos) = plan
            .disable
            .iter()
            .position(|t| admins.contains(&t.user_id))
        {
            let kept = plan.disable.remove(pos);
            plan.problems
                .push(Problem::LastAdministrator { login: kept.login });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{DirGroup, DirUser, Missing, Snapshot, apply::apply};
    use super::*;
    use crate::domain::profiles::Profile;

    fn database() -> (tempfile::TempDir, rusqlite::Connection) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("gestdesk.sqlite3");
        drop(crate::db::Db::open(&path).expect("open"));
        let conn = rusqlite::Connection::open(&path).expect("connection");
        (dir, conn)
    }

    fn local(conn: &Connection, login: &str, profile: Profile, guid: &str) -> i64 {
        conn.execute(
            "INSERT INTO users (login, password_hash, profile_id, ldap_guid, created_at, updated_at)
             VALUES (?1, 'x', ?2, ?3, 0, 0)",
            rusqlite::params![login, profile.id(), guid],
        )
        .expect("user");
        conn.last_insert_rowid()
    }

    fn entry(login: &str) -> DirUser {
        DirUser {
            guid: format!("guid-{login}"),
            dn: format!("uid={login},ou=Staff,dc=example,dc=test"),
            login: login.to_owned(),
            lastname: login.to_uppercase(),
            ..DirUser::default()
        }
    }

    fn synchronise(conn: &mut Connection, s: &Snapshot) -> Plan {
        let tx = conn.transaction().expect("tx");
        let p = plan(&tx, s, Missing::Disable).expect("plan");
        apply(&tx, &p, 1).expect("apply");
        tx.commit().expect("commit");
        p
    }

    #[test]
    fn the_last_administrator_is_never_disabled_and_an_empty_directory_disables_nobody() {
        let (_dir, conn) = database();
        let admin = local(&conn, "boss", Profile::Administrator, "guid-boss");
        local(&conn, "left", Profile::User, "guid-left");
        let only_others = Snapshot {
            users: vec![entry("someone")],
            ..Snapshot::default()
        };
        let p = plan(&conn, &only_others, Missing::Disable).expect("plan");
        assert_eq!(
            p.disable
                .iter()
                .map(|t| t.login.as_str())
                .collect::<Vec<_>>(),
            ["left"]
        );
        assert_eq!(
            p.problems,
            [Problem::LastAdministrator {
                login: "boss".to_owned()
            }]
        );
        assert!(p.disable.iter().all(|t| t.user_id != admin));

        let empty = plan(&conn, &Snapshot::default(), Missing::Disable).expect("plan");
        assert!(empty.disable.is_empty());
        assert_eq!(empty.problems, [Problem::EmptyDirectory]);
        let left = plan(&conn, &only_others, Missing::Leave).expect("plan");
        assert!(left.disable.is_empty());
    }

    #[test]
    fn a_second_run_changes_nothing_and_hand_made_memberships_stay() {
        let (_dir, mut conn) = database();
        conn.execute(
            "INSERT INTO services (id, name) VALUES (50, 'Local only')",
            [],
        )
        .expect("service");
        let mut ann = entry("ann");
        ann.service = "Sales".to_owned();
        ann.company = "Acme".to_owned();
        let snapshot = Snapshot {
            users: vec![ann, entry("bob")],
            services: vec![DirGroup {
                guid: "g1".to_owned(),
                name: "Helpdesk".to_owned(),
                members: vec!["UID=ann, OU=Staff,DC=example,DC=test".to_owned()],
            }],
            agencies: vec![DirGroup {
                guid: "g2".to_owned(),
                name: "Paris".to_owned(),
                members: vec![
                    "uid=bob,ou=Staff,dc=example,dc=test".to_owned(),
                    "uid=stranger,ou=Other,dc=example,dc=test".to_owned(),
                ],
            }],
        };
        let first = synchronise(&mut conn, &snapshot);
        assert_eq!(first.create.len(), 2);
        assert_eq!(first.memberships.len(), 3, "{:?}", first.memberships);
        // A membership made by hand in a service that is not the directory's.
        conn.execute(
            "INSERT INTO user_services (user_id, service_id)
             SELECT id, 50 FROM users WHERE login = 'ann'",
            [],
        )
        .expect("membership");
        let second = synchronise(&mut conn, &snapshot);
        assert!(second.is_empty(), "{second:?}");
        let held: i64 = conn
            .query_row(
                "SELECT count(*) FROM user_services us JOIN users u ON u.id = us.user_id
                 WHERE u.login = 'ann'",
                [],
                |r| r.get(0),
            )
            .expect("count");
        assert_eq!(held, 3, "Sales, Helpdesk and the hand-made one");
        // Ann leaves the group: only that membership goes.
        let mut changed = snapshot.clone();
        changed.services[0].members.clear();
        let third = synchronise(&mut conn, &changed);
        assert_eq!(third.memberships.len(), 1);
        assert!(!third.memberships[0].added);
        assert_eq!(third.memberships[0].name, "Helpdesk");
    }
}
