//! Tickets: the form's fields and who may touch them ([`fields`]), their values ([`values`]) and
//! checks ([`checks`]), the thread ([`thread`]), attachments, limits, reminders, visibility, and
//! the commands that create and change a ticket in one transaction each.

pub mod asset_field;
pub mod attachments;
pub mod bulk;
pub mod checks;
pub mod conditional;
pub mod fields;
pub mod from_mail;
pub mod limits;
pub mod mails;
pub mod merge;
pub mod observers;
pub mod options;
pub mod page;
pub mod print;
pub mod reminders;
pub mod reopen;
pub mod repo;
pub mod service_limits;
pub mod states;
pub mod thread;
pub mod validation;
pub mod values;
pub mod visibility;

mod actor;
mod save;
mod uploads;

pub use actor::Actor;
pub use conditional::{Patch, create_named, update_at};
pub use save::{Change, Saved, update};
use uploads::link_uploads;
pub use uploads::{PasteTarget, attach_pictures, may_paste, remove_attachment, upload_room};

use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use std::collections::HashMap;

use rusqlite::Transaction;

use crate::db::Db;
use crate::domain::settings::{self};
use crate::domain::tickets::mails::notify;
use crate::domain::users::choices::Who;
use crate::domain::{DomainError, FieldErrors, clock};
use crate::i18n::msg;

use fields::{Access, Field, Form};
use thread::{Event, TextRights};
use values::Values;
use visibility::Viewer;

/// The automatic mails' view of who made a change.
fn cause(actor: &Actor) -> crate::domain::tickets::mails::notify::Cause {
    crate::domain::tickets::mails::notify::Cause {
        user_id: actor.user.id.0,
        technician: actor.is_technician(),
        mail: actor.user.mail.trim().to_owned(),
    }
}

/// Writes the automatic mails of a save that took a ticket from `values.0` to `values.1`.
fn notify_saved(
    tx: &Transaction<'_>,
    actor: &Actor,
    id: i64,
    values: (&Values, &Values),
    reply: Option<bool>,
    now: i64,
) -> rusqlite::Result<usize> {
    notify::after_change(
        tx,
        &actor.settings,
        &cause(actor),
        id,
        &notify::Change::Updated {
            before: values.0,
            after: values.1,
            reply,
        },
        now,
    )
}

/// Whether `actor` may open new tickets: the form (`side_open_ticket`) with its button, "Save"
/// (`ticket_new_save`) or "Send" (`ticket_new_send`).
pub fn may_create(actor: &Actor) -> bool {
    actor.rights.has(right::SIDE_OPEN_TICKET)
        && (actor.rights.has(right::TICKET_NEW_SAVE) || actor.rights.has(right::TICKET_NEW_SEND))
}

/// Whether the new-ticket form of `actor` carries a first reply (`ticket_new_resolution_disp`,
/// on the full form, for those who may reply).
pub fn may_reply_on_new(actor: &Actor) -> bool {
    actor.rights.has(right::TICKET_NEW_RESOLUTION_DISP)
        && actor.new_form() == Form::NewFull
        && actor.may_reply()
}

/// The values a new ticket starts with.
pub fn defaults(actor: &Actor, form: Form, now: i64) -> Values {
    let technician =
        (form == Form::NewFull && actor.is_technician()).then_some(Who::User(actor.user.id.0));
    Values {
        requester: (form == Form::NewSimple).then_some(Who::User(actor.user.id.0)),
        technician,
        created_at: now,
        state_id: if technician.is_some() {
            states::WAITING
        } else {
            states::UNASSIGNED
        },
        ..Values::default()
    }
}

/// The fields a new ticket copies from another (a template or a duplicated ticket).
pub fn copied_from(source: &Values, defaults: Values) -> Values {
    Values {
        requester: source.requester.or(defaults.requester),
        technician: source.technician.or(defaults.technician),
        type_id: source.type_id,
        answer_type_id: source.answer_type_id,
        category_id: source.category_id,
        subcategory_id: source.subcategory_id,
        place_id: source.place_id,
        asset_id: source.asset_id,
        service_id: source.service_id,
        agency_id: source.agency_id,
        title: source.title.clone(),
        description: source.description.clone(),
        time_hope: source.time_hope,
        priority_id: source.priority_id,
        criticality_id: source.criticality_id,
        billable: source.billable,
        ..defaults
    }
}

