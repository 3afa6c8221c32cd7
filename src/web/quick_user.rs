//! The quick add / quick edit dialog for a requester, opened from other forms (group members
//! here, the ticket form later). The page's script loads the form fragment into a dialog and
//! posts it; success answers JSON with the choice to select, errors answer the fragment again.
//!
//! Quick add creates User-profile accounts. Quick edit changes names, mail and phone only, and
//! only of accounts with the User or Power user profile unless the editor administers accounts.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use crate::domain::ids::UserId;
use crate::domain::profiles::Profile;
use crate::domain::rights::names;
use crate::domain::users::options::UserFormOptions;
use crate::domain::users::record::{FieldPolicy, UserInput, UserRecord};
use crate::domain::users::{manage, policy};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;

use super::error::WebError;
use super::extract::{Authed, FormPairs};
use super::paths::{self, fill};
use super::state::AppState;
use super::ui::form::{csrf_field, form_error};
use super::user_form::{UserFormView, fields};
use super::visitor::Visitor;

fn fragment(
    visitor: &Visitor,
    action: &str,
    values: &UserInput,
    policy: FieldPolicy,
    errors: &FieldErrors,
    creating: bool,
) -> Markup {
    let lang = visitor.lang;
    let options = UserFormOptions::default();
    html! {
        form.stack method="post" action=(action) data-quick-form novalidate {
            (csrf_field(visitor))
            (form_error(lang, (!errors.is_empty()).then(|| msg("form-has-errors")).as_ref()))
            (fields(lang, &UserFormView { values, policy, options: &options, errors, creating }))
            div.form-actions {
                button.button.button-primary type="submit" { (lang.t("action-save")) }
                button.button type="button" data-dialog-close { (lang.t("action-cancel")) }
            }
        }
    }
}

fn edit_policy() -> FieldPolicy {
    FieldPolicy {
        contact: true,
        ..FieldPolicy::default()
    }
}

/// Whether an editor (an administrator, or not) may quick-edit `target`: requesters only,
/// unless an administrator.
fn may_edit(admin: bool, target: &UserRecord) -> bool {
    admin || matches!(target.profile(), Profile::User | Profile::PowerUser)
}

fn chosen(id: i64, r: &UserRecord) -> Response {
    axum::Json(serde_json::json!({
        "value": id.to_string(),
        "label": r.list_name(),
        "detail": r.login,
        "mail": r.mail,
        "phone": r.phone,
    }))
    .into_response()
}

/// `GET /users/quick`: the empty form.
pub async fn new_form(authed: Authed) -> Response {
    fragment(
        &authed.visitor,
        paths::QUICK_USER_NEW,
        &UserInput::default(),
        policy::quick(),
        &FieldErrors::new(),
        true,
    )
    .into_response()
}

/// `POST /users/quick`: creates a User-profile account.
pub async fn create(
    State(state): State<AppState>,
    authed: Authed,
    FormPairs(pairs): FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let input = UserInput::from_pairs(pairs);
    match manage::create(
        state.db(),
        input.clone(),
        policy::quick(),
        Profile::User,
        Some(authed.session.actor.user.id),
        visitor.ip.clone(),
    )
    .await
    {
        Ok(id) => {
            let r = manage::record(state.db(), UserId(id)).await?;
            Ok(chosen(id, &r))
        }
        Err(DomainError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            fragment(
                visitor,
                paths::QUICK_USER_NEW,
                &input,
                policy::quick(),
                &errors,
                true,
            ),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}

/// `GET /users/quick/{id}`: the form filled with an account.
pub async fn edit_form(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
) -> Result<Response, WebError> {
    let r = manage::record(state.db(), id).await?;
    if !may_edit(authed.session.actor.rights.has(names::ADMIN), &r) {
        return Err(WebError::Forbidden);
    }
    Ok(fragment(
        &authed.visitor,
        &fill(paths::QUICK_USER, &[&id]),
        &UserInput::from_record(&r),
        edit_policy(),
        &FieldErrors::new(),
        false,
    )
    .into_response())
}

/// `POST /users/quick/{id}`: saves names, mail and phone.
pub async fn update(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
    FormPairs(pairs): FormPairs,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let input = UserInput::from_pairs(pairs);
    // Checked against the account as it is when the change is written.
    let admin = authed.session.actor.rights.has(names::ADMIN);
    match manage::update_if(
        state.db(),
        id,
        input.clone(),
        edit_policy(),
        authed.session.actor.user.id,
        visitor.ip.clone(),
        move |target| may_edit(admin, target),
    )
    .await
    {
        Ok(()) => {
            let r = manage::record(state.db(), id).await?;
            Ok(chosen(id.0, &r))
        }
        Err(DomainError::Invalid(errors)) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            fragment(
                visitor,
                &fill(paths::QUICK_USER, &[&id]),
                &input,
                edit_policy(),
                &errors,
                false,
            ),
        )
            .into_response()),
        Err(e) => Err(e.into()),
    }
}
