//! Reading a ticket form sent as `multipart/form-data`: its text fields, the tokens of uploads
//! kept from an earlier attempt, and new files, each streamed to disk and held to the size
//! setting while it arrives, then checked and kept as a pending attachment.

use std::collections::HashMap;

use axum::extract::Multipart;
use tokio::io::AsyncWriteExt;

use crate::domain::FieldErrors;
use crate::domain::tickets::attachments::{self, Attachment, Store};
use crate::domain::{DomainError, settings};
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::state::AppState;
use crate::web::visitor::Visitor;

/// The largest request a ticket form may send (several files at the largest size setting).
pub const MAX_REQUEST_BYTES: usize = 256 * 1024 * 1024;
/// The largest text field accepted.
const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// What a ticket form sent.
#[derive(Debug, Default)]
pub struct Submitted {
    /// Text fields (first value of each name).
    pub fields: HashMap<String, String>,
    /// Tokens of pending attachments (kept from an earlier attempt, and the new ones).
    pub pending: Vec<String>,
    /// Files refused while arriving (size, type).
    pub errors: FieldErrors,
}

impl Submitted {
    /// A text field, or empty.
    pub fn get(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
}

/// Reads the whole form; new files become pending attachments of the visitor.
pub async fn read(
    mut multipart: Multipart,
    state: &AppState,
    visitor: &Visitor,
    uploader: i64,
) -> Result<Submitted, WebError> {
    let store = Store::new(&state.app().config().attachments_dir());
    let max_file = visitor.settings.number(settings::ATTACHMENT_MAX_MB).max(1) as u64 * 1024 * 1024;
    let max_count = visitor.settings.number(settings::ATTACHMENT_MAX_COUNT);
    let mut out = Submitted::default();
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| WebError::BadRequest)?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "attachments" {
            let sent_name = field.file_name().unwrap_or_default().to_owned();
            let temp = store.temp_path().map_err(WebError::internal)?;
            let mut file = tokio::fs::File::create(&temp)
                .await
                .map_err(WebError::internal)?;
            let mut size: u64 = 0;
            let mut too_big = false;
            while let Some(chunk) = field.chunk().await.map_err(|_| WebError::BadRequest)? {
                size += chunk.len() as u64;
                if size > max_file {
                    too_big = true;
                    continue; // drain the rest of this file without keeping it
                }
                file.write_all(&chunk).await.map_err(WebError::internal)?;
            }
            file.flush().await.map_err(WebError::internal)?;
            drop(file);
            if sent_name.is_empty() && size == 0 {
                let _ = tokio::fs::remove_file(&temp).await;
                continue; // the file input was left empty
            }
            if too_big {
                let _ = tokio::fs::remove_file(&temp).await;
                out.errors.add(
                    "attachments",
                    msg("error-attachment-size")
                        .arg("name", crate::domain::text::visible(&sent_name))
                        .arg("max", max_file / 1024 / 1024),
                );
                continue;
            }
            if max_count == 0 {
                let _ = tokio::fs::remove_file(&temp).await;
                out.errors
                    .add("attachments", msg("error-attachment-count").arg("max", 0));
                continue;
            }
            match attachments::accept(state.db(), &store, temp, &sent_name, uploader).await {
                Ok(Attachment {
                    pending_token: Some(t),
                    ..
                }) => out.pending.push(t),
                Ok(_) => {}
                Err(DomainError::Invalid(errors)) => out.errors.0.extend(errors.0),
                Err(e) => return Err(e.into()),
            }
        } else {
            let text = field.text().await.map_err(|_| WebError::BadRequest)?;
            if text.len() > MAX_TEXT_BYTES {
                return Err(WebError::BadRequest);
            }
            if name == "pending" {
                if text.len() == 32 && text.chars().all(|c| c.is_ascii_hexdigit()) {
                    out.pending.push(text);
                }
            } else if name != crate::web::csrf::FIELD {
                out.fields.entry(name).or_insert(text);
            }
        }
    }
    out.pending.dedup();
    Ok(out)
}
