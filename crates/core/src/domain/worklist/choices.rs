//! The choice lists of the list's filters, for the columns a reader sees.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::domain::lists::{self, repo};
use crate::domain::users::choices as people;
use crate::i18n::Lang;

use super::columns::{Column, FilterKind};

/// `(value, label)` pairs per column filtered by a choice.
pub type FilterChoices = HashMap<Column, Vec<(String, String)>>;

/// The choices of the filters of `columns`.
pub fn load(conn: &Connection, columns: &[Column], lang: Lang) -> rusqlite::Result<FilterChoices> {
    let mut out = HashMap::new();
    for c in columns {
        let FilterKind::Choice(list) = c.filter_kind() else {
            continue;
        };
        let choices = if *c == Column::Technician {
            people::technicians(conn)?
                .into_iter()
                .map(|p| (p.who.value(), p.label))
                .collect()
        } else if let Some(def) = lists::find(list) {
            repo::choices(conn, def, lang, &[])?
                .into_iter()
                .map(|(id, name)| (id.to_string(), name))
                .collect()
        } else {
            Vec::new()
        };
        out.insert(*c, choices);
    }
    Ok(out)
}
