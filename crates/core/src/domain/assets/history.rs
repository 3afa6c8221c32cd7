//! An asset's history: its creation, every field a save changed (the stored values before and
//! after, shown with the names of the moment they are read) and free notes.

use rusqlite::{Connection, Transaction, params};

use super::{Asset, AssetId, Checked, Iface};

/// How a field's stored value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// An entry of the list with this code.
    List(&'static str),
    /// A user account.
    Person,
    Date,
    Flag,
    /// The interfaces, as one line each.
    Ifaces,
}

/// The fields the history follows: code, label key, kind.
pub const FIELDS: &[(&str, &str, Kind)] = &[
    ("name", "asset-field-name", Kind::Text),
    ("sn_manufacturer", "asset-field-sn-manufacturer", Kind::Text),
    ("sn_internal", "asset-field-sn-internal", Kind::Text),
    ("type", "asset-field-type", Kind::List("asset-types")),
    (
        "manufacturer",
        "asset-field-manufacturer",
        Kind::List("asset-manufacturers"),
    ),
    ("model", "asset-field-model", Kind::List("asset-models")),
    ("state", "asset-field-state", Kind::List("asset-states")),
    ("user", "asset-field-user", Kind::Person),
    ("service", "asset-field-service", Kind::List("services")),
    (
        "location",
        "asset-field-location",
        Kind::List("asset-locations"),
    ),
    ("socket", "asset-field-socket", Kind::Text),
    ("technician", "asset-field-technician", Kind::Person),
    ("purchased_on", "asset-field-purchased-on", Kind::Date),
    ("installed_on", "asset-field-installed-on", Kind::Date),
    ("end_of_life_on", "asset-field-end-of-life-on", Kind::Date),
    ("warranty_end", "asset-field-warranty-end", Kind::Date),
    ("description", "asset-field-description", Kind::Text),
    ("virtual", "asset-field-virtual", Kind::Flag),
    ("ifaces", "asset-field-ifaces", Kind::Ifaces),
    // A file added (new value) or removed (old value): its name.
    ("files", "asset-field-files", Kind::Text),
];

/// The label key and kind of field `code`.
pub fn field(code: &str) -> Option<(&'static str, Kind)> {
    FIELDS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, label, kind)| (*label, *kind))
}

/// One line per interface: `role|netbios|ip|mac`, the role as its id.
pub fn ifaces_text(ifaces: &[Iface]) -> String {
    ifaces
        .iter()
        .map(|i| {
            format!(
                "{}|{}|{}|{}",
                i.role_id.map(|r| r.to_string()).unwrap_or_default(),
                i.netbios,
                i.ip,
                i.mac
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn id(v: Option<i64>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

fn flag(v: bool) -> String {
    if v { "1" } else { "0" }.to_owned()
}

/// Every field's stored value in `c`, by code.
fn values(c: &Checked) -> Vec<(&'static str, String)> {
    vec![
        ("name", c.name.clone()),
        ("sn_manufacturer", c.sn_manufacturer.clone()),
        ("sn_internal", c.sn_internal.clone()),
        ("type", id(c.type_id)),
        ("manufacturer", id(c.manufacturer_id)),
        ("model", id(c.model_id)),
        ("state", c.state_id.to_string()),
        ("user", id(c.user_id)),
        ("service", id(c.service_id)),
        ("location", id(c.location_id)),
        ("socket", c.socket.clone()),
        ("technician", id(c.technician_id)),
        ("purchased_on", c.purchased_on.clone().unwrap_or_default()),
        ("installed_on", c.installed_on.clone().unwrap_or_default()),
        (
            "end_of_life_on",
            c.end_of_life_on.clone().unwrap_or_default(),
        ),
        ("warranty_end", c.warranty_end.clone().unwrap_or_default()),
        ("description", c.description.clone()),
        ("virtual", flag(c.is_virtual)),
        ("ifaces", ifaces_text(&c.ifaces)),
    ]
}

/// The fields `new` changes in `old`: code, stored value before, after.
pub fn changes(old: &Asset, new: &Checked) -> Vec<(&'static str, String, String)> {
    values(&old.values)
        .into_iter()
        .zip(values(new))
        .filter(|((_, a), (_, b))| a != b)
        .map(|((code, a), (_, b))| (code, a, b))
        .collect()
}

/// What happened, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    Created,
    Changed {
        field: String,
        old: String,
        new: String,
    },
    Note(String),
    /// Wake-on-LAN magic packets sent to these MAC addresses (separated by spaces).
    Woken(String),
    Deleted,
}

/// The field of the note a wake leaves.
const WOKEN: &str = "wake";

/// One entry of the history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub at: i64,
    pub author: String,
    pub what: What,
}

/// Records `what` on asset `asset` by `author` (none: the server itself, as a folder import).
pub fn record(
    tx: &Transaction<'_>,
    asset: AssetId,
    author: impl Into<Option<i64>>,
    at: i64,
    what: &What,
) -> rusqlite::Result<()> {
    let author: Option<i64> = author.into();
    let (kind, field, old, new, body) = match what {
        What::Created => ("created", "", "", "", ""),
        What::Changed { field, old, new } => {
            ("changed", field.as_str(), old.as_str(), new.as_str(), "")
        }
        What::Note(body) => ("note", "", "", "", body.as_str()),
        // A wake is a note the server writes: its field tells it apart.
        What::Woken(macs) => ("note", WOKEN, "", macs.as_str(), ""),
        What::Deleted => ("deleted", "", "", "", ""),
    };
    tx.prepare_cached(
        "INSERT INTO asset_events (asset_id, at, author_id, kind, field, old_value, new_value, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![asset, at, author, kind, field, old, new, body])?;
    Ok(())
}

/// Records each of `changes` (as [`changes`] lists them) on asset `asset`.
pub fn record_changes(
    tx: &Transaction<'_>,
    asset: AssetId,
    author: Option<i64>,
    at: i64,
    changes: Vec<(&'static str, String, String)>,
) -> rusqlite::Result<()> {
    for (field, old, new) in changes {
        let what = What::Changed {
            field: field.to_owned(),
            old,
            new,
        };
        record(tx, asset, author, at, &what)?;
    }
    Ok(())
}

/// The history of asset `asset`, newest first.
pub fn list(conn: &Connection, asset: AssetId) -> rusqlite::Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.at, COALESCE(u.display_name, ''), e.kind, e.field, e.old_value, e.new_value, e.body
         FROM asset_events e LEFT JOIN users u ON u.id = e.author_id
         WHERE e.asset_id = ?1 ORDER BY e.at DESC, e.id DESC",
    )?;
    let rows = stmt.query_map([asset], |r| {
        let kind: String = r.get(2)?;
        let what = match kind.as_str() {
            "created" => What::Created,
            "note" if r.get_ref(3)?.as_str()? == WOKEN => What::Woken(r.get(5)?),
            "note" => What::Note(r.get(6)?),
            "deleted" => What::Deleted,
            _ => What::Changed {
                field: r.get(3)?,
                old: r.get(4)?,
                new: r.get(5)?,
            },
        };
        Ok(Event {
            at: r.get(0)?,
            author: r.get(1)?,
            what,
        })
    })?;
    rows.collect()
}
