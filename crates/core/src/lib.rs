//! Gestdesk's core: the rules of the helpdesk and the data they keep, with no web, mail,
//! network or platform concern. The `gestdesk` package puts pages, adapters (SMTP and those to
//! come), background jobs, the command line and the server around it.
//!
//! # Layout
//! - [`db`]: the SQLite handle (pool, per-connection pragmas, embedded migrations).
//! - [`domain`]: use cases, rules and SQL per capability (users, sessions, rights, settings,
//!   tickets, mail content and the outbox, ...). No HTTP, no HTML framework, no SMTP.
//! - [`i18n`]: Fluent translations, message keys and language negotiation.
//! - [`markdown`]: Markdown to sanitized HTML, for pages and mails.
//!
//! A test in the `gestdesk` package fails if this crate's dependencies come to include a web,
//! HTML-template, mail-transport or networking crate.

pub mod db;
pub mod domain;
pub mod i18n;
pub mod markdown;
