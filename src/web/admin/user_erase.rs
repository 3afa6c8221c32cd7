//! Deleting a user (Administration > Users > a user > Delete): a page that says what will happen
//! (deleted, or anonymised with their tickets kept), then the deletion itself.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

use crate::domain::DomainError;
use crate::domain::ids::UserId;
use crate::domain::users::erase::{self, Erasure};
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::ui::form::csrf_field;
use crate::web::ui::layout;

async fn confirmation(
    state: &AppState,
    authed: &Authed,
    id: UserId,
    refusal: Option<crate::i18n::Msg>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    let lang = visitor.lang;
    let (name, plan) = erase::preview(state.db(), id).await?;
    let status = if refusal.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    let content = html! {
        section.panel.narrow {
            @if let Some(m) = &refusal {
                div.alert.alert-error role="alert" { (m.render(lang)) }
            }
            @match plan {
                Erasure::Delete => {
                    p #erase-plan { (lang.t_args("users-erase-delete", &[("name", &name)])) }
                }
                Erasure::Anonymise { tickets } => {
                    p #erase-plan { (lang.t_args("users-erase-anonymise", &[("name", &name), ("count", &tickets.to_string())])) }
                }
            }
            p.hint { (lang.t("users-erase-final")) }
            form.form-actions method="post" action=(fill(paths::ADMIN_USER_ERASE, &[&id])) {
                (csrf_field(visitor))
                button.button.button-danger type="submit" {
                    (lang.t(match plan { Erasure::Delete => "users-erase-delete-button", Erasure::Anonymise { .. } => "users-erase-anonymise-button" }))
                }
                a.button href=(fill(paths::ADMIN_USER, &[&id])) { (lang.t("action-cancel")) }
            }
        }
    };
    Ok((
        status,
        layout::page(
            visitor,
            &lang.t_args("users-erase-title", &[("name", &name)]),
            content,
        ),
    )
        .into_response())
}

/// `GET /admin/users/{id}/delete`: what deleting will do, and the button.
pub async fn page(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
) -> Result<Response, WebError> {
    confirmation(&state, &authed, id, None).await
}

/// `POST /admin/users/{id}/delete`.
pub async fn erase(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<UserId>,
) -> Result<Response, WebError> {
    let visitor = &authed.visitor;
    match erase::erase(
        state.db(),
        id,
        authed.session.actor.user.id,
        visitor.ip.clone(),
    )
    .await
    {
        Ok(_) => {
            state.hub().sessions_changed();
            Ok(redirect_with_flash(
                paths::ADMIN_USERS,
                Flash::Deleted,
                visitor.secure,
            ))
        }
        Err(DomainError::Conflict(m)) => confirmation(&state, &authed, id, Some(m)).await,
        Err(e) => Err(e.into()),
    }
}
