//! The assets' side of the network tools (the "asset_ip" function switch): which interfaces a
//! ping reaches, what its answers leave (each interface's last answer and last silence, the
//! asset's flag), which cards a Wake-on-LAN reaches and through which broadcast addresses, and
//! the history entry a wake leaves. The probing itself is the network adapter's; these use
//! cases never touch the network.

use std::collections::HashMap;
use std::net::Ipv4Addr;

use rusqlite::{Connection, params_from_iter, types::Value};

use crate::db::Db;
use crate::domain::settings::{FUNCTION_ASSET_IP, FUNCTION_ASSETS, Settings};
use crate::domain::{Actor, DomainError, clock, run};

use super::history::{self, What};
use super::use_cases::for_change;
use super::{AssetId, Reader, address, free_ip};

/// Days within which an answer keeps an asset's flag green (GestSup's rule).
pub const SEEN_WITHIN_DAYS: i64 = 60;

/// Assets one action may reach from the list's selection.
pub const MAX_SELECTED: usize = 1_000;

/// What an asset's flag says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// Answered within [`SEEN_WITHIN_DAYS`] (green).
    Seen,
    /// Answered once, not within [`SEEN_WITHIN_DAYS`] (orange).
    Stale,
    /// Never answered (red).
    Never,
}

impl Flag {
    /// The flag of an asset whose interfaces last answered at `last_seen` (seconds), if ever.
    pub fn of(last_seen: Option<i64>, now: i64) -> Flag {
        match last_seen {
            Some(at) if now - at <= SEEN_WITHIN_DAYS * 86_400 => Flag::Seen,
            Some(_) => Flag::Stale,
            None => Flag::Never,
        }
    }

    /// Its stable name (CSS classes, translation keys).
    pub fn code(self) -> &'static str {
        match self {
            Flag::Seen => "seen",
            Flag::Stale => "stale",
            Flag::Never => "never",
        }
    }
}

/// Which assets an action reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Which {
    One(AssetId),
    /// Those of the list's selection (at most [`MAX_SELECTED`]).
    Selected(Vec<AssetId>),
    /// Every asset (the scheduled ping and `gestdesk net ping-all`).
    Every,
}

/// An interface a ping reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub iface: i64,
    pub asset: AssetId,
    pub asset_name: String,
    pub ip: Ipv4Addr,
}

/// What one interface did when pinged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub iface: i64,
    pub answered: bool,
}

/// Refused unless assets and their IP management are on.
pub(crate) fn switched_on(conn: &Connection) -> Result<(), DomainError> {
    let settings = Settings::load(conn)?;
    if settings.flag(FUNCTION_ASSETS) && settings.flag(FUNCTION_ASSET_IP) {
        Ok(())
    } else {
        Err(DomainError::NotFound)
    }
}

/// The ids of `which` that `actor` sees (every live asset for the server itself), in order.
fn reachable(
    conn: &Connection,
    actor: Option<&Actor>,
    which: &Which,
) -> Result<Vec<AssetId>, DomainError> {
    let (mut condition, mut values) = match actor {
        Some(a) => Reader::of(conn, a)?.condition(),
        None => ("a.deleted = 0".to_owned(), Vec::new()),
    };
    match which {
        Which::Every => {}
        Which::One(id) => {
            condition.push_str(" AND a.id = ?");
            values.push(Value::from(id.0));
        }
        Which::Selected(ids) => {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            if ids.len() > MAX_SELECTED {
                let mut errors = crate::domain::FieldErrors::new();
                errors.add(
                    "ids",
                    crate::i18n::msg("asset-too-many-selected").arg("max", MAX_SELECTED),
                );
                return Err(DomainError::Invalid(errors));
            }
            let marks = vec!["?"; ids.len()].join(", ");
            condition.push_str(&format!(" AND a.id IN ({marks})"));
            values.extend(ids.iter().map(|i| Value::from(i.0)));
        }
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT a.id FROM assets a WHERE {condition} ORDER BY a.id"
    ))?;
    let ids = stmt
        .query_map(params_from_iter(values), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<AssetId>>>()?;
    if let Which::One(_) = which
        && ids.is_empty()
    {
        return Err(DomainError::NotFound);
    }
    Ok(ids)
}

