//! Ticket counts by state that the database keeps up to date on every write (table
//! `ticket_counts`, maintained by triggers; see migration V10): every ticket, a technician's
//! own tickets (handled or asked), a technician group's. Reading one is a few rows, so the menu
//! of every technician stays cheap however often tickets change.

use std::collections::HashMap;

use rusqlite::Connection;

const EVERY: i64 = 0;
const TECHNICIAN: i64 = 1;
const REQUESTER: i64 = 2;
const SAME_USER: i64 = 3;
const TECH_GROUP: i64 = 4;

/// Adds `sign` times the counts of `(kind, owner)` into `out`.
fn add(
    conn: &Connection,
    kind: i64,
    owner: i64,
    sign: i64,
    out: &mut HashMap<i64, i64>,
) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT state_id, n FROM ticket_counts WHERE kind = ?1 AND owner = ?2 AND n <> 0",
    )?;
    let rows = stmt.query_map([kind, owner], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?)))?;
    for row in rows {
        let (state, n) = row?;
        *out.entry(state).or_insert(0) += sign * n;
    }
    out.retain(|_, n| *n != 0);
    Ok(())
}

/// Every ticket not deleted, by state.
pub fn every(conn: &Connection) -> rusqlite::Result<HashMap<i64, i64>> {
    let mut out = HashMap::new();
    add(conn, EVERY, 0, 1, &mut out)?;
    Ok(out)
}

/// The tickets `user` handles or asked for (once each), by state.
pub fn own(conn: &Connection, user: i64) -> rusqlite::Result<HashMap<i64, i64>> {
    let mut out = HashMap::new();
    add(conn, TECHNICIAN, user, 1, &mut out)?;
    add(conn, REQUESTER, user, 1, &mut out)?;
    add(conn, SAME_USER, user, -1, &mut out)?;
    Ok(out)
}

/// The tickets `user` handles, by state.
pub fn handled(conn: &Connection, user: i64) -> rusqlite::Result<HashMap<i64, i64>> {
    let mut out = HashMap::new();
    add(conn, TECHNICIAN, user, 1, &mut out)?;
    Ok(out)
}

/// The tickets of technician group `group`, by state.
pub fn tech_group(conn: &Connection, group: i64) -> rusqlite::Result<HashMap<i64, i64>> {
    let mut out = HashMap::new();
    add(conn, TECH_GROUP, group, 1, &mut out)?;
    Ok(out)
}

