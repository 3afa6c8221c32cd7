//! Texts kept rendered: the sanitized HTML of a ticket's description, a reply or a procedure,
//! written with the text when it is saved, and read back instead of rendering again.
//!
//! A text saved before rendered copies were kept, or by an older renderer, has none: readers
//! render it then ([`or_render`]), at a cost bounded by its length.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::markdown::{self, RENDERER_VERSION, SafeHtml};

/// Which texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// A ticket's description, by ticket number.
    Description,
    /// A text reply, by thread entry id.
    Entry,
    /// A procedure's text, by procedure id.
    Procedure,
}

impl Text {
    fn table(self) -> (&'static str, &'static str) {
        match self {
            Text::Description => ("ticket_description_html", "ticket_id"),
            Text::Entry => ("thread_entry_html", "entry_id"),
            Text::Procedure => ("procedure_html", "procedure_id"),
        }
    }
}

/// Keeps `html` as the rendering of text `id`.
pub fn keep(
    tx: &Transaction<'_>,
    text: Text,
    id: impl Into<i64>,
    html: &SafeHtml,
) -> rusqlite::Result<()> {
    let (table, key) = text.table();
    let id: i64 = id.into();
    tx.prepare_cached(&format!(
        "INSERT INTO {table} ({key}, version, html) VALUES (?1, ?2, ?3)
         ON CONFLICT({key}) DO UPDATE SET version = excluded.version, html = excluded.html"
    ))?
    .execute(params![id, RENDERER_VERSION, html.as_str()])?;
    Ok(())
}

/// Forgets the rendering of text `id` (its text changed in a way nobody rendered).
pub fn forget(tx: &Transaction<'_>, text: Text, id: impl Into<i64>) -> rusqlite::Result<()> {
    let (table, key) = text.table();
    let id: i64 = id.into();
    tx.prepare_cached(&format!("DELETE FROM {table} WHERE {key} = ?1"))?
        .execute([id])?;
    Ok(())
}

/// The kept rendering of text `id`, if there is a current one.
pub fn kept(
    conn: &Connection,
    text: Text,
    id: impl Into<i64>,
) -> rusqlite::Result<Option<SafeHtml>> {
    let (table, key) = text.table();
    let id: i64 = id.into();
    conn.prepare_cached(&format!(
        "SELECT html FROM {table} WHERE {key} = ?1 AND version = ?2"
    ))?
    .query_row(params![id, RENDERER_VERSION], |r| r.get::<_, String>(0))
    .optional()
    .map(|h| h.map(SafeHtml::from_kept))
}

/// The SQL join that adds the kept rendering of the texts whose id is `id_expr` as `{alias}.html`
/// (NULL when there is none).
pub fn join(text: Text, alias: &str, id_expr: &str) -> String {
    let (table, key) = text.table();
    format!(
        "LEFT JOIN {table} {alias} ON {alias}.{key} = {id_expr} AND {alias}.version = {RENDERER_VERSION}"
    )
}

/// The kept rendering, or `source` rendered now.
pub fn or_render(kept: Option<String>, source: &str) -> SafeHtml {
    kept.map_or_else(|| markdown::render_html(source), SafeHtml::from_kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_rendering_is_read_back_and_an_old_one_is_not() {
        let mut conn = Connection::open_in_memory().expect("db");
        conn.execute_batch(
            "CREATE TABLE procedure_html (procedure_id INTEGER PRIMARY KEY, version INTEGER NOT NULL, html TEXT NOT NULL);",
        )
        .expect("schema");
        let tx = conn.transaction().expect("tx");
        keep(&tx, Text::Procedure, 7, &markdown::render_html("**hi**")).expect("keep");
        assert_eq!(
            kept(&tx, Text::Procedure, 7)
                .expect("read")
                .map(SafeHtml::into_string),
            Some("<p><strong>hi</strong></p>\n".to_owned())
        );
        tx.execute("UPDATE procedure_html SET version = version - 1", [])
            .expect("age");
        assert_eq!(kept(&tx, Text::Procedure, 7).expect("read"), None);
        forget(&tx, Text::Procedure, 7).expect("forget");
        assert_eq!(or_render(None, "*x*").as_str(), "<p><em>x</em></p>\n");
    }
}
