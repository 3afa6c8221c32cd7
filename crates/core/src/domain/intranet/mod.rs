//! The intranet form: a ticket form anyone may fill in without an account, embedded in an
//! intranet page (in a frame, or as a plain HTML form posting to Gestdesk). The administrator
//! turns it on, says which origins may embed it, which fields it asks, the category and
//! service its tickets get, and whether an address no account has becomes a requester or is
//! refused (`config`). A form is taken (`submit`) only from an allowed origin, with its trap
//! field left empty, sent neither too soon nor too long after it was shown (the time it was
//! shown is signed into it), and within the per-address limit; its ticket is opened as a
//! mailed-in one is, acknowledged to its requester by mail.

mod config;
mod submit;

pub use config::{Admin, Config, ConfigForm, admin, save};
pub use submit::{FormView, Outcome, Refusal, Submission, form, submit};

/// Longest name typed in the form.
pub const NAME_MAX: usize = 100;

/// How long a shown form may wait before it is sent, in seconds.
pub const TOKEN_MAX_AGE: i64 = 2 * 3_600;

/// The window of the per-address limit, in seconds.
pub const WINDOW_SECS: i64 = 3_600;

/// Most origins allowed to embed the form.
pub const ORIGINS_MAX: usize = 20;
