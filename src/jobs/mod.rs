//! Work the server does on its own while it serves, each job started, reported on and stopped
//! by the [`supervisor`]: [`outbox`] sends the mails waiting in the outbox; [`backups`] writes
//! the daily backup; [`uploads`] removes uploads never saved with their form; [`validations`]
//! accepts resolutions left unanswered and reminds requesters; [`asset_imports`] imports the
//! asset CSV files dropped in the import folder; [`search_index`] writes changed tickets into
//! the search index; [`webhooks`] posts the webhook deliveries. The mail fetch (`crate::mail_in::fetch_due`), the live-update watcher
//! (`crate::live`) and the query statistics refresh run under it too (see `crate::server`).

pub mod asset_imports;
pub mod backups;
pub mod discovery;
pub mod outbox;
pub mod ping_all;
pub mod search_index;
pub mod supervisor;
pub mod uploads;
pub mod validations;
pub mod webhooks;
