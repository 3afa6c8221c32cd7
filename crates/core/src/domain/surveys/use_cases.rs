//! Surveys' use cases: the administration (questions, their order, the invitation texts), the
//! requester's page behind a link (shown, answered once), and the answers over a period.

use super::Question;
use super::repo::{self, Invitation};
use super::rules::{self, AnswerValue, Kind, MAIL_TEXT_MAX};
use crate::db::Db;
use crate::domain::availability::Period;
use crate::domain::settings::{SERVER_URL, SURVEY_AUTO_CLOSE};
use crate::domain::tickets::thread::{self, Event};
use crate::domain::{DomainError, FieldErrors, clock, run, token};
use crate::i18n::{Lang, Msg, msg};

/// What the administration page shows.
#[derive(Debug, Clone)]
pub struct Admin {
    pub questions: Vec<Question>,
    /// The invitation text typed per language (the built-in one for the others).
    pub mail_texts: Vec<(Lang, String)>,
    /// The states a survey may be triggered by: id and name.
    pub states: Vec<(String, String)>,
    /// Mails cannot carry a link: the server's address is not set.
    pub no_server_url: bool,
}

/// Everything the administration page shows.
pub async fn config(db: &Db, lang: Lang) -> Result<Admin, DomainError> {
    run::read(db, move |conn| {
        let states = crate::domain::lists::named_rows(
            conn,
            "SELECT id, name, name_key FROM ticket_states ORDER BY position",
            lang,
        )?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
        let url: Option<String> = rusqlite::OptionalExtension::optional(conn.query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [SERVER_URL.name()],
            |r| r.get(0),
        ))?;
        Ok(Admin {
            questions: repo::questions(conn, false)?,
            mail_texts: repo::mail_texts(conn)?,
            states,
            no_server_url: url.is_none_or(|u| u.is_empty()),
        })
    })
    .await
}

/// Adds a question (`id` none) or changes one, from its form's fields.
pub async fn save_question(
    db: &Db,
    id: Option<i64>,
    fields: Vec<(String, String)>,
) -> Result<i64, DomainError> {
    let get = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let draft = rules::question(&get).map_err(DomainError::Invalid)?;
    run::write(db, move |tx| {
        repo::save_question(tx, id, &draft)?.ok_or(DomainError::NotFound)
    })
    .await
}

/// Removes a question (kept for the answers it has).
pub async fn remove_question(db: &Db, id: i64) -> Result<(), DomainError> {
    run::write(db, move |tx| Ok(repo::remove_question(tx, id)?)).await
}

/// Moves a question up or down.
pub async fn move_question(db: &Db, id: i64, up: bool) -> Result<(), DomainError> {
    run::write(db, move |tx| Ok(repo::move_question(tx, id, up)?)).await
}

/// The field of the invitation text in `lang`.
pub fn mail_field(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "mail_text_fr",
        Lang::En => "mail_text_en",
        Lang::Es => "mail_text_es",
        Lang::De => "mail_text_de",
    }
}

/// Saves the invitation texts (an empty one: the built-in text).
pub async fn save_mail_text(db: &Db, texts: Vec<(Lang, String)>) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    for (lang, text) in &texts {
        if text.chars().count() > MAIL_TEXT_MAX {
            errors.add(
                mail_field(*lang),
                msg("survey-error-too-long").arg("max", MAIL_TEXT_MAX),
            );
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    run::write(db, move |tx| {
        for (lang, text) in &texts {
            repo::set_mail_text(tx, *lang, text.trim())?;
        }
        Ok(())
    })
    .await
}

/// The survey as its page shows it.
#[derive(Debug, Clone)]
pub struct SurveyForm {
    pub ticket_id: i64,
    pub ticket_title: String,
    /// The language it is worded in (the requester's).
    pub lang: Lang,
    /// Each question: id, kind, scale and wording.
    pub questions: Vec<(i64, Kind, i64, rules::Wording)>,
}

/// What a link opens.
#[derive(Debug, Clone)]
pub enum Opened {
    /// No invitation has this link (or its ticket is gone).
    Unknown,
    Expired,
    /// Already answered, on this date.
    Answered(i64),
    Open(SurveyForm),
}

/// What a link is worth now: its invitation, unless it is no live one.
fn live(
    conn: &rusqlite::Connection,
    secret: &str,
    now: i64,
) -> rusqlite::Result<Result<Invitation, Opened>> {
    if secret.len() != 64 || !secret.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(Err(Opened::Unknown));
    }
    let Some(inv) = repo::invitation(conn, &token::sha256_hex(secret))? else {
        return Ok(Err(Opened::Unknown));
    };
    if let Some(at) = inv.answered_at {
        return Ok(Err(Opened::Answered(at)));
    }
    if inv.expires_at <= now {
        return Ok(Err(Opened::Expired));
    }
    Ok(Ok(inv))
}

