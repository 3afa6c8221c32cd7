//! The automatic mails: which change of a ticket mails whom, each rule behind its own switch,
//! written to the outbox in the transaction of the change.
//!
//! - a technician opens or closes a ticket: its requester (`mail_auto`);
//! - whatever goes to the requester goes to the ticket's observers too (`mail_observers`),
//!   without the validation question, which is the requester's alone;
//! - a technician adds or changes a visible reply: the requester (`mail_auto_user_modify`);
//! - the requester changes the ticket or replies: its technician, or the members of its
//!   technician group (`mail_auto_tech_modify`);
//! - a user opens a ticket: the administrators' address (`mail_newticket`);
//! - a resolution awaits the requester's validation: the closing mail asks for it, and a
//!   reminder goes a day before it is accepted by itself.
//!
//! Nobody is mailed about their own change, nor when disabled or without a valid address.
//! Nothing is written while the SMTP connector is off.

use rusqlite::{Connection, Transaction};

use super::content as compose;
use crate::domain::mail::outbox::{self, MailKind, NewMail};
use crate::domain::settings::Settings;
use crate::domain::settings::mail_registry as keys;
use crate::domain::tickets::states;
use crate::domain::tickets::thread;
use crate::domain::tickets::values::Values;
use crate::domain::users::choices::Who;
use crate::i18n::Lang;

/// Who made the change.
#[derive(Debug, Clone)]
pub struct Cause {
    pub user_id: i64,
    pub technician: bool,
    pub mail: String,
}

