//! Sample assets: PCs and laptops of the users, printers, IP phones, switches and virtual
//! servers, with their interfaces in declared networks, stored through the assets repository
//! (so that the search reads them as it reads any asset), each with its creation in its
//! history; then some tickets of each requester are about one of their assets.

use std::net::Ipv4Addr;

use rand::RngExt;
use rand::rngs::StdRng;
use rusqlite::{Transaction, params};

use crate::domain::DomainError;
use crate::domain::assets::history::{self, What};
use crate::domain::assets::{Checked, Iface, repo, rules};

use super::people::Org;

const DAY: i64 = 86_400;

/// What the sample made.
#[derive(Debug, Default)]
pub struct Made {
    pub assets: usize,
    pub ifaces: usize,
    pub networks: usize,
}

/// A kind of asset: its type (a translation key), model, manufacturer, warranty years,
/// interfaces, whether it belongs to a user, whether it is virtual, and its share.
struct Kind {
    type_key: &'static str,
    virtualization: bool,
    manufacturer: &'static str,
    model: &'static str,
    warranty_years: i64,
    ifaces: &'static [i64],
    personal: bool,
    name: &'static str,
    weight: u32,
}

/// Interface roles as seeded: 1 wired, 2 Wi-Fi.
const LAN: i64 = 1;
const WIFI: i64 = 2;

const KINDS: [Kind; 6] = [
    Kind {
        type_key: "asset-type-pc",
        virtualization: false,
        manufacturer: "Dell",
        model: "OptiPlex 7010",
        warranty_years: 3,
        ifaces: &[LAN],
        personal: true,
        name: "PC",
        weight: 30,
    },
    Kind {
        type_key: "asset-type-laptop",
        virtualization: false,
        manufacturer: "Lenovo",
        model: "ThinkPad T14",
        warranty_years: 3,
        ifaces: &[LAN, WIFI],
        personal: true,
        name: "LAPTOP",
        weight: 45,
    },
    Kind {
        type_key: "asset-type-printer",
        virtualization: false,
        manufacturer: "HP",
        model: "LaserJet M404",
        warranty_years: 1,
        ifaces: &[LAN],
        personal: false,
        name: "PRN",
        weight: 6,
    },
    Kind {
        type_key: "asset-type-phone",
        virtualization: false,
        manufacturer: "Yealink",
        model: "T46U",
        warranty_years: 2,
        ifaces: &[LAN],
        personal: true,
        name: "TEL",
        weight: 10,
    },
    Kind {
        type_key: "asset-type-switch",
        virtualization: false,
        manufacturer: "Cisco",
        model: "Catalyst 9200",
        warranty_years: 5,
        ifaces: &[LAN, LAN],
        personal: false,
        name: "SW",
        weight: 3,
    },
    Kind {
        type_key: "asset-type-server",
        virtualization: true,
        manufacturer: "VMware",
        model: "Virtual machine",
        warranty_years: 0,
        ifaces: &[LAN],
        personal: false,
        name: "VM",
        weight: 6,
    },
];

/// The networks declared: name, address, mask (the first addresses go there; beyond them,
/// addresses follow in 10.10.0.0/16).
const NETWORKS: [(&str, &str, &str); 3] = [
    ("Head office", "10.10.0.0", "255.255.252.0"),
    ("Printers and phones", "10.10.4.0", "255.255.255.0"),
    ("Servers", "10.10.5.0", "255.255.255.0"),
];

fn id_named(tx: &Transaction<'_>, table: &str, column: &str, value: &str) -> rusqlite::Result<i64> {
    // Table and column names are constants of this file.
    let found: Option<i64> = rusqlite::OptionalExtension::optional(tx.query_row(
        &format!("SELECT id FROM {table} WHERE {column} = ?1"),
        [value],
        |r| r.get(0),
    ))?;
    match found {
        Some(id) => Ok(id),
        None => {
            tx.execute(
                &format!("INSERT INTO {table} ({column}) VALUES (?1)"),
                [value],
            )?;
            Ok(tx.last_insert_rowid())
        }
    }
}

