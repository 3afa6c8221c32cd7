//! Gestdesk: a self-contained helpdesk served from one process and one embedded database.
//!
//! The library holds everything; the `gestdesk` binary (command line and headless server) and the
//! `gestdesk-desktop` shell are thin callers of [`App::open`] and [`serve`].
//!
//! # Layout
//! - [`config`]: the validated configuration; every path derives from the data directory the
//!   caller supplies.
//! - [`db`]: the SQLite handle (pool, per-connection pragmas, embedded migrations).
//! - [`domain`]: rules and SQL per capability (users, sessions, rights, settings, ...). No HTTP.
//! - [`web`]: the axum router, request guards (session, CSRF, rights) and the maud pages. No SQL.
//! - [`i18n`]: Fluent translations and language negotiation.
//! - [`server`]: serving an already-bound listener until a shutdown future resolves.
//! - [`cli`]: the command-line sub-commands shared by the binary.
//! - [`net`]: the machine's addresses, to tell users which URL to open.
//! - [`live`]: noticing ticket changes and telling connected browsers.
//! - [`mail`]: the SMTP adapter (lettre) and the mail templates (HTML and plain text).
//! - [`backup`]: backup archives, restoring them, and bringing back one list.
//! - [`jobs`]: work the server does on its own, such as sending the outbox.
//! - [`launcher`]: what the command line and the desktop shell share to start a server.
//! - [`markdown`]: Markdown to sanitized HTML, for pages and mails.

pub mod app;
pub mod backup;
pub mod cli;
pub mod config;
pub mod directory;
pub mod directory_settings;
pub mod directory_sync;
pub mod gestsup;
pub mod jobs;
pub mod launcher;
pub mod live;
pub mod log_files;
pub mod logging;
pub mod mail;
pub mod mail_in;
pub mod mail_settings;
pub mod net;
pub mod net_tools;
pub mod runtime;
pub mod server;
pub mod tls;
pub mod tls_client;
pub mod turn;
pub mod upgrade;
pub mod web;
pub mod webhook;

pub use gestdesk_core::{db, domain, i18n, markdown};

pub use app::{App, AppError};
pub use config::Config;
pub use server::{ServerHandle, serve};

/// The version of this build, as shown by `gestdesk --version` and `/healthz`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
