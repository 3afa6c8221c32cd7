//! Editable lists (Administration > Lists): categories, states, services, companies, asset
//! models... Each list is declared once in [`registry`] with its table, its columns and where
//! its entries are used; one generic set of rules ([`rules`]) and SQL ([`repo`]) serves them all.
//!
//! Table and column names in the SQL come only from these declarations, never from a request;
//! every value is a bound parameter.

pub mod agency_move;
pub mod page;
pub mod registry;
pub mod repo;
pub mod rules;

use crate::i18n::Msg;

pub use registry::{ALL, Column, ColumnKind, ListDef, Staff, Usage, find};

/// A stored value of a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Int(i64),
    Text(String),
}

impl Value {
    /// The value as typed in a form field.
    pub fn as_form_text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Int(n) => n.to_string(),
            Value::Text(t) => t.clone(),
        }
    }
}

/// One entry of a list.
#[derive(Debug, Clone)]
pub struct Entry {
    pub id: i64,
    /// Column values, in the order of the list's columns.
    pub values: Vec<Value>,
    /// The translation key naming a built-in row whose name was not changed.
    pub name_key: Option<String>,
    pub disabled: bool,
    /// Built-in entries cannot be deleted.
    pub builtin: bool,
}

/// How an entry is used elsewhere: what, and how many times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageCount {
    pub label: &'static str,
    pub count: i64,
}

/// Why an entry cannot be deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteRefusal {
    Builtin,
    InUse(Vec<UsageCount>),
}

/// The message for a refused deletion.
pub fn refusal_message(refusal: &DeleteRefusal) -> Vec<Msg> {
    match refusal {
        DeleteRefusal::Builtin => vec![crate::i18n::msg("list-builtin-no-delete")],
        DeleteRefusal::InUse(uses) => uses
            .iter()
            .map(|u| crate::i18n::msg(u.label).arg("count", u.count))
            .collect(),
    }
}

use std::collections::HashMap;

use crate::db::Db;
use crate::domain::settings::Settings;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Lang, msg};

/// Adds (when `id` is `None`) or changes an entry from what was typed in its form, by column
/// name. Only the columns the settings show are read; references must name existing entries.
/// Returns the entry's id.
pub async fn save(
    db: &Db,
    def: &'static ListDef,
    id: Option<i64>,
    form: HashMap<String, String>,
    settings: &Settings,
    lang: Lang,
) -> Result<i64, DomainError> {
    let columns: Vec<&'static Column> = def
        .visible_columns(|k| settings.flag(k))
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let form = rules::split_cidr(&columns, form);
    let mut errors = FieldErrors::new();
    let mut values: Vec<(&'static str, Value)> = columns
        .iter()
        .map(|c| {
            let typed = form.get(c.name).map_or("", String::as_str);
            (c.name, rules::parse(c, typed, &mut errors))
        })
        .collect();
    if !def.can_add && id.is_none() {
        return Err(DomainError::Forbidden);
    }
    db.write(move |tx| {
        let existing = match id {
            Some(id) => Some(repo::entry(tx, def, id)?.ok_or(DomainError::NotFound)?),
            None => None,
        };
        for (column, value) in &values {
            let Some(c) = columns.iter().find(|c| c.name == *column) else {
                continue;
            };
            if let (ColumnKind::Ticket, Value::Int(ticket)) = (c.kind, value) {
                let known: bool = tx.query_row(
                    "SELECT EXISTS(SELECT 1 FROM tickets WHERE id = ?1 AND deleted = 0)",
                    [ticket],
                    |r| r.get(0),
                )?;
                if !known {
                    errors.add(c.name, msg("error-unknown-ticket"));
                }
            }
            if let (ColumnKind::Staff(staff), Value::Int(who)) = (c.kind, value)
                && !repo::staff_choices(tx, staff)?
                    .iter()
                    .any(|(id, _)| id == who)
            {
                errors.add(c.name, msg("error-unknown-choice"));
            }
            if let (ColumnKind::Ref(target), Value::Int(ref_id)) = (c.kind, value) {
                let target = find(target).ok_or(DomainError::NotFound)?;
                if !repo::exists(tx, target, *ref_id)? {
                    errors.add(c.name, msg("error-unknown-choice"));
                }
            }
        }
        check_unique_name(tx, def, &columns, &values, id, lang, &mut errors)?;
        errors.clone().into_result()?;
        // A built-in name left as shown stays translated for every language.
        if let Some(key) = existing.as_ref().and_then(|e| e.name_key.clone()) {
            for (column, value) in &mut values {
                if *column == "name" && *value == Value::Text(lang.t(&key)) {
                    *value = Value::Null;
                }
            }
        }
        let result = match id {
            Some(id) => repo::update(tx, def, id, &values).map(|()| id),
            None => repo::insert(tx, def, &values),
        };
        result.map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                let mut errors = FieldErrors::new();
                let field = columns
                    .iter()
                    .find(|c| {
                        c.kind != ColumnKind::Name && matches!(c.kind, ColumnKind::Number { .. })
                    })
                    .map_or("name", |c| c.name);
                errors.add(field, msg("error-duplicate"));
                DomainError::Invalid(errors)
            }
            other => other.into(),
        })
    })
    .await
}

