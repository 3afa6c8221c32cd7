//! Embedded, append-only schema migrations from `migrations/`, run at every start.
//!
//! Each migration runs in its own transaction; an edited migration (checksum mismatch) or a
//! database that holds migrations this build does not know (a newer Gestdesk) stops the start.
//!
//! Foreign keys are off while migrations run and checked once after them, as SQLite asks for
//! rebuilding a table (a table dropped to be made again must not cascade into its children), and
//! renaming a table leaves the references to it as written (`legacy_alter_table`), so that the
//! rebuilt table takes the old one's place in every reference.

use std::path::Path;

use rusqlite::Connection;

use super::DbError;

mod embedded {
    refinery::embed_migrations!("../../migrations");
}

/// Brings the schema up to date.
pub(super) fn run(conn: &mut Connection, path: &Path) -> Result<(), DbError> {
    let runner = embedded::migrations::runner();
    let known = latest_schema_version();
    let has_history: bool = conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'refinery_schema_history')",
        [],
        |r| r.get(0),
    )?;
    if has_history {
        let found = schema_version(conn)?;
        if found > known {
            return Err(DbError::NewerSchema {
                path: path.to_owned(),
                found,
                known,
            });
        }
    }
    conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;")?;
    let report = runner.run(conn);
    conn.execute_batch("PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON;")?;
    let report = report?;
    // Checked only after a migration ran: the check reads every row.
    let broken: i64 = if report.applied_migrations().is_empty() {
        0
    } else {
        conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })?
    };
    if broken > 0 {
        return Err(DbError::BrokenReferences(broken));
    }
    for m in report.applied_migrations() {
        tracing::info!(version = m.version(), name = m.name(), "applied migration");
    }
    Ok(())
}

/// The newest schema version this build knows.
pub fn latest_schema_version() -> i64 {
    embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .max()
        .unwrap_or(0)
}

/// The schema version recorded in the database.
pub fn schema_version(conn: &Connection) -> Result<i64, DbError> {
    let v = conn.query_row(
        "SELECT COALESCE(MAX(version), 0) FROM refinery_schema_history",
        [],
        |r| r.get(0),
    )?;
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database file at schema `version` holding `rows` (SQL), as an older Gestdesk left it;
    /// the folder is kept alive by the caller.
    fn database_at(version: i32, rows: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("gestdesk.db");
        let mut conn = super::super::open::open_connection(&path).expect("open");
        conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;")
            .expect("pragmas");
        embedded::migrations::runner()
            .set_target(refinery::Target::Version(version))
            .run(&mut conn)
            .expect("older schema");
        conn.execute_batch(&format!("PRAGMA foreign_keys = ON; {rows}"))
            .expect("old rows");
        (dir, path)
    }

    /// A database at schema 17 with a reply, its rendered HTML and a mail entry comes through
    /// the rebuild of the thread (schema 18) with every row and link kept.
    #[test]
    fn rebuilding_the_thread_keeps_replies_and_what_points_to_them() {
        let (_dir, path) = database_at(
            17,
            "INSERT INTO tickets (id, title, state_id, created_at, modified_at)
                 VALUES (7, 'Old ticket', 2, 1, 1);
             INSERT INTO thread_entries (id, ticket_id, created_at, kind, body)
                 VALUES (70, 7, 2, 'text', 'old reply about a toner');
             INSERT INTO thread_entry_html (entry_id, version, html)
                 VALUES (70, 1, '<p>old reply about a toner</p>');",
        );
        let mut conn = super::super::open::open_connection(&path).expect("reopen");
        run(&mut conn, &path).expect("migrate to the latest");
        let kept: (String, String) = conn
            .query_row(
                "SELECT e.body, h.html FROM thread_entries e
                 JOIN thread_entry_html h ON h.entry_id = e.id WHERE e.id = 70 AND e.ticket_id = 7",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .expect("reply and its HTML kept");
        assert_eq!(kept.0, "old reply about a toner");
        let broken: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .expect("check");
        assert_eq!(broken, 0);
        let fk: i64 = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .expect("pragma");
        assert_eq!(fk, 1, "foreign keys are on again after migrating");
        // The search index still finds the reply, and the new kinds are accepted.
        conn.execute(
            "INSERT INTO thread_entries (ticket_id, created_at, kind, other_ticket_id)
             VALUES (7, 3, 'merged_from', NULL)",
            [],
        )
        .expect("new kind");
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH 'toner'",
                [],
                |r| r.get(0),
            )
            .expect("search");
        assert_eq!(found, 1);
    }

    /// Tickets opened before schema 20 get their requester's service as sender service.
    #[test]
    fn older_tickets_get_their_requesters_service() {
        let (_dir, path) = database_at(
            19,
            "INSERT INTO users (id, login, password_hash, profile_id, created_at, updated_at)
                 VALUES (50, 'clerk', '', 2, 1, 1);
             INSERT INTO services (id, name) VALUES (7, 'Accounting');
             INSERT INTO user_services (user_id, service_id) VALUES (50, 7);
             INSERT INTO tickets (id, title, state_id, created_at, modified_at, requester_id)
                 VALUES (8, 'Old ticket', 2, 1, 1, 50), (9, 'Nobody', 2, 1, 1, NULL);",
        );
        let mut conn = super::super::open::open_connection(&path).expect("reopen");
        run(&mut conn, &path).expect("migrate");
        let services: Vec<Option<i64>> = conn
            .prepare("SELECT sender_service_id FROM tickets ORDER BY id")
            .expect("prepare")
            .query_map([], |r| r.get(0))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(services, [Some(7), None]);
    }
}
