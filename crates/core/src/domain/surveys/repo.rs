//! The SQL of surveys: questions and their wordings, the invitation texts, invitations and
//! answers.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::Question;
use super::rules::{Kind, QuestionDraft, Wording};
use crate::i18n::Lang;

/// The questions not removed, in order, with their wordings (`all`: removed ones too, after).
pub fn questions(conn: &Connection, all: bool) -> rusqlite::Result<Vec<Question>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.id, q.position, q.kind, q.scale, t.lang, t.text, t.choices, t.low_label,
                t.high_label, q.removed
         FROM survey_questions q LEFT JOIN survey_question_texts t ON t.question_id = q.id
         WHERE ?1 OR q.removed = 0
         ORDER BY q.removed, q.position, q.id, t.lang",
    )?;
    let mut out: Vec<Question> = Vec::new();
    let mut rows = stmt.query([all])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if out.last().is_none_or(|q| q.id != id) {
            out.push(Question {
                id,
                position: r.get(1)?,
                kind: Kind::from_code(&r.get::<_, String>(2)?).unwrap_or(Kind::Text),
                scale: r.get(3)?,
                wordings: Vec::new(),
                removed: r.get(9)?,
            });
        }
        let lang: Option<String> = r.get(4)?;
        if let (Some(lang), Some(q)) = (lang.as_deref().and_then(Lang::from_code), out.last_mut()) {
            let choices: String = r.get(6)?;
            q.wordings.push((
                lang,
                Wording {
                    text: r.get(5)?,
                    choices: choices.lines().map(str::to_owned).collect(),
                    low: r.get(7)?,
                    high: r.get(8)?,
                },
            ));
        }
    }
    for q in &mut out {
        q.wordings
            .sort_by_key(|(l, _)| Lang::ALL.iter().position(|x| x == l));
    }
    Ok(out)
}

/// Whether some question is asked (not removed).
pub fn has_questions(conn: &Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM survey_questions WHERE removed = 0)")?
        .query_row([], |r| r.get(0))
}

/// Adds a question at the end, or replaces question `id`'s kind and wordings; returns its id.
pub fn save_question(
    tx: &Transaction<'_>,
    id: Option<i64>,
    draft: &QuestionDraft,
) -> rusqlite::Result<Option<i64>> {
    let id = match id {
        Some(id) => {
            let n = tx.execute(
                "UPDATE survey_questions SET kind = ?2, scale = ?3 WHERE id = ?1 AND removed = 0",
                params![id, draft.kind.code(), draft.scale],
            )?;
            if n == 0 {
                return Ok(None);
            }
            tx.execute(
                "DELETE FROM survey_question_texts WHERE question_id = ?1",
                [id],
            )?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO survey_questions (position, kind, scale)
                 VALUES ((SELECT COALESCE(max(position), 0) + 1 FROM survey_questions), ?1, ?2)",
                params![draft.kind.code(), draft.scale],
            )?;
            tx.last_insert_rowid()
        }
    };
    let mut stmt = tx.prepare_cached(
        "INSERT INTO survey_question_texts (question_id, lang, text, choices, low_label,
             high_label)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (lang, w) in &draft.wordings {
        stmt.execute(params![
            id,
            lang.code(),
            w.text,
            w.choices.join("\n"),
            w.low,
            w.high
        ])?;
    }
    Ok(Some(id))
}

/// Removes question `id`: deleted when never answered, else kept (marked) for its answers.
pub fn remove_question(tx: &Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    let answered: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM survey_answers WHERE question_id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if answered {
        tx.execute(
            "UPDATE survey_questions SET removed = 1 WHERE id = ?1",
            [id],
        )?;
    } else {
        tx.execute("DELETE FROM survey_questions WHERE id = ?1", [id])?;
    }
    Ok(())
}

/// Swaps question `id` with its neighbour above (`up`) or below; nothing at an end.
pub fn move_question(tx: &Transaction<'_>, id: i64, up: bool) -> rusqlite::Result<()> {
    let list: Vec<(i64, i64)> = tx
        .prepare_cached(
            "SELECT id, position FROM survey_questions WHERE removed = 0 ORDER BY position, id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let Some(i) = list.iter().position(|(q, _)| *q == id) else {
        return Ok(());
    };
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    let Some(j) = j.filter(|j| *j < list.len()) else {
        return Ok(());
    };
    // Positions are renumbered in order with the two swapped, so equal ones cannot stick.
    let mut order: Vec<i64> = list.iter().map(|(q, _)| *q).collect();
    order.swap(i, j);
    let mut stmt = tx.prepare_cached("UPDATE survey_questions SET position = ?2 WHERE id = ?1")?;
    for (n, q) in order.iter().enumerate() {
        stmt.execute(params![q, i64::try_from(n).unwrap_or(0) + 1])?;
    }
    Ok(())
}

