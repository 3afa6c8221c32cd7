//! Administration > Users, the actions beside the form: disabling and re-enabling an account,
//! lifting its login lock, attaching requesters to a technician, and a user's personal views.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use crate::domain::ids::UserId;
use crate::domain::users::choices::Who;
use crate::domain::users::record::UserInput;
use crate::domain::users::{assignments, manage};
use crate::domain::views::{self};
use crate::domain::{DomainError, FieldErrors};
use crate::i18n::msg;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::{Authed, FormPairs};
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;

use super::users::{edit_view, extras, list_href};

async fn set_disabled(
    state: &AppState,
    authed: &Authed,
    id: UserId,
    disabled: bool,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    match manage::set_disabled(
        state.db(),
        id,
        disabled,
        authed.session.actor.user.id,
        visitor.ip.clone(),
    )
    .await
    {
        Ok(()) => {
            state.hub().sessions_changed();
            let flash = if disabled {
                Flash::Disabled
            } else {
                Flash::Enabled
            };
            Ok(redirect_with_flash(
                &list_href("", !disabled, 1),
                flash,
                visitor.secure,
            ))
        }
        Err(DomainError::Conflict(message)) => {
            let extras = extras(state, visitor, id).await?;
            let values = UserInput::from_record(&extras.record);
            Ok((
                StatusCode::CONFLICT,
                edit_view(
                    visitor,
                    &extras,
                    &values,
                    &FieldErrors::new(),
                    Some(&message),
                ),
            )
                .into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/users/{id}/disable`.
pub async fn disable(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
) -> Result<Response, WebError> {
    set_disabled(&state, &authed, id, true).await
}

/// `POST /admin/users/{id}/enable`.
pub async fn enable(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
) -> Result<Response, WebError> {
    set_disabled(&state, &authed, id, false).await
}

/// Answers a failed change of a side section by re-showing the page with its message.
async fn side_error(
    state: &AppState,
    authed: &Authed,
    id: UserId,
    e: DomainError,
) -> Result<Response, WebError> {
    let message = match e {
        DomainError::Invalid(errors) => errors.0.first().map(|(_, m)| m.clone()),
        DomainError::Conflict(m) => Some(m),
        other => return Err(other.into()),
    };
    let extras = extras(state, &authed.visitor, id).await?;
    let values = UserInput::from_record(&extras.record);
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        edit_view(
            &authed.visitor,
            &extras,
            &values,
            &FieldErrors::new(),
            message.as_ref(),
        ),
    )
        .into_response())
}

/// `POST /admin/users/{id}/requesters`.
pub async fn add_requester(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let Some(who) = Who::parse(form.get("requester")) else {
        let mut errors = FieldErrors::new();
        errors.add("requester", msg("error-unknown-choice"));
        return side_error(&state, &authed, id, DomainError::Invalid(errors)).await;
    };
    match assignments::attach(state.db(), id, who).await {
        Ok(()) => Ok(
            Redirect::to(&format!("{}#requesters", fill(paths::ADMIN_USER, &[&id])))
                .into_response(),
        ),
        Err(e) => side_error(&state, &authed, id, e).await,
    }
}

/// `POST /admin/users/{id}/requesters/{item}/delete`.
pub async fn remove_requester(
    State(state): State<AppState>,
    _authed: Authed,
    Path((id, item)): Path<(UserId, i64)>,
) -> Result<Response, WebError> {
    assignments::detach(state.db(), id, item).await?;
    Ok(Redirect::to(&format!("{}#requesters", fill(paths::ADMIN_USER, &[&id]))).into_response())
}

/// `POST /admin/users/{id}/views` (needs `admin_user_view`).
pub async fn add_view(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
    form: FormPairs,
) -> Result<Response, WebError> {
    let (name, target) = (form.get("name").to_owned(), form.get("target").to_owned());
    match views::add_for(state.db(), id, name, target).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("{}#views", fill(paths::ADMIN_USER, &[&id]))).into_response())
        }
        Err(DomainError::NotFound) => Err(WebError::NotFound),
        Err(e) => side_error(&state, &authed, id, e).await,
    }
}

/// `POST /admin/users/{id}/views/{item}/delete` (needs `admin_user_view`).
pub async fn remove_view(
    State(state): State<AppState>,
    _authed: Authed,
    Path((id, item)): Path<(UserId, i64)>,
) -> Result<Response, WebError> {
    views::remove_for(state.db(), id, item).await?;
    Ok(Redirect::to(&format!("{}#views", fill(paths::ADMIN_USER, &[&id]))).into_response())
}

/// `POST /admin/users/{id}/unlock`: forgets the failed logins that locked the account.
pub async fn unlock(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
) -> Result<Response, WebError> {
    crate::domain::auth::unlock_account(
        state.db(),
        id,
        authed.session.actor.user.clone(),
        authed.visitor.ip.clone(),
    )
    .await?;
    Ok(redirect_with_flash(
        &fill(paths::ADMIN_USER, &[&id]),
        Flash::Saved,
        authed.visitor.secure,
    ))
}

/// `POST /admin/users/{id}/two-factor/reset`: removes the account's second factor (a lost
/// phone); it logs in with its password alone again, or sets a new one up when it must.
pub async fn reset_two_factor(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
) -> Result<Response, WebError> {
    crate::domain::auth::second_factor::reset(
        state.db(),
        id,
        authed.session.actor.user.clone(),
        authed.visitor.ip.clone(),
    )
    .await?;
    Ok(redirect_with_flash(
        &fill(paths::ADMIN_USER, &[&id]),
        Flash::Saved,
        authed.visitor.secure,
    ))
}
