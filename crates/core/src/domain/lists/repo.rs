//! SQL for the editable lists, built only from the declarations in the registry.

use std::collections::HashMap;

use rusqlite::types::ToSqlOutput;
use rusqlite::{Connection, OptionalExtension, Row, ToSql, Transaction, params_from_iter};

use super::registry::{ColumnKind, ListDef};
use super::{DeleteRefusal, Entry, UsageCount, Value};
use crate::i18n::Lang;

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        match self {
            Value::Null => Ok(ToSqlOutput::from(rusqlite::types::Null)),
            Value::Int(n) => n.to_sql(),
            Value::Text(t) => t.to_sql(),
        }
    }
}

fn value_at(row: &Row<'_>, index: usize) -> rusqlite::Result<Value> {
    use rusqlite::types::ValueRef;
    Ok(match row.get_ref(index)? {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(n) => Value::Int(n),
        ValueRef::Real(f) => Value::Text(f.to_string()),
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            Value::Text(String::from_utf8_lossy(t).into_owned())
        }
    })
}

fn select_sql(def: &ListDef) -> String {
    let mut cols: Vec<&str> = vec!["id"];
    cols.extend(def.columns.iter().map(|c| c.name));
    cols.push(if def.translated { "name_key" } else { "NULL" });
    cols.push(if def.has_disabled { "disabled" } else { "0" });
    let builtin = def
        .builtin_column
        .map_or("0".to_owned(), |c| format!("{c} IS NOT NULL"));
    cols.push(&builtin);
    format!("SELECT {} FROM {}", cols.join(", "), def.table)
}

fn entry_from(def: &ListDef, row: &Row<'_>) -> rusqlite::Result<Entry> {
    let n = def.columns.len();
    let mut values = Vec::with_capacity(n);
    for i in 0..n {
        values.push(value_at(row, i + 1)?);
    }
    Ok(Entry {
        id: row.get(0)?,
        values,
        name_key: row.get(n + 1)?,
        disabled: row.get(n + 2)?,
        builtin: row.get(n + 3)?,
    })
}

/// Every entry of the list, in its order.
pub fn entries(conn: &Connection, def: &ListDef) -> rusqlite::Result<Vec<Entry>> {
    let sql = format!("{} ORDER BY {}", select_sql(def), def.order_by);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| entry_from(def, r))?;
    rows.collect()
}

/// One entry.
pub fn entry(conn: &Connection, def: &ListDef, id: i64) -> rusqlite::Result<Option<Entry>> {
    let sql = format!("{} WHERE id = ?1", select_sql(def));
    conn.prepare_cached(&sql)?
        .query_row([id], |r| entry_from(def, r))
        .optional()
}

/// The name to show for an entry: its own name, else its built-in name in `lang`.
pub fn display_name(def: &ListDef, entry: &Entry, lang: Lang) -> String {
    let name_index = def
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Name)
        .unwrap_or(0);
    match (entry.values.get(name_index), &entry.name_key) {
        (Some(Value::Text(t)), _) if !t.is_empty() => t.clone(),
        (_, Some(key)) => lang.t(key),
        _ => String::new(),
    }
}

/// The names of every entry, by id, in `lang`.
pub fn names(
    conn: &Connection,
    def: &ListDef,
    lang: Lang,
) -> rusqlite::Result<HashMap<i64, String>> {
    Ok(entries(conn, def)?
        .iter()
        .map(|e| (e.id, display_name(def, e, lang)))
        .collect())
}

/// The names of every entry of the list with code `code`, by id, in `lang` (none for an
/// unknown code).
pub fn names_by_code(
    conn: &Connection,
    code: &str,
    lang: Lang,
) -> rusqlite::Result<HashMap<i64, String>> {
    match super::find(code) {
        Some(def) => names(conn, def, lang),
        None => Ok(HashMap::new()),
    }
}

/// The entries to offer in a choice list: enabled ones, plus those in `keep` (the current values
/// of what is being edited) even if retired since, marked so.
pub fn choices(
    conn: &Connection,
    def: &ListDef,
    lang: Lang,
    keep: &[i64],
) -> rusqlite::Result<Vec<(i64, String)>> {
    let entries = entries(conn, def)?;
    Ok(offered(
        entries
            .iter()
            .map(|e| (e.id, display_name(def, e, lang), e.disabled)),
        lang,
        keep,
    ))
}

