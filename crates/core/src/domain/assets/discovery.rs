//! Network discovery (the `asset_net_scan` right, behind the asset and IP switches): the
//! declared networks flagged "scan" are probed by the network adapter, and what answered is
//! matched to the inventory here. A host matched by MAC address, else by IP address, gets the
//! NetBIOS name, IP or MAC address its interface lacks; a host matched to nothing becomes a
//! new asset (type and state from the settings, named after its NetBIOS name, else its DNS
//! name, else its address). The matching and the changes happen in one transaction, so that an
//! edit made meanwhile is never overwritten by a plan made before it; every change goes to the
//! asset's history and the run to the runs table. A dry run plans the same and changes nothing
//! but the log.

use std::net::Ipv4Addr;

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::db::Db;
use crate::domain::rights::names as right;
use crate::domain::settings::Settings;
use crate::domain::settings::network_registry as keys;
use crate::domain::{Actor, DomainError, clock, run};
use crate::i18n::{Msg, msg};

use super::history::{self, What};
use super::network::switched_on;
use super::{AssetId, Checked, Iface, Reader, repo};

/// Addresses one network may hold to be scanned: a /20.
pub const MAX_ADDRESSES: u32 = 4_096;

/// A declared network flagged for discovery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Network {
    pub id: i64,
    pub name: String,
    /// `address/prefix`.
    pub cidr: String,
    /// Its host addresses, first and last.
    pub first: Ipv4Addr,
    pub last: Ipv4Addr,
    /// Why it cannot be scanned (too large, not a network), if so.
    pub refused: Option<Msg>,
}

impl Network {
    /// Its host addresses, in order (none when refused).
    pub fn addresses(&self) -> Vec<Ipv4Addr> {
        if self.refused.is_some() {
            return Vec::new();
        }
        (u32::from(self.first)..=u32::from(self.last))
            .map(Ipv4Addr::from)
            .collect()
    }
}

fn network_of(id: i64, name: String, address: &str, mask: &str) -> Network {
    let parsed = (address.parse::<Ipv4Addr>(), mask.parse::<Ipv4Addr>());
    let range = match parsed {
        (Ok(n), Ok(m)) => super::free_ip::host_range(n, m).map(|r| (r, u32::from(m))),
        _ => None,
    };
    match range {
        Some(((first, last), m)) => {
            let prefix = m.leading_ones();
            let base = u32::from(parsed.0.unwrap_or(Ipv4Addr::UNSPECIFIED)) & m;
            let count = last - first + 1;
            Network {
                id,
                cidr: format!("{}/{prefix}", Ipv4Addr::from(base)),
                refused: (count > MAX_ADDRESSES).then(|| {
                    msg("net-scan-too-large")
                        .arg("network", format!("{}/{prefix}", Ipv4Addr::from(base)))
                        .arg("max", MAX_ADDRESSES)
                }),
                name,
                first: Ipv4Addr::from(first),
                last: Ipv4Addr::from(last),
            }
        }
        None => Network {
            id,
            cidr: format!("{address} {mask}"),
            refused: Some(msg("net-scan-not-a-network")),
            name,
            first: Ipv4Addr::UNSPECIFIED,
            last: Ipv4Addr::UNSPECIFIED,
        },
    }
}

/// Refused unless `actor` (none: the server itself) may run discoveries.
fn may_scan(actor: Option<&Actor>) -> Result<(), DomainError> {
    match actor {
        Some(a) if !a.has(right::ASSET_NET_SCAN) || !a.has(right::ASSET) => {
            Err(DomainError::Forbidden)
        }
        _ => Ok(()),
    }
}

/// The networks flagged for discovery, by name; only the one with id or name `only` when
/// given (not found otherwise).
pub async fn networks(
    db: &Db,
    actor: Option<&Actor>,
    only: Option<String>,
) -> Result<Vec<Network>, DomainError> {
    may_scan(actor)?;
    run::read(db, move |conn| {
        switched_on(conn)?;
        let mut stmt = conn.prepare_cached(
            "SELECT id, name, network, netmask FROM asset_networks
             WHERE scan = 1 AND disabled = 0 ORDER BY name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(network_of(
                r.get(0)?,
                r.get(1)?,
                &r.get::<_, String>(2)?,
                &r.get::<_, String>(3)?,
            ))
        })?;
        let mut found = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some(only) = only {
            let only = only.trim();
            found.retain(|n| n.id.to_string() == only || n.name.eq_ignore_ascii_case(only));
            if found.is_empty() {
                return Err(DomainError::NotFound);
            }
        }
        Ok(found)
    })
    .await
}

/// A host that answered, with what the adapter learnt of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    pub ip: Ipv4Addr,
    /// `AA:BB:CC:DD:EE:FF`.
    pub mac: Option<String>,
    pub netbios: Option<String>,
    pub dns: Option<String>,
}

/// One change a discovery makes (or would make).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new asset for a host matched to none.
    Create {
        name: String,
        ip: Ipv4Addr,
        mac: Option<String>,
        netbios: Option<String>,
    },
    /// A missing value of an existing asset's interface.
    Fill {
        asset: AssetId,
        asset_name: String,
        /// The interface's position on the asset.
        position: i64,
        /// `netbios`, `ip` or `mac`.
        field: &'static str,
        value: String,
    },
}

