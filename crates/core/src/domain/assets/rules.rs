//! Checking an asset form: lengths, list values that exist, people who exist, dates, the
//! model's type and manufacturer, the warranty end from the model's years, interfaces only for
//! models with IP, addresses read in one form, and an IP address that another asset in a state
//! that blocks addresses already holds.

use rusqlite::{Connection, OptionalExtension};

use crate::domain::FieldErrors;
use crate::domain::lists::repo::chosen as entry;
use crate::domain::profiles::Profile;
use crate::domain::text::visible;
use crate::domain::users::choices::Who;
use crate::i18n::msg;

use super::{AssetId, Checked, Iface, MAX_IFACES, Typed, address};

/// Longest name and serial numbers.
pub const MAX_NAME: usize = 128;
/// Longest description.
pub const MAX_DESCRIPTION: usize = 5_000;
/// Longest socket label and NetBIOS name.
pub const MAX_SHORT: usize = 64;

macro_rules! per_iface {
    ($field:literal) => {
        [
            concat!("iface-0-", $field),
            concat!("iface-1-", $field),
            concat!("iface-2-", $field),
            concat!("iface-3-", $field),
            concat!("iface-4-", $field),
            concat!("iface-5-", $field),
            concat!("iface-6-", $field),
            concat!("iface-7-", $field),
            concat!("iface-8-", $field),
            concat!("iface-9-", $field),
            concat!("iface-10-", $field),
            concat!("iface-11-", $field),
            concat!("iface-12-", $field),
            concat!("iface-13-", $field),
            concat!("iface-14-", $field),
            concat!("iface-15-", $field),
        ]
    };
}

/// The form names of each interface's fields, by position.
pub const IFACE_ROLE: [&str; MAX_IFACES] = per_iface!("role");
pub const IFACE_NETBIOS: [&str; MAX_IFACES] = per_iface!("netbios");
pub const IFACE_IP: [&str; MAX_IFACES] = per_iface!("ip");
pub const IFACE_MAC: [&str; MAX_IFACES] = per_iface!("mac");

fn text(
    errors: &mut FieldErrors,
    field: &'static str,
    typed: &str,
    max: usize,
    required: bool,
) -> String {
    let value = visible(typed.trim());
    if required && value.is_empty() {
        errors.add(field, msg("error-required"));
    } else if value.chars().count() > max {
        errors.add(field, msg("error-too-long").arg("max", max));
    }
    value
}

/// The user chosen in `field` (`u<id>`), if one was chosen and is an account; a technician
/// must hold a technician's or an administrator's profile.
fn person(
    conn: &Connection,
    errors: &mut FieldErrors,
    field: &'static str,
    typed: &str,
    staff_only: bool,
) -> rusqlite::Result<Option<i64>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let Some(Who::User(id)) = Who::parse(typed) else {
        errors.add(field, msg("error-unknown-choice"));
        return Ok(None);
    };
    let profile: Option<i64> = conn
        .prepare_cached("SELECT profile_id FROM users WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    let fits = match profile {
        None => false,
        Some(p) if staff_only => p == Profile::Technician.id() || p == Profile::Administrator.id(),
        Some(_) => true,
    };
    if fits {
        Ok(Some(id))
    } else {
        errors.add(field, msg("error-unknown-choice"));
        Ok(None)
    }
}

/// A date typed as `YYYY-MM-DD`, or none.
fn date(errors: &mut FieldErrors, field: &'static str, typed: &str) -> Option<String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    match typed.parse::<jiff::civil::Date>() {
        Ok(d) if typed.len() == 10 => Some(d.to_string()),
        _ => {
            errors.add(field, msg("error-date"));
            None
        }
    }
}

/// What a model says: its type, manufacturer, whether it has IP, and its warranty years.
struct Model {
    type_id: Option<i64>,
    manufacturer_id: Option<i64>,
    has_ip: bool,
    warranty_years: i64,
}