/// Refuses a name another entry of the list already has (compared without case, accents or
/// extra spaces, in every language for built-in names), within the same parent when the list
/// has one (subcategories of one category).
fn check_unique_name(
    conn: &rusqlite::Connection,
    def: &ListDef,
    columns: &[&'static Column],
    values: &[(&'static str, Value)],
    id: Option<i64>,
    lang: Lang,
    errors: &mut FieldErrors,
) -> rusqlite::Result<()> {
    let Some(name_column) = columns.iter().find(|c| c.kind == ColumnKind::Name) else {
        return Ok(());
    };
    let Some((_, Value::Text(name))) = values.iter().find(|(c, _)| *c == name_column.name) else {
        return Ok(());
    };
    let wanted = crate::domain::text::folded(name);
    if wanted.is_empty() {
        return Ok(());
    }
    let parent = def
        .columns
        .iter()
        .position(|c| matches!(c.kind, ColumnKind::Ref(_)) && c.required)
        .map(|i| {
            let column = def.columns[i].name;
            let typed = values
                .iter()
                .find(|(c, _)| *c == column)
                .map(|(_, v)| v.clone());
            (i, typed)
        });
    for e in repo::entries(conn, def)? {
        if Some(e.id) == id {
            continue;
        }
        if let Some((i, Some(typed))) = &parent
            && e.values.get(*i) != Some(typed)
        {
            continue;
        }
        let same = Lang::ALL
            .iter()
            .any(|l| crate::domain::text::folded(&repo::display_name(def, &e, *l)) == wanted);
        if same {
            errors.add(
                name_column.name,
                msg("error-duplicate-name").arg("name", repo::display_name(def, &e, lang)),
            );
            break;
        }
    }
    Ok(())
}

/// Entry `id` of list `def`.
pub async fn entry(db: &Db, def: &'static ListDef, id: i64) -> Result<Entry, DomainError> {
    db.read(move |c| repo::entry(c, def, id)?.ok_or(DomainError::NotFound))
        .await
}

/// Deletes an entry, or says why it cannot be deleted.
pub async fn delete(
    db: &Db,
    def: &'static ListDef,
    id: i64,
) -> Result<Result<(), DeleteRefusal>, DomainError> {
    db.write(move |tx| {
        if repo::entry(tx, def, id)?.is_none() {
            return Err(DomainError::NotFound);
        }
        Ok(repo::delete(tx, def, id)?)
    })
    .await
}

/// Retires an enabled entry or restores a retired one; returns whether it is now disabled.
pub async fn toggle_disabled(db: &Db, def: &'static ListDef, id: i64) -> Result<bool, DomainError> {
    if !def.has_disabled {
        return Err(DomainError::NotFound);
    }
    db.write(move |tx| {
        let entry = repo::entry(tx, def, id)?.ok_or(DomainError::NotFound)?;
        repo::set_disabled(tx, def, id, !entry.disabled)?;
        Ok(!entry.disabled)
    })
    .await
}

/// The rows of `sql` (a constant query of the code selecting `id, name, name_key`) as id and
/// name: the name typed, else the translation of the built-in entry's key, in `lang`.
pub fn named_rows(
    conn: &rusqlite::Connection,
    sql: &str,
    lang: crate::i18n::Lang,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    stmt.query_map([], |r| {
        let name: Option<String> = r.get(1)?;
        let key: Option<String> = r.get(2)?;
        Ok((
            r.get(0)?,
            name.filter(|n| !n.is_empty())
                .or_else(|| key.map(|k| lang.t(&k)))
                .unwrap_or_default(),
        ))
    })?
    .collect()
}
