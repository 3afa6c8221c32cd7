//! The mailboxes incoming mail is read from (Administration > Settings > Incoming mail): where
//! each one is, how to log in, which folder, what to do with a handled mail, what its tickets
//! get (service, category), whose mails it ignores, and how often it is read. Their password is
//! kept like the SMTP password: used, never shown back, and recorded in the settings history
//! only as "changed".

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::db::Db;
use crate::domain::Actor;
use crate::domain::rights::names as right;
use crate::domain::{DomainError, FieldErrors, clock, run};
use crate::i18n::{Msg, msg};

/// How the connection to the server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    None,
    StartTls,
    Tls,
}

impl Security {
    /// Every choice, in the order offered, with its stored code and label key.
    pub const ALL: [(Security, &'static str, &'static str); 3] = [
        (Security::None, "none", "setting-smtp-security-none"),
        (
            Security::StartTls,
            "starttls",
            "setting-smtp-security-starttls",
        ),
        (Security::Tls, "tls", "setting-smtp-security-tls"),
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        Security::ALL
            .iter()
            .find(|(s, _, _)| *s == self)
            .map_or("tls", |(_, c, _)| c)
    }

    fn from_code(code: &str) -> Option<Security> {
        Security::ALL
            .iter()
            .find(|(_, c, _)| *c == code)
            .map(|(s, _, _)| *s)
    }
}

/// What is done on the server with a mail once it is handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum After {
    MarkRead,
    MoveTo(String),
    Delete,
}

impl After {
    /// The choices offered: stored code and label key.
    pub const CHOICES: [(&'static str, &'static str); 3] = [
        ("read", "mailbox-after-read"),
        ("move", "mailbox-after-move"),
        ("delete", "mailbox-after-delete"),
    ];

    /// The stored code.
    pub fn code(&self) -> &'static str {
        match self {
            After::MarkRead => "read",
            After::MoveTo(_) => "move",
            After::Delete => "delete",
        }
    }
}

/// A mailbox as stored (its password masked when printed for the log).
#[derive(Clone, PartialEq, Eq)]
pub struct Mailbox {
    pub id: i64,
    pub name: String,
    pub enabled: bool,
    pub host: String,
    pub port: u16,
    pub security: Security,
    pub accept_invalid_certs: bool,
    pub login: String,
    /// Never sent to a page.
    pub password: String,
    pub folder: String,
    pub after: After,
    pub service_id: Option<i64>,
    pub category_id: Option<i64>,
    /// Addresses and domains whose mails are ignored, separated by `;`.
    pub excluded: String,
    pub interval_minutes: i64,
}

impl std::fmt::Debug for Mailbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailbox")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("enabled", &self.enabled)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("login", &self.login)
            .field("password", &"***")
            .field("folder", &self.folder)
            .field("after", &self.after)
            .field("interval_minutes", &self.interval_minutes)
            .finish_non_exhaustive()
    }
}

impl Mailbox {
    /// Whether mails from `sender` are ignored by this mailbox: the address itself, or its
    /// domain (written `example.com` or `@example.com`), is in the excluded list.
    pub fn excludes(&self, sender: &str) -> bool {
        excluded_by(&self.excluded, sender)
    }
}

/// Whether `sender` is in the `;` list `list` (addresses or domains, any case).
pub fn excluded_by(list: &str, sender: &str) -> bool {
    let sender = sender.trim().to_lowercase();
    let domain = sender.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
    list.split(';')
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty())
        .any(|e| {
            if e.contains('@') && !e.starts_with('@') {
                e == sender
            } else {
                e.trim_start_matches('@') == domain
            }
        })
}

const COLUMNS: &str =
    "id, name, enabled, host, port, security, accept_invalid_certs, login, password,
                       folder, after, move_to, service_id, category_id, excluded, interval_minutes";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Mailbox> {
    let after: String = r.get(10)?;
    let move_to: String = r.get(11)?;
    let security: String = r.get(5)?;
    Ok(Mailbox {
        id: r.get(0)?,
        name: r.get(1)?,
        enabled: r.get(2)?,
        host: r.get(3)?,
        port: u16::try_from(r.get::<_, i64>(4)?).unwrap_or(993),
        security: Security::from_code(&security).unwrap_or(Security::Tls),
        accept_invalid_certs: r.get(6)?,
        login: r.get(7)?,
        password: r.get(8)?,
        folder: r.get(9)?,
        after: match after.as_str() {
            "move" => After::MoveTo(move_to),
            "delete" => After::Delete,
            _ => After::MarkRead,
        },
        service_id: r.get(12)?,
        category_id: r.get(13)?,
        excluded: r.get(14)?,
        interval_minutes: r.get(15)?,
    })
}

