//! Reading and writing procedures. Every read goes through a [`Reader`]'s condition, so a
//! procedure someone may not see is "not found" for them, never a different answer.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params, params_from_iter};

use crate::domain::worklist::search::fts_query;
use crate::domain::{DomainError, clock};
use crate::i18n::msg;

use super::ProcedureId;
use super::{Checked, Procedure, Reader, Summary};

/// What the list asks for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words typed in the search box (every word must start a word of the title or text).
    pub text: String,
    pub category: Option<i64>,
    /// Zero-based page.
    pub page: i64,
    pub per_page: i64,
}

/// One page of the list and how many procedures match in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub rows: Vec<Summary>,
    pub total: i64,
}

/// The procedures `reader` sees that match `q`: best matches first when searching, else by
/// title.
pub fn search(conn: &Connection, reader: &Reader, q: &Query) -> rusqlite::Result<Found> {
    let (visible, mut values) = reader.condition();
    let mut conditions = vec![visible];
    let fts = fts_query(&q.text, true);
    if let Some(m) = &fts {
        conditions.push("f.procedures_fts MATCH ?".to_owned());
        values.push(Value::Text(m.clone()));
    }
    if let Some(c) = q.category {
        conditions.push("p.category_id = ?".to_owned());
        values.push(c.into());
    }
    let (from, order) = if fts.is_some() {
        (
            "procedures p JOIN procedures_fts f ON f.rowid = p.id",
            "f.rank, p.id",
        )
    } else {
        ("procedures p", "p.title COLLATE NOCASE, p.id")
    };
    let filter = conditions.join(" AND ");
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM {from} WHERE {filter}"),
        params_from_iter(values.iter()),
        |r| r.get(0),
    )?;
    let per_page = q.per_page.clamp(1, 500);
    let mut page_values = values;
    page_values.push(per_page.into());
    page_values.push((q.page.max(0) * per_page).into());
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id, p.title, p.category_id, p.subcategory_id, p.company_id, p.published,
                p.updated_at,
                (SELECT count(*) FROM attachments a WHERE a.procedure_id = p.id)
         FROM {from} WHERE {filter} ORDER BY {order} LIMIT ? OFFSET ?"
    ))?;
    let rows = stmt
        .query_map(params_from_iter(page_values.iter()), |r| {
            Ok(Summary {
                id: r.get(0)?,
                title: r.get(1)?,
                category_id: r.get(2)?,
                subcategory_id: r.get(3)?,
                company_id: r.get(4)?,
                published: r.get(5)?,
                updated_at: r.get(6)?,
                files: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Found { rows, total })
}

const WHO: &str = "u.display_name";

/// Procedure `id`, if `reader` sees it.
pub fn get_visible(
    conn: &Connection,
    reader: &Reader,
    id: ProcedureId,
) -> rusqlite::Result<Option<Procedure>> {
    let (visible, mut values) = reader.condition();
    values.insert(0, id.into());
    let who = |alias: &str| WHO.replace("u.", &format!("{alias}."));
    conn.query_row(
        &format!(
            "SELECT p.id, p.title, p.body, p.category_id, p.subcategory_id, p.company_id,
                    p.published, COALESCE({}, ''), p.created_at, COALESCE({}, ''), p.updated_at,
                    p.version
             FROM procedures p
             LEFT JOIN users c ON c.id = p.created_by
             LEFT JOIN users m ON m.id = p.updated_by
             WHERE p.id = ? AND {visible}",
            who("c"),
            who("m")
        ),
        params_from_iter(values.iter()),
        |r| {
            Ok(Procedure {
                id: r.get(0)?,
                title: r.get(1)?,
                body: r.get(2)?,
                category_id: r.get(3)?,
                subcategory_id: r.get(4)?,
                company_id: r.get(5)?,
                published: r.get(6)?,
                created_by: r.get(7)?,
                created_at: r.get(8)?,
                updated_by: r.get(9)?,
                updated_at: r.get(10)?,
                version: r.get(11)?,
            })
        },
    )
    .optional()
}

/// The procedures `reader` sees for a ticket of `category` / `subcategory`: those of the
/// category with no subcategory or with the same one, by title (at most 20).
pub fn for_ticket(
    conn: &Connection,
    reader: &Reader,
    category: i64,
    subcategory: Option<i64>,
) -> rusqlite::Result<Vec<(i64, String)>> {
    let (visible, mut values) = reader.condition();
    values.insert(0, category.into());
    values.insert(1, subcategory.map_or(Value::Null, Value::from));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.title FROM procedures p
         WHERE p.category_id = ? AND (p.subcategory_id IS NULL OR p.subcategory_id IS ?)
           AND {visible}
         ORDER BY p.title COLLATE NOCASE, p.id LIMIT 20"
    ))?;
    stmt.query_map(params_from_iter(values.iter()), |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?
    .collect()
}

/// Stores a new procedure written by `by`; returns its id.
pub fn create(tx: &Transaction<'_>, v: &Checked, by: i64) -> rusqlite::Result<ProcedureId> {
    let now = clock::now();
    tx.execute(
        "INSERT INTO procedures (title, body, category_id, subcategory_id, company_id, published,
                                 created_by, created_at, updated_by, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)",
        params![
            v.title,
            v.body,
            v.category_id,
            v.subcategory_id,
            v.company_id,
            v.published,
            by,
            now
        ],
    )?;
    Ok(ProcedureId(tx.last_insert_rowid()))
}

/// Saves procedure `id` over `version` (the one the form was based on): someone else's save in
/// between is a conflict, not an overwrite.
pub fn update(
    tx: &Transaction<'_>,
    id: ProcedureId,
    version: i64,
    v: &Checked,
    by: i64,
) -> Result<(), DomainError> {
    let changed = tx.execute(
        "UPDATE procedures SET title = ?3, body = ?4, category_id = ?5, subcategory_id = ?6,
                company_id = ?7, published = ?8, updated_by = ?9, updated_at = ?10,
                version = version + 1
         WHERE id = ?1 AND version = ?2",
        params![
            id,
            version,
            v.title,
            v.body,
            v.category_id,
            v.subcategory_id,
            v.company_id,
            v.published,
            by,
            clock::now()
        ],
    )?;
    if changed == 0 {
        let exists: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM procedures WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        return Err(if exists {
            DomainError::Conflict(msg("procedures-conflict"))
        } else {
            DomainError::NotFound
        });
    }
    Ok(())
}

/// Deletes procedure `id` and its attachment rows; returns the storage names of its files,
/// for the caller to remove once the transaction is committed.
pub fn delete(tx: &Transaction<'_>, id: ProcedureId) -> Result<Vec<String>, DomainError> {
    let files: Vec<String> = tx
        .prepare("SELECT storage_name FROM attachments WHERE procedure_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM attachments WHERE procedure_id = ?1", [id])?;
    if tx.execute("DELETE FROM procedures WHERE id = ?1", [id])? == 0 {
        return Err(DomainError::NotFound);
    }
    Ok(files)
}
