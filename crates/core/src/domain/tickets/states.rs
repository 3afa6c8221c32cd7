//! The six built-in ticket states, by their GestSup ids (kept for importers).

/// Not given to a technician yet.
pub const UNASSIGNED: i64 = 5;
/// Given to a technician, not started.
pub const WAITING: i64 = 1;
/// Being handled.
pub const IN_PROGRESS: i64 = 2;
/// Waiting for the requester.
pub const WAITING_USER: i64 = 6;
/// Resolved (closed).
pub const RESOLVED: i64 = 3;
/// Rejected (closed).
pub const REJECTED: i64 = 4;

/// Whether a state ends the ticket's life.
pub fn is_closed(state: i64) -> bool {
    state == RESOLVED || state == REJECTED
}
