//! Every route with its access rule, in one table.
//!
//! Areas declare their routes through [`Routes`], giving each an [`Access`]; [`Routes`] wraps
//! every handler in [`guard::check`] with that rule, so that no handler can be reached without
//! the check, and keeps the table that [`table`] exposes (the test that walks every route with
//! every profile reads it).

use crate::domain::rights::Right;
use axum::Router;
use axum::handler::Handler;
use axum::http::Method;
use axum::middleware::from_fn;
use axum::routing::{MethodRouter, get, post};

use super::guard;
use super::state::AppState;

/// Who may use a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, logged in or not (login page, set-up, health check).
    Anyone,
    /// Any logged-in user.
    LoggedIn,
    /// A logged-in user holding this right.
    Right(Right),
    /// A logged-in user holding at least one of these rights.
    AnyRight(&'static [Right]),
    /// A logged-in user holding every one of these rights (an action offered by a section that
    /// needs its own right, on a page that needs another).
    AllRights(&'static [Right]),
}

impl Access {
    /// Whether a user holding exactly the rights for which `has` answers true may pass
    /// (`None` for a visitor who is not logged in).
    pub fn allows(self, has: Option<&dyn Fn(Right) -> bool>) -> bool {
        match (self, has) {
            (Access::Anyone, _) => true,
            (_, None) => false,
            (Access::LoggedIn, Some(_)) => true,
            (Access::Right(r), Some(has)) => has(r),
            (Access::AnyRight(rs), Some(has)) => rs.iter().any(|r| has(*r)),
            (Access::AllRights(rs), Some(has)) => rs.iter().all(|r| has(*r)),
        }
    }
}

/// One row of the route table.
#[derive(Debug, Clone)]
pub struct RouteInfo {
    pub method: Method,
    pub path: &'static str,
    pub access: Access,
    /// The function switch (setting) the route belongs to, if any: while it is off, the route
    /// answers "not found" to logged-in users.
    pub function: Option<crate::domain::settings::Flag>,
}

/// Whose rights a route's rule is checked against.
#[derive(Debug, Clone, Copy)]
enum Checked {
    /// The browser session's user (the pages).
    Session,
    /// The API token's user (see `web::api`).
    Token,
}

/// Routes being declared, with their table.
pub struct Routes {
    router: Router<AppState>,
    table: Vec<RouteInfo>,
    checked: Checked,
}

impl Default for Routes {
    fn default() -> Self {
        Self::new()
    }
}

impl Routes {
    /// No routes yet.
    pub fn new() -> Self {
        Self {
            router: Router::new(),
            table: Vec::new(),
            checked: Checked::Session,
        }
    }

    /// No API routes yet: their rules are checked against the token's user.
    pub fn api() -> Self {
        Self {
            checked: Checked::Token,
            ..Self::new()
        }
    }

    fn add(
        mut self,
        method: Method,
        path: &'static str,
        access: Access,
        route: MethodRouter<AppState>,
    ) -> Self {
        let guarded = match self.checked {
            Checked::Session => {
                route.route_layer(from_fn(move |req, next| guard::check(access, req, next)))
            }
            Checked::Token => route.route_layer(from_fn(move |req, next| {
                super::api::guard(access, req, next)
            })),
        };
        self.router = self.router.route(path, guarded);
        self.table.push(RouteInfo {
            method,
            path,
            access,
            function: None,
        });
        self
    }

    /// A `GET` route (also answering `HEAD`).
    pub fn get<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::GET, path, access, get(handler))
    }

    /// A `POST` route.
    pub fn post<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::POST, path, access, post(handler))
    }

    /// A `PATCH` route (the API's partial updates).
    pub fn patch<H, T>(self, path: &'static str, access: Access, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        self.add(Method::PATCH, path, access, axum::routing::patch(handler))
    }

    /// A `POST` route that takes uploads: bodies up to `max_bytes` instead of the default 2 MB
    /// (each file is still held to the attachment size setting while it arrives).
    pub fn post_upload<H, T>(
        self,
        path: &'static str,
        access: Access,
        handler: H,
        max_bytes: usize,
    ) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let route = post(handler).layer(axum::extract::DefaultBodyLimit::max(max_bytes));
        self.add(Method::POST, path, access, route)
    }

    /// Puts every route declared so far behind the function switch `key` (a flag setting):
    /// while it is off they answer "not found", as if the function did not exist.
    #[must_use]
    pub fn behind_function(mut self, key: crate::domain::settings::Flag) -> Self {
        self.router = self
            .router
            .route_layer(from_fn(move |req, next| guard::function(key, req, next)));
        for route in &mut self.table {
            route.function = Some(key);
        }
        self
    }

    /// Adds another area's routes.
    pub fn merge(mut self, other: Routes) -> Self {
        self.router = self.router.merge(other.router);
        self.table.extend(other.table);
        self
    }

    /// The router and the table.
    pub fn into_parts(self) -> (Router<AppState>, Vec<RouteInfo>) {
        (self.router, self.table)
    }
}

/// The function switches that have pages in this version (see
/// [`Routes::behind_function`]); the settings page says so of the others.
pub const FUNCTIONS_WITH_PAGES: &[crate::domain::settings::Flag] = &[
    crate::domain::settings::FUNCTION_PROCEDURES,
    crate::domain::settings::FUNCTION_ASSETS,
    crate::domain::settings::FUNCTION_CALENDAR,
    crate::domain::settings::FUNCTION_AVAILABILITY,
    crate::domain::settings::FUNCTION_SURVEYS,
];

/// Every page route with its access rule.
pub fn table() -> Vec<RouteInfo> {
    super::pages().into_parts().1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rights::names as right;

    #[test]
    fn the_functions_with_pages_are_those_of_the_route_table() {
        let mut from_table: Vec<&str> = table()
            .iter()
            .filter_map(|r| r.function.map(|f| f.name()))
            .collect();
        from_table.sort_unstable();
        from_table.dedup();
        let mut declared: Vec<&str> = FUNCTIONS_WITH_PAGES.iter().map(|f| f.name()).collect();
        declared.sort_unstable();
        assert_eq!(from_table, declared);
    }

    #[test]
    fn access_rules() {
        let admin_only = |r: Right| r == right::ADMIN;
        let has: &dyn Fn(Right) -> bool = &admin_only;
        assert!(Access::Anyone.allows(None));
        assert!(!Access::LoggedIn.allows(None));
        assert!(Access::LoggedIn.allows(Some(has)));
        assert!(Access::Right(right::ADMIN).allows(Some(has)));
        assert!(!Access::Right(right::STAT).allows(Some(has)));
        assert!(Access::AnyRight(&[right::STAT, right::ADMIN]).allows(Some(has)));
        assert!(!Access::AnyRight(&[right::STAT]).allows(Some(has)));
        assert!(Access::AllRights(&[right::ADMIN]).allows(Some(has)));
        assert!(!Access::AllRights(&[right::ADMIN, right::STAT]).allows(Some(has)));
    }

    #[test]
    fn every_route_is_declared_once() {
        let table = table();
        for (i, a) in table.iter().enumerate() {
            for b in &table[i + 1..] {
                assert!(
                    !(a.method == b.method && a.path == b.path),
                    "{} {} declared twice",
                    a.method,
                    a.path
                );
            }
        }
    }
}
