//! Administration > Webhooks: the addresses told of ticket events, each with the events it
//! wants and its signing secret; a hook's page lists its deliveries with the receiver's last
//! answer, sends a test event, and sends a failed delivery again.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::clock;
use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::ids::{DeliveryId, WebhookId};
use crate::domain::webhooks::{self, DeliveryRow, DeliveryState, Event, Hook, HookForm, HookRow};
use crate::i18n::{format_datetime, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{Input, action_button, checkbox, csrf_field, form_error};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

/// Deliveries listed on a hook's page.
const DELIVERIES_SHOWN: i64 = 100;

fn typed(form: &FormPairs) -> HookForm {
    HookForm {
        url: form.get("url").to_owned(),
        events: form
            .get_all("events")
            .into_iter()
            .map(str::to_owned)
            .collect(),
        active: form.get("active") == "1",
    }
}

/// `GET /admin/webhooks`.
pub async fn list(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let fresh = HookForm {
        events: Event::CHOSEN.iter().map(|e| e.code().to_owned()).collect(),
        active: true,
        ..HookForm::default()
    };
    render_list(&state, &authed, &fresh, &FieldErrors::new()).await
}

/// `POST /admin/webhooks`: registers a hook and opens its page (with its secret).
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let typed = typed(&form);
    match webhooks::create(
        state.db(),
        &authed.session.actor,
        typed.clone(),
        clock::now(),
    )
    .await
    {
        Ok(id) => Ok(redirect_with_flash(
            &paths::fill(paths::ADMIN_WEBHOOK, &[&id]),
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            let mut response = render_list(&state, &authed, &typed, &errors).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /admin/webhooks/{id}`.
pub async fn show(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<WebhookId>,
) -> Result<Response, WebError> {
    let hook = webhooks::get(state.db(), &authed.session.actor, id).await?;
    let form = hook.form();
    render_hook(&state, &authed, &hook, &form, &FieldErrors::new()).await
}

/// `POST /admin/webhooks/{id}`: saves its address, events and switch.
pub async fn update(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<WebhookId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let typed = typed(&form);
    let actor = &authed.session.actor;
    match webhooks::update(state.db(), actor, id, typed.clone()).await {
        Ok(()) => Ok(redirect_with_flash(
            &paths::fill(paths::ADMIN_WEBHOOK, &[&id]),
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => {
            let hook = webhooks::get(state.db(), actor, id).await?;
            let mut response = render_hook(&state, &authed, &hook, &typed, &errors).await?;
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/webhooks/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<WebhookId>,
) -> Result<Response, WebError> {
    webhooks::delete(state.db(), &authed.session.actor, id).await?;
    Ok(redirect_with_flash(
        paths::ADMIN_WEBHOOKS,
        Flash::WebhookDeleted,
        authed.visitor.secure,
    ))
}

/// `POST /admin/webhooks/{id}/ping`: queues a test event.
pub async fn ping(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<WebhookId>,
) -> Result<Response, WebError> {
    webhooks::ping(state.db(), &authed.session.actor, id, clock::now()).await?;
    Ok(redirect_with_flash(
        &paths::fill(paths::ADMIN_WEBHOOK, &[&id]),
        Flash::WebhookPinged,
        authed.visitor.secure,
    ))
}

/// `POST /admin/webhook-deliveries/{id}/retry`: sends a delivery again now.
pub async fn retry(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<DeliveryId>,
) -> Result<Response, WebError> {
    let hook = webhooks::retry(state.db(), &authed.session.actor, id, clock::now()).await?;
    Ok(redirect_with_flash(
        &paths::fill(paths::ADMIN_WEBHOOK, &[&hook]),
        Flash::DeliveryRequeued,
        authed.visitor.secure,
    ))
}

/// The address, events and switch of a hook's form.
fn fields(visitor: &Visitor, form: &HookForm, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    let events_error = errors.get("events");
    html! {
        (Input::text("url", msg("webhook-url"), &form.url).kind("url").required().autocomplete("off").render(lang, errors))
        p.hint { (lang.t("webhook-url-help")) }
        fieldset.field.webhook-events aria-describedby=[events_error.map(|_| "f-events-error")] {
            legend { (lang.t("webhook-events")) }
            @for e in Event::CHOSEN {
                @let id = format!("f-event-{}", e.bit());
                div.field-check {
                    input type="checkbox" id=(id) name="events" value=(e.code()) checked[form.events.iter().any(|c| c == e.code())];
                    label for=(id) { (lang.t(e.label())) " " code { (e.code()) } }
                }
            }
            @if let Some(m) = events_error {
                p.field-error id="f-events-error" { (m.render(lang)) }
            }
        }
        (checkbox(lang, "active", &msg("webhook-active"), form.active, None))
    }
}

async fn render_list(
    state: &AppState,
    authed: &Authed,
    form: &HookForm,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let hooks = webhooks::list(state.db(), &authed.session.actor).await?;
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let content = html! {
        (super::settings::tabs(visitor, paths::ADMIN_WEBHOOKS))
        p.hint { (lang.t("webhook-intro")) }
        section.panel #hooks {
            h2 { (lang.t("webhooks")) }
            (hooks_table(visitor, &hooks))
        }
        section.panel #new-hook {
            h2 { (lang.t("webhook-new")) }
            (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(paths::ADMIN_WEBHOOKS) novalidate {
                (csrf_field(visitor))
                (fields(visitor, form, errors))
                button.button type="submit" { (lang.t("webhook-create")) }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("webhooks-title"), content).into_response())
}

fn events_text(visitor: &Visitor, events: &[Event]) -> String {
    events
        .iter()
        .map(|e| visitor.lang.t(e.label()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn hooks_table(visitor: &Visitor, hooks: &[HookRow]) -> Markup {
    let lang = visitor.lang;
    if hooks.is_empty() {
        return html! { p.muted { (lang.t("webhooks-none")) } };
    }
    html! {
        div.table-wrap {
            table.data-table {
                thead { tr {
                    th scope="col" { (lang.t("webhook-url")) }
                    th scope="col" { (lang.t("webhook-events")) }
                    th scope="col" { (lang.t("webhook-switch")) }
                    th scope="col" { (lang.t("webhook-waiting")) }
                    th scope="col" { (lang.t("webhook-failed")) }
                    th scope="col" { (lang.t("webhook-last")) }
                } }
                tbody {
                    @for row in hooks {
                        tr data-hook=(row.hook.id) {
                            td.webhook-url { a href=(paths::fill(paths::ADMIN_WEBHOOK, &[&row.hook.id])) { (row.hook.url) } }
                            td { (events_text(visitor, &row.hook.events)) }
                            td { (lang.t(if row.hook.active { "webhook-on" } else { "webhook-off" })) }
                            td { (row.waiting) }
                            td { (row.failed) }
                            td {
                                @match row.last {
                                    Some((at, status, state)) => {
                                        (format_datetime(lang, at)) " · "
                                        span class=(state_class(state)) { (status_text(visitor, status)) }
                                    }
                                    None => span.muted { (lang.t("webhook-never")) },
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn state_class(state: DeliveryState) -> &'static str {
    match state {
        DeliveryState::Delivered => "webhook-ok",
        DeliveryState::Failed => "webhook-bad",
        DeliveryState::Queued | DeliveryState::Sending => "webhook-wait",
    }
}

fn status_text(visitor: &Visitor, status: Option<u16>) -> String {
    match status {
        Some(s) => s.to_string(),
        None => visitor.lang.t("webhook-unreached"),
    }
}

async fn render_hook(
    state: &AppState,
    authed: &Authed,
    hook: &Hook,
    form: &HookForm,
    errors: &FieldErrors,
) -> Result<Response, WebError> {
    let actor = &authed.session.actor;
    let deliveries = webhooks::deliveries(state.db(), actor, hook.id, DELIVERIES_SHOWN).await?;
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let action = paths::fill(paths::ADMIN_WEBHOOK, &[&hook.id]);
    let content = html! {
        (super::settings::tabs(visitor, paths::ADMIN_WEBHOOKS))
        p { a href=(paths::ADMIN_WEBHOOKS) { "← " (lang.t("webhooks")) } }
        section.panel #hook {
            h2 { (lang.t("webhook-edit")) }
            (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(action) novalidate {
                (csrf_field(visitor))
                (fields(visitor, form, errors))
                button.button type="submit" { (lang.t("action-save")) }
            }
            div.webhook-actions {
                (action_button(visitor, &paths::fill(paths::ADMIN_WEBHOOK_PING, &[&hook.id]), &lang.t("webhook-ping"), "", None))
                (action_button(visitor, &paths::fill(paths::ADMIN_WEBHOOK_DELETE, &[&hook.id]), &lang.t("webhook-delete"), "button-danger", Some(&lang.t("webhook-delete-confirm"))))
            }
        }
        section.panel #signing {
            h2 { (lang.t("webhook-signing")) }
            p.hint { (lang.t("webhook-signing-help")) }
            input.api-secret-value type="text" readonly value=(hook.secret) aria-label=(lang.t("webhook-secret"));
            pre.webhook-check { code { (SIGNATURE_CHECK) } }
        }
        section.panel #deliveries {
            h2 { (lang.t("webhook-deliveries")) }
            (deliveries_table(visitor, &deliveries))
        }
    };
    Ok(layout::page(visitor, &lang.t("webhooks-title"), content).into_response())
}

/// How a receiver checks a delivery, in Python (shown as text).
const SIGNATURE_CHECK: &str = "import hmac, hashlib, time
def genuine(secret: str, header: str, body: bytes) -> bool:
    parts = dict(p.split(\"=\", 1) for p in header.split(\",\"))
    if abs(time.time() - int(parts[\"t\"])) > 300:
        return False
    mac = hmac.new(secret.encode(), parts[\"t\"].encode() + b\".\" + body, hashlib.sha256)
    return hmac.compare_digest(mac.hexdigest(), parts[\"v1\"])";

fn deliveries_table(visitor: &Visitor, rows: &[DeliveryRow]) -> Markup {
    let lang = visitor.lang;
    if rows.is_empty() {
        return html! { p.muted { (lang.t("webhook-deliveries-none")) } };
    }
    html! {
        div.table-wrap {
            table.data-table.webhook-deliveries {
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (lang.t("webhook-event")) }
                    th scope="col" { (lang.t("webhook-ticket")) }
                    th scope="col" { (lang.t("webhook-queued-at")) }
                    th scope="col" { (lang.t("webhook-state")) }
                    th scope="col" { (lang.t("webhook-tries")) }
                    th scope="col" { (lang.t("webhook-answer")) }
                    th scope="col" { span.visually-hidden { (lang.t("outbox-actions")) } }
                } }
                tbody {
                    @for d in rows {
                        tr data-delivery=(d.id) data-state=(d.state.code()) {
                            td { (d.id) }
                            td { code { (d.event) } }
                            td { @if let Some(t) = d.ticket { a href=(paths::fill(paths::TICKET, &[&t])) { "#" (t) } } }
                            td { (format_datetime(lang, d.created_at)) }
                            td {
                                span class=(state_class(d.state)) { (lang.t(d.state.label())) }
                                @if d.state == DeliveryState::Queued && d.attempts > 0 {
                                    br;
                                    span.muted { (lang.t_args("webhook-next-try", &[("when", &format_datetime(lang, d.next_at))])) }
                                }
                            }
                            td { (d.attempts) }
                            td.webhook-answer {
                                @if let Some(at) = d.last_at {
                                    (format_datetime(lang, at)) " · " strong { (status_text(visitor, d.last_status)) }
                                    @if let Some(ms) = d.last_ms { " · " (ms) " ms" }
                                    @if let Some(a) = d.last_answer.as_deref().filter(|a| !a.is_empty()) {
                                        br;
                                        code.webhook-answer-text { (a) }
                                    }
                                }
                            }
                            td.actions {
                                @if matches!(d.state, DeliveryState::Failed | DeliveryState::Queued) && d.attempts > 0 {
                                    (action_button(visitor, &paths::fill(paths::ADMIN_WEBHOOK_RETRY, &[&d.id]), &lang.t("webhook-retry"), "", None))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