/// The automatic moves of state and dates when `new` replaces `old` (or starts a ticket).
fn apply_rules(old: Option<&Values>, new: &mut Values, now: i64) {
    let was_assigned = old.is_some_and(|o| o.technician.is_some());
    if new.technician.is_some() && !was_assigned && new.state_id == states::UNASSIGNED {
        new.state_id = states::WAITING;
    }
    // Nobody can be waiting to handle a ticket nobody has.
    if new.technician.is_none() && new.state_id == states::WAITING {
        new.state_id = states::UNASSIGNED;
    }
    let state_changed = old.is_none_or(|o| o.state_id != new.state_id);
    if states::is_closed(new.state_id) && state_changed && new.resolved_at.is_none() {
        new.resolved_at = Some(now);
    }
}

/// Records what changed between `old` and `new` in the thread.
fn record_changes(
    tx: &Transaction<'_>,
    ticket: i64,
    author: i64,
    now: i64,
    old: &Values,
    new: &Values,
) -> rusqlite::Result<()> {
    if old.technician != new.technician {
        thread::record(
            tx,
            ticket,
            author,
            now,
            Event::Assigned {
                from: old.technician,
                to: new.technician,
            },
        )?;
    }
    if old.state_id != new.state_id {
        let event = if states::is_closed(new.state_id) {
            Event::Closed {
                state: new.state_id,
            }
        } else {
            Event::State {
                from: old.state_id,
                to: new.state_id,
            }
        };
        thread::record(tx, ticket, author, now, event)?;
    }
    Ok(())
}

/// A user attached to a technician (directly or through one of their user groups) gets that
/// technician on the tickets they open.
fn attached_technician(tx: &Transaction<'_>, requester: i64) -> rusqlite::Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    tx.query_row(
        "SELECT technician_id FROM technician_requesters
         WHERE user_id = ?1 OR user_group_id IN (SELECT group_id FROM group_members WHERE user_id = ?1)
         ORDER BY user_id IS NULL LIMIT 1",
        [requester],
        |r| r.get(0),
    )
    .optional()
}

/// The default technician (or technician group) of a ticket's subcategory, else of its
/// category (Administration > Lists).
fn category_technician(
    tx: &Transaction<'_>,
    category: Option<i64>,
    subcategory: Option<i64>,
) -> rusqlite::Result<Option<Who>> {
    use rusqlite::OptionalExtension;
    let pick = |sql: &str, id: i64| -> rusqlite::Result<Option<Who>> {
        let row: Option<(Option<i64>, Option<i64>)> = tx
            .query_row(sql, [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.and_then(|(tech, group)| tech.map(Who::User).or(group.map(Who::Group))))
    };
    let active = "AND (technician_id IS NULL OR technician_id IN
                       (SELECT id FROM users WHERE disabled = 0 AND profile_id IN (0, 4)))";
    if let Some(sub) = subcategory
        && let Some(who) = pick(
            &format!(
                "SELECT technician_id, tech_group_id FROM subcategories WHERE id = ?1 {active}"
            ),
            sub,
        )?
    {
        return Ok(Some(who));
    }
    match category {
        Some(c) => pick(
            &format!("SELECT technician_id, tech_group_id FROM categories WHERE id = ?1 {active}"),
            c,
        ),
        None => Ok(None),
    }
}

fn invalid(field: &'static str, message: crate::i18n::Msg) -> DomainError {
    let mut errors = FieldErrors::new();
    errors.add(field, message);
    DomainError::Invalid(errors)
}

/// A reply typed with a save.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub body: String,
    pub private: bool,
}

impl Reply {
    /// The reply as kept (see [`thread::reply_text`]), or none when nothing was typed.
    fn normalized(&self) -> Result<Option<Reply>, DomainError> {
        let body = thread::reply_text(&self.body, "reply").map_err(DomainError::Invalid)?;
        Ok(body.map(|body| Reply {
            body,
            private: self.private,
        }))
    }
}

/// A text rendered before its transaction, with the text it was rendered from.
struct Rendered {
    source: String,
    html: crate::markdown::SafeHtml,
}

impl Rendered {
    /// Renders `source` off the async workers (the cost grows with its length).
    async fn of(source: &str) -> Rendered {
        Rendered {
            source: source.to_owned(),
            html: crate::markdown::render_html_async(source.to_owned()).await,
        }
    }
}

