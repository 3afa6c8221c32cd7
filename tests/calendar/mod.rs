//! The calendar: interventions planned from a ticket, the calendar by day, week and month,
//! moving with a conflict check, the invitation mailed to the requester and each technician's
//! private feed, read by a real iCalendar parser.

/// Planning, moving and removing interventions; the mails and the calendar views.
pub mod stories;
