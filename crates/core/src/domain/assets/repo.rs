//! The SQL of assets: storing one with its interfaces, reading one, and the list with its
//! search, filters, sort, state counts and pages.

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params, params_from_iter};

use crate::domain::text::folded;

use super::{Asset, AssetId, Checked, Iface, Reader};

/// What the list's search reads: name, serials and every interface, folded.
pub fn search_text(c: &Checked) -> String {
    let ifaces: Vec<(&str, &str, &str)> = c
        .ifaces
        .iter()
        .map(|i| (i.netbios.as_str(), i.ip.as_str(), i.mac.as_str()))
        .collect();
    search_text_of(&c.name, &c.sn_manufacturer, &c.sn_internal, &ifaces)
}

/// [`search_text`] of an asset's name, serials and interfaces (NetBIOS name, IP, MAC).
pub fn search_text_of(
    name: &str,
    sn_manufacturer: &str,
    sn_internal: &str,
    ifaces: &[(&str, &str, &str)],
) -> String {
    let mut parts = vec![folded(name), folded(sn_manufacturer), folded(sn_internal)];
    for (netbios, ip, mac) in ifaces {
        parts.push(folded(netbios));
        parts.push((*ip).to_owned());
        parts.push(mac.to_lowercase());
        parts.push(mac.replace(':', "").to_lowercase());
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

/// The stored columns of `c`, in the order `insert` and `update` name them (`?1`..`?19`).
fn columns(c: &Checked) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as V;
    let text = |t: &str| V::Text(t.to_owned());
    let opt_text = |t: &Option<String>| t.clone().map_or(V::Null, V::Text);
    let id = |v: Option<i64>| v.map_or(V::Null, V::Integer);
    vec![
        text(&c.name),
        text(&c.sn_manufacturer),
        text(&c.sn_internal),
        id(c.type_id),
        id(c.manufacturer_id),
        id(c.model_id),
        V::Integer(c.state_id),
        id(c.user_id),
        id(c.service_id),
        id(c.location_id),
        text(&c.socket),
        id(c.technician_id),
        opt_text(&c.purchased_on),
        opt_text(&c.installed_on),
        opt_text(&c.end_of_life_on),
        opt_text(&c.warranty_end),
        text(&c.description),
        V::Integer(i64::from(c.is_virtual)),
        V::Text(search_text(c)),
    ]
}

/// Stores `ifaces` as asset `id`'s interfaces. An interface that keeps its IP address keeps
/// its last answer and last silence to pings (else an edit would turn its asset's flag red).
fn replace_ifaces(tx: &Transaction<'_>, id: AssetId, ifaces: &[Iface]) -> rusqlite::Result<()> {
    type Pings = (Option<i64>, Option<i64>);
    let mut before: std::collections::HashMap<String, Pings> = std::collections::HashMap::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT ip, last_ping_ok, last_ping_ko FROM asset_ifaces
             WHERE asset_id = ?1 AND ip <> ''",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
        for row in rows {
            let (ip, pings): (String, Pings) = row?;
            before.entry(ip).or_insert(pings);
        }
    }
    tx.prepare_cached("DELETE FROM asset_ifaces WHERE asset_id = ?1")?
        .execute([id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO asset_ifaces (asset_id, position, role_id, netbios, ip, mac,
                                   last_ping_ok, last_ping_ko)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (n, i) in ifaces.iter().enumerate() {
        let (ok, ko) = before.get(&i.ip).copied().unwrap_or_default();
        insert.execute(params![
            id,
            i64::try_from(n).unwrap_or(i64::MAX),
            i.role_id,
            i.netbios,
            i.ip,
            i.mac,
            ok,
            ko
        ])?;
    }
    Ok(())
}

/// Stores a new asset; returns its id.
pub fn insert(tx: &Transaction<'_>, c: &Checked, now: i64) -> rusqlite::Result<AssetId> {
    let mut values = columns(c);
    values.push(Value::Integer(now));
    tx.prepare_cached(
        "INSERT INTO assets (name, sn_manufacturer, sn_internal, type_id, manufacturer_id, model_id,
             state_id, user_id, service_id, location_id, socket, technician_id, purchased_on,
             installed_on, end_of_life_on, warranty_end, description, virtual, search_text,
             created_at, modified_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
             ?19, ?20, ?20)",
    )?
    .execute(params_from_iter(values))?;
    let id = AssetId(tx.last_insert_rowid());
    replace_ifaces(tx, id, &c.ifaces)?;
    Ok(id)
}

/// Replaces asset `id`'s values if it is still at `version`; false when it is not.
pub fn update(
    tx: &Transaction<'_>,
    id: AssetId,
    version: i64,
    c: &Checked,
    now: i64,
) -> rusqlite::Result<bool> {
    let mut values = columns(c);
    values.extend([
        Value::Integer(now),
        Value::Integer(id.0),
        Value::Integer(version),
    ]);
    let changed = tx
        .prepare_cached(
            "UPDATE assets SET name = ?1, sn_manufacturer = ?2, sn_internal = ?3, type_id = ?4,
                 manufacturer_id = ?5, model_id = ?6, state_id = ?7, user_id = ?8,
                 service_id = ?9, location_id = ?10, socket = ?11, technician_id = ?12,
                 purchased_on = ?13, installed_on = ?14, end_of_life_on = ?15,
                 warranty_end = ?16, description = ?17, virtual = ?18, search_text = ?19,
                 modified_at = ?20, version = version + 1
             WHERE id = ?21 AND version = ?22 AND deleted = 0",
        )?
        .execute(params_from_iter(values))?;
    if changed == 0 {
        return Ok(false);
    }
    replace_ifaces(tx, id, &c.ifaces)?;
    Ok(true)
}

/// Marks asset `id` deleted: it leaves the lists and searches; its history stays.
pub fn soft_delete(tx: &Transaction<'_>, id: AssetId, now: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE assets SET deleted = 1, modified_at = ?2, version = version + 1 WHERE id = ?1",
    )?
    .execute(params![id, now])?;
    Ok(())
}

