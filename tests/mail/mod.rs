//! Mail: the SMTP connector, automatic and manual mails, the outbox.

/// Outgoing mail through a real SMTP server: the connector, automatic and manual mails, the
/// outbox surviving an outage.
pub mod outgoing;