/// The invitation texts the administrators typed, per language.
pub fn mail_texts(conn: &Connection) -> rusqlite::Result<Vec<(Lang, String)>> {
    let mut stmt = conn.prepare_cached("SELECT lang, body FROM survey_mail_texts")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (lang, body) = row?;
        if let Some(l) = Lang::from_code(&lang) {
            out.push((l, body));
        }
    }
    Ok(out)
}

/// Sets the invitation text of `lang` (empty: the built-in one).
pub fn set_mail_text(tx: &Transaction<'_>, lang: Lang, body: &str) -> rusqlite::Result<()> {
    if body.trim().is_empty() {
        tx.execute(
            "DELETE FROM survey_mail_texts WHERE lang = ?1",
            [lang.code()],
        )?;
    } else {
        tx.execute(
            "INSERT INTO survey_mail_texts (lang, body) VALUES (?1, ?2)
             ON CONFLICT (lang) DO UPDATE SET body = excluded.body",
            params![lang.code(), body],
        )?;
    }
    Ok(())
}

/// Whether ticket `ticket` was ever invited.
pub fn invited(conn: &Connection, ticket: i64) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM survey_invitations WHERE ticket_id = ?1)")?
        .query_row([ticket], |r| r.get(0))
}

/// Records an invitation.
pub fn add_invitation(
    tx: &Transaction<'_>,
    ticket: i64,
    token_hash: &str,
    lang: Lang,
    now: i64,
    expires_at: i64,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO survey_invitations (ticket_id, token_hash, lang, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![ticket, token_hash, lang.code(), now, expires_at],
    )?;
    Ok(())
}

/// An invitation found by its link.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub id: i64,
    pub ticket_id: i64,
    pub ticket_title: String,
    pub requester_id: Option<i64>,
    pub lang: Lang,
    pub expires_at: i64,
    pub answered_at: Option<i64>,
}

/// The invitation whose secret hashes to `hash` (its ticket not deleted).
pub fn invitation(conn: &Connection, hash: &str) -> rusqlite::Result<Option<Invitation>> {
    conn.prepare_cached(
        "SELECT i.id, i.ticket_id, t.title, t.requester_id, i.lang, i.expires_at, i.answered_at
         FROM survey_invitations i JOIN tickets t ON t.id = i.ticket_id
         WHERE i.token_hash = ?1 AND t.deleted = 0",
    )?
    .query_row([hash], |r| {
        Ok(Invitation {
            id: r.get(0)?,
            ticket_id: r.get(1)?,
            ticket_title: r.get(2)?,
            requester_id: r.get(3)?,
            lang: Lang::from_code(&r.get::<_, String>(4)?).unwrap_or_default(),
            expires_at: r.get(5)?,
            answered_at: r.get(6)?,
        })
    })
    .optional()
}

/// Spends invitation `id` at `now` if it is still unanswered and alive; whether it was.
pub fn spend(tx: &Transaction<'_>, id: i64, now: i64) -> rusqlite::Result<bool> {
    Ok(tx.execute(
        "UPDATE survey_invitations SET answered_at = ?2
         WHERE id = ?1 AND answered_at IS NULL AND expires_at > ?2",
        params![id, now],
    )? == 1)
}

/// Stores one answer.
pub fn add_answer(
    tx: &Transaction<'_>,
    invitation: i64,
    question: i64,
    answer: &str,
) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO survey_answers (invitation_id, question_id, answer) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![invitation, question, answer])?;
    Ok(())
}

/// One stored answer with its context.
#[derive(Debug, Clone)]
pub struct Stored {
    pub answered_at: i64,
    pub ticket_id: i64,
    pub requester: String,
    pub question_id: i64,
    pub answer: String,
}

/// The answers given in `[from, to)`, oldest first.
pub fn answers(conn: &Connection, from: i64, to: i64) -> rusqlite::Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.answered_at, i.ticket_id, COALESCE(u.display_name, ''), a.question_id, a.answer
         FROM survey_invitations i
         JOIN survey_answers a ON a.invitation_id = i.id
         JOIN tickets t ON t.id = i.ticket_id
         LEFT JOIN users u ON u.id = t.requester_id
         WHERE i.answered_at >= ?1 AND i.answered_at < ?2
         ORDER BY i.answered_at, i.id, a.question_id",
    )?;
    stmt.query_map(params![from, to], |r| {
        Ok(Stored {
            answered_at: r.get(0)?,
            ticket_id: r.get(1)?,
            requester: r.get(2)?,
            question_id: r.get(3)?,
            answer: r.get(4)?,
        })
    })?
    .collect()
}

/// How many invitations were sent in `[from, to)`, and how many of them were answered.
pub fn sent_and_answered(conn: &Connection, from: i64, to: i64) -> rusqlite::Result<(i64, i64)> {
    conn.prepare_cached(
        "SELECT count(*), count(answered_at) FROM survey_invitations
         WHERE created_at >= ?1 AND created_at < ?2",
    )?
    .query_row(params![from, to], |r| Ok((r.get(0)?, r.get(1)?)))
}