/// `count` sample assets for `org`'s users, created at `now`.
pub fn create(
    tx: &Transaction<'_>,
    rng: &mut StdRng,
    org: &Org,
    count: usize,
    now: i64,
) -> Result<Made, DomainError> {
    let mut made = Made::default();
    if count == 0 {
        return Ok(made);
    }
    for (name, network, mask) in NETWORKS {
        tx.execute(
            "INSERT INTO asset_networks (name, network, netmask, scan) VALUES (?1, ?2, ?3, 1)",
            params![name, network, mask],
        )?;
        made.networks += 1;
    }
    let locations: Vec<i64> = ["Building A", "Building B", "Server room"]
        .iter()
        .map(|n| id_named(tx, "asset_locations", "name", n))
        .collect::<rusqlite::Result<_>>()?;
    // (type, manufacturer, model) of each kind.
    let mut ids = Vec::new();
    for k in &KINDS {
        let type_id = id_named(tx, "asset_types", "name_key", k.type_key)?;
        tx.execute(
            "UPDATE asset_types SET virtualization = ?2 WHERE id = ?1",
            params![type_id, k.virtualization],
        )?;
        let maker = id_named(tx, "asset_manufacturers", "name", k.manufacturer)?;
        tx.execute(
            "INSERT INTO asset_models (type_id, manufacturer_id, name, has_ip, has_wifi, warranty_years)
             VALUES (?1, ?2, ?3, 1, ?4, ?5)",
            params![type_id, maker, k.model, k.ifaces.contains(&WIFI), k.warranty_years],
        )?;
        ids.push((type_id, maker, tx.last_insert_rowid()));
    }
    let total: u32 = KINDS.iter().map(|k| k.weight).sum();
    let base = u32::from(Ipv4Addr::new(10, 10, 0, 1));
    let mut next_ip = 0u32;
    let mut numbers = [0usize; KINDS.len()];
    for n in 0..count {
        let mut pick = rng.random_range(0..total);
        let k = KINDS
            .iter()
            .position(|k| {
                if pick < k.weight {
                    true
                } else {
                    pick -= k.weight;
                    false
                }
            })
            .unwrap_or(0);
        let kind = &KINDS[k];
        let (type_id, manufacturer_id, model_id) = ids[k];
        numbers[k] += 1;
        let bought = now - rng.random_range(0..6 * 365) * DAY;
        let purchased_on = crate::domain::clock::date_text(bought);
        let warranty_end = (kind.warranty_years > 0)
            .then(|| rules::warranty_from(&purchased_on, kind.warranty_years))
            .flatten();
        // Most are installed; some in stock, set aside or recycled.
        let state_id = match rng.random_range(0..100) {
            0..80 => 2,
            80..90 => 1,
            90..95 => 3,
            _ => 4,
        };
        let owner =
            (kind.personal && !org.users.is_empty()).then(|| &org.users[n % org.users.len()]);
        let name = format!("{}-{:05}", kind.name, numbers[k]);
        let mut ifaces = Vec::new();
        for role in kind.ifaces {
            next_ip += 1;
            let ip = Ipv4Addr::from(base + next_ip).to_string();
            let mac = format!(
                "00:1A:2B:{:02X}:{:02X}:{:02X}",
                (next_ip >> 16) & 0xFF,
                (next_ip >> 8) & 0xFF,
                next_ip & 0xFF
            );
            ifaces.push(Iface {
                role_id: Some(*role),
                netbios: if *role == LAN {
                    name.clone()
                } else {
                    String::new()
                },
                ip,
                mac,
            });
        }
        made.ifaces += ifaces.len();
        let checked = Checked {
            name,
            sn_manufacturer: format!("SN{:08X}", rng.random::<u32>()),
            sn_internal: format!("INV-{:06}", n + 1),
            type_id: Some(type_id),
            manufacturer_id: Some(manufacturer_id),
            model_id: Some(model_id),
            state_id,
            user_id: owner.map(|p| p.id),
            service_id: owner.map(|p| p.service),
            location_id: (!kind.virtualization)
                .then(|| locations[n % 2])
                .or(Some(locations[2])),
            socket: if kind.virtualization {
                String::new()
            } else {
                format!("{}-{:02}", ["A", "B"][n % 2], n % 48 + 1)
            },
            technician_id: org
                .technicians
                .get(n % org.technicians.len().max(1))
                .copied(),
            purchased_on: (!kind.virtualization).then(|| purchased_on.clone()),
            installed_on: Some(purchased_on),
            end_of_life_on: None,
            warranty_end,
            description: String::new(),
            is_virtual: kind.virtualization,
            ifaces,
        };
        let id = repo::insert(tx, &checked, bought)?;
        history::record(tx, id, org.admin, bought, &What::Created)?;
        made.assets += 1;
    }
    Ok(made)
}

/// A third of the tickets whose requester has an asset become about their first one.
pub fn link_tickets(tx: &Transaction<'_>) -> rusqlite::Result<usize> {
    tx.execute(
        "UPDATE tickets SET asset_id = (SELECT a.id FROM assets a WHERE a.user_id = tickets.requester_id
                                        ORDER BY a.id LIMIT 1)
         WHERE id % 3 = 0 AND requester_id IS NOT NULL",
        [],
    )
}
