//! A procedure's files: downloaded by whoever may read the procedure (as attachments, never
//! shown inline), removed by those who may change it.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::domain::DomainError;
use crate::domain::procedures::files;
use crate::domain::tickets::attachments::Store;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;

use super::Who;

/// `GET /procedures/{id}/files/{item}`.
pub async fn download(
    State(state): State<AppState>,
    authed: Authed,
    Path((procedure, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let who = Who::of(&authed);
    let (file, storage) = state
        .db()
        .read(move |c| {
            files::for_download(c, &who.reader(c)?, procedure, id).map_err(DomainError::from)
        })
        .await?
        .ok_or(WebError::NotFound)?;
    crate::web::tickets::files::send(&state, &file, &storage).await
}

/// `POST /procedures/{id}/files/{item}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path((procedure, id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let who = Who::of(&authed);
    let reader = state
        .db()
        .read(move |c| who.reader(c).map_err(DomainError::from))
        .await?;
    let store = Store::new(&state.app().config().attachments_dir());
    files::remove(state.db(), &store, reader, procedure, id).await?;
    Ok(redirect_with_flash(
        &format!("{}#files", fill(paths::PROCEDURE, &[&procedure])),
        Flash::Deleted,
        authed.visitor.secure,
    ))
}
