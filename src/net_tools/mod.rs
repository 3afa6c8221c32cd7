//! The network tools as pages, jobs and commands use them: each joins a domain use case (which
//! interfaces or cards, with the actor's rights) to the network adapter (the probe, the magic
//! packet) and back (what the probe found is kept). Pages, the scheduled ping and
//! `gestdesk net` call these, so that every way in follows the same rules.

mod ping;
mod wake;

pub use ping::{PingReport, ping, plan};
pub use wake::{WakeError, WakeReport, wake};