/// What happened to the ticket.
#[derive(Debug, Clone)]
pub enum Change<'a> {
    /// Opened with these values.
    Created(&'a Values),
    /// Opened from an incoming mail: acknowledged to its requester, announced to the new-ticket
    /// address, per the settings.
    FromMail(&'a Values),
    /// Opened from the intranet form: always acknowledged to its requester (the form's only
    /// receipt), announced to the new-ticket address per the settings.
    FromForm(&'a Values),
    /// Saved: values before and after, and whether a reply visible to the requester came with
    /// it (`Some(false)` for a hidden one).
    Updated {
        before: &'a Values,
        after: &'a Values,
        reply: Option<bool>,
    },
    /// A visible reply was edited.
    ReplyEdited(&'a Values),
    /// Merged into ticket `into` (and closed): its requester and observers are told where to
    /// follow it, whoever merged it.
    Merged { after: &'a Values, into: i64 },
}

/// A person a mail goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub user_id: Option<i64>,
    pub mail: String,
    pub lang: Lang,
    /// Mailed as an observer of the ticket, not as its requester.
    pub observer: bool,
}

fn user_recipient(conn: &Connection, id: i64) -> rusqlite::Result<Option<Recipient>> {
    use rusqlite::OptionalExtension;
    let row: Option<(String, Option<String>, bool)> = conn
        .prepare_cached(
            "SELECT mail, COALESCE(NULLIF(language, ''),
                        (SELECT value FROM settings WHERE key = 'default_language')), disabled
             FROM users WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    Ok(row.and_then(|(mail, lang, disabled)| {
        (!disabled && crate::domain::mail::address::is_valid(&mail)).then(|| Recipient {
            user_id: Some(id),
            mail: mail.trim().to_owned(),
            lang: lang
                .as_deref()
                .and_then(Lang::from_code)
                .unwrap_or_default(),
            observer: false,
        })
    }))
}

/// The recipients behind `who`: a user, or the enabled members of a group.
fn recipients_of(conn: &Connection, who: Option<Who>) -> rusqlite::Result<Vec<Recipient>> {
    match who {
        None => Ok(Vec::new()),
        Some(Who::User(id)) => Ok(user_recipient(conn, id)?.into_iter().collect()),
        Some(Who::Group(g)) => {
            let ids: Vec<i64> = conn
                .prepare_cached("SELECT user_id FROM group_members WHERE group_id = ?1")?
                .query_map([g], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::new();
            for id in ids {
                out.extend(user_recipient(conn, id)?);
            }
            Ok(out)
        }
    }
}

/// A recipient for an address typed in the settings: a user's language when it is theirs.
fn address_recipient(conn: &Connection, mail: &str) -> rusqlite::Result<Option<Recipient>> {
    use rusqlite::OptionalExtension;
    if !crate::domain::mail::address::is_valid(mail) {
        return Ok(None);
    }
    let user: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM users WHERE mail = ?1 COLLATE NOCASE AND disabled = 0 LIMIT 1",
        )?
        .query_row([mail.trim()], |r| r.get(0))
        .optional()?;
    Ok(match user {
        Some(id) => user_recipient(conn, id)?,
        None => Some(Recipient {
            user_id: None,
            mail: mail.trim().to_owned(),
            lang: Lang::default(),
            observer: false,
        }),
    })
}

/// The observers of `ticket` (the members of an observing group), as recipients.
fn observers_of(conn: &Connection, ticket: i64) -> rusqlite::Result<Vec<Recipient>> {
    let mut out = Vec::new();
    for o in crate::domain::tickets::observers::list(conn, ticket)? {
        for mut r in recipients_of(conn, Some(o.who))? {
            r.observer = true;
            out.push(r);
        }
    }
    Ok(out)
}

/// Which mails a change calls for, by kind and recipients, before removing the author.
fn planned(
    conn: &Connection,
    settings: &Settings,
    cause: &Cause,
    ticket: i64,
    change: &Change<'_>,
) -> rusqlite::Result<Vec<(MailKind, Vec<Recipient>)>> {
    let mut out = Vec::new();
    let observers = settings.flag(keys::MAIL_OBSERVERS)
        && settings.flag(crate::domain::settings::TICKET_OBSERVER);
    let requester_of = |v: &Values| -> rusqlite::Result<Vec<Recipient>> {
        let mut to = recipients_of(conn, v.requester)?;
        if observers {
            to.extend(observers_of(conn, ticket)?);
        }
        Ok(to)
    };
    match change {
        Change::Created(v) => {
            if cause.technician && settings.flag(keys::MAIL_AUTO) {
                let kind = if states::is_closed(v.state_id) {
                    MailKind::Closed
                } else {
                    MailKind::Opened
                };
                out.push((kind, requester_of(v)?));
            }
            if !cause.technician && settings.flag(keys::MAIL_NEWTICKET) {
                let to = settings.raw(keys::MAIL_NEWTICKET_ADDRESS);
                out.push((
                    MailKind::NewTicket,
                    address_recipient(conn, to)?.into_iter().collect(),
                ));
            }
        }
        Change::Updated {
            before,
            after,
            reply,
        } => {
            let closed_now =
                states::is_closed(after.state_id) && !states::is_closed(before.state_id);
            if cause.technician {
                if closed_now && settings.flag(keys::MAIL_AUTO) {
                    out.push((MailKind::Closed, requester_of(after)?));
                } else if *reply == Some(true) && settings.flag(keys::MAIL_AUTO_USER_MODIFY) {
                    out.push((MailKind::Reply, requester_of(after)?));
                }
            } else if after.requester == Some(Who::User(cause.user_id))
                && settings.flag(keys::MAIL_AUTO_TECH_MODIFY)
                && (before != after || reply.is_some())
            {
                out.push((MailKind::UserChange, recipients_of(conn, after.technician)?));
            }
        }
        Change::FromMail(v) | Change::FromForm(v) => {
            if matches!(change, Change::FromForm(_)) || settings.flag(keys::MAIL_IN_ACKNOWLEDGE) {
                out.push((MailKind::Opened, recipients_of(conn, v.requester)?));
            }
            if settings.flag(keys::MAIL_NEWTICKET) {
                let to = settings.raw(keys::MAIL_NEWTICKET_ADDRESS);
                out.push((
                    MailKind::NewTicket,
                    address_recipient(conn, to)?.into_iter().collect(),
                ));
            }
        }
        Change::ReplyEdited(v) => {
            if cause.technician && settings.flag(keys::MAIL_AUTO_USER_MODIFY) {
                out.push((MailKind::Reply, requester_of(v)?));
            }
        }
        Change::Merged { after, .. } => {
            if settings.flag(keys::MAIL_AUTO) {
                out.push((MailKind::Closed, requester_of(after)?));
            }
        }
    }
    Ok(out)
}

/// The translation key of what a kind of mail says happened.
fn what_key(kind: MailKind) -> &'static str {
    match kind {
        MailKind::Opened => "mail-what-opened",
        MailKind::Closed => "mail-what-closed",
        MailKind::Reply => "mail-what-reply",
        MailKind::UserChange => "mail-what-user-change",
        MailKind::NewTicket => "mail-what-new-ticket",
        MailKind::ValidationReminder => "mail-what-validation-reminder",
        MailKind::Intervention => "mail-what-intervention",
        MailKind::Survey => "mail-what-survey",
        MailKind::Manual | MailKind::Test | MailKind::PasswordReset | MailKind::MailRefused => {
            "mail-what-manual"
        }
    }
}

/// What a mail about ticket `ticket` asks its requester when the resolution awaits their
/// validation: accept it or reopen the ticket, before the date it is accepted by itself.
fn validation_question(
    conn: &Connection,
    settings: &Settings,
    ticket: i64,
    lang: Lang,
) -> rusqlite::Result<Option<String>> {
    use crate::domain::tickets::validation::{self, Status};
    Ok(match validation::status(conn, settings, ticket)? {
        Some(Status::Awaiting { due_at, .. }) => {
            let mut text = crate::i18n::msg("mail-validation-question")
                .arg("date", crate::i18n::format_date(lang, due_at))
                .render(lang);
            if let Some(link) = compose::ticket_link(settings, ticket) {
                text.push_str(&format!("\n{link}"));
            }
            Some(text)
        }
        _ => None,
    })
}

/// Writes the reminder that ticket `ticket`'s resolution will count as accepted at `due_at`
/// unless its requester answers. Returns whether a mail was written.
pub fn validation_reminder(
    tx: &Transaction<'_>,
    settings: &Settings,
    ticket: i64,
    now: i64,
) -> rusqlite::Result<bool> {
    if !settings.flag(keys::SMTP_ENABLED) {
        return Ok(false);
    }
    let requester: Option<Option<i64>> = {
        use rusqlite::OptionalExtension;
        tx.query_row(
            "SELECT requester_id FROM tickets WHERE id = ?1",
            [ticket],
            |r| r.get(0),
        )
        .optional()?
    };
    let Some(Some(requester)) = requester else {
        return Ok(false);
    };
    let Some(r) = user_recipient(tx, requester)? else {
        return Ok(false);
    };
    let Some(facts) = compose::facts(tx, ticket, r.lang)? else {
        return Ok(false);
    };
    let Some(question) = validation_question(tx, settings, ticket, r.lang)? else {
        return Ok(false);
    };
    let cause = Cause {
        user_id: requester,
        technician: false,
        mail: String::new(),
    };
    let sender = sender_for(tx, &cause, Some(ticket))?;
    let mail = Outgoing {
        kind: MailKind::ValidationReminder,
        author: None,
        sender: &sender,
        to: &r,
        message: Some(&question),
        calendar: "",
    };
    queue(tx, settings, &facts, &mail, now)?;
    Ok(true)
}

/// Writes the mail that tells ticket `ticket`'s requester about an intervention, with
/// `message(lang)` above the ticket's summary and the iCalendar text `calendar(lang)` attached,
/// in the requester's language, recorded in the thread as sent by `author`. Nothing when the
/// SMTP connector is off, the ticket has no requester with a valid address, or the requester is
/// `author`. Returns whether a mail was written.
pub fn intervention(
    tx: &Transaction<'_>,
    settings: &Settings,
    ticket: i64,
    author: &Cause,
    message: &dyn Fn(Lang) -> String,
    calendar: &dyn Fn(Lang) -> String,
    now: i64,
) -> rusqlite::Result<bool> {
    use rusqlite::OptionalExtension;
    if !settings.flag(keys::SMTP_ENABLED) {
        return Ok(false);
    }
    let requester: Option<Option<i64>> = tx
        .query_row(
            "SELECT requester_id FROM tickets WHERE id = ?1",
            [ticket],
            |r| r.get(0),
        )
        .optional()?;
    let Some(Some(requester)) = requester else {
        return Ok(false);
    };
    if requester == author.user_id {
        return Ok(false);
    }
    let Some(r) = user_recipient(tx, requester)? else {
        return Ok(false);
    };
    let Some(facts) = compose::facts(tx, ticket, r.lang)? else {
        return Ok(false);
    };
    let sender = sender_for(tx, author, Some(ticket))?;
    let (text, ics) = (message(r.lang), calendar(r.lang));
    let mail = Outgoing {
        kind: MailKind::Intervention,
        author: Some(author.user_id),
        sender: &sender,
        to: &r,
        message: Some(&text),
        calendar: &ics,
    };
    queue(tx, settings, &facts, &mail, now)?;
    Ok(true)
}

/// One automatic mail about a ticket.
struct Outgoing<'a> {
    kind: MailKind,
    /// Who the thread says sent it (`None`: Gestdesk itself).
    author: Option<i64>,
    sender: &'a str,
    to: &'a Recipient,
    /// A paragraph above the ticket's summary.
    message: Option<&'a str>,
    /// An iCalendar attachment (empty: none).
    calendar: &'a str,
}

/// Writes `mail` about the ticket of `facts` (read in the recipient's language) to the outbox,
/// recorded in the ticket's thread.
fn queue(
    tx: &Transaction<'_>,
    settings: &Settings,
    facts: &compose::TicketFacts,
    mail: &Outgoing<'_>,
    now: i64,
) -> rusqlite::Result<()> {
    let lang = mail.to.lang;
    let what = lang.t(what_key(mail.kind));
    let subject = compose::subject(facts, &what);
    let heading = format!("{what} — #{} {}", facts.id, facts.title);
    let body = compose::ticket_body(tx, settings, facts, &heading, mail.message, lang)?;
    let entry = thread::record_mail(tx, facts.id, mail.author, now, &mail.to.mail, &subject)?;
    outbox::enqueue(
        tx,
        &NewMail {
            kind: mail.kind,
            ticket_id: Some(facts.id),
            thread_entry_id: Some(entry),
            author_addr: mail.sender.to_owned(),
            to: vec![mail.to.mail.clone()],
            cc: Vec::new(),
            subject,
            html: body.html,
            text: body.text,
            calendar: mail.calendar.to_owned(),
        },
        now,
    )?;
    Ok(())
}

/// The address a ticket's mails go from when no sender is set in the settings: the technician
/// who acts, else the ticket's technician, else an administrator; never a requester (their
/// colleagues would get mail "from" them, and replies would go back to them).
pub fn sender_for(
    conn: &rusqlite::Connection,
    cause: &Cause,
    ticket: Option<i64>,
) -> rusqlite::Result<String> {
    use rusqlite::OptionalExtension;
    if cause.technician && !cause.mail.is_empty() {
        return Ok(cause.mail.clone());
    }
    let found: Option<String> = conn
        .query_row(
            "SELECT mail FROM (
                 SELECT u.mail, 0 AS rank FROM tickets t JOIN users u ON u.id = t.technician_id
                 WHERE t.id = ?1 AND u.disabled = 0 AND trim(u.mail) <> ''
                 UNION ALL
                 SELECT mail, 1 + id FROM users
                 WHERE profile_id = 4 AND disabled = 0 AND trim(mail) <> '')
             ORDER BY rank LIMIT 1",
            [ticket.unwrap_or(0)],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found.map(|m| m.trim().to_owned()).unwrap_or_default())
}

