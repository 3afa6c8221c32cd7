//! The logged-in user's own pages: profile information and password change (also where a user
//! who must change their password is sent).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::users::{self, PasswordChange};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Lang, format_datetime, msg};

use super::auth::redirect_with_flash;
use super::error::WebError;
use super::extract::{Authed, FormData};
use super::flash::Flash;
use super::paths;
use super::routes::{Access, Routes};
use super::state::AppState;
use super::ui::form::{Input, csrf_field};
use super::ui::{facts, layout};
use super::visitor::Visitor;

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::PROFILE, Access::LoggedIn, profile_page)
        .get(paths::PASSWORD, Access::LoggedIn, password_page)
        .post(paths::PASSWORD, Access::LoggedIn, password_submit)
}

async fn profile_page(authed: Authed) -> Response {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let user = &authed.session.user;
    let language = user
        .language
        .as_deref()
        .and_then(Lang::from_code)
        .map_or_else(
            || lang.t("profile-language-browser"),
            |l| l.t("language-name"),
        );
    let rows: Vec<(String, String)> = vec![
        (lang.t("profile-login"), user.login.clone()),
        (lang.t("profile-name"), user.display_name()),
        (lang.t("profile-mail"), user.mail.clone()),
        (lang.t("profile-profile"), user.profile.name().render(lang)),
        (lang.t("profile-language"), language),
        (
            lang.t("profile-last-login"),
            user.last_login_at
                .map(|t| format_datetime(lang, t))
                .unwrap_or_default(),
        ),
    ];
    let content = html! {
        (facts::panel(&rows))
        p { a.button href=(paths::PASSWORD) { (lang.t("profile-change-password")) } }
    };
    layout::page(visitor, &lang.t("profile-title"), content).into_response()
}

#[derive(Debug, Default, Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

async fn password_page(authed: Authed) -> Response {
    password_view(&authed.visitor, &FieldErrors::new()).into_response()
}

async fn password_submit(
    State(state): State<AppState>,
    authed: Authed,
    FormData(form): FormData<PasswordForm>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let change = PasswordChange {
        current: form.current,
        new: form.password,
        confirm: form.password_confirm,
    };
    match users::change_password(
        state.db(),
        authed.session.user.id,
        change,
        Some(authed.session.token_hash.clone()),
        visitor.ip.clone(),
    )
    .await
    {
        Ok(()) => Ok(redirect_with_flash(
            paths::HOME,
            Flash::PasswordChanged,
            visitor.secure,
        )),
        Err(DomainError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            password_view(visitor, &errors),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

fn password_view(visitor: &Visitor, errors: &FieldErrors) -> Markup {
    let lang = visitor.lang;
    let forced = visitor.user().is_some_and(|u| u.must_change_password);
    let content = html! {
        @if forced {
            div.alert.alert-warning role="alert" { (lang.t("password-must-change")) }
        }
        section.panel {
            form.stack.narrow method="post" action=(paths::PASSWORD) novalidate {
                (csrf_field(visitor))
                (Input::password("current", msg("password-field-current"), "current-password")
                    .required().autofocus().render(lang, errors))
                (Input::password("password", msg("password-field-new"), "new-password")
                    .required().render(lang, errors))
                (Input::password("password_confirm", msg("password-field-confirm"), "new-password")
                    .required().render(lang, errors))
                p.hint { (lang.t_args("password-hint", &[("min", &users::rules::MIN_PASSWORD_CHARS.to_string())])) }
                button.button.button-primary type="submit" { (lang.t("password-submit")) }
            }
        }
    };
    layout::page(visitor, &lang.t("password-title"), content)
}
