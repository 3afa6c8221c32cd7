//! Availability (the "availability" function switch): the report of monitored services over a
//! period with its chart and export, its settings for administrators, and the unavailability
//! section of a ticket that counts. Every route is behind the switch.

mod admin;
mod chart;
mod report;
pub mod ticket;

use crate::domain::rights::names;
use crate::domain::settings::FUNCTION_AVAILABILITY;

use super::paths;
use super::routes::{Access, Routes};

/// The routes of this area.
pub fn routes() -> Routes {
    let admin = Access::Right(names::ADMIN);
    Routes::new()
        .get(
            paths::AVAILABILITY,
            Access::Right(names::AVAILABILITY),
            report::page,
        )
        .get(
            paths::AVAILABILITY_CSV,
            Access::Right(names::AVAILABILITY),
            report::csv,
        )
        .get(paths::ADMIN_AVAILABILITY, admin, admin::page)
        .post(paths::ADMIN_AVAILABILITY, admin, admin::save)
        .post(
            paths::ADMIN_AVAILABILITY_MONITORED,
            admin,
            admin::add_monitored,
        )
        .post(
            paths::ADMIN_AVAILABILITY_MONITORED_DELETE,
            admin,
            admin::remove_monitored,
        )
        .post(
            paths::ADMIN_AVAILABILITY_DEPENDENCIES,
            admin,
            admin::add_dependency,
        )
        .post(
            paths::ADMIN_AVAILABILITY_DEPENDENCY_DELETE,
            admin,
            admin::remove_dependency,
        )
        .post(paths::ADMIN_AVAILABILITY_TARGETS, admin, admin::set_target)
        .post(
            paths::ADMIN_AVAILABILITY_TARGET_DELETE,
            admin,
            admin::remove_target,
        )
        .post(
            paths::TICKET_UNAVAILABILITY,
            Access::Right(names::TICKET_AVAILABILITY),
            ticket::save,
        )
        .post(
            paths::TICKET_UNAVAILABILITY_RESET,
            Access::Right(names::TICKET_AVAILABILITY),
            ticket::reset,
        )
        .behind_function(FUNCTION_AVAILABILITY)
}
