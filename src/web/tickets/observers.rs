//! The observers of a ticket on its page: the list, adding someone, removing them (or oneself).

use axum::extract::{Path, State};
use axum::response::Response;
use maud::{Markup, html};

use crate::domain::DomainError;
use crate::domain::ids::TicketId;
use crate::domain::tickets::observers;
use crate::domain::tickets::options::TicketOptions;
use crate::domain::tickets::page::Observers;
use crate::domain::users::choices::Who;
use crate::i18n::{Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{action_button_with, csrf_field};
use crate::web::ui::icons;
use crate::web::visitor::Visitor;

/// The observers section of a ticket page; `refused` is why the last addition failed.
pub fn section(
    visitor: &Visitor,
    me: i64,
    ticket: TicketId,
    observers: &Observers,
    options: &TicketOptions,
    refused: Option<&Msg>,
) -> Markup {
    let lang = visitor.lang;
    let me = Who::User(me);
    html! {
        section.panel #observers aria-labelledby="observers-heading" {
            h2 #observers-heading { (icons::icon(icons::EYE)) " " (lang.t("ticket-observers")) }
            @if observers.list.is_empty() {
                p.muted { (lang.t("ticket-observers-none")) }
            } @else {
                ul.item-list.observer-list {
                    @for o in &observers.list {
                        li data-observer=(o.who.value()) {
                            span { (o.name) }
                            @if observers.may_change || o.who == me {
                                (action_button_with(visitor, &fill(paths::TICKET_OBSERVERS_REMOVE, &[&ticket]),
                                    &[("who", &o.who.value())],
                                    &lang.t(if o.who == me { "ticket-observer-stop" } else { "action-remove" }), "", None))
                            }
                        }
                    }
                }
            }
            @if let Some(m) = refused {
                div.alert.alert-error role="alert" { (m.render(lang)) }
            }
            @if observers.may_change {
                form.inline-add method="post" action=(fill(paths::TICKET_OBSERVERS, &[&ticket])) novalidate {
                    (csrf_field(visitor))
                    div.field.has-error[refused.is_some()] {
                        label for="f-observer" { (lang.t("ticket-observer-add")) }
                        select #f-observer name="observer" required
                            data-combobox data-combobox-label=(lang.t("ticket-requester-search"))
                            data-combobox-none=(lang.t("ticket-requester-search-none"))
                            data-search-url=[options.requester_search.then_some(paths::USER_CHOICES)] {
                            option value="" { (lang.t("choice-none")) }
                            @for p in options.requesters.iter().filter(|p| p.value.starts_with('u')) {
                                option value=(p.value) data-detail=(p.detail) { (p.label) }
                            }
                            @for g in &observers.groups {
                                option value=(g.who.value()) { (g.label) }
                            }
                        }
                    }
                    button.button type="submit" { (lang.t("ticket-observer-add-submit")) }
                }
            }
        }
    }
}

fn who(form: &FormPairs, field: &str) -> Result<Who, DomainError> {
    Who::parse(form.get(field)).ok_or_else(|| {
        let mut errors = crate::domain::FieldErrors::new();
        errors.add("observer", msg("ticket-observer-unknown"));
        DomainError::Invalid(errors)
    })
}

/// `POST /tickets/{id}/observers`: adds an observer.
pub async fn add(
    State(state): State<AppState>,
    authed: Authed,
    Path(ticket): Path<TicketId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let result = match who(&form, "observer") {
        Ok(w) => observers::add(state.db(), authed.actor(), ticket, w).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(redirect_with_flash(
            &format!("{}#observers", fill(paths::TICKET, &[&ticket])),
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            let m = errors
                .get("observer")
                .cloned()
                .unwrap_or_else(|| msg("form-has-errors"));
            super::page::reshow_with(&state, &authed, ticket, |d| d.observer = Some(m)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /tickets/{id}/observers/remove`: removes an observer (or stops observing).
pub async fn remove(
    State(state): State<AppState>,
    authed: Authed,
    Path(ticket): Path<TicketId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let w = who(&form, "who")?;
    observers::remove(state.db(), authed.actor(), ticket, w).await?;
    // Someone who stopped observing may no longer see the ticket.
    let back = if w == Who::User(authed.actor().id().0) && !observers::may_change(authed.actor()) {
        paths::TICKETS.to_owned()
    } else {
        format!("{}#observers", fill(paths::TICKET, &[&ticket]))
    };
    Ok(redirect_with_flash(
        &back,
        Flash::Saved,
        authed.visitor.secure,
    ))
}
