//! Business rules and their SQL, one folder per capability. Nothing here knows about HTTP or HTML.
//!
//! Functions take a `&Connection` (reads) or a `&Transaction` (writes) so that a caller can group
//! several of them in one transaction; the async wrappers around them live with the callers.

pub mod auth;
pub mod branding;
pub mod clock;
pub mod demo;
pub mod error;
pub mod events;
pub mod groups;
pub mod ids;
pub mod lists;
pub mod mail;
pub mod procedures;
pub mod profiles;
pub mod rendered;
pub mod rights;
pub mod sessions;
pub mod settings;
pub mod setup;
pub mod system;
pub mod text;
pub mod tickets;
pub mod token;
pub mod users;
pub mod views;
pub mod worklist;

pub use error::{DomainError, Failure, FieldErrors};
