//! `GET /api/v1/me`: who the token acts as, with the rights it carries now: what an
//! integration checks first.

use axum::Json;
use serde::Serialize;

use crate::domain::rights::names;

use super::routes::ApiCaller;

/// The token's user.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Me {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub mail: String,
    /// `user`, `power_user`, `supervisor`, `technician` or `administrator`.
    pub profile: &'static str,
    /// Whether the token may only read.
    pub read_only: bool,
    /// The rights of the user's profile (GestSup's names).
    pub rights: Vec<&'static str>,
}

/// Who the token acts as
///
/// The token's user, their profile and the rights it holds now, and whether the token may only
/// read.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "account",
    responses(
        (status = 200, description = "The token's user", body = Me),
        (status = 401, description = "No valid token", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn show(ApiCaller(caller): ApiCaller) -> Json<Me> {
    let actor = &caller.actor;
    Json(Me {
        id: actor.id().0,
        login: actor.user.login.clone(),
        name: actor.user.name.clone(),
        mail: actor.user.mail.clone(),
        profile: actor.user.profile.code(),
        read_only: caller.read_only,
        rights: names::ALL
            .iter()
            .filter(|r| actor.has(**r))
            .map(|r| r.name())
            .collect(),
    })
}
