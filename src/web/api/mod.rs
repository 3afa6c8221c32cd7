//! The JSON API under `/api/v1`: another web area over the same domain use cases, the same
//! `Actor` and the same rights as the pages. A call carries an API token
//! (`Authorization: Bearer gd_...`, made in Administration > API); it acts as the token's user
//! ([`auth`]), each route declares its [`Access`] in the same way as a page ([`routes`]), and
//! every refusal is a problem document (RFC 9457) saying what the page would say ([`problem`]).

mod accounts;
mod assets;
mod auth;
mod body;
pub mod doc;
mod files;
mod limiter;
mod list;
mod lists;
mod me;
mod problem;
mod routes;
mod tickets;
mod time;
mod users;

use axum::Router;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::any;

pub use limiter::Limiter;

pub(super) use routes::guard;

use super::paths;
use super::routes::{Access, RouteInfo, Routes};
use super::state::AppState;
use crate::domain::rights::names;
use crate::domain::settings::FUNCTION_ASSETS;
use crate::i18n::Lang;

/// Every API route with its access rule.
fn routes() -> Routes {
    Routes::api()
        .get(paths::API_ME, Access::LoggedIn, me::show)
        .get(paths::API_TICKETS, Access::LoggedIn, list::list)
        .post(paths::API_TICKETS, Access::LoggedIn, tickets::create)
        .get(paths::API_LIST, Access::LoggedIn, lists::show)
        .get(paths::API_USERS, Access::Right(names::ADMIN), users::list)
        .post(
            paths::API_USERS,
            Access::Right(names::ADMIN),
            accounts::create,
        )
        .get(paths::API_USER, Access::LoggedIn, users::show)
        .patch(
            paths::API_USER,
            Access::Right(names::ADMIN),
            accounts::update,
        )
        .get(paths::API_TICKET, Access::LoggedIn, tickets::show)
        .patch(paths::API_TICKET, Access::LoggedIn, tickets::update)
        .post_upload(
            paths::API_TICKET_FILES,
            Access::LoggedIn,
            files::upload,
            crate::web::tickets::upload::MAX_REQUEST_BYTES,
        )
        .get(paths::API_TICKET_FILE, Access::LoggedIn, files::download)
        .merge(
            Routes::api()
                .get(paths::API_ASSETS, Access::Right(names::ASSET), assets::list)
                .post(
                    paths::API_ASSETS,
                    Access::Right(names::ASSET),
                    assets::create,
                )
                .get(paths::API_ASSET, Access::Right(names::ASSET), assets::show)
                .patch(
                    paths::API_ASSET,
                    Access::Right(names::ASSET),
                    assets::update,
                )
                .behind_function(FUNCTION_ASSETS),
        )
}

/// The API's route table (for the rights walk and the attack tests).
pub fn table() -> Vec<RouteInfo> {
    routes().into_parts().1
}

/// The API's router: its routes behind the token check, and a problem document for anything
/// else under `/api/v1`.
pub fn router(state: &AppState) -> Router<AppState> {
    let (router, _) = routes().into_parts();
    router
        .route_layer(from_fn_with_state(state.clone(), auth::authenticate))
        .route(paths::API_OPENAPI, axum::routing::get(doc::openapi_json))
        .route(paths::API_ANY, any(crate::web::error::not_found))
        .layer(from_fn(|req, next| problem::render(Lang::En, req, next)))
}
