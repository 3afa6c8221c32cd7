//! One file of a multipart form read into memory, for forms whose file is read whole rather
//! than kept as an attachment (the logo, an asset CSV file): at most one byte more than the
//! form allows is kept, so a file too large is known as such without being held.

use axum::extract::Multipart;

use super::error::WebError;

/// The file sent in a form field.
#[derive(Debug, Clone, Default)]
pub struct Sent {
    /// Its name on the sender's computer.
    pub name: String,
    pub bytes: Vec<u8>,
    /// Larger than allowed (`bytes` then holds its start only).
    pub too_big: bool,
}

/// The file of field `field` (none when the form has no such field or it holds an empty
/// file), holding at most `max` bytes.
pub async fn read(
    mut multipart: Multipart,
    field: &str,
    max: usize,
) -> Result<Option<Sent>, WebError> {
    let mut found: Option<Sent> = None;
    while let Some(mut part) = multipart.next_field().await.map_err(refused)? {
        if part.name() != Some(field) || found.is_some() {
            continue;
        }
        let mut sent = Sent {
            name: part.file_name().unwrap_or_default().to_owned(),
            ..Sent::default()
        };
        while let Some(chunk) = part.chunk().await.map_err(refused)? {
            if sent.bytes.len() <= max {
                let room = max + 1 - sent.bytes.len();
                sent.bytes
                    .extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
        }
        sent.too_big = sent.bytes.len() > max;
        if !sent.bytes.is_empty() {
            found = Some(sent);
        }
    }
    Ok(found)
}

/// A request cut by the route's body limit is too large; any other broken form is a bad request.
fn refused(e: axum::extract::multipart::MultipartError) -> WebError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        WebError::TooLarge
    } else {
        WebError::BadRequest
    }
}
