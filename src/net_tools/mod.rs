//! The network tools as pages, jobs and commands use them: each joins a domain use case (which
//! interfaces or cards, with the actor's rights) to the network adapter (the probe, the magic
//! packet) and back (what the probe found is kept). Pages, the scheduled ping and
//! `gestdesk net` call these, so that every way in follows the same rules.

mod discover;
mod every;
mod ping;
mod wake;

pub use discover::{Running, discover, running, start, stop};
pub use every::{Turn, ping_every};
pub use ping::{PingReport, ping, plan};
pub use wake::{WakeError, WakeReport, wake};

/// The translation keys of a probing method's name and explanation, by its code (as
/// [`crate::net::probe::Method::code`] gives it and the runs keep it).
pub fn method_keys(code: &str) -> (&'static str, &'static str) {
    match code {
        "raw-icmp" => ("net-method-raw-icmp", "net-method-raw-icmp-help"),
        "kernel-icmp" => ("net-method-kernel-icmp", "net-method-kernel-icmp-help"),
        _ => ("net-method-tcp", "net-method-tcp-help"),
    }
}
