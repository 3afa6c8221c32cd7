//! Logging in and out, and choosing the language before logging in.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::SET_COOKIE;
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::FieldErrors;
use crate::domain::auth::{self, LoginOutcome, Origin};
use crate::i18n::{Lang, Msg, msg};

use super::cookies::{self, Lifetime};
use super::error::WebError;
use super::extract::{Authed, FormData, Page};
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
        .get(paths::LOGIN, Access::Anyone, login_page)
        .post(paths::LOGIN, Access::Anyone, login_submit)
        .post(paths::LOGOUT, Access::LoggedIn, logout)
        .post(paths::LANGUAGE, Access::Anyone, choose_language)
}

#[derive(Debug, Default, Deserialize)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

#[derive(Debug, Default, Deserialize)]
struct LoginForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// Where to go after logging in: `next` when it is a local path, else home.
fn destination(next: &str) -> &str {
    if paths::is_local_path(next) {
        next
    } else {
        paths::HOME
    }
}

/// Adds a flash cookie to a redirect.
pub fn redirect_with_flash(to: &str, flash: Flash, secure: bool) -> Response {
    (
        AppendHeaders([(
            SET_COOKIE,
            cookies::set(cookies::FLASH, flash.code(), Lifetime::Seconds(60), secure),
        )]),
        Redirect::to(to),
    )
        .into_response()
}

/// Logs `user` in without a password (right after the account was created) and sends them home
/// with `flash`.
pub async fn start_session(
    state: &AppState,
    visitor: &Visitor,
    user: &crate::domain::users::User,
    flash: Flash,
) -> Result<Response, WebError> {
    let origin = Origin {
        ip: visitor.ip.clone(),
        user_agent: visitor.user_agent.clone(),
    };
    let session = auth::open_session(state.db(), user, origin).await?;
    let mut response = redirect_with_flash(paths::HOME, flash, visitor.secure);
    super::visitor::append_cookies(
        response.headers_mut(),
        &session_cookies(&session.token, visitor.secure),
    );
    Ok(response)
}

/// The cookies of a fresh session: the session token, and the pre-login CSRF cookie removed.
fn session_cookies(token: &str, secure: bool) -> [String; 2] {
    [
        cookies::set(cookies::SESSION, token, Lifetime::Session, secure),
        cookies::set(cookies::ANON_CSRF, "", Lifetime::Remove, secure),
    ]
}

async fn login_page(
    State(state): State<AppState>,
    Page(visitor): Page,
    Query(query): Query<NextQuery>,
) -> Result<Response, WebError> {
    if visitor.session.is_some() {
        return Ok(Redirect::to(destination(&query.next)).into_response());
    }
    if state.pending_setup().await?.is_some() {
        return Ok(Redirect::to(paths::HOME).into_response());
    }
    Ok(login_view(&visitor, "", &query.next, &FieldErrors::new(), None).into_response())
}

