//! A ticket's files: `GET /api/v1/tickets/{id}/files/{file}` sends one as a download, to
//! whoever sees the ticket (its id is in the ticket's `files`).

use axum::extract::{Path, State};
use axum::response::Response;

use crate::domain::ids::{AttachmentId, TicketId};
use crate::domain::tickets::attachments;
use crate::web::error::WebError;
use crate::web::state::AppState;
use crate::web::tickets::files::send;

use super::routes::ApiCaller;

/// A ticket's file
///
/// The file's bytes, as a download (`Content-Disposition: attachment`, its type only when it
/// is one browsers show safely, else `application/octet-stream`).
#[utoipa::path(
    get,
    path = "/api/v1/tickets/{id}/files/{file}",
    tag = "tickets",
    params(
        ("id" = i64, Path, description = "The ticket's number"),
        ("file" = i64, Path, description = "The file's id (in the ticket's `files`)"),
    ),
    responses(
        (status = 200, description = "The file", content_type = "*/*", body = Vec<u8>,
            headers(("Content-Disposition" = String, description = "attachment, with the file's name"))),
        (status = 404, description = "No such file, or a ticket the user does not see", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn download(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path((ticket, file)): Path<(TicketId, AttachmentId)>,
) -> Result<Response, WebError> {
    let (found, storage) = attachments::download(state.db(), &caller.actor, ticket, file).await?;
    send(&state, &found, &storage).await
}
