//! The demo's satisfaction surveys: the function on, sent when a ticket is resolved; three
//! questions (a scale of five, yes or no, how the requester reached the team) worded in the
//! four languages and a free-text one; one resolved ticket in four invited an hour after its
//! resolution, three in five of those answered within three days. The links' secrets are never
//! known (random hashes), as no mail went out.

use rusqlite::Transaction;

/// How many invitations, and how many were answered.
pub fn create(tx: &Transaction<'_>, now: i64) -> rusqlite::Result<(usize, usize)> {
    for (key, value) in [("survey", "1"), ("survey_ticket_state", "3")] {
        tx.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            rusqlite::params![key, value, now],
        )?;
    }
    tx.execute_batch(
        "INSERT INTO survey_questions (position, kind, scale) VALUES
             (1, 'scale', 5), (2, 'yes_no', 5), (3, 'choice', 5), (4, 'text', 5);
         CREATE TEMP TABLE demo_q AS SELECT id, position FROM survey_questions
             WHERE position <= 4 ORDER BY id DESC LIMIT 4;
         INSERT INTO survey_question_texts (question_id, lang, text, choices, low_label, high_label)
         SELECT q.id, w.lang, w.text, w.choices, w.low, w.high FROM demo_q q JOIN (
             SELECT 1 AS position, 'en' AS lang, 'How satisfied are you with the help you got?' AS text, '' AS choices, 'Not at all' AS low, 'Very' AS high
             UNION ALL SELECT 1, 'fr', 'Êtes-vous satisfait de l''aide reçue ?', '', 'Pas du tout', 'Très'
             UNION ALL SELECT 1, 'es', '¿Está satisfecho con la ayuda recibida?', '', 'Nada', 'Mucho'
             UNION ALL SELECT 1, 'de', 'Wie zufrieden sind Sie mit der Hilfe?', '', 'Gar nicht', 'Sehr'
             UNION ALL SELECT 2, 'en', 'Was the problem solved the first time?', '', '', ''
             UNION ALL SELECT 2, 'fr', 'Le problème a-t-il été résolu du premier coup ?', '', '', ''
             UNION ALL SELECT 2, 'es', '¿Se resolvió el problema a la primera?', '', '', ''
             UNION ALL SELECT 2, 'de', 'Wurde das Problem beim ersten Mal gelöst?', '', '', ''
             UNION ALL SELECT 3, 'en', 'How did you reach us?', 'Phone' || char(10) || 'Mail' || char(10) || 'In person', '', ''
             UNION ALL SELECT 3, 'fr', 'Comment nous avez-vous joints ?', 'Téléphone' || char(10) || 'Mail' || char(10) || 'En personne', '', ''
             UNION ALL SELECT 3, 'es', '¿Cómo nos contactó?', 'Teléfono' || char(10) || 'Correo' || char(10) || 'En persona', '', ''
             UNION ALL SELECT 3, 'de', 'Wie haben Sie uns erreicht?', 'Telefon' || char(10) || 'Mail' || char(10) || 'Persönlich', '', ''
             UNION ALL SELECT 4, 'en', 'Anything to add?', '', '', ''
             UNION ALL SELECT 4, 'fr', 'Quelque chose à ajouter ?', '', '', ''
             UNION ALL SELECT 4, 'es', '¿Algo que añadir?', '', '', ''
             UNION ALL SELECT 4, 'de', 'Möchten Sie etwas hinzufügen?', '', '', ''
         ) w ON w.position = q.position;",
    )?;
    let invited = tx.execute(
        "INSERT INTO survey_invitations (ticket_id, token_hash, lang, created_at, expires_at,
             answered_at)
         SELECT t.id, lower(hex(randomblob(32))), 'en', t.resolved_at + 3600,
                t.resolved_at + 3600 + 14 * 86400,
                CASE WHEN t.id % 5 < 3 AND t.resolved_at + 3600 + (1 + t.id % 3) * 86400 <= ?1
                     THEN t.resolved_at + 3600 + (1 + t.id % 3) * 86400 END
         FROM tickets t
         WHERE t.state_id = 3 AND t.resolved_at IS NOT NULL AND t.requester_id IS NOT NULL
           AND t.deleted = 0 AND t.id % 4 = 0",
        [now],
    )?;
    // Mostly content: 5, 4, 4, 3, 5, 2, 4, 5, 1, 4 by ticket number.
    tx.execute_batch(
        "INSERT INTO survey_answers (invitation_id, question_id, answer)
         SELECT i.id, q.id,
                CASE q.position
                    WHEN 1 THEN substr('5443524514', 1 + i.ticket_id % 10, 1)
                    WHEN 2 THEN CASE WHEN i.ticket_id % 6 = 0 THEN 'no' ELSE 'yes' END
                    ELSE CAST(1 + i.ticket_id % 3 AS TEXT)
                END
         FROM survey_invitations i, demo_q q
         WHERE i.answered_at IS NOT NULL AND q.position <= 3;
         INSERT INTO survey_answers (invitation_id, question_id, answer)
         SELECT i.id, q.id, 'Thanks, quick and clear.'
         FROM survey_invitations i, demo_q q
         WHERE i.answered_at IS NOT NULL AND q.position = 4 AND i.ticket_id % 11 = 0;
         DROP TABLE demo_q;",
    )?;
    let answered: i64 = tx.query_row(
        "SELECT count(*) FROM survey_invitations WHERE answered_at IS NOT NULL",
        [],
        |r| r.get(0),
    )?;
    Ok((invited, usize::try_from(answered).unwrap_or(0)))
}
