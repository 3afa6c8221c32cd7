//! The platform: the dependency direction, the binary and its commands, crashes, full disks,
//! floods, backups, the schema, translations and the page frame.

/// The dependency direction between the crates and layers.
pub mod architecture;
/// Backups while serving, restores byte for byte, one list brought back, the daily schedule.
pub mod backups;
/// The `gestdesk` binary: version, start-up errors, graceful shutdown, account commands.
pub mod cli;
/// SIGKILL under a write load: nothing acknowledged is lost, files and rows agree.
pub mod crash;
/// A full disk: a clear page, nothing half-written, recovery once space is back.
pub mod disk;
/// Floods and heavy input: nested Markdown, parallel logins, slow and idle connections, huge
/// fields, uploads nobody may make.
pub mod flood;
/// HTTPS in one switch: a self-signed certificate checked by curl and openssl against the
/// fingerprint shown, an administrator's own certificate checked when given and verified
/// through its chain, plain HTTP sent to https://, Secure cookies, HSTS, the console kept.
pub mod https;
/// Translation keys used by the code exist in every language.
pub mod i18n;
/// The page frame, the left menu from rights, 404 pages, health check and static files.
pub mod pages;
/// The database: migrations and the seeded profiles and rights.
pub mod schema;
/// The system page: jobs with "run now" and their failures, connectors with their errors, the
/// integrity check, the log viewer that hides secrets.
pub mod system;
