//! Making and changing accounts (administrators' tokens): `POST /api/v1/users` and
//! `PATCH /api/v1/users/{id}`, through the administration form's rules.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::domain::error::{DomainError, FieldErrors};
use crate::domain::ids::UserId;
use crate::domain::users::remote;
use crate::i18n::msg;
use crate::web::error::WebError;
use crate::web::paths;
use crate::web::state::AppState;

use super::problem;
use super::routes::ApiCaller;
use super::users::account;

/// The body of a new account or a change: any of these fields (the administration form's
/// names; a field left out of a change keeps its value, `null` empties it).
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)] // Read as a JSON object by [`read_fields`]; this type documents it.
pub struct AccountChange {
    /// Unique; required for a new account.
    pub login: Option<String>,
    /// Set as the account's password (the password policy applies).
    pub password: Option<String>,
    pub firstname: Option<String>,
    pub lastname: Option<String>,
    pub mail: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub fax: Option<String>,
    pub function: Option<String>,
    /// A company's id (`/api/v1/lists/companies`).
    pub company: Option<i64>,
    pub address1: Option<String>,
    pub address2: Option<String>,
    pub zip: Option<String>,
    pub city: Option<String>,
    pub custom1: Option<String>,
    pub custom2: Option<String>,
    /// `user`, `power_user`, `supervisor`, `technician` or `administrator` (a new account is a
    /// user unless told).
    pub profile: Option<String>,
    /// `fr`, `en`, `es` or `de`.
    pub language: Option<String>,
    /// A change only: `true` disables the account (its sessions end), `false` enables it.
    pub disabled: Option<bool>,
}

/// A body read: its fields as the form would send them, and `disabled` if given.
type Read = (Vec<(String, String)>, Option<bool>);

/// The fields of a body as the form would send them, and `disabled`.
fn read_fields(body: serde_json::Map<String, Value>) -> Result<Read, FieldErrors> {
    let mut fields = Vec::new();
    let mut disabled = None;
    let mut errors = FieldErrors::new();
    for (name, value) in body {
        let field = remote::FIELDS
            .into_iter()
            .find(|f| *f == name)
            .unwrap_or("fields");
        match (name.as_str(), value) {
            ("disabled", Value::Bool(b)) => disabled = Some(b),
            ("disabled", _) => errors.add("disabled", msg("api-wrong-type").arg("name", &name)),
            (_, value) => match super::body::form_text(&value) {
                Some(text) => fields.push((name, text)),
                None => errors.add(field, msg("api-wrong-type").arg("name", &name)),
            },
        }
    }
    if errors.is_empty() {
        Ok((fields, disabled))
    } else {
        Err(errors)
    }
}

fn ip(connect: Option<axum::Extension<ConnectInfo<SocketAddr>>>) -> String {
    connect.map_or_else(
        || "api".to_owned(),
        |axum::Extension(ConnectInfo(a))| a.ip().to_canonical().to_string(),
    )
}

/// New account
///
/// Makes an account with the administration form's rules (unique login, the password
/// policy, the lists' values).
#[utoipa::path(
    post,
    path = "/api/v1/users",
    tag = "users",
    request_body(content = AccountChange, content_type = "application/json"),
    responses(
        (status = 201, description = "The new account", body = super::users::Account,
            headers(("Location" = String, description = "The account's address in the API"))),
        (status = 403, description = "Not an administrator's token, or a read-only one", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field refused or missing, with its name and the reason", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn create(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    connect: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    Json(body): Json<serde_json::Map<String, Value>>,
) -> Result<Response, WebError> {
    let (fields, disabled) = match read_fields(body) {
        Ok(read) => read,
        Err(errors) => return Ok(problem::invalid(errors)),
    };
    if disabled.is_some() {
        let mut errors = FieldErrors::new();
        errors.add("disabled", msg("api-unknown-field").arg("name", "disabled"));
        return Ok(problem::invalid(errors));
    }
    let actor = &caller.actor;
    let id = match remote::create(state.db(), actor, fields, ip(connect)).await {
        Ok(id) => id,
        Err(DomainError::Invalid(errors)) => return Ok(problem::invalid(errors)),
        Err(e) => return Err(e.into()),
    };
    let mut response = (StatusCode::CREATED, account(&state, actor, id).await?).into_response();
    if let Ok(location) = HeaderValue::from_str(&paths::fill(paths::API_USER, &[&id])) {
        response.headers_mut().insert(LOCATION, location);
    }
    Ok(response)
}

/// Change an account
///
/// Changes the fields given (the others keep their values), and disables or enables the
/// account with `disabled`. Nobody disables their own account, and the last administrator
/// stays one.
#[utoipa::path(
    patch,
    path = "/api/v1/users/{id}",
    tag = "users",
    params(("id" = i64, Path, description = "The account's id")),
    request_body(content = AccountChange, content_type = "application/json"),
    responses(
        (status = 200, description = "The account after the change", body = super::users::Account),
        (status = 403, description = "Not an administrator's token, or a read-only one", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 409, description = "One's own account disabled, or no administrator left", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field refused, with its name and the reason", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn update(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<UserId>,
    connect: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    Json(body): Json<serde_json::Map<String, Value>>,
) -> Result<Response, WebError> {
    let (fields, disabled) = match read_fields(body) {
        Ok(read) => read,
        Err(errors) => return Ok(problem::invalid(errors)),
    };
    let actor = &caller.actor;
    match remote::change(state.db(), actor, id, fields, disabled, ip(connect)).await {
        Ok(()) => {}
        Err(DomainError::Invalid(errors)) => return Ok(problem::invalid(errors)),
        Err(e) => return Err(e.into()),
    }
    // A new profile, password or switch changes or ends the account's open streams.
    state.hub().sessions_changed();
    Ok(account(&state, actor, id).await?.into_response())
}
