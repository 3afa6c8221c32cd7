//! Gestdesk's integration tests, in one binary (one link step on small machines).
//!
//! Each module tells one story through the real server on an ephemeral port with a temporary
//! data directory, driven over HTTP like a browser (or by a real headless Chromium).

mod common;

/// Rights, attacks, lock-outs and sessions.
mod access;
/// The JSON API.
mod api;
/// The asset inventory.
mod assets;
/// Availability: settings, a ticket's unavailability, rates against figures worked out by hand.
mod availability;
/// Pages in a real headless Chromium.
mod browser;
/// The calendar: interventions, views, invitations and feeds.
mod calendar;
/// The directory: the LDAP connector against a real OpenLDAP.
mod directory;
/// Moving in from GestSup.
mod import;
/// The intranet form.
mod intranet;
/// Outgoing mail through a real SMTP server.
mod mail;
/// Accounts, groups and lists.
mod people;
/// The platform: dependency direction, binary, crashes, disks, floods, backups, schema,
/// translations, page frame.
mod platform;
/// Procedures.
mod procedures;
/// Statistics: figures checked against a known set of tickets.
mod statistics;
/// Satisfaction surveys: set-up, the mailed link, answers and their export.
mod surveys;
/// Tickets and their lists.
mod tickets;
