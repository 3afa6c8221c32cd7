//! Reading a JSON body's members as a form would send them, and the answers of conditional
//! changes (`If-Match`), shared by the endpoints that change tickets, accounts and assets.

use axum::http::header::IF_MATCH;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::Value;

use crate::i18n::{Msg, msg};

use super::problem;

/// A member's value as a form field would carry it: a text, a number written out, or nothing
/// for `null`; `None` for a value no form field holds (true/false, an array, an object).
pub fn form_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Null => Some(String::new()),
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => None,
    }
}

/// The version in `If-Match` (`"7"`, `W/"7"` or `7`), if there is one.
pub fn if_match(headers: &HeaderMap) -> Option<i64> {
    let value = headers.get(IF_MATCH)?.to_str().ok()?.trim();
    value
        .strip_prefix("W/")
        .unwrap_or(value)
        .trim_matches('"')
        .parse()
        .ok()
}

/// The `428` answer to a change without `If-Match`.
pub fn version_required() -> Response {
    problem::refusal(
        StatusCode::PRECONDITION_REQUIRED,
        msg("error-invalid-title"),
        msg("api-if-match-required"),
    )
}

/// The `412` answer to a change based on a version the record has left, saying `why`.
pub fn version_moved(why: Msg) -> Response {
    problem::refusal(
        StatusCode::PRECONDITION_FAILED,
        msg("error-conflict-title"),
        why,
    )
}
