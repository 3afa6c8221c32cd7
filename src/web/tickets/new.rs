//! The new-ticket page: the full form for technicians, the simple one for requesters, a copy
//! of a ticket or a template as a start, and sending it.

use crate::domain::ids::TicketId;
use crate::domain::rights::names as right;
use std::collections::HashMap;

use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::files::{self, Attachment};
use crate::domain::tickets::fields::{Access, Form};
use crate::domain::tickets::options::TicketOptions;
use crate::domain::tickets::values::Values;
use crate::domain::tickets::{self, Actor, limits};
use crate::domain::{DomainError, FieldErrors, clock};
use crate::i18n::{Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::form_error;
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

use super::actor;
use super::upload::{self, Submitted};
use super::view::{self, FormView};

#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    template: Option<i64>,
    #[serde(default)]
    copy: Option<i64>,
}

pub(super) fn upload_action(path: &str, visitor: &Visitor) -> String {
    format!("{path}?{}={}", crate::web::csrf::FIELD, visitor.csrf)
}

/// What the new-ticket page shows.
struct NewPage {
    options: TicketOptions,
    pending: Vec<Attachment>,
    left: Option<i64>,
    hours: Option<limits::HoursLeft>,
}

async fn load_new(
    state: &AppState,
    actor: &Actor,
    lang: crate::i18n::Lang,
    v: &Values,
    pending: Vec<String>,
) -> Result<NewPage, WebError> {
    let p = tickets::page::new_ticket(state.db(), actor, lang, v, pending).await?;
    Ok(NewPage {
        options: p.options,
        pending: p.pending,
        left: p.left,
        hours: p.hours,
    })
}

fn new_view(
    visitor: &Visitor,
    actor: &Actor,
    values: &HashMap<String, String>,
    page: &NewPage,
    errors: &FieldErrors,
    banner: Option<&Msg>,
) -> Markup {
    let lang = visitor.lang;
    let form = actor.new_form();
    let access = Access::compute(&actor.rights, &actor.settings, form);
    let content = html! {
        @if form == Form::NewFull && actor.rights.has(right::TICKET_TEMPLATE) && !page.options.templates.is_empty() {
            form.inline-add.template-form method="get" action=(paths::TICKET_NEW) {
                div.field {
                    label for="f-template" { (lang.t("ticket-use-template")) }
                    select #f-template name="template" {
                        @for (v, l) in &page.options.templates { option value=(v) { (l) } }
                    }
                }
                button.button type="submit" { (lang.t("ticket-use-template-submit")) }
            }
        }
        @if form == Form::NewSimple && let Some(left) = page.left {
            div.alert.alert-warning[left == 0].alert-info[left > 0] role="status" {
                (lang.t_args("ticket-limit-left", &[("count", &left.to_string())]))
            }
        }
        @if form == Form::NewSimple && let Some(h) = &page.hours {
            @let used_up = h.left_minutes() == 0;
            div.alert.alert-warning[used_up].alert-info[!used_up] role="status" {
                (lang.t_args(if used_up { "ticket-hours-used-up" } else { "ticket-hours-left" },
                    &[("company", &h.company), ("hours", &crate::i18n::format_decimal(lang, h.left_hours()))]))
            }
        }
        (form_error(lang, banner.or((!errors.is_empty()).then(|| msg("form-has-errors")).as_ref())))
        form.stack #ticket-form method="post" enctype="multipart/form-data" action=(upload_action(paths::TICKETS, visitor)) novalidate {
            (view::fields(&FormView { visitor, access: &access, values, options: &page.options, errors, current: None, description_html: None,
                description_paste: if actor.rights.has(right::TICKET_ATTACHMENT) && actor.rights.has(right::TICKET_DESCRIPTION_INSERT_IMAGE) { view::Paste::FileInput("f-attachments") } else { view::Paste::Nothing } }))
            @if tickets::may_reply_on_new(actor) {
                div.field.reply #reply.has-error[errors.get("reply").is_some()] {
                    label for="f-reply" { (lang.t("ticket-new-reply")) }
                    (view::md_toolbar(lang, "f-reply", view::Paste::Nothing))
                    textarea #f-reply name="reply" rows="4" { (values.get("reply").map_or("", String::as_str)) }
                    @if let Some(e) = errors.get("reply") { p.field-error { (e.render(lang)) } }
                    @if actor.text_rights().hide {
                        div.field-check {
                            input #f-private type="checkbox" name="private" value="1" checked[values.contains_key("private")];
                            label for="f-private" { (lang.t("ticket-reply-private")) }
                        }
                    }
                }
            }
            (attachment_input(visitor, actor, &page.pending, 0, errors))
            div.form-actions {
                // "Save" (`ticket_new_save`) or "Send" (`ticket_new_send`); without either the
                // profile only reads the form.
                @let save = actor.rights.has(right::TICKET_NEW_SAVE);
                @let send = actor.rights.has(right::TICKET_NEW_SEND);
                @if save || send {
                    button.button.button-primary #create-button type="submit" {
                        (lang.t(if send && (form == Form::NewSimple || !save) { "ticket-send" } else { "ticket-create" }))
                    }
                }
                @if actor.rights.has(right::TICKET_CANCEL) {
                    a.button #cancel-button href=(paths::TICKETS) data-cancel { (lang.t("action-cancel")) }
                }
            }
        }
    };
    layout::page(visitor, &lang.t("ticket-new-title"), content)
}

