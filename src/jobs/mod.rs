//! Work the server does on its own while it serves, each job on its own task: [`outbox`] sends
//! the mails waiting in the outbox; [`backups`] writes the daily backup; [`uploads`] removes
//! uploads never saved with their form.

pub mod backups;
pub mod outbox;
pub mod uploads;