fn model(conn: &Connection, id: i64) -> rusqlite::Result<Option<Model>> {
    conn.prepare_cached(
        "SELECT type_id, manufacturer_id, has_ip, warranty_years FROM asset_models WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(Model {
            type_id: r.get(0)?,
            manufacturer_id: r.get(1)?,
            has_ip: r.get(2)?,
            warranty_years: r.get(3)?,
        })
    })
    .optional()
}

/// The end of a warranty of `years` from `from` (`YYYY-MM-DD`).
pub fn warranty_from(from: &str, years: i64) -> Option<String> {
    let start: jiff::civil::Date = from.parse().ok()?;
    let years = i16::try_from(years).ok()?;
    start
        .checked_add(jiff::Span::new().years(years))
        .ok()
        .map(|d| d.to_string())
}

/// The interfaces typed, checked: blank rows dropped, addresses in one form, each address once.
fn ifaces(
    conn: &Connection,
    errors: &mut FieldErrors,
    typed: &[super::TypedIface],
) -> rusqlite::Result<Vec<Iface>> {
    let mut out = Vec::new();
    let mut seen_ip: Vec<String> = Vec::new();
    let mut seen_mac: Vec<String> = Vec::new();
    if typed.len() > MAX_IFACES {
        errors.add("ifaces", msg("asset-error-ifaces").arg("max", MAX_IFACES));
    }
    for (i, t) in typed.iter().enumerate().take(MAX_IFACES) {
        if t.netbios.trim().is_empty() && t.ip.trim().is_empty() && t.mac.trim().is_empty() {
            continue;
        }
        let role_id = entry(conn, errors, IFACE_ROLE[i], "iface-roles", &t.role)?;
        let netbios = text(errors, IFACE_NETBIOS[i], &t.netbios, MAX_SHORT, false);
        let ip = if t.ip.trim().is_empty() {
            String::new()
        } else if let Some(ip) = address::ip(&t.ip) {
            if seen_ip.contains(&ip) {
                errors.add(IFACE_IP[i], msg("asset-error-ip-twice"));
            }
            seen_ip.push(ip.clone());
            ip
        } else {
            errors.add(IFACE_IP[i], msg("asset-error-ip"));
            String::new()
        };
        let mac = if t.mac.trim().is_empty() {
            String::new()
        } else if let Some(mac) = address::mac(&t.mac) {
            if seen_mac.contains(&mac) {
                errors.add(IFACE_MAC[i], msg("asset-error-mac-twice"));
            }
            seen_mac.push(mac.clone());
            mac
        } else {
            errors.add(IFACE_MAC[i], msg("asset-error-mac"));
            String::new()
        };
        out.push(Iface {
            role_id,
            netbios,
            ip,
            mac,
        });
    }
    Ok(out)
}

/// The asset (other than `me`) in a state that blocks addresses that holds IP `ip`, by name.
/// (`i.ip <> ''` repeats the address index's condition, for it to be usable.)
pub fn ip_holder(
    conn: &Connection,
    ip: &str,
    me: Option<AssetId>,
) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT a.name FROM asset_ifaces i
         JOIN assets a ON a.id = i.asset_id
         JOIN asset_states s ON s.id = a.state_id
         WHERE i.ip = ?1 AND i.ip <> '' AND a.deleted = 0 AND s.block_ip_search = 1
             AND a.id IS NOT ?2
         ORDER BY a.id LIMIT 1",
    )?
    .query_row(rusqlite::params![ip, me], |r| r.get(0))
    .optional()
}

