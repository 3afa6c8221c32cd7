//! "Forgot your password?": asking for a link by mail (the same answer whether the account
//! exists or not), and choosing a new password through the link.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::auth::reset;
use crate::domain::settings::SERVER_URL;
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;

use super::auth::redirect_with_flash;
use super::error::WebError;
use super::extract::{FormData, Page};
use super::flash::Flash;
use super::paths;
use super::routes::{Access, Routes};
use super::state::AppState;
use super::ui::form::{Input, csrf_field, form_error};
use super::ui::layout;
use super::visitor::Visitor;

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::PASSWORD_FORGOT, Access::Anyone, ask_page)
        .post(paths::PASSWORD_FORGOT, Access::Anyone, ask)
        .get(paths::PASSWORD_RESET, Access::Anyone, reset_page)
        .post(paths::PASSWORD_RESET, Access::Anyone, reset_submit)
}

#[derive(Debug, Default, Deserialize)]
struct AskForm {
    #[serde(default)]
    who: String,
}

#[derive(Debug, Default, Deserialize)]
struct ResetForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

fn ask_view(visitor: &Visitor, who: &str, sent: bool) -> Markup {
    let lang = visitor.lang;
    let content = html! {
        @if sent {
            div.alert.alert-info role="status" #reset-asked { (lang.t("reset-asked")) }
        } @else {
            p.lead { (lang.t("reset-intro")) }
        }
        form.stack method="post" action=(paths::PASSWORD_FORGOT) novalidate {
            (csrf_field(visitor))
            (Input::text("who", msg("reset-field-who"), who).required().autocomplete("username").autofocus().render(lang, &FieldErrors::new()))
            button.button.button-primary type="submit" { (lang.t("reset-send")) }
        }
        p { a href=(paths::LOGIN) { (lang.t("reset-back-to-login")) } }
    };
    layout::card_page(visitor, &lang.t("reset-title"), content)
}

/// `GET /password/forgot`.
async fn ask_page(Page(visitor): Page) -> Result<Response, WebError> {
    Ok(ask_view(&visitor, "", false).into_response())
}

/// The address links start with: the server address from the settings, else this server's own
/// LAN address. Never the request's `Host`, which whoever asks chooses: a link to their site
/// would carry the victim's token there.
fn base(state: &AppState, visitor: &Visitor) -> String {
    let set = visitor.settings.raw(SERVER_URL).trim();
    if !set.is_empty() {
        return set.to_owned();
    }
    state.lan_url()
}

/// `POST /password/forgot`: always the same answer.
async fn ask(
    State(state): State<AppState>,
    Page(visitor): Page,
    FormData(form): FormData<AskForm>,
) -> Result<Response, WebError> {
    if form.who.trim().is_empty() {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            ask_view(&visitor, "", false),
        )
            .into_response());
    }
    reset::request(
        state.db(),
        form.who.clone(),
        visitor.ip.clone(),
        base(&state, &visitor),
    )
    .await?;
    Ok(ask_view(&visitor, "", true).into_response())
}

fn reset_view(visitor: &Visitor, token: &str, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    let content = html! {
        (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
        form.stack method="post" action=(reset::path(token)) novalidate {
            (csrf_field(visitor))
            (Input::password("password", msg("reset-field-password"), "new-password").required().autofocus().render(lang, errors))
            (Input::password("password_confirm", msg("reset-field-confirm"), "new-password").required().render(lang, errors))
            button.button.button-primary type="submit" { (lang.t("reset-submit")) }
        }
    };
    layout::card_page(visitor, &lang.t("reset-choose-title"), content)
}

fn dead_view(visitor: &Visitor) -> Response {
    let lang = visitor.lang;
    let content = html! {
        p.error-text #reset-dead { (lang.t("reset-link-dead")) }
        p { a.button href=(paths::PASSWORD_FORGOT) { (lang.t("reset-ask-again")) } }
    };
    (
        StatusCode::NOT_FOUND,
        layout::card_page(visitor, &lang.t("reset-title"), content),
    )
        .into_response()
}

/// `GET /password/reset/{token}`.
async fn reset_page(
    State(state): State<AppState>,
    Page(visitor): Page,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    if !reset::is_live(state.db(), token.clone()).await? {
        return Ok(dead_view(&visitor));
    }
    Ok(reset_view(&visitor, &token, &FieldErrors::new()).into_response())
}

/// `POST /password/reset/{token}`.
async fn reset_submit(
    State(state): State<AppState>,
    Page(visitor): Page,
    Path(token): Path<String>,
    FormData(form): FormData<ResetForm>,
) -> Result<Response, WebError> {
    match reset::complete(
        state.db(),
        token.clone(),
        form.password,
        form.password_confirm,
        visitor.ip.clone(),
    )
    .await
    {
        Ok(()) => {
            state.hub().sessions_changed();
            Ok(redirect_with_flash(
                paths::LOGIN,
                Flash::PasswordChanged,
                visitor.secure,
            ))
        }
        Err(DomainError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            reset_view(&visitor, &token, &errors),
        )
            .into_response()),
        Err(DomainError::Conflict(_)) => Ok(dead_view(&visitor)),
        Err(e) => Err(e.into()),
    }
}
