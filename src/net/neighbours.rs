//! The MAC addresses the kernel learnt on the local segments (its neighbour table, filled by
//! the ARP exchanges any probe causes), read from `/proc/net/arp`. Needs no privilege.

use std::collections::HashMap;
use std::net::Ipv4Addr;

/// The table's file, as the calling thread sees it (a thread may live in another network
/// namespace than the process's first thread), then as the process does (older kernels).
const TABLES: [&str; 2] = ["/proc/thread-self/net/arp", "/proc/net/arp"];
/// The "complete" flag: the entry holds an answer, not a pending question.
const COMPLETE: u32 = 0x2;

/// The MAC address (`AA:BB:CC:DD:EE:FF`) of each neighbour with a complete entry; empty where
/// the table cannot be read (another system).
pub fn table() -> HashMap<Ipv4Addr, String> {
    TABLES
        .iter()
        .find_map(|t| std::fs::read_to_string(t).ok())
        .map(|text| parse(&text))
        .unwrap_or_default()
}

fn parse(text: &str) -> HashMap<Ipv4Addr, String> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split_whitespace().collect();
            let ip = cols.first()?.parse::<Ipv4Addr>().ok()?;
            let flags = u32::from_str_radix(cols.get(2)?.trim_start_matches("0x"), 16).ok()?;
            let mac = cols.get(3)?.to_ascii_uppercase();
            (flags & COMPLETE != 0 && mac != "00:00:00:00:00:00").then_some((ip, mac))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_entries_are_read_and_pending_ones_left_out() {
        let text = "IP address       HW type     Flags       HW address            Mask     Device\n\
                    10.77.0.2        0x1         0x2         02:77:00:00:00:02     *        eth0\n\
                    10.77.0.9        0x1         0x0         00:00:00:00:00:00     *        eth0\n";
        let t = parse(text);
        assert_eq!(t.len(), 1);
        assert_eq!(
            t.get(&"10.77.0.2".parse().expect("ip")).map(String::as_str),
            Some("02:77:00:00:00:02")
        );
    }
}
