//! Accounts: `GET /api/v1/users/{id}` (one's own account, or any for administrators) and
//! `GET /api/v1/users` (the administrators' account search).

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};

use crate::domain::ids::UserId;
use crate::domain::users::{self, search::UserQuery};
use crate::web::error::WebError;
use crate::web::state::AppState;

use super::routes::ApiCaller;
use super::time::rfc3339;

/// Most accounts on one page.
const MAX_PER_PAGE: i64 = 100;

/// An account.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Account {
    pub id: i64,
    pub login: String,
    /// The name as shown everywhere.
    pub name: String,
    pub firstname: String,
    pub lastname: String,
    pub mail: String,
    /// `user`, `power_user`, `supervisor`, `technician` or `administrator`.
    pub profile: &'static str,
    /// The language chosen (`fr`, `en`, `es`, `de`), if any.
    pub language: Option<String>,
    pub disabled: bool,
    pub last_login_at: Option<String>,
}

/// One account of a search.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AccountLine {
    pub id: i64,
    pub login: String,
    pub name: String,
    pub mail: String,
    pub phone: String,
    pub mobile: String,
    pub company: String,
    pub profile: &'static str,
    pub last_login_at: Option<String>,
}

/// A page of accounts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct AccountPage {
    pub users: Vec<AccountLine>,
    pub total: i64,
    pub page: i64,
    pub pages: i64,
}

/// The search's parameters.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Search {
    /// Words matched against name, login, mail and company.
    #[serde(default)]
    pub q: String,
    /// The disabled accounts instead of the active ones.
    #[serde(default)]
    pub disabled: bool,
    /// From 1.
    pub page: Option<i64>,
    /// 1 to 100 (default 50).
    pub per_page: Option<i64>,
}

/// An account
///
/// The token's own account, or any account for an administrator's token; any other is not
/// found.
#[utoipa::path(
    get,
    path = "/api/v1/users/{id}",
    tag = "users",
    params(("id" = i64, Path, description = "The account's id")),
    responses(
        (status = 200, description = "The account", body = Account),
        (status = 401, description = "No valid token", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account, or one the user may not read", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn show(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<UserId>,
) -> Result<Json<Account>, WebError> {
    account(&state, &caller.actor, id).await
}

/// Account `id` as `actor` may read it.
pub(super) async fn account(
    state: &AppState,
    actor: &crate::domain::Actor,
    id: UserId,
) -> Result<Json<Account>, WebError> {
    let u = users::readable(state.db(), actor, id).await?;
    Ok(Json(Account {
        id: u.id.0,
        profile: u.profile.code(),
        last_login_at: u.last_login_at.map(rfc3339),
        login: u.login,
        name: u.name,
        firstname: u.firstname,
        lastname: u.lastname,
        mail: u.mail,
        language: u.language,
        disabled: u.disabled,
    }))
}

/// Accounts
///
/// The administrators' account search: active accounts (or the disabled ones) matching the
/// words, by name.
#[utoipa::path(
    get,
    path = "/api/v1/users",
    tag = "users",
    params(Search),
    responses(
        (status = 200, description = "A page of accounts", body = AccountPage),
        (status = 400, description = "A parameter that cannot be read", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 401, description = "No valid token", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator's token", body = super::problem::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
pub async fn list(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(s): Query<Search>,
) -> Result<Json<AccountPage>, WebError> {
    let q = UserQuery {
        text: s.q.chars().take(200).collect(),
        disabled: s.disabled,
        page: s.page.unwrap_or(1).max(1),
        per_page: s.per_page.unwrap_or(50).clamp(1, MAX_PER_PAGE),
    };
    let found = users::find_as(state.db(), &caller.actor, q).await?;
    Ok(Json(AccountPage {
        users: found
            .rows
            .into_iter()
            .map(|r| AccountLine {
                id: r.id,
                profile: r.profile.code(),
                last_login_at: r.last_login_at.map(rfc3339),
                login: r.login,
                name: r.name,
                mail: r.mail,
                phone: r.phone,
                mobile: r.mobile,
                company: r.company,
            })
            .collect(),
        total: found.total,
        page: found.page,
        pages: found.pages,
    }))
}
