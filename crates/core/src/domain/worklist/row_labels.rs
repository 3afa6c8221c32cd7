//! What a ticket list's rows show from the reference tables (types, groups, companies,
//! services, agencies, places, categories, subcategories, priorities, criticalities, states),
//! read once per language and kept in the memo until one of those tables changes. A page's
//! rows then join only what changes with the tickets (their two people and their asset):
//! eleven lookups per row less, the larger part of the rows' statement.

use rusqlite::Connection;
use rustc_hash::FxHashMap;

use crate::db::Memo;
use crate::i18n::Lang;

use super::listing::Badge;

/// A stored name, else its translation key's text in `lang`; nothing when neither is set.
fn name(name: Option<String>, key: Option<String>, lang: Lang) -> Option<String> {
    name.filter(|n| !n.is_empty())
        .or_else(|| key.map(|k| lang.t(&k)))
}

/// The labels of one language.
#[derive(Default)]
pub(super) struct RowLabels {
    pub(super) types: FxHashMap<i64, String>,
    pub(super) groups: FxHashMap<i64, String>,
    pub(super) companies: FxHashMap<i64, String>,
    pub(super) services: FxHashMap<i64, String>,
    pub(super) agencies: FxHashMap<i64, String>,
    pub(super) places: FxHashMap<i64, String>,
    pub(super) categories: FxHashMap<i64, String>,
    pub(super) subcategories: FxHashMap<i64, String>,
    pub(super) priorities: FxHashMap<i64, Badge>,
    pub(super) criticalities: FxHashMap<i64, Badge>,
    pub(super) states: FxHashMap<i64, Badge>,
}

/// `id → name` of a table with a plain `name` column.
fn plain(conn: &Connection, table: &str) -> rusqlite::Result<FxHashMap<i64, String>> {
    let mut stmt = conn.prepare(&format!("SELECT id, name FROM {table}"))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// `id → name` of a table whose rows have a name or a translation key.
fn keyed(conn: &Connection, table: &str, lang: Lang) -> rusqlite::Result<FxHashMap<i64, String>> {
    let mut stmt = conn.prepare(&format!("SELECT id, name, name_key FROM {table}"))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let mut out = FxHashMap::default();
    for row in rows {
        let (id, n, k) = row?;
        if let Some(label) = name(n, k, lang) {
            out.insert(id, label);
        }
    }
    Ok(out)
}

/// `id → badge` of a table of coloured, ordered values.
fn badges(conn: &Connection, table: &str, lang: Lang) -> rusqlite::Result<FxHashMap<i64, Badge>> {
    let mut stmt = conn.prepare(&format!("SELECT id, name, name_key, color FROM {table}"))?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    let mut out = FxHashMap::default();
    for row in rows {
        let (id, n, k, color) = row?;
        if let Some(label) = name(n, k, lang) {
            let color = color.unwrap_or_default();
            out.insert(id, Badge { label, color });
        }
    }
    Ok(out)
}

impl RowLabels {
    /// The labels in `lang`, kept in `memo` while the reference tables stay the same.
    pub(super) fn of(
        conn: &Connection,
        memo: &Memo,
        lang: Lang,
    ) -> rusqlite::Result<std::sync::Arc<Self>> {
        memo.get(conn, &format!("row labels {lang:?}"), |c| {
            Self::load(c, lang)
        })
    }

    fn load(conn: &Connection, lang: Lang) -> rusqlite::Result<Self> {
        Ok(Self {
            types: keyed(conn, "ticket_types", lang)?,
            groups: plain(conn, "groups")?,
            companies: plain(conn, "companies")?,
            services: plain(conn, "services")?,
            agencies: plain(conn, "agencies")?,
            places: plain(conn, "places")?,
            categories: keyed(conn, "categories", lang)?,
            subcategories: keyed(conn, "subcategories", lang)?,
            priorities: badges(conn, "priorities", lang)?,
            criticalities: badges(conn, "criticalities", lang)?,
            states: badges(conn, "ticket_states", lang)?,
        })
    }
}

/// The label of `id` in `map`, when there is one.
pub(super) fn find<T: Clone>(map: &FxHashMap<i64, T>, id: Option<i64>) -> Option<T> {
    id.and_then(|id| map.get(&id).cloned())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::db::{Db, DbError};

    fn labels(db: &Db, lang: Lang) -> Arc<RowLabels> {
        db.read_blocking(|c| RowLabels::of(c, db.memo(), lang).map_err(DbError::from))
            .expect("labels")
    }

    fn run(db: &Db, sql: &'static str) {
        db.write_blocking(|tx| tx.execute_batch(sql).map_err(DbError::from))
            .expect(sql);
    }

    #[test]
    fn labels_are_kept_until_a_reference_table_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Db::open(&dir.path().join("gestdesk.sqlite3")).expect("open");
        run(
            &db,
            "INSERT INTO categories (id, name) VALUES (900, 'Printers');
             INSERT INTO companies (id, name) VALUES (901, 'Acme');",
        );
        let first = labels(&db, Lang::En);
        assert_eq!(
            find(&first.categories, Some(900)).as_deref(),
            Some("Printers")
        );
        assert_eq!(find(&first.companies, Some(901)).as_deref(), Some("Acme"));
        assert_eq!(find(&first.categories, None), None);
        assert_eq!(find(&first.categories, Some(12_345)), None);
        // Kept: the next page reads the same labels without asking the database again.
        assert!(Arc::ptr_eq(&first, &labels(&db, Lang::En)));
        // Each language has its own, with the built-in names translated.
        let (new_en, new_fr) = (
            find(&labels(&db, Lang::En).states, Some(1))
                .expect("state 1")
                .label,
            find(&labels(&db, Lang::Fr).states, Some(1))
                .expect("state 1")
                .label,
        );
        assert_ne!(new_en, new_fr);
        // A renamed category or company shows at the next page.
        run(
            &db,
            "UPDATE categories SET name = 'Printing' WHERE id = 900",
        );
        assert_eq!(
            find(&labels(&db, Lang::En).categories, Some(900)).as_deref(),
            Some("Printing")
        );
        run(&db, "UPDATE companies SET name = 'Acme Ltd' WHERE id = 901");
        assert_eq!(
            find(&labels(&db, Lang::En).companies, Some(901)).as_deref(),
            Some("Acme Ltd")
        );
    }
}
