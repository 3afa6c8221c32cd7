//! The JSON API's tokens and call log. An integration (monitoring, an inventory agent, an
//! intranet page, a script) calls the API with a token an administrator made for it. The token
//! acts as a chosen user: each call is that user's `Actor`, with the rights of their profile at
//! the moment of the call, so that the API applies exactly the rules of the pages. A token may
//! be limited to reading, may expire, and may be revoked; only the SHA-256 of its secret is
//! kept, and the secret is shown once. Every call is written to the call log.

mod calls;
mod tokens;

pub use calls::{Call, CallRow, recent_calls, record_call};
pub use tokens::{Caller, NewToken, Refusal, TokenRow, authenticate, create, list, revoke};

/// What a secret starts with, so that a leaked one is recognised by secret scanners and in logs.
pub const SECRET_PREFIX: &str = "gd_";

/// Longest token name.
pub const NAME_MAX: usize = 100;

/// Longest validity a token may be given, in days (about ten years).
pub const MAX_DAYS: i64 = 3_650;
