//! The choices offered by the account forms (companies, services, agencies, states).

use rusqlite::Connection;

use crate::domain::lists::{self, repo};
use crate::i18n::Lang;

use super::record::UserRecord;

/// Choice lists as `(value, label)` pairs.
#[derive(Debug, Clone, Default)]
pub struct UserFormOptions {
    pub companies: Vec<(String, String)>,
    pub services: Vec<(String, String)>,
    pub agencies: Vec<(String, String)>,
    pub states: Vec<(String, String)>,
    /// The shortest new password accepted (from the settings).
    pub password_min_chars: usize,
}

fn load_list(
    conn: &Connection,
    code: &str,
    lang: Lang,
    keep: &[i64],
) -> rusqlite::Result<Vec<(String, String)>> {
    let Some(def) = lists::find(code) else {
        return Ok(Vec::new());
    };
    Ok(repo::choices(conn, def, lang, keep)?
        .into_iter()
        .map(|(id, label)| (id.to_string(), label))
        .collect())
}

impl UserFormOptions {
    /// Loads every choice list, names in `lang`, keeping the entries `record` points to even if
    /// they were retired since (so that saving the form does not drop them).
    pub fn load(
        conn: &Connection,
        lang: Lang,
        record: Option<&UserRecord>,
    ) -> rusqlite::Result<Self> {
        let company: Vec<i64> = record.and_then(|r| r.company_id).into_iter().collect();
        let services = record.map(|r| r.service_ids.clone()).unwrap_or_default();
        let agencies = record.map(|r| r.agency_ids.clone()).unwrap_or_default();
        Ok(Self {
            companies: load_list(conn, "companies", lang, &company)?,
            services: load_list(conn, "services", lang, &services)?,
            agencies: load_list(conn, "agencies", lang, &agencies)?,
            states: load_list(conn, "states", lang, &[])?,
            password_min_chars: crate::domain::settings::Settings::load(conn)
                .map(|s| super::rules::PasswordPolicy::from_settings(&s).min_chars)
                .unwrap_or(super::rules::MIN_PASSWORD_CHARS),
        })
    }
}
