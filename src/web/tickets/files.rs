//! Downloading and removing a ticket's attachments. A file is sent as a download
//! (`Content-Disposition: attachment`, `nosniff`), only to those who may see the ticket; anyone
//! else gets "not found".

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_TYPE, X_CONTENT_TYPE_OPTIONS,
};
use axum::response::{IntoResponse, Response};
use tokio_util::io::ReaderStream;

use crate::domain::files::{Attachment, Store};
use crate::domain::ids::{AttachmentId, TicketId};
use crate::domain::tickets::attachments;
use crate::web::auth::redirect_with_flash;
use crate::web::error::WebError;
use crate::web::extract::Authed;
use crate::web::flash::Flash;
use crate::web::paths::{self, fill};
use crate::web::state::AppState;

use super::actor;

/// Types a browser may show inline safely are still sent as downloads; this list only keeps
/// their type (others become `application/octet-stream`).
const KEPT_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "text/plain",
    "text/csv",
    "application/zip",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
];

/// `filename*=UTF-8''...` as RFC 5987 wants it, plus an ASCII fallback.
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_ ".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    // RFC 5987: all but the unreserved characters escaped.
    const NOT_UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let encoded = percent_encoding::utf8_percent_encode(name, NOT_UNRESERVED).to_string();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// `GET /tickets/{id}/attachments/{item}`.
pub async fn download(
    State(state): State<AppState>,
    authed: Authed,
    Path((ticket, id)): Path<(TicketId, AttachmentId)>,
) -> Result<Response, WebError> {
    let (file, storage) = attachments::download(state.db(), actor(&authed), ticket, id).await?;
    send(&state, &file, &storage).await
}

/// Sends stored file `storage` as a download named after `file`.
pub(crate) async fn send(
    state: &AppState,
    file: &Attachment,
    storage: &str,
) -> Result<Response, WebError> {
    let path = Store::new(&state.app().config().attachments_dir()).path(storage);
    let handle = tokio::fs::File::open(&path)
        .await
        .map_err(|e| WebError::internal(format!("attachment {storage}: {e}")))?;
    let content_type = if KEPT_TYPES.contains(&file.content_type.as_str()) {
        file.content_type.clone()
    } else {
        "application/octet-stream".to_owned()
    };
    let mut response = Body::from_stream(ReaderStream::new(handle)).into_response();
    let h = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&content_type) {
        h.insert(CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&disposition(&file.filename)) {
        h.insert(CONTENT_DISPOSITION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&file.size.to_string()) {
        h.insert(CONTENT_LENGTH, v);
    }
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    Ok(response)
}

/// `POST /tickets/{id}/attachments/{item}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    authed: Authed,
    Path((ticket, id)): Path<(TicketId, AttachmentId)>,
) -> Result<Response, WebError> {
    let store = Store::new(&state.app().config().attachments_dir());
    crate::domain::tickets::remove_attachment(state.db(), &store, actor(&authed), ticket, id)
        .await?;
    Ok(redirect_with_flash(
        &format!("{}#attachments", fill(paths::TICKET, &[&ticket])),
        Flash::Deleted,
        authed.visitor.secure,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn dispositions_are_quoted_and_encoded() {
        let d = super::disposition("rapport \"final\" é.pdf");
        assert!(
            d.starts_with("attachment; filename=\"rapport _final_ _.pdf\""),
            "{d}"
        );
        assert!(
            d.contains("filename*=UTF-8''rapport%20%22final%22%20%C3%A9.pdf"),
            "{d}"
        );
    }
}
