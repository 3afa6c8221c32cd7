//! NetBIOS names: a node-status query (NBSTAT, UDP port 137) to each address, and the
//! workstation name each answer gives. Windows PCs, Samba servers and many printers answer;
//! the others stay silent. Needs no privilege.

use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddrV4};
use std::time::{Duration, Instant};

use tokio::net::UdpSocket;

/// The NetBIOS name service port.
pub const PORT: u16 = 137;

/// A node-status query for the name "*", with transaction id `id`.
fn query(id: u16) -> [u8; 50] {
    let mut q = [0u8; 50];
    q[..2].copy_from_slice(&id.to_be_bytes());
    // No flags; one question.
    q[4..6].copy_from_slice(&1u16.to_be_bytes());
    // The name "*" padded with zero bytes to 16, each byte written as two letters.
    q[12] = 0x20;
    let mut name = [0u8; 16];
    name[0] = b'*';
    for (i, b) in name.iter().enumerate() {
        q[13 + 2 * i] = b'A' + (b >> 4);
        q[14 + 2 * i] = b'A' + (b & 0x0F);
    }
    q[45] = 0;
    // Type NBSTAT, class IN.
    q[46..48].copy_from_slice(&0x21u16.to_be_bytes());
    q[48..50].copy_from_slice(&1u16.to_be_bytes());
    q
}

/// The workstation name in a node-status answer: the first unique name with suffix 0x00.
fn workstation(answer: &[u8]) -> Option<String> {
    // Header, then the name: a pointer (two bytes) or labels ending with a zero byte.
    let mut at = 12;
    if answer.get(at)? & 0xC0 == 0xC0 {
        at += 2;
    } else {
        while *answer.get(at)? != 0 {
            at += usize::from(*answer.get(at)?) + 1;
        }
        at += 1;
    }
    // Type, class, time to live, data length.
    at += 10;
    let count = usize::from(*answer.get(at)?);
    at += 1;
    for n in 0..count {
        let entry = answer.get(at + 18 * n..at + 18 * (n + 1))?;
        let suffix = entry[15];
        let group = entry[16] & 0x80 != 0;
        if suffix == 0 && !group {
            let name: String = entry[..15]
                .iter()
                .map(|&b| char::from(b))
                .collect::<String>()
                .trim_end()
                .to_owned();
            let printable = !name.is_empty() && name.chars().all(|c| c.is_ascii_graphic());
            return printable.then_some(name);
        }
    }
    None
}

/// Asks each of `addrs` for its NetBIOS names and returns the workstation name of each that
/// answered within `timeout` of the last question.
pub async fn names(addrs: &[Ipv4Addr], timeout: Duration) -> HashMap<Ipv4Addr, String> {
    let mut found = HashMap::new();
    let Ok(socket) = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).await else {
        return found;
    };
    let id: u16 = rand::random();
    for addr in addrs {
        if let Err(e) = socket
            .send_to(&query(id), SocketAddrV4::new(*addr, PORT))
            .await
        {
            tracing::debug!(%addr, "NetBIOS question not sent: {e}");
        }
    }
    let deadline = Instant::now() + timeout;
    let mut buf = [0u8; 1024];
    while found.len() < addrs.len() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        match tokio::time::timeout(left, socket.recv_from(&mut buf)).await {
            Ok(Ok((len, std::net::SocketAddr::V4(from)))) => {
                let answer = &buf[..len];
                if answer.get(..2) == Some(&id.to_be_bytes()[..])
                    && addrs.contains(from.ip())
                    && let Some(name) = workstation(answer)
                {
                    found.insert(*from.ip(), name);
                }
            }
            Ok(Ok(_)) => {}
            // A refusal (ICMP port unreachable) from one host does not end the wait.
            Ok(Err(_)) => {}
            Err(_) => break,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An answer as Windows writes it: the question's name, then three names and the MAC.
    fn answer(id: u16, names: &[(&str, u8, u16)]) -> Vec<u8> {
        let q = query(id);
        let mut a = Vec::new();
        a.extend_from_slice(&q[..2]);
        a.extend_from_slice(&[0x84, 0x00, 0, 0, 0, 1, 0, 0, 0, 0]);
        a.extend_from_slice(&q[12..46]);
        a.extend_from_slice(&[0, 0x21, 0, 1, 0, 0, 0, 0]);
        let len = 1 + 18 * names.len() + 6;
        a.extend_from_slice(&u16::try_from(len).expect("short").to_be_bytes());
        a.push(u8::try_from(names.len()).expect("few"));
        for (name, suffix, flags) in names {
            let mut padded = format!("{name:<15}").into_bytes();
            padded.truncate(15);
            a.extend_from_slice(&padded);
            a.push(*suffix);
            a.extend_from_slice(&flags.to_be_bytes());
        }
        a.extend_from_slice(&[2, 0x79, 0, 0, 0, 6]);
        a
    }

    #[test]
    fn the_question_asks_for_every_name_of_the_node() {
        let q = query(0xBEEF);
        assert_eq!(&q[..2], &[0xBE, 0xEF]);
        // "*" is 0x2A: "CK", then fifteen zero bytes as "AA".
        assert_eq!(&q[13..15], b"CK");
        assert!(q[15..45].iter().all(|&b| b == b'A'));
        assert_eq!(&q[46..], &[0, 0x21, 0, 1]);
    }

    #[test]
    fn the_workstation_name_is_the_first_unique_name_of_suffix_zero() {
        let a = answer(
            7,
            &[
                ("WORKGROUP", 0x00, 0x8400),
                ("PRINTER-2OG", 0x20, 0x0400),
                ("PRINTER-2OG", 0x00, 0x0400),
            ],
        );
        assert_eq!(workstation(&a).as_deref(), Some("PRINTER-2OG"));
        assert_eq!(workstation(&a[..40]), None);
        assert_eq!(workstation(&answer(7, &[("GROUP", 0, 0x8000)])), None);
    }
}
