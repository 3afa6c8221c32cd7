//! The first-run set-up page: creates the first administrator, then logs them in. The link
//! carries a one-time token and is dead once an account exists.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use serde::Deserialize;

use crate::domain::settings;
use crate::domain::users::{self, AdminOrigin, NewAdmin};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Lang, msg};

use super::auth::{language_switch, start_session};
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
        .get(paths::SETUP, Access::Anyone, setup_page)
        .post(paths::SETUP, Access::Anyone, setup_submit)
}

#[derive(Debug, Default, Deserialize)]
struct SetupForm {
    #[serde(default)]
    login: String,
    #[serde(default)]
    firstname: String,
    #[serde(default)]
    lastname: String,
    #[serde(default)]
    mail: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
    #[serde(default)]
    language: String,
}

/// Whether `token` opens the set-up; kills the token if an account appeared meanwhile (for
/// example through `gestdesk create-admin`).
pub(super) async fn link_is_live(state: &AppState, token: &str) -> Result<bool, WebError> {
    if !state.setup().check(token) {
        return Ok(false);
    }
    if users::any_exists(state.db()).await? {
        state.setup().disarm();
        return Ok(false);
    }
    Ok(true)
}

/// The answer to a set-up link that does not open the set-up: used (an account exists), or
/// out of date (the server restarted with a new link; this machine is taken to it).
pub(super) async fn dead_link(state: &AppState, visitor: &Visitor) -> Result<Response, WebError> {
    let lang = visitor.lang;
    if let Some(current) = state.pending_setup().await? {
        if visitor.from_loopback {
            return Ok(axum::response::Redirect::to(&current).into_response());
        }
        let content = html! {
            p.error-text { (lang.t("setup-link-old")) }
        };
        return Ok((
            StatusCode::NOT_FOUND,
            layout::card_page(visitor, &lang.t("setup-title"), content),
        )
            .into_response());
    }
    let content = html! {
        p.error-text { (lang.t("setup-link-dead")) }
        p { a.button href=(paths::LOGIN) { (lang.t("login-title")) } }
    };
    Ok((
        StatusCode::NOT_FOUND,
        layout::card_page(visitor, &lang.t("setup-title"), content),
    )
        .into_response())
}

async fn setup_page(
    State(state): State<AppState>,
    Page(visitor): Page,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    if !link_is_live(&state, &token).await? {
        return dead_link(&state, &visitor).await;
    }
    let form = SetupForm {
        language: visitor.lang.code().to_owned(),
        ..SetupForm::default()
    };
    Ok(setup_view(&visitor, &token, &form, &FieldErrors::new(), None).into_response())
}

/// The address users reach this server at: the one the administrator typed, unless it names
/// this machine only (then the first LAN address the server listens on).
pub(super) fn server_address(
    headers: &axum::http::HeaderMap,
    state: &AppState,
    secure: bool,
) -> String {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let name = host.rsplit_once(':').map_or(host, |(n, p)| {
        if p.chars().all(|c| c.is_ascii_digit()) && !n.ends_with(':') {
            n
        } else {
            host
        }
    });
    let local = name.is_empty()
        || name.eq_ignore_ascii_case("localhost")
        || name
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    if !local {
        return format!("{}://{host}", if secure { "https" } else { "http" });
    }
    state.lan_url()
}

async fn setup_submit(
    State(state): State<AppState>,
    Page(visitor): Page,
    headers: axum::http::HeaderMap,
    Path(token): Path<String>,
    FormData(form): FormData<SetupForm>,
) -> Result<Response, WebError> {
    if !link_is_live(&state, &token).await? {
        return dead_link(&state, &visitor).await;
    }
    let input = NewAdmin {
        login: form.login.clone(),
        firstname: form.firstname.clone(),
        lastname: form.lastname.clone(),
        mail: form.mail.clone(),
        password: form.password.clone(),
        password_confirm: form.password_confirm.clone(),
        language: form.language.clone(),
    };
    let user = match users::create_admin(
        state.db(),
        input,
        AdminOrigin::FirstRunSetup,
        visitor.ip.clone(),
    )
    .await
    {
        Ok(user) => user,
        Err(DomainError::Invalid(errors)) => {
            let page = setup_view(&visitor, &token, &form, &errors, None);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
        Err(DomainError::Conflict(_)) => {
            state.setup().disarm();
            return dead_link(&state, &visitor).await;
        }
        Err(e) => return Err(e.into()),
    };
    state.setup().disarm();
    tracing::info!(login = %user.login, "first administrator created; the set-up link is now dead");
    let url = server_address(&headers, &state, visitor.secure);
    settings::adopt(state.db(), settings::SERVER_URL, url, user.id).await?;
    settings::adopt(
        state.db(),
        settings::DEFAULT_LANGUAGE,
        Lang::from_code(&form.language)
            .unwrap_or(visitor.lang)
            .code()
            .to_owned(),
        user.id,
    )
    .await?;

    start_session(&state, &visitor, &user, Flash::Welcome).await
}

fn setup_view(
    visitor: &Visitor,
    token: &str,
    form: &SetupForm,
    errors: &FieldErrors,
    banner: Option<&crate::i18n::Msg>,
) -> Markup {
    let lang = visitor.lang;
    let action = crate::domain::setup::path(token);
    let language_error = errors.get("language");
    let content = html! {
        p.lead { (lang.t("setup-intro")) }
        (form_error(lang, banner))
        form.stack method="post" action=(action) novalidate {
            (csrf_field(visitor))
            (Input::text("login", msg("setup-field-login"), &form.login)
                .required().autocomplete("username").autofocus().render(lang, errors))
            div.row {
                (Input::text("firstname", msg("setup-field-firstname"), &form.firstname)
                    .required().autocomplete("given-name").render(lang, errors))
                (Input::text("lastname", msg("setup-field-lastname"), &form.lastname)
                    .required().autocomplete("family-name").render(lang, errors))
            }
            (Input::text("mail", msg("setup-field-mail"), &form.mail)
                .kind("email").autocomplete("email").render(lang, errors))
            (Input::password("password", msg("setup-field-password"), "new-password")
                .required().render(lang, errors))
            (Input::password("password_confirm", msg("setup-field-password-confirm"), "new-password")
                .required().render(lang, errors))
            div.field.has-error[language_error.is_some()] {
                label for="f-language" { (lang.t("setup-field-language")) }
                select #f-language name="language" {
                    @for l in Lang::ALL {
                        option value=(l.code()) selected[form.language == l.code()] { (l.t("language-name")) }
                    }
                }
                @if let Some(e) = language_error {
                    p.field-error { (e.render(lang)) }
                }
            }
            button.button.button-primary type="submit" { (lang.t("setup-submit")) }
        }
        div.setup-move {
            p { (lang.t("setup-move-intro")) }
            a.button href=(super::setup_move::form_path(token)) { (lang.t("move-title")) }
        }
        (language_switch(visitor))
    };
    layout::card_page(visitor, &lang.t("setup-title"), content)
}
