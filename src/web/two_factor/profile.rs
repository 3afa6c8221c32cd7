//! Profile > Two-factor login: turning it on (QR code, key, a first code), the recovery codes
//! shown once, new ones, and turning it off (with a code), for the account logged in.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::auth::second_factor::{self, Refused, Status};
use crate::i18n::{Lang, Msg, msg};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormData};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::state::AppState;
use crate::web::ui::form::{csrf_field, form_error};
use crate::web::ui::layout;
use crate::web::visitor::Visitor;

#[derive(Debug, Default, Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// How to set the app up: the QR code, and the key to type for an app that cannot scan.
pub fn setup_help(lang: Lang, login: &str, secret: &[u8]) -> Markup {
    let uri = second_factor::otpauth_uri(second_factor::ISSUER, login, secret);
    html! {
        ol.two-factor-steps {
            li { (lang.t("two-factor-step-app")) }
            li {
                (lang.t("two-factor-step-scan"))
                div.qr-wrap { (super::qr::svg(lang, &uri)) }
                (lang.t("two-factor-step-key")) " "
                code #manual-key { (second_factor::manual_key(secret)) }
            }
            li { (lang.t("two-factor-step-code")) }
        }
    }
}

/// A form asking for a code, posting to `action`.
fn code_form(visitor: &Visitor, action: &str, button: &str, recovery: bool) -> Markup {
    let lang = visitor.lang;
    let id = format!("code-{}", action.rsplit('/').next().unwrap_or("x"));
    html! {
        form.stack method="post" action=(action) novalidate {
            (csrf_field(visitor))
            div.field {
                label for=(id) { (lang.t("two-factor-code")) }
                input id=(id) name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                    required maxlength="20";
                @if recovery { p.hint { (lang.t("two-factor-code-or-recovery")) } }
            }
            button.button type="submit" { (button) }
        }
    }
}

fn view(visitor: &Visitor, status: &Status, login: &str, banner: Option<&Msg>) -> Markup {
    let lang = visitor.lang;
    let content = html! {
        p { a href=(paths::PROFILE) { "← " (lang.t("profile-title")) } }
        (form_error(lang, banner))
        @if status.enabled {
            div.alert.alert-success role="status" #two-factor-state { (lang.t("two-factor-on")) }
            p { (lang.t_args("two-factor-codes-left", &[("n", &status.codes_left.to_string())])) }
            section.panel {
                h2 { (lang.t("two-factor-new-codes")) }
                (code_form(visitor, paths::PROFILE_TWO_FACTOR_CODES, &lang.t("two-factor-new-codes"), false))
            }
            section.panel {
                h2 { (lang.t("two-factor-turn-off")) }
                @if status.required {
                    p.hint { (lang.t("two-factor-required-keep")) }
                } @else {
                    (code_form(visitor, paths::PROFILE_TWO_FACTOR_OFF, &lang.t("two-factor-turn-off"), true))
                }
            }
        } @else if let Some(secret) = &status.pending {
            div.alert.alert-info role="status" #two-factor-state { (lang.t("two-factor-off")) }
            @if status.required { p { (lang.t("two-factor-required-setup")) } }
            section.panel {
                h2 { (lang.t("two-factor-turn-on")) }
                (setup_help(lang, login, secret))
                (code_form(visitor, paths::PROFILE_TWO_FACTOR_CONFIRM, &lang.t("two-factor-turn-on"), false))
            }
        } @else {
            p.muted #two-factor-state { (lang.t("two-factor-not-offered")) }
        }
    };
    layout::page(visitor, &lang.t("two-factor-title"), content)
}

/// `GET /profile/two-factor`.
pub async fn page(State(state): State<AppState>, authed: Authed) -> Result<Response, WebError> {
    let user = &authed.session.actor.user;
    let status = second_factor::status(state.db(), user.id).await?;
    Ok(view(&authed.visitor, &status, &user.login, None).into_response())
}

/// The page again with why the code was refused.
async fn refused(state: &AppState, authed: &Authed, why: Refused) -> Result<Response, WebError> {
    let user = &authed.session.actor.user;
    let status = second_factor::status(state.db(), user.id).await?;
    let (banner, code) = match why {
        Refused::WrongCode => (
            msg("two-factor-wrong-code"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Refused::Throttled(r) => (
            msg("login-error-throttled").arg("minutes", r.minutes()),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Refused::Required => (msg("two-factor-required-keep"), StatusCode::CONFLICT),
        Refused::NotNow => (msg("two-factor-changed-meanwhile"), StatusCode::CONFLICT),
    };
    Ok((
        code,
        view(&authed.visitor, &status, &user.login, Some(&banner)),
    )
        .into_response())
}

/// The recovery codes just made, shown once.
fn codes_page(visitor: &Visitor, codes: &[String]) -> Response {
    let lang = visitor.lang;
    let content = html! {
        div.alert.alert-success role="status" { (lang.t("two-factor-on")) }
        (super::qr::recovery_codes(lang, codes))
        p { a.button href=(paths::PROFILE_TWO_FACTOR) { (lang.t("two-factor-continue")) } }
    };
    layout::page(visitor, &lang.t("two-factor-title"), content).into_response()
}

fn typed(form: &CodeForm) -> String {
    form.code.chars().take(40).collect()
}

/// `POST /profile/two-factor/confirm`: the first code turns it on.
pub async fn confirm(
    State(state): State<AppState>,
    authed: Authed,
    FormData(form): FormData<CodeForm>,
) -> Result<Response, WebError> {
    let user = authed.session.actor.user.clone();
    match second_factor::confirm(state.db(), user, typed(&form), authed.visitor.ip.clone()).await? {
        Ok(codes) => Ok(codes_page(&authed.visitor, &codes)),
        Err(why) => refused(&state, &authed, why).await,
    }
}

/// `POST /profile/two-factor/codes`: new recovery codes, the old ones no longer work.
pub async fn new_codes(
    State(state): State<AppState>,
    authed: Authed,
    FormData(form): FormData<CodeForm>,
) -> Result<Response, WebError> {
    let user = authed.session.actor.user.clone();
    match second_factor::new_codes(state.db(), user, typed(&form), authed.visitor.ip.clone())
        .await?
    {
        Ok(codes) => Ok(codes_page(&authed.visitor, &codes)),
        Err(why) => refused(&state, &authed, why).await,
    }
}

/// `POST /profile/two-factor/off`.
pub async fn turn_off(
    State(state): State<AppState>,
    authed: Authed,
    FormData(form): FormData<CodeForm>,
) -> Result<Response, WebError> {
    let user = authed.session.actor.user.clone();
    match second_factor::turn_off(state.db(), user, typed(&form), authed.visitor.ip.clone()).await?
    {
        Ok(()) => Ok(redirect_with_flash(
            paths::PROFILE_TWO_FACTOR,
            Flash::Saved,
            authed.visitor.secure,
        )),
        Err(why) => refused(&state, &authed, why).await,
    }
}
