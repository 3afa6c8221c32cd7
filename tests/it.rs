//! Gestdesk's integration tests, in one binary (one link step on small machines).
//!
//! Each module tells one story through the real server on an ephemeral port with a temporary
//! data directory, driven over HTTP like a browser (or by a real headless Chromium).

mod common;

/// The dependency direction between the crates and layers.
mod architecture;
/// Attacks on every route from the router's table: CSRF, injections, XSS, headers.
mod attacks;
/// Backups while serving, restores byte for byte, one list brought back, the daily schedule.
mod backups;
/// Pages in a real headless Chromium through WebDriver: set-up, login, phone layout.
mod browser;
/// The `gestdesk` binary: version, start-up errors, graceful shutdown, account commands.
mod cli;
/// SIGKILL under a write load: nothing acknowledged is lost, files and rows agree.
mod crash;
/// A full disk: a clear page, nothing half-written, recovery once space is back.
mod disk;
/// The first day of a team coming from GestSup: the conversation at the centre of the ticket,
/// replies that take tickets, closing, reopening, pictures in texts.
mod first_day;
/// Floods and heavy input: nested Markdown, parallel logins, slow and idle connections, huge
/// fields, uploads nobody may make.
mod flood;
/// Translation keys used by the code exist in every language.
mod i18n;
/// The last administrator kept, dangerous rights confirmed and logged, a reverse proxy not
/// taken for the console.
mod lockout;
/// Outgoing mail through a real SMTP server: the connector, automatic and manual mails, the
/// outbox surviving an outage.
mod mail;
/// Administration > Groups and Administration > Lists.
mod organisation;
/// The page frame, the left menu from rights, 404 pages, health check and static files.
mod pages;
/// Administration > Users, the own profile, self-registration and the quick user dialog.
mod people;
/// Procedures: the function switch, writing and finding them, who reads which.
mod procedures;
/// Rights enforced on every route for every profile, and the rights matrix.
mod rights;
/// The database: migrations and the seeded profiles and rights.
mod schema;
/// First run, logging in and out, throttling, CSRF, idle expiry, forced password change.
mod sessions;
/// Ticket attachments: uploads, limits, refused files, storage, downloads, removal.
mod ticket_files;
/// Every ticket field right, on the page and on save.
mod ticket_rights;
/// Ticket rules: states, numbers, templates, reminders, visibility, concurrent saves, bad input.
mod ticket_rules;
/// Tickets: forms, thread, attachments, states, templates, reminders, visibility, conflicts.
mod tickets;
/// Requester validation: accepting or reopening a resolution, reminders, the delay.
mod validation;
/// Finding work: the menu's views and counters, the list, search, activity, the user bar,
/// supervision, live events and the CSV export.
mod worklist;
