//! The JSON API: tokens made by administrators, calls acting as their user.

/// The OpenAPI document and the reference page.
pub mod reference;
/// Tokens: made, shown once, used, refused, paced, logged and revoked.
pub mod tokens;
/// Webhooks: registered, signed, retried, never in the way of a save.
pub mod webhooks;
