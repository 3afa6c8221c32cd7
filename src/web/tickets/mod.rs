//! Tickets: the new-ticket form (full for technicians, simple for requesters), the ticket page
//! with its thread, attachments and reminders, and the small actions around them.

pub(crate) mod files;
mod mail;
mod merge;
mod new;
mod observers;
mod page;
mod paste;
mod people;
mod print;
mod quick;
mod reminders;
mod thread;
pub(crate) mod upload;
mod validation;

pub(crate) mod view;

use crate::domain::rights::names as right;
use crate::domain::tickets::Actor;

use super::extract::Authed;
use super::paths;
use super::routes::{Access, Routes};

const CREATE: Access = Access::Right(right::SIDE_OPEN_TICKET);

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::TICKET_NEW, CREATE, new::new_page)
        .post_upload(
            paths::TICKETS,
            CREATE,
            new::create,
            upload::MAX_REQUEST_BYTES,
        )
        .get(paths::TICKET, Access::LoggedIn, page::show)
        .post_upload(
            paths::TICKET,
            Access::LoggedIn,
            page::save,
            upload::MAX_REQUEST_BYTES,
        )
        .post_upload(
            paths::TICKET_PICTURES,
            Access::Right(right::TICKET_ATTACHMENT),
            paste::attach,
            upload::MAX_REQUEST_BYTES,
        )
        .post(
            paths::TICKET_TEMPLATE,
            Access::Right(right::TICKET_TEMPLATE),
            page::save_template,
        )
        .post(
            paths::TICKET_CLOSE,
            Access::Right(right::TICKET_CLOSE),
            page::close,
        )
        .post(
            paths::TICKET_VALIDATION_ACCEPT,
            Access::LoggedIn,
            validation::accept,
        )
        .post(
            paths::TICKET_VALIDATION_REOPEN,
            Access::LoggedIn,
            validation::reopen,
        )
        .post(
            paths::TICKET_VALIDATION_CONFIRM,
            Access::Right(right::TICKET_USER_VALIDATION),
            validation::confirm,
        )
        .post(
            paths::TICKET_REOPEN,
            Access::Right(right::TICKET_REOPEN),
            page::reopen,
        )
        .get(
            paths::TICKET_PRINT,
            Access::Right(right::TICKET_PRINT),
            print::page,
        )
        .post(paths::TICKET_ENTRY_EDIT, Access::LoggedIn, thread::edit)
        .post(paths::TICKET_ENTRY_DELETE, Access::LoggedIn, thread::delete)
        .post(
            paths::TICKET_ENTRY_PRIVATE,
            Access::Right(right::TICKET_THREAD_PRIVATE),
            thread::toggle_private,
        )
        .get(
            paths::TICKET_MAIL,
            Access::Right(right::TICKET_SEND_MAIL),
            mail::form,
        )
        .post(
            paths::TICKET_MAIL,
            Access::Right(right::TICKET_SEND_MAIL),
            mail::send,
        )
        .get(paths::TICKET_ATTACHMENT, Access::LoggedIn, files::download)
        .post(
            paths::TICKET_ATTACHMENT_DELETE,
            Access::Right(right::TICKET_ATTACHMENT_DELETE),
            files::delete,
        )
        .post(
            paths::TICKET_REMINDERS,
            Access::Right(right::TICKET_EVENT),
            reminders::add,
        )
        .post(
            paths::TICKET_DELETE,
            Access::Right(right::TICKET_DELETE),
            page::delete,
        )
        .post(
            paths::TICKET_MERGE,
            Access::Right(right::TICKET_FUSION),
            merge::merge,
        )
        .post(
            paths::TICKET_OBSERVERS,
            Access::Right(right::TICKET_OBSERVER),
            observers::add,
        )
        .post(
            paths::TICKET_OBSERVERS_REMOVE,
            Access::LoggedIn,
            observers::remove,
        )
        .get(paths::REMINDERS, Access::LoggedIn, reminders::list)
        .post(paths::REMINDER_DONE, Access::LoggedIn, reminders::done)
        .get(
            paths::USER_CHOICES,
            Access::AnyRight(&[
                right::TICKET_USER,
                right::TICKET_NEW_USER,
                right::TICKET_SEND_MAIL,
                right::TICKET_OBSERVER,
                // The asset form's user picker.
                right::ASSET,
            ]),
            people::search,
        )
        .get(
            paths::QUICK_SUBCATEGORY,
            Access::Right(right::TICKET_CAT_ACTIONS),
            quick::form,
        )
        .post(
            paths::QUICK_SUBCATEGORY,
            Access::Right(right::TICKET_CAT_ACTIONS),
            quick::create,
        )
}

/// The acting user of a request, for the ticket commands.
fn actor(authed: &Authed) -> &Actor {
    authed.actor()
}

/// The ticket page again with an intervention form that was refused.
pub(super) async fn reshow_with_intervention(
    state: &crate::web::state::AppState,
    authed: &crate::web::extract::Authed,
    ticket: crate::domain::ids::TicketId,
    returned: crate::web::calendar::interventions::Returned,
) -> Result<axum::response::Response, crate::web::error::WebError> {
    page::reshow_with(state, authed, ticket, |d| d.intervention = Some(returned)).await
}

/// The ticket page again with an unavailability form that was refused.
pub(super) async fn reshow_with_unavailability(
    state: &crate::web::state::AppState,
    authed: &crate::web::extract::Authed,
    ticket: crate::domain::ids::TicketId,
    returned: crate::web::availability::ticket::Returned,
) -> Result<axum::response::Response, crate::web::error::WebError> {
    page::reshow_with(state, authed, ticket, |d| d.unavailability = Some(returned)).await
}