fn form_of(conn: &rusqlite::Connection, inv: &Invitation) -> rusqlite::Result<SurveyForm> {
    let fallback = default_lang(conn)?;
    Ok(SurveyForm {
        ticket_id: inv.ticket_id,
        ticket_title: inv.ticket_title.clone(),
        lang: inv.lang,
        questions: repo::questions(conn, false)?
            .into_iter()
            .map(|q| {
                let w = q.wording(inv.lang, fallback);
                (q.id, q.kind, q.scale, w)
            })
            .collect(),
    })
}

fn default_lang(conn: &rusqlite::Connection) -> rusqlite::Result<Lang> {
    let code: Option<String> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT value FROM settings WHERE key = 'default_language'",
        [],
        |r| r.get(0),
    ))?;
    Ok(code
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default())
}

/// Opens the survey behind link `secret`.
pub async fn open(db: &Db, secret: String) -> Result<Opened, DomainError> {
    run::read(db, move |conn| {
        Ok(match live(conn, &secret, clock::now())? {
            Ok(inv) => Opened::Open(form_of(conn, &inv)?),
            Err(o) => o,
        })
    })
    .await
}

/// What became of a submission.
#[derive(Debug, Clone)]
pub enum Submitted {
    /// Recorded (and the ticket resolved, when the settings say so); the survey's language.
    Thanks(Lang),
    /// The link is no live one (answered meanwhile, expired, unknown).
    Refused(Opened),
    /// Some answers are wrong: the form again, with the typed answers and, per question, why.
    Invalid {
        form: SurveyForm,
        errors: Vec<(i64, Msg)>,
    },
}

/// Answers the survey behind `secret` with `typed` (field `q<id>` per question). In one
/// transaction: the link is spent (only if still unanswered and alive: of two submissions of
/// one link, the second is refused), the answers stored, the thread told, and the ticket
/// resolved when "resolve when answered" is on.
pub async fn submit(
    db: &Db,
    settings: crate::domain::settings::Settings,
    secret: String,
    typed: Vec<(String, String)>,
) -> Result<Submitted, DomainError> {
    run::write(db, move |tx| {
        let now = clock::now();
        let inv = match live(tx, &secret, now)? {
            Ok(inv) => inv,
            Err(o) => return Ok(Submitted::Refused(o)),
        };
        let form = form_of(tx, &inv)?;
        let mut errors = Vec::new();
        let mut answers = Vec::new();
        for (id, kind, scale, wording) in &form.questions {
            let name = format!("q{id}");
            let value = typed
                .iter()
                .find(|(n, _)| *n == name)
                .map_or("", |(_, v)| v.as_str());
            match rules::answer(*kind, *scale, wording.choices.len(), value) {
                Ok(Some(a)) => answers.push((*id, a, wording, *scale)),
                Ok(None) => {}
                Err(m) => errors.push((*id, m)),
            }
        }
        if !errors.is_empty() {
            return Ok(Submitted::Invalid { form, errors });
        }
        if !repo::spend(tx, inv.id, now)? {
            return Ok(Submitted::Refused(Opened::Answered(now)));
        }
        let mut summary = Vec::new();
        for (id, a, wording, scale) in &answers {
            repo::add_answer(tx, inv.id, *id, &a.stored())?;
            summary.push(format!(
                "{} — {}",
                wording.text,
                a.words(wording, *scale, inv.lang)
            ));
        }
        let requester = inv.requester_id.filter(|r| *r > 0);
        let event = Event::SurveyAnswered {
            answers: summary.join("\n"),
        };
        match requester {
            Some(r) => thread::record(tx, inv.ticket_id, r, now, event)?,
            None => thread::record_by_system(tx, inv.ticket_id, now, event)?,
        };
        if settings.flag(SURVEY_AUTO_CLOSE)
            && let Some(r) = requester
        {
            crate::domain::tickets::resolve_for_requester(tx, &settings, inv.ticket_id, r, now)?;
        }
        Ok(Submitted::Thanks(inv.lang))
    })
    .await
}

