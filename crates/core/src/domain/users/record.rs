//! The full user record: reading it and storing a checked change (the form is in
//! [`super::form`]).

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use crate::domain::clock;
use crate::domain::profiles::Profile;

pub use super::form::{DbLookups, FieldPolicy, Lookups, UserInput, Validated, validate};

/// Every stored field of an account (never its password hash).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserRecord {
    pub id: i64,
    pub login: String,
    pub firstname: String,
    pub lastname: String,
    pub mail: String,
    pub phone: String,
    pub mobile: String,
    pub fax: String,
    pub function: String,
    pub company_id: Option<i64>,
    pub address1: String,
    pub address2: String,
    pub zip: String,
    pub city: String,
    pub custom1: String,
    pub custom2: String,
    pub profile_id: i64,
    pub disabled: bool,
    pub must_change_password: bool,
    pub theme: Option<String>,
    pub language: Option<String>,
    pub default_ticket_state: Option<String>,
    pub ticket_order: Option<String>,
    pub limit_ticket_number: i64,
    pub limit_ticket_days: i64,
    pub limit_ticket_date_start: Option<String>,
    pub last_login_at: Option<i64>,
    pub service_ids: Vec<i64>,
    pub agency_ids: Vec<i64>,
    /// The name as shown, in the order the settings choose (kept by the database).
    pub display_name: String,
}

impl UserRecord {
    /// The name as shown everywhere.
    pub fn list_name(&self) -> String {
        self.display_name.clone()
    }

    /// The profile.
    pub fn profile(&self) -> Profile {
        Profile::from_id(self.profile_id).unwrap_or(Profile::User)
    }
}

const COLUMNS: &str = "id, login, firstname, lastname, mail, phone, mobile, fax, function, \
     company_id, address1, address2, zip, city, custom1, custom2, profile_id, disabled, \
     must_change_password, theme, language, default_ticket_state, ticket_order, \
     limit_ticket_number, limit_ticket_days, limit_ticket_date_start, last_login_at, display_name";

fn from_row(r: &Row<'_>) -> rusqlite::Result<UserRecord> {
    Ok(UserRecord {
        id: r.get(0)?,
        login: r.get(1)?,
        firstname: r.get(2)?,
        lastname: r.get(3)?,
        mail: r.get(4)?,
        phone: r.get(5)?,
        mobile: r.get(6)?,
        fax: r.get(7)?,
        function: r.get(8)?,
        company_id: r.get(9)?,
        address1: r.get(10)?,
        address2: r.get(11)?,
        zip: r.get(12)?,
        city: r.get(13)?,
        custom1: r.get(14)?,
        custom2: r.get(15)?,
        profile_id: r.get(16)?,
        disabled: r.get(17)?,
        must_change_password: r.get(18)?,
        theme: r.get(19)?,
        language: r.get(20)?,
        default_ticket_state: r.get(21)?,
        ticket_order: r.get(22)?,
        limit_ticket_number: r.get(23)?,
        limit_ticket_days: r.get(24)?,
        limit_ticket_date_start: r.get(25)?,
        last_login_at: r.get(26)?,
        service_ids: Vec::new(),
        agency_ids: Vec::new(),
        display_name: r.get(27)?,
    })
}

fn ids(conn: &Connection, sql: &str, user: i64) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map([user], |r| r.get(0))?;
    rows.collect()
}

/// The record of user `id`.
pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<UserRecord>> {
    let record = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM users WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?;
    let Some(mut record) = record else {
        return Ok(None);
    };
    record.service_ids = ids(
        conn,
        "SELECT service_id FROM user_services WHERE user_id = ?1 ORDER BY service_id",
        id,
    )?;
    record.agency_ids = ids(
        conn,
        "SELECT agency_id FROM user_agencies WHERE user_id = ?1 ORDER BY agency_id",
        id,
    )?;
    Ok(Some(record))
}

