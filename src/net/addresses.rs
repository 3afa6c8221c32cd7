//! The addresses users should open: localhost and each LAN address of this machine.

use std::net::{IpAddr, SocketAddr};

/// The URLs under which a server bound to `bound` can be reached, localhost first.
pub fn urls_for(bound: SocketAddr) -> Vec<String> {
    let port = bound.port();
    let ip = bound.ip();
    // "localhost" names 127.0.0.1 and ::1 only; another loopback address is shown as it is.
    let localhost: IpAddr = if ip.is_ipv6() {
        std::net::Ipv6Addr::LOCALHOST.into()
    } else {
        std::net::Ipv4Addr::LOCALHOST.into()
    };
    if ip == localhost {
        return vec![format!("http://localhost:{port}/")];
    }
    if !ip.is_unspecified() {
        return vec![url(ip, port)];
    }
    let mut urls = vec![format!("http://localhost:{port}/")];
    let want_v6 = ip.is_ipv6();
    let mut lan: Vec<IpAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.ip())
        .filter(|a| !a.is_loopback() && (a.is_ipv4() || want_v6))
        .filter(|a| match a {
            IpAddr::V6(v6) => !v6.is_unicast_link_local(),
            IpAddr::V4(v4) => !v4.is_link_local(),
        })
        .collect();
    lan.sort();
    lan.dedup();
    urls.extend(lan.into_iter().map(|a| url(a, port)));
    urls
}

/// The LAN URLs only (without localhost).
pub fn lan_urls(bound: SocketAddr) -> Vec<String> {
    urls_for(bound)
        .into_iter()
        .filter(|u| !u.starts_with("http://localhost"))
        .collect()
}

fn url(ip: IpAddr, port: u16) -> String {
    match ip {
        IpAddr::V4(v4) => format!("http://{v4}:{port}/"),
        IpAddr::V6(v6) => format!("http://[{v6}]:{port}/"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_gives_localhost_only() {
        assert_eq!(
            urls_for("127.0.0.1:8080".parse().expect("addr")),
            ["http://localhost:8080/"]
        );
    }

    #[test]
    fn a_specific_address_is_used_as_is() {
        assert_eq!(
            urls_for("192.168.1.20:80".parse().expect("addr")),
            ["http://192.168.1.20:80/"]
        );
    }

    #[test]
    fn every_interface_lists_localhost_first() {
        let urls = urls_for("0.0.0.0:8080".parse().expect("addr"));
        assert_eq!(urls[0], "http://localhost:8080/");
        assert!(urls.iter().skip(1).all(|u| !u.contains("127.0.0.1")));
    }
}
