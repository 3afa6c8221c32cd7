//! The web layer: routes, request guards and pages. Handlers parse the request, call the domain,
//! and render; they never write SQL.
//!
//! Every page request passes, in order: [`visitor::load`] (session, user, rights, language,
//! CSRF token), [`error::render_error_pages`], a panic catcher (a panic becomes the error
//! page), [`csrf::check`] (every state-changing request) and
//! [`guard::forced_password_change`]; every route declares who may use it in [`routes`], checked by [`guard::check`].

mod account;
mod admin;
mod api;
mod api_reference;
pub(crate) mod assets;
mod auth;
mod availability;
mod calendar;
mod choice_search;
mod cookies;
mod csrf;
mod error;
mod extract;
mod flash;
mod frame_cache;
mod guard;
mod health;
mod home;
mod https;
pub mod intranet;
pub mod list_query;
pub mod outcome;
pub mod password_reset;
pub mod paths;
mod period;
mod procedures;
mod quick_user;
mod register;
pub mod routes;
mod security_headers;
mod setup;
mod setup_move;
pub mod startup;
mod state;
mod static_files;
mod statistics;
mod surveys;
mod tickets;
mod two_factor;
mod ui;
mod upload_bytes;
mod user_form;
mod visitor;
mod worklist;

use axum::Router;
use axum::middleware::from_fn;
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use api::table as api_table;
pub use error::WebError;
use routes::Routes;
pub use routes::{Access, RouteInfo};
pub use state::AppState;

/// Every page route of every area, each with its access rule.
pub(crate) fn pages() -> Routes {
    Routes::new()
        .get(paths::HOME, Access::Anyone, home::page)
        .get(paths::API_REFERENCE, Access::Anyone, api_reference::page)
        .merge(auth::routes())
        .merge(two_factor::routes())
        .merge(setup::routes())
        .merge(setup_move::routes())
        .merge(password_reset::routes())
        .merge(account::routes())
        .merge(admin::routes())
        .merge(tickets::routes())
        .merge(worklist::routes())
        .merge(procedures::routes())
        .merge(calendar::routes())
        .merge(availability::routes())
        .merge(surveys::routes())
        .merge(statistics::routes())
        .merge(assets::routes())
        .get(paths::REGISTER, Access::Anyone, register::page)
        .post(paths::REGISTER, Access::Anyone, register::submit)
        .get(paths::QUICK_USER_NEW, QUICK_USERS, quick_user::new_form)
        .post(paths::QUICK_USER_NEW, QUICK_USERS, quick_user::create)
        .get(paths::QUICK_USER, QUICK_USERS, quick_user::edit_form)
        .post(paths::QUICK_USER, QUICK_USERS, quick_user::update)
}

/// Who may add or correct a requester from another form.
const QUICK_USERS: Access = Access::AnyRight(&[
    crate::domain::rights::names::ADMIN,
    crate::domain::rights::names::TICKET_USER_ACTIONS,
]);

/// The whole application router.
pub fn router(state: AppState) -> Router {
    let (pages, _) = pages().into_parts();
    let pages = pages
        .fallback(error::not_found)
        .layer(from_fn(guard::forced_password_change))
        .layer(from_fn(csrf::check))
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(from_fn(error::render_error_pages))
        .layer(from_fn_with_state(state.clone(), visitor::load));

    let plain = Router::new()
        .route(paths::HEALTHZ, get(health::healthz))
        .route(paths::STATIC, get(static_files::serve));

    pages
        .merge(plain)
        .merge(api::router(&state))
        .merge(intranet::router(&state))
        .layer(from_fn(security_headers::add))
        .layer(from_fn_with_state(state.clone(), https::redirect_and_hsts))
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Fastest))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
