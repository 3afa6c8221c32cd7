//! Access guards applied before handlers run.

use crate::domain::rights::Right;
use std::sync::Arc;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::error::WebError;
use super::extract::login_redirect;
use super::paths;
use super::routes::Access;
use super::visitor::Visitor;

/// Sends a user who must change their password to the change-password page before anything
/// else (logging out stays possible).
pub async fn forced_password_change(req: Request, next: Next) -> Response {
    let must_change = req
        .extensions()
        .get::<Arc<Visitor>>()
        .and_then(|v| v.user().map(|u| u.must_change_password))
        .unwrap_or(false);
    let path = req.uri().path();
    if must_change && path != paths::PASSWORD && path != paths::LOGOUT {
        return Redirect::to(paths::PASSWORD).into_response();
    }
    next.run(req).await
}

/// The one access check every page route goes through (see [`super::routes`]): visitors who
/// are not logged in are sent to the login page, users lacking the right get the 403 page.
pub async fn check(access: Access, req: Request, next: Next) -> Response {
    if access == Access::Anyone {
        return next.run(req).await;
    }
    let Some(visitor) = req.extensions().get::<Arc<Visitor>>().cloned() else {
        return WebError::internal("visitor middleware missing").into_response();
    };
    let Some(session) = visitor.session.as_deref() else {
        return login_redirect(&visitor.path);
    };
    let has = |r: Right| session.actor.rights.has(r);
    if !access.allows(Some(&has)) {
        tracing::info!(?access, path = %req.uri().path(), user = %session.actor.user.login, "refused: right not granted");
        return WebError::Forbidden.into_response();
    }
    next.run(req).await
}

/// The function-switch check (see [`super::routes::Routes::behind_function`]): runs before the
/// access check; visitors who are not logged in go on to it (and so to the login page), others
/// get "not found" while the function is off.
pub async fn function(key: crate::domain::settings::Flag, req: Request, next: Next) -> Response {
    // An API call has no visitor: its token's user does, with their settings snapshot.
    let on = if let Some(visitor) = req.extensions().get::<Arc<Visitor>>() {
        visitor.session.is_none() || visitor.settings.flag(key)
    } else if let Some(caller) = req.extensions().get::<Arc<crate::domain::api::Caller>>() {
        caller.actor.settings.flag(key)
    } else {
        return WebError::internal("visitor middleware missing").into_response();
    };
    if !on {
        return WebError::NotFound.into_response();
    }
    next.run(req).await
}