/// The interfaces with an IPv4 address of the assets `ids`.
fn targets_of(conn: &Connection, ids: &[AssetId]) -> rusqlite::Result<Vec<Target>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.id, i.ip, a.name FROM asset_ifaces i JOIN assets a ON a.id = i.asset_id
         WHERE i.asset_id = ?1 AND i.ip <> '' ORDER BY i.position",
    )?;
    let mut found = Vec::new();
    for id in ids {
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (iface, ip, name) = row?;
            // IPv6 interfaces are kept but not probed.
            if let Ok(ip) = ip.parse::<Ipv4Addr>() {
                found.push(Target {
                    iface,
                    asset: *id,
                    asset_name: name,
                    ip,
                });
            }
        }
    }
    Ok(found)
}

/// The interfaces a ping of `which` reaches for `actor` (none: the server's own schedule,
/// which reaches every asset).
pub async fn ping_targets(
    db: &Db,
    actor: Option<&Actor>,
    which: Which,
) -> Result<Vec<Target>, DomainError> {
    let actor = actor.cloned();
    run::read(db, move |conn| {
        switched_on(conn)?;
        let ids = reachable(conn, actor.as_ref(), &which)?;
        Ok(targets_of(conn, &ids)?)
    })
    .await
}

/// A finished ping of some interfaces: what each did, and how the run went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ping {
    pub answers: Vec<Answer>,
    /// The probing method's code, as the adapter names it.
    pub method: String,
    pub started_at: i64,
    pub finished_at: i64,
    /// Who asked (none: the schedule or the command line).
    pub author: Option<i64>,
    /// Whether it reached every asset (kept as a run, for the schedule and the pages).
    pub every: bool,
}

