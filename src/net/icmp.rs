//! ICMP echo to many addresses at once: requests sent at a bounded rate by one thread while
//! another collects the replies, through a raw socket (pnet; needs root or `CAP_NET_RAW`) or
//! through the kernel's unprivileged ICMP sockets (allowed when the process's group is in
//! `net.ipv4.ping_group_range`). Blocking: run it on a blocking thread.

use std::collections::HashMap;
use std::io;
#[cfg(unix)]
use std::net::IpAddr;
use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pnet::packet::Packet;
#[cfg(unix)]
use pnet::packet::icmp::echo_reply::EchoReplyPacket;
use pnet::packet::icmp::echo_request::MutableEchoRequestPacket;
use pnet::packet::icmp::{IcmpPacket, IcmpTypes, checksum};
#[cfg(unix)]
use pnet::packet::ip::IpNextHeaderProtocols;
#[cfg(unix)]
use pnet::transport::{
    TransportChannelType::Layer4, TransportProtocol::Ipv4, icmp_packet_iter, transport_channel,
};
use socket2::{Domain, Protocol, Socket, Type};

/// The kind of ICMP socket used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A raw socket: any echo reply reaching the machine is seen and matched by identifier.
    Raw,
    /// An unprivileged ICMP socket: the kernel sets the identifier and hands this socket its
    /// own replies only.
    Kernel,
}

/// What the echo requests carry after their header.
const PAYLOAD: &[u8] = b"gestdesk-ping";
/// How long the collector waits for a reply before looking at the clock again.
const POLL: Duration = Duration::from_millis(50);

/// The ICMP socket this process may open, raw first. Raw sockets are read here with a
/// timeout that pnet offers on Unix only; elsewhere (Windows, where neither kind is open to
/// ordinary programs) the network tools probe over TCP.
pub fn available() -> Option<Kind> {
    #[cfg(unix)]
    if transport_channel(256, Layer4(Ipv4(IpNextHeaderProtocols::Icmp))).is_ok() {
        return Some(Kind::Raw);
    }
    kernel_socket().ok().map(|_| Kind::Kernel)
}

fn kernel_socket() -> io::Result<UdpSocket> {
    let socket = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::ICMPV4))?;
    // An ICMP datagram socket reads and writes like a UDP one: one message per echo.
    Ok(socket.into())
}

/// An echo request with `identifier` and `sequence`, checksum filled in.
fn echo_request(identifier: u16, sequence: u16) -> Vec<u8> {
    let mut buf = vec![0u8; 8 + PAYLOAD.len()];
    if let Some(mut p) = MutableEchoRequestPacket::new(&mut buf) {
        p.set_icmp_type(IcmpTypes::EchoRequest);
        p.set_identifier(identifier);
        p.set_sequence_number(sequence);
        p.set_payload(PAYLOAD);
        let sum = IcmpPacket::new(p.packet()).map(|i| checksum(&i));
        p.set_checksum(sum.unwrap_or(0));
    }
    buf
}

/// What a sweep shares between its sender and its collector.
struct Sweep<'a> {
    addrs: &'a [Ipv4Addr],
    interval: Duration,
    timeout: Duration,
    stop: &'a AtomicBool,
    sent: &'a AtomicUsize,
    /// When each address was asked.
    asked: Mutex<HashMap<Ipv4Addr, Instant>>,
    /// When the sender stopped sending (set once it is done).
    last_sent: Mutex<Option<Instant>>,
}

impl Sweep<'_> {
    /// Sends one request per address, `interval` apart, through `send`.
    fn send_all(&self, mut send: impl FnMut(Ipv4Addr, u16) -> io::Result<()>) {
        let started = Instant::now();
        for (n, addr) in self.addrs.iter().enumerate() {
            if self.stop.load(Ordering::Relaxed) {
                break;
            }
            // Pace from the start rather than sleeping a fixed time after each send, so that
            // the rate holds whatever each send costs.
            let due = started + self.interval * u32::try_from(n).unwrap_or(u32::MAX);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            self.lock_asked().insert(*addr, Instant::now());
            // The sequence only has to tell requests apart within one sweep; replies are
            // matched by the address that answers.
            let sequence = (n % usize::from(u16::MAX)) as u16;
            if let Err(e) = send(*addr, sequence) {
                tracing::debug!(%addr, "echo request not sent: {e}");
            }
            self.sent.fetch_add(1, Ordering::Relaxed);
        }
        *self.last_sent.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
    }

    fn lock_asked(&self) -> std::sync::MutexGuard<'_, HashMap<Ipv4Addr, Instant>> {
        self.asked.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the collector may stop: stopped, or everything sent and the wait over.
    fn over(&self) -> bool {
        if self.stop.load(Ordering::Relaxed) {
            return true;
        }
        let last = *self.last_sent.lock().unwrap_or_else(|e| e.into_inner());
        last.is_some_and(|at| at.elapsed() >= self.timeout)
    }

    /// Records a reply from `from`, if it was asked and not answered yet.
    fn answer(&self, from: Ipv4Addr, answers: &mut HashMap<Ipv4Addr, Duration>) {
        if answers.contains_key(&from) {
            return;
        }
        if let Some(at) = self.lock_asked().get(&from) {
            answers.insert(from, at.elapsed());
        }
    }
}

