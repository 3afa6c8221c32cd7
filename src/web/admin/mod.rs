//! Administration pages. Each route declares the right it needs (see [`crate::web::routes`]).

mod system;

use crate::domain::rights::names;

use super::paths;
use super::routes::{Access, Routes};

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new().get(
        paths::ADMIN_SYSTEM,
        Access::Right(names::ADMIN),
        system::page,
    )
}
