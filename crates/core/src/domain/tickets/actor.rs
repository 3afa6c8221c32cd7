//! What the acting user ([`Actor`]) may do with tickets.

use super::*;

pub use crate::domain::actor::Actor;

/// What the acting user may do with tickets.
impl Actor {
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

    /// Whether this actor may post replies: the thread is shown to them and they may write in it
    /// (`ticket_thread_post`) and add to it (`ticket_thread_add`).
    pub fn may_reply(&self) -> bool {
        self.rights.has(right::TICKET_RESOLUTION_DISP)
            && self.rights.has(right::TICKET_THREAD_POST)
            && self.rights.has(right::TICKET_THREAD_ADD)
    }

    /// Whether this actor has the button that adds a reply hidden from the requester
    /// (`ticket_thread_private_button`, with the right to hide replies).
    pub fn has_hidden_reply_button(&self) -> bool {
        self.may_reply()
            && self.rights.has(right::TICKET_THREAD_PRIVATE_BUTTON)
            && self.text_rights().hide
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

    /// Whether this actor may change ticket `row` they see through `viewer` (its fields, and
    /// the thread through the form): always, unless they see it only as a ticket of their
    /// service (then with `side_all_service_edit`) or of their agency (`side_all_agency_edit`).
    pub fn may_change(&self, viewer: &Viewer, row: &repo::TicketRow) -> bool {
        let me = self.user.id.0;
        let v = &row.values;
        let own = self.rights.has(right::SIDE_ALL)
            || v.requester == Some(Who::User(me))
            || matches!(v.requester, Some(Who::Group(g)) if viewer.groups.contains(&g))
            || v.technician == Some(Who::User(me));
        if own {
            return true;
        }
        if v.service_id.is_some_and(|s| viewer.services.contains(&s)) {
            return self.rights.has(right::SIDE_ALL_SERVICE_EDIT);
        }
        if v.agency_id.is_some_and(|a| viewer.agencies.contains(&a)) {
            return self.rights.has(right::SIDE_ALL_AGENCY_EDIT);
        }
        true
    }

    /// Ticket `id` for a change by this actor: not found when they do not see it, refused when
    /// they see it but may not change it ([`Actor::may_change`]). Every command that changes a
    /// ticket reads it through here, so that no action skips the rule its page applies.
    pub fn ticket_to_change(
        &self,
        conn: &rusqlite::Connection,
        viewer: &Viewer,
        id: crate::domain::ids::TicketId,
    ) -> Result<repo::TicketRow, crate::domain::DomainError> {
        let row =
            repo::get_visible(conn, viewer, id)?.ok_or(crate::domain::DomainError::NotFound)?;
        if self.may_change(viewer, &row) {
            Ok(row)
        } else {
            Err(crate::domain::DomainError::Forbidden)
        }
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
