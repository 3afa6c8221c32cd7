//! The invitation: when a ticket enters the state the settings chose, its requester gets a
//! mail with a single-use link to the survey, in their language, written to the outbox and
//! recorded in the ticket's thread in the transaction of the change. A ticket is invited once.

use rusqlite::{OptionalExtension, Transaction};

use super::repo;
use super::rules::{self, markdown_literal};
use crate::domain::mail::compose::look;
use crate::domain::mail::outbox::{self, MailKind, NewMail};
use crate::domain::mail::templates::{self, Content};
use crate::domain::settings::{
    DEFAULT_LANGUAGE, FUNCTION_SURVEYS, SERVER_URL, SURVEY_LINK_DAYS, SURVEY_STATE, Settings,
    mail_registry as keys,
};
use crate::domain::tickets::mails::content as compose;
use crate::domain::tickets::mails::notify::{Cause, sender_for};
use crate::domain::tickets::thread;
use crate::domain::token;
use crate::i18n::{Lang, format_date};

/// The address of the survey page of link `secret`.
pub fn link(settings: &Settings, secret: &str) -> String {
    format!(
        "{}/survey/{secret}",
        settings.raw(SERVER_URL).trim_end_matches('/')
    )
}

/// After ticket `ticket` went from state `from` to state `to` (`from` is `None` for a new
/// ticket): mails the survey when `to` is the chosen state, surveys are on with at least one
/// question, mail can go out with a link (the server's address is set), the ticket was never
/// invited, and its requester is a user with an address. Returns whether a mail was written.
pub fn after_state_change(
    tx: &Transaction<'_>,
    settings: &Settings,
    ticket: i64,
    from: Option<i64>,
    to: i64,
    now: i64,
) -> rusqlite::Result<bool> {
    if from == Some(to)
        || to != settings.number(SURVEY_STATE)
        || !settings.flag(FUNCTION_SURVEYS)
        || !settings.flag(keys::SMTP_ENABLED)
        || settings.raw(SERVER_URL).is_empty()
        || repo::invited(tx, ticket)?
    {
        return Ok(false);
    }
    if !repo::has_questions(tx)? {
        return Ok(false);
    }
    let row: Option<(i64, String, Option<String>, bool)> = tx
        .query_row(
            "SELECT u.id, u.mail, NULLIF(u.language, ''), u.disabled
             FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.id = ?1",
            [ticket],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((requester, mail, lang, disabled)) = row else {
        return Ok(false);
    };
    if disabled || !crate::domain::mail::address::is_valid(&mail) {
        return Ok(false);
    }
    let lang = lang
        .as_deref()
        .and_then(Lang::from_code)
        .or_else(|| Lang::from_code(settings.raw(DEFAULT_LANGUAGE)))
        .unwrap_or_default();
    let Some(facts) = compose::facts(tx, ticket, lang)? else {
        return Ok(false);
    };
    let secret = token::random_hex(32);
    let expires_at = now + settings.number(SURVEY_LINK_DAYS) * 86_400;
    repo::add_invitation(
        tx,
        ticket,
        &token::sha256_hex(&secret),
        lang,
        now,
        expires_at,
    )?;

    let typed = repo::mail_texts(tx)?
        .into_iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, body)| body);
    let text = typed.unwrap_or_else(|| lang.t("survey-mail-default"));
    let message = rules::fill(
        &text,
        &[
            facts.id.to_string(),
            markdown_literal(&facts.title),
            markdown_literal(&facts.requester),
            markdown_literal(&facts.technician),
            format_date(lang, expires_at),
        ],
    );
    let what = lang.t("mail-what-survey");
    let subject = compose::subject(&facts, &what);
    let content = Content {
        heading: format!("{what} — #{} {}", facts.id, facts.title),
        message: Some(message),
        facts: vec![
            (lang.t("ticket-field-title"), facts.title.clone()),
            (lang.t("survey-mail-expires"), format_date(lang, expires_at)),
        ],
        description: None,
        thread: None,
        attachments: None,
        link: Some((lang.t("survey-mail-link"), link(settings, &secret))),
        lang: lang.code(),
        marker: None,
    };
    let body = templates::render(&content, &look(settings, None, lang));
    let to = mail.trim().to_owned();
    let entry = thread::record_mail(tx, ticket, None, now, &to, &subject)?;
    let sender = sender_for(
        tx,
        &Cause {
            user_id: requester,
            technician: false,
            mail: String::new(),
        },
        Some(ticket),
    )?;
    outbox::enqueue(
        tx,
        &NewMail {
            kind: MailKind::Survey,
            ticket_id: Some(ticket),
            thread_entry_id: Some(entry),
            author_addr: sender,
            to: vec![to],
            cc: Vec::new(),
            subject,
            html: body.html,
            text: body.text,
            calendar: String::new(),
        },
        now,
    )?;
    Ok(true)
}
