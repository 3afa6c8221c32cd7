//! The manual mail of a ticket: the form's defaults and recipients, the preview, and sending
//! (written to the outbox and recorded in the thread in one transaction).

use crate::db::Db;
use crate::domain::ids::TicketId;
use crate::domain::mail::address;
use crate::domain::mail::outbox::{self, MailKind, NewMail};
use crate::domain::mail::templates::Body;
use crate::domain::rights::names as right;
use crate::domain::settings::Settings;
use crate::domain::settings::mail_registry as keys;
use crate::domain::tickets::visibility::Viewer;
use crate::domain::tickets::{Actor, repo};
use crate::domain::{DomainError, FieldErrors, clock};
use crate::i18n::{Lang, msg};

use super::{content, notify};

/// The longest subject accepted in a manual mail.
pub const SUBJECT_MAX: usize = 200;
/// The longest message accepted in a manual mail.
pub const MESSAGE_MAX: usize = 20_000;
/// The most addresses (recipients and copies together) one manual mail may go to: a ticket's
/// mail is not a mailing list.
pub const RECIPIENTS_MAX: usize = 50;

/// A manual mail as typed.
#[derive(Debug, Clone, Default)]
pub struct ManualForm {
    /// Users picked (the requester is preselected).
    pub users: Vec<i64>,
    /// Other addresses, separated by commas, spaces or lines.
    pub others: String,
    /// Addresses in copy.
    pub cc: String,
    pub subject: String,
    pub message: String,
}

/// A manual mail checked and ready to write.
#[derive(Debug, Clone)]
pub struct ManualMail {
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    pub body: Body,
    pub lang: Lang,
}

/// A user who can be picked as a recipient.
#[derive(Debug, Clone)]
pub struct Mailable {
    pub id: i64,
    pub name: String,
    pub mail: String,
}

/// The users a manual mail's form offers.
#[derive(Debug, Clone, Default)]
pub struct Recipients {
    /// By name: every enabled user with an address, or only the chosen ones when they are too
    /// many to list.
    pub users: Vec<Mailable>,
    /// Too many to list: the others are found by searching.
    pub searched: bool,
}

/// The users to offer as recipients, keeping `chosen` whatever the number of users.
pub async fn recipients(db: &Db, chosen: Vec<i64>) -> Result<Recipients, DomainError> {
    let max = crate::domain::users::choices::FULL_LIST_MAX;
    db.read(move |c| {
        let count: i64 = c.query_row(
            "SELECT count(*) FROM (SELECT 1 FROM users WHERE disabled = 0 AND mail LIKE '%@%'
             LIMIT ?1)",
            [max + 1],
            |r| r.get(0),
        )?;
        let searched = count > max;
        let chosen = serde_json::to_string(&chosen).unwrap_or_else(|_| "[]".to_owned());
        let mut stmt = c.prepare_cached(
            "SELECT id, display_name, mail FROM users
             WHERE disabled = 0 AND mail LIKE '%@%'
               AND (?1 = 0 OR id IN (SELECT value FROM json_each(?2)))
             ORDER BY display_name COLLATE NOCASE",
        )?;
        let rows = stmt.query_map(rusqlite::params![searched, chosen], |r| {
            Ok(Mailable {
                id: r.get(0)?,
                name: r.get(1)?,
                mail: r.get(2)?,
            })
        })?;
        Ok(Recipients {
            users: rows.collect::<rusqlite::Result<_>>()?,
            searched,
        })
    })
    .await
}

/// Whether `actor` may mail from ticket `ticket`: the right, and the ticket in sight.
fn may_mail(conn: &rusqlite::Connection, actor: &Actor, ticket: i64) -> Result<(), DomainError> {
    if !actor.rights.has(right::TICKET_SEND_MAIL) {
        return Err(DomainError::Forbidden);
    }
    let viewer = Viewer::load(conn, actor.user.id.0, &actor.rights, &actor.settings)?;
    if repo::get_visible(conn, &viewer, TicketId(ticket))?.is_none() {
        return Err(DomainError::NotFound);
    }
    Ok(())
}

/// The form as first shown: the requester picked, the subject from the ticket.
pub async fn manual_defaults(
    db: &Db,
    actor: &Actor,
    ticket: TicketId,
    lang: Lang,
) -> Result<ManualForm, DomainError> {
    let actor = actor.clone();
    db.read(move |c| {
        may_mail(c, &actor, ticket.0)?;
        let row = repo::get(c, ticket)?.ok_or(DomainError::NotFound)?;
        let facts = content::facts(c, ticket.0, lang)?.ok_or(DomainError::NotFound)?;
        let users = match row.values.requester {
            Some(crate::domain::users::choices::Who::User(id)) => vec![id],
            _ => Vec::new(),
        };
        Ok(ManualForm {
            users,
            subject: content::subject(&facts, &lang.t("mail-what-manual")),
            ..ManualForm::default()
        })
    })
    .await
}

/// Checks a manual mail and renders it, without writing anything: the preview, and the first
/// step of sending. Field errors name the field.
/// The language of the active user whose mail address is `address`, if any.
fn language_of_address(
    conn: &rusqlite::Connection,
    address: &str,
) -> rusqlite::Result<Option<Lang>> {
    use rusqlite::OptionalExtension;
    let code: Option<Option<String>> = conn
        .query_row(
            "SELECT language FROM users WHERE lower(trim(mail)) = lower(?1) AND disabled = 0
             ORDER BY id LIMIT 1",
            [address.trim()],
            |r| r.get(0),
        )
        .optional()?;
    Ok(code.flatten().as_deref().and_then(Lang::from_code))
}