/// Every mailbox, by name.
pub fn all(conn: &Connection) -> rusqlite::Result<Vec<Mailbox>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM mailboxes ORDER BY name COLLATE NOCASE"
    ))?;
    stmt.query_map([], from_row)?.collect()
}

/// Mailbox `id`.
pub fn one(conn: &Connection, id: i64) -> rusqlite::Result<Option<Mailbox>> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM mailboxes WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()
}

/// Every mailbox (the pages; the password is in the values and never rendered).
pub async fn list(db: &Db) -> Result<Vec<Mailbox>, DomainError> {
    run::read(db, |c| Ok(all(c)?)).await
}

/// Mailbox `id`.
pub async fn get(db: &Db, id: i64) -> Result<Mailbox, DomainError> {
    run::read(db, move |c| one(c, id)?.ok_or(DomainError::NotFound)).await
}

/// The mailbox named `name` (any case).
pub async fn named(db: &Db, name: String) -> Result<Mailbox, DomainError> {
    run::read(db, move |c| {
        let id: Option<i64> = c
            .query_row(
                "SELECT id FROM mailboxes WHERE name = ?1 COLLATE NOCASE",
                [name.trim()],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => one(c, id)?.ok_or(DomainError::NotFound),
            None => Err(DomainError::NotFound),
        }
    })
    .await
}

/// What a mailbox's tickets may get: the enabled services and the categories, as (id, name).
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub services: Vec<(String, String)>,
    pub categories: Vec<(String, String)>,
}

