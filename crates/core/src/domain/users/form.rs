//! The account form: which fields the person editing may change, what was typed, and its
//! checks (with the lookups they need answered from the database).

use std::collections::HashMap;

use rusqlite::{Connection, params};

use crate::domain::FieldErrors;
use crate::domain::profiles::Profile;
use crate::i18n::msg;

use super::preferences;
use super::rules;

use super::record::UserRecord;

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

    /// Sets field `name` to `value`, as a form sending one value would.
    pub fn set(&mut self, name: &str, value: String) {
        self.fields.insert(name.to_owned(), vec![value]);
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