/// How often each answer was given to one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    /// Each possible answer in words, and how many gave it.
    pub counts: Vec<(String, i64)>,
    /// A scale's mean, when it was answered.
    pub mean: Option<f64>,
}

/// One question's answers over the period.
#[derive(Debug, Clone)]
pub struct QuestionReport {
    pub id: i64,
    pub kind: Kind,
    pub text: String,
    pub removed: bool,
    pub answered: i64,
    pub distribution: Distribution,
    /// Free-text answers: date, ticket and text, newest first.
    pub texts: Vec<(i64, i64, String)>,
}

/// The answers over a period.
#[derive(Debug, Clone)]
pub struct Report {
    pub period: Period,
    pub sent: i64,
    pub answered: i64,
    pub questions: Vec<QuestionReport>,
}

/// One line of the answers' export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub answered_at: i64,
    pub ticket_id: i64,
    pub requester: String,
    pub question: String,
    pub answer: String,
}

/// The answers given over `period`, per question, worded in `lang`.
pub async fn report(db: &Db, lang: Lang, period: Period) -> Result<Report, DomainError> {
    run::read(db, move |conn| {
        let (from, to) = period.bounds();
        let fallback = default_lang(conn)?;
        let (sent, answered) = repo::sent_and_answered(conn, from, to)?;
        let stored = repo::answers(conn, from, to)?;
        let mut questions = Vec::new();
        for q in repo::questions(conn, true)? {
            let removed = q.removed;
            let wording = q.wording(lang, fallback);
            let mine: Vec<&repo::Stored> =
                stored.iter().filter(|s| s.question_id == q.id).collect();
            if removed && mine.is_empty() {
                continue;
            }
            let mut counts: Vec<(String, i64)> = match q.kind {
                Kind::YesNo => vec![(lang.t("survey-yes"), 0), (lang.t("survey-no"), 0)],
                Kind::Choice => wording.choices.iter().map(|c| (c.clone(), 0)).collect(),
                Kind::Scale => (1..=q.scale).map(|n| (n.to_string(), 0)).collect(),
                Kind::Text => Vec::new(),
            };
            let mut texts = Vec::new();
            let mut sum = 0i64;
            for s in &mine {
                let slot = match AnswerValue::from_stored(q.kind, &s.answer) {
                    AnswerValue::Yes => Some(0),
                    AnswerValue::No => Some(1),
                    AnswerValue::Choice(n) => usize::try_from(n - 1).ok(),
                    AnswerValue::Scale(n) => {
                        sum += n;
                        usize::try_from(n - 1).ok()
                    }
                    AnswerValue::Text(t) => {
                        texts.push((s.answered_at, s.ticket_id, t));
                        None
                    }
                };
                if let Some(c) = slot.and_then(|i| counts.get_mut(i)) {
                    c.1 += 1;
                }
            }
            texts.reverse();
            let n = i64::try_from(mine.len()).unwrap_or(i64::MAX);
            let mean = (q.kind == Kind::Scale && n > 0).then(|| sum as f64 / n as f64);
            questions.push(QuestionReport {
                id: q.id,
                kind: q.kind,
                text: wording.text,
                removed,
                answered: n,
                distribution: Distribution { counts, mean },
                texts,
            });
        }
        Ok(Report {
            period,
            sent,
            answered,
            questions,
        })
    })
    .await
}

/// Every answer given over `period`, in words of `lang`, oldest first.
pub async fn answers_csv(
    db: &Db,
    lang: Lang,
    period: Period,
) -> Result<Vec<AnswerRow>, DomainError> {
    run::read(db, move |conn| {
        let (from, to) = period.bounds();
        let fallback = default_lang(conn)?;
        let questions = repo::questions(conn, true)?;
        Ok(repo::answers(conn, from, to)?
            .into_iter()
            .filter_map(|s| {
                let q = questions.iter().find(|q| q.id == s.question_id)?;
                let w = q.wording(lang, fallback);
                let answer = AnswerValue::from_stored(q.kind, &s.answer).words(&w, q.scale, lang);
                Some(AnswerRow {
                    answered_at: s.answered_at,
                    ticket_id: s.ticket_id,
                    requester: s.requester,
                    question: w.text,
                    answer,
                })
            })
            .collect())
    })
    .await
}