/// Keeps the rendering of ticket `id`'s description `now` when it was rendered before the
/// transaction, or forgets the old one when the description changed otherwise.
fn keep_description(
    tx: &Transaction<'_>,
    id: i64,
    before: Option<&str>,
    now: &str,
    rendered: Option<&Rendered>,
) -> rusqlite::Result<()> {
    use crate::domain::rendered::{self, Text};
    match rendered {
        Some(r) if r.source == now => rendered::keep(tx, Text::Description, id, &r.html),
        _ if before != Some(now) => rendered::forget(tx, Text::Description, id),
        _ => Ok(()),
    }
}

/// Saves ticket `id` as a template named `name` (`ticket_template`): new tickets can start
/// from it. The name is required and unique among templates. Returns the template's id.
pub async fn save_as_template(
    db: &Db,
    actor: &Actor,
    id: TicketId,
    name: String,
) -> Result<i64, DomainError> {
    if !actor.rights.has(right::TICKET_TEMPLATE) {
        return Err(DomainError::Forbidden);
    }
    let name = crate::domain::text::visible(name.trim());
    if name.is_empty() {
        return Err(invalid("template_name", msg("error-required")));
    }
    if name.chars().count() > 100 {
        return Err(invalid(
            "template_name",
            msg("error-too-long").arg("max", 100),
        ));
    }
    let actor = actor.clone();
    db.write(move |tx| {
        if !actor.viewer(tx)?.sees(tx, id)? {
            return Err(DomainError::NotFound);
        }
        let wanted = crate::domain::text::folded(&name);
        let mut stmt = tx.prepare_cached("SELECT name FROM ticket_templates")?;
        let names: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if names
            .iter()
            .any(|n| crate::domain::text::folded(n) == wanted)
        {
            return Err(invalid(
                "template_name",
                msg("error-duplicate-name").arg("name", name.clone()),
            ));
        }
        tx.execute(
            "INSERT INTO ticket_templates (name, ticket_id, created_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![name, id, clock::now()],
        )?;
        Ok(tx.last_insert_rowid())
    })
    .await
}

/// Opens a ticket from a new-ticket form, with the pending attachments `uploads`. Returns its
/// number.
pub async fn create(
    db: &Db,
    actor: &Actor,
    form: HashMap<String, String>,
    uploads: Vec<String>,
) -> Result<i64, DomainError> {
    if !may_create(actor) {
        return Err(DomainError::Forbidden);
    }
    let kind = actor.new_form();
    let access = Access::compute(&actor.rights, &actor.settings, kind);
    let now = clock::now();
    let base = defaults(actor, kind, now);
    let mut v = values::read_form(&form, &access, &base).map_err(DomainError::Invalid)?;
    let description = Rendered::of(&v.description).await;
    // The first entry of the thread, typed on the new ticket (`ticket_new_resolution_disp`).
    let reply = if may_reply_on_new(actor) {
        Reply {
            body: form.get("reply").cloned().unwrap_or_default(),
            private: form.contains_key("private") && actor.text_rights().hide,
        }
        .normalized()?
    } else {
        None
    };
    let reply_html = match &reply {
        Some(r) => Some(Rendered::of(&r.body).await.html),
        None => None,
    };
    db.write_here(move |tx| {
        let errors = checks::check_for(tx, actor, &v, &base, &access)?;
        errors.into_result()?;
        let me = actor.user.id.0;
        let chosen = v.technician.is_some();
        if kind == Form::NewSimple {
            if let Some(limit) = limits::remaining(tx, me, &actor.settings, now)?
                && limit.left() == 0
            {
                return Err(DomainError::Conflict(
                    msg("error-ticket-limit-reached").arg("max", limit.max),
                ));
            }
            if let Some(hours) = limits::hours_remaining(tx, me, &actor.settings, now)?
                && hours.left_minutes() == 0
            {
                return Err(DomainError::Conflict(
                    msg("error-hour-limit-reached").arg("company", hours.company),
                ));
            }
            if v.technician.is_none()
                && let Some(tech) = attached_technician(tx, me)?
            {
                v.technician = Some(Who::User(tech));
            }
        }
        if v.technician.is_none() {
            v.technician = category_technician(tx, v.category_id, v.subcategory_id)?;
        }
        if !access.editable(Field::State) {
            v.state_id = if v.technician.is_some() {
                states::WAITING
            } else {
                states::UNASSIGNED
            };
        }
        apply_rules(None, &mut v, now);
        let tech_read = v.technician == Some(Who::User(me));
        let id = repo::insert(tx, &v, me, now, tech_read)?;
        keep_description(tx, id, None, &v.description, Some(&description))?;
        thread::record(tx, id, me, now, Event::Opened)?;
        if v.technician.is_some() {
            let event = Event::Assigned {
                from: None,
                to: v.technician,
            };
            if chosen {
                thread::record(tx, id, me, now, event)?;
            } else {
                thread::record_by_system(tx, id, now, event)?;
            }
        }
        if let Some(r) = reply {
            thread::record(
                tx,
                id,
                me,
                now,
                Event::Text {
                    body: r.body,
                    private: r.private,
                    html: reply_html,
                },
            )?;
            if actor.is_technician() {
                repo::set_last_tech_reply(tx, id, now)?;
            }
        }
        if states::is_closed(v.state_id) {
            thread::record(tx, id, me, now, Event::Closed { state: v.state_id })?;
        }
        link_uploads(tx, actor, id, &uploads, now)?;
        notify::after_change(
            tx,
            &actor.settings,
            &cause(actor),
            id,
            &notify::Change::Created(&v),
            now,
        )?;
        Ok(id)
    })
    .await
}

