//! The log of asset imports (`asset_imports`): every file sent, dropped in the folder or given
//! to the shell, with who, when and what it did; a file sent from the page waits there for its
//! confirmation, for at most [`PENDING_MAX_AGE`].

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::Counts;

/// How long a previewed file waits for its confirmation.
pub const PENDING_MAX_AGE: i64 = 24 * 3600;
/// How many imports the page lists.
pub const SHOWN: i64 = 20;

/// Where a file came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Page,
    Folder,
    Shell,
}

impl Source {
    fn code(self) -> &'static str {
        match self {
            Source::Page => "page",
            Source::Folder => "folder",
            Source::Shell => "shell",
        }
    }

    fn parse(code: &str) -> Source {
        match code {
            "folder" => Source::Folder,
            "shell" => Source::Shell,
            _ => Source::Page,
        }
    }
}

/// Where an import stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Previewed,
    Done,
    Failed,
}

/// One import as logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub id: i64,
    pub file_name: String,
    pub source: Source,
    pub author_id: Option<i64>,
    pub author: String,
    pub created_at: i64,
    pub state: State,
    pub counts: Counts,
    pub error: String,
}

/// Logs a file; `content` is kept when it waits for its confirmation.
pub fn add(
    tx: &Transaction<'_>,
    file_name: &str,
    source: Source,
    author: Option<i64>,
    now: i64,
    content: Option<&[u8]>,
) -> rusqlite::Result<i64> {
    let state = if content.is_some() {
        "previewed"
    } else {
        "done"
    };
    tx.prepare_cached(
        "INSERT INTO asset_imports (file_name, source, author_id, created_at, state, content)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        file_name,
        source.code(),
        author,
        now,
        state,
        content
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Records what import `id` did (or, with `error`, why it did nothing) and lets its file go.
pub fn finish(
    tx: &Transaction<'_>,
    id: i64,
    now: i64,
    counts: Counts,
    error: Option<&str>,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE asset_imports SET state = ?2, done_at = ?3, created = ?4, updated = ?5,
             unchanged = ?6, refused = ?7, error = ?8, content = NULL
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        if error.is_some() { "failed" } else { "done" },
        now,
        counts.created,
        counts.updated,
        counts.unchanged,
        counts.refused,
        error.unwrap_or(""),
    ])?;
    Ok(())
}

/// The file of import `id` sent by `author` that still waits for its confirmation, taken so
/// that no second confirmation finds it (the write transaction holds the database, so no
/// other one reads it in between).
pub fn take_pending(
    tx: &Transaction<'_>,
    id: i64,
    author: i64,
) -> rusqlite::Result<Option<Vec<u8>>> {
    let content = pending(tx, id, author)?;
    if content.is_some() {
        tx.prepare_cached("UPDATE asset_imports SET content = NULL WHERE id = ?1")?
            .execute([id])?;
    }
    Ok(content)
}

/// The file of import `id` sent by `author` that waits for its confirmation.
pub fn pending(conn: &Connection, id: i64, author: i64) -> rusqlite::Result<Option<Vec<u8>>> {
    conn.prepare_cached(
        "SELECT content FROM asset_imports
         WHERE id = ?1 AND author_id = ?2 AND state = 'previewed' AND content IS NOT NULL",
    )?
    .query_row(params![id, author], |r| r.get(0))
    .optional()
}

/// Forgets files that waited too long for their confirmation.
pub fn purge(tx: &Transaction<'_>, now: i64) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM asset_imports WHERE state = 'previewed' AND created_at < ?1")?
        .execute([now - PENDING_MAX_AGE])?;
    Ok(())
}

fn state(code: &str) -> State {
    match code {
        "previewed" => State::Previewed,
        "failed" => State::Failed,
        _ => State::Done,
    }
}

const SELECT: &str =
    "SELECT i.id, i.file_name, i.source, i.author_id, COALESCE(u.display_name, ''),
        i.created_at, i.state, i.created, i.updated, i.unchanged, i.refused, i.error
    FROM asset_imports i LEFT JOIN users u ON u.id = i.author_id";

fn logged(r: &rusqlite::Row<'_>) -> rusqlite::Result<Logged> {
    Ok(Logged {
        id: r.get(0)?,
        file_name: r.get(1)?,
        source: Source::parse(&r.get::<_, String>(2)?),
        author_id: r.get(3)?,
        author: r.get(4)?,
        created_at: r.get(5)?,
        state: state(&r.get::<_, String>(6)?),
        counts: Counts {
            created: r.get(7)?,
            updated: r.get(8)?,
            unchanged: r.get(9)?,
            refused: r.get(10)?,
        },
        error: r.get(11)?,
    })
}

/// The latest imports, newest first; a file waiting for its confirmation only for its author.
pub fn recent(conn: &Connection, viewer: i64) -> rusqlite::Result<Vec<Logged>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE i.state <> 'previewed' OR i.author_id = ?1
         ORDER BY i.created_at DESC, i.id DESC LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![viewer, SHOWN], logged)?;
    rows.collect()
}

/// Import `id`.
pub fn get(conn: &Connection, id: i64) -> rusqlite::Result<Option<Logged>> {
    conn.prepare_cached(&format!("{SELECT} WHERE i.id = ?1"))?
        .query_row([id], logged)
        .optional()
}
