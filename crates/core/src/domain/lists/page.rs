//! What the list administration pages show, read in one call: a list's entries, or one entry,
//! with the names and choices of the lists their columns refer to.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::db::Db;
use crate::domain::{DomainError, lists, run};
use crate::i18n::Lang;

use super::registry::{Column, ColumnKind, ListDef};
use super::{Entry, Value, repo};

#[derive(Debug, Clone)]
/// Names of the entries of every list referenced by `def`'s columns, and the choices they offer.
pub struct Refs {
    pub names: HashMap<&'static str, HashMap<i64, String>>,
    pub choices: HashMap<&'static str, Vec<(String, String)>>,
}

/// Loads the referenced lists; `keep` are the ids the entry being edited points to.
fn load_refs(
    c: &Connection,
    cols: &[&'static Column],
    lang: Lang,
    keep: &[i64],
) -> rusqlite::Result<Refs> {
    let mut refs = Refs {
        names: HashMap::new(),
        choices: HashMap::new(),
    };
    for col in cols {
        if let ColumnKind::Staff(staff) = col.kind {
            let found = repo::staff_choices(c, staff)?;
            refs.names.insert(col.name, found.iter().cloned().collect());
            refs.choices.insert(
                col.name,
                found
                    .into_iter()
                    .map(|(id, n)| (id.to_string(), n))
                    .collect(),
            );
        }
        if let ColumnKind::Ref(target) = col.kind
            && let Some(tdef) = lists::find(target)
        {
            refs.names.insert(target, repo::names(c, tdef, lang)?);
            refs.choices.insert(
                target,
                repo::choices(c, tdef, lang, keep)?
                    .into_iter()
                    .map(|(id, n)| (id.to_string(), n))
                    .collect(),
            );
        }
    }
    Ok(refs)
}

/// A list's entries and what their columns refer to.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub entries: Vec<Entry>,
    pub refs: Refs,
}

/// The entries of `def` with the references of columns `cols`, names in `lang`.
pub async fn list(
    db: &Db,
    def: &'static ListDef,
    cols: Vec<&'static Column>,
    lang: Lang,
) -> Result<Loaded, DomainError> {
    run::read(db, move |c| {
        Ok(Loaded {
            entries: repo::entries(c, def)?,
            refs: load_refs(c, &cols, lang, &[])?,
        })
    })
    .await
}

/// Entry `id` of `def` with the references of columns `cols` (its own references offered even
/// when retired).
pub async fn entry(
    db: &Db,
    def: &'static ListDef,
    id: i64,
    cols: Vec<&'static Column>,
    lang: Lang,
) -> Result<(Entry, Refs), DomainError> {
    run::read(db, move |c| {
        let entry = repo::entry(c, def, id)?.ok_or(DomainError::NotFound)?;
        let keep: Vec<i64> = def
            .columns
            .iter()
            .zip(&entry.values)
            .filter_map(|(col, v)| match (col.kind, v) {
                (ColumnKind::Ref(_), Value::Int(n)) => Some(*n),
                _ => None,
            })
            .collect();
        let refs = load_refs(c, &cols, lang, &keep)?;
        Ok((entry, refs))
    })
    .await
}