/// Counts everything again from the tickets (after a bulk load that suspended the triggers,
/// see `search::suspend`). The technicians' counts read the table itself: right after a bulk
/// load no index has statistics yet, and the one by technician (with a row read per ticket for
/// the rest) took 4 to 6 s at a million tickets, against under one second for the table.
pub fn rebuild(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "DELETE FROM ticket_counts;
         INSERT INTO ticket_counts (kind, owner, state_id, n)
         SELECT 0, 0, state_id, count(*) FROM tickets WHERE deleted = 0 GROUP BY state_id;
         INSERT INTO ticket_counts (kind, owner, state_id, n)
         SELECT 1, technician_id, state_id, count(*) FROM tickets NOT INDEXED
         WHERE deleted = 0 AND technician_id IS NOT NULL GROUP BY technician_id, state_id;
         INSERT INTO ticket_counts (kind, owner, state_id, n)
         SELECT 2, requester_id, state_id, count(*) FROM tickets
         WHERE deleted = 0 AND requester_id IS NOT NULL GROUP BY requester_id, state_id;
         INSERT INTO ticket_counts (kind, owner, state_id, n)
         SELECT 3, requester_id, state_id, count(*) FROM tickets NOT INDEXED
         WHERE deleted = 0 AND requester_id = technician_id GROUP BY requester_id, state_id;
         INSERT INTO ticket_counts (kind, owner, state_id, n)
         SELECT 4, tech_group_id, state_id, count(*) FROM tickets
         WHERE deleted = 0 AND tech_group_id IS NOT NULL GROUP BY tech_group_id, state_id;",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::{RngExt, SeedableRng};

    /// Counts by state of `SELECT state_id ... WHERE {cond}`, read from the tickets.
    fn recount(conn: &Connection, cond: &str, owner: i64) -> HashMap<i64, i64> {
        let sql = format!(
            "SELECT state_id, count(*) FROM tickets WHERE deleted = 0 AND {cond} GROUP BY state_id"
        );
        let mut stmt = conn.prepare(&sql).expect("prepare");
        let n = stmt.parameter_count();
        let params: Vec<i64> = (0..n).map(|_| owner).collect();
        stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows")
    }

    fn maybe(rng: &mut StdRng, max: i64) -> Option<i64> {
        rng.random_bool(0.8).then(|| rng.random_range(1..=max))
    }

    #[test]
    fn kept_counts_equal_a_recount_after_any_mix_of_writes() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("counts.sqlite3");
        drop(crate::db::Db::open(&path).expect("migrated database"));
        // The writes below point at users and groups that do not exist: only counts matter.
        let conn = Connection::open(&path).expect("open");
        conn.execute_batch("PRAGMA foreign_keys = OFF")
            .expect("pragma");
        let mut rng = StdRng::seed_from_u64(7);
        for step in 0..3_000 {
            let ids: i64 = conn
                .query_row("SELECT count(*) FROM tickets", [], |r| r.get(0))
                .expect("count");
            let id = (ids > 0).then(|| rng.random_range(1..=ids + 5));
            match rng.random_range(0..10) {
                0..=3 => {
                    conn.execute(
                        "INSERT INTO tickets (title, requester_id, technician_id, tech_group_id,
                                              state_id, created_at, modified_at, deleted)
                         VALUES ('t', ?1, ?2, ?3, ?4, 0, 0, ?5)",
                        rusqlite::params![
                            maybe(&mut rng, 6),
                            maybe(&mut rng, 6),
                            maybe(&mut rng, 3),
                            rng.random_range(1..=6),
                            i64::from(rng.random_bool(0.1))
                        ],
                    )
                    .expect("insert");
                }
                4 => {
                    conn.execute(
                        "UPDATE tickets SET state_id = ?2 WHERE id = ?1",
                        rusqlite::params![id, rng.random_range(1..=6)],
                    )
                    .expect("state");
                }
                5 => {
                    conn.execute(
                        "UPDATE tickets SET technician_id = ?2, tech_group_id = ?3 WHERE id = ?1",
                        rusqlite::params![id, maybe(&mut rng, 6), maybe(&mut rng, 3)],
                    )
                    .expect("technician");
                }
                6 => {
                    conn.execute(
                        "UPDATE tickets SET requester_id = ?2 WHERE id = ?1",
                        rusqlite::params![id, maybe(&mut rng, 6)],
                    )
                    .expect("requester");
                }
                7 => {
                    conn.execute(
                        "UPDATE tickets SET deleted = 1 - deleted WHERE id = ?1",
                        [id],
                    )
                    .expect("deleted");
                }
                8 => {
                    conn.execute(
                        "UPDATE tickets SET title = 'x', modified_at = ?2 WHERE id = ?1",
                        rusqlite::params![id, step],
                    )
                    .expect("other field");
                }
                _ => {
                    conn.execute("DELETE FROM tickets WHERE id = ?1", [id])
                        .expect("delete");
                }
            }
            // A bulk load in the middle: triggers suspended, counts rebuilt at the end.
            if step == 1_500 {
                conn.execute("UPDATE search_index SET suspended = 1", [])
                    .expect("suspend");
                conn.execute(
                    "INSERT INTO tickets (title, requester_id, technician_id, state_id, created_at,
                                          modified_at)
                     WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n
                                                 WHERE value < 200)
                     SELECT 'bulk', value % 6 + 1, value % 5 + 1, value % 6 + 1, 0, 0 FROM n",
                    [],
                )
                .expect("bulk");
                let tx = conn.unchecked_transaction().expect("tx");
                rebuild(&tx).expect("rebuild");
                tx.execute("UPDATE search_index SET suspended = 0", [])
                    .expect("resume");
                tx.commit().expect("commit");
            }
            if step % 250 == 0 || step == 2_999 {
                assert_eq!(every(&conn).expect("every"), recount(&conn, "1", 0));
                for user in 1..=6 {
                    assert_eq!(
                        own(&conn, user).expect("own"),
                        recount(&conn, "(technician_id = ? OR requester_id = ?)", user),
                        "user {user} at step {step}"
                    );
                }
                for user in 1..=6 {
                    assert_eq!(
                        handled(&conn, user).expect("handled"),
                        recount(&conn, "technician_id = ?", user)
                    );
                }
                for group in 1..=3 {
                    assert_eq!(
                        tech_group(&conn, group).expect("group"),
                        recount(&conn, "tech_group_id = ?", group)
                    );
                }
            }
        }
    }
}
