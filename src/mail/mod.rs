//! Mail adapters: [`smtp`] sends through the SMTP connector (lettre over tokio and rustls);
//! [`templates`] turns a mail's content into its HTML and plain-text bodies.
//!
//! What to send, to whom, and the outbox live in [`crate::domain::mail`]; the worker that
//! empties the outbox is [`crate::jobs::outbox`].

pub mod smtp;
pub mod templates;
