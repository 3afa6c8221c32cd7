//! Mail adapter: [`smtp`] sends through the SMTP connector (lettre over tokio and rustls).
//!
//! What to send, to whom, the mail bodies and the outbox live in [`crate::domain::mail`]; the
//! worker that empties the outbox is [`crate::jobs::outbox`].

pub mod imap;
pub mod smtp;
