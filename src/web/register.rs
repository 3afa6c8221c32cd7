//! Self-registration: when the setting allows it, a visitor creates their own account (User
//! profile) from a link on the login page, and is logged in.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{Markup, html};

use crate::domain::ids::UserId;
use crate::domain::settings;
use crate::domain::users::options::UserFormOptions;
use crate::domain::users::record::{FieldPolicy, UserInput};
use crate::domain::users::{self, manage};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::{Msg, msg};

use super::auth::start_session;
use super::error::WebError;
use super::extract::{FormPairs, Page};
use super::flash::Flash;
use super::paths;
use super::state::AppState;
use super::ui::form::{csrf_field, form_error};
use super::ui::layout;
use super::user_form::{UserFormView, fields};
use super::visitor::Visitor;

fn allowed(visitor: &Visitor) -> bool {
    visitor.settings.flag(settings::USER_REGISTER)
}

fn policy() -> FieldPolicy {
    FieldPolicy {
        login: true,
        password: true,
        contact: true,
        mail_required: true,
        ..FieldPolicy::default()
    }
}

fn view(
    visitor: &Visitor,
    values: &UserInput,
    errors: &FieldErrors,
    banner: Option<&Msg>,
) -> Markup {
    let lang = visitor.lang;
    let options = UserFormOptions::default();
    let content = html! {
        p.lead { (lang.t("register-intro")) }
        (form_error(lang, banner.or((!errors.is_empty()).then(|| msg("form-has-errors")).as_ref())))
        form.stack method="post" action=(paths::REGISTER) novalidate {
            (csrf_field(visitor))
            (fields(lang, &UserFormView { values, policy: policy(), options: &options, errors, creating: true }))
            button.button.button-primary type="submit" { (lang.t("register-submit")) }
        }
        p { a href=(paths::LOGIN) { (lang.t("register-have-account")) } }
    };
    layout::card_page(visitor, &lang.t("register-title"), content)
}

/// `GET /register`.
pub async fn page(Page(visitor): Page) -> Result<Response, WebError> {
    if !allowed(&visitor) {
        return Err(WebError::NotFound);
    }
    if visitor.session.is_some() {
        return Ok(Redirect::to(paths::HOME).into_response());
    }
    Ok(view(&visitor, &UserInput::default(), &FieldErrors::new(), None).into_response())
}

/// `POST /register`.
pub async fn submit(
    State(state): State<AppState>,
    Page(visitor): Page,
    FormPairs(pairs): FormPairs,
) -> Result<Response, WebError> {
    if !allowed(&visitor) {
        return Err(WebError::NotFound);
    }
    let input = UserInput::from_pairs(pairs);
    let id =
        match manage::register(state.db(), state.gate(), input.clone(), visitor.ip.clone()).await {
            Ok(id) => id,
            Err(DomainError::Invalid(errors)) => {
                return Ok((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    view(&visitor, &input, &errors, None),
                )
                    .into_response());
            }
            Err(DomainError::Conflict(m)) => {
                return Ok((
                    StatusCode::TOO_MANY_REQUESTS,
                    view(&visitor, &input, &FieldErrors::new(), Some(&m)),
                )
                    .into_response());
            }
            Err(e) => return Err(e.into()),
        };
    let user = users::get(state.db(), UserId(id)).await?;
    start_session(&state, &visitor, &user, Flash::AccountCreated).await
}
