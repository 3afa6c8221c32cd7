//! The calendar (the "planning" function switch): the calendar page by day, week or month, the
//! interventions section of a ticket and its actions (plan, change, move, remove), and each
//! technician's private calendar feed. Every route is behind the switch: while it is off they
//! answer "not found" and the menu has no entry.

mod feed;
pub mod interventions;
mod page;
mod view;

use crate::domain::rights::names;
use crate::domain::settings::FUNCTION_CALENDAR;

use super::paths;
use super::routes::{Access, Routes};

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::CALENDAR, Access::Right(names::PLANNING), page::page)
        .get(
            paths::TICKET_INTERVENTIONS,
            Access::Right(names::TICKET_CALENDAR),
            interventions::new_page,
        )
        .post(
            paths::TICKET_INTERVENTIONS,
            Access::Right(names::TICKET_CALENDAR),
            interventions::plan,
        )
        .post(
            paths::CALENDAR_INTERVENTIONS,
            // Offered on the calendar page: what that page needs, and the action's own rights.
            Access::AllRights(&[
                names::PLANNING,
                names::TICKET_CALENDAR,
                names::PLANNING_DIRECT_EVENT,
            ]),
            interventions::plan_direct,
        )
        .post(
            paths::INTERVENTION,
            Access::Right(names::TICKET_CALENDAR),
            interventions::change,
        )
        .post(
            paths::INTERVENTION_MOVE,
            Access::AllRights(&[names::PLANNING, names::TICKET_CALENDAR]),
            interventions::move_to,
        )
        .post(
            paths::INTERVENTION_DELETE,
            Access::Right(names::TICKET_CALENDAR),
            interventions::remove,
        )
        .post(
            paths::CALENDAR_FEED,
            Access::Right(names::PLANNING),
            feed::make,
        )
        .post(
            paths::CALENDAR_FEED_DELETE,
            Access::Right(names::PLANNING),
            feed::remove,
        )
        // Calendar programs have no session: the secret in the address is the key.
        .get(paths::CALENDAR_ICS, Access::Anyone, feed::serve)
        .behind_function(FUNCTION_CALENDAR)
}
