//! Probing hosts: the method this process may use, chosen when asked (ICMP through a raw
//! socket, else the kernel's unprivileged ICMP sockets, else TCP connection attempts), and the
//! probe of many addresses at a bounded rate. Addresses that stay silent to ICMP are knocked
//! on over TCP as well: a PC whose firewall drops echo requests still answers on its ports.

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use super::{icmp, tcp};

/// How hosts are probed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// ICMP echo through a raw socket (root or `CAP_NET_RAW`).
    RawIcmp,
    /// ICMP echo through the kernel's unprivileged ICMP sockets.
    KernelIcmp,
    /// TCP connection attempts only.
    Tcp,
}

impl Method {
    /// The best method this process may use now.
    pub fn detect() -> Method {
        match icmp::available() {
            Some(icmp::Kind::Raw) => Method::RawIcmp,
            Some(icmp::Kind::Kernel) => Method::KernelIcmp,
            None => Method::Tcp,
        }
    }

    /// Its stable name, for logs, settings pages and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            Method::RawIcmp => "raw-icmp",
            Method::KernelIcmp => "kernel-icmp",
            Method::Tcp => "tcp",
        }
    }

    fn icmp(self) -> Option<icmp::Kind> {
        match self {
            Method::RawIcmp => Some(icmp::Kind::Raw),
            Method::KernelIcmp => Some(icmp::Kind::Kernel),
            Method::Tcp => None,
        }
    }
}

/// How fast and how long to probe.
#[derive(Debug, Clone)]
pub struct Plan {
    /// New addresses probed per second at most.
    pub rate_per_second: u32,
    /// How long an address has to answer.
    pub timeout: Duration,
    /// The TCP ports knocked on ([`tcp::COMMON_PORTS`] when empty).
    pub tcp_ports: Vec<u16>,
}

impl Plan {
    fn interval(&self) -> Duration {
        Duration::from_secs(1) / self.rate_per_second.max(1)
    }
}

/// How far a probe is, shared with whoever shows it (and with the probe's own threads and
/// tasks), and its stop switch.
#[derive(Debug, Default)]
pub struct Progress {
    /// Probes finished (an address counts once per pass: ICMP, then TCP for the silent ones).
    pub done: AtomicUsize,
    /// Probes planned so far.
    pub total: AtomicUsize,
    /// Set to end the probe early with the answers so far.
    pub stop: AtomicBool,
}

impl Progress {
    /// Asks the probe to stop.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Probes finished and planned.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// What a probe found: the method used and the round-trip time of each address that
/// answered (the others did not).
#[derive(Debug, Clone)]
pub struct Found {
    pub method: Method,
    pub answers: HashMap<Ipv4Addr, Duration>,
}

/// Probes `addrs` (duplicates are probed once) with the best method this process may use.
pub async fn probe(addrs: &[Ipv4Addr], plan: &Plan, progress: &Arc<Progress>) -> Found {
    let method = Method::detect();
    probe_with(method, addrs, plan, progress).await
}

/// Probes `addrs` with `method`.
pub async fn probe_with(
    method: Method,
    addrs: &[Ipv4Addr],
    plan: &Plan,
    progress: &Arc<Progress>,
) -> Found {
    let mut addrs = addrs.to_vec();
    addrs.sort_unstable();
    addrs.dedup();
    progress.total.fetch_add(addrs.len(), Ordering::Relaxed);
    let mut answers = HashMap::new();
    if let Some(kind) = method.icmp() {
        answers = icmp_pass(kind, &addrs, plan, progress).await;
        let silent: Vec<Ipv4Addr> = addrs
            .iter()
            .filter(|a| !answers.contains_key(a))
            .copied()
            .collect();
        addrs = silent;
        progress.total.fetch_add(addrs.len(), Ordering::Relaxed);
    }
    let knocked = tcp::sweep(
        &addrs,
        &plan.tcp_ports,
        plan.interval(),
        plan.timeout,
        progress,
    )
    .await;
    answers.extend(knocked);
    Found { method, answers }
}

/// The ICMP pass, on a blocking thread; a socket that fails now (a capability just dropped)
/// leaves every address to the TCP pass.
async fn icmp_pass(
    kind: icmp::Kind,
    addrs: &[Ipv4Addr],
    plan: &Plan,
    progress: &Arc<Progress>,
) -> HashMap<Ipv4Addr, Duration> {
    let list = addrs.to_vec();
    let (interval, timeout) = (plan.interval(), plan.timeout);
    let shared = Arc::clone(progress);
    let swept = tokio::task::spawn_blocking(move || {
        icmp::sweep(kind, &list, interval, timeout, &shared.stop, &shared.done)
    })
    .await;
    match swept {
        Ok(Ok(answers)) => answers,
        Ok(Err(e)) => {
            tracing::warn!("ICMP probe failed, trying TCP only: {e}");
            HashMap::new()
        }
        Err(e) => {
            tracing::warn!("ICMP probe stopped: {e}");
            HashMap::new()
        }
    }
}