/// The services and categories a mailbox's form offers, names in `lang`.
pub async fn choices(db: &Db, lang: crate::i18n::Lang) -> Result<Choices, DomainError> {
    run::read(db, move |c| {
        let mut services = c.prepare_cached(
            "SELECT id, name FROM services WHERE disabled = 0 ORDER BY name COLLATE NOCASE",
        )?;
        let services = services
            .query_map([], |r| Ok((r.get::<_, i64>(0)?.to_string(), r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut categories =
            c.prepare_cached("SELECT id, name, name_key FROM categories ORDER BY position, id")?;
        let mut categories: Vec<(String, String)> = categories
            .query_map([], |r| {
                let name: Option<String> = r.get(1)?;
                let key: Option<String> = r.get(2)?;
                Ok((
                    r.get::<_, i64>(0)?.to_string(),
                    name.filter(|n| !n.is_empty())
                        .or_else(|| key.map(|k| lang.t(&k)))
                        .unwrap_or_default(),
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        categories.sort_by_key(|(_, n)| crate::domain::text::folded(n));
        Ok(Choices {
            services,
            categories,
        })
    })
    .await
}

/// A mailbox's form as typed: field name to value.
pub type Form = std::collections::HashMap<String, String>;

fn field<'a>(form: &'a Form, name: &str) -> &'a str {
    form.get(name).map_or("", |v| v.trim())
}

fn id_field(form: &Form, name: &'static str, errors: &mut FieldErrors) -> Option<i64> {
    let v = field(form, name);
    if v.is_empty() {
        return None;
    }
    match v.parse::<i64>() {
        Ok(n) if n > 0 => Some(n),
        _ => {
            errors.add(name, msg("error-unknown-choice"));
            None
        }
    }
}

fn bounded(
    form: &Form,
    name: &'static str,
    max: usize,
    required: bool,
    errors: &mut FieldErrors,
) -> String {
    let v = crate::domain::text::visible(field(form, name));
    if required && v.is_empty() {
        errors.add(name, msg("error-required"));
    } else if v.chars().count() > max {
        errors.add(name, msg("error-too-long").arg("max", max));
    }
    v
}

fn check_excluded(list: &str) -> Result<String, Msg> {
    let mut kept = Vec::new();
    for entry in list.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        let ok = if let Some(domain) = entry.strip_prefix('@') {
            !domain.is_empty() && crate::domain::settings::registry::check_host(domain).is_ok()
        } else if entry.contains('@') {
            crate::domain::mail::address::check(entry).is_ok()
        } else {
            crate::domain::settings::registry::check_host(entry).is_ok()
        };
        if !ok {
            return Err(msg("error-mailbox-excluded").arg("value", entry.to_owned()));
        }
        kept.push(entry.to_lowercase());
    }
    Ok(kept.join("; "))
}

/// Reads a mailbox's form into a mailbox (`id` 0 for a new one); an empty password keeps the
/// one stored in `before`.
pub fn read_form(form: &Form, before: Option<&Mailbox>) -> Result<Mailbox, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = bounded(form, "name", 60, true, &mut errors);
    let host = field(form, "host");
    let host = if host.is_empty() {
        errors.add("host", msg("error-required"));
        String::new()
    } else {
        match crate::domain::settings::registry::check_host(host) {
            Ok(h) => h,
            Err(m) => {
                errors.add("host", m);
                host.to_owned()
            }
        }
    };
    let security = Security::from_code(field(form, "security")).unwrap_or_else(|| {
        errors.add("security", msg("error-unknown-choice"));
        Security::Tls
    });
    let port = match field(form, "port").parse::<u16>() {
        Ok(p) if p > 0 => p,
        _ => {
            errors.add(
                "port",
                msg("error-number-range").arg("min", 1).arg("max", 65535),
            );
            0
        }
    };
    let login = bounded(form, "login", 200, true, &mut errors);
    let typed_password = form.get("password").cloned().unwrap_or_default();
    let password = if typed_password.is_empty() {
        before.map(|b| b.password.clone()).unwrap_or_default()
    } else if typed_password.chars().count() > 200 {
        errors.add("password", msg("error-too-long").arg("max", 200));
        String::new()
    } else {
        typed_password
    };
    let mut folder = bounded(form, "folder", 200, false, &mut errors);
    if folder.is_empty() {
        folder = "INBOX".to_owned();
    }
    let move_to = bounded(form, "move_to", 200, false, &mut errors);
    let after = match field(form, "after") {
        "read" | "" => After::MarkRead,
        "delete" => After::Delete,
        "move" if move_to.is_empty() => {
            errors.add("move_to", msg("error-required"));
            After::MoveTo(move_to)
        }
        "move" if move_to.eq_ignore_ascii_case(&folder) => {
            errors.add("move_to", msg("error-mailbox-move-same"));
            After::MoveTo(move_to)
        }
        "move" => After::MoveTo(move_to),
        _ => {
            errors.add("after", msg("error-unknown-choice"));
            After::MarkRead
        }
    };
    let excluded = match check_excluded(&bounded(form, "excluded", 2000, false, &mut errors)) {
        Ok(e) => e,
        Err(m) => {
            errors.add("excluded", m);
            field(form, "excluded").to_owned()
        }
    };
    let interval_minutes = match field(form, "interval_minutes").parse::<i64>() {
        Ok(n) if (1..=1440).contains(&n) => n,
        _ => {
            errors.add(
                "interval_minutes",
                msg("error-number-range").arg("min", 1).arg("max", 1440),
            );
            5
        }
    };
    let mailbox = Mailbox {
        id: before.map_or(0, |b| b.id),
        name,
        enabled: form.contains_key("enabled"),
        host,
        port,
        security,
        accept_invalid_certs: form.contains_key("accept_invalid_certs"),
        login,
        password,
        folder,
        after,
        service_id: id_field(form, "service_id", &mut errors),
        category_id: id_field(form, "category_id", &mut errors),
        excluded,
        interval_minutes,
    };
    if errors.is_empty() {
        Ok(mailbox)
    } else {
        Err(errors)
    }
}

/// The form of a stored mailbox (the password left empty: it is never sent back).
pub fn form_of(m: &Mailbox) -> Form {
    let mut f = Form::new();
    let mut put = |k: &str, v: String| {
        f.insert(k.to_owned(), v);
    };
    put("name", m.name.clone());
    if m.enabled {
        put("enabled", "1".to_owned());
    }
    put("host", m.host.clone());
    put("port", m.port.to_string());
    put("security", m.security.code().to_owned());
    if m.accept_invalid_certs {
        put("accept_invalid_certs", "1".to_owned());
    }
    put("login", m.login.clone());
    put("folder", m.folder.clone());
    put("after", m.after.code().to_owned());
    if let After::MoveTo(f) = &m.after {
        put("move_to", f.clone());
    }
    put(
        "service_id",
        m.service_id.map(|i| i.to_string()).unwrap_or_default(),
    );
    put(
        "category_id",
        m.category_id.map(|i| i.to_string()).unwrap_or_default(),
    );
    put("excluded", m.excluded.clone());
    put("interval_minutes", m.interval_minutes.to_string());
    f
}

/// The form of a new mailbox: IMAP over TLS, the inbox, mails marked read, every 5 minutes.
pub fn new_form() -> Form {
    let mut f = Form::new();
    for (k, v) in [
        ("enabled", "1"),
        ("port", "993"),
        ("security", "tls"),
        ("folder", "INBOX"),
        ("after", "read"),
        ("interval_minutes", "5"),
    ] {
        f.insert(k.to_owned(), v.to_owned());
    }
    f
}

/// The values recorded in the settings history for a mailbox (the password as "changed").
fn logged(m: &Mailbox) -> Vec<(&'static str, String)> {
    vec![
        ("name", m.name.clone()),
        ("enabled", i64::from(m.enabled).to_string()),
        ("host", m.host.clone()),
        ("port", m.port.to_string()),
        ("security", m.security.code().to_owned()),
        (
            "accept_invalid_certs",
            i64::from(m.accept_invalid_certs).to_string(),
        ),
        ("login", m.login.clone()),
        (
            "password",
            if m.password.is_empty() {
                ""
            } else {
                "********"
            }
            .to_owned(),
        ),
        ("folder", m.folder.clone()),
        (
            "after",
            match &m.after {
                After::MoveTo(f) => format!("move {f}"),
                a => a.code().to_owned(),
            },
        ),
        (
            "service_id",
            m.service_id.map(|i| i.to_string()).unwrap_or_default(),
        ),
        (
            "category_id",
            m.category_id.map(|i| i.to_string()).unwrap_or_default(),
        ),
        ("excluded", m.excluded.clone()),
        ("interval_minutes", m.interval_minutes.to_string()),
    ]
}

fn record_history(
    tx: &Transaction<'_>,
    id: i64,
    before: Option<&Mailbox>,
    after: Option<&Mailbox>,
    by: i64,
    now: i64,
) -> rusqlite::Result<()> {
    let old = before.map(logged).unwrap_or_default();
    let new = after.map(logged).unwrap_or_default();
    let keys: Vec<&str> = if new.is_empty() {
        old.iter().map(|(k, _)| *k).collect()
    } else {
        new.iter().map(|(k, _)| *k).collect()
    };
    for key in keys {
        let o = old.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone());
        let n = new
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let password_changed = key == "password"
            && before
                .zip(after)
                .is_some_and(|(b, a)| b.password != a.password);
        if o.as_deref() == Some(n.as_str()) && !password_changed {
            continue;
        }
        tx.execute(
            "INSERT INTO settings_log (at, key, old_value, new_value, user_id, source)
             VALUES (?1, ?2, ?3, ?4, ?5, 'web')",
            params![now, format!("mailbox.{id}.{key}"), o, n, by],
        )?;
    }
    Ok(())
}

fn check_refs(tx: &Transaction<'_>, m: &Mailbox) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    let exists = |sql: &str, id: Option<i64>| -> rusqlite::Result<bool> {
        match id {
            None => Ok(true),
            Some(id) => tx.query_row(sql, [id], |r| r.get(0)),
        }
    };
    if !exists(
        "SELECT EXISTS (SELECT 1 FROM services WHERE id = ?1 AND disabled = 0)",
        m.service_id,
    )? {
        errors.add("service_id", msg("error-unknown-choice"));
    }
    if !exists(
        "SELECT EXISTS (SELECT 1 FROM categories WHERE id = ?1)",
        m.category_id,
    )? {
        errors.add("category_id", msg("error-unknown-choice"));
    }
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM mailboxes WHERE name = ?1 COLLATE NOCASE AND id <> ?2)",
        params![m.name, m.id],
        |r| r.get(0),
    )?;
    if taken {
        errors.add(
            "name",
            msg("error-duplicate-name").arg("name", m.name.clone()),
        );
    }
    errors.into_result()
}