fn ifaces(conn: &Connection, id: AssetId) -> rusqlite::Result<Vec<Iface>> {
    let mut stmt = conn.prepare_cached(
        "SELECT role_id, netbios, ip, mac FROM asset_ifaces WHERE asset_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Iface {
            role_id: r.get(0)?,
            netbios: r.get(1)?,
            ip: r.get(2)?,
            mac: r.get(3)?,
        })
    })?;
    rows.collect()
}

/// Asset `id`, if `reader` sees it.
pub fn get_visible(
    conn: &Connection,
    reader: &Reader,
    id: AssetId,
) -> rusqlite::Result<Option<Asset>> {
    let (condition, mut values) = reader.condition();
    values.insert(0, Value::from(id.0));
    let found = conn
        .prepare_cached(&format!(
            "SELECT a.id, a.name, a.sn_manufacturer, a.sn_internal, a.type_id, a.manufacturer_id,
                 a.model_id, a.state_id, a.user_id, a.service_id, a.location_id, a.socket,
                 a.technician_id, a.purchased_on, a.installed_on, a.end_of_life_on,
                 a.warranty_end, a.description, a.virtual, a.created_at, a.modified_at, a.version
             FROM assets a WHERE a.id = ? AND {condition}"
        ))?
        .query_row(params_from_iter(values), |r| {
            Ok(Asset {
                id: r.get(0)?,
                values: Checked {
                    name: r.get(1)?,
                    sn_manufacturer: r.get(2)?,
                    sn_internal: r.get(3)?,
                    type_id: r.get(4)?,
                    manufacturer_id: r.get(5)?,
                    model_id: r.get(6)?,
                    state_id: r.get(7)?,
                    user_id: r.get(8)?,
                    service_id: r.get(9)?,
                    location_id: r.get(10)?,
                    socket: r.get(11)?,
                    technician_id: r.get(12)?,
                    purchased_on: r.get(13)?,
                    installed_on: r.get(14)?,
                    end_of_life_on: r.get(15)?,
                    warranty_end: r.get(16)?,
                    description: r.get(17)?,
                    is_virtual: r.get(18)?,
                    ifaces: Vec::new(),
                },
                created_at: r.get(19)?,
                modified_at: r.get(20)?,
                version: r.get(21)?,
            })
        })
        .optional()?;
    match found {
        Some(mut a) => {
            a.values.ifaces = ifaces(conn, id)?;
            Ok(Some(a))
        }
        None => Ok(None),
    }
}

/// The columns the list sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Name,
    Type,
    Model,
    State,
    User,
    Ip,
    Location,
    Warranty,
}

impl Sort {
    /// Every sort, with its name in addresses.
    pub const ALL: [(Sort, &'static str); 8] = [
        (Sort::Name, "name"),
        (Sort::Type, "type"),
        (Sort::Model, "model"),
        (Sort::State, "state"),
        (Sort::User, "user"),
        (Sort::Ip, "ip"),
        (Sort::Location, "location"),
        (Sort::Warranty, "warranty"),
    ];

    /// The sort named `name` in an address.
    pub fn parse(name: &str) -> Option<Sort> {
        Sort::ALL.iter().find(|(_, n)| *n == name).map(|(s, _)| *s)
    }

    /// Its name in addresses.
    pub fn name(self) -> &'static str {
        Sort::ALL
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("name", |(_, n)| n)
    }

