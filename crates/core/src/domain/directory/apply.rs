//! Makes a [`Plan`]'s changes, in the transaction that worked it out: the new services,
//! companies and agencies first, then the accounts, then the memberships. A disabled account's
//! sessions end with it.

use rusqlite::{Transaction, params};

use crate::domain::DomainError;
use crate::domain::ids::UserId;
use crate::domain::profiles::Profile;
use crate::domain::sessions;

use super::plan::{Field, ListKind, ListRef, Plan, UserRef};

fn column(field: Field) -> &'static str {
    match field {
        Field::Login => "login",
        Field::FirstName => "firstname",
        Field::LastName => "lastname",
        Field::Mail => "mail",
        Field::Phone => "phone",
        Field::Mobile => "mobile",
        Field::Title => "function",
        Field::Address => "address1",
        Field::Company => "company_id",
    }
}

fn table(kind: ListKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        ListKind::Service => ("services", "user_services", "service_id"),
        ListKind::Agency => ("agencies", "user_agencies", "agency_id"),
    }
}

fn resolve(list: ListRef, new: &[i64]) -> i64 {
    match list {
        ListRef::Existing(id) => id,
        ListRef::New(i) => new[i],
    }
}

/// Applies `plan` at time `now`.
pub fn apply(tx: &Transaction<'_>, plan: &Plan, now: i64) -> Result<(), DomainError> {
    let mut new_services = Vec::with_capacity(plan.new_services.len());
    for s in &plan.new_services {
        tx.execute(
            "INSERT INTO services (name, ldap_guid) VALUES (?1, ?2)",
            params![s.name, s.guid],
        )?;
        new_services.push(tx.last_insert_rowid());
    }
    let mut new_agencies = Vec::with_capacity(plan.new_agencies.len());
    for a in &plan.new_agencies {
        tx.execute(
            "INSERT INTO agencies (name, ldap_guid) VALUES (?1, ?2)",
            params![a.name, a.guid],
        )?;
        new_agencies.push(tx.last_insert_rowid());
    }
    let mut new_companies = Vec::with_capacity(plan.new_companies.len());
    for c in &plan.new_companies {
        tx.execute("INSERT INTO companies (name) VALUES (?1)", [c])?;
        new_companies.push(tx.last_insert_rowid());
    }
    for (kind, id, guid) in &plan.list_links {
        let (t, _, _) = table(*kind);
        tx.execute(
            &format!("UPDATE {t} SET ldap_guid = ?2 WHERE id = ?1"),
            params![id, guid],
        )?;
    }

    let mut created = Vec::with_capacity(plan.create.len());
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO users (login, password_hash, firstname, lastname, mail, phone, mobile,
                                function, address1, company_id, profile_id, disabled,
                                directory_disabled, ldap_guid, directory_dn, created_at, updated_at)
             VALUES (?1, NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?14)",
        )?;
        for n in &plan.create {
            let e = &n.entry;
            insert.execute(params![
                e.login,
                e.firstname,
                e.lastname,
                e.mail,
                e.phone,
                e.mobile,
                e.title,
                e.address,
                n.company.map(|c| resolve(c, &new_companies)),
                Profile::User.id(),
                e.disabled,
                e.guid,
                e.dn,
                now
            ])?;
            created.push(tx.last_insert_rowid());
        }
    }
    for u in &plan.update {
        for c in &u.changes {
            let value: rusqlite::types::Value = if c.field == Field::Company {
                u.company.map(|c| resolve(c, &new_companies)).into()
            } else {
                c.new.clone().into()
            };
            tx.execute(
                &format!(
                    "UPDATE users SET {} = ?2, updated_at = ?3 WHERE id = ?1",
                    column(c.field)
                ),
                params![u.user_id, value, now],
            )?;
        }
    }
    for (id, guid, dn) in &plan.relinks {
        tx.execute(
            "UPDATE users SET ldap_guid = ?2, directory_dn = ?3 WHERE id = ?1",
            params![id, guid, dn],
        )?;
    }
    for t in &plan.disable {
        tx.execute(
            "UPDATE users SET disabled = 1, directory_disabled = 1, updated_at = ?2 WHERE id = ?1",
            params![t.user_id, now],
        )?;
        sessions::end_all_for_user(tx, UserId(t.user_id))?;
    }
    for t in &plan.enable {
        tx.execute(
            "UPDATE users SET disabled = 0, directory_disabled = 0, updated_at = ?2 WHERE id = ?1",
            params![t.user_id, now],
        )?;
    }

    for m in &plan.memberships {
        let user = match m.user {
            UserRef::Existing(id) => id,
            UserRef::New(i) => created[i],
        };
        let (_, link, col) = table(m.kind);
        let list = resolve(
            m.list,
            match m.kind {
                ListKind::Service => &new_services,
                ListKind::Agency => &new_agencies,
            },
        );
        let sql = if m.added {
            format!("INSERT OR IGNORE INTO {link} (user_id, {col}) VALUES (?1, ?2)")
        } else {
            format!("DELETE FROM {link} WHERE user_id = ?1 AND {col} = ?2")
        };
        tx.prepare_cached(&sql)?.execute(params![user, list])?;
    }
    Ok(())
}
