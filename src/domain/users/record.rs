//! The full user record, the form that edits it, and which of its fields an actor may change.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use crate::domain::FieldErrors;
use crate::domain::clock;
use crate::domain::profiles::Profile;
use crate::i18n::msg;

use super::preferences;
use super::rules;

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

/// Which fields of an account the person editing it may change. Fields outside the policy are
/// neither shown nor read from the form.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldPolicy {
    /// Login (administration only).
    pub login: bool,
    /// A new password typed in the same form (administration only).
    pub password: bool,
    /// A new account may be left without a password: it cannot log in until one is set
    /// (requesters added from a ticket form who never use Gestdesk themselves).
    pub password_optional: bool,
    /// Names, mail, phone.
    pub contact: bool,
    /// Whether the mail may not be left empty (self-registration).
    pub mail_required: bool,
    /// Mobile, fax, function, address, zip, city, custom fields ("advanced user properties").
    pub advanced: bool,
    pub company: bool,
    pub services: bool,
    pub agencies: bool,
    pub profile: bool,
    pub must_change_password: bool,
    /// Language, theme, default state, sort order.
    pub preferences: bool,
    /// Per-user ticket limit.
    pub limits: bool,
}

/// What was typed in an account form, by field name (several values for services and agencies).
#[derive(Debug, Clone, Default)]
pub struct UserInput {
    fields: HashMap<String, Vec<String>>,
}

impl UserInput {
    /// From the `(name, value)` pairs of a form.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut fields: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in pairs {
            fields.entry(k).or_default().push(v);
        }
        Self { fields }
    }

    /// The values of a stored record, as its form shows them.
    pub fn from_record(r: &UserRecord) -> Self {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let mut fields: HashMap<String, Vec<String>> = [
            ("login", r.login.clone()),
            ("firstname", r.firstname.clone()),
            ("lastname", r.lastname.clone()),
            ("mail", r.mail.clone()),
            ("phone", r.phone.clone()),
            ("mobile", r.mobile.clone()),
            ("fax", r.fax.clone()),
            ("function", r.function.clone()),
            (
                "company",
                r.company_id.map(|c| c.to_string()).unwrap_or_default(),
            ),
            ("address1", r.address1.clone()),
            ("address2", r.address2.clone()),
            ("zip", r.zip.clone()),
            ("city", r.city.clone()),
            ("custom1", r.custom1.clone()),
            ("custom2", r.custom2.clone()),
            ("profile", r.profile_id.to_string()),
            ("theme", opt(&r.theme)),
            ("language", opt(&r.language)),
            ("default_ticket_state", opt(&r.default_ticket_state)),
            ("ticket_order", opt(&r.ticket_order)),
            ("limit_ticket_number", r.limit_ticket_number.to_string()),
            ("limit_ticket_days", r.limit_ticket_days.to_string()),
            ("limit_ticket_date_start", opt(&r.limit_ticket_date_start)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), vec![v]))
        .collect();
        if r.must_change_password {
            fields.insert("must_change_password".to_owned(), vec!["1".to_owned()]);
        }
        fields.insert(
            "services".to_owned(),
            r.service_ids.iter().map(ToString::to_string).collect(),
        );
        fields.insert(
            "agencies".to_owned(),
            r.agency_ids.iter().map(ToString::to_string).collect(),
        );
        Self { fields }
    }

    /// The (first) value typed for `name`, trimmed; empty when absent.
    pub fn text(&self, name: &str) -> String {
        self.fields
            .get(name)
            .and_then(|v| v.first())
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    }

    /// The raw (untrimmed) value of `name`, for passwords.
    pub fn raw(&self, name: &str) -> String {
        self.fields
            .get(name)
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default()
    }

    /// Every value of `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    /// Whether a checkbox `name` was ticked.
    pub fn checked(&self, name: &str) -> bool {
        matches!(self.text(name).as_str(), "1" | "on" | "true")
    }
}

/// A valid change, ready to store: the record with the permitted fields replaced, and the new
/// password if one was typed.
#[derive(Debug, Clone)]
pub struct Validated {
    pub record: UserRecord,
    pub new_password: Option<String>,
}

/// The checks that need the database (existence of choices, unique login), answered by it.
pub trait Lookups {
    fn login_taken(&self, login: &str, except: Option<i64>) -> bool;
    fn company_exists(&self, id: i64) -> bool;
    fn service_exists(&self, id: i64) -> bool;
    fn agency_exists(&self, id: i64) -> bool;
    fn state_exists(&self, id: i64) -> bool;
    /// What new passwords must be.
    fn password_policy(&self) -> rules::PasswordPolicy {
        rules::PasswordPolicy::default()
    }
}