/// Checks `typed` for asset `me` (none for a new one); `today` fills a warranty end from the
/// model when no date says when the asset was bought or installed.
pub fn check(
    conn: &Connection,
    typed: &Typed,
    me: Option<AssetId>,
    today: &str,
) -> rusqlite::Result<Result<Checked, FieldErrors>> {
    let mut errors = FieldErrors::new();
    let e = &mut errors;
    let name = text(e, "name", &typed.name, MAX_NAME, true);
    let sn_manufacturer = text(
        e,
        "sn_manufacturer",
        &typed.sn_manufacturer,
        MAX_NAME,
        false,
    );
    let sn_internal = text(e, "sn_internal", &typed.sn_internal, MAX_NAME, false);
    let socket = text(e, "socket", &typed.socket, MAX_SHORT, false);
    let description = typed.description.trim().to_owned();
    if description.chars().count() > MAX_DESCRIPTION {
        e.add(
            "description",
            msg("error-too-long").arg("max", MAX_DESCRIPTION),
        );
    }
    let mut type_id = entry(conn, e, "type", "asset-types", &typed.type_id)?;
    let mut manufacturer_id = entry(
        conn,
        e,
        "manufacturer",
        "asset-manufacturers",
        &typed.manufacturer,
    )?;
    let model_id = entry(conn, e, "model", "asset-models", &typed.model)?;
    let state_id = entry(conn, e, "state", "asset-states", &typed.state)?;
    if typed.state.trim().is_empty() {
        e.add("state", msg("error-required"));
    }
    let user_id = person(conn, e, "user", &typed.user, false)?;
    let technician_id = person(conn, e, "technician", &typed.technician, true)?;
    let service_id = entry(conn, e, "service", "services", &typed.service)?;
    let location_id = entry(conn, e, "location", "asset-locations", &typed.location)?;
    let purchased_on = date(e, "purchased_on", &typed.purchased_on);
    let installed_on = date(e, "installed_on", &typed.installed_on);
    let end_of_life_on = date(e, "end_of_life_on", &typed.end_of_life_on);
    let mut warranty_end = date(e, "warranty_end", &typed.warranty_end);
    let model = match model_id {
        Some(id) => model(conn, id)?,
        None => None,
    };
    if let Some(m) = &model {
        // The model says what the asset is and who made it.
        type_id = m.type_id.or(type_id);
        manufacturer_id = m.manufacturer_id.or(manufacturer_id);
        if warranty_end.is_none() && m.warranty_years > 0 && typed.warranty_end.trim().is_empty() {
            let from = purchased_on
                .as_deref()
                .or(installed_on.as_deref())
                .unwrap_or(today);
            warranty_end = warranty_from(from, m.warranty_years);
        }
    }
    let is_virtual = typed.is_virtual;
    if is_virtual {
        let allowed: bool = match type_id {
            Some(t) => conn.query_row(
                "SELECT virtualization FROM asset_types WHERE id = ?1",
                [t],
                |r| r.get(0),
            )?,
            None => false,
        };
        if !allowed {
            e.add("virtual", msg("asset-error-virtual"));
        }
    }
    let ifaces = ifaces(conn, e, &typed.ifaces)?;
    if !ifaces.is_empty() && !model.as_ref().is_some_and(|m| m.has_ip) {
        e.add("ifaces", msg("asset-error-no-ip-model"));
    }
    // An address already held by another asset in a state that blocks it.
    for (i, iface) in ifaces.iter().enumerate() {
        if iface.ip.is_empty() {
            continue;
        }
        if let Some(holder) = ip_holder(conn, &iface.ip, me)? {
            let position = typed
                .ifaces
                .iter()
                .position(|t| address::ip(&t.ip).as_deref() == Some(iface.ip.as_str()))
                .unwrap_or(i)
                .min(MAX_IFACES - 1);
            e.add(
                IFACE_IP[position],
                msg("asset-error-ip-used").arg("asset", &holder),
            );
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(Checked {
        name,
        sn_manufacturer,
        sn_internal,
        type_id,
        manufacturer_id,
        model_id,
        state_id: state_id.unwrap_or_default(),
        user_id,
        service_id,
        location_id,
        socket,
        technician_id,
        purchased_on,
        installed_on,
        end_of_life_on,
        warranty_end,
        description,
        is_virtual,
        ifaces,
    }))
}

/// Most assets one batch creates.
pub const MAX_BATCH: i64 = 500;

/// The names of a batch: `pattern` with `{n}` (or `{n:03}`, zero-padded to 3 digits) replaced
/// by `start`, `start + 1` ... for `count` assets; why not when the pattern does not hold
/// exactly one number.
pub fn batch_names(pattern: &str, start: i64, count: i64) -> Result<Vec<String>, crate::i18n::Msg> {
    let pattern = visible(pattern.trim());
    let Some(open) = pattern.find("{n") else {
        return Err(msg("asset-error-pattern"));
    };
    let Some(close) = pattern[open..].find('}').map(|c| open + c) else {
        return Err(msg("asset-error-pattern"));
    };
    let spec = &pattern[open + 2..close];
    let width = match spec {
        "" => 0,
        s => match s.strip_prefix(":0").and_then(|w| w.parse::<usize>().ok()) {
            Some(w) if (1..=9).contains(&w) && s.len() == 3 => w,
            _ => return Err(msg("asset-error-pattern")),
        },
    };
    let (before, after) = (&pattern[..open], &pattern[close + 1..]);
    if after.contains("{n") {
        return Err(msg("asset-error-pattern"));
    }
    if !(1..=MAX_BATCH).contains(&count) {
        return Err(msg("asset-error-count").arg("max", MAX_BATCH));
    }
    if !(0..=999_999_999).contains(&start) {
        return Err(msg("asset-error-start"));
    }
    let names: Vec<String> = (start..start + count)
        .map(|n| format!("{before}{n:0width$}{after}"))
        .collect();
    if names.iter().any(|n| n.chars().count() > MAX_NAME) {
        return Err(msg("error-too-long").arg("max", MAX_NAME));
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warranty_runs_whole_years_from_its_start() {
        assert_eq!(
            warranty_from("2024-02-29", 1).as_deref(),
            Some("2025-02-28")
        );
        assert_eq!(
            warranty_from("2023-06-15", 3).as_deref(),
            Some("2026-06-15")
        );
        assert_eq!(warranty_from("not a date", 3), None);
    }

    #[test]
    fn a_batch_pattern_numbers_its_names() {
        assert_eq!(
            batch_names("PC-{n:03}", 9, 3).expect("names"),
            ["PC-009", "PC-010", "PC-011"]
        );
        assert_eq!(
            batch_names("{n}-laptop", 1, 2).expect("names"),
            ["1-laptop", "2-laptop"]
        );
        for bad in [
            "PC",
            "PC-{n",
            "PC-{x}",
            "PC-{n:3}",
            "PC-{n:0}",
            "{n}-{n}",
            "PC-{n:012}",
        ] {
            assert!(batch_names(bad, 1, 1).is_err(), "{bad}");
        }
        assert!(batch_names("PC-{n}", 1, 0).is_err());
        assert!(batch_names("PC-{n}", 1, MAX_BATCH + 1).is_err());
        assert!(batch_names("PC-{n}", -1, 1).is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_pattern_either_names_every_asset_or_says_why(
            pattern in "\\PC{0,20}(\\{n(:0[1-9])?\\})?\\PC{0,20}",
            start in 0i64..1_000_000,
            count in 0i64..600,
        ) {
            // A refused pattern says why; an accepted one names each asset once.
            if let Ok(names) = batch_names(&pattern, start, count) {
                proptest::prop_assert_eq!(i64::try_from(names.len()).ok(), Some(count));
                let mut sorted = names.clone();
                sorted.sort();
                sorted.dedup();
                proptest::prop_assert_eq!(sorted.len(), names.len());
            }
        }
    }

    #[test]
    fn every_interface_has_its_own_field_names() {
        let mut all: Vec<&str> = IFACE_IP
            .iter()
            .chain(&IFACE_MAC)
            .chain(&IFACE_ROLE)
            .chain(&IFACE_NETBIOS)
            .copied()
            .collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 4 * MAX_IFACES);
    }
}