/// Adds a mailbox (`id` None) or changes mailbox `id` from its form, for an administrator.
/// Returns its id.
pub async fn save(db: &Db, actor: &Actor, id: Option<i64>, form: Form) -> Result<i64, DomainError> {
    if !actor.rights.has(right::ADMIN) {
        return Err(DomainError::Forbidden);
    }
    let by = actor.user.id.0;
    db.write(move |tx| {
        let before = match id {
            Some(id) => Some(one(tx, id)?.ok_or(DomainError::NotFound)?),
            None => None,
        };
        let m = read_form(&form, before.as_ref()).map_err(DomainError::Invalid)?;
        check_refs(tx, &m)?;
        let now = clock::now();
        let (after, move_to) = match &m.after {
            After::MoveTo(f) => ("move", f.as_str()),
            a => (a.code(), ""),
        };
        let values = params![
            m.name,
            m.enabled,
            m.host,
            m.port,
            m.security.code(),
            m.accept_invalid_certs,
            m.login,
            m.password,
            m.folder,
            after,
            move_to,
            m.service_id,
            m.category_id,
            m.excluded,
            m.interval_minutes,
            now
        ];
        let id = match id {
            None => {
                tx.execute(
                    "INSERT INTO mailboxes (name, enabled, host, port, security,
                         accept_invalid_certs, login, password, folder, after, move_to,
                         service_id, category_id, excluded, interval_minutes, created_at,
                         updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
                             ?16, ?16)",
                    values,
                )?;
                tx.last_insert_rowid()
            }
            Some(id) => {
                tx.execute(
                    "UPDATE mailboxes SET name = ?1, enabled = ?2, host = ?3, port = ?4,
                         security = ?5, accept_invalid_certs = ?6, login = ?7, password = ?8,
                         folder = ?9, after = ?10, move_to = ?11, service_id = ?12,
                         category_id = ?13, excluded = ?14, interval_minutes = ?15,
                         updated_at = ?16
                     WHERE id = ?17",
                    rusqlite::params_from_iter(
                        values.iter().copied().chain(std::iter::once(&id as _)),
                    ),
                )?;
                id
            }
        };
        let saved = Mailbox { id, ..m };
        record_history(tx, id, before.as_ref(), Some(&saved), by, now)?;
        Ok(id)
    })
    .await
}