fn parse_id(text: &str) -> Option<Option<i64>> {
    if text.is_empty() {
        return Some(None);
    }
    text.parse::<i64>().ok().filter(|n| *n > 0).map(Some)
}

fn check_text(field: &'static str, value: &str, max: usize, errors: &mut FieldErrors) {
    if value.chars().count() > max {
        errors.add(field, msg("error-too-long").arg("max", max));
    } else if value.chars().any(char::is_control) {
        errors.add(field, msg("error-invalid-characters"));
    }
}

fn check_phone(field: &'static str, value: &str, errors: &mut FieldErrors) {
    let ok = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +.-()/".contains(c));
    if value.chars().count() > 50 {
        errors.add(field, msg("error-too-long").arg("max", 50));
    } else if !ok {
        errors.add(field, msg("error-phone-invalid"));
    }
}

/// Applies what was typed to `base` within `policy`, and checks it. `creating` makes the login
/// and password mandatory.
pub fn validate(
    base: &UserRecord,
    input: &UserInput,
    policy: FieldPolicy,
    creating: bool,
    lookups: &dyn Lookups,
) -> Result<Validated, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut r = base.clone();
    let mut new_password = None;

    if policy.login {
        r.login = input.text("login");
        rules::check_login(&r.login, &mut errors);
        if errors.get("login").is_none()
            && lookups.login_taken(&r.login, (!creating).then_some(r.id))
        {
            errors.add("login", msg("error-login-taken"));
        }
    }
    if policy.password {
        let password = input.raw("password");
        let confirm = input.raw("password_confirm");
        if (creating && !policy.password_optional) || !password.is_empty() {
            let login = if policy.login { &r.login } else { &base.login };
            rules::check_new_password(
                lookups.password_policy(),
                login,
                &password,
                &confirm,
                &mut errors,
            );
            new_password = Some(password);
        }
    }
    if policy.contact {
        r.firstname = input.text("firstname");
        r.lastname = input.text("lastname");
        r.mail = input.text("mail");
        r.phone = input.text("phone");
        rules::check_name("firstname", &r.firstname, false, &mut errors);
        rules::check_name("lastname", &r.lastname, true, &mut errors);
        if policy.mail_required && r.mail.is_empty() {
            errors.add("mail", msg("error-required"));
        }
        rules::check_mail(&r.mail, &mut errors);
        check_phone("phone", &r.phone, &mut errors);
    }
    if policy.advanced {
        r.mobile = input.text("mobile");
        r.fax = input.text("fax");
        r.function = input.text("function");
        r.address1 = input.text("address1");
        r.address2 = input.text("address2");
        r.zip = input.text("zip");
        r.city = input.text("city");
        r.custom1 = input.text("custom1");
        r.custom2 = input.text("custom2");
        check_phone("mobile", &r.mobile, &mut errors);
        check_phone("fax", &r.fax, &mut errors);
        check_text("function", &r.function, 100, &mut errors);
        check_text("address1", &r.address1, 200, &mut errors);
        check_text("address2", &r.address2, 200, &mut errors);
        check_text("zip", &r.zip, 20, &mut errors);
        check_text("city", &r.city, 100, &mut errors);
        check_text("custom1", &r.custom1, 200, &mut errors);
        check_text("custom2", &r.custom2, 200, &mut errors);
    }
    if policy.company {
        match parse_id(&input.text("company")) {
            Some(None) => r.company_id = None,
            Some(Some(id)) if lookups.company_exists(id) => r.company_id = Some(id),
            _ => errors.add("company", msg("error-unknown-choice")),
        }
    }
    if policy.services {
        let mut chosen = Vec::new();
        for v in input.all("services") {
            match parse_id(v.trim()) {
                Some(Some(id)) if lookups.service_exists(id) => chosen.push(id),
                Some(None) => {}
                _ => errors.add("services", msg("error-unknown-choice")),
            }
        }
        chosen.sort_unstable();
        chosen.dedup();
        r.service_ids = chosen;
    }
    if policy.agencies {
        let mut chosen = Vec::new();
        for v in input.all("agencies") {
            match parse_id(v.trim()) {
                Some(Some(id)) if lookups.agency_exists(id) => chosen.push(id),
                Some(None) => {}
                _ => errors.add("agencies", msg("error-unknown-choice")),
            }
        }
        chosen.sort_unstable();
        chosen.dedup();
        r.agency_ids = chosen;
    }
    if policy.profile {
        match input
            .text("profile")
            .parse::<i64>()
            .ok()
            .and_then(Profile::from_id)
        {
            Some(p) => r.profile_id = p.id(),
            None => errors.add("profile", msg("error-unknown-choice")),
        }
    }
    if policy.must_change_password {
        r.must_change_password = input.checked("must_change_password");
    }
    if policy.preferences {
        let language = input.text("language");
        rules::check_language(&language, &mut errors);
        r.language = Some(language).filter(|l| !l.is_empty());
        let theme = input.text("theme");
        if !theme.is_empty() && !preferences::is_theme(&theme) {
            errors.add("theme", msg("error-unknown-choice"));
        }
        r.theme = Some(theme).filter(|t| !t.is_empty());
        let state = input.text("default_ticket_state");
        // `[scope|]state`: the user's own tickets, or another scope of the menu ("all|meta").
        let (scope, state_code) = state.split_once('|').unwrap_or(("", state.as_str()));
        let scope_ok =
            scope.is_empty() || crate::domain::worklist::scope::Scope::parse(scope).is_some();
        let state_ok = scope_ok
            && (state_code.is_empty()
                || state_code == "all"
                || state_code == preferences::META_STATE
                || state_code
                    .parse::<i64>()
                    .is_ok_and(|id| lookups.state_exists(id)));
        if !state_ok {
            errors.add("default_ticket_state", msg("error-unknown-choice"));
        }
        r.default_ticket_state = Some(state).filter(|s| !s.is_empty());
        let order = input.text("ticket_order");
        if !order.is_empty() && !preferences::is_order(&order) {
            errors.add("ticket_order", msg("error-unknown-choice"));
        }
        r.ticket_order = Some(order).filter(|o| !o.is_empty());
    }
    if policy.limits {
        for (field, target, max) in [
            ("limit_ticket_number", &mut r.limit_ticket_number, 1_000_000),
            ("limit_ticket_days", &mut r.limit_ticket_days, 36_500),
        ] {
            let text = input.text(field);
            match text.parse::<i64>() {
                _ if text.is_empty() => *target = 0,
                Ok(n) if (0..=max).contains(&n) => *target = n,
                _ => errors.add(
                    field,
                    msg("error-number-range").arg("min", 0).arg("max", max),
                ),
            }
        }
        let start = input.text("limit_ticket_date_start");
        if start.is_empty() {
            r.limit_ticket_date_start = None;
        } else if start.len() == 10 && start.parse::<jiff::civil::Date>().is_ok() {
            r.limit_ticket_date_start = Some(start);
        } else {
            errors.add("limit_ticket_date_start", msg("error-date"));
        }
    }
    if errors.is_empty() {
        Ok(Validated {
            record: r,
            new_password,
        })
    } else {
        Err(errors)
    }
}

