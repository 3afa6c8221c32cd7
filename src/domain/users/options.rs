//! The choices offered by the account forms (companies, services, agencies, states).

use rusqlite::Connection;

use crate::domain::lists::{self, repo};
use crate::i18n::Lang;

/// Choice lists as `(value, label)` pairs.
#[derive(Debug, Clone, Default)]
pub struct UserFormOptions {
    pub companies: Vec<(String, String)>,
    pub services: Vec<(String, String)>,
    pub agencies: Vec<(String, String)>,
    pub states: Vec<(String, String)>,
}

fn load_list(conn: &Connection, code: &str, lang: Lang) -> rusqlite::Result<Vec<(String, String)>> {
    let Some(def) = lists::find(code) else {
        return Ok(Vec::new());
    };
    Ok(repo::choices(conn, def, lang, None)?
        .into_iter()
        .map(|(id, label)| (id.to_string(), label))
        .collect())
}

impl UserFormOptions {
    /// Loads every choice list, names in `lang`.
    pub fn load(conn: &Connection, lang: Lang) -> rusqlite::Result<Self> {
        Ok(Self {
            companies: load_list(conn, "companies", lang)?,
            services: load_list(conn, "services", lang)?,
            agencies: load_list(conn, "agencies", lang)?,
            states: load_list(conn, "states", lang)?,
        })
    }
}
