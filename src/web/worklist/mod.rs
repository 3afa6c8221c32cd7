//! Finding work: the ticket list with its views, filters, search and pages, the activity view,
//! the supervision screen, live updates, and CSV export.

mod activity;
pub(crate) mod bulk;
pub(crate) mod export;
mod live;
pub mod page;
mod supervision;
pub(crate) mod table;

use super::paths;
use super::routes::{Access, Routes};
use crate::domain::rights::names as right;

pub use crate::web::list_query::{ListQuery, pairs as query_pairs};
pub use page::render as render_list;

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::TICKETS, Access::LoggedIn, page::list)
        .post(
            paths::TICKETS_BULK,
            Access::Right(right::TASK_CHECKBOX),
            bulk::apply,
        )
        .get(
            paths::ACTIVITY,
            Access::Right(right::USERBAR),
            activity::page,
        )
        .get(
            paths::SUPERVISION,
            Access::Right(right::SIDE_ALL),
            supervision::page,
        )
        .get(paths::LIVE, Access::LoggedIn, live::stream)
        .get(paths::EXPORT_TICKETS, Access::LoggedIn, export::download)
}
