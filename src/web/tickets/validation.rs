//! Requester validation on the ticket page: the requester accepts the resolution or reopens
//! the ticket; a technician holding `ticket_user_validation` records an acceptance given
//! another way; everyone who sees the ticket sees where it stands.

use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};

use crate::domain::tickets::repo::TicketRow;
use crate::domain::tickets::validation::{self, Answer, Status};
use crate::domain::users::choices::Who;
use crate::i18n::{format_date, format_datetime, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::action_button;
use crate::web::visitor::Visitor;

use super::actor;

/// Where the ticket's validation stands, with the requester's two answers while it waits.
pub fn panel(visitor: &Visitor, row: &TicketRow, status: Option<&Status>) -> Markup {
    let lang = visitor.lang;
    let Some(status) = status else {
        return html! {};
    };
    let is_requester = visitor
        .session
        .as_ref()
        .is_some_and(|s| row.values.requester == Some(Who::User(s.actor.user.id.0)));
    let id = row.id;
    html! {
        @match status {
            Status::Awaiting { due_at, .. } => {
                section.panel.validation #validation aria-labelledby="validation-heading" {
                    h2 #validation-heading { (lang.t("validation-heading")) }
                    @if is_requester {
                        p { (msg("validation-question").arg("date", format_date(lang, *due_at)).render(lang)) }
                        div.form-actions {
                            (action_button(visitor, &fill(paths::TICKET_VALIDATION_ACCEPT, &[&id]), &lang.t("validation-accept"), "button-primary", None))
                            (action_button(visitor, &fill(paths::TICKET_VALIDATION_REOPEN, &[&id]), &lang.t("validation-reopen"), "", Some(&lang.t("validation-reopen-confirm"))))
                        }
                    } @else {
                        p { (msg("validation-awaiting").arg("date", format_date(lang, *due_at)).render(lang)) }
                        @if visitor.has_right(right::TICKET_USER_VALIDATION) {
                            (action_button(visitor, &fill(paths::TICKET_VALIDATION_CONFIRM, &[&id]), &lang.t("validation-confirm"), "", Some(&lang.t("validation-confirm-help"))))
                        }
                    }
                }
            }
            Status::Answered { answer, at, by } => {
                p.validation-done.muted #validation {
                    @let when = format_datetime(lang, *at);
                    @let by = by.clone().unwrap_or_default();
                    (match answer {
                        Answer::Accepted => msg("validation-accepted").arg("name", by).arg("date", when),
                        Answer::Confirmed => msg("validation-confirmed").arg("name", by).arg("date", when),
                        Answer::Expired => msg("validation-expired").arg("date", when),
                    }.render(lang))
                }
            }
        }
    }
}

async fn answer(
    state: &AppState,
    authed: &Authed,
    id: TicketId,
    confirm: bool,
) -> Result<Response, WebError> {
    validation::accept(state.db(), actor(authed), id, confirm).await?;
    Ok(redirect_with_flash(
        &fill(paths::TICKET, &[&id]),
        Flash::ResolutionAccepted,
        authed.visitor.secure,
    ))
}

/// `POST /tickets/{id}/validation/accept`: the requester accepts the resolution.
pub async fn accept(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
) -> Result<Response, WebError> {
    answer(&state, &authed, id, false).await
}

/// `POST /tickets/{id}/validation/confirm`: a technician records the requester's acceptance.
pub async fn confirm(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
) -> Result<Response, WebError> {
    answer(&state, &authed, id, true).await
}

/// `POST /tickets/{id}/validation/reopen`: the requester refuses the resolution.
pub async fn reopen(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
) -> Result<Response, WebError> {
    validation::reopen(state.db(), actor(&authed), id).await?;
    Ok(redirect_with_flash(
        &format!("{}#reply", fill(paths::TICKET, &[&id])),
        Flash::TicketReopened,
        authed.visitor.secure,
    ))
}
