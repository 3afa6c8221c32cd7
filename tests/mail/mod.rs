//! Mail: the SMTP connector, automatic and manual mails, the outbox.

/// Outgoing mail through a real SMTP server: the connector, automatic and manual mails, the
/// outbox surviving an outage.
pub mod outgoing;

/// Incoming mail: the IMAP connector against a real Dovecot.
pub mod imap_connector;

/// Incoming mail end to end: mailboxes, tickets and replies from mail, rejected mails, the
/// command, a server killed during a fetch.
pub mod incoming;
