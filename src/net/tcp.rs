//! The probe that needs no privilege: a TCP connection attempt to a few common ports of each
//! address. A host that accepts or refuses a connection is up (a refusal is its own TCP stack
//! answering); only silence or "no route" mean no answer. Connections are closed at once.

use std::collections::HashMap;
use std::io;
use std::net::{Ipv4Addr, SocketAddrV4};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use tokio::net::TcpStream;
use tokio::task::JoinSet;

use super::probe::Progress;

/// Ports tried when none are configured: web, SSH, Windows sharing and remote desktop,
/// printers.
pub const COMMON_PORTS: &[u16] = &[80, 443, 22, 445, 139, 3389, 9100];

/// Attempts in flight at most, whatever the rate (each holds a socket per port).
const IN_FLIGHT: usize = 256;

/// Whether `addr` answers on one of `ports` within `timeout`, and how fast.
pub async fn knock(addr: Ipv4Addr, ports: &[u16], timeout: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut attempts = JoinSet::new();
    for &port in ports {
        attempts.spawn(async move {
            let target = SocketAddrV4::new(addr, port);
            match tokio::time::timeout(timeout, TcpStream::connect(target)).await {
                Ok(Ok(_)) => true,
                Ok(Err(e)) => e.kind() == io::ErrorKind::ConnectionRefused,
                Err(_) => false,
            }
        });
    }
    while let Some(answered) = attempts.join_next().await {
        if answered.unwrap_or(false) {
            return Some(started.elapsed());
        }
    }
    None
}

/// Knocks on each of `addrs`, one new address every `interval`, and returns the time each
/// answering address took. `progress` counts the addresses finished; its stop switch ends the
/// sweep early with the answers so far.
pub async fn sweep(
    addrs: &[Ipv4Addr],
    ports: &[u16],
    interval: Duration,
    timeout: Duration,
    progress: &Arc<Progress>,
) -> HashMap<Ipv4Addr, Duration> {
    let ports: Arc<[u16]> = if ports.is_empty() {
        COMMON_PORTS.into()
    } else {
        ports.into()
    };
    let mut answers = HashMap::new();
    let mut running = JoinSet::new();
    let mut pace = tokio::time::interval(interval.max(Duration::from_micros(1)));
    pace.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    for &addr in addrs {
        if progress.stop.load(Ordering::Relaxed) {
            break;
        }
        while running.len() >= IN_FLIGHT {
            collect(running.join_next().await, &mut answers);
        }
        pace.tick().await;
        let ports = Arc::clone(&ports);
        let progress = Arc::clone(progress);
        running.spawn(async move {
            let answer = knock(addr, &ports, timeout).await;
            progress.done.fetch_add(1, Ordering::Relaxed);
            (addr, answer)
        });
    }
    while let Some(finished) = running.join_next().await {
        collect(Some(finished), &mut answers);
    }
    answers
}

type Finished = Result<(Ipv4Addr, Option<Duration>), tokio::task::JoinError>;

fn collect(finished: Option<Finished>, answers: &mut HashMap<Ipv4Addr, Duration>) {
    if let Some(Ok((addr, Some(rtt)))) = finished {
        answers.insert(addr, rtt);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_listening_port_and_a_refusing_one_both_prove_the_host_is_up() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let open = listener.local_addr().expect("addr").port();
        // A port just freed refuses connections.
        let closed = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
            l.local_addr().expect("addr").port()
        };
        let timeout = Duration::from_secs(2);
        assert!(knock(Ipv4Addr::LOCALHOST, &[open], timeout).await.is_some());
        assert!(
            knock(Ipv4Addr::LOCALHOST, &[closed], timeout)
                .await
                .is_some()
        );
    }
}
