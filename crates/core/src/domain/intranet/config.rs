//! The intranet form's configuration (administrators only): on or off, the origins allowed to
//! embed it, the fields it asks, the category and service its tickets get, what becomes of an
//! unknown address, and the per-address limit and minimum time.

use rusqlite::{Connection, params};

use crate::db::Db;
use crate::domain::actor::Actor;
use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::lists;
use crate::domain::rights::names;
use crate::domain::run;
use crate::i18n::{Lang, msg};

use super::ORIGINS_MAX;

/// The stored configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub enabled: bool,
    /// Allowed origins, as `scheme://host[:port]`.
    pub origins: Vec<String>,
    pub create_requesters: bool,
    pub category_id: Option<i64>,
    pub service_id: Option<i64>,
    pub ask_name: bool,
    pub ask_category: bool,
    pub ask_type: bool,
    pub per_hour: i64,
    pub min_seconds: i64,
    /// Signs the time a form was shown.
    pub(super) key: String,
}

impl Config {
    /// The form as its fields show this configuration.
    pub fn form(&self) -> ConfigForm {
        ConfigForm {
            enabled: self.enabled,
            origins: self.origins.join("\n"),
            create_requesters: self.create_requesters,
            category_id: self.category_id.map(|c| c.to_string()).unwrap_or_default(),
            service_id: self.service_id.map(|s| s.to_string()).unwrap_or_default(),
            ask_name: self.ask_name,
            ask_category: self.ask_category,
            ask_type: self.ask_type,
            per_hour: self.per_hour.to_string(),
            min_seconds: self.min_seconds.to_string(),
        }
    }
}

/// The configuration as typed.
#[derive(Debug, Clone, Default)]
pub struct ConfigForm {
    pub enabled: bool,
    /// One origin per line.
    pub origins: String,
    pub create_requesters: bool,
    pub category_id: String,
    pub service_id: String,
    pub ask_name: bool,
    pub ask_category: bool,
    pub ask_type: bool,
    pub per_hour: String,
    pub min_seconds: String,
}

/// What the administration page shows: the configuration and the lists to choose from.
#[derive(Debug, Clone)]
pub struct Admin {
    pub config: Config,
    pub categories: Vec<(i64, String)>,
    pub services: Vec<(i64, String)>,
}

pub(super) fn read(conn: &Connection) -> rusqlite::Result<Config> {
    conn.prepare_cached(
        "SELECT enabled, origins, create_requesters, category_id, service_id, ask_name,
                ask_category, ask_type, per_hour, min_seconds, key
         FROM intranet_form WHERE id = 1",
    )?
    .query_row([], |r| {
        let origins: String = r.get(1)?;
        Ok(Config {
            enabled: r.get(0)?,
            origins: origins
                .lines()
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_owned)
                .collect(),
            create_requesters: r.get(2)?,
            category_id: r.get(3)?,
            service_id: r.get(4)?,
            ask_name: r.get(5)?,
            ask_category: r.get(6)?,
            ask_type: r.get(7)?,
            per_hour: r.get(8)?,
            min_seconds: r.get(9)?,
            key: r.get(10)?,
        })
    })
}

/// The choices of list `code` in `lang` (enabled entries, and `keep`).
pub(super) fn choices(
    conn: &Connection,
    code: &str,
    lang: Lang,
    keep: Option<i64>,
) -> rusqlite::Result<Vec<(i64, String)>> {
    match lists::find(code) {
        Some(def) => lists::repo::choices(conn, def, lang, &keep.into_iter().collect::<Vec<_>>()),
        None => Ok(Vec::new()),
    }
}

fn admin_only(actor: &Actor) -> Result<(), DomainError> {
    if actor.has(names::ADMIN) {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// The configuration and its choices, in `lang`.
pub async fn admin(db: &Db, actor: &Actor, lang: Lang) -> Result<Admin, DomainError> {
    admin_only(actor)?;
    run::read(db, move |c| {
        let config = read(c)?;
        Ok(Admin {
            categories: choices(c, "categories", lang, config.category_id)?,
            services: choices(c, "services", lang, config.service_id)?,
            config,
        })
    })
    .await
}

/// `typed` as `scheme://host[:port]`, if it is an origin.
fn origin_of(typed: &str) -> Option<String> {
    let url = url::Url::parse(typed).ok()?;
    let bare = matches!(url.path(), "" | "/") && url.query().is_none() && url.fragment().is_none();
    (matches!(url.scheme(), "http" | "https") && url.host_str().is_some() && bare)
        .then(|| url.origin().ascii_serialization())
}

/// A whole number typed in `field`, within `min..=max`.
fn number(errors: &mut FieldErrors, field: &'static str, typed: &str, min: i64, max: i64) -> i64 {
    match typed.trim().parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ => {
            errors.add(
                field,
                msg("error-number-range").arg("min", min).arg("max", max),
            );
            min
        }
    }
}

/// Saves the configuration.
pub async fn save(db: &Db, actor: &Actor, form: ConfigForm) -> Result<(), DomainError> {
    admin_only(actor)?;
    run::write(db, move |tx| {
        let mut errors = FieldErrors::new();
        let mut origins = Vec::new();
        for line in form
            .origins
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
        {
            match origin_of(line) {
                Some(o) if !origins.contains(&o) => origins.push(o),
                Some(_) => {}
                None => {
                    errors.add(
                        "origins",
                        msg("intranet-origin-invalid").arg("origin", line),
                    );
                    break;
                }
            }
        }
        if origins.len() > ORIGINS_MAX {
            errors.add(
                "origins",
                msg("intranet-origins-many").arg("max", ORIGINS_MAX),
            );
        }
        let category = lists::repo::chosen(
            tx,
            &mut errors,
            "category_id",
            "categories",
            &form.category_id,
        )?;
        let service =
            lists::repo::chosen(tx, &mut errors, "service_id", "services", &form.service_id)?;
        let per_hour = number(&mut errors, "per_hour", &form.per_hour, 1, 1_000);
        let min_seconds = number(&mut errors, "min_seconds", &form.min_seconds, 0, 600);
        errors.into_result()?;
        tx.prepare_cached(
            "UPDATE intranet_form SET enabled = ?1, origins = ?2, create_requesters = ?3,
                 category_id = ?4, service_id = ?5, ask_name = ?6, ask_category = ?7,
                 ask_type = ?8, per_hour = ?9, min_seconds = ?10
             WHERE id = 1",
        )?
        .execute(params![
            form.enabled,
            origins.join("\n"),
            form.create_requesters,
            category,
            service,
            form.ask_name,
            form.ask_category,
            form.ask_type,
            per_hour,
            min_seconds
        ])?;
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn an_origin_is_a_scheme_a_host_and_maybe_a_port() {
        assert_eq!(
            origin_of("https://intranet.example.org").as_deref(),
            Some("https://intranet.example.org")
        );
        assert_eq!(
            origin_of("http://Intranet:8080/").as_deref(),
            Some("http://intranet:8080")
        );
        assert_eq!(origin_of("https://intranet.example.org/page"), None);
        assert_eq!(origin_of("ftp://intranet"), None);
        assert_eq!(origin_of("intranet.example.org"), None);
        assert_eq!(origin_of("https://intranet?x=1"), None);
    }
}