/// Writes the columns of record `r` (an existing account) that `policy` lets a form change, and
/// the new password hash if any; the other columns stay as they are in the database.
pub fn store_changes(
    tx: &Transaction<'_>,
    r: &UserRecord,
    policy: FieldPolicy,
    password_hash: Option<&str>,
) -> rusqlite::Result<()> {
    use rusqlite::types::Value;
    let now = clock::now();
    let text = |v: &str| Value::Text(v.to_owned());
    let opt_text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::Text);
    let mut sets: Vec<(&str, Value)> = vec![("updated_at", Value::Integer(now))];
    if policy.login {
        sets.push(("login", text(&r.login)));
    }
    if policy.contact {
        sets.extend([
            ("firstname", text(&r.firstname)),
            ("lastname", text(&r.lastname)),
            ("mail", text(&r.mail)),
            ("phone", text(&r.phone)),
        ]);
    }
    if policy.advanced {
        sets.extend([
            ("mobile", text(&r.mobile)),
            ("fax", text(&r.fax)),
            ("function", text(&r.function)),
            ("address1", text(&r.address1)),
            ("address2", text(&r.address2)),
            ("zip", text(&r.zip)),
            ("city", text(&r.city)),
            ("custom1", text(&r.custom1)),
            ("custom2", text(&r.custom2)),
        ]);
    }
    if policy.company {
        sets.push((
            "company_id",
            r.company_id.map_or(Value::Null, Value::Integer),
        ));
    }
    if policy.profile {
        sets.push(("profile_id", Value::Integer(r.profile_id)));
    }
    if policy.must_change_password {
        sets.push((
            "must_change_password",
            Value::Integer(i64::from(r.must_change_password)),
        ));
    }
    if policy.preferences {
        sets.extend([
            ("theme", opt_text(&r.theme)),
            ("language", opt_text(&r.language)),
            ("default_ticket_state", opt_text(&r.default_ticket_state)),
            ("ticket_order", opt_text(&r.ticket_order)),
        ]);
    }
    if policy.limits {
        sets.extend([
            ("limit_ticket_number", Value::Integer(r.limit_ticket_number)),
            ("limit_ticket_days", Value::Integer(r.limit_ticket_days)),
            (
                "limit_ticket_date_start",
                opt_text(&r.limit_ticket_date_start),
            ),
        ]);
    }
    if let Some(hash) = password_hash {
        sets.push(("password_hash", text(hash)));
        sets.push(("password_changed_at", Value::Integer(now)));
    }
    let assignments: Vec<String> = sets
        .iter()
        .enumerate()
        .map(|(i, (column, _))| format!("{column} = ?{}", i + 2))
        .collect();
    let mut values = vec![Value::Integer(r.id)];
    values.extend(sets.into_iter().map(|(_, v)| v));
    tx.execute(
        &format!("UPDATE users SET {} WHERE id = ?1", assignments.join(", ")),
        rusqlite::params_from_iter(values),
    )?;
    if policy.services {
        tx.execute("DELETE FROM user_services WHERE user_id = ?1", [r.id])?;
        for s in &r.service_ids {
            tx.execute(
                "INSERT INTO user_services (user_id, service_id) VALUES (?1, ?2)",
                params![r.id, s],
            )?;
        }
    }
    if policy.agencies {
        tx.execute("DELETE FROM user_agencies WHERE user_id = ?1", [r.id])?;
        for a in &r.agency_ids {
            tx.execute(
                "INSERT INTO user_agencies (user_id, agency_id) VALUES (?1, ?2)",
                params![r.id, a],
            )?;
        }
    }
    Ok(())
}

/// Stores a validated record: inserts it when its id is 0, else updates it.
pub fn store(
    tx: &Transaction<'_>,
    r: &UserRecord,
    password_hash: Option<&str>,
) -> rusqlite::Result<i64> {
    let now = clock::now();
    let id = if r.id == 0 {
        tx.execute(
            "INSERT INTO users (login, password_hash, created_at, updated_at, profile_id)
             VALUES (?1, ?2, ?3, ?3, ?4)",
            params![r.login, password_hash, now, r.profile_id],
        )?;
        tx.last_insert_rowid()
    } else {
        if let Some(hash) = password_hash {
            tx.execute(
                "UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1",
                params![r.id, hash, now],
            )?;
        }
        r.id
    };
    tx.execute(
        "UPDATE users SET login = ?2, firstname = ?3, lastname = ?4, mail = ?5, phone = ?6,
             mobile = ?7, fax = ?8, function = ?9, company_id = ?10, address1 = ?11,
             address2 = ?12, zip = ?13, city = ?14, custom1 = ?15, custom2 = ?16,
             profile_id = ?17, must_change_password = ?18, theme = ?19, language = ?20,
             default_ticket_state = ?21, ticket_order = ?22, limit_ticket_number = ?23,
             limit_ticket_days = ?24, limit_ticket_date_start = ?25, updated_at = ?26
         WHERE id = ?1",
        params![
            id,
            r.login,
            r.firstname,
            r.lastname,
            r.mail,
            r.phone,
            r.mobile,
            r.fax,
            r.function,
            r.company_id,
            r.address1,
            r.address2,
            r.zip,
            r.city,
            r.custom1,
            r.custom2,
            r.profile_id,
            r.must_change_password,
            r.theme,
            r.language,
            r.default_ticket_state,
            r.ticket_order,
            r.limit_ticket_number,
            r.limit_ticket_days,
            r.limit_ticket_date_start,
            now
        ],
    )?;
    tx.execute("DELETE FROM user_services WHERE user_id = ?1", [id])?;
    for s in &r.service_ids {
        tx.execute(
            "INSERT INTO user_services (user_id, service_id) VALUES (?1, ?2)",
            params![id, s],
        )?;
    }
    tx.execute("DELETE FROM user_agencies WHERE user_id = ?1", [id])?;
    for a in &r.agency_ids {
        tx.execute(
            "INSERT INTO user_agencies (user_id, agency_id) VALUES (?1, ?2)",
            params![id, a],
        )?;
    }
    Ok(id)
}
