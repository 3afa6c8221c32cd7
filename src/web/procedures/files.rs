//! A procedure's files: downloaded by whoever may read the procedure (as attachments, never
//! shown inline), removed by those who may change it.

use axum::extract::{Path, State};
use axum::response::Response;

use crate::domain::files::Store;
use crate::domain::ids::{AttachmentId, ProcedureId};
use crate::domain::procedures::use_cases;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;

/// `GET /procedures/{id}/files/{item}`.
pub async fn download(
    State(state): State<AppState>,
    authed: Authed,
    Path((procedure, id)): Path<(ProcedureId, AttachmentId)>,
) -> Result<Response, WebError> {
    let (file, storage) = use_cases::download(state.db(), authed.actor(), procedure, id).await?;
    crate::web::tickets::files::send(&state, &file, &storage).await
}

/// `POST /procedures/{id}/files/{item}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path((procedure, id)): Path<(ProcedureId, AttachmentId)>,
) -> Result<Response, WebError> {
    let store = Store::new(&state.app().config().attachments_dir());
    use_cases::remove_file(state.db(), &store, authed.actor(), procedure, id).await?;
    Ok(redirect_with_flash(
        &format!("{}#files", fill(paths::PROCEDURE, &[&procedure])),
        Flash::Deleted,
        authed.visitor.secure,
    ))
}
