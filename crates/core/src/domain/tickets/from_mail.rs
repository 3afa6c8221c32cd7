//! Tickets and replies that come by mail: what the incoming-mail connector writes, in the
//! transaction where it records the mail as handled (and the intranet form's tickets, opened
//! the same way). A new ticket gets the mailbox's category
//! and service, its technician by the same rules as a ticket opened from the form, and the
//! automatic mails of a ticket opened by mail; a reply is added to the thread as its sender's
//! text and moves the ticket as a reply typed on the page would (a requester's reply reopens a
//! resolved ticket when the settings say so).

use rusqlite::Transaction;

use super::mails::notify;
use super::repo;
use super::states;
use super::thread::{self, Event};
use super::values::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS, Values};
use super::{apply_rules, attached_technician, category_technician, record_changes};
use crate::domain::DomainError;
use crate::domain::ids::TicketId;
use crate::domain::settings::{self, Settings};
use crate::domain::users::choices::Who;
use crate::i18n::msg;

/// Where a ticket opened by someone who is not logged in comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A mail to a mailbox the helpdesk reads.
    Mail,
    /// The intranet form.
    IntranetForm,
}

/// What a new ticket from a mail (or the intranet form) holds.
#[derive(Debug, Clone)]
pub struct NewTicket<'a> {
    pub requester: i64,
    pub subject: &'a str,
    pub body: &'a str,
    pub category_id: Option<i64>,
    pub service_id: Option<i64>,
    pub type_id: Option<i64>,
    pub source: Source,
}

/// `text` cut to `max` characters.
fn at_most(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// A title from a subject: visible characters on one line, never empty.
fn title_of(subject: &str, settings: &Settings) -> String {
    let one_line: String = subject
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let title = crate::domain::text::visible(one_line.trim());
    if title.is_empty() {
        msg("mail-in-no-subject").render(settings.default_lang())
    } else {
        at_most(&title, MAX_TITLE_CHARS)
    }
}

/// Opens a ticket from a mail. Returns the ticket and its "opened" thread entry.
pub fn open(
    tx: &Transaction<'_>,
    settings: &Settings,
    new: &NewTicket<'_>,
    now: i64,
) -> rusqlite::Result<(i64, i64)> {
    let mut v = Values {
        requester: Some(Who::User(new.requester)),
        category_id: new.category_id,
        service_id: new.service_id,
        type_id: new.type_id,
        title: title_of(new.subject, settings),
        description: at_most(new.body, MAX_DESCRIPTION_CHARS),
        created_at: now,
        state_id: states::UNASSIGNED,
        ..Values::default()
    };
    v.technician = match attached_technician(tx, new.requester)? {
        Some(t) => Some(Who::User(t)),
        None => category_technician(tx, v.category_id, None)?,
    };
    apply_rules(None, &mut v, now);
    let id = repo::insert(tx, &v, new.requester, now, false)?;
    let opened = thread::record(tx, id, new.requester, now, Event::Opened)?;
    if v.technician.is_some() {
        thread::record_by_system(
            tx,
            id,
            now,
            Event::Assigned {
                from: None,
                to: v.technician,
            },
        )?;
    }
    let cause = notify::Cause {
        user_id: 0,
        technician: false,
        mail: String::new(),
    };
    let change = match new.source {
        Source::Mail => notify::Change::FromMail(&v),
        Source::IntranetForm => notify::Change::FromForm(&v),
    };
    notify::after_change(tx, settings, &cause, id, &change, now)?;
    Ok((id, opened))
}

/// Adds a mail's text to ticket `ticket`'s thread, written by `author` (the account of the
/// sender, or none for an address the ticket's mails went to). Returns the new entry, or `None`
/// when the ticket is gone.
pub fn reply(
    tx: &Transaction<'_>,
    settings: &Settings,
    ticket: i64,
    author: Option<i64>,
    body: &str,
    now: i64,
) -> Result<Option<i64>, DomainError> {
    let Some(current) = repo::get(tx, TicketId(ticket))? else {
        return Ok(None);
    };
    let mut v = current.values.clone();
    let technician = match author {
        Some(a) => tx.query_row(
            "SELECT profile_id IN (0, 4) FROM users WHERE id = ?1",
            [a],
            |r| r.get::<_, bool>(0),
        )?,
        None => false,
    };
    let by_requester = author.is_some() && current.values.requester == author.map(Who::User);
    if by_requester
        && current.values.state_id == states::RESOLVED
        && settings.flag(settings::REPLY_REOPENS)
    {
        v.state_id = if v.technician.is_some() {
            states::IN_PROGRESS
        } else {
            states::UNASSIGNED
        };
        v.resolved_at = None;
    }
    apply_rules(Some(&current.values), &mut v, now);
    if !repo::update(tx, ticket, &v, current.version, now)? {
        return Err(DomainError::Conflict(msg("error-ticket-changed")));
    }
    let event = Event::Text {
        body: at_most(body, MAX_DESCRIPTION_CHARS),
        private: false,
        html: None,
    };
    let entry = match author {
        Some(a) => {
            record_changes(tx, ticket, a, now, &current.values, &v)?;
            thread::record(tx, ticket, a, now, event)?
        }
        None => thread::record_by_system(tx, ticket, now, event)?,
    };
    if technician {
        repo::set_last_tech_reply(tx, ticket, now)?;
    }
    if current.values.state_id != v.state_id {
        super::validation::forget(tx, ticket)?;
    }
    let cause = notify::Cause {
        user_id: author.unwrap_or(0),
        technician,
        mail: String::new(),
    };
    notify::after_change(
        tx,
        settings,
        &cause,
        ticket,
        &notify::Change::Updated {
            before: &current.values,
            after: &v,
            reply: Some(true),
        },
        now,
    )?;
    let me = author.unwrap_or(0);
    repo::set_tech_read(tx, ticket, v.technician == Some(Who::User(me)), now)?;
    repo::set_user_read(tx, ticket, v.requester == Some(Who::User(me)))?;
    Ok(Some(entry))
}
