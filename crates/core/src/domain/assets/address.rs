//! IP and MAC addresses as typed on an asset's interface, read and written back in one form:
//! an IP address (v4 or v6) in its canonical text, a MAC address as six upper-case pairs
//! separated by colons, whatever separator was typed (`aa-bb-cc-dd-ee-ff`, `aabb.ccdd.eeff`,
//! `aabbccddeeff`).

use std::net::IpAddr;

/// The canonical text of IP address `typed`, if it is one (surrounding spaces ignored; an IPv4
/// address with leading zeros such as `010.0.0.1` is refused, as its meaning is ambiguous).
pub fn ip(typed: &str) -> Option<String> {
    let text = typed.trim();
    if text.is_empty() || text.len() > 45 {
        return None;
    }
    text.parse::<IpAddr>().ok().map(|a| match a {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => v6.to_string(),
        },
        IpAddr::V4(v4) => v4.to_string(),
    })
}

/// The canonical text of MAC address `typed` (`AA:BB:CC:DD:EE:FF`), if it is one.
pub fn mac(typed: &str) -> Option<String> {
    let text = typed.trim();
    if text.len() > 17 {
        return None;
    }
    let digits: Vec<u8> = text
        .bytes()
        .filter(|b| !matches!(b, b':' | b'-' | b'.'))
        .collect();
    if digits.len() != 12 || !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    // Separators, when present, must split the digits the usual ways.
    let seps: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| matches!(b, b':' | b'-' | b'.'))
        .map(|(i, _)| i)
        .collect();
    let well_placed = match seps.len() {
        0 => true,
        5 => seps == [2, 5, 8, 11, 14],
        2 => seps == [4, 9],
        _ => false,
    };
    if !well_placed {
        return None;
    }
    let upper: Vec<char> = digits
        .iter()
        .map(|b| char::from(*b).to_ascii_uppercase())
        .collect();
    Some(
        upper
            .chunks(2)
            .map(|pair| pair.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(":"),
    )
}

/// The IPv4 address `text` as a number, for ranges and ordering.
pub fn v4_number(text: &str) -> Option<u32> {
    text.parse::<std::net::Ipv4Addr>().ok().map(u32::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn addresses_come_back_in_one_form() {
        assert_eq!(ip(" 192.168.1.20 ").as_deref(), Some("192.168.1.20"));
        assert_eq!(ip("::ffff:10.0.0.1").as_deref(), Some("10.0.0.1"));
        assert_eq!(ip("FE80:0:0:0::1").as_deref(), Some("fe80::1"));
        for bad in [
            "",
            "300.1.1.1",
            "10.0.0",
            "010.0.0.1",
            "10.0.0.1/24",
            "host",
        ] {
            assert_eq!(ip(bad), None, "{bad}");
        }
        for typed in [
            "aa:bb:cc:dd:ee:ff",
            "AA-BB-CC-DD-EE-FF",
            "aabb.ccdd.eeff",
            "aabbccddeeff",
        ] {
            assert_eq!(mac(typed).as_deref(), Some("AA:BB:CC:DD:EE:FF"), "{typed}");
        }
        for bad in [
            "aa:bb:cc:dd:ee",
            "aabbccddeefg",
            "a:ab:bc:cd:de:eff",
            "aa::bbccddeeff",
        ] {
            assert_eq!(mac(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn any_ipv4_reads_back_as_itself(n in any::<u32>()) {
            let text = std::net::Ipv4Addr::from(n).to_string();
            prop_assert_eq!(ip(&text), Some(text.clone()));
            prop_assert_eq!(v4_number(&text), Some(n));
        }

        #[test]
        fn any_mac_in_any_spelling_reads_the_same(bytes in any::<[u8; 6]>(), style in 0usize..4) {
            let pairs: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
            let typed = match style {
                0 => pairs.join(":"),
                1 => pairs.join("-").to_uppercase(),
                2 => format!("{}{}.{}{}.{}{}", pairs[0], pairs[1], pairs[2], pairs[3], pairs[4], pairs[5]),
                _ => pairs.concat(),
            };
            let expected = pairs.join(":").to_uppercase();
            prop_assert_eq!(mac(&typed), Some(expected));
        }

        #[test]
        fn no_text_panics_and_what_is_read_is_canonical(text in "\\PC{0,40}") {
            if let Some(m) = mac(&text) {
                prop_assert_eq!(mac(&m), Some(m.clone()));
            }
            if let Some(a) = ip(&text) {
                prop_assert_eq!(ip(&a), Some(a.clone()));
            }
        }
    }
}
