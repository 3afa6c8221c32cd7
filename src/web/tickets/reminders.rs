//! Reminders: the bell on a ticket, and the list of the reminders due for the signed-in
//! technician (linked from the top bar).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::ids::{ReminderId, TicketId};
use crate::domain::tickets::reminders::{self, Reminder};
use crate::domain::tickets::repo::TicketRow;
use crate::domain::tickets::values::{datetime_text, parse_datetime};
use crate::domain::users::choices::Who;
use crate::domain::{DomainError, FieldErrors, clock};
use crate::i18n::format_datetime;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::{action_button, csrf_field};
use crate::web::ui::{icons, layout};
use crate::web::visitor::Visitor;

/// The reminder form as typed, when it comes back with an error.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    pub due_at: String,
    pub text: String,
    pub errors: FieldErrors,
}

/// The bell section of a ticket page.
pub fn section(visitor: &Visitor, row: &TicketRow, list: &[Reminder], draft: &Draft) -> Markup {
    let lang = visitor.lang;
    let has_technician = matches!(row.values.technician, Some(Who::User(_)));
    let due = if draft.due_at.is_empty() {
        datetime_text(clock::now() + 3600)
    } else {
        draft.due_at.clone()
    };
    let error = |field: &str| draft.errors.get(field).map(|m| m.render(lang));
    html! {
        section.panel #reminders {
            h2 { (icons::icon(icons::BELL)) " " (lang.t("reminders-title")) }
            @if list.is_empty() {
                p.muted { (lang.t("reminders-none")) }
            } @else {
                ul.item-list {
                    @for r in list {
                        li { strong { (format_datetime(lang, r.due_at)) } " " (r.text) }
                    }
                }
            }
            @if let Some(m) = error("reminder") {
                div.alert.alert-error role="alert" { (m) }
            }
            @if has_technician {
                form.inline-add method="post" action=(fill(paths::TICKET_REMINDERS, &[&row.id])) novalidate {
                    (csrf_field(visitor))
                    div.field.has-error[error("due_at").is_some()] {
                        label for="f-due" { (lang.t("reminders-when")) }
                        input #f-due type="datetime-local" name="due_at" required value=(due)
                            aria-invalid=[error("due_at").map(|_| "true")];
                        @if let Some(m) = error("due_at") { p.field-error { (m) } }
                    }
                    div.field.has-error[error("text").is_some()] {
                        label for="f-reminder-text" { (lang.t("reminders-text")) }
                        input #f-reminder-text type="text" name="text" maxlength="500" value=(draft.text)
                            aria-invalid=[error("text").map(|_| "true")];
                        @if let Some(m) = error("text") { p.field-error { (m) } }
                    }
                    button.button type="submit" { (lang.t("reminders-add")) }
                }
            } @else {
                p.hint { (lang.t("reminders-need-technician")) }
            }
        }
    }
}

/// `POST /tickets/{id}/reminders`: a reminder for the ticket's technician.
pub async fn add(
    State(state): State<AppState>,
    authed: Authed,
    Path(ticket): Path<TicketId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let due = parse_datetime(form.get("due_at"));
    let text = form.get("text").to_owned();
    let result = reminders::set(state.db(), authed.actor(), ticket, due, text).await;
    let errors = match result {
        Ok(_) => {
            return Ok(redirect_with_flash(
                &format!("{}#reminders", fill(paths::TICKET, &[&ticket])),
                Flash::ReminderSet,
                authed.visitor.secure,
            ));
        }
        Err(DomainError::Invalid(errors)) => errors,
        Err(DomainError::Conflict(m)) => {
            let mut errors = FieldErrors::new();
            errors.add("reminder", m);
            errors
        }
        Err(e) => return Err(e.into()),
    };
    let draft = Draft {
        due_at: form.get("due_at").to_owned(),
        text: form.get("text").to_owned(),
        errors,
    };
    super::page::reshow_with(&state, &authed, ticket, |d| d.reminder = draft).await
}

/// `GET /reminders`: the signed-in technician's due reminders.
pub async fn list(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let due = reminders::due_now(state.db(), authed.actor()).await?;
    let content = html! {
        section.panel {
            @if due.is_empty() {
                p.muted { (lang.t("reminders-nothing-due")) }
            } @else {
                ul.item-list {
                    @for r in &due {
                        li {
                            strong { (format_datetime(lang, r.due_at)) }
                            a href=(fill(paths::TICKET, &[&r.ticket_id])) { "#" (r.ticket_id) " " (r.ticket_title) }
                            span { (r.text) }
                            (action_button(visitor, &fill(paths::REMINDER_DONE, &[&r.id]), &lang.t("reminders-done"), "", None))
                        }
                    }
                }
            }
        }
    };
    Ok((
        StatusCode::OK,
        layout::page(visitor, &lang.t("reminders-title"), content),
    )
        .into_response())
}

/// `POST /reminders/{id}/done`.
pub async fn done(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<ReminderId>,
) -> Result<Response, WebError> {
    reminders::mark_done(state.db(), authed.actor(), id).await?;
    Ok(redirect_with_flash(
        paths::REMINDERS,
        Flash::Saved,
        authed.visitor.secure,
    ))
}
