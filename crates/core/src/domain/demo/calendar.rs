//! The demo's calendar: the calendar function on, an intervention of one to three working hours
//! planned within a week of opening on one ticket in twelve that has a technician (a few of them
//! over whole days), and a reminder on one ticket in fifty, open for tickets still open. Written
//! by a few set-wise statements from the tickets already made.

use rusqlite::Transaction;

/// What was added: interventions, reminders.
pub fn create(tx: &Transaction<'_>, now: i64) -> rusqlite::Result<(usize, usize)> {
    tx.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES ('planning', '1', ?1)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        [now],
    )?;
    // Days counted from the epoch (UTC), so that times fall in working hours in Europe.
    let interventions = tx.execute(
        "INSERT INTO interventions (ticket_id, technician_id, starts_at, ends_at, all_day, note,
             created_by, created_at, updated_at)
         SELECT id, technician_id, start, start + span, 0, '', technician_id, created_at, created_at
         FROM (SELECT id, technician_id, created_at,
                      (created_at / 86400 + 1 + id % 5) * 86400 + (7 + id % 9) * 3600 AS start,
                      (1 + id % 3) * 3600 AS span
               FROM tickets WHERE technician_id IS NOT NULL AND id % 12 = 0 AND id % 144 <> 0)
         UNION ALL
         SELECT id, technician_id, day, day + 86400 * (1 + id % 2), 1, '', technician_id,
                created_at, created_at
         FROM (SELECT id, technician_id, created_at, (created_at / 86400 + 2) * 86400 AS day
               FROM tickets WHERE technician_id IS NOT NULL AND id % 144 = 0)",
        [],
    )?;
    let reminders = tx.execute(
        "INSERT INTO reminders (ticket_id, technician_id, due_at, text, done, created_by, created_at)
         SELECT t.id, t.technician_id, (t.created_at / 86400 + 3) * 86400 + 9 * 3600, '',
                CASE WHEN t.state_id IN (3, 4) THEN 1 ELSE 0 END, t.technician_id, t.created_at
         FROM tickets t WHERE t.technician_id IS NOT NULL AND t.id % 50 = 7",
        [],
    )?;
    Ok((interventions, reminders))
}