fn check_manual(
    conn: &rusqlite::Connection,
    actor: &Actor,
    ticket: i64,
    form: &ManualForm,
    lang: Lang,
) -> Result<ManualMail, DomainError> {
    may_mail(conn, actor, ticket)?;
    let mut errors = FieldErrors::new();
    let mut to = Vec::new();
    let mut recipient_lang = None;
    for id in &form.users {
        let Some(user) = crate::domain::users::repo::get(conn, crate::domain::ids::UserId(*id))?
        else {
            errors.add("users", msg("error-unknown-choice"));
            continue;
        };
        if user.disabled || !address::is_valid(&user.mail) {
            errors.add(
                "users",
                msg("error-mail-user-no-address").arg("name", user.display_name()),
            );
            continue;
        }
        recipient_lang =
            recipient_lang.or_else(|| user.language.as_deref().and_then(Lang::from_code));
        to.push(user.mail.trim().to_owned());
    }
    match address::check_list(&form.others) {
        Ok(list) => {
            // An address typed by hand that belongs to a user: the mail is in their language.
            for a in &list {
                if recipient_lang.is_none() {
                    recipient_lang = language_of_address(conn, a)?;
                }
            }
            to.extend(list);
        }
        Err(m) => errors.add("others", m),
    }
    let cc = address::check_list(&form.cc).unwrap_or_else(|m| {
        errors.add("cc", m);
        Vec::new()
    });
    let mut seen: Vec<String> = Vec::new();
    to.retain(|a| {
        let new = !seen.iter().any(|s| s.eq_ignore_ascii_case(a));
        seen.push(a.clone());
        new
    });
    if to.is_empty() && errors.get("users").is_none() && errors.get("others").is_none() {
        errors.add("others", msg("error-mail-no-recipient"));
    }
    if to.len() + cc.len() > RECIPIENTS_MAX {
        errors.add(
            "others",
            msg("error-mail-too-many-recipients").arg("max", RECIPIENTS_MAX),
        );
    }
    let subject = form.subject.trim();
    if subject.is_empty() {
        errors.add("subject", msg("error-required"));
    } else if subject.chars().count() > SUBJECT_MAX {
        errors.add("subject", msg("error-too-long").arg("max", SUBJECT_MAX));
    } else if subject.chars().any(char::is_control) {
        errors.add("subject", msg("error-mail-subject-line"));
    }
    if form.message.chars().count() > MESSAGE_MAX {
        errors.add("message", msg("error-too-long").arg("max", MESSAGE_MAX));
    }
    errors.into_result()?;
    let lang = recipient_lang.unwrap_or(lang);
    let settings = Settings::load(conn)?;
    let facts = content::facts(conn, ticket, lang)?.ok_or(DomainError::NotFound)?;
    let heading = format!("#{} {}", facts.id, facts.title);
    let message = form.message.replace("\r\n", "\n");
    let body = content::ticket_body(
        conn,
        &settings,
        &facts,
        &heading,
        Some(message.trim()).filter(|m| !m.is_empty()),
        lang,
    )?;
    Ok(ManualMail {
        to,
        cc,
        subject: subject.to_owned(),
        body,
        lang,
    })
}

/// The manual mail as it would go out, for the preview.
pub async fn preview_manual(
    db: &Db,
    actor: &Actor,
    ticket: TicketId,
    form: ManualForm,
    lang: Lang,
) -> Result<ManualMail, DomainError> {
    let actor = actor.clone();
    db.read(move |c| check_manual(c, &actor, ticket.0, &form, lang))
        .await
}

/// Writes a manual mail to the outbox and records it in the ticket's thread. Refused while the
/// SMTP connector is off.
pub async fn send_manual(
    db: &Db,
    actor: &Actor,
    ticket: TicketId,
    form: ManualForm,
    lang: Lang,
) -> Result<i64, DomainError> {
    let actor = actor.clone();
    db.write(move |tx| {
        if !Settings::load(tx)?.flag(keys::SMTP_ENABLED) {
            return Err(DomainError::Conflict(msg("smtp-error-disabled")));
        }
        let mail = check_manual(tx, &actor, ticket.0, &form, lang)?;
        let now = clock::now();
        let sender = notify::sender_for(
            tx,
            &notify::Cause {
                user_id: actor.user.id.0,
                technician: actor.is_technician(),
                mail: actor.user.mail.trim().to_owned(),
            },
            Some(ticket.0),
        )?;
        let mut recorded = mail.to.clone();
        recorded.extend(mail.cc.iter().cloned());
        let entry = crate::domain::tickets::thread::record_mail(
            tx,
            ticket.0,
            Some(actor.user.id.0),
            now,
            &recorded.join("\n"),
            &mail.subject,
        )?;
        let id = outbox::enqueue(
            tx,
            &NewMail {
                kind: MailKind::Manual,
                ticket_id: Some(ticket.0),
                thread_entry_id: Some(entry),
                author_addr: sender,
                to: mail.to,
                cc: mail.cc,
                subject: mail.subject,
                html: mail.body.html,
                text: mail.body.text,
                calendar: String::new(),
            },
            now,
        )?;
        crate::domain::tickets::repo::touch(tx, ticket, now)?;
        Ok(id)
    })
    .await
}