/// After a change by `me`: unread for the technician unless they made it, unread for the
/// requester unless they made it.
fn mark_after_change(
    tx: &Transaction<'_>,
    id: i64,
    me: i64,
    v: &Values,
    now: i64,
) -> rusqlite::Result<()> {
    repo::set_tech_read(tx, id, v.technician == Some(Who::User(me)), now)?;
    repo::set_user_read(tx, id, v.requester == Some(Who::User(me)))?;
    Ok(())
}

/// Deletes ticket `id`, which `actor` sees, when they hold `ticket_delete`.
pub async fn delete(db: &Db, actor: &Actor, id: TicketId) -> Result<(), DomainError> {
    if !actor.has(right::TICKET_DELETE) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    db.write(move |tx| {
        let viewer = actor.viewer(tx)?;
        actor.ticket_to_change(tx, &viewer, id)?;
        repo::soft_delete(tx, id, clock::now())?;
        Ok(())
    })
    .await
}

/// The requester's "Close ticket": resolves the ticket and sets its resolution date. Refused to
/// anyone the ticket page does not offer it to (see [`Actor::may_close`]).
pub async fn close(db: &Db, actor: &Actor, id: TicketId) -> Result<(), DomainError> {
    if !actor.rights.has(right::TICKET_CLOSE) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    db.write(move |tx| {
        let me = actor.user.id.0;
        let viewer = Viewer::load(tx, me, &actor.rights, &actor.settings)?;
        let current = repo::get_visible(tx, &viewer, id)?.ok_or(DomainError::NotFound)?;
        if states::is_closed(current.values.state_id) {
            return Ok(());
        }
        if !actor.may_close(&current) {
            return Err(DomainError::Forbidden);
        }
        let now = clock::now();
        let mut v = current.values.clone();
        v.state_id = states::RESOLVED;
        apply_rules(Some(&current.values), &mut v, now);
        if !repo::update(tx, id.0, &v, current.version, now)? {
            return Err(DomainError::Conflict(msg("error-ticket-changed")));
        }
        record_changes(tx, id.0, me, now, &current.values, &v)?;
        validation::after_save(tx, &actor, id.0, (&current.values, &v), now)?;
        notify_saved(tx, &actor, id.0, (&current.values, &v), None, now)?;
        mark_after_change(tx, id.0, me, &v, now)?;
        Ok(())
    })
    .await
}

