//! Administration pages. Every route here requires the `admin` right, checked by
//! [`guard::require_right`] before any handler runs.

mod system;

use axum::Router;
use axum::middleware::from_fn;
use axum::routing::get;

use crate::domain::rights::names;

use super::guard;
use super::paths;
use super::state::AppState;

/// The routes of this area.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route(paths::ADMIN_SYSTEM, get(system::page))
        .route_layer(from_fn(|req, next| {
            guard::require_right(names::ADMIN, req, next)
        }))
}