/// Answers [`Lookups`] from a connection.
pub struct DbLookups<'a>(pub &'a Connection);

impl Lookups for DbLookups<'_> {
    fn login_taken(&self, login: &str, except: Option<i64>) -> bool {
        self.0
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM users WHERE login = ?1 AND id IS NOT ?2)",
                params![login, except],
                |r| r.get(0),
            )
            .unwrap_or(true)
    }
    fn company_exists(&self, id: i64) -> bool {
        exists(
            self.0,
            "SELECT EXISTS(SELECT 1 FROM companies WHERE id = ?1)",
            id,
        )
    }
    fn service_exists(&self, id: i64) -> bool {
        exists(
            self.0,
            "SELECT EXISTS(SELECT 1 FROM services WHERE id = ?1)",
            id,
        )
    }
    fn agency_exists(&self, id: i64) -> bool {
        exists(
            self.0,
            "SELECT EXISTS(SELECT 1 FROM agencies WHERE id = ?1)",
            id,
        )
    }
    fn state_exists(&self, id: i64) -> bool {
        exists(
            self.0,
            "SELECT EXISTS(SELECT 1 FROM ticket_states WHERE id = ?1)",
            id,
        )
    }
    fn password_policy(&self) -> rules::PasswordPolicy {
        crate::domain::settings::Settings::load(self.0)
            .map(|s| rules::PasswordPolicy::from_settings(&s))
            .unwrap_or_default()
    }
}

fn exists(conn: &Connection, sql: &str, id: i64) -> bool {
    conn.query_row(sql, [id], |r| r.get(0)).unwrap_or(false)
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
