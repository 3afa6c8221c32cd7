//! Wake-on-LAN: the magic packet (six 0xFF bytes, then the MAC address sixteen times) sent
//! over UDP to broadcast addresses. Sending to a broadcast address needs no privilege.

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4};

use tokio::net::UdpSocket;

/// The port magic packets go to unless configured otherwise (the "discard" port).
pub const DEFAULT_PORT: u16 = 9;

/// The magic packet that wakes the card with address `mac`.
pub fn magic_packet(mac: [u8; 6]) -> [u8; 102] {
    let mut packet = [0xFF; 102];
    for chunk in packet[6..].chunks_exact_mut(6) {
        chunk.copy_from_slice(&mac);
    }
    packet
}

/// Sends the magic packet for `mac` to each of `targets` on `port`; returns how many were
/// sent, or the first failure when none was.
pub async fn wake(mac: [u8; 6], targets: &[Ipv4Addr], port: u16) -> io::Result<usize> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).await?;
    socket.set_broadcast(true)?;
    let packet = magic_packet(mac);
    let mut sent = 0;
    let mut first_error = None;
    for target in targets {
        match socket
            .send_to(&packet, SocketAddrV4::new(*target, port))
            .await
        {
            Ok(_) => sent += 1,
            Err(e) => {
                tracing::debug!(%target, "magic packet not sent: {e}");
                first_error.get_or_insert(e);
            }
        }
    }
    match (sent, first_error) {
        (0, Some(e)) => Err(e),
        _ => Ok(sent),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_magic_packet_is_six_ff_then_sixteen_times_the_address() {
        let mac = [0x02, 0x77, 0, 0, 0, 0x05];
        let p = magic_packet(mac);
        assert_eq!(&p[..6], &[0xFF; 6]);
        for n in 0..16 {
            assert_eq!(&p[6 + 6 * n..12 + 6 * n], &mac);
        }
    }

    #[tokio::test]
    async fn a_listener_receives_the_exact_packet() {
        let listener = UdpSocket::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let mac = [0xAA, 0xBB, 0xCC, 0x01, 0x02, 0x03];
        let sent = wake(mac, &[Ipv4Addr::LOCALHOST], port).await.expect("sent");
        assert_eq!(sent, 1);
        let mut buf = [0u8; 200];
        let (len, _) = listener.recv_from(&mut buf).await.expect("received");
        assert_eq!(&buf[..len], &magic_packet(mac)[..]);
    }
}