/// Keeps what `ping` found: each answering interface's last answer, each silent one's last
/// silence (interfaces removed meanwhile are skipped), and, for a ping of every asset, the run.
/// Returns the interfaces updated.
pub async fn record_pings(db: &Db, ping: Ping) -> Result<usize, DomainError> {
    run::write(db, move |tx| {
        let at = ping.finished_at;
        let mut ok =
            tx.prepare_cached("UPDATE asset_ifaces SET last_ping_ok = ?2 WHERE id = ?1")?;
        let mut ko =
            tx.prepare_cached("UPDATE asset_ifaces SET last_ping_ko = ?2 WHERE id = ?1")?;
        let mut updated = 0;
        for a in &ping.answers {
            updated += if a.answered { &mut ok } else { &mut ko }.execute([a.iface, at])?;
        }
        if ping.every {
            let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
            let answered = count(ping.answers.iter().filter(|a| a.answered).count());
            tx.prepare_cached(
                "INSERT INTO network_runs (kind, author_id, method, started_at, finished_at,
                                           probed, answered)
                 VALUES ('ping', ?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(rusqlite::params![
                ping.author,
                ping.method,
                ping.started_at,
                ping.finished_at,
                count(ping.answers.len()),
                answered
            ])?;
        }
        Ok(updated)
    })
    .await
}

/// The live asset called `name` (case ignored), or with id `name`, for the command line.
pub async fn find(db: &Db, name: String) -> Result<AssetId, DomainError> {
    run::read(db, move |conn| {
        if let Ok(id) = name.trim().parse::<i64>() {
            let found: Option<AssetId> = rusqlite::OptionalExtension::optional(conn.query_row(
                "SELECT id FROM assets WHERE id = ?1 AND deleted = 0",
                [id],
                |r| r.get(0),
            ))?;
            return found.ok_or(DomainError::NotFound);
        }
        let mut stmt = conn.prepare(
            "SELECT id FROM assets WHERE deleted = 0 AND name = ?1 COLLATE NOCASE LIMIT 2",
        )?;
        let ids = stmt
            .query_map([name.trim()], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<AssetId>>>()?;
        match ids.as_slice() {
            [one] => Ok(*one),
            [] => Err(DomainError::NotFound),
            _ => Err(DomainError::Conflict(crate::i18n::msg(
                "asset-name-ambiguous",
            ))),
        }
    })
    .await
}

/// When the last ping of every asset started, if one ever ran.
pub async fn last_ping_of_every(db: &Db) -> Result<Option<i64>, DomainError> {
    run::read(db, |conn| {
        Ok(conn.query_row(
            "SELECT MAX(started_at) FROM network_runs WHERE kind = 'ping'",
            [],
            |r| r.get(0),
        )?)
    })
    .await
}

/// A ping of every asset or a discovery, as the pages list them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub kind: String,
    pub network: Option<String>,
    pub author: Option<String>,
    pub dry_run: bool,
    pub method: String,
    pub started_at: i64,
    pub finished_at: i64,
    pub probed: i64,
    pub answered: i64,
    pub created: i64,
    pub filled: i64,
    pub stopped: bool,
}

/// The newest runs of `kind` (`ping` or `scan`), at most `limit`.
pub async fn runs(db: &Db, kind: &'static str, limit: i64) -> Result<Vec<Run>, DomainError> {
    run::read(db, move |conn| {
        let mut stmt = conn.prepare_cached(
            "SELECT r.kind, n.name, u.display_name, r.dry_run, r.method, r.started_at,
                    r.finished_at, r.probed, r.answered, r.created, r.filled, r.stopped
             FROM network_runs r
             LEFT JOIN asset_networks n ON n.id = r.network_id
             LEFT JOIN users u ON u.id = r.author_id
             WHERE r.kind = ?1
             ORDER BY r.started_at DESC, r.id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(rusqlite::params![kind, limit], |r| {
            Ok(Run {
                kind: r.get(0)?,
                network: r.get(1)?,
                author: r.get(2)?,
                dry_run: r.get(3)?,
                method: r.get(4)?,
                started_at: r.get(5)?,
                finished_at: r.get(6)?,
                probed: r.get(7)?,
                answered: r.get(8)?,
                created: r.get(9)?,
                filled: r.get(10)?,
                stopped: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    })
    .await
}

/// What the pages show of an interface's pings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Seen {
    pub last_ok: Option<i64>,
    pub last_ko: Option<i64>,
}

/// The pings of asset `id`'s interfaces, in their order.
pub(crate) fn seen(conn: &Connection, id: AssetId) -> rusqlite::Result<Vec<Seen>> {
    let mut stmt = conn.prepare_cached(
        "SELECT last_ping_ok, last_ping_ko FROM asset_ifaces WHERE asset_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok(Seen {
            last_ok: r.get(0)?,
            last_ko: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// One card to wake: its MAC address and the broadcast addresses that reach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub asset: AssetId,
    pub asset_name: String,
    pub mac: [u8; 6],
    /// The MAC address as shown.
    pub mac_text: String,
    /// The broadcast address of each declared network holding the interface's address, then
    /// 255.255.255.255.
    pub broadcasts: Vec<Ipv4Addr>,
}

fn mac_bytes(text: &str) -> Option<[u8; 6]> {
    let canonical = address::mac(text)?;
    let mut bytes = [0u8; 6];
    for (b, pair) in bytes.iter_mut().zip(canonical.split(':')) {
        *b = u8::from_str_radix(pair, 16).ok()?;
    }
    Some(bytes)
}

/// The broadcast addresses of the declared networks (enabled ones), as (network range, broadcast).
fn broadcasts(conn: &Connection) -> rusqlite::Result<Vec<((u32, u32), Ipv4Addr)>> {
    let mut stmt =
        conn.prepare_cached("SELECT network, netmask FROM asset_networks WHERE disabled = 0")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut found = Vec::new();
    for row in rows {
        let (network, mask) = row?;
        let (Ok(n), Ok(m)) = (network.parse::<Ipv4Addr>(), mask.parse::<Ipv4Addr>()) else {
            continue;
        };
        if free_ip::host_range(n, m).is_some() {
            let base = u32::from(n) & u32::from(m);
            let last = base | !u32::from(m);
            found.push(((base, last), Ipv4Addr::from(last)));
        }
    }
    Ok(found)
}

/// The cards of `which` that `actor` may wake (none: the server itself, from the command
/// line, which reaches every asset): assets they may change, each interface with a MAC address
/// once. Refused when they may not change assets.
pub async fn wake_targets(
    db: &Db,
    actor: Option<&Actor>,
    which: Which,
) -> Result<Vec<Card>, DomainError> {
    let actor = actor.cloned();
    run::read(db, move |conn| {
        switched_on(conn)?;
        let ids = match (&actor, &which) {
            (Some(actor), Which::One(id)) => {
                for_change(conn, actor, *id)?;
                vec![*id]
            }
            (Some(actor), _) => {
                if !Reader::of(conn, actor)?.may_edit {
                    return Err(DomainError::Forbidden);
                }
                reachable(conn, Some(actor), &which)?
            }
            (None, _) => reachable(conn, None, &which)?,
        };
        let nets = broadcasts(conn)?;
        let mut stmt = conn.prepare_cached(
            "SELECT i.mac, i.ip, a.name FROM asset_ifaces i JOIN assets a ON a.id = i.asset_id
             WHERE i.asset_id = ?1 AND i.mac <> '' ORDER BY i.position",
        )?;
        let mut cards: Vec<Card> = Vec::new();
        for id in ids {
            let rows = stmt.query_map([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (mac_text, ip, name) = row?;
                let Some(mac) = mac_bytes(&mac_text) else {
                    continue;
                };
                if cards.iter().any(|c| c.asset == id && c.mac == mac) {
                    continue;
                }
                let mut targets: Vec<Ipv4Addr> = address::v4_number(&ip)
                    .map(|n| {
                        nets.iter()
                            .filter(|((first, last), _)| (*first..=*last).contains(&n))
                            .map(|(_, b)| *b)
                            .collect()
                    })
                    .unwrap_or_default();
                targets.push(Ipv4Addr::BROADCAST);
                targets.dedup();
                cards.push(Card {
                    asset: id,
                    asset_name: name,
                    mac,
                    mac_text,
                    broadcasts: targets,
                });
            }
        }
        Ok(cards)
    })
    .await
}

/// Records in each asset's history that `author` (none: the server itself) sent the magic
/// packets of `cards`.
pub async fn record_wakes(
    db: &Db,
    author: Option<i64>,
    cards: Vec<Card>,
) -> Result<(), DomainError> {
    run::write(db, move |tx| {
        let now = clock::now();
        let mut by_asset: HashMap<AssetId, Vec<String>> = HashMap::new();
        for c in cards {
            by_asset.entry(c.asset).or_default().push(c.mac_text);
        }
        let mut assets: Vec<_> = by_asset.into_iter().collect();
        assets.sort_by_key(|(id, _)| id.0);
        for (asset, macs) in assets {
            history::record(tx, asset, author, now, &What::Woken(macs.join(" ")))?;
        }
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_is_green_within_sixty_days_orange_after_and_red_never() {
        let now = 100 * 86_400;
        assert_eq!(Flag::of(Some(now - 60 * 86_400), now), Flag::Seen);
        assert_eq!(Flag::of(Some(now - 61 * 86_400), now), Flag::Stale);
        assert_eq!(Flag::of(None, now), Flag::Never);
    }

    #[test]
    fn a_mac_in_any_usual_form_gives_its_six_bytes() {
        assert_eq!(
            mac_bytes("02-77-00-00-00-0a"),
            Some([0x02, 0x77, 0, 0, 0, 0x0A])
        );
        assert_eq!(mac_bytes("not a mac"), None);
    }
}
