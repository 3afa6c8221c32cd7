//! Who calls an API route, and the check of its [`Access`] rule against the rights of the
//! token's user, exactly as the pages check the session's (the routes are declared with
//! [`crate::web::routes::Routes::api`]): the same rule type, the same table, never a second set
//! of rules.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::domain::api::Caller;
use crate::domain::rights::Right;
use crate::web::error::WebError;
use crate::web::routes::Access;

/// The caller of an API request (see [`super::auth::authenticate`]).
pub struct ApiCaller(pub Arc<Caller>);

impl<S: Send + Sync> FromRequestParts<S> for ApiCaller {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Arc<Caller>>()
            .cloned()
            .map(ApiCaller)
            .ok_or_else(|| WebError::internal("API caller missing"))
    }
}

/// The access check of one API route.
pub async fn guard(access: Access, req: Request, next: Next) -> Response {
    let Some(caller) = super::auth::caller(&req) else {
        return WebError::internal("API caller missing").into_response();
    };
    let has = |r: Right| caller.actor.has(r);
    if !access.allows(Some(&has)) {
        tracing::info!(?access, path = %req.uri().path(), user = %caller.actor.user.login, "API call refused: right not granted");
        return WebError::Forbidden.into_response();
    }
    next.run(req).await
}
