//! The intranet form: a ticket form for people without an account, embedded in an intranet.

/// Opened, sent, acknowledged; robots, stale and hasty forms, other sites and floods refused.
pub mod form;