    /// The ORDER BY expression (constants of the code, never input).
    fn expression(self) -> &'static str {
        match self {
            Sort::Name => "a.name COLLATE NOCASE",
            Sort::Type => {
                "(SELECT COALESCE(t.name, t.name_key) FROM asset_types t WHERE t.id = a.type_id) COLLATE NOCASE"
            }
            Sort::Model => {
                "(SELECT m.name FROM asset_models m WHERE m.id = a.model_id) COLLATE NOCASE"
            }
            Sort::State => "(SELECT s.position FROM asset_states s WHERE s.id = a.state_id)",
            Sort::User => {
                "(SELECT u.display_name FROM users u WHERE u.id = a.user_id) COLLATE NOCASE"
            }
            Sort::Ip => {
                "(SELECT i.ip FROM asset_ifaces i WHERE i.asset_id = a.id AND i.ip <> '' ORDER BY i.position LIMIT 1)"
            }
            Sort::Location => {
                "(SELECT l.name FROM asset_locations l WHERE l.id = a.location_id) COLLATE NOCASE"
            }
            Sort::Warranty => "a.warranty_end",
        }
    }
}

/// The warranty views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warranty {
    /// Under warranty today.
    Under,
    /// Expired within the last `n` months.
    ExpiredWithin(i64),
    /// Expiring within the next `n` months.
    EndingWithin(i64),
}

/// What the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// One state, or every state.
    pub state: Option<i64>,
    pub type_id: Option<i64>,
    pub model_id: Option<i64>,
    pub location_id: Option<i64>,
    pub service_id: Option<i64>,
    pub is_virtual: Option<bool>,
    pub warranty: Option<Warranty>,
    /// Today, `YYYY-MM-DD` (for the warranty views).
    pub today: String,
    pub sort: Sort,
    pub descending: bool,
    /// From 0.
    pub page: i64,
    pub per_page: i64,
}

/// A line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: AssetId,
    pub name: String,
    pub sn_manufacturer: String,
    pub type_id: Option<i64>,
    pub model_id: Option<i64>,
    pub state_id: i64,
    pub user: String,
    pub service_id: Option<i64>,
    pub location_id: Option<i64>,
    pub warranty_end: Option<String>,
    pub is_virtual: bool,
    /// Every interface's IP address, in order.
    pub ips: Vec<String>,
    /// When one of its interfaces last answered a ping.
    pub last_seen: Option<i64>,
}

/// A page of the list, the number of assets found and how many of them are in each state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub rows: Vec<Row>,
    pub total: i64,
    /// (state, assets found in it), for the state tabs (the text and filters apply, not the
    /// state).
    pub by_state: Vec<(i64, i64)>,
}

/// The date `months` months away from `today` (negative: before).
fn months_from(today: &str, months: i64) -> Option<String> {
    let day: jiff::civil::Date = today.parse().ok()?;
    let months = i32::try_from(months).ok()?;
    day.checked_add(jiff::Span::new().months(months))
        .ok()
        .map(|d| d.to_string())
}

/// The conditions of `query` but its state, with their values.
fn conditions(reader: &Reader, query: &Query) -> (Vec<String>, Vec<Value>) {
    let (seen, mut values) = reader.condition();
    let mut parts = vec![seen];
    for word in folded(&query.text).split_whitespace().take(8) {
        if word.chars().count() >= 3 {
            // Any part of a word, through the trigram index: the word as one quoted phrase.
            parts
                .push("a.id IN (SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?)".to_owned());
            values.push(Value::from(format!("\"{}\"", word.replace('"', "\"\""))));
        } else {
            parts.push("instr(a.search_text, ?) > 0".to_owned());
            values.push(Value::from(word.to_owned()));
        }
    }
    let mut by_id = |column: &str, v: Option<i64>| {
        if let Some(v) = v {
            parts.push(format!("a.{column} = ?"));
            values.push(Value::from(v));
        }
    };
    by_id("type_id", query.type_id);
    by_id("model_id", query.model_id);
    by_id("location_id", query.location_id);
    by_id("service_id", query.service_id);
    if let Some(v) = query.is_virtual {
        parts.push(if v { "a.virtual = 1" } else { "a.virtual = 0" }.to_owned());
    }
    match query.warranty {
        Some(Warranty::Under) => {
            parts.push("a.warranty_end >= ?".to_owned());
            values.push(Value::from(query.today.clone()));
        }
        Some(Warranty::ExpiredWithin(months)) => {
            parts.push("a.warranty_end < ? AND a.warranty_end >= ?".to_owned());
            values.push(Value::from(query.today.clone()));
            values.push(Value::from(
                months_from(&query.today, -months).unwrap_or_default(),
            ));
        }
        Some(Warranty::EndingWithin(months)) => {
            parts.push("a.warranty_end >= ? AND a.warranty_end <= ?".to_owned());
            values.push(Value::from(query.today.clone()));
            values.push(Value::from(
                months_from(&query.today, months).unwrap_or_default(),
            ));
        }
        None => {}
    }
    (parts, values)
}