/// Of `entries` (id, name, retired), the ones to offer: enabled ones, plus those in `keep` even
/// if retired, marked so.
pub fn offered(
    entries: impl IntoIterator<Item = (i64, String, bool)>,
    lang: Lang,
    keep: &[i64],
) -> Vec<(i64, String)> {
    entries
        .into_iter()
        .filter(|(id, _, retired)| !retired || keep.contains(id))
        .map(|(id, name, retired)| {
            if retired {
                (id, format!("{name} ({})", lang.t("lists-disabled-badge")))
            } else {
                (id, name)
            }
        })
        .collect()
}

/// The technicians or technician groups a list column may name, by id, with their names.
pub fn staff_choices(
    conn: &Connection,
    staff: super::registry::Staff,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(staff.choices_sql())?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// Whether entry `id` exists in the list.
pub fn exists(conn: &Connection, def: &ListDef, id: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached(&format!(
        "SELECT EXISTS(SELECT 1 FROM {} WHERE id = ?1)",
        def.table
    ))?
    .query_row([id], |r| r.get(0))
}

/// Adds an entry with the given column values; returns its id.
pub fn insert(
    tx: &Transaction<'_>,
    def: &ListDef,
    values: &[(&str, Value)],
) -> rusqlite::Result<i64> {
    let cols: Vec<&str> = values.iter().map(|(c, _)| *c).collect();
    let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        def.table,
        cols.join(", "),
        marks.join(", ")
    );
    tx.execute(&sql, params_from_iter(values.iter().map(|(_, v)| v)))?;
    Ok(tx.last_insert_rowid())
}

/// Changes the given columns of entry `id`.
pub fn update(
    tx: &Transaction<'_>,
    def: &ListDef,
    id: i64,
    values: &[(&str, Value)],
) -> rusqlite::Result<()> {
    if values.is_empty() {
        return Ok(());
    }
    let sets: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{c} = ?{}", i + 1))
        .collect();
    let sql = format!(
        "UPDATE {} SET {} WHERE id = ?{}",
        def.table,
        sets.join(", "),
        values.len() + 1
    );
    let mut params: Vec<&dyn ToSql> = values.iter().map(|(_, v)| v as &dyn ToSql).collect();
    params.push(&id);
    tx.execute(&sql, params.as_slice())?;
    Ok(())
}

/// Where entry `id` is used, and how many times.
pub fn usage(conn: &Connection, def: &ListDef, id: i64) -> rusqlite::Result<Vec<UsageCount>> {
    let mut found = Vec::new();
    for u in def.usages {
        let count: i64 = conn.query_row(
            &format!("SELECT count(*) FROM {} WHERE {} = ?1", u.table, u.column),
            [id],
            |r| r.get(0),
        )?;
        if count > 0 {
            found.push(UsageCount {
                label: u.label,
                count,
            });
        }
    }
    Ok(found)
}

/// Deletes entry `id` unless it is built-in or used somewhere.
pub fn delete(
    tx: &Transaction<'_>,
    def: &ListDef,
    id: i64,
) -> rusqlite::Result<Result<(), DeleteRefusal>> {
    if let Some(e) = entry(tx, def, id)?
        && e.builtin
    {
        return Ok(Err(DeleteRefusal::Builtin));
    }
    let uses = usage(tx, def, id)?;
    if !uses.is_empty() {
        return Ok(Err(DeleteRefusal::InUse(uses)));
    }
    tx.execute(&format!("DELETE FROM {} WHERE id = ?1", def.table), [id])?;
    Ok(Ok(()))
}

/// Retires or restores entry `id`.
pub fn set_disabled(
    tx: &Transaction<'_>,
    def: &ListDef,
    id: i64,
    disabled: bool,
) -> rusqlite::Result<()> {
    if def.has_disabled {
        tx.execute(
            &format!("UPDATE {} SET disabled = ?2 WHERE id = ?1", def.table),
            rusqlite::params![id, disabled],
        )?;
    }
    Ok(())
}

/// The id of an entry of list `code` chosen in form field `field`, if one was chosen and it
/// exists; a choice that is no entry is an error on `field`.
pub fn chosen(
    conn: &Connection,
    errors: &mut crate::domain::FieldErrors,
    field: &'static str,
    code: &str,
    typed: &str,
) -> rusqlite::Result<Option<i64>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match (typed.parse::<i64>(), super::find(code)) {
        (Ok(id), Some(def)) if exists(conn, def, id)? => Ok(Some(id)),
        _ => {
            errors.add(field, crate::i18n::msg("error-unknown-choice"));
            Ok(None)
        }
    }
}
