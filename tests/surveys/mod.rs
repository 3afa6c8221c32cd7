//! Satisfaction surveys: questions set up by an administrator, the mail with its single-use
//! link when a ticket enters the chosen state, the requester's answers (once, before expiry),
//! the ticket resolved by them, and the answers read back with their export.

/// From setting up the survey to reading its answers.
pub mod stories;
