//! Errors of the web layer and the one place that turns them into pages.
//!
//! A handler returns a [`WebError`]; its response carries an [`ErrorPage`] marker and no body.
//! [`render_error_pages`] then renders the page in the visitor's language, inside the normal
//! frame. The user sees a translated sentence; the detail goes to the log only.

use std::sync::Arc;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::db::DbError;
use crate::domain::rights::names;
use crate::domain::settings::DEBUG;
use crate::domain::{DomainError, Failure};
use crate::i18n::{Msg, msg};

use super::ui::layout;
use super::visitor::Visitor;

/// What went wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("CSRF token missing or wrong")]
    Csrf,
    #[error("unreadable request")]
    BadRequest,
    /// A form larger than any form of the application may be (too many or too long fields).
    #[error("request too large")]
    TooLarge,
    /// The same user's previous request of this kind is still running.
    #[error("busy")]
    Busy,
    /// The action no longer fits what is stored (someone acted first); the message says why.
    #[error("conflict")]
    Conflict(Msg),
    /// A value the rules refuse, on a route without a form to show it again; the message says
    /// which.
    #[error("invalid")]
    Invalid(Msg),
    /// The data cannot be written: the disk is full, or the data directory is read-only.
    #[error("cannot write the data ({full}): {detail}")]
    Storage { full: bool, detail: String },
    #[error("internal error: {0}")]
    Internal(String),
}

impl WebError {
    /// An unexpected failure; `detail` is logged, never shown.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        WebError::Internal(detail.to_string())
    }
}

impl From<DomainError> for WebError {
    /// The one mapping from the domain's failures to the pages' (and the API's) answers.
    fn from(e: DomainError) -> Self {
        match e.failure() {
            Failure::NotFound => WebError::NotFound,
            Failure::Forbidden => WebError::Forbidden,
            Failure::Conflict(m) => WebError::Conflict(m),
            Failure::Invalid(m) => WebError::Invalid(m),
            Failure::StorageFull | Failure::StorageReadOnly => WebError::Storage {
                full: e.failure() == Failure::StorageFull,
                detail: e.to_string(),
            },
            Failure::Internal => WebError::internal(e),
        }
    }
}

impl From<DbError> for WebError {
    fn from(e: DbError) -> Self {
        WebError::from(DomainError::Storage(e))
    }
}

/// The marker left on an error response for [`render_error_pages`].
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub title: Msg,
    pub message: Msg,
    /// What went wrong inside, shown only to administrators in debug mode.
    pub detail: Option<String>,
}

fn error_response(status: StatusCode, title: Msg, message: Msg) -> Response {
    let mut response = status.into_response();
    response.extensions_mut().insert(ErrorPage {
        title,
        message,
        detail: None,
    });
    response
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        match self {
            WebError::NotFound => not_found_response(),
            WebError::Forbidden => error_response(
                StatusCode::FORBIDDEN,
                msg("error-forbidden-title"),
                msg("error-forbidden-text"),
            ),
            WebError::Csrf => error_response(
                StatusCode::FORBIDDEN,
                msg("error-csrf-title"),
                msg("error-csrf-text"),
            ),
            WebError::BadRequest => error_response(
                StatusCode::BAD_REQUEST,
                msg("error-bad-request-title"),
                msg("error-bad-request-text"),
            ),
            WebError::TooLarge => error_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                msg("error-too-large-title"),
                msg("error-too-large-text"),
            ),
            WebError::Busy => error_response(
                StatusCode::TOO_MANY_REQUESTS,
                msg("error-busy-title"),
                msg("error-busy-text"),
            ),
            WebError::Conflict(m) => {
                error_response(StatusCode::CONFLICT, msg("error-conflict-title"), m)
            }
            WebError::Invalid(m) => error_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                msg("error-invalid-title"),
                m,
            ),
            WebError::Storage { full, detail } => {
                tracing::error!(
                    "cannot write the data ({}): {detail}",
                    if full { "disk full" } else { "read-only" }
                );
                let (status, text) = if full {
                    (
                        StatusCode::INSUFFICIENT_STORAGE,
                        msg("error-storage-full-text"),
                    )
                } else {
                    (
                        StatusCode::SERVICE_UNAVAILABLE,
                        msg("error-storage-readonly-text"),
                    )
                };
                let mut response = status.into_response();
                response.extensions_mut().insert(ErrorPage {
                    title: msg("error-storage-title"),
                    message: text,
                    detail: Some(detail),
                });
                response
            }
            WebError::Internal(detail) => {
                tracing::error!("internal error: {detail}");
                let mut response = StatusCode::INTERNAL_SERVER_ERROR.into_response();
                response.extensions_mut().insert(ErrorPage {
                    title: msg("error-internal-title"),
                    message: msg("error-internal-text"),
                    detail: Some(detail),
                });
                response
            }
        }
    }
}

