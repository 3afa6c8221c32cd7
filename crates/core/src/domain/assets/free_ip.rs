//! Free IP addresses in a declared network (Administration > Lists > networks): the first
//! addresses no asset in a state that reserves its addresses holds (never the network's own
//! address nor its broadcast address), and every address in use with its asset.

use std::net::Ipv4Addr;

use rusqlite::{Connection, OptionalExtension};

use crate::db::Db;
use crate::domain::{Actor, DomainError, run};

use super::{AssetId, Reader, address};

/// A declared network, as the page offers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    pub id: i64,
    pub name: String,
    /// `address/prefix`.
    pub cidr: String,
}

/// An address in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Used {
    pub ip: String,
    pub asset: AssetId,
    pub name: String,
    /// Whether its asset's state reserves it.
    pub reserved: bool,
}

/// What the page shows for one network.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Addresses {
    pub free: Vec<String>,
    /// How many addresses the network holds for hosts.
    pub hosts: u64,
    pub used: Vec<Used>,
}

/// The first and last host addresses of `network` with `mask` (a /31 or /32 has no network
/// nor broadcast address to leave out).
pub fn host_range(network: Ipv4Addr, mask: Ipv4Addr) -> Option<(u32, u32)> {
    let mask = u32::from(mask);
    if mask.leading_ones() + mask.trailing_zeros() != 32 {
        return None;
    }
    let base = u32::from(network) & mask;
    let last = base | !mask;
    match mask.leading_ones() {
        32 => Some((base, base)),
        31 => Some((base, last)),
        _ => Some((base + 1, last - 1)),
    }
}

fn networks_in(conn: &Connection) -> rusqlite::Result<Vec<Network>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, network, netmask FROM asset_networks WHERE disabled = 0
         ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let mask: String = r.get(3)?;
        let prefix = mask
            .parse::<Ipv4Addr>()
            .map_or(0, |m| u32::from(m).leading_ones());
        Ok(Network {
            id: r.get(0)?,
            name: r.get(1)?,
            cidr: format!("{}/{prefix}", r.get::<_, String>(2)?),
        })
    })?;
    rows.collect()
}

/// The networks declared.
pub async fn networks(db: &Db) -> Result<Vec<Network>, DomainError> {
    run::read(db, |c| Ok(networks_in(c)?)).await
}

/// Up to `limit` free addresses of network `id`, and the addresses in use in it among the
/// assets `actor` sees (a reserved address of an asset they do not see is still not free).
pub async fn search(
    db: &Db,
    actor: &Actor,
    id: i64,
    limit: usize,
) -> Result<Addresses, DomainError> {
    let actor = actor.clone();
    run::read(db, move |c| {
        let row: Option<(String, String)> = c
            .query_row(
                "SELECT network, netmask FROM asset_networks WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (network, mask) = row.ok_or(DomainError::NotFound)?;
        let range = match (network.parse::<Ipv4Addr>(), mask.parse::<Ipv4Addr>()) {
            (Ok(n), Ok(m)) => host_range(n, m),
            _ => None,
        };
        let Some((first, last)) = range else {
            return Ok(Addresses::default());
        };
        let reader = Reader::of(c, &actor)?;
        let (seen, values) = reader.condition();
        let mut stmt = c.prepare_cached(&format!(
            "SELECT i.ip, a.id, a.name, s.block_ip_search, ({seen}) FROM asset_ifaces i
             JOIN assets a ON a.id = i.asset_id
             JOIN asset_states s ON s.id = a.state_id
             WHERE a.deleted = 0 AND i.ip <> ''"
        ))?;
        let mut reserved: Vec<u32> = Vec::new();
        let mut used = Vec::new();
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, AssetId>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, bool>(4)?,
            ))
        })?;
        for row in rows {
            let (ip, asset, name, blocks, visible) = row?;
            let Some(n) = address::v4_number(&ip).filter(|n| (first..=last).contains(n)) else {
                continue;
            };
            if blocks {
                reserved.push(n);
            }
            if visible {
                used.push((
                    n,
                    Used {
                        ip,
                        asset,
                        name,
                        reserved: blocks,
                    },
                ));
            }
        }
        reserved.sort_unstable();
        reserved.dedup();
        used.sort_by_key(|(n, u)| (*n, u.asset));
        let mut free = Vec::new();
        let mut taken = reserved.iter().peekable();
        let mut n = first;
        while free.len() < limit {
            while taken.peek().is_some_and(|t| **t < n) {
                taken.next();
            }
            if taken.peek() != Some(&&n) {
                free.push(Ipv4Addr::from(n).to_string());
            }
            if n == last {
                break;
            }
            n += 1;
        }
        Ok(Addresses {
            free,
            hosts: u64::from(last - first) + 1,
            used: used.into_iter().map(|(_, u)| u).collect(),
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_leave_out_the_network_and_broadcast_addresses() {
        let r = |n: &str, m: &str| host_range(n.parse().expect("n"), m.parse().expect("m"));
        assert_eq!(
            r("192.168.1.0", "255.255.255.0"),
            Some((
                u32::from(Ipv4Addr::new(192, 168, 1, 1)),
                u32::from(Ipv4Addr::new(192, 168, 1, 254))
            ))
        );
        // Any prefix: a /22 written with a host address inside it.
        assert_eq!(
            r("10.1.6.77", "255.255.252.0"),
            Some((
                u32::from(Ipv4Addr::new(10, 1, 4, 1)),
                u32::from(Ipv4Addr::new(10, 1, 7, 254))
            ))
        );
        assert_eq!(
            r("10.0.0.8", "255.255.255.254").map(|(a, b)| b - a),
            Some(1)
        );
        assert_eq!(
            r("10.0.0.8", "255.255.255.255").map(|(a, b)| b - a),
            Some(0)
        );
        assert_eq!(r("10.0.0.0", "255.0.255.0"), None);
    }
}