/// Removes mailbox `id` (its fetch history and handled mails stay, without it).
pub async fn delete(db: &Db, actor: &Actor, id: i64) -> Result<(), DomainError> {
    if !actor.rights.has(right::ADMIN) {
        return Err(DomainError::Forbidden);
    }
    let by = actor.user.id.0;
    db.write(move |tx| {
        let before = one(tx, id)?.ok_or(DomainError::NotFound)?;
        tx.execute("DELETE FROM mailboxes WHERE id = ?1", [id])?;
        record_history(tx, id, Some(&before), None, by, clock::now())?;
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Form {
        let mut f = new_form();
        f.insert("name".into(), "Support".into());
        f.insert("host".into(), "imap.example.com".into());
        f.insert("login".into(), "support".into());
        for (k, v) in pairs {
            f.insert((*k).to_owned(), (*v).to_owned());
        }
        f
    }

    #[test]
    fn a_mailbox_form_is_read_with_its_defaults_and_its_mistakes_named() {
        let m = read_form(&form(&[]), None).expect("valid");
        assert_eq!(
            (m.port, m.security, m.after.clone()),
            (993, Security::Tls, After::MarkRead)
        );
        assert_eq!(m.folder, "INBOX");
        let errors = read_form(
            &form(&[
                ("host", "not a host"),
                ("port", "70000"),
                ("after", "move"),
                ("excluded", "spam.example; bad@@x"),
                ("interval_minutes", "0"),
            ]),
            None,
        )
        .expect_err("invalid");
        for f in ["host", "port", "move_to", "excluded", "interval_minutes"] {
            assert!(errors.get(f).is_some(), "{f}: {errors:?}");
        }
    }

    #[test]
    fn an_empty_password_keeps_the_stored_one() {
        let before = read_form(&form(&[("password", "s3cret")]), None).expect("valid");
        assert!(
            !format!("{before:?}").contains("s3cret"),
            "the log would show it"
        );
        let again = read_form(&form(&[("password", "")]), Some(&before)).expect("valid");
        assert_eq!(again.password, "s3cret");
        assert!(!form_of(&before).contains_key("password"));
    }

    #[test]
    fn exclusions_match_addresses_and_domains_in_any_case() {
        let list = "Boss@Example.com; @news.example; spam.example";
        assert!(excluded_by(list, "boss@example.com"));
        assert!(!excluded_by(list, "other@example.com"));
        assert!(excluded_by(list, "x@NEWS.example"));
        assert!(excluded_by(list, "y@spam.example"));
        assert!(!excluded_by(list, "y@notspam.example"));
        assert!(!excluded_by("", "y@spam.example"));
    }
}