fn not_found_response() -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        msg("error-not-found-title"),
        msg("error-not-found-text"),
    )
}

/// What a request that panicked answers: the internal-error page (the panic is logged).
pub fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    WebError::internal(format!("a request panicked: {detail}")).into_response()
}

/// The fallback for unknown URLs.
pub async fn not_found() -> Response {
    not_found_response()
}

/// Turns the plain-text answers of axum's extractors (a path parameter that does not parse, a
/// query string or form that does not fit) into our pages: 404 for a path, 400 otherwise. Their
/// text, which repeats the input, is dropped. Other responses pass unchanged.
async fn extractor_rejection(response: Response) -> (Response, StatusCode) {
    let status = response.status();
    let plain = response.extensions().get::<ErrorPage>().is_none()
        && response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/plain"));
    if !plain || !status.is_client_error() || status == StatusCode::NOT_FOUND {
        return (response, status);
    }
    let (_, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    tracing::info!(
        "request refused by an extractor ({status}): {}",
        String::from_utf8_lossy(&text)
    );
    let error = if text.starts_with(b"Invalid URL") {
        WebError::NotFound
    } else {
        WebError::BadRequest
    };
    let response = error.into_response();
    let status = response.status();
    (response, status)
}

/// Renders error responses (from handlers, or bare 404/405 from the router) as full pages.
pub async fn render_error_pages(req: Request, next: Next) -> Response {
    let visitor = req.extensions().get::<Arc<Visitor>>().cloned();
    let response = next.run(req).await;
    let Some(visitor) = visitor else {
        return response;
    };
    let (response, status) = extractor_rejection(response).await;
    let page = response
        .extensions()
        .get::<ErrorPage>()
        .cloned()
        .or_else(|| {
            let bare = !response.headers().contains_key(CONTENT_TYPE);
            match status {
                StatusCode::METHOD_NOT_ALLOWED if bare => Some(ErrorPage {
                    title: msg("error-not-found-title"),
                    message: msg("error-method-text"),
                    detail: None,
                }),
                StatusCode::NOT_FOUND if bare => Some(ErrorPage {
                    title: msg("error-not-found-title"),
                    message: msg("error-not-found-text"),
                    detail: None,
                }),
                _ => None,
            }
        });
    let Some(page) = page else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    // The inside story only for administrators, and only when they asked for it.
    let detail = page
        .detail
        .as_deref()
        .filter(|_| visitor.settings.flag(DEBUG) && visitor.has_right(names::ADMIN));
    let body = layout::error_page(&visitor, &page.title, &page.message, detail);
    let mut rendered = (status, body).into_response();
    // Keep the cookies and other headers the handler set.
    for (name, value) in &parts.headers {
        if name != CONTENT_TYPE && name != axum::http::header::CONTENT_LENGTH {
            rendered.headers_mut().append(name.clone(), value.clone());
        }
    }
    parts.headers.clear();
    rendered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_and_a_read_only_disk_get_their_own_page() {
        let io = |kind| WebError::from(DomainError::Files(std::io::Error::from(kind)));
        let full = io(std::io::ErrorKind::StorageFull).into_response();
        assert_eq!(full.status(), StatusCode::INSUFFICIENT_STORAGE);
        let page = full.extensions().get::<ErrorPage>().expect("page");
        assert_eq!(page.message.key, "error-storage-full-text");
        let ro = io(std::io::ErrorKind::ReadOnlyFilesystem).into_response();
        assert_eq!(ro.status(), StatusCode::SERVICE_UNAVAILABLE);
        let other = io(std::io::ErrorKind::InvalidData).into_response();
        assert_eq!(other.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
