//! CSRF protection for every state-changing request.
//!
//! A POST (or PUT, PATCH, DELETE) must carry the visitor's token: in the `_csrf` field of a
//! urlencoded form, in the `X-CSRF-Token` header, or in the `_csrf` query parameter (for
//! multipart uploads). Logged-in visitors' tokens are bound to their session; others use a
//! double-submit cookie. A request without a valid token is refused with 403 before any
//! handler runs, so it changes nothing.

use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::Method;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::domain::token::constant_time_eq;

use super::error::WebError;
use super::visitor::Visitor;

/// The form field carrying the token.
pub const FIELD: &str = "_csrf";
/// The header carrying the token (for scripts).
pub const HEADER: &str = "x-csrf-token";
/// The largest urlencoded body read here; page forms are far smaller.
const MAX_FORM_BYTES: usize = 1024 * 1024;

/// The middleware.
pub async fn check(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let Some(visitor) = req.extensions().get::<Arc<Visitor>>().cloned() else {
        return WebError::Csrf.into_response();
    };
    let (parts, body) = req.into_parts();

    let mut provided: Option<String> = parts
        .headers
        .get(HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if provided.is_none() {
        provided = parts.uri.query().and_then(|q| field_value(q.as_bytes()));
    }
    let is_form = parts
        .headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));

    let body = if is_form {
        let Ok(bytes) = to_bytes(body, MAX_FORM_BYTES).await else {
            return WebError::Csrf.into_response();
        };
        if provided.is_none() {
            provided = field_value(&bytes);
        }
        Body::from(bytes)
    } else {
        body
    };

    let valid = visitor.csrf_known
        && provided
            .as_deref()
            .is_some_and(|p| constant_time_eq(p, &visitor.csrf));
    if !valid {
        tracing::warn!(path = %parts.uri.path(), ip = %visitor.ip, "refused a request without a valid CSRF token");
        return WebError::Csrf.into_response();
    }
    next.run(Request::from_parts(parts, body)).await
}

fn field_value(urlencoded: &[u8]) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(urlencoded)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == FIELD)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_token_in_a_form() {
        assert_eq!(
            field_value(b"login=a&_csrf=abc%20d&x=1").as_deref(),
            Some("abc d")
        );
        assert_eq!(field_value(b"login=a"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Any body parses or is refused without panicking; a token sent is found as sent.
        #[test]
        fn any_form_body_is_read_safely(
            body in proptest::collection::vec(proptest::num::u8::ANY, 0..200),
            token in "[a-f0-9]{0,64}",
        ) {
            let _ = field_value(&body);
            let mut form = body.clone();
            form.retain(|b| *b != b'&' && *b != b'=' && *b != b'%' && *b != b'+');
            let sent = format!("a={}&_csrf={token}", String::from_utf8_lossy(&form).replace(['&', '=', '%', '+'], ""));
            if let Ok(text) = std::str::from_utf8(sent.as_bytes()) {
                proptest::prop_assert_eq!(field_value(text.as_bytes()), Some(token.clone()));
            }
        }
    }
}
