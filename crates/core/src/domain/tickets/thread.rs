//! The thread of a ticket ("Résolution"): every event in order with who and when, and the text
//! replies, some of them hidden from the requester.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::domain::rendered::{self, Text};
use crate::domain::users::choices::Who;
use crate::domain::webhooks;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Lang, msg};
use crate::markdown::SafeHtml;

/// What an entry records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Opened,
    Assigned,
    State,
    Closed,
    Attachment,
    AttachmentRemoved,
    Mail,
    ObserverAdded,
    ObserverRemoved,
    /// This ticket was merged into another.
    MergedInto,
    /// Another ticket was merged into this one.
    MergedFrom,
    /// An intervention planned, changed or removed (see [`intervention_times`]).
    InterventionPlanned,
    InterventionChanged,
    InterventionRemoved,
    /// The requester answered the satisfaction survey (the answers in words, one per line;
    /// for technicians only).
    SurveyAnswered,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Opened => "opened",
            Kind::Assigned => "assigned",
            Kind::State => "state",
            Kind::Closed => "closed",
            Kind::Attachment => "attachment",
            Kind::AttachmentRemoved => "attachment_removed",
            Kind::Mail => "mail",
            Kind::ObserverAdded => "observer_added",
            Kind::ObserverRemoved => "observer_removed",
            Kind::MergedInto => "merged_into",
            Kind::MergedFrom => "merged_from",
            Kind::InterventionPlanned => "intervention_planned",
            Kind::InterventionChanged => "intervention_changed",
            Kind::InterventionRemoved => "intervention_removed",
            Kind::SurveyAnswered => "survey_answered",
        }
    }

    fn from_code(code: &str) -> Kind {
        match code {
            "opened" => Kind::Opened,
            "assigned" => Kind::Assigned,
            "state" => Kind::State,
            "closed" => Kind::Closed,
            "attachment" => Kind::Attachment,
            "attachment_removed" => Kind::AttachmentRemoved,
            "mail" => Kind::Mail,
            "observer_added" => Kind::ObserverAdded,
            "observer_removed" => Kind::ObserverRemoved,
            "merged_into" => Kind::MergedInto,
            "merged_from" => Kind::MergedFrom,
            "intervention_planned" => Kind::InterventionPlanned,
            "intervention_changed" => Kind::InterventionChanged,
            "intervention_removed" => Kind::InterventionRemoved,
            "survey_answered" => Kind::SurveyAnswered,
            _ => Kind::Text,
        }
    }
}

/// Something that happened to a ticket.
#[derive(Debug, Clone)]
pub enum Event {
    Opened,
    Assigned {
        from: Option<Who>,
        to: Option<Who>,
    },
    State {
        from: i64,
        to: i64,
    },
    Closed {
        state: i64,
    },
    Attachment {
        name: String,
    },
    AttachmentRemoved {
        name: String,
    },
    ObserverAdded(Who),
    ObserverRemoved(Who),
    /// Merged into ticket `0`.
    MergedInto(i64),
    /// Ticket `0` was merged into this one.
    MergedFrom(i64),
    /// An intervention of `technician` planned, changed (to these times) or removed.
    Intervention {
        kind: Kind,
        technician: i64,
        starts_at: i64,
        ends_at: i64,
        all_day: bool,
    },
    /// The requester answered the survey: each question and its answer, one per line.
    SurveyAnswered {
        answers: String,
    },
    /// A reply, with its text rendered when it was typed (`None`: rendered when shown).
    Text {
        body: String,
        private: bool,
        html: Option<SafeHtml>,
    },
}

fn split(w: Option<Who>) -> (Option<i64>, Option<i64>) {
    match w {
        Some(Who::User(u)) => (Some(u), None),
        Some(Who::Group(g)) => (None, Some(g)),
        None => (None, None),
    }
}

/// Records an event by `author`; returns the entry's id.
pub fn record(
    tx: &Transaction<'_>,
    ticket: i64,
    author: i64,
    now: i64,
    event: Event,
) -> rusqlite::Result<i64> {
    insert(tx, ticket, Some(author), now, event)
}

/// Records an event Gestdesk made by its own rules (an automatic assignment), shown as done by
/// the system rather than by whoever triggered it.
pub fn record_by_system(
    tx: &Transaction<'_>,
    ticket: i64,
    now: i64,
    event: Event,
) -> rusqlite::Result<i64> {
    insert(tx, ticket, None, now, event)
}

