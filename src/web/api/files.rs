//! A ticket's files: `POST /api/v1/tickets/{id}/files` attaches files sent as
//! `multipart/form-data` (through the ticket form's upload and save: the right to attach, the
//! size, type and count limits, the thread, the mails), and
//! `GET /api/v1/tickets/{id}/files/{file}` sends one as a download, to whoever sees the ticket
//! (its id is in the ticket's `files`).

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::domain::error::FieldErrors;
use crate::domain::ids::{AttachmentId, TicketId};
use crate::domain::tickets::{self, attachments};
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::state::AppState;
use crate::web::tickets::files::send;
use crate::web::tickets::upload::{self, Allowance};

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

/// The body of an upload: one or more files, each in a part named `attachments`.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)] // Read as `multipart/form-data` by the upload reader; this type documents it.
pub struct Upload {
    /// The files.
    #[schema(format = Binary)]
    pub attachments: Vec<String>,
}

/// Attach files
///
/// Attaches the files sent to the ticket, with the ticket form's limits (size, type, number of
/// files per ticket), recorded in its thread.
#[utoipa::path(
    post,
    path = "/api/v1/tickets/{id}/files",
    tag = "tickets",
    params(("id" = i64, Path, description = "The ticket's number")),
    request_body(content = Upload, content_type = "multipart/form-data"),
    responses(
        (status = 200, description = "The ticket with its files", body = super::tickets::Ticket),
        (status = 403, description = "A read-only token, or a user who may not attach files", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket, or one the user does not see", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 413, description = "Too large a request", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A file refused (size, type, count), or none sent", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn upload(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(ticket): Path<TicketId>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let actor = &caller.actor;
    let room = tickets::page::upload_room(state.db(), actor, Some(ticket)).await?;
    if room.is_none() {
        return Err(WebError::Forbidden);
    }
    let sent = upload::read(
        multipart,
        &state,
        &actor.settings,
        actor.id().0,
        Allowance::from_room(room),
    )
    .await?;
    if !sent.errors.is_empty() {
        return Ok(super::problem::invalid(sent.errors));
    }
    if sent.pending.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("attachments", msg("api-no-file"));
        return Ok(super::problem::invalid(errors));
    }
    match tickets::conditional::attach(state.db(), actor, ticket, sent.pending).await {
        Ok(_) => {}
        Err(crate::domain::DomainError::Invalid(errors)) => {
            return Ok(super::problem::invalid(errors));
        }
        Err(e) => return Err(e.into()),
    }
    let mut response = super::tickets::ticket(&state, actor, ticket).await?;
    *response.status_mut() = StatusCode::OK;
    Ok(response)
}