/// What a discovery of one network did (or would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub network: String,
    pub probed: usize,
    pub answered: usize,
    pub changes: Vec<Change>,
    pub dry_run: bool,
}

impl Outcome {
    /// Assets created and fields filled.
    pub fn counts(&self) -> (usize, usize) {
        let created = self
            .changes
            .iter()
            .filter(|c| matches!(c, Change::Create { .. }))
            .count();
        (created, self.changes.len() - created)
    }
}

/// The interface of a live asset with MAC `mac`, else with IP `ip`: (asset, name, position,
/// netbios, ip, mac).
type Match = (AssetId, String, i64, String, String, String);

fn matching(conn: &Connection, host: &Host) -> rusqlite::Result<Option<Match>> {
    let row = |r: &rusqlite::Row<'_>| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    };
    // The condition `<> ''` repeated lets SQLite use the partial indexes on MAC and IP.
    let sql = |by: &str| {
        format!(
            "SELECT a.id, a.name, i.position, i.netbios, i.ip, i.mac FROM asset_ifaces i
             JOIN assets a ON a.id = i.asset_id
             WHERE a.deleted = 0 AND i.{by} = ?1 AND i.{by} <> ''
             ORDER BY a.id, i.position LIMIT 1"
        )
    };
    if let Some(mac) = &host.mac {
        let found = conn
            .prepare_cached(&sql("mac"))?
            .query_row([mac], row)
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    conn.prepare_cached(&sql("ip"))?
        .query_row([host.ip.to_string()], row)
        .optional()
}

/// The name a new asset takes: its NetBIOS name, else its DNS name, else its address.
fn new_name(host: &Host) -> String {
    host.netbios
        .clone()
        .or_else(|| host.dns.clone())
        .unwrap_or_else(|| host.ip.to_string())
}

/// The changes `hosts` call for, as the inventory stands in `conn`.
fn plan(conn: &Connection, hosts: &[Host]) -> rusqlite::Result<Vec<Change>> {
    let mut changes = Vec::new();
    for host in hosts {
        match matching(conn, host)? {
            Some((asset, asset_name, position, netbios, ip, mac)) => {
                let mut fill = |field: &'static str, value: String| {
                    changes.push(Change::Fill {
                        asset,
                        asset_name: asset_name.clone(),
                        position,
                        field,
                        value,
                    });
                };
                if netbios.is_empty()
                    && let Some(n) = &host.netbios
                {
                    fill("netbios", n.clone());
                }
                if ip.is_empty() {
                    fill("ip", host.ip.to_string());
                }
                if mac.is_empty()
                    && let Some(m) = &host.mac
                {
                    fill("mac", m.clone());
                }
            }
            None => changes.push(Change::Create {
                name: new_name(host),
                ip: host.ip,
                mac: host.mac.clone(),
                netbios: host.netbios.clone(),
            }),
        }
    }
    Ok(changes)
}

