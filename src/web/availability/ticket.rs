//! The unavailability section of a ticket that counts for availability: when the service was
//! unavailable (by default from the ticket's opening to its resolution) and whether it was
//! planned; corrected by holders of `ticket_availability`, or set back to follow the ticket.

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};

use crate::domain::availability::{self, Draft, TicketWindow};
use crate::domain::ids::TicketId;
use crate::domain::tickets::values::datetime_text;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::format_datetime;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{action_button, csrf_field};
use crate::web::ui::icons;
use crate::web::visitor::Visitor;

/// The form as typed when it came back, with why.
#[derive(Debug, Clone, Default)]
pub struct Returned {
    pub draft: Draft,
    pub errors: FieldErrors,
}

/// The section.
pub fn section(
    visitor: &Visitor,
    ticket: TicketId,
    w: &TicketWindow,
    returned: Option<&Returned>,
) -> Markup {
    let lang = visitor.lang;
    let draft = returned.map_or_else(
        || Draft {
            start: datetime_text(w.window.start),
            end: w.window.end.map(datetime_text).unwrap_or_default(),
            planned: w.window.planned,
        },
        |r| r.draft.clone(),
    );
    let no_errors = FieldErrors::new();
    let errors = returned.map_or(&no_errors, |r| &r.errors);
    let error = |f: &str| errors.get(f).map(|m| m.render(lang));
    html! {
        section.panel #unavailability aria-labelledby="unavailability-heading" {
            h2 #unavailability-heading { (icons::icon(icons::WARNING)) " " (lang.t("availability-ticket-title")) }
            p {
                (format_datetime(lang, w.window.start)) " – "
                @match w.window.end {
                    Some(e) => (format_datetime(lang, e)),
                    None => (lang.t("availability-ongoing")),
                }
                " · "
                (lang.t(if w.window.planned { "availability-planned-one" } else { "availability-unplanned-one" }))
            }
            p.hint { (lang.t(if w.corrected { "availability-corrected" } else { "availability-from-ticket" })) }
            @if let Some(m) = errors.get("unavailability") {
                div.alert.alert-error role="alert" { (m.render(lang)) }
            }
            @if w.may_change {
                details open[returned.is_some()] {
                    summary { (lang.t("availability-correct")) }
                    form method="post" action=(fill(paths::TICKET_UNAVAILABILITY, &[&ticket])) novalidate {
                        (csrf_field(visitor))
                        div.field.has-error[error("unavailable_from").is_some()] {
                            label for="f-unavailable-from" { (lang.t("availability-start")) }
                            input #f-unavailable-from type="datetime-local" name="unavailable_from" value=(draft.start)
                                aria-invalid=[error("unavailable_from").map(|_| "true")];
                            @if let Some(m) = error("unavailable_from") { p.field-error { (m) } }
                        }
                        div.field.has-error[error("unavailable_to").is_some()] {
                            label for="f-unavailable-to" { (lang.t("availability-end")) }
                            input #f-unavailable-to type="datetime-local" name="unavailable_to" value=(draft.end)
                                aria-invalid=[error("unavailable_to").map(|_| "true")];
                            @if let Some(m) = error("unavailable_to") { p.field-error { (m) } }
                        }
                        div.field.checkbox-field {
                            input #f-unavailable-planned type="checkbox" name="planned" value="1" checked[draft.planned];
                            label for="f-unavailable-planned" { (lang.t("availability-planned-one")) }
                        }
                        button.button type="submit" { (lang.t("action-save")) }
                    }
                    @if w.corrected {
                        (action_button(visitor, &fill(paths::TICKET_UNAVAILABILITY_RESET, &[&ticket]),
                            &lang.t("availability-reset"), "button-secondary", None))
                    }
                }
            }
        }
    }
}

fn back(ticket: TicketId) -> String {
    format!("{}#unavailability", fill(paths::TICKET, &[&ticket]))
}

/// `POST /tickets/{id}/unavailability`.
pub async fn save(
    State(state): State<AppState>,
    authed: Authed,
    Path(ticket): Path<TicketId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let draft = Draft {
        start: form.get("unavailable_from").to_owned(),
        end: form.get("unavailable_to").to_owned(),
        planned: form.get("planned") == "1",
    };
    let lang = authed.visitor.lang;
    match availability::save_window(state.db(), authed.actor(), lang, ticket, draft.clone()).await {
        Ok(()) => Ok(redirect_with_flash(
            &back(ticket),
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            crate::web::tickets::reshow_with_unavailability(
                &state,
                &authed,
                ticket,
                Returned { draft, errors },
            )
            .await
        }
        Err(DomainError::Conflict(m)) => {
            let mut errors = FieldErrors::new();
            errors.add("unavailability", m);
            crate::web::tickets::reshow_with_unavailability(
                &state,
                &authed,
                ticket,
                Returned { draft, errors },
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /tickets/{id}/unavailability/reset`.
pub async fn reset(
    State(state): State<AppState>,
    authed: Authed,
    Path(ticket): Path<TicketId>,
) -> Result<Response, WebError> {
    availability::reset_window(state.db(), authed.actor(), ticket).await?;
    Ok(redirect_with_flash(
        &back(ticket),
        Flash::Saved,
        authed.visitor.secure,
    ))
}
