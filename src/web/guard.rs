//! Access guards applied before handlers run.

use std::sync::Arc;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::error::WebError;
use super::extract::login_redirect;
use super::paths;
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

/// Refuses the request unless the logged-in user holds right `name`; anonymous visitors are
/// sent to the login page.
pub async fn require_right(name: &'static str, req: Request, next: Next) -> Response {
    let Some(visitor) = req.extensions().get::<Arc<Visitor>>().cloned() else {
        return WebError::internal("visitor middleware missing").into_response();
    };
    if visitor.session.is_none() {
        return login_redirect(&visitor.path);
    }
    if !visitor.has_right(name) {
        tracing::info!(right = name, path = %req.uri().path(), "refused: right not granted");
        return WebError::Forbidden.into_response();
    }
    next.run(req).await
}
