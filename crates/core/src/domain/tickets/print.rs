//! A ticket as it is printed (`ticket_print`): its summary, description, files and the thread
//! its reader may see (hidden replies only for those who see them on the ticket page), for
//! whoever sees the ticket.

use crate::db::Db;
use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use crate::domain::{Actor, DomainError, rendered, run};
use crate::i18n::Lang;
use crate::markdown::{self, SafeHtml};

use super::attachments::{self, Attachment};
use super::mails::content::{self, TicketFacts};
use super::repo;
use super::thread::{self, EntryView};

/// What the print view shows.
#[derive(Debug, Clone)]
pub struct Printable {
    pub facts: TicketFacts,
    pub description_html: SafeHtml,
    /// The thread, when the reader may see it (without the replies hidden from them).
    pub entries: Vec<EntryView>,
    pub files: Vec<Attachment>,
}

/// Ticket `id` for `actor` to print, names in `lang`; not found when they do not see it.
pub async fn printable(
    db: &Db,
    actor: &Actor,
    id: TicketId,
    lang: Lang,
) -> Result<Printable, DomainError> {
    if !actor.has(right::TICKET_PRINT) {
        return Err(DomainError::Forbidden);
    }
    let actor = actor.clone();
    run::read(db, move |c| {
        let viewer = actor.viewer(c)?;
        let row = repo::get_visible(c, &viewer, id)?.ok_or(DomainError::NotFound)?;
        let facts = content::facts(c, id.0, lang)?.ok_or(DomainError::NotFound)?;
        let description_html = rendered::kept(c, rendered::Text::Description, id)?
            .unwrap_or_else(|| markdown::render_html(&row.values.description));
        let entries = thread::for_reader(c, &actor, &viewer, id.0, lang)?;
        Ok(Printable {
            facts,
            description_html,
            entries,
            files: attachments::list(c, id.0)?,
        })
    })
    .await
}