/// Sends one echo request to each of `addrs`, `interval` apart, and returns the round-trip
/// time of each address that answered within `timeout` of the last request. `sent` counts the
/// requests sent; setting `stop` ends the sweep early with the answers so far.
pub fn sweep(
    kind: Kind,
    addrs: &[Ipv4Addr],
    interval: Duration,
    timeout: Duration,
    stop: &AtomicBool,
    sent: &AtomicUsize,
) -> io::Result<HashMap<Ipv4Addr, Duration>> {
    let sweep = Sweep {
        addrs,
        interval,
        timeout,
        stop,
        sent,
        asked: Mutex::new(HashMap::with_capacity(addrs.len())),
        last_sent: Mutex::new(None),
    };
    match kind {
        Kind::Raw => raw(&sweep),
        Kind::Kernel => kernel(&sweep),
    }
}

#[cfg(not(unix))]
fn raw(_sweep: &Sweep<'_>) -> io::Result<HashMap<Ipv4Addr, Duration>> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "raw ICMP sockets are read on Unix only",
    ))
}

#[cfg(unix)]
fn raw(sweep: &Sweep<'_>) -> io::Result<HashMap<Ipv4Addr, Duration>> {
    let (mut tx, mut rx) = transport_channel(1 << 16, Layer4(Ipv4(IpNextHeaderProtocols::Icmp)))?;
    // A raw socket sees every ICMP message reaching the machine: only replies carrying this
    // sweep's identifier count.
    let identifier: u16 = rand::random();
    let mut answers = HashMap::new();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            sweep.send_all(|addr, sequence| {
                let mut packet = echo_request(identifier, sequence);
                let request = MutableEchoRequestPacket::new(&mut packet)
                    .ok_or_else(|| io::Error::other("echo request too short"))?;
                tx.send_to(request, IpAddr::V4(addr)).map(|_| ())
            });
        });
        let mut replies = icmp_packet_iter(&mut rx);
        while !sweep.over() {
            match replies.next_with_timeout(POLL) {
                Ok(Some((packet, IpAddr::V4(from)))) => {
                    if packet.get_icmp_type() == IcmpTypes::EchoReply
                        && EchoReplyPacket::new(packet.packet())
                            .is_some_and(|r| r.get_identifier() == identifier)
                    {
                        sweep.answer(from, &mut answers);
                    }
                }
                Ok(_) => {}
                Err(e) => tracing::debug!("reading echo replies: {e}"),
            }
        }
    });
    Ok(answers)
}

fn kernel(sweep: &Sweep<'_>) -> io::Result<HashMap<Ipv4Addr, Duration>> {
    let socket = kernel_socket()?;
    let sender = socket.try_clone()?;
    socket.set_read_timeout(Some(POLL))?;
    let mut answers = HashMap::new();
    std::thread::scope(|scope| {
        scope.spawn(|| {
            sweep.send_all(|addr, sequence| {
                // The kernel replaces the identifier with the socket's own and fills the
                // checksum in.
                let packet = echo_request(0, sequence);
                sender
                    .send_to(&packet, SocketAddrV4::new(addr, 0))
                    .map(|_| ())
            });
        });
        let mut buf = [0u8; 1500];
        while !sweep.over() {
            match socket.recv_from(&mut buf) {
                Ok((len, std::net::SocketAddr::V4(from))) => {
                    // The message starts at the ICMP header: type 0 is an echo reply.
                    if len >= 8 && buf[0] == IcmpTypes::EchoReply.0 {
                        sweep.answer(*from.ip(), &mut answers);
                    }
                }
                Ok(_) => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => tracing::debug!("reading echo replies: {e}"),
            }
        }
    });
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echo_request_carries_its_identifier_sequence_and_a_valid_checksum() {
        let packet = echo_request(0x1234, 7);
        let icmp = IcmpPacket::new(&packet).expect("long enough");
        assert_eq!(icmp.get_icmp_type(), IcmpTypes::EchoRequest);
        assert_eq!(checksum(&icmp), icmp.get_checksum());
        assert_eq!(&packet[4..8], &[0x12, 0x34, 0, 7]);
        assert_eq!(&packet[8..], PAYLOAD);
    }

    #[test]
    fn loopback_answers_whichever_socket_the_process_may_open() {
        let Some(kind) = available() else {
            eprintln!("no ICMP socket allowed to this process: nothing to check");
            return;
        };
        let stop = AtomicBool::new(false);
        let sent = AtomicUsize::new(0);
        let answers = sweep(
            kind,
            &[Ipv4Addr::LOCALHOST],
            Duration::from_millis(1),
            Duration::from_millis(500),
            &stop,
            &sent,
        )
        .expect("sweep");
        assert_eq!(sent.load(Ordering::Relaxed), 1);
        assert!(answers.contains_key(&Ipv4Addr::LOCALHOST), "{kind:?}");
    }
}
