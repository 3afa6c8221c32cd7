//! The interventions of a ticket on its page (each with its times, technician, note and the
//! technician's other interventions at that time; changed or removed in place) and the form
//! that plans a new one; and the actions behind them. A refused form comes back on the ticket
//! page with what was typed and a message on each wrong field.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::calendar::{self, Conflict, Draft, Intervention, Technician};
use crate::domain::ids::{InterventionId, TicketId};
use crate::domain::{DomainError, FieldErrors, clock};
use crate::i18n::{Lang, format_span};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{action_button_with, csrf_field};
use crate::web::ui::icons;
use crate::web::visitor::Visitor;

/// An intervention form that came back: which intervention (none: a new one), what was typed
/// and why it was refused.
#[derive(Debug, Clone, Default)]
pub struct Returned {
    pub id: Option<InterventionId>,
    pub draft: Draft,
    pub errors: FieldErrors,
}

/// The technicians' conflicts, as one line each.
pub(super) fn conflicts(lang: Lang, list: &[Conflict]) -> Markup {
    html! {
        @if !list.is_empty() {
            div.alert.alert-warning role="status" {
                p { (icons::icon(icons::WARNING)) " " (lang.t("calendar-conflict-intro")) }
                ul {
                    @for c in list {
                        li {
                            (format_span(lang, c.starts_at, c.ends_at, false)) " "
                            @match &c.title {
                                Some(title) => a href=(fill(paths::TICKET, &[&c.ticket_id])) { "#" (c.ticket_id) " " (title) },
                                None => span.muted { (lang.t("calendar-busy")) },
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The fields of an intervention form; ids start with `prefix` so that several forms can share
/// the page.
fn fields(
    lang: Lang,
    prefix: &str,
    draft: &Draft,
    errors: &FieldErrors,
    planners: &[Technician],
) -> Markup {
    let id = |name: &str| format!("{prefix}-{name}");
    let error = |name: &str| errors.get(name).map(|m| m.render(lang));
    let field = |name: &'static str, key: &str, kind: &str, value: &str| {
        html! {
            div.field.has-error[error(name).is_some()] {
                label for=(id(name)) { (lang.t(key)) }
                input id=(id(name)) type=(kind) name=(name) value=(value)
                    aria-invalid=[error(name).map(|_| "true")];
                @if let Some(m) = error(name) { p.field-error { (m) } }
            }
        }
    };
    html! {
        div.field.has-error[error("technician").is_some()] {
            label for=(id("technician")) { (lang.t("calendar-technician")) }
            select id=(id("technician")) name="technician" aria-invalid=[error("technician").map(|_| "true")] {
                option value="" { (lang.t("calendar-ticket-technician")) }
                @for t in planners {
                    @let value = t.id.to_string();
                    option value=(value) selected[draft.technician == value] { (t.name) }
                }
            }
            @if let Some(m) = error("technician") { p.field-error { (m) } }
        }
        div.field-row {
            (field("start_date", "calendar-start-date", "date", &draft.start_date))
            (field("start_time", "calendar-start-time", "time", &draft.start_time))
        }
        div.field-row {
            (field("end_date", "calendar-end-date", "date", &draft.end_date))
            (field("end_time", "calendar-end-time", "time", &draft.end_time))
        }
        div.field.checkbox-field {
            input id=(id("all_day")) type="checkbox" name="all_day" value="1" checked[draft.all_day];
            label for=(id("all_day")) { (lang.t("calendar-all-day")) }
        }
        div.field.has-error[error("note").is_some()] {
            label for=(id("note")) { (lang.t("calendar-note")) }
            textarea id=(id("note")) name="note" rows="2" maxlength="2000"
                aria-invalid=[error("note").map(|_| "true")] { (draft.note) }
            @if let Some(m) = error("note") { p.field-error { (m) } }
        }
    }
}

/// The interventions section of a ticket page.
pub fn section(
    visitor: &Visitor,
    ticket: TicketId,
    list: &[Intervention],
    planners: &[Technician],
    returned: Option<&Returned>,
) -> Markup {
    let lang = visitor.lang;
    let returned_for = |id: Option<InterventionId>| returned.filter(|r| r.id == id);
    let no_errors = FieldErrors::new();
    html! {
        section.panel #interventions aria-labelledby="interventions-heading" {
            h2 #interventions-heading { (icons::icon(icons::CALENDAR)) " " (lang.t("calendar-interventions")) }
            @if let Some(r) = returned {
                @if let Some(m) = r.errors.get("intervention") {
                    div.alert.alert-error role="alert" { (m.render(lang)) }
                }
            }
            @if list.is_empty() {
                p.muted { (lang.t("calendar-interventions-none")) }
            } @else {
                ul.item-list.intervention-list {
                    @for i in list {
                        li data-intervention=(i.id) {
                            strong { (format_span(lang, i.starts_at, i.ends_at, i.all_day)) }
                            " · " (i.technician)
                            @if !i.note.is_empty() { p.intervention-note { (i.note) } }
                            (conflicts(lang, &i.conflicts))
                            @let edit = returned_for(Some(i.id));
                            details.intervention-edit open[edit.is_some()] {
                                summary { (lang.t("action-edit")) }
                                form method="post" action=(fill(paths::INTERVENTION, &[&i.id])) novalidate {
                                    (csrf_field(visitor))
                                    input type="hidden" name="version" value=(i.version);
                                    @let draft = edit.map_or_else(
                                        || Draft::of(i.technician_id, i.starts_at, i.ends_at, i.all_day, &i.note),
                                        |r| r.draft.clone(),
                                    );
                                    (fields(lang, &format!("i{}", i.id), &draft, edit.map_or(&no_errors, |r| &r.errors), planners))
                                    button.button type="submit" { (lang.t("action-save")) }
                                }
                                (action_button_with(visitor, &fill(paths::INTERVENTION_DELETE, &[&i.id]),
                                    &[("version", &i.version.to_string())],
                                    &lang.t("action-delete"), "button-danger",
                                    Some(&lang.t("calendar-delete-confirm"))))
                            }
                        }
                    }
                }
            }
            p { a.button href=(fill(paths::TICKET_INTERVENTIONS, &[&ticket])) { (lang.t("calendar-plan")) } }
        }
    }
}

/// The form's values as typed.
fn draft_of(form: &FormPairs) -> Draft {
    Draft {
        technician: form.get("technician").to_owned(),
        start_date: form.get("start_date").to_owned(),
        start_time: form.get("start_time").to_owned(),
        end_date: form.get("end_date").to_owned(),
        end_time: form.get("end_time").to_owned(),
        all_day: form.get("all_day") == "1",
        note: form.get("note").to_owned(),
    }
}

fn version_of(form: &FormPairs) -> Option<i64> {
    form.get("version").parse().ok()
}

/// Where a ticket's interventions are shown.
fn back_to(ticket: TicketId) -> String {
    format!("{}#interventions", fill(paths::TICKET, &[&ticket]))
}

/// The ticket page again with `returned`, for a refusal; any other error as usual.
async fn reshow(
    state: &AppState,
    authed: &Authed,
    ticket: TicketId,
    id: Option<InterventionId>,
    draft: Draft,
    error: DomainError,
) -> Result<Response, WebError> {
    let errors = match error {
        DomainError::Invalid(errors) => errors,
        DomainError::Conflict(m) => {
            let mut errors = FieldErrors::new();
            errors.add("intervention", m);
            errors
        }
        e => return Err(e.into()),
    };
    let returned = Returned { id, draft, errors };
    crate::web::tickets::reshow_with_intervention(state, authed, ticket, returned).await
}

/// The page that plans an intervention on a ticket, with `returned` as typed.
async fn plan_page(
    state: &AppState,
    authed: &Authed,
    ticket: TicketId,
    returned: Option<Returned>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let (title, planners) = calendar::plan_form(state.db(), authed.actor(), ticket).await?;
    let no_errors = FieldErrors::new();
    let draft = returned
        .as_ref()
        .map_or_else(|| Draft::starting(clock::now(), None), |r| r.draft.clone());
    let errors = returned.as_ref().map_or(&no_errors, |r| &r.errors);
    let content = html! {
        p { a href=(fill(paths::TICKET, &[&ticket])) { "#" (ticket) " " (title) } }
        @if let Some(m) = errors.get("intervention") {
            div.alert.alert-error role="alert" { (m.render(lang)) }
        }
        section.panel #plan-intervention {
            form method="post" action=(fill(paths::TICKET_INTERVENTIONS, &[&ticket])) novalidate {
                (csrf_field(visitor))
                (fields(lang, "new", &draft, errors, &planners))
                div.form-actions {
                    button.button.button-primary type="submit" { (lang.t("calendar-plan")) }
                    " "
                    a.button.button-secondary href=(back_to(ticket)) { (lang.t("action-cancel")) }
                }
            }
        }
    };
    let status = if returned.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    Ok((
        status,
        crate::web::ui::layout::page(visitor, &lang.t("calendar-plan"), content),
    )
        .into_response())
}

/// `GET /tickets/{id}/interventions`: the planning form.
pub async fn new_page(
    State(state): State<AppState>,
    authed: Authed,
    Path(ticket): Path<TicketId>,
) -> Result<Response, WebError> {
    plan_page(&state, &authed, ticket, None).await
}

/// `POST /tickets/{id}/interventions`: plans an intervention; a refusal comes back on the
/// planning form with what was typed.
pub async fn plan(
    State(state): State<AppState>,
    authed: Authed,
    Path(ticket): Path<TicketId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let draft = draft_of(&form);
    match calendar::plan(state.db(), authed.actor(), ticket, draft.clone()).await {
        Ok(_) => Ok(redirect_with_flash(
            &back_to(ticket),
            Flash::InterventionPlanned,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            let returned = Returned {
                id: None,
                draft,
                errors,
            };
            plan_page(&state, &authed, ticket, Some(returned)).await
        }
        Err(DomainError::Conflict(m)) => {
            let mut errors = FieldErrors::new();
            errors.add("intervention", m);
            let returned = Returned {
                id: None,
                draft,
                errors,
            };
            plan_page(&state, &authed, ticket, Some(returned)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /calendar/interventions/{id}`: changes an intervention from its ticket's page.
pub async fn change(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<InterventionId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let draft = draft_of(&form);
    match calendar::change(
        state.db(),
        authed.actor(),
        id,
        version_of(&form),
        draft.clone(),
    )
    .await
    {
        Ok(ticket) => Ok(redirect_with_flash(
            &back_to(ticket),
            Flash::InterventionChanged,
            authed.visitor.secure,
        )),
        Err(e @ (DomainError::Invalid(_) | DomainError::Conflict(_))) => {
            let ticket = calendar::ticket_of(state.db(), authed.actor(), id).await?;
            reshow(&state, &authed, ticket, Some(id), draft, e).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /calendar/interventions/{id}/delete`.
pub async fn remove(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<InterventionId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let ticket = calendar::remove(state.db(), authed.actor(), id, version_of(&form)).await?;
    Ok(redirect_with_flash(
        &back_to(ticket),
        Flash::InterventionRemoved,
        authed.visitor.secure,
    ))
}

/// `POST /calendar/interventions/{id}/move`: moves an intervention from the calendar (by its
/// plain form, or by the page script after a drag), then shows the calendar it came from with
/// the technician's other interventions at the new time. A wrong date or time comes back on
/// the entry's form.
pub async fn move_to(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<InterventionId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let technician = form.get("technician").parse::<i64>().ok();
    let moved = calendar::move_to(
        state.db(),
        authed.actor(),
        id,
        version_of(&form),
        form.get("start_date").to_owned(),
        form.get("start_time").to_owned(),
        technician,
    )
    .await;
    match moved {
        Ok(()) => {
            let back = super::view::address(
                form.get("view"),
                form.get("start_date"),
                form.get("tech"),
                Some(id),
            );
            Ok(redirect_with_flash(
                &back,
                Flash::InterventionChanged,
                authed.visitor.secure,
            ))
        }
        Err(DomainError::Invalid(errors)) => {
            let message = errors
                .first()
                .cloned()
                .unwrap_or_else(|| crate::i18n::msg("form-has-errors"));
            let refusal = super::view::Refusal {
                id,
                date: form.get("start_date").to_owned(),
                time: form.get("start_time").to_owned(),
                message,
            };
            let query = back_query(&form);
            super::page::render(&state, &authed, Some(&query), Some(refusal), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The calendar's address query the form came from (its view, day and technician).
fn back_query(form: &FormPairs) -> String {
    let address = super::view::address(form.get("view"), form.get("date"), form.get("tech"), None);
    address
        .split_once('?')
        .map_or(String::new(), |(_, q)| q.to_owned())
}

/// A direct planning form of the calendar that came back: the ticket number as typed, the
/// form and why.
#[derive(Debug, Clone, Default)]
pub struct Direct {
    pub ticket: String,
    pub draft: Draft,
    pub errors: FieldErrors,
}

/// The calendar's own planning form (`planning_direct_event`): an intervention on the ticket
/// whose number is typed.
pub(super) fn direct_form(
    visitor: &Visitor,
    planners: &[Technician],
    returned: Option<&Direct>,
) -> Markup {
    let lang = visitor.lang;
    let draft = returned.map_or_else(|| Draft::starting(clock::now(), None), |r| r.draft.clone());
    let no_errors = FieldErrors::new();
    let errors = returned.map_or(&no_errors, |r| &r.errors);
    let ticket_error = errors.get("ticket").map(|m| m.render(lang));
    html! {
        details.panel #direct-plan open[returned.is_some()] {
            summary.button { (lang.t("calendar-plan")) }
            @if let Some(m) = errors.get("intervention") {
                div.alert.alert-error role="alert" { (m.render(lang)) }
            }
            form method="post" action=(paths::CALENDAR_INTERVENTIONS) novalidate {
                (csrf_field(visitor))
                div.field.has-error[ticket_error.is_some()] {
                    label for="direct-ticket" { (lang.t("calendar-ticket-number")) }
                    input #direct-ticket type="text" inputmode="numeric" name="ticket"
                        value=(returned.map_or("", |r| r.ticket.as_str()))
                        aria-invalid=[ticket_error.as_ref().map(|_| "true")];
                    @if let Some(m) = ticket_error { p.field-error { (m) } }
                }
                (fields(lang, "direct", &draft, errors, planners))
                button.button type="submit" { (lang.t("calendar-plan")) }
            }
        }
    }
}

/// `POST /calendar/interventions`: plans an intervention on a ticket from the calendar, then
/// shows the week it falls in.
pub async fn plan_direct(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let draft = draft_of(&form);
    let typed = form.get("ticket").trim().trim_start_matches('#').to_owned();
    let refused = |errors: FieldErrors| Direct {
        ticket: form.get("ticket").to_owned(),
        draft: draft.clone(),
        errors,
    };
    let Ok(ticket) = typed.parse::<i64>().map(TicketId) else {
        let mut errors = FieldErrors::new();
        errors.add("ticket", crate::i18n::msg("calendar-error-ticket"));
        return super::page::render(&state, &authed, None, None, Some(refused(errors))).await;
    };
    match calendar::plan(state.db(), authed.actor(), ticket, draft.clone()).await {
        Ok(_) => Ok(redirect_with_flash(
            &super::view::address("week", &draft.start_date, "", None),
            Flash::InterventionPlanned,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            super::page::render(&state, &authed, None, None, Some(refused(errors))).await
        }
        // A ticket the planner does not see is answered as one that does not exist.
        Err(DomainError::NotFound) => {
            let mut errors = FieldErrors::new();
            errors.add("ticket", crate::i18n::msg("calendar-error-ticket"));
            super::page::render(&state, &authed, None, None, Some(refused(errors))).await
        }
        Err(DomainError::Conflict(m)) => {
            let mut errors = FieldErrors::new();
            errors.add("intervention", m);
            super::page::render(&state, &authed, None, None, Some(refused(errors))).await
        }
        Err(e) => Err(e.into()),
    }
}
