//! Reading a form sent as `multipart/form-data` (tickets and procedures): its text fields, the
//! tokens of uploads kept from an earlier attempt, and new files, each streamed to disk and
//! held to the size setting while it arrives, then checked and kept as a pending attachment.
//!
//! Nothing is stored that the form may not bring: the caller says beforehand how many new
//! files it accepts ([`Allowance`], after its right, visibility and count checks), further
//! files are read past without being kept, and a user sends one such form at a time. Text
//! fields are read in pieces and refused past their size, their number is bounded, and so is
//! the room a user's uploads waiting for their form may take (see
//! [`files::pending_quota`]).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use axum::extract::Multipart;
use axum::extract::multipart::Field;
use tokio::io::AsyncWriteExt;

use crate::domain::DomainError;
use crate::domain::FieldErrors;
use crate::domain::files::{self, Attachment, Store};
use crate::domain::settings::{self, Settings};
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::state::AppState;

/// The largest request a file-carrying form may send (several files at the largest size
/// setting).
pub const MAX_REQUEST_BYTES: usize = 256 * 1024 * 1024;
/// The largest text field accepted (a description is at most 200,000 characters).
const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// All text fields of one form together.
const MAX_TEXT_TOTAL: usize = 3 * 1024 * 1024;
/// Parts (fields and files) one form may have.
const MAX_PARTS: usize = 400;
/// Files beyond the allowance read past before the request is given up.
const EXTRA_FILES_READ_PAST: i64 = 10;

/// How many new files a form may bring, decided before it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowance {
    /// The user may not attach files to this form.
    Refused,
    /// This many more (the rest of the per-ticket or per-procedure limit).
    Room(i64),
}

impl Allowance {
    /// From the room left, or `None` when the user may not attach files.
    pub fn from_room(room: Option<i64>) -> Allowance {
        room.map_or(Allowance::Refused, |n| Allowance::Room(n.max(0)))
    }

    fn files(self) -> i64 {
        match self {
            Allowance::Refused => 0,
            Allowance::Room(n) => n,
        }
    }
}

/// What a form sent.
#[derive(Debug, Default)]
pub struct Submitted {
    /// Text fields (first value of each name).
    pub fields: HashMap<String, String>,
    /// Tokens of pending attachments (kept from an earlier attempt, and the new ones).
    pub pending: Vec<String>,
    /// Files refused while arriving (size, type, count).
    pub errors: FieldErrors,
}

impl Submitted {
    /// A text field, or empty.
    pub fn get(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }
}

/// The users sending a file-carrying form now: one at a time each.
#[derive(Debug, Default)]
pub struct UploadGate {
    busy: Mutex<HashSet<i64>>,
}

/// One user's turn to send a form; ends when dropped.
struct Turn {
    gate: Arc<UploadGate>,
    user: i64,
}

impl UploadGate {
    fn enter(self: &Arc<Self>, user: i64) -> Option<Turn> {
        let mut busy = self
            .busy
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        busy.insert(user).then(|| Turn {
            gate: self.clone(),
            user,
        })
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        self.gate
            .busy
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&self.user);
    }
}

/// Reads a text part in pieces, refusing it once it is over `room` bytes.
async fn read_text(field: &mut Field<'_>, room: usize) -> Result<String, WebError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| WebError::BadRequest)? {
        if bytes.len() + chunk.len() > room {
            return Err(WebError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| WebError::BadRequest)
}

/// Reads a file part past without keeping it; returns its size.
async fn read_past(field: &mut Field<'_>) -> Result<u64, WebError> {
    let mut size = 0u64;
    while let Some(chunk) = field.chunk().await.map_err(|_| WebError::BadRequest)? {
        size += chunk.len() as u64;
    }
    Ok(size)
}

/// Reads the whole form; new files, up to `allowance`, become pending attachments of
/// `uploader`.
pub async fn read(
    mut multipart: Multipart,
    state: &AppState,
    settings: &Settings,
    uploader: i64,
    allowance: Allowance,
) -> Result<Submitted, WebError> {
    let Some(_turn) = state.uploads().enter(uploader) else {
        return Err(WebError::Busy);
    };
    let store = Store::new(&state.app().config().attachments_dir());
    let max_file = settings.number(settings::ATTACHMENT_MAX_MB).max(1) as u64 * 1024 * 1024;
    let max_count = settings.number(settings::ATTACHMENT_MAX_COUNT);
    let quota = files::pending_quota(settings);
    let mut out = Submitted::default();
    let (mut parts, mut text_total, mut new_files) = (0usize, 0usize, 0i64);
    let mut count_refused = false;
    while let Some(mut field) = multipart
        .next_field()
        .await
        .map_err(|_| WebError::BadRequest)?
    {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(WebError::TooLarge);
        }
        let name = field.name().unwrap_or_default().to_owned();
        if name != "attachments" {
            let room = MAX_TEXT_BYTES.min(MAX_TEXT_TOTAL - text_total);
            let text = read_text(&mut field, room).await?;
            text_total += text.len();
            if name == "pending" {
                if text.len() == 32 && text.chars().all(|c| c.is_ascii_hexdigit()) {
                    out.pending.push(text);
                }
            } else if name != crate::web::csrf::FIELD {
                out.fields.entry(name).or_insert(text);
            }
            continue;
        }
        let sent_name = field.file_name().unwrap_or_default().to_owned();
        if new_files >= allowance.files() {
            // Not kept: the form may not bring it (no right, or no room left).
            let size = read_past(&mut field).await?;
            if sent_name.is_empty() && size == 0 {
                continue; // the file input was left empty
            }
            new_files += 1;
            if new_files > allowance.files() + EXTRA_FILES_READ_PAST {
                return Err(WebError::TooLarge);
            }
            if !count_refused {
                count_refused = true;
                let why = match allowance {
                    Allowance::Refused => msg("error-attachment-not-allowed"),
                    Allowance::Room(_) => msg("error-attachment-count").arg("max", max_count),
                };
                out.errors.add("attachments", why);
            }
            continue;
        }
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
                continue; // read the rest of this file past without keeping it
            }
            file.write_all(&chunk).await.map_err(WebError::internal)?;
        }
        file.flush().await.map_err(WebError::internal)?;
        drop(file);
        if sent_name.is_empty() && size == 0 {
            let _ = tokio::fs::remove_file(&temp).await;
            continue; // the file input was left empty
        }
        new_files += 1;
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
        match files::accept(state.db(), &store, temp, &sent_name, uploader, quota).await {
            Ok(Attachment {
                pending_token: Some(t),
                ..
            }) => out.pending.push(t),
            Ok(_) => {}
            Err(DomainError::Invalid(errors)) => out.errors.0.extend(errors.0),
            Err(e) => return Err(e.into()),
        }
    }
    out.pending.dedup();
    Ok(out)
}