fn insert(
    tx: &Transaction<'_>,
    ticket: i64,
    author: Option<i64>,
    now: i64,
    event: Event,
) -> rusqlite::Result<i64> {
    let (kind, body, private, state_from, state_to) = match &event {
        Event::Opened => (Kind::Opened, String::new(), false, None, None),
        Event::Assigned { .. } => (Kind::Assigned, String::new(), false, None, None),
        Event::State { from, to } => (Kind::State, String::new(), false, Some(*from), Some(*to)),
        Event::Closed { state } => (Kind::Closed, String::new(), false, None, Some(*state)),
        Event::Attachment { name } => (Kind::Attachment, name.clone(), false, None, None),
        Event::AttachmentRemoved { name } => {
            (Kind::AttachmentRemoved, name.clone(), false, None, None)
        }
        Event::Text { body, private, .. } => (Kind::Text, body.clone(), *private, None, None),
        Event::SurveyAnswered { answers } => {
            (Kind::SurveyAnswered, answers.clone(), true, None, None)
        }
        Event::ObserverAdded(_) => (Kind::ObserverAdded, String::new(), false, None, None),
        Event::ObserverRemoved(_) => (Kind::ObserverRemoved, String::new(), false, None, None),
        Event::MergedInto(_) => (Kind::MergedInto, String::new(), false, None, None),
        Event::MergedFrom(_) => (Kind::MergedFrom, String::new(), false, None, None),
        Event::Intervention {
            kind,
            starts_at,
            ends_at,
            all_day,
            ..
        } => (
            *kind,
            format!("{starts_at} {ends_at} {}", u8::from(*all_day)),
            false,
            None,
            None,
        ),
    };
    let (tf, tt, gf, gt) = match &event {
        Event::Assigned { from, to } => {
            let (tf, gf) = split(*from);
            let (tt, gt) = split(*to);
            (tf, tt, gf, gt)
        }
        Event::ObserverAdded(who) => {
            let (tt, gt) = split(Some(*who));
            (None, tt, None, gt)
        }
        Event::ObserverRemoved(who) => {
            let (tf, gf) = split(Some(*who));
            (tf, None, gf, None)
        }
        Event::Intervention { technician, .. } => (None, Some(*technician), None, None),
        _ => (None, None, None, None),
    };
    let other = match &event {
        Event::MergedInto(t) | Event::MergedFrom(t) => Some(*t),
        _ => None,
    };
    tx.prepare_cached(
        "INSERT INTO thread_entries (ticket_id, created_at, author_id, kind, body, tech_from_id,
             tech_to_id, group_from_id, group_to_id, state_id, state_from_id, private,
             other_ticket_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        ticket,
        now,
        author,
        kind.code(),
        body,
        tf,
        tt,
        gf,
        gt,
        state_to,
        state_from,
        private,
        other
    ])?;
    let id = tx.last_insert_rowid();
    if let Event::Text {
        html: Some(html), ..
    } = &event
    {
        rendered::keep(tx, Text::Entry, id, html)?;
    }
    webhooks::thread_event(tx, ticket, author, id, &event, now)?;
    Ok(id)
}

/// The start, end and whole-days flag an intervention entry's body holds.
pub fn intervention_times(body: &str) -> Option<(i64, i64, bool)> {
    let mut parts = body.split(' ');
    let starts = parts.next()?.parse().ok()?;
    let ends = parts.next()?.parse().ok()?;
    let all_day = parts.next()? == "1";
    Some((starts, ends, all_day))
}

/// Records that a mail about `ticket` was written to `to` (addresses, one per line), with its
/// subject; hidden from the requester. Returns the entry's id.
pub fn record_mail(
    tx: &Transaction<'_>,
    ticket: i64,
    author: Option<i64>,
    now: i64,
    to: &str,
    subject: &str,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO thread_entries (ticket_id, created_at, author_id, kind, body, private, mail_to)
         VALUES (?1, ?2, ?3, 'mail', ?4, 1, ?5)",
    )?
    .execute(params![ticket, now, author, subject, to])?;
    Ok(tx.last_insert_rowid())
}

/// Whether entry `entry` of `ticket` is a text reply the requester sees.
pub fn is_visible_text(conn: &Connection, ticket: i64, entry: i64) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM thread_entries WHERE id = ?1 AND ticket_id = ?2 AND kind = 'text' AND private = 0",
        )?
        .query_row(params![entry, ticket], |_| Ok(()))
        .optional()?
        .is_some())
}

