//! Administration > API: the tokens integrations call the API with (each acting as a chosen
//! user, optionally read-only and expiring), made here and shown once, listed with their last
//! use, revocable; and the latest calls.

use axum::extract::{Path, State};
use axum::http::header::CACHE_CONTROL;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;

use maud::{Markup, html};

use crate::domain::api::{self, NewToken, TokenRow};
use crate::domain::clock;
use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::ids::ApiTokenId;
use crate::domain::settings::Section;
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

use super::settings::{current_values, fieldsets, save_sections_or_reshow};

/// Calls listed on the page.
const CALLS_SHOWN: i64 = 50;

/// The settings shown on this page.
const SECTIONS: [(Section, &str); 1] = [(Section::Api, "settings-section-api")];

/// What the form shows: what was typed, what is wrong, and the secret of a token just made;
/// and the settings as typed, with what is wrong with them, when they were refused.
#[derive(Default)]
struct Form {
    typed: NewToken,
    errors: FieldErrors,
    made: Option<String>,
    settings: Option<(HashMap<&'static str, String>, FieldErrors)>,
}

/// `GET /admin/api`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    render(&state, &authed, Form::default()).await
}

/// `POST /admin/api`: makes a token and shows its secret once.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let typed = NewToken {
        name: form.get("name").to_owned(),
        login: form.get("login").to_owned(),
        days: form.get("days").to_owned(),
        read_only: form.get("read_only") == "1",
    };
    let actor = authed.session.actor.clone();
    match api::create(state.db(), &actor, typed.clone(), clock::now()).await {
        Ok((_, secret)) => {
            let mut response = render(
                &state,
                &authed,
                Form {
                    made: Some(secret),
                    ..Form::default()
                },
            )
            .await?;
            // The secret is in this answer only: no cache keeps it.
            response.headers_mut().insert(
                CACHE_CONTROL,
                "no-store".parse().map_err(WebError::internal)?,
            );
            Ok(response)
        }
        Err(DomainError::Invalid(errors)) => {
            let mut response = render(
                &state,
                &authed,
                Form {
                    typed,
                    errors,
                    ..Form::default()
                },
            )
            .await?;
            *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/api/settings`: the pace and the call log's length.
pub async fn save_settings(
    State(state): State<AppState>,
    authed: Authed,
    form: FormPairs,
) -> Result<Response, WebError> {
    let st = &state;
    let me = &authed;
    save_sections_or_reshow(
        st,
        me,
        &form,
        &SECTIONS,
        paths::ADMIN_API,
        |values, errors| async move {
            let form = Form {
                settings: Some((values, errors)),
                ..Form::default()
            };
            markup(st, me, &form).await
        },
    )
    .await
}

/// `POST /admin/api/{id}/revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<ApiTokenId>,
) -> Result<Response, WebError> {
    api::revoke(state.db(), &authed.session.actor, id, clock::now()).await?;
    Ok(redirect_with_flash(
        paths::ADMIN_API,
        Flash::TokenRevoked,
        authed.visitor.secure,
    ))
}

async fn render(state: &AppState, authed: &Authed, form: Form) -> Result<Response, WebError> {
    Ok(markup(state, authed, &form).await?.into_response())
}

async fn markup(state: &AppState, authed: &Authed, form: &Form) -> Result<Markup, WebError> {
    let actor = &authed.session.actor;
    let tokens = api::list(state.db(), actor).await?;
    let calls = api::recent_calls(state.db(), actor, CALLS_SHOWN).await?;
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let now = clock::now();
    let content = html! {
        (super::settings::tabs(visitor, paths::ADMIN_API))
        p.hint { (lang.t("api-intro")) " " a href=(paths::API_REFERENCE) { (lang.t("api-ref-link")) } }
        @if let Some(secret) = &form.made {
            section.panel.api-secret role="status" {
                h2 { (lang.t("api-token-made")) }
                p { (lang.t("api-token-made-once")) }
                input.api-secret-value type="text" readonly value=(secret) aria-label=(lang.t("api-token-secret"));
                p.hint { (lang.t("api-token-usage")) }
                pre { code { "curl -H \"Authorization: Bearer " (secret) "\" " (state.urls().first().map_or("", String::as_str)) (paths::API_ME) } }
            }
        }
        section.panel #new-token {
            h2 { (lang.t("api-token-new")) }
            (form_error(lang, (!form.errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(paths::ADMIN_API) novalidate {
                (csrf_field(visitor))
                (Input::text("name", msg("api-token-name"), &form.typed.name).required().render(lang, &form.errors))
                (Input::text("login", msg("api-token-login"), &form.typed.login).required().autocomplete("off").render(lang, &form.errors))
                (Input::text("days", msg("api-token-days"), &form.typed.days).kind("number").render(lang, &form.errors))
                (checkbox(lang, "read_only", &msg("api-token-read-only"), form.typed.read_only, Some(&msg("api-token-read-only-help"))))
                button.button type="submit" { (lang.t("api-token-create")) }
            }
        }
        section.panel #tokens {
            h2 { (lang.t("api-tokens")) }
            (tokens_table(visitor, &tokens, now))
        }
        section.panel #api-settings {
            h2 { (lang.t("settings-section-api")) }
            @let (values, errors) = match &form.settings {
                Some((v, e)) => (v.clone(), e.clone()),
                None => (current_values(visitor), FieldErrors::new()),
            };
            (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            form.stack method="post" action=(paths::ADMIN_API_SETTINGS) novalidate {
                (csrf_field(visitor))
                (fieldsets(visitor, &SECTIONS, &values, &errors))
                button.button type="submit" { (lang.t("action-save")) }
            }
        }
        section.panel #calls {
            h2 { (lang.t("api-calls")) }
            @if calls.is_empty() {
                p.muted { (lang.t("api-calls-none")) }
            } @else {
                div.table-wrap {
                    table.data-table {
                        thead { tr {
                            th scope="col" { (lang.t("api-call-at")) }
                            th scope="col" { (lang.t("api-token-name")) }
                            th scope="col" { (lang.t("api-token-user")) }
                            th scope="col" { (lang.t("api-call-request")) }
                            th scope="col" { (lang.t("api-call-status")) }
                            th scope="col" { (lang.t("api-call-ms")) }
                        } }
                        tbody {
                            @for c in &calls {
                                tr {
                                    td { (format_datetime(lang, c.at)) }
                                    td { (c.token_name) }
                                    td { (c.user_name) }
                                    td { code { (c.method) " " (c.route) } }
                                    td { (c.status) }
                                    td { (c.ms) }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(visitor, &lang.t("api-title"), content))
}

fn tokens_table(visitor: &Visitor, tokens: &[TokenRow], now: i64) -> Markup {
    let lang = visitor.lang;
    if tokens.is_empty() {
        return html! { p.muted { (lang.t("api-tokens-none")) } };
    }
    html! {
        div.table-wrap {
            table.data-table {
                thead { tr {
                    th scope="col" { (lang.t("api-token-name")) }
                    th scope="col" { (lang.t("api-token-user")) }
                    th scope="col" { (lang.t("api-token-start")) }
                    th scope="col" { (lang.t("api-token-scope")) }
                    th scope="col" { (lang.t("api-token-expires")) }
                    th scope="col" { (lang.t("api-token-last-used")) }
                    th scope="col" { (lang.t("api-token-state")) }
                    th scope="col" { span.visually-hidden { (lang.t("outbox-actions")) } }
                } }
                tbody {
                    @for t in tokens {
                        @let expired = t.expires_at.is_some_and(|e| e <= now);
                        tr data-token=(t.id) {
                            td { (t.name) }
                            td { (t.user_name) }
                            td { code { (t.prefix) "…" } }
                            td { (lang.t(if t.read_only { "api-scope-read" } else { "api-scope-write" })) }
                            td { @match t.expires_at { Some(e) => (format_datetime(lang, e)), None => (lang.t("api-never")) } }
                            td { @match t.last_used_at { Some(u) => (format_datetime(lang, u)), None => (lang.t("api-never-used")) } }
                            td.api-token-state {
                                @if let Some(r) = t.revoked_at {
                                    (lang.t_args("api-state-revoked", &[("when", &format_datetime(lang, r))]))
                                } @else if expired {
                                    (lang.t("api-state-expired"))
                                } @else {
                                    (lang.t("api-state-active"))
                                }
                            }
                            td.actions {
                                @if t.revoked_at.is_none() {
                                    (action_button(visitor, &paths::fill(paths::ADMIN_API_REVOKE, &[&t.id]), &lang.t("api-revoke"), "button-danger", Some(&lang.t("api-revoke-confirm"))))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
