//! A change sent by another program (the API): only the fields it names, applied only when the
//! ticket is still at the version it read, so that an integration never overwrites a
//! technician's edit blindly. Everything else is the ticket form's save ([`super::update`]):
//! the same rights per field, the same checks, thread events and mails.

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
    let access = Access::compute(&actor.rights, &actor.settings, Form::Existing);
    let mut errors = FieldErrors::new();
    for name in patch.fields.keys() {
        match Field::ALL.into_iter().find(|f| f.name() == name) {
            Some(field) if access.editable(field) => {}
            Some(field) => errors.add(field.name(), msg("api-field-not-editable")),
            None => errors.add("fields", msg("api-unknown-field").arg("name", name)),
        }
    }
    errors.into_result()?;
    // The values the change is based on: those of `version`, read now. When the ticket moved
    // on between this read and the save, the save's merge keeps the other edit or refuses.
    let reader = actor.clone();
    let current = crate::domain::run::read(db, move |c| {
        let viewer = reader.viewer(c)?;
        repo::get_visible(c, &viewer, id)?.ok_or(DomainError::NotFound)
    })
    .await?;
    if current.version != version {
        return Err(DomainError::Conflict(
            msg(VERSION_MOVED_ON).arg("version", current.version),
        ));
    }
    let original = patch
        .fields
        .keys()
        .filter_map(|name| Field::ALL.into_iter().find(|f| f.name() == name))
        .map(|f| (f.name().to_owned(), current.values.text(f)))
        .collect();
    let change = Change {
        form: patch.fields,
        original,
        version,
        reply: patch.reply,
        uploads: Vec::new(),
        close: false,
    };
    update(db, actor, id, change).await
}
