//! The calendar: interventions planned on tickets (a technician, a start and an end or whole
//! days, a note), shown with the technicians' reminders by day, week or month; moved from the
//! calendar with a conflict check (the technician already planned then is shown, not refused);
//! mailed to the requester with an iCalendar invitation; read by each technician's calendar
//! program through a private feed whose secret is stored hashed.

pub mod feeds;
pub mod ics;
mod mails;
pub mod period;
mod repo;
pub mod rules;
mod use_cases;

pub use period::{Period, View, WeekStart};
pub use rules::Draft;
pub use use_cases::{
    CalendarPage, Shown, change, move_to, of_ticket, page, plan, plan_form, planners, remove,
    ticket_of,
};

use crate::domain::ids::{InterventionId, ReminderId, TicketId};

/// Interventions one ticket may have at once.
pub const MAX_PER_TICKET: i64 = 100;
/// The longest intervention, in days.
pub const MAX_DAYS: i64 = 31;

/// An intervention as its ticket shows it.
#[derive(Debug, Clone)]
pub struct Intervention {
    pub id: InterventionId,
    pub ticket_id: TicketId,
    pub technician_id: i64,
    pub technician: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub all_day: bool,
    pub note: String,
    pub version: i64,
    /// The technician's other interventions at the same time.
    pub conflicts: Vec<Conflict>,
}

/// Another intervention of the same technician that overlaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub ticket_id: i64,
    /// The ticket's title, when the reader sees that ticket.
    pub title: Option<String>,
    pub starts_at: i64,
    pub ends_at: i64,
}

/// What a calendar entry is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    Intervention {
        id: InterventionId,
        version: i64,
        all_day: bool,
    },
    /// A reminder (the bell on a ticket), shown at its time.
    Reminder { id: ReminderId },
}

/// One entry of the calendar.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: EntryKind,
    pub ticket_id: i64,
    /// The ticket's title, when the reader sees that ticket (else the slot shows as busy).
    pub title: Option<String>,
    pub technician_id: i64,
    pub technician: String,
    pub starts_at: i64,
    pub ends_at: i64,
    /// The intervention's note or the reminder's text (empty when the ticket is not seen).
    pub note: String,
    /// The ticket's state and its colour.
    pub state: String,
    pub state_color: String,
    /// Whether another intervention of the same technician overlaps this one.
    pub conflict: bool,
}

/// A technician the calendar can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Technician {
    pub id: i64,
    pub name: String,
}
