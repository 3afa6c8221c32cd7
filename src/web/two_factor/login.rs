//! The second step of a login: the six-digit code from the authenticator app (or a recovery
//! code), after the password. An account whose profile must have the second factor and has not
//! set it up does so here first: the QR code, the key, and a first code.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use serde::Deserialize;

use crate::domain::auth::Origin;
use crate::domain::auth::second_factor::{self, CodeOutcome};
use crate::i18n::{Msg, msg};
use crate::web::cookies::{self, Lifetime};
use crate::web::error::WebError;
use crate::web::extract::{FormData, Page};
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{csrf_field, form_error};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

/// The login waits: its token goes in a cookie for as long as it waits, and the browser to the
/// code page (with where to go next).
pub fn password_accepted(token: &str, next: &str, secure: bool) -> Response {
    let to = if paths::is_local_path(next) {
        let query = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
        format!("{}?{query}", paths::LOGIN_CODE)
    } else {
        paths::LOGIN_CODE.to_owned()
    };
    let mut response = Redirect::to(&to).into_response();
    crate::web::visitor::append_cookies(
        response.headers_mut(),
        &[cookies::set(
            cookies::SECOND_FACTOR,
            token,
            Lifetime::Seconds(second_factor::PENDING_SECS),
            secure,
        )],
    );
    response
}

#[derive(Debug, Default, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

/// The page asking for the code, with `banner` above it.
fn view(
    visitor: &Visitor,
    pending: &second_factor::Pending,
    next: &str,
    banner: Option<&Msg>,
) -> maud::Markup {
    let lang = visitor.lang;
    let content = html! {
        (form_error(lang, banner))
        @if let Some(secret) = &pending.enroll {
            div.alert.alert-info role="note" { (lang.t("two-factor-required-setup")) }
            (super::profile::setup_help(lang, &pending.login, secret))
        } @else {
            p { (lang.t("two-factor-login-help")) }
        }
        form.stack method="post" action=(paths::LOGIN_CODE) novalidate {
            (csrf_field(visitor))
            input type="hidden" name="next" value=(next);
            div.field {
                label for="code" { (lang.t("two-factor-code")) }
                input #code name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                    autofocus required maxlength="20";
                @if pending.enroll.is_none() {
                    p.hint { (lang.t("two-factor-code-or-recovery")) }
                }
            }
            button.button.button-primary type="submit" { (lang.t("two-factor-verify")) }
        }
        p { a href=(paths::LOGIN) { (lang.t("two-factor-start-again")) } }
    };
    layout::card_page(visitor, &lang.t("two-factor-login-title"), content)
}

/// Back to the password, saying the wait is over.
fn start_again(visitor: &Visitor) -> Response {
    let mut response = crate::web::auth::redirect_with_flash(
        paths::LOGIN,
        crate::web::flash::Flash::SessionExpired,
        visitor.secure,
    );
    crate::web::visitor::append_cookies(
        response.headers_mut(),
        &[cookies::set(
            cookies::SECOND_FACTOR,
            "",
            Lifetime::Remove,
            visitor.secure,
        )],
    );
    response
}

/// `GET /login/code`.
pub async fn page(
    State(state): State<AppState>,
    Page(visitor): Page,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<NextQuery>,
) -> Result<Response, WebError> {
    let token = cookies::get(&headers, cookies::SECOND_FACTOR).unwrap_or_default();
    if token.is_empty() {
        return Ok(Redirect::to(paths::LOGIN).into_response());
    }
    match second_factor::pending(state.db(), token.to_owned()).await? {
        Some(p) => Ok(view(&visitor, &p, &query.next, None).into_response()),
        None => Ok(start_again(&visitor)),
    }
}

/// `POST /login/code`.
pub async fn submit(
    State(state): State<AppState>,
    Page(visitor): Page,
    headers: HeaderMap,
    FormData(form): FormData<CodeForm>,
) -> Result<Response, WebError> {
    let token = cookies::get(&headers, cookies::SECOND_FACTOR)
        .unwrap_or_default()
        .to_owned();
    if token.is_empty() {
        return Ok(start_again(&visitor));
    }
    let typed: String = form.code.chars().take(40).collect();
    let origin = Origin {
        ip: visitor.ip.clone(),
        user_agent: visitor.user_agent.clone(),
    };
    let outcome = second_factor::complete(state.db(), token.clone(), typed, origin).await?;
    let (banner, status) = match outcome {
        CodeOutcome::Success { session, codes, .. } => {
            let next = if paths::is_local_path(&form.next) {
                form.next.clone()
            } else {
                paths::HOME.to_owned()
            };
            let mut response = if codes.is_empty() {
                Redirect::to(&next).into_response()
            } else {
                // Set up just now: the recovery codes are shown once, before going on.
                let lang = visitor.lang;
                let content = html! {
                    div.alert.alert-success role="status" { (lang.t("two-factor-on")) }
                    (super::qr::recovery_codes(lang, &codes))
                    p { a.button.button-primary href=(next) { (lang.t("two-factor-continue")) } }
                };
                layout::card_page(&visitor, &lang.t("two-factor-login-title"), content)
                    .into_response()
            };
            crate::web::visitor::append_cookies(
                response.headers_mut(),
                &[
                    cookies::set(
                        cookies::SESSION,
                        &session.token,
                        Lifetime::Session,
                        visitor.secure,
                    ),
                    cookies::set(cookies::ANON_CSRF, "", Lifetime::Remove, visitor.secure),
                    cookies::set(cookies::SECOND_FACTOR, "", Lifetime::Remove, visitor.secure),
                ],
            );
            return Ok(response);
        }
        CodeOutcome::Wrong { tries_left } => (
            msg("two-factor-wrong").arg("tries", tries_left),
            StatusCode::UNAUTHORIZED,
        ),
        CodeOutcome::Throttled(refusal) => (
            msg("login-error-throttled").arg("minutes", refusal.minutes()),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        CodeOutcome::Expired => return Ok(start_again(&visitor)),
    };
    match second_factor::pending(state.db(), token).await? {
        Some(p) => Ok((status, view(&visitor, &p, &form.next, Some(&banner))).into_response()),
        None => Ok(start_again(&visitor)),
    }
}