/// Writes the automatic mails that `change` to ticket `ticket` by `cause` calls for, one per
/// recipient in their language, each recorded in the ticket's thread. Returns how many.
pub fn after_change(
    tx: &Transaction<'_>,
    settings: &Settings,
    cause: &Cause,
    ticket: i64,
    change: &Change<'_>,
    now: i64,
) -> rusqlite::Result<usize> {
    if !settings.flag(keys::SMTP_ENABLED) {
        return Ok(0);
    }
    let mut written = 0;
    let mut mailed: Vec<String> = Vec::new();
    let sender = sender_for(tx, cause, Some(ticket))?;
    for (kind, recipients) in planned(tx, settings, cause, ticket, change)? {
        for r in recipients {
            let own = r.user_id == Some(cause.user_id)
                || (!cause.mail.is_empty() && r.mail.eq_ignore_ascii_case(&cause.mail));
            if own || mailed.iter().any(|m| m.eq_ignore_ascii_case(&r.mail)) {
                continue;
            }
            let Some(facts) = compose::facts(tx, ticket, r.lang)? else {
                return Ok(written);
            };
            let question = if let Change::Merged { into, .. } = change {
                Some(
                    r.lang
                        .t_args("mail-merged-into", &[("other", &format!("#{into}"))]),
                )
            } else if kind == MailKind::Closed && !r.observer {
                validation_question(tx, settings, ticket, r.lang)?
            } else {
                None
            };
            let mail = Outgoing {
                kind,
                // Mail that came in has no account behind it (user 0).
                author: (cause.user_id > 0).then_some(cause.user_id),
                sender: &sender,
                to: &r,
                message: question.as_deref(),
                calendar: "",
            };
            queue(tx, settings, &facts, &mail, now)?;
            mailed.push(r.mail);
            written += 1;
        }
    }
    let entered = match change {
        Change::Created(v) | Change::FromMail(v) | Change::FromForm(v) => Some((None, v.state_id)),
        Change::Updated { before, after, .. } => Some((Some(before.state_id), after.state_id)),
        Change::ReplyEdited(_) | Change::Merged { .. } => None,
    };
    if let Some((from, to)) = entered
        && crate::domain::surveys::after_state_change(tx, settings, ticket, from, to, now)?
    {
        written += 1;
    }
    Ok(written)
}
