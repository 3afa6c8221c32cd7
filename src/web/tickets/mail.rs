//! "Send a mail" from a ticket: recipients (the requester picked first, other users, free
//! addresses, copies), a subject and message prefilled from the ticket, a preview of the mail
//! as it will go out, and the send, recorded in the thread.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::ids::TicketId;
use crate::domain::tickets::mails::manual::{self as mail, ManualForm, ManualMail, Recipients};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{Input, csrf_field, form_error, textarea};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

fn read(form: &FormPairs) -> ManualForm {
    ManualForm {
        users: form
            .get_all("users")
            .iter()
            .filter_map(|v| v.parse().ok())
            .collect(),
        others: form.get("others").to_owned(),
        cc: form.get("cc").to_owned(),
        subject: form.get("subject").to_owned(),
        message: form.get("message").to_owned(),
    }
}

fn view(
    visitor: &Visitor,
    ticket: TicketId,
    form: &ManualForm,
    recipients: &Recipients,
    errors: &FieldErrors,
    preview: Option<&ManualMail>,
    banner: Option<&crate::i18n::Msg>,
) -> Markup {
    let lang = visitor.lang;
    let action = paths::fill(paths::TICKET_MAIL, &[&ticket]);
    let users_error = errors.get("users");
    let has_errors = (!errors.is_empty()).then(|| msg("form-has-errors"));
    let content = html! {
        p { a href=(paths::fill(paths::TICKET, &[&ticket])) { (msg("mail-back-to-ticket").arg("id", ticket).render(lang)) } }
        (form_error(lang, banner.or(has_errors.as_ref())))
        @if let Some(p) = preview {
            section.panel #preview {
                h2 { (lang.t("mail-preview")) }
                dl.facts {
                    dt { (lang.t("mail-to")) } dd { (p.to.join(", ")) }
                    @if !p.cc.is_empty() { dt { (lang.t("mail-cc")) } dd { (p.cc.join(", ")) } }
                    dt { (lang.t("mail-subject")) } dd { (p.subject) }
                    dt { (lang.t("mail-language")) } dd.mail-language { (p.lang.t("language-name")) }
                }
                // The mail's own HTML (sanitized when it was made) in a sandbox without scripts.
                iframe.mail-preview sandbox="" title=(lang.t("mail-preview")) srcdoc=(p.body.html) {}
            }
        }
        form.stack method="post" action=(action) novalidate {
            (csrf_field(visitor))
            div.field.has-error[users_error.is_some()] {
                label for="f-users" { (lang.t("mail-users")) }
                select #f-users name="users" multiple size="6"
                    aria-invalid=[users_error.map(|_| "true")]
                    data-combobox data-combobox-label=(lang.t("person-search"))
                    data-combobox-none=(lang.t("ticket-requester-search-none"))
                    data-combobox-remove=(lang.t("person-remove"))
                    data-search-url=[recipients.searched.then_some(paths::USER_CHOICES)] {
                    @for u in &recipients.users {
                        option value=(u.id) selected[form.users.contains(&u.id)] data-detail=(u.mail) { (u.name) " <" (u.mail) ">" }
                    }
                }
                @if let Some(e) = users_error { p.field-error { (e.render(lang)) } }
                p.hint { (lang.t(if recipients.searched { "mail-users-help-search" } else { "mail-users-help" })) }
            }
            (Input::text("others", msg("mail-others"), &form.others).render(lang, errors))
            (Input::text("cc", msg("mail-cc"), &form.cc).render(lang, errors))
            (Input::text("subject", msg("mail-subject"), &form.subject).required().render(lang, errors))
            (textarea(lang, "message", &msg("mail-message"), &form.message, 8, errors))
            p.hint { (lang.t("mail-message-help")) }
            div.form-actions {
                button.button type="submit" name="action" value="preview" { (lang.t("mail-preview-button")) }
                button.button.button-primary type="submit" name="action" value="send" { (lang.t("mail-send")) }
            }
        }
    };
    layout::page(
        visitor,
        &msg("mail-title").arg("id", ticket).render(lang),
        content,
    )
}

/// `GET /tickets/{id}/mail`.
pub async fn form(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let actor = super::actor(&authed);
    let form = mail::manual_defaults(state.db(), actor, id, visitor.lang).await?;
    let recipients = mail::recipients(state.db(), form.users.clone()).await?;
    Ok(view(
        visitor,
        id,
        &form,
        &recipients,
        &FieldErrors::new(),
        None,
        None,
    )
    .into_response())
}

/// `POST /tickets/{id}/mail`: preview, or send.
pub async fn send(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let actor = super::actor(&authed);
    let typed = read(&form);
    let preview = form.get("action") == "preview";
    let result = if preview {
        mail::preview_manual(state.db(), actor, id, typed.clone(), visitor.lang)
            .await
            .map(Some)
    } else {
        mail::send_manual(state.db(), actor, id, typed.clone(), visitor.lang)
            .await
            .map(|_| None)
    };
    let (errors, banner, shown) = match result {
        Ok(None) => {
            return Ok(redirect_with_flash(
                &paths::fill(paths::TICKET, &[&id]),
                Flash::MailQueued,
                visitor.secure,
            ));
        }
        Ok(Some(mail)) => (FieldErrors::new(), None, Some(mail)),
        Err(DomainError::Invalid(errors)) => (errors, None, None),
        Err(DomainError::Conflict(m)) => (FieldErrors::new(), Some(m), None),
        Err(e) => return Err(e.into()),
    };
    let recipients = mail::recipients(state.db(), typed.users.clone()).await?;
    let status = if shown.is_some() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        view(
            visitor,
            id,
            &typed,
            &recipients,
            &errors,
            shown.as_ref(),
            banner.as_ref(),
        ),
    )
        .into_response())
}
