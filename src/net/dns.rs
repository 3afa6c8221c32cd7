//! Reverse DNS names of addresses, through the system's resolver (its hosts file and DNS
//! servers), bounded in time: a resolver that does not answer costs at most the wait given,
//! never the system's own retries.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

use tokio::task::JoinSet;

/// Lookups running at once at most.
const AT_ONCE: usize = 32;

/// The name of each of `addrs` that has a reverse record, found within `wait`.
pub async fn names(addrs: &[Ipv4Addr], wait: Duration) -> HashMap<Ipv4Addr, String> {
    let deadline = Instant::now() + wait;
    let mut found = HashMap::new();
    for chunk in addrs.chunks(AT_ONCE) {
        let mut lookups = JoinSet::new();
        for &addr in chunk {
            lookups.spawn_blocking(move || (addr, dns_lookup::lookup_addr(&IpAddr::V4(addr)).ok()));
        }
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, lookups.join_next()).await {
                Ok(Some(Ok((addr, Some(name))))) => {
                    // A resolver without a record may hand the address back as its name.
                    if name.parse::<IpAddr>().is_err() && !name.is_empty() {
                        found.insert(addr, name);
                    }
                }
                Ok(Some(_)) => {}
                // All done, or the wait is over: lookups still running are left to finish
                // on their own.
                Ok(None) => break,
                Err(_) => {
                    lookups.detach_all();
                    return found;
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn loopback_has_a_name_from_the_hosts_file_and_the_wait_is_bounded() {
        let started = Instant::now();
        let found = names(&[Ipv4Addr::LOCALHOST], Duration::from_secs(3)).await;
        assert!(started.elapsed() < Duration::from_secs(4));
        // Every system names 127.0.0.1 in its hosts file ("localhost").
        assert!(
            found
                .get(&Ipv4Addr::LOCALHOST)
                .is_some_and(|n| n.contains("localhost")),
            "{found:?}"
        );
    }
}