async fn login_submit(
    State(state): State<AppState>,
    Page(visitor): Page,
    FormData(form): FormData<LoginForm>,
) -> Result<Response, WebError> {
    let login = form.login.trim();
    let mut errors = FieldErrors::new();
    if login.is_empty() {
        errors.add("login", msg("error-login-required"));
    }
    if form.password.is_empty() {
        errors.add("password", msg("error-required"));
    }
    if !errors.is_empty() {
        let page = login_view(&visitor, &form.login, &form.next, &errors, None);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let origin = Origin {
        ip: visitor.ip.clone(),
        user_agent: visitor.user_agent.clone(),
    };
    let outcome = auth::login(
        state.db(),
        state.gate(),
        &crate::directory_sync::LdapLogins,
        login,
        &form.password,
        origin,
    )
    .await?;
    match outcome {
        LoginOutcome::Success { session, .. } => {
            let mut response = Redirect::to(destination(&form.next)).into_response();
            super::visitor::append_cookies(
                response.headers_mut(),
                &session_cookies(&session.token, visitor.secure),
            );
            Ok(response)
        }
        LoginOutcome::SecondFactor { token, .. } => Ok(super::two_factor::password_accepted(
            &token,
            &form.next,
            visitor.secure,
        )),
        LoginOutcome::Invalid => {
            let banner = msg("login-error-invalid");
            let page = login_view(&visitor, &form.login, &form.next, &errors, Some(&banner));
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
        LoginOutcome::Throttled(refusal) => {
            let key = match refusal {
                auth::Refusal::Account { .. } => "login-error-throttled",
                auth::Refusal::Address { .. } => "login-error-address-throttled",
            };
            let banner = msg(key).arg("minutes", refusal.minutes());
            let page = login_view(&visitor, &form.login, &form.next, &errors, Some(&banner));
            Ok((StatusCode::TOO_MANY_REQUESTS, page).into_response())
        }
        LoginOutcome::DirectoryUnreachable => {
            let banner = msg("login-error-directory-unreachable");
            let page = login_view(&visitor, &form.login, &form.next, &errors, Some(&banner));
            Ok((StatusCode::SERVICE_UNAVAILABLE, page).into_response())
        }
        LoginOutcome::Busy => {
            let banner = msg("login-error-busy");
            let page = login_view(&visitor, &form.login, &form.next, &errors, Some(&banner));
            Ok((StatusCode::TOO_MANY_REQUESTS, page).into_response())
        }
    }
}

fn login_view(
    visitor: &Visitor,
    login: &str,
    next: &str,
    errors: &FieldErrors,
    banner: Option<&Msg>,
) -> Markup {
    let lang = visitor.lang;
    let title = lang.t("login-title");
    let notice = visitor
        .settings
        .raw(crate::domain::settings::LOGIN_MESSAGE)
        .trim();
    let content = html! {
        @if !notice.is_empty() {
            div.alert.alert-info.login-message role="note" { (notice) }
        }
        (form_error(lang, banner))
        form.stack method="post" action=(paths::LOGIN) novalidate {
            (csrf_field(visitor))
            input type="hidden" name="next" value=(next);
            (Input::text("login", msg("login-field-login"), login)
                .required().autocomplete("username").autofocus().render(lang, errors))
            (Input::password("password", msg("login-field-password"), "current-password")
                .required().render(lang, errors))
            button.button.button-primary type="submit" { (lang.t("login-submit")) }
        }
        p.forgot-link { a href=(paths::PASSWORD_FORGOT) { (lang.t("login-forgot")) } }
        @if visitor.settings.flag(crate::domain::settings::USER_REGISTER) {
            p.register-link { a href=(paths::REGISTER) { (lang.t("login-register")) } }
        }
        (language_switch(visitor))
    };
    layout::card_page(visitor, &title, content)
}

/// Buttons to switch the language of the pages shown before logging in.
pub fn language_switch(visitor: &Visitor) -> Markup {
    let lang = visitor.lang;
    html! {
        form.language-switch method="post" action=(paths::LANGUAGE) {
            (csrf_field(visitor))
            input type="hidden" name="next" value=(visitor.path);
            span.visually-hidden { (lang.t("login-language")) }
            @for other in Lang::ALL {
                button.link-button type="submit" name="lang" value=(other.code())
                    aria-pressed=(if other == lang { "true" } else { "false" })
                    lang=(other.code()) {
                    (other.t("language-name"))
                }
            }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    next: String,
}

async fn choose_language(
    Page(visitor): Page,
    FormData(form): FormData<LanguageForm>,
) -> Result<Response, WebError> {
    let Some(lang) = Lang::from_code(&form.lang) else {
        return Err(WebError::BadRequest);
    };
    let cookie = cookies::set(
        cookies::LANGUAGE,
        lang.code(),
        Lifetime::Seconds(365 * 24 * 3600),
        visitor.secure,
    );
    Ok((
        AppendHeaders([(SET_COOKIE, cookie)]),
        Redirect::to(destination(&form.next)),
    )
        .into_response())
}

async fn logout(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    auth::logout(
        state.db(),
        authed.session.token_hash.clone(),
        authed.session.actor.user.clone(),
        visitor.ip.clone(),
    )
    .await?;
    state.hub().sessions_changed();
    let mut response = redirect_with_flash(paths::LOGIN, Flash::LoggedOut, visitor.secure);
    super::visitor::append_cookies(
        response.headers_mut(),
        &[cookies::set(
            cookies::SESSION,
            "",
            Lifetime::Remove,
            visitor.secure,
        )],
    );
    Ok(response)
}