/// An entry as shown.
#[derive(Debug, Clone)]
pub struct EntryView {
    pub id: i64,
    pub created_at: i64,
    pub author_id: Option<i64>,
    pub author: String,
    pub kind: Kind,
    pub body: String,
    /// A reply's text as HTML (empty for other entries).
    pub html: SafeHtml,
    pub private: bool,
    pub edited_at: Option<i64>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// The other ticket of a merge.
    pub other_ticket: Option<i64>,
    /// The address it came from, when it came by mail.
    pub by_mail: Option<String>,
}

fn state_name(name: Option<String>, key: Option<String>, lang: Lang) -> Option<String> {
    name.filter(|n| !n.is_empty())
        .or_else(|| key.map(|k| lang.t(&k)))
}

/// The person's name as shown, else the group's as "[G] name".
fn person(name: Option<String>, group: Option<String>) -> Option<String> {
    match (name, group) {
        (Some(n), _) => Some(n),
        (_, Some(g)) => Some(format!("[G] {g}")),
        _ => None,
    }
}

/// The entries of `ticket` in order; hidden ones only if `private` is true.
/// The thread of `ticket` as `actor` reads it (seen through `viewer`): nothing without
/// `ticket_resolution_disp`, the replies hidden from them left out, and only the text entries
/// when their profile holds `ticket_resolution_text_only`.
pub fn for_reader(
    conn: &Connection,
    actor: &crate::domain::Actor,
    viewer: &super::visibility::Viewer,
    ticket: i64,
    lang: Lang,
) -> rusqlite::Result<Vec<EntryView>> {
    use crate::domain::rights::names as right;
    if !actor.has(right::TICKET_RESOLUTION_DISP) {
        return Ok(Vec::new());
    }
    let mut entries = list(conn, ticket, viewer.private_entries, lang)?;
    if actor.has(right::TICKET_RESOLUTION_TEXT_ONLY) {
        entries.retain(|e| e.kind == Kind::Text);
    }
    Ok(entries)
}

pub fn list(
    conn: &Connection,
    ticket: i64,
    private: bool,
    lang: Lang,
) -> rusqlite::Result<Vec<EntryView>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.id, e.created_at, e.author_id, a.display_name, e.kind, e.body,
                e.private, e.edited_at, tf.display_name, gf.name, tt.display_name, gt.name,
                sf.name, sf.name_key, st.name, st.name_key, e.mail_to, o.state, h.html,
                e.other_ticket_id, m.sender
         FROM thread_entries e
         LEFT JOIN mails_handled m ON m.thread_entry_id = e.id
         LEFT JOIN users a ON a.id = e.author_id
         LEFT JOIN users tf ON tf.id = e.tech_from_id
         LEFT JOIN users tt ON tt.id = e.tech_to_id
         LEFT JOIN groups gf ON gf.id = e.group_from_id
         LEFT JOIN groups gt ON gt.id = e.group_to_id
         LEFT JOIN ticket_states sf ON sf.id = e.state_from_id
         LEFT JOIN ticket_states st ON st.id = e.state_id
         LEFT JOIN outbox o ON o.thread_entry_id = e.id
         {}
         WHERE e.ticket_id = ?1 AND (?2 OR e.private = 0)
         ORDER BY e.created_at, e.id",
        rendered::join(Text::Entry, "h", "e.id")
    ))?;
    let rows = stmt.query_map(params![ticket, private], |r| {
        let kind = Kind::from_code(&r.get::<_, String>(4)?);
        let author = match r.get::<_, Option<String>>(3)? {
            Some(name) => name,
            None => lang.t("thread-by-system"),
        };
        let (from, to) = match kind {
            Kind::Assigned => (person(r.get(8)?, r.get(9)?), person(r.get(10)?, r.get(11)?)),
            Kind::ObserverAdded
            | Kind::InterventionPlanned
            | Kind::InterventionChanged
            | Kind::InterventionRemoved => (None, person(r.get(10)?, r.get(11)?)),
            Kind::ObserverRemoved => (person(r.get(8)?, r.get(9)?), None),
            Kind::State | Kind::Closed => (
                state_name(r.get(12)?, r.get(13)?, lang),
                state_name(r.get(14)?, r.get(15)?, lang),
            ),
            // For mails: the outbox state, and the addresses.
            Kind::Mail => (
                r.get::<_, Option<String>>(17)?,
                Some(r.get::<_, String>(16)?.replace('\n', ", ")),
            ),
            _ => (None, None),
        };
        let body: String = r.get(5)?;
        let html = if kind == Kind::Text {
            rendered::or_render(r.get(18)?, &body)
        } else {
            SafeHtml::default()
        };
        Ok(EntryView {
            id: r.get(0)?,
            created_at: r.get(1)?,
            author_id: r.get(2)?,
            author,
            kind,
            body,
            html,
            private: r.get(6)?,
            edited_at: r.get(7)?,
            from,
            to,
            other_ticket: r.get(19)?,
            by_mail: r.get(20)?,
        })
    })?;
    rows.collect()
}

