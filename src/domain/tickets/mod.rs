//! Tickets: the form's fields and who may touch them ([`fields`]), their values ([`values`]) and
//! checks ([`checks`]), the thread ([`thread`]), attachments, limits, reminders, visibility, and
//! the commands that create and change a ticket in one transaction each.

pub mod attachments;
pub mod bombs;
pub mod checks;
pub mod fields;
pub mod limits;
pub mod options;
pub mod reminders;
pub mod repo;
pub mod states;
pub mod thread;
pub mod validation;
pub mod values;
pub mod visibility;

use crate::domain::rights::names as right;
use std::collections::HashMap;

use rusqlite::Transaction;

use crate::db::Db;
use crate::domain::mail::notify;
use crate::domain::profiles::Profile;
use crate::domain::rights::RightSet;
use crate::domain::settings::{self, Settings};
use crate::domain::users::User;
use crate::domain::users::choices::Who;
use crate::domain::{DomainError, FieldErrors, clock};
use crate::i18n::msg;

use fields::{Access, Field, Form};
use thread::{Event, TextRights};
use values::Values;
use visibility::Viewer;

/// The automatic mails' view of who made a change.
fn cause(actor: &Actor) -> crate::domain::mail::notify::Cause {
    crate::domain::mail::notify::Cause {
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

/// Who acts on tickets, with what rights, under which settings.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user: User,
    pub rights: RightSet,
    pub settings: Settings,
}

impl Actor {
    /// Technicians and administrators handle tickets.
    pub fn is_technician(&self) -> bool {
        matches!(
            self.user.profile,
            Profile::Technician | Profile::Administrator
        )
    }

    /// Which new-ticket form this actor gets.
    pub fn new_form(&self) -> Form {
        if self.rights.has(right::TICKET_NEW_USER_DISP) {
            Form::NewFull
        } else {
            Form::NewSimple
        }
    }

    /// What this actor may do to text replies.
    pub fn text_rights(&self) -> TextRights {
        TextRights {
            edit_own: self.rights.has(right::TICKET_THREAD_EDIT),
            edit_all: self.rights.has(right::TICKET_THREAD_EDIT_ALL),
            delete_own: self.rights.has(right::TICKET_THREAD_DELETE),
            delete_all: self.rights.has(right::TICKET_THREAD_DELETE_ALL),
            hide: self.rights.has(right::TICKET_THREAD_PRIVATE),
        }
    }

    /// Whether this actor may post replies: the thread is shown to them and they may write in it.
    pub fn may_reply(&self) -> bool {
        self.rights.has(right::TICKET_RESOLUTION_DISP) && self.rights.has(right::TICKET_THREAD_POST)
    }

    /// Whether this actor may use "Close ticket" on `row`: the requester's own button, on a
    /// ticket still open. The ticket page offers it on the same rule.
    pub fn may_close(&self, row: &repo::TicketRow) -> bool {
        self.rights.has(right::TICKET_CLOSE)
            && !states::is_closed(row.values.state_id)
            && row.values.requester == Some(Who::User(self.user.id.0))
    }

    /// Whether this actor has "Save and close" on the ticket page.
    pub fn may_save_and_close(&self) -> bool {
        self.rights.has(right::TICKET_SAVE_CLOSE) && self.rights.has(right::TICKET_SAVE)
    }

    /// What this actor may see.
    pub fn viewer(&self, conn: &rusqlite::Connection) -> rusqlite::Result<Viewer> {
        Viewer::load(conn, self.user.id.0, &self.rights, &self.settings)
    }

    /// The most attachments a ticket may have.
    pub fn max_attachments(&self) -> i64 {
        self.settings.number(settings::ATTACHMENT_MAX_COUNT)
    }
}

/// How many new files a ticket form of `actor` may bring: for a new ticket (`ticket` none) or
/// for ticket `ticket`, which they must see (else "not found"). `None` without
/// `ticket_attachment`; else the per-ticket limit less the files the ticket has.
pub fn upload_room(
    conn: &rusqlite::Connection,
    actor: &Actor,
    ticket: Option<i64>,
) -> Result<Option<i64>, DomainError> {
    let existing = match ticket {
        Some(id) => {
            if !actor.viewer(conn)?.sees(conn, id)? {
                return Err(DomainError::NotFound);
            }
            attachments::list(conn, id)?.len() as i64
        }
        None => 0,
    };
    if !actor.rights.has(right::TICKET_ATTACHMENT) {
        return Ok(None);
    }
    Ok(Some((actor.max_attachments() - existing).max(0)))
}

/// Removes attachment `id` from ticket `ticket`: `actor` must hold `ticket_attachment_delete`
/// and see the ticket when the removal is written.
pub async fn remove_attachment(
    db: &Db,
    store: &attachments::Store,
    actor: &Actor,
    ticket: i64,
    id: i64,
) -> Result<(), DomainError> {
    if !actor.rights.has(right::TICKET_ATTACHMENT_DELETE) {
        return Err(DomainError::Forbidden);
    }
    let who = actor.clone();
    attachments::remove(db, store, ticket, id, actor.user.id.0, move |tx| {
        if who.viewer(tx)?.sees(tx, ticket)? {
            Ok(())
        } else {
            Err(DomainError::NotFound)
        }
    })
    .await
}

/// Whether `actor` may open new tickets.
pub fn may_create(actor: &Actor) -> bool {
    actor.rights.has(right::SIDE_OPEN_TICKET)
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
        category_id: source.category_id,
        subcategory_id: source.subcategory_id,
        place_id: source.place_id,
        service_id: source.service_id,
        agency_id: source.agency_id,
        title: source.title.clone(),
        description: source.description.clone(),
        time_hope: source.time_hope,
        priority_id: source.priority_id,
        criticality_id: source.criticality_id,
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
            html: crate::markdown::render_off_thread(source.to_owned()).await,
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

/// Links the actor's uploads to a ticket, when their profile may attach files.
fn link_uploads(
    tx: &Transaction<'_>,
    actor: &Actor,
    ticket: i64,
    uploads: &[String],
    now: i64,
) -> Result<(), DomainError> {
    if uploads.is_empty() {
        return Ok(());
    }
    if !actor.rights.has(right::TICKET_ATTACHMENT) {
        return Err(DomainError::Forbidden);
    }
    attachments::link(
        tx,
        ticket,
        actor.user.id.0,
        uploads,
        actor.max_attachments(),
        now,
    )
    .map(drop)
}

/// Saves ticket `id` as a template named `name` (`ticket_template`): new tickets can start
/// from it. The name is required and unique among templates. Returns the template's id.
pub async fn save_as_template(
    db: &Db,
    actor: &Actor,
    id: i64,
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

/// Where a picture is pasted: a reply, or the description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteTarget {
    Reply,
    Description,
}

impl PasteTarget {
    /// The right that lets pictures into that text (GestSup's names).
    pub fn right(self) -> crate::domain::rights::Right {
        use crate::domain::rights::names;
        match self {
            PasteTarget::Reply => names::TICKET_RESOLUTION_INSERT_IMAGE,
            PasteTarget::Description => names::TICKET_DESCRIPTION_INSERT_IMAGE,
        }
    }
}

/// Whether `actor` may paste pictures into `target` of a ticket.
pub fn may_paste(actor: &Actor, target: PasteTarget) -> bool {
    actor.rights.has(right::TICKET_ATTACHMENT)
        && actor.rights.has(target.right())
        && match target {
            PasteTarget::Reply => actor.may_reply(),
            PasteTarget::Description => {
                Access::compute(&actor.rights, &actor.settings, Form::Existing)
                    .editable(Field::Description)
            }
        }
}

/// Attaches pictures pasted or dropped into a text of ticket `id` at once, so that the text can
/// show them: the ticket must be visible when they are linked, and each must be a picture.
/// Returns them as attached.
pub async fn attach_pictures(
    db: &Db,
    actor: &Actor,
    id: i64,
    target: PasteTarget,
    uploads: Vec<String>,
) -> Result<Vec<attachments::Attachment>, DomainError> {
    if !may_paste(actor, target) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    db.write(move |tx| {
        let me = actor.user.id.0;
        if !actor.viewer(tx)?.sees(tx, id)? {
            return Err(DomainError::NotFound);
        }
        let files = attachments::pending(tx, me, &uploads)?;
        if files
            .iter()
            .any(|f| !attachments::INLINE_IMAGE_TYPES.contains(&f.content_type.as_str()))
        {
            return Err(invalid("attachments", msg("error-paste-not-picture")));
        }
        attachments::link(tx, id, me, &uploads, actor.max_attachments(), clock::now())
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
    let actor = actor.clone();
    db.write(move |tx| {
        let errors = checks::check(tx, &v, &base, &access)?;
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
        if states::is_closed(v.state_id) {
            thread::record(tx, id, me, now, Event::Closed { state: v.state_id })?;
        }
        link_uploads(tx, &actor, id, &uploads, now)?;
        notify::after_change(
            tx,
            &actor.settings,
            &cause(&actor),
            id,
            &notify::Change::Created(&v),
            now,
        )?;
        Ok(id)
    })
    .await
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Applied as sent.
    Applied,
    /// Someone else had saved meanwhile; their changes and these were on different fields and
    /// both were kept.
    Merged,
}

/// A save of the ticket form: the fields as typed, the values they had when the form was shown
/// (`original`, by field name) and the ticket's version then, an optional reply, and uploads.
#[derive(Debug, Clone, Default)]
pub struct Change {
    pub form: HashMap<String, String>,
    pub original: HashMap<String, String>,
    pub version: i64,
    pub reply: Reply,
    pub uploads: Vec<String>,
    /// "Save and close": the ticket is resolved with this save (`ticket_save_close`).
    pub close: bool,
}

/// Saves a change to ticket `id` in one transaction. A change based on an older version is
/// merged when it touches other fields than the changes made meanwhile; otherwise it is refused
/// with a message on each field changed by both.
pub async fn update(db: &Db, actor: &Actor, id: i64, change: Change) -> Result<Saved, DomainError> {
    let access = Access::compute(&actor.rights, &actor.settings, Form::Existing);
    let reply = change.reply.normalized()?;
    let reply_html = match &reply {
        Some(r) => Some(Rendered::of(&r.body).await),
        None => None,
    };
    // The description is rendered when it was changed in the form.
    let typed_description = change.form.get(Field::Description.name());
    let description = match typed_description {
        Some(d)
            if access.editable(Field::Description)
                && Some(d) != change.original.get(Field::Description.name())
                && d.chars().count() <= values::MAX_DESCRIPTION_CHARS =>
        {
            Some(Rendered::of(&values::normalize(Field::Description, d)).await)
        }
        _ => None,
    };
    let actor = actor.clone();
    db.write(move |tx| {
        let me = actor.user.id.0;
        let viewer = Viewer::load(tx, me, &actor.rights, &actor.settings)?;
        let current = repo::get_visible(tx, &viewer, id)?.ok_or(DomainError::NotFound)?;
        let typed = values::read_form(&change.form, &access, &current.values)
            .map_err(DomainError::Invalid)?;
        let (mut v, saved) = if current.version == change.version {
            (typed, Saved::Applied)
        } else {
            merge(&current.values, &typed, &change.original, &access)?
        };
        checks::check(tx, &v, &current.values, &access)?.into_result()?;
        let visible_reply = reply.as_ref().map(|r| !r.private);
        if let Some(r) = &reply {
            if !actor.may_reply() {
                return Err(DomainError::Forbidden);
            }
            if r.private && !actor.text_rights().hide {
                return Err(DomainError::Forbidden);
            }
            take_up_on_reply(&actor, &current.values, &mut v);
        }
        if change.close {
            if !actor.may_save_and_close() {
                return Err(DomainError::Forbidden);
            }
            if !states::is_closed(v.state_id) {
                v.state_id = states::RESOLVED;
            }
        }
        let now = clock::now();
        apply_rules(Some(&current.values), &mut v, now);
        if !repo::update(tx, id, &v, current.version, now)? {
            return Err(DomainError::Conflict(msg("error-ticket-changed")));
        }
        record_changes(tx, id, me, now, &current.values, &v)?;
        keep_description(
            tx,
            id,
            Some(&current.values.description),
            &v.description,
            description.as_ref(),
        )?;
        if let Some(r) = reply {
            thread::record(
                tx,
                id,
                me,
                now,
                Event::Text {
                    body: r.body,
                    private: r.private,
                    html: reply_html.map(|h| h.html),
                },
            )?;
            if actor.is_technician() {
                repo::set_last_tech_reply(tx, id, now)?;
            }
        }
        link_uploads(tx, &actor, id, &change.uploads, now)?;
        validation::after_save(tx, &actor, id, (&current.values, &v), now)?;
        notify_saved(tx, &actor, id, (&current.values, &v), visible_reply, now)?;
        mark_after_change(tx, id, me, &v, now)?;
        Ok(saved)
    })
    .await
}

/// What a reply moves: a technician answering a ticket nobody has takes it, and one not started
/// starts; a requester answering a resolved ticket reopens it (setting
/// [`settings::REPLY_REOPENS`]). A field changed in the same save wins.
fn take_up_on_reply(actor: &Actor, current: &Values, v: &mut Values) {
    let state_untouched = v.state_id == current.state_id;
    if actor.is_technician() {
        if v.technician.is_none() && current.technician.is_none() {
            v.technician = Some(Who::User(actor.user.id.0));
        }
        if matches!(v.state_id, states::UNASSIGNED | states::WAITING) && state_untouched {
            v.state_id = states::IN_PROGRESS;
        }
    } else if state_untouched
        && current.state_id == states::RESOLVED
        && current.requester == Some(Who::User(actor.user.id.0))
        && actor.settings.flag(settings::REPLY_REOPENS)
    {
        v.state_id = if v.technician.is_some() {
            states::IN_PROGRESS
        } else {
            states::UNASSIGNED
        };
        v.resolved_at = None;
    }
}

/// Combines a change based on an old version with the current values.
fn merge(
    current: &Values,
    typed: &Values,
    original: &HashMap<String, String>,
    access: &Access,
) -> Result<(Values, Saved), DomainError> {
    let mut merged = current.clone();
    let mut conflicts = FieldErrors::new();
    for field in Field::ALL {
        if !access.editable(field) {
            continue;
        }
        let before =
            values::normalize(field, original.get(field.name()).map_or("", String::as_str));
        let mine = typed.text(field);
        let theirs = current.text(field);
        if mine == before {
            continue;
        }
        if theirs != before && mine != theirs {
            conflicts.add(field.name(), msg("error-field-changed-meanwhile"));
            continue;
        }
        set_field(&mut merged, typed, field);
    }
    if conflicts.is_empty() {
        Ok((merged, Saved::Merged))
    } else {
        Err(DomainError::Invalid(conflicts))
    }
}

fn set_field(to: &mut Values, from: &Values, field: Field) {
    match field {
        Field::Requester => to.requester = from.requester,
        Field::Type => to.type_id = from.type_id,
        Field::Technician => to.technician = from.technician,
        Field::Category => to.category_id = from.category_id,
        Field::Subcategory => to.subcategory_id = from.subcategory_id,
        Field::Place => to.place_id = from.place_id,
        Field::Service => to.service_id = from.service_id,
        Field::Agency => to.agency_id = from.agency_id,
        Field::Title => to.title.clone_from(&from.title),
        Field::Description => to.description.clone_from(&from.description),
        Field::CreatedAt => to.created_at = from.created_at,
        Field::HopeDate => to.hope_date.clone_from(&from.hope_date),
        Field::ResolvedAt => to.resolved_at = from.resolved_at,
        Field::TimeSpent => to.time_spent = from.time_spent,
        Field::TimeHope => to.time_hope = from.time_hope,
        Field::Priority => to.priority_id = from.priority_id,
        Field::Criticality => to.criticality_id = from.criticality_id,
        Field::State => to.state_id = from.state_id,
    }
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

/// The requester's "Close ticket": resolves the ticket and sets its resolution date. Refused to
/// anyone the ticket page does not offer it to (see [`Actor::may_close`]).
pub async fn close(db: &Db, actor: &Actor, id: i64) -> Result<(), DomainError> {
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
        if !repo::update(tx, id, &v, current.version, now)? {
            return Err(DomainError::Conflict(msg("error-ticket-changed")));
        }
        record_changes(tx, id, me, now, &current.values, &v)?;
        validation::after_save(tx, &actor, id, (&current.values, &v), now)?;
        notify_saved(tx, &actor, id, (&current.values, &v), None, now)?;
        mark_after_change(tx, id, me, &v, now)?;
        Ok(())
    })
    .await
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
            repo::set_tech_read(tx, id, true, clock::now())?;
        }
        if user {
            repo::set_user_read(tx, id, true)?;
        }
        Ok(())
    })
    .await
}

/// Edits, deletes or hides a reply of a visible ticket.
pub async fn thread_action(
    db: &Db,
    actor: &Actor,
    ticket: i64,
    entry: i64,
    action: ThreadAction,
) -> Result<(), DomainError> {
    let edited = match &action {
        ThreadAction::Edit(typed) => {
            let body = thread::reply_text(typed, "body").map_err(DomainError::Invalid)?;
            let html = match &body {
                Some(b) => crate::markdown::render_off_thread(b.clone()).await,
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
                thread::edit(tx, ticket, entry, me, rights, body.as_deref(), &html, now)?;
                if thread::is_visible_text(tx, ticket, entry)?
                    && let Some(row) = repo::get(tx, ticket)?
                {
                    notify::after_change(
                        tx,
                        &actor.settings,
                        &cause(&actor),
                        ticket,
                        &notify::Change::ReplyEdited(&row.values),
                        now,
                    )?;
                }
            }
            ThreadAction::Delete => thread::delete(tx, ticket, entry, me, rights)?,
            ThreadAction::TogglePrivate => {
                thread::toggle_private(tx, ticket, entry, rights)?;
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
