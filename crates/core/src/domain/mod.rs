//! Business rules and their SQL, one folder per capability. Nothing here knows about HTTP or HTML.
//!
//! Each capability's use cases take the [`Db`](crate::db::Db) and the [`Actor`] and open their
//! own transaction; the functions they are made of take a `&Connection` (reads) or a
//! `&Transaction` (writes) so that one use case can group several of them in one transaction.

pub mod actor;
pub mod api;
pub mod assets;
pub mod auth;
pub mod availability;
pub mod branding;
pub mod calendar;
pub mod clock;
pub mod demo;
pub mod directory;
pub mod error;
pub mod events;
pub mod files;
pub mod groups;
pub mod ids;
pub mod import;
pub mod intranet;
pub mod lists;
pub mod mail;
pub mod procedures;
pub mod profiles;
pub mod rendered;
pub mod rights;
pub mod run;
pub mod sessions;
pub mod settings;
pub mod setup;
pub mod statistics;
pub mod surveys;
pub mod system;
pub mod text;
pub mod tickets;
pub mod token;
pub mod users;
pub mod views;
pub mod webhooks;
pub mod worklist;

pub use actor::Actor;
pub use error::{DomainError, Failure, FieldErrors};
