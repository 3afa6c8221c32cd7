//! Saving the ticket form: the versioned merge of concurrent saves, what a reply moves, and
//! the thread events and mails of the change, in one transaction.

use super::*;

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
    /// Applied only when the ticket is still at `version`, checked in the saving transaction
    /// (a program's conditional change: no merge, [`super::conditional::VERSION_MOVED_ON`]).
    pub strict: bool,
}

/// Saves a change to ticket `id` in one transaction. A change based on an older version is
/// merged when it touches other fields than the changes made meanwhile; otherwise it is refused
/// with a message on each field changed by both.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: TicketId,
    change: Change,
) -> Result<Saved, DomainError> {
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
        let current = actor.ticket_to_change(tx, &viewer, id)?;
        let typed = values::read_form(&change.form, &access, &current.values)
            .map_err(DomainError::Invalid)?;
        let (mut v, saved) = if current.version == change.version {
            (typed, Saved::Applied)
        } else if change.strict {
            return Err(DomainError::Conflict(
                msg(super::conditional::VERSION_MOVED_ON).arg("version", current.version),
            ));
        } else {
            merge(&current.values, &typed, &change.original, &access)?
        };
        checks::check_for(tx, &actor, &v, &current.values, &access)?.into_result()?;
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
        if !repo::update(tx, id.0, &v, current.version, now)? {
            return Err(DomainError::Conflict(msg("error-ticket-changed")));
        }
        if v.requester != current.values.requester {
            repo::set_sender_service(tx, id.0)?;
        }
        record_changes(tx, id.0, me, now, &current.values, &v)?;
        keep_description(
            tx,
            id.0,
            Some(&current.values.description),
            &v.description,
            description.as_ref(),
        )?;
        if let Some(r) = reply {
            thread::record(
                tx,
                id.0,
                me,
                now,
                Event::Text {
                    body: r.body,
                    private: r.private,
                    html: reply_html.map(|h| h.html),
                },
            )?;
            if actor.is_technician() {
                repo::set_last_tech_reply(tx, id.0, now)?;
            }
        }
        link_uploads(tx, &actor, id.0, &change.uploads, now)?;
        validation::after_save(tx, &actor, id.0, (&current.values, &v), now)?;
        notify_saved(tx, &actor, id.0, (&current.values, &v), visible_reply, now)?;
        mark_after_change(tx, id.0, me, &v, now)?;
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
        Field::AnswerType => to.answer_type_id = from.answer_type_id,
        Field::Technician => to.technician = from.technician,
        Field::Category => to.category_id = from.category_id,
        Field::Subcategory => to.subcategory_id = from.subcategory_id,
        Field::Place => to.place_id = from.place_id,
        Field::Asset => to.asset_id = from.asset_id,
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
        Field::Billable => to.billable = from.billable,
    }
}