/// What someone may do to text entries.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRights {
    pub edit_own: bool,
    pub edit_all: bool,
    pub delete_own: bool,
    pub delete_all: bool,
    pub hide: bool,
}

impl TextRights {
    /// Whether `actor` may edit an entry written by `author`.
    pub fn may_edit(&self, actor: i64, author: Option<i64>) -> bool {
        self.edit_all || (self.edit_own && author == Some(actor))
    }

    /// Whether `actor` may delete an entry written by `author`.
    pub fn may_delete(&self, actor: i64, author: Option<i64>) -> bool {
        self.delete_all || (self.delete_own && author == Some(actor))
    }
}

fn text_entry(
    tx: &Transaction<'_>,
    ticket: i64,
    entry: i64,
) -> Result<(Option<i64>, bool), DomainError> {
    tx.query_row(
        "SELECT author_id, private FROM thread_entries WHERE id = ?1 AND ticket_id = ?2 AND kind = 'text'",
        params![entry, ticket],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(DomainError::NotFound)
}

/// The longest reply, in characters (as long as a description).
pub const MAX_REPLY_CHARS: usize = super::values::MAX_DESCRIPTION_CHARS;

/// A reply's text as it is kept (Windows line ends made plain, trailing blanks dropped), or why
/// it cannot be: empty, or too long. `field` names the form field for the message.
pub fn reply_text(typed: &str, field: &'static str) -> Result<Option<String>, FieldErrors> {
    let body = typed.replace("\r\n", "\n");
    let body = body.trim_end();
    if body.trim().is_empty() {
        return Ok(None);
    }
    if body.chars().count() > MAX_REPLY_CHARS {
        let mut errors = FieldErrors::new();
        errors.add(field, msg("error-too-long").arg("max", MAX_REPLY_CHARS));
        return Err(errors);
    }
    Ok(Some(body.to_owned()))
}

/// Changes the text of a reply to `body` (already through [`reply_text`]), rendered as `html`.
#[allow(clippy::too_many_arguments)]
pub fn edit(
    tx: &Transaction<'_>,
    ticket: i64,
    entry: i64,
    actor: i64,
    rights: TextRights,
    body: Option<&str>,
    html: &SafeHtml,
    now: i64,
) -> Result<(), DomainError> {
    let (author, _) = text_entry(tx, ticket, entry)?;
    if !rights.may_edit(actor, author) {
        return Err(DomainError::Forbidden);
    }
    let Some(body) = body else {
        let mut errors = FieldErrors::new();
        errors.add("body", msg("error-required"));
        return Err(DomainError::Invalid(errors));
    };
    tx.execute(
        "UPDATE thread_entries SET body = ?2, edited_at = ?3 WHERE id = ?1",
        params![entry, body, now],
    )?;
    rendered::keep(tx, Text::Entry, entry, html)?;
    Ok(())
}

/// Deletes a reply.
pub fn delete(
    tx: &Transaction<'_>,
    ticket: i64,
    entry: i64,
    actor: i64,
    rights: TextRights,
) -> Result<(), DomainError> {
    let (author, _) = text_entry(tx, ticket, entry)?;
    if !rights.may_delete(actor, author) {
        return Err(DomainError::Forbidden);
    }
    tx.execute("DELETE FROM thread_entries WHERE id = ?1", [entry])?;
    Ok(())
}

/// Hides a reply from the requester, or shows it again; returns whether it is now hidden.
pub fn toggle_private(
    tx: &Transaction<'_>,
    ticket: i64,
    entry: i64,
    rights: TextRights,
) -> Result<bool, DomainError> {
    let (_, private) = text_entry(tx, ticket, entry)?;
    if !rights.hide {
        return Err(DomainError::Forbidden);
    }
    tx.execute(
        "UPDATE thread_entries SET private = ?2 WHERE id = ?1",
        params![entry, !private],
    )?;
    Ok(!private)
}
