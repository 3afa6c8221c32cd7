//! Pictures pasted or dropped into a ticket's reply or description: each is attached to the
//! ticket at once and the page script writes a Markdown image pointing at it where the cursor
//! is, so that the text shows it once saved.

use axum::Json;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::domain::DomainError;
use crate::domain::ids::TicketId;
use crate::domain::tickets::{self, PasteTarget};
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;

use super::{actor, upload};

#[derive(Debug, Deserialize)]
pub struct PasteQuery {
    /// `reply` or `description`.
    #[serde(default)]
    into: String,
}

/// `POST /tickets/{id}/pictures?into=reply|description`: answers the attached pictures as JSON
/// (`name`, `url`, `markdown`), or `{"error": ...}` in the user's language.
pub async fn attach(
    State(state): State<AppState>,
    authed: Authed,
    Path(id): Path<TicketId>,
    Query(q): Query<PasteQuery>,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let target = match q.into.as_str() {
        "description" => PasteTarget::Description,
        _ => PasteTarget::Reply,
    };
    let actor = actor(&authed);
    if !tickets::may_paste(actor, target) {
        return Err(WebError::Forbidden);
    }
    let lang = authed.visitor.lang;
    let room = tickets::page::upload_room(state.db(), actor, Some(id)).await?;
    let sent = upload::read(
        multipart,
        &state,
        &authed.visitor.settings,
        actor.user.id.0,
        upload::Allowance::from_room(room),
    )
    .await?;
    let refused = |m: &crate::i18n::Msg| {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(serde_json::json!({ "error": m.render(lang) })),
        )
            .into_response()
    };
    if let Some((_, m)) = sent.errors.0.first() {
        return Ok(refused(m));
    }
    match tickets::attach_pictures(state.db(), actor, id, target, sent.pending).await {
        Ok(files) => {
            let out: Vec<serde_json::Value> = files
                .iter()
                .map(|f| {
                    let url = fill(paths::TICKET_ATTACHMENT, &[&id, &f.id]);
                    let alt: String = f
                        .filename
                        .chars()
                        .filter(|c| !"[]()\\<>".contains(*c))
                        .collect();
                    serde_json::json!({
                        "name": f.filename,
                        "url": url,
                        "markdown": format!("![{alt}]({url})"),
                    })
                })
                .collect();
            Ok(Json(serde_json::json!({ "files": out })).into_response())
        }
        Err(DomainError::Invalid(errors)) => Ok(errors.0.first().map_or_else(
            || StatusCode::UNPROCESSABLE_ENTITY.into_response(),
            |(_, m)| refused(m),
        )),
        Err(e) => Err(e.into()),
    }
}
