//! Work the server does on its own while it serves, each job on its own task: [`outbox`] sends
//! the mails waiting in the outbox; [`backups`] writes the daily backup; [`uploads`] removes
//! uploads never saved with their form; [`validations`] accepts resolutions left unanswered
//! and reminds requesters. [`periodic`] runs a job every period.

pub mod backups;
pub mod outbox;
pub mod periodic;
pub mod uploads;
pub mod validations;
