//! Tickets written by another program (the API), by field name. A new ticket goes through the
//! new-ticket form's use case ([`super::create`]); a change names only the fields it changes
//! and applies only when the ticket is still at the version the program read, so that an
//! integration never overwrites a technician's edit blindly, through the ticket form's save
//! ([`super::update`]): the same rights per field, the same checks, thread events and mails.
//! Unlike a form, which never shows a field its user may not change, a program naming one is
//! told so, field by field.

use super::*;

/// The message of a change based on a version the ticket has left.
pub const VERSION_MOVED_ON: &str = "api-ticket-moved-on";

/// What the program sends: fields by their form name with their value as the form writes it
/// (an id, `u12` or `g3` for a person or a group, a date), and an optional reply.
#[derive(Debug, Clone, Default)]
pub struct Patch {
    pub fields: HashMap<String, String>,
    pub reply: Reply,
}

/// Refuses, by name, the fields of `fields` that are unknown or that `access` does not let the
/// actor set.
fn named_fields_allowed(
    fields: &HashMap<String, String>,
    access: &Access,
) -> Result<(), DomainError> {
    let mut errors = FieldErrors::new();
    for name in fields.keys() {
        match Field::ALL.into_iter().find(|f| f.name() == name) {
            Some(field) if access.editable(field) => {}
            Some(field) => errors.add(field.name(), msg("api-field-not-editable")),
            None => errors.add("fields", msg("api-unknown-field").arg("name", name)),
        }
    }
    errors.into_result()
}

/// Opens a ticket with the fields and first reply of `patch`, as the actor's new-ticket form
/// would. Returns its number.
pub async fn create_named(db: &Db, actor: &Actor, patch: Patch) -> Result<i64, DomainError> {
    if !may_create(actor) {
        return Err(DomainError::Forbidden);
    }
    named_fields_allowed(
        &patch.fields,
        &Access::compute(&actor.rights, &actor.settings, actor.new_form()),
    )?;
    let mut form = patch.fields;
    if !patch.reply.body.is_empty() {
        form.insert("reply".to_owned(), patch.reply.body);
        if patch.reply.private {
            form.insert("private".to_owned(), "1".to_owned());
        }
    }
    create(db, actor, form, Vec::new()).await
}

/// Applies `patch` to ticket `id` if it is still at `version`. A field the actor may not change
/// is refused by name (a form would not show it; a program must be told), and a ticket changed
/// since `version` is a conflict ([`VERSION_MOVED_ON`]).
pub async fn update_at(
    db: &Db,
    actor: &Actor,
    id: TicketId,
    version: i64,
    patch: Patch,
) -> Result<Saved, DomainError> {
    named_fields_allowed(
        &patch.fields,
        &Access::compute(&actor.rights, &actor.settings, Form::Existing),
    )?;
    // No merge: the version is checked in the saving transaction itself, so that a change
    // made between the program's read and this save is never overwritten nor mixed in.
    let change = Change {
        form: patch.fields,
        original: HashMap::new(),
        version,
        reply: patch.reply,
        uploads: Vec::new(),
        close: false,
        strict: true,
    };
    update(db, actor, id, change).await
}

/// Links `actor`'s pending uploads `uploads` to ticket `id` (a program attaching files): a
/// save that changes no field, through the ticket form's save (the right to attach, the
/// per-ticket limit, the thread, the mails). Adding files never conflicts with another change,
/// so it applies to whatever version the ticket is at.
pub async fn attach(
    db: &Db,
    actor: &Actor,
    id: TicketId,
    uploads: Vec<String>,
) -> Result<Saved, DomainError> {
    let version = crate::domain::run::read(db, move |c| {
        Ok(repo::get(c, id)?.ok_or(DomainError::NotFound)?.version)
    })
    .await?;
    let change = Change {
        form: HashMap::new(),
        original: HashMap::new(),
        version,
        reply: Reply::default(),
        uploads,
        close: false,
        strict: false,
    };
    update(db, actor, id, change).await
}
