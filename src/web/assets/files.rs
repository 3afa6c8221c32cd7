//! An asset's files: added from its sheet (checked and stored like every attachment),
//! downloaded by whoever sees the asset (as attachments, never shown inline), removed by those
//! who may change it.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::domain::assets::{AssetId, files, use_cases};
use crate::domain::files::Store;
use crate::domain::ids::AttachmentId;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;
use crate::web::tickets::upload;
use crate::web::ui::layout;

/// `POST /assets/{id}/files`: the files sent, or the sheet again with why they were refused.
pub async fn upload(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<AssetId>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let me = authed.actor().id().0;
    // Asked before the form is read: nothing is stored for an asset one may not change.
    let room = files::room(state.db(), authed.actor(), id).await?;
    let sent = upload::read(
        multipart,
        &state,
        &authed.visitor.settings,
        me,
        upload::Allowance::Room(room),
    )
    .await?;
    if !sent.errors.is_empty() {
        let visitor = authed.visitor.clone();
        let shown = use_cases::show(state.db(), authed.actor(), id, visitor.lang).await?;
        let title = shown.asset.values.name.clone();
        let problems = super::sheet::Problems {
            file: sent.errors.get("attachments").cloned(),
            ..super::sheet::Problems::default()
        };
        let body = super::sheet::render(&visitor, &shown, &problems);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(&visitor, &title, body),
        )
            .into_response());
    }
    files::add(state.db(), authed.actor(), id, sent.pending).await?;
    Ok(redirect_with_flash(
        &format!("{}#files", fill(paths::ASSET, &[&id])),
        Flash::Saved,
        authed.visitor.secure,
    ))
}

/// `GET /assets/{id}/files/{item}`.
pub async fn download(
    State(state): State<AppState>,
    authed: Authed,
    Path((id, file)): Path<(AssetId, AttachmentId)>,
) -> Result<Response, WebError> {
    let (file, storage) = files::download(state.db(), authed.actor(), id, file).await?;
    crate::web::tickets::files::send(&state, &file, &storage).await
}

/// `POST /assets/{id}/files/{item}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path((id, file)): Path<(AssetId, AttachmentId)>,
) -> Result<Response, WebError> {
    let store = Store::new(&state.app().config().attachments_dir());
    files::remove(state.db(), &store, authed.actor(), id, file).await?;
    Ok(redirect_with_flash(
        &format!("{}#files", fill(paths::ASSET, &[&id])),
        Flash::Deleted,
        authed.visitor.secure,
    ))
}