/// The file input, with the uploads kept from an earlier attempt.
pub(super) fn attachment_input(
    visitor: &Visitor,
    actor: &Actor,
    pending: &[Attachment],
    existing: usize,
    errors: &FieldErrors,
) -> Markup {
    let lang = visitor.lang;
    let max = actor.max_attachments();
    let may = actor.rights.has(right::TICKET_ATTACHMENT) && max > 0;
    html! {
        @if may {
            div.field.has-error[errors.get("attachments").is_some()] {
                label for="f-attachments" { (lang.t("ticket-attachments-add")) }
                @if !pending.is_empty() {
                    ul.file-list {
                        @for p in pending {
                            li {
                                (view::file_icon(&p.content_type)) " " (p.filename) " "
                                span.muted { "(" (view::size_text(lang, p.size)) ")" }
                                @if let Some(t) = &p.pending_token {
                                    input type="hidden" name="pending" value=(t) form="ticket-form";
                                }
                            }
                        }
                    }
                }
                input #f-attachments type="file" name="attachments" multiple form="ticket-form" accept=(files::accept_attribute());
                p.hint {
                    (lang.t_args("ticket-attachments-hint", &[
                        ("count", &(max - i64::try_from(existing).unwrap_or(0)).max(0).to_string()),
                        ("size", &visitor.settings.number(crate::domain::settings::ATTACHMENT_MAX_MB).to_string()),
                    ]))
                }
                @for (f, m) in &errors.0 {
                    @if *f == "attachments" { p.field-error { (m.render(lang)) } }
                }
            }
        } @else if errors.get("attachments").is_some() {
            // Files were sent where none may be attached: say so, without an input.
            div.field.has-error {
                @for (f, m) in &errors.0 {
                    @if *f == "attachments" { p.field-error { (m.render(lang)) } }
                }
            }
        }
    }
}

/// `GET /tickets/new` (`?template=` or `?copy=` fill it from another ticket).
pub async fn new_page(
    State(state): State<AppState>,
    authed: Authed,
    Query(q): Query<NewQuery>,
) -> Result<Response, WebError> {
    let actor = actor(&authed);
    let visitor = &authed.visitor;
    let form = actor.new_form();
    let mut values = tickets::defaults(actor, form, clock::now());
    let source = tickets::page::new_ticket_source(state.db(), actor, q.template, q.copy).await?;
    if let Some(source) = source {
        values = tickets::copied_from(&source, values);
    }
    let page = load_new(&state, actor, visitor.lang, &values, Vec::new()).await?;
    Ok(new_view(
        visitor,
        actor,
        &view::texts(&values),
        &page,
        &FieldErrors::new(),
        None,
    )
    .into_response())
}

/// How many new files a ticket form of `actor` may bring (see [`tickets::upload_room`]).
pub(super) async fn room_for(
    state: &AppState,
    actor: &Actor,
    ticket: Option<TicketId>,
) -> Result<upload::Allowance, WebError> {
    let room = tickets::page::upload_room(state.db(), actor, ticket).await?;
    Ok(upload::Allowance::from_room(room))
}

/// `POST /tickets`.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let actor = actor(&authed);
    let visitor = &authed.visitor;
    let room = room_for(&state, actor, None).await?;
    let sent = upload::read(multipart, &state, &visitor.settings, actor.user.id.0, room).await?;
    let result = if sent.errors.is_empty() {
        tickets::create(state.db(), actor, sent.fields.clone(), sent.pending.clone()).await
    } else {
        Err(DomainError::Invalid(sent.errors.clone()))
    };
    match result {
        Ok(id) => Ok(redirect_with_flash(
            &fill(paths::TICKET, &[&id]),
            Flash::TicketCreated,
            visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            reshow_new(&state, visitor, actor, &sent, &errors, None).await
        }
        Err(DomainError::Conflict(m)) => {
            reshow_new(&state, visitor, actor, &sent, &FieldErrors::new(), Some(&m)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn reshow_new(
    state: &AppState,
    visitor: &Visitor,
    actor: &Actor,
    sent: &Submitted,
    errors: &FieldErrors,
    banner: Option<&Msg>,
) -> Result<Response, WebError> {
    let base = tickets::defaults(actor, actor.new_form(), clock::now());
    let page = load_new(state, actor, visitor.lang, &base, sent.pending.clone()).await?;
    let mut values = view::texts(&base);
    values.extend(sent.fields.iter().map(|(k, v)| (k.clone(), v.clone())));
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        new_view(visitor, actor, &values, &page, errors, banner),
    )
        .into_response())
}
