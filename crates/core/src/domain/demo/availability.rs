//! The demo's availability: the function on, the first three subcategories monitored and the
//! fourth a dependency of them, critical tickets counted, a 99.5% target for this year and the
//! last. One critical ticket in five of those subcategories stays critical (the others become
//! serious), and each of them records an unavailability of one to four hours from its opening,
//! one in seven planned.

use rusqlite::Transaction;

/// The incidents that count: how many tickets record an unavailability.
pub fn create(tx: &Transaction<'_>, now: i64) -> rusqlite::Result<usize> {
    let year: i64 = tx.query_row(
        "SELECT CAST(strftime('%Y', ?1, 'unixepoch') AS INTEGER)",
        [now],
        |r| r.get(0),
    )?;
    for (key, value) in [
        ("availability", "1"),
        ("availability_all_cat", "0"),
        ("availability_dep", "1"),
        ("availability_condition", "criticality:1"),
    ] {
        tx.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            rusqlite::params![key, value, now],
        )?;
    }
    tx.execute_batch(
        "CREATE TEMP TABLE demo_watched AS
             SELECT id, category_id, row_number() OVER (ORDER BY id) AS n FROM subcategories
             ORDER BY id LIMIT 4;
         INSERT INTO availability_monitored (category_id, subcategory_id)
             SELECT category_id, id FROM demo_watched WHERE n <= 3;
         INSERT INTO availability_dependencies (category_id, subcategory_id)
             SELECT category_id, id FROM demo_watched WHERE n = 4;
         UPDATE tickets SET criticality_id = 2
             WHERE criticality_id = 1 AND id % 5 <> 0
               AND subcategory_id IN (SELECT id FROM demo_watched);",
    )?;
    tx.execute(
        "INSERT INTO availability_targets (subcategory_id, year, target)
         SELECT id, ?1 - y, 99.5 FROM demo_watched, (SELECT 0 AS y UNION ALL SELECT 1)
         WHERE n <= 3",
        [year],
    )?;
    let incidents = tx.execute(
        "INSERT INTO ticket_unavailability (ticket_id, starts_at, ends_at, planned, updated_at)
         SELECT id, created_at, created_at + (1 + id % 4) * 3600 + (id % 6) * 600,
                CASE WHEN id % 7 = 0 THEN 1 ELSE 0 END, created_at
         FROM tickets
         WHERE criticality_id = 1 AND deleted = 0
           AND subcategory_id IN (SELECT id FROM demo_watched)",
        [],
    )?;
    tx.execute_batch("DROP TABLE demo_watched;")?;
    Ok(incidents)
}
