//! The API's errors as `application/problem+json` (RFC 9457). Handlers fail with the same
//! [`WebError`](crate::web::WebError) as the pages, so that a refusal means the same thing and
//! says the same words (in the language of the token's user); [`render`] turns the error the
//! pages would show into a problem document, and gives the same treatment to what the router
//! and the extractors refuse (an unknown address, a wrong method, a body that is not the JSON
//! expected, with the reason).

use axum::extract::Request;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_TYPE, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::i18n::{Lang, Msg, msg};
use crate::web::error::ErrorPage;

/// The media type of a problem document.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem document (RFC 9457).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// Always `about:blank`: the status says what kind of problem it is.
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// The fields at fault, each with its message, when the input was refused.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// One refused field.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

impl Problem {
    /// A problem of `status` with `title` and `detail` in `lang`.
    pub fn new(status: StatusCode, title: &Msg, detail: String, lang: Lang) -> Problem {
        Problem {
            kind: "about:blank",
            title: title.render(lang),
            status: status.as_u16(),
            detail,
            errors: Vec::new(),
        }
    }

    /// The problem as a response.
    pub fn response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}

/// The language the API answers in: the token user's, which the authentication puts on the
/// response; without it (no token, an unknown address), the server's default.
#[derive(Debug, Clone, Copy)]
pub struct ApiLang(pub Lang);

/// Turns every error answer below it into a problem document, in the language `default` unless
/// the response carries its caller's ([`ApiLang`]).
pub async fn render(default: Lang, req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    if status.is_success() || status.is_redirection() || is_problem(&response) {
        return response;
    }
    let lang = response
        .extensions()
        .get::<ApiLang>()
        .map_or(default, |l| l.0);
    let (parts, body) = response.into_parts();
    if let Some(page) = parts.extensions.get::<ErrorPage>() {
        let mut problem = Problem::new(status, &page.title, page.message.render(lang), lang);
        if let Some(fields) = parts.extensions.get::<FieldMessages>() {
            problem.errors = fields
                .0
                .iter()
                .map(|(field, m)| FieldProblem {
                    field: (*field).to_owned(),
                    message: m.render(lang),
                })
                .collect();
        }
        return with_headers(problem.response(), &parts.headers);
    }
    // What the router or an extractor refused: its text says why (a missing field, an
    // unknown one, a wrong type), in English.
    let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
    let reason = String::from_utf8_lossy(&text).trim().to_owned();
    let (status, title, detail) = match status {
        StatusCode::NOT_FOUND => (
            status,
            msg("error-not-found-title"),
            msg("error-not-found-text").render(lang),
        ),
        StatusCode::METHOD_NOT_ALLOWED => (
            status,
            msg("error-not-found-title"),
            msg("error-method-text").render(lang),
        ),
        s if s.is_client_error() => (
            s,
            msg("error-bad-request-title"),
            if reason.is_empty() {
                msg("error-bad-request-text").render(lang)
            } else {
                reason
            },
        ),
        s => (
            s,
            msg("error-internal-title"),
            msg("error-internal-text").render(lang),
        ),
    };
    with_headers(
        Problem::new(status, &title, detail, lang).response(),
        &parts.headers,
    )
}

/// An error answer of `status` saying `message` under `title`, made a problem document by
/// [`render`].
pub fn refusal(status: StatusCode, title: Msg, message: Msg) -> Response {
    let mut response = status.into_response();
    response.extensions_mut().insert(ErrorPage {
        title,
        message,
        detail: None,
    });
    response
}

/// `422` listing every refused field with its message.
pub fn invalid(errors: crate::domain::FieldErrors) -> Response {
    let first = errors
        .0
        .first()
        .map_or_else(|| msg("error-invalid-title"), |(_, m)| m.clone());
    let mut response = refusal(
        StatusCode::UNPROCESSABLE_ENTITY,
        msg("error-invalid-title"),
        first,
    );
    response.extensions_mut().insert(FieldMessages(errors.0));
    response
}

/// Every field message of a refused input, for [`render`] (a page shows them beside the
/// fields; the API lists them).
#[derive(Debug, Clone)]
pub struct FieldMessages(pub Vec<(&'static str, Msg)>);

fn is_problem(response: &Response) -> bool {
    response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes() == PROBLEM_JSON.as_bytes())
}

/// Keeps the headers the handler set (`Retry-After`, `WWW-Authenticate`, `Allow`) but the
/// body's.
fn with_headers(mut response: Response, headers: &axum::http::HeaderMap) -> Response {
    for (name, value) in headers {
        if name != CONTENT_TYPE && name != axum::http::header::CONTENT_LENGTH {
            response.headers_mut().append(name.clone(), value.clone());
        }
    }
    response
}
