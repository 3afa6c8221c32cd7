//! The JSON API: tokens made by administrators, calls acting as their user.

/// Tokens: made, shown once, used, refused, paced, logged and revoked.
pub mod tokens;