/// The type and state new assets take: the settings' when they name live entries, else no
/// type and the first state.
fn new_asset_lists(tx: &Transaction<'_>) -> rusqlite::Result<(Option<i64>, i64)> {
    let settings = Settings::load(tx)?;
    let exists = |table: &str, id: i64| -> rusqlite::Result<bool> {
        tx.query_row(
            &format!("SELECT count(*) FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n > 0)
    };
    let wanted_type = settings.number(keys::SCAN_ASSET_TYPE);
    let type_id = if wanted_type > 0 && exists("asset_types", wanted_type)? {
        Some(wanted_type)
    } else {
        None
    };
    let wanted_state = settings.number(keys::SCAN_ASSET_STATE);
    let state = if wanted_state > 0 && exists("asset_states", wanted_state)? {
        wanted_state
    } else {
        tx.query_row(
            "SELECT id FROM asset_states WHERE disabled = 0 ORDER BY position, id LIMIT 1",
            [],
            |r| r.get(0),
        )?
    };
    Ok((type_id, state))
}

/// The first interface role (LAN in a fresh instance), for new assets' interfaces.
fn first_role(tx: &Transaction<'_>) -> rusqlite::Result<Option<i64>> {
    tx.query_row(
        "SELECT id FROM asset_iface_roles WHERE disabled = 0 ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )
    .optional()
}

fn apply(tx: &Transaction<'_>, changes: &[Change], now: i64) -> Result<(), DomainError> {
    let server = Reader::server();
    let (type_id, state_id) = new_asset_lists(tx)?;
    let role_id = first_role(tx)?;
    for change in changes {
        match change {
            Change::Create {
                name,
                ip,
                mac,
                netbios,
            } => {
                let checked = Checked {
                    name: name.clone(),
                    type_id,
                    state_id,
                    description: String::new(),
                    ifaces: vec![Iface {
                        role_id,
                        netbios: netbios.clone().unwrap_or_default(),
                        ip: ip.to_string(),
                        mac: mac.clone().unwrap_or_default(),
                    }],
                    ..Checked::default()
                };
                let id = repo::insert(tx, &checked, now)?;
                history::record(tx, id, None, now, &What::Created)?;
            }
            Change::Fill {
                asset,
                position,
                field,
                value,
                ..
            } => {
                let Some(old) = repo::get_visible(tx, &server, *asset)? else {
                    continue;
                };
                let mut new = old.values.clone();
                let Some(iface) = usize::try_from(*position)
                    .ok()
                    .and_then(|p| new.ifaces.get_mut(p))
                else {
                    continue;
                };
                let slot = match *field {
                    "ip" => &mut iface.ip,
                    "mac" => &mut iface.mac,
                    _ => &mut iface.netbios,
                };
                // Only what is missing is filled.
                if !slot.is_empty() {
                    continue;
                }
                *slot = value.clone();
                if repo::update(tx, *asset, old.version, &new, now)? {
                    history::record_changes(tx, *asset, None, now, history::changes(&old, &new))?;
                }
            }
        }
    }
    Ok(())
}

/// How one discovery went, for its run.
#[derive(Debug, Clone)]
pub struct Probed {
    pub network: Network,
    pub hosts: Vec<Host>,
    /// The probing method's code.
    pub method: String,
    pub started_at: i64,
    pub probed: usize,
    pub stopped: bool,
    pub dry_run: bool,
}

/// Matches what a discovery found to the inventory and, unless it is a dry run, makes the
/// changes, all in one transaction with its run. `actor` (none: the server itself) needs the
/// discovery right.
pub async fn settle(
    db: &Db,
    actor: Option<&Actor>,
    probed: Probed,
) -> Result<Outcome, DomainError> {
    may_scan(actor)?;
    let author = actor.map(|a| a.id().0);
    run::write(db, move |tx| {
        switched_on(tx)?;
        let changes = plan(tx, &probed.hosts)?;
        let now = clock::now();
        if !probed.dry_run {
            apply(tx, &changes, now)?;
        }
        let outcome = Outcome {
            network: probed.network.name.clone(),
            probed: probed.probed,
            answered: probed.hosts.len(),
            changes,
            dry_run: probed.dry_run,
        };
        let (created, filled) = outcome.counts();
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        tx.prepare_cached(
            "INSERT INTO network_runs (kind, network_id, author_id, dry_run, method, started_at,
                                       finished_at, probed, answered, created, filled, stopped)
             VALUES ('scan', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(rusqlite::params![
            probed.network.id,
            author,
            probed.dry_run,
            probed.method,
            probed.started_at,
            now,
            count(outcome.probed),
            count(outcome.answered),
            count(created),
            count(filled),
            probed.stopped
        ])?;
        Ok(outcome)
    })
    .await
}

/// The types and the states new assets may take, by name, for the settings page.
pub async fn new_asset_choices(
    db: &Db,
    lang: crate::i18n::Lang,
) -> Result<(Vec<(i64, String)>, Vec<(i64, String)>), DomainError> {
    run::read(db, move |conn| {
        let sorted = |code: &str| -> rusqlite::Result<Vec<(i64, String)>> {
            let mut v: Vec<(i64, String)> =
                crate::domain::lists::repo::names_by_code(conn, code, lang)?
                    .into_iter()
                    .collect();
            v.sort_by_key(|(_, name)| name.to_lowercase());
            Ok(v)
        };
        Ok((sorted("asset-types")?, sorted("asset-states")?))
    })
    .await
}

/// When the last scheduled or asked discovery (not a dry run) started, if one ever ran.
pub async fn last_run(db: &Db) -> Result<Option<i64>, DomainError> {
    run::read(db, |conn| {
        Ok(conn.query_row(
            "SELECT MAX(started_at) FROM network_runs WHERE kind = 'scan' AND dry_run = 0",
            [],
            |r| r.get(0),
        )?)
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_lists_its_hosts_and_a_too_large_one_is_refused() {
        let n = network_of(1, "LAN".into(), "10.79.0.0", "255.255.255.0");
        assert_eq!(n.cidr, "10.79.0.0/24");
        assert_eq!(n.addresses().len(), 254);
        assert!(n.refused.is_none());
        let n = network_of(2, "Big".into(), "10.64.0.0", "255.255.240.0");
        assert_eq!(n.addresses().len(), 4_094);
        let n = network_of(3, "Huge".into(), "10.0.0.0", "255.0.0.0");
        assert!(n.refused.is_some());
        assert!(n.addresses().is_empty());
        assert!(
            network_of(4, "Typo".into(), "10.0.0", "255.255.255.0")
                .refused
                .is_some()
        );
    }

    #[test]
    fn a_new_asset_is_named_after_netbios_then_dns_then_its_address() {
        let mut h = Host {
            ip: Ipv4Addr::new(10, 79, 0, 9),
            mac: None,
            netbios: None,
            dns: None,
        };
        assert_eq!(new_name(&h), "10.79.0.9");
        h.dns = Some("printer.lan".into());
        assert_eq!(new_name(&h), "printer.lan");
        h.netbios = Some("PRINTER-2OG".into());
        assert_eq!(new_name(&h), "PRINTER-2OG");
    }
}
