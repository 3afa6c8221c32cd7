//! Assets (the "asset" function switch): the IT team's inventory. An asset has a name, serial
//! numbers, its type, manufacturer and model, a state, the user and service it belongs to, a
//! location, dates and a warranty end, and, when its model has IP, interfaces with a NetBIOS
//! name, an IP and a MAC address. Every change is kept in its history with who and when.
//!
//! Who sees which assets is decided here ([`Reader`]): holders of the `asset` right see every
//! asset, narrowed to their company's users with `asset_list_company_only` and to their
//! services with `asset_list_department_only`; `asset_list_view_only` reads without writing.

pub mod address;
pub mod discovery;
pub mod files;
pub mod free_ip;
pub mod history;
pub mod import;
pub mod network;
pub mod pictures;
pub mod repo;
pub mod rules;
pub mod use_cases;

use rusqlite::types::Value;

use crate::domain::Actor;
use crate::domain::rights::names as right;

pub use crate::domain::ids::AssetId;

/// Interfaces one asset may have.
pub const MAX_IFACES: usize = 16;

/// An asset as stored: its values and what the store keeps about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub id: AssetId,
    pub values: Checked,
    pub created_at: i64,
    pub modified_at: i64,
    pub version: i64,
}

/// An IP interface as stored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Iface {
    pub role_id: Option<i64>,
    pub netbios: String,
    pub ip: String,
    pub mac: String,
}

/// An interface's fields as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TypedIface {
    pub role: String,
    pub netbios: String,
    pub ip: String,
    pub mac: String,
}

/// The fields of the asset form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Typed {
    pub name: String,
    pub sn_manufacturer: String,
    pub sn_internal: String,
    pub type_id: String,
    pub manufacturer: String,
    pub model: String,
    pub state: String,
    /// `u<id>`, as the person pickers send it.
    pub user: String,
    pub service: String,
    pub location: String,
    pub socket: String,
    pub technician: String,
    pub purchased_on: String,
    pub installed_on: String,
    pub end_of_life_on: String,
    pub warranty_end: String,
    pub description: String,
    pub is_virtual: bool,
    pub ifaces: Vec<TypedIface>,
}

impl Typed {
    /// The form filled with a stored asset.
    pub fn from_asset(asset: &Asset) -> Self {
        let a = &asset.values;
        let id = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        let person = |v: Option<i64>| v.map(|n| format!("u{n}")).unwrap_or_default();
        Self {
            name: a.name.clone(),
            sn_manufacturer: a.sn_manufacturer.clone(),
            sn_internal: a.sn_internal.clone(),
            type_id: id(a.type_id),
            manufacturer: id(a.manufacturer_id),
            model: id(a.model_id),
            state: a.state_id.to_string(),
            user: person(a.user_id),
            service: id(a.service_id),
            location: id(a.location_id),
            socket: a.socket.clone(),
            technician: person(a.technician_id),
            purchased_on: a.purchased_on.clone().unwrap_or_default(),
            installed_on: a.installed_on.clone().unwrap_or_default(),
            end_of_life_on: a.end_of_life_on.clone().unwrap_or_default(),
            warranty_end: a.warranty_end.clone().unwrap_or_default(),
            description: a.description.clone(),
            is_virtual: a.is_virtual,
            ifaces: a
                .ifaces
                .iter()
                .map(|i| TypedIface {
                    role: id(i.role_id),
                    netbios: i.netbios.clone(),
                    ip: i.ip.clone(),
                    mac: i.mac.clone(),
                })
                .collect(),
        }
    }
}

/// Checked values of an asset, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Checked {
    pub name: String,
    pub sn_manufacturer: String,
    pub sn_internal: String,
    pub type_id: Option<i64>,
    pub manufacturer_id: Option<i64>,
    pub model_id: Option<i64>,
    pub state_id: i64,
    pub user_id: Option<i64>,
    pub service_id: Option<i64>,
    pub location_id: Option<i64>,
    pub socket: String,
    pub technician_id: Option<i64>,
    pub purchased_on: Option<String>,
    pub installed_on: Option<String>,
    pub end_of_life_on: Option<String>,
    pub warranty_end: Option<String>,
    pub description: String,
    pub is_virtual: bool,
    pub ifaces: Vec<Iface>,
}

/// Who is reading assets, and so which ones they see and whether they may change them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub user: i64,
    pub company: Option<i64>,
    pub services: Vec<i64>,
    /// `asset_list_company_only`: the assets of their company's users only.
    pub company_only: bool,
    /// `asset_list_department_only`: the assets of their services only.
    pub service_only: bool,
    /// Holds `asset` without `asset_list_view_only`.
    pub may_edit: bool,
}

impl Reader {
    /// `actor` as a reader of assets.
    pub fn of(conn: &rusqlite::Connection, actor: &Actor) -> rusqlite::Result<Self> {
        let user = actor.id().0;
        let company =
            conn.query_row("SELECT company_id FROM users WHERE id = ?1", [user], |r| {
                r.get(0)
            })?;
        let mut stmt =
            conn.prepare_cached("SELECT service_id FROM user_services WHERE user_id = ?1")?;
        let services = stmt
            .query_map([user], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(Self {
            user,
            company,
            services,
            company_only: actor.has(right::ASSET_LIST_COMPANY_ONLY),
            service_only: actor.has(right::ASSET_LIST_DEPARTMENT_ONLY),
            may_edit: actor.has(right::ASSET) && !actor.has(right::ASSET_LIST_VIEW_ONLY),
        })
    }

    /// The server itself (a discovery, an import from the folder or the shell): it sees and
    /// may change every asset.
    pub fn server() -> Self {
        Self {
            user: 0,
            company: None,
            services: Vec::new(),
            company_only: false,
            service_only: false,
            may_edit: true,
        }
    }

    /// The condition on assets `a` this reader sees, with its values.
    pub(crate) fn condition(&self) -> (String, Vec<Value>) {
        let mut parts = vec!["a.deleted = 0".to_owned()];
        let mut values: Vec<Value> = Vec::new();
        if self.company_only {
            match self.company {
                Some(c) => {
                    parts.push(
                        "a.user_id IN (SELECT id FROM users WHERE company_id = ?)".to_owned(),
                    );
                    values.push(c.into());
                }
                None => parts.push("0".to_owned()),
            }
        }
        if self.service_only {
            if self.services.is_empty() {
                parts.push("0".to_owned());
            } else {
                let marks = vec!["?"; self.services.len()].join(", ");
                parts.push(format!("a.service_id IN ({marks})"));
                values.extend(self.services.iter().map(|s| Value::from(*s)));
            }
        }
        (parts.join(" AND "), values)
    }
}
