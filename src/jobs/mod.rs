//! Work the server does on its own while it serves, each job on its own task: [`outbox`] sends
//! the mails waiting in the outbox; [`backups`] writes the daily backup.

pub mod backups;
pub mod outbox;