/// Resolves ticket `id` on behalf of its requester `requester` (who answered its survey, with
/// "resolve when answered" on), in the caller's transaction: recorded in the thread as theirs,
/// with the automatic mails of the change. Nothing when the ticket is already closed.
pub fn resolve_for_requester(
    tx: &Transaction<'_>,
    settings: &crate::domain::settings::Settings,
    id: i64,
    requester: i64,
    now: i64,
) -> Result<(), DomainError> {
    let Some(current) = repo::get(tx, TicketId(id))? else {
        return Ok(());
    };
    if states::is_closed(current.values.state_id) {
        return Ok(());
    }
    let mut v = current.values.clone();
    v.state_id = states::RESOLVED;
    apply_rules(Some(&current.values), &mut v, now);
    if !repo::update(tx, id, &v, current.version, now)? {
        return Err(DomainError::Conflict(msg("error-ticket-changed")));
    }
    record_changes(tx, id, requester, now, &current.values, &v)?;
    let mail: String = tx.query_row("SELECT mail FROM users WHERE id = ?1", [requester], |r| {
        r.get(0)
    })?;
    notify::after_change(
        tx,
        settings,
        &crate::domain::tickets::mails::notify::Cause {
            user_id: requester,
            technician: false,
            mail: mail.trim().to_owned(),
        },
        id,
        &notify::Change::Updated {
            before: &current.values,
            after: &v,
            reply: None,
        },
        now,
    )?;
    mark_after_change(tx, id, requester, &v, now)?;
    Ok(())
}

/// Notes that `actor` opened ticket `id`: read by its technician, or by its requester.
pub async fn mark_read(db: &Db, actor: &Actor, row: &repo::TicketRow) -> Result<(), DomainError> {
    let me = Who::User(actor.user.id.0);
    let (id, tech) = (row.id, row.values.technician == Some(me) && !row.tech_read);
    let user = row.values.requester == Some(me) && !row.user_read;
    if !tech && !user {
        return Ok(());
    }
    db.write(move |tx| {
        if tech {
            repo::set_tech_read(tx, id.0, true, clock::now())?;
        }
        if user {
            repo::set_user_read(tx, id.0, true)?;
        }
        Ok(())
    })
    .await
}

/// Edits, deletes or hides a reply of a visible ticket.
pub async fn thread_action(
    db: &Db,
    actor: &Actor,
    ticket: TicketId,
    entry: i64,
    action: ThreadAction,
) -> Result<(), DomainError> {
    let edited = match &action {
        ThreadAction::Edit(typed) => {
            let body = thread::reply_text(typed, "body").map_err(DomainError::Invalid)?;
            let html = match &body {
                Some(b) => crate::markdown::render_html_async(b.clone()).await,
                None => crate::markdown::SafeHtml::default(),
            };
            Some((body, html))
        }
        _ => None,
    };
    // The thread's actions are offered inside the thread, shown only with this right.
    if !actor.rights.has(right::TICKET_RESOLUTION_DISP) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    db.write(move |tx| {
        let me = actor.user.id.0;
        let viewer = Viewer::load(tx, me, &actor.rights, &actor.settings)?;
        if !viewer.sees(tx, ticket)? {
            return Err(DomainError::NotFound);
        }
        let rights = actor.text_rights();
        let now = clock::now();
        match action {
            ThreadAction::Edit(_) => {
                let (body, html) = edited.unwrap_or_default();
                thread::edit(tx, ticket.0, entry, me, rights, body.as_deref(), &html, now)?;
                if thread::is_visible_text(tx, ticket.0, entry)?
                    && let Some(row) = repo::get(tx, ticket)?
                {
                    notify::after_change(
                        tx,
                        &actor.settings,
                        &cause(&actor),
                        ticket.0,
                        &notify::Change::ReplyEdited(&row.values),
                        now,
                    )?;
                }
            }
            ThreadAction::Delete => thread::delete(tx, ticket.0, entry, me, rights)?,
            ThreadAction::TogglePrivate => {
                thread::toggle_private(tx, ticket.0, entry, rights)?;
            }
        }
        repo::touch(tx, ticket, now)?;
        Ok(())
    })
    .await
}

/// What to do to a reply.
#[derive(Debug, Clone)]
pub enum ThreadAction {
    Edit(String),
    Delete,
    TogglePrivate,
}

/// Makes the next ticket number `next`, refused below the next number already due.
pub async fn set_next_number(db: &Db, next: i64) -> Result<(), DomainError> {
    db.write(move |tx| {
        if next < 1 || !repo::set_next_number(tx, next)? {
            let lowest = repo::next_number(tx)?;
            return Err(invalid(
                "next_number",
                msg("error-next-number-too-low").arg("min", lowest),
            ));
        }
        Ok(())
    })
    .await
}
