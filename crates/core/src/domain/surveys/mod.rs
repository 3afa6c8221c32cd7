//! Satisfaction surveys (the "survey" function switch): questions worded in the team's
//! languages, an invitation mailed to a ticket's requester when the ticket enters the chosen
//! state, a single-use link that needs no login, the answers recorded in the ticket's thread
//! (and the ticket resolved, when the settings say so), and the answers read back over a period
//! with each question's distribution and as CSV.
//!
//! A link's secret (256 random bits) is kept only as its SHA-256; it works until its expiry and
//! once: the answer and the mark that spends the link are written in one transaction, so two
//! submissions of one link never both count.

mod invite;
mod repo;
pub mod rules;
mod use_cases;

pub use invite::after_state_change;
pub use rules::{AnswerValue, Kind, QuestionDraft, Wording};
pub use use_cases::{
    Admin, AnswerRow, Distribution, Opened, QuestionReport, Report, Submitted, SurveyForm,
    answers_csv, config, mail_field, move_question, open, remove_question, report, save_mail_text,
    save_question, submit,
};

/// A question as the administration lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: i64,
    pub position: i64,
    pub kind: Kind,
    /// The figure a scale goes up to (2..10).
    pub scale: i64,
    /// Its wording per language (only the languages it has).
    pub wordings: Vec<(crate::i18n::Lang, Wording)>,
    /// Removed, kept for the answers it has.
    pub removed: bool,
}

impl Question {
    /// Its wording in `lang`, else in `fallback`, else in any language it has.
    pub fn wording(&self, lang: crate::i18n::Lang, fallback: crate::i18n::Lang) -> Wording {
        self.wordings
            .iter()
            .find(|(l, _)| *l == lang)
            .or_else(|| self.wordings.iter().find(|(l, _)| *l == fallback))
            .or_else(|| self.wordings.first())
            .map(|(_, w)| w.clone())
            .unwrap_or_default()
    }
}

/// Adds question `id` while moving in from GestSup at `position`, as `draft` says (its one
/// wording in the site's language); `removed`: GestSup had it disabled.
pub fn import_question(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    position: i64,
    draft: &QuestionDraft,
    removed: bool,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO survey_questions (id, position, kind, scale, removed)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![
            id,
            position,
            draft.kind.code(),
            draft.scale.clamp(2, 10),
            removed
        ],
    )?;
    for (lang, w) in &draft.wordings {
        tx.execute(
            "INSERT INTO survey_question_texts (question_id, lang, text, choices)
             VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![id, lang.code(), w.text, w.choices.join("\n")],
        )?;
    }
    Ok(())
}

/// The questions as they are now (while moving in from GestSup, to read its answers).
pub fn import_questions(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<Question>> {
    repo::questions(conn, true)
}

/// Records the answers a ticket's requester gave in GestSup (question and stored answer), as
/// an answered invitation whose link is spent.
pub fn import_answers(
    tx: &rusqlite::Transaction<'_>,
    ticket: i64,
    answered_at: i64,
    lang: crate::i18n::Lang,
    answers: &[(i64, String)],
) -> rusqlite::Result<()> {
    let hash = crate::domain::token::sha256_hex(&crate::domain::token::random_hex(32));
    repo::add_invitation(tx, ticket, &hash, lang, answered_at, answered_at)?;
    let invitation = tx.last_insert_rowid();
    tx.execute(
        "UPDATE survey_invitations SET answered_at = ?2 WHERE id = ?1",
        rusqlite::params![invitation, answered_at],
    )?;
    for (question, answer) in answers {
        repo::add_answer(tx, invitation, *question, answer)?;
    }
    Ok(())
}

/// Sets the invitation text of `lang` while moving in from GestSup.
pub fn import_mail_text(
    tx: &rusqlite::Transaction<'_>,
    lang: crate::i18n::Lang,
    text: &str,
) -> rusqlite::Result<()> {
    repo::set_mail_text(tx, lang, text)
}