/// The assets `reader` sees that match `query`, a page at a time.
pub fn search(conn: &Connection, reader: &Reader, query: &Query) -> rusqlite::Result<Found> {
    let (parts, values) = conditions(reader, query);
    let base = parts.join(" AND ");
    let mut by_state = Vec::new();
    {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT a.state_id, count(*) FROM assets a WHERE {base} GROUP BY a.state_id"
        ))?;
        let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        for row in rows {
            by_state.push(row?);
        }
    }
    let total = match query.state {
        Some(s) => by_state
            .iter()
            .find(|(state, _)| *state == s)
            .map_or(0, |(_, n)| *n),
        None => by_state.iter().map(|(_, n)| n).sum(),
    };
    let mut values = values;
    let mut condition = base;
    if let Some(s) = query.state {
        condition.push_str(" AND a.state_id = ?");
        values.push(Value::from(s));
    }
    let direction = if query.descending { "DESC" } else { "ASC" };
    values.push(Value::from(query.per_page));
    values.push(Value::from(query.page.saturating_mul(query.per_page)));
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.id, a.name, a.sn_manufacturer, a.type_id, a.model_id, a.state_id,
             COALESCE((SELECT u.display_name FROM users u WHERE u.id = a.user_id), ''),
             a.service_id, a.location_id, a.warranty_end, a.virtual,
             (SELECT group_concat(i.ip, ' ') FROM
                 (SELECT ip FROM asset_ifaces WHERE asset_id = a.id AND ip <> '' ORDER BY position) i),
             (SELECT MAX(i.last_ping_ok) FROM asset_ifaces i WHERE i.asset_id = a.id)
         FROM assets a WHERE {condition}
         ORDER BY {} {direction}, a.id {direction} LIMIT ? OFFSET ?",
        query.sort.expression()
    ))?;
    let rows = stmt.query_map(params_from_iter(values.iter()), |r| {
        let ips: Option<String> = r.get(11)?;
        Ok(Row {
            id: r.get(0)?,
            name: r.get(1)?,
            sn_manufacturer: r.get(2)?,
            type_id: r.get(3)?,
            model_id: r.get(4)?,
            state_id: r.get(5)?,
            user: r.get(6)?,
            service_id: r.get(7)?,
            location_id: r.get(8)?,
            warranty_end: r.get(9)?,
            is_virtual: r.get(10)?,
            ips: ips
                .map(|s| s.split(' ').map(str::to_owned).collect())
                .unwrap_or_default(),
            last_seen: r.get(12)?,
        })
    })?;
    Ok(Found {
        rows: rows.collect::<rusqlite::Result<_>>()?,
        total,
        by_state,
    })
}

/// The tickets about asset `id`: number, title, state, newest first (at most `limit`).
pub fn tickets(
    conn: &Connection,
    id: AssetId,
    limit: i64,
) -> rusqlite::Result<Vec<(i64, String, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, state_id FROM tickets WHERE asset_id = ?1 AND deleted = 0
         ORDER BY id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![id, limit], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    rows.collect()
}

/// An asset as its user's profile lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owned {
    pub id: AssetId,
    pub name: String,
    pub kind: String,
    pub model: String,
    pub sn_manufacturer: String,
}

/// The assets of user `user` (not deleted), by name, with their type in `lang`.
pub fn owned_by(
    conn: &Connection,
    user: i64,
    lang: crate::i18n::Lang,
) -> rusqlite::Result<Vec<Owned>> {
    let types = crate::domain::lists::repo::names_by_code(conn, "asset-types", lang)?;
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.name, a.type_id, COALESCE(m.name, ''), a.sn_manufacturer
         FROM assets a LEFT JOIN asset_models m ON m.id = a.model_id
         WHERE a.user_id = ?1 AND a.deleted = 0 ORDER BY a.name COLLATE NOCASE, a.id LIMIT 200",
    )?;
    let rows = stmt.query_map([user], |r| {
        let type_id: Option<i64> = r.get(2)?;
        Ok(Owned {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: type_id
                .and_then(|t| types.get(&t).cloned())
                .unwrap_or_default(),
            model: r.get(3)?,
            sn_manufacturer: r.get(4)?,
        })
    })?;
    rows.collect()
}
