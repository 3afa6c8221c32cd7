//! Importing assets from a CSV file: from the stock view (a preview that says line by line
//! what would be created, updated or refused and why, then a confirmation), from a folder of
//! the data directory that the server watches, and from the shell.
//!
//! A line updates the asset it matches — by one of its MAC addresses, else by its
//! manufacturer's serial number, else by its name — and creates one when none matches. Its
//! cells go through the same checks as the asset form ([`super::rules::check`]); an empty
//! cell leaves an updated asset's field as it was, and interface cells replace its interfaces.
//! List values (type, manufacturer, model, state, location, service, interface role) that do
//! not exist yet are added. The preview runs exactly what the confirmation runs, then rolls
//! it back; the confirmation writes every accepted line in one transaction, or nothing.

pub mod columns;
pub mod log;
pub mod sheet;
pub mod use_cases;
mod values;

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction};

use crate::domain::FieldErrors;
use crate::domain::clock;
use crate::domain::text::folded;
use crate::i18n::{Msg, msg};

use super::history::{self, What};
use super::rules::{self, IFACE_IP, IFACE_MAC, IFACE_NETBIOS, IFACE_ROLE};
use super::{AssetId, Reader, Typed, TypedIface, repo};
use columns::{Column, IFACES};
pub use values::Kind;
use values::{Known, ModelFacts};

/// Why a line is refused: the column at fault, if one is, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub column: Option<String>,
    pub msg: Msg,
}

/// What happens to one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Created(AssetId),
    Updated(AssetId),
    /// It matched an asset whose fields it does not change.
    Unchanged(AssetId),
    Refused(Vec<Reason>),
}

/// One line of the file and what happens to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Its line number in the file (1 is the header).
    pub number: usize,
    /// The asset's name as the line gives it.
    pub name: String,
    pub outcome: Outcome,
}

/// What an import does (or, previewed, would do).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub lines: Vec<Line>,
    /// List values added, by list, as typed.
    pub added: Vec<(Kind, String)>,
    /// `;` or `,`.
    pub separator: char,
    pub windows_1252: bool,
}

/// How many lines had each outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub refused: i64,
}

impl Report {
    /// How many lines had each outcome.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for line in &self.lines {
            match line.outcome {
                Outcome::Created(_) => c.created += 1,
                Outcome::Updated(_) => c.updated += 1,
                Outcome::Unchanged(_) => c.unchanged += 1,
                Outcome::Refused(_) => c.refused += 1,
            }
        }
        c
    }

    /// The report as plain text in `lang` (for the folder import and the shell).
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        let c = self.counts();
        let mut out = msg("asset-import-summary")
            .arg("created", c.created)
            .arg("updated", c.updated)
            .arg("unchanged", c.unchanged)
            .arg("refused", c.refused)
            .render(lang);
        out.push('\n');
        for (kind, name) in &self.added {
            out.push_str(&format!("+ {}: {name}\n", lang.t(kind.title_key())));
        }
        for line in &self.lines {
            let what = match &line.outcome {
                Outcome::Created(_) => lang.t("asset-import-created"),
                Outcome::Updated(_) => lang.t("asset-import-updated"),
                Outcome::Unchanged(_) => lang.t("asset-import-unchanged"),
                Outcome::Refused(reasons) => {
                    let why: Vec<String> = reasons.iter().map(|r| r.render(lang)).collect();
                    format!("{}: {}", lang.t("asset-import-refused"), why.join("; "))
                }
            };
            out.push_str(&format!("{} {}: {what}\n", line.number, line.name));
        }
        out
    }
}

impl Reason {
    /// The reason in `lang`, after its column.
    pub fn render(&self, lang: crate::i18n::Lang) -> String {
        match &self.column {
            Some(c) => format!("{c}: {}", self.msg.render(lang)),
            None => self.msg.render(lang),
        }
    }
}

/// The column code a form field of the asset checks stands for; `slots[k]` says which of the
/// line's interfaces the asset's `k`-th interface came from (none: one the line left alone).
fn column_of(field: &str, slots: &[Option<usize>]) -> Option<String> {
    for (k, slot) in slots.iter().enumerate().take(super::MAX_IFACES) {
        let i = slot.unwrap_or(0);
        let pairs = [
            (IFACE_IP[k], Column::Ip(i)),
            (IFACE_MAC[k], Column::Mac(i)),
            (IFACE_NETBIOS[k], Column::Netbios(i)),
            (IFACE_ROLE[k], Column::Role(i)),
        ];
        if let Some((_, c)) = pairs.iter().find(|(f, _)| *f == field) {
            return Some(c.code());
        }
    }
    let code = match field {
        "ifaces" => "ip",
        other => other,
    };
    Column::parse(code).map(Column::code)
}

/// Reasons from the asset checks' field errors.
fn reasons(errors: FieldErrors, slots: &[Option<usize>]) -> Vec<Reason> {
    errors
        .0
        .into_iter()
        .map(|(field, m)| Reason {
            column: column_of(field, slots),
            msg: m,
        })
        .collect()
}

/// Lays the line's interfaces over the asset's: one whose MAC address (else IP address) an
/// interface of the asset has changes that interface where its cells are filled; another is
/// added. Returns, for each resulting interface, the line's interface it came from.
fn merge_ifaces(current: &mut Vec<TypedIface>, line: Vec<TypedIface>) -> Vec<Option<usize>> {
    let mut slots: Vec<Option<usize>> = vec![None; current.len()];
    let same = |typed: &str, stored: &str, read: fn(&str) -> Option<String>| {
        !typed.trim().is_empty() && read(typed).is_some_and(|v| v == stored)
    };
    for (i, new) in line.into_iter().enumerate() {
        if new == TypedIface::default() {
            continue;
        }
        let found = current
            .iter()
            .position(|c| same(&new.mac, &c.mac, super::address::mac))
            .or_else(|| {
                current
                    .iter()
                    .position(|c| same(&new.ip, &c.ip, super::address::ip))
            });
        match found {
            Some(k) => {
                let c = &mut current[k];
                for (field, value) in [
                    (&mut c.role, new.role),
                    (&mut c.netbios, new.netbios),
                    (&mut c.ip, new.ip),
                    (&mut c.mac, new.mac),
                ] {
                    if !value.trim().is_empty() {
                        *field = value;
                    }
                }
                slots[k] = Some(i);
            }
            None => {
                current.push(new);
                slots.push(Some(i));
            }
        }
    }
    slots
}

fn refused(m: Msg) -> Outcome {
    Outcome::Refused(vec![Reason {
        column: None,
        msg: m,
    }])
}

/// A cell read as yes or no in any of the four languages; `Err` when it is neither.
fn flag(cell: &str) -> Result<bool, ()> {
    match folded(cell).as_str() {
        "1" | "x" | "yes" | "y" | "true" | "oui" | "o" | "vrai" | "si" | "s" | "ja" | "j" => {
            Ok(true)
        }
        "0" | "" | "no" | "n" | "false" | "non" | "faux" | "nein" => Ok(false),
        _ => Err(()),
    }
}

/// A date cell as the asset form takes it: `YYYY-MM-DD` as it is, `DD/MM/YYYY` (or with
/// `.` or `-`) turned around; anything else is left for the checks to refuse.
fn date(cell: &str) -> String {
    let parts: Vec<&str> = cell.trim().split(['/', '.', '-']).collect();
    match parts.as_slice() {
        [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
            format!("{y}-{m:0>2}-{d:0>2}")
        }
        _ => cell.trim().to_owned(),
    }
}

/// A line's cells by column.
struct Cells<'a> {
    by_column: HashMap<Column, &'a str>,
}

impl<'a> Cells<'a> {
    fn get(&self, c: Column) -> &'a str {
        self.by_column.get(&c).copied().unwrap_or("")
    }

    fn has(&self, c: Column) -> bool {
        !self.get(c).is_empty()
    }
}

/// How a line was matched to an asset, which the same file may not repeat.
fn keys(cells: &Cells<'_>) -> Vec<String> {
    let macs: Vec<String> = (0..IFACES)
        .filter_map(|i| super::address::mac(cells.get(Column::Mac(i))))
        .map(|m| format!("mac:{m}"))
        .collect();
    if !macs.is_empty() {
        return macs;
    }
    let serial = cells.get(Column::SnManufacturer);
    if !serial.is_empty() {
        return vec![format!("sn:{}", folded(serial))];
    }
    vec![format!("name:{}", folded(cells.get(Column::Name)))]
}

/// The asset a line matches; `Err` with why when it matches several. (Each query repeats
/// its index's condition — an address or serial is not empty — for the index to be usable
/// with a bound value.)
fn matching(
    tx: &Transaction<'_>,
    cells: &Cells<'_>,
) -> rusqlite::Result<Result<Option<AssetId>, Msg>> {
    let several = |ids: Vec<i64>| match ids.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(AssetId(*one))),
        _ => Err(msg("asset-import-several")),
    };
    let mut seen: Vec<i64> = Vec::new();
    for i in 0..IFACES {
        if let Some(mac) = super::address::mac(cells.get(Column::Mac(i))) {
            let mut stmt = tx.prepare_cached(
                "SELECT DISTINCT a.id FROM asset_ifaces f JOIN assets a ON a.id = f.asset_id
                 WHERE f.mac = ?1 AND f.mac <> '' AND a.deleted = 0 LIMIT 2",
            )?;
            for id in stmt.query_map([&mac], |r| r.get::<_, i64>(0))? {
                let id = id?;
                if !seen.contains(&id) {
                    seen.push(id);
                }
            }
        }
    }
    if !seen.is_empty() {
        return Ok(several(seen));
    }
    let serial = cells.get(Column::SnManufacturer);
    if !serial.is_empty() {
        let mut stmt = tx.prepare_cached(
            "SELECT id FROM assets
             WHERE sn_manufacturer = ?1 AND sn_manufacturer <> '' AND deleted = 0 LIMIT 2",
        )?;
        let ids = stmt
            .query_map([serial], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        if !ids.is_empty() {
            return Ok(several(ids));
        }
    }
    let mut stmt = tx.prepare_cached(
        "SELECT id FROM assets WHERE name = ?1 COLLATE NOCASE AND deleted = 0 LIMIT 2",
    )?;
    let ids = stmt
        .query_map([cells.get(Column::Name)], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(several(ids))
}

/// Who imports, as the import sees them.
#[derive(Debug, Clone)]
pub struct Importer {
    /// Whose assets lines may update.
    pub reader: Reader,
    /// Recorded in the assets' history; none for the server itself.
    pub author: Option<i64>,
}

/// Imports `bytes` in `tx` as `who`: every line checked and, when accepted, written. Refused
/// as a whole (before any line) when the file cannot be read or its header names a column
/// this import does not know. The caller commits or rolls back.
pub fn run(
    tx: &Transaction<'_>,
    who: &Importer,
    bytes: &[u8],
) -> rusqlite::Result<Result<Report, Msg>> {
    let sheet = match sheet::read(bytes) {
        Ok(s) => s,
        Err(m) => return Ok(Err(m)),
    };
    let columns = match columns::read_header(&sheet.header) {
        Ok(c) => c,
        Err(m) => return Ok(Err(m)),
    };
    let mut known = Known::load(tx)?;
    let now = clock::now();
    let today = clock::date_text(now);
    let default_state: Option<i64> = tx
        .query_row(
            "SELECT id FROM asset_states WHERE disabled = 0 ORDER BY position, id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut report = Report {
        separator: char::from(sheet.separator),
        windows_1252: sheet.windows_1252,
        ..Report::default()
    };
    for (number, cells) in &sheet.lines {
        let number = *number;
        if cells.len() > columns.len() && cells[columns.len()..].iter().any(|c| !c.is_empty()) {
            report.lines.push(Line {
                number,
                name: cells.first().cloned().unwrap_or_default(),
                outcome: refused(msg("asset-import-extra-cell").arg("column", columns.len() + 1)),
            });
            continue;
        }
        let by_column = Cells {
            by_column: columns
                .iter()
                .zip(cells.iter())
                .map(|(c, v)| (*c, v.as_str()))
                .collect(),
        };
        let name = by_column.get(Column::Name).to_owned();
        let keys = keys(&by_column);
        if let Some(first) = keys.iter().find_map(|k| seen.get(k)) {
            report.lines.push(Line {
                number,
                name,
                outcome: refused(msg("asset-import-duplicate").arg("line", *first)),
            });
            continue;
        }
        let outcome = line(tx, who, &mut known, &by_column, default_state, now, &today)?;
        if matches!(outcome, Outcome::Refused(_)) {
            known.forget_line(tx)?;
        } else {
            known.keep_line(tx)?;
            for k in keys {
                seen.insert(k, number);
            }
        }
        report.lines.push(Line {
            number,
            name,
            outcome,
        });
    }
    report.added = std::mem::take(&mut known.added);
    Ok(Ok(report))
}

/// One line, checked and written.
fn line(
    tx: &Transaction<'_>,
    who: &Importer,
    known: &mut Known,
    cells: &Cells<'_>,
    default_state: Option<i64>,
    now: i64,
    today: &str,
) -> rusqlite::Result<Outcome> {
    let mut problems: Vec<Reason> = Vec::new();
    let existing = match matching(tx, cells)? {
        Err(m) => return Ok(refused(m)),
        Ok(Some(id)) => match repo::get_visible(tx, &who.reader, id)? {
            Some(asset) => Some(asset),
            None => return Ok(refused(msg("asset-import-hidden"))),
        },
        Ok(None) => None,
    };
    let mut typed = existing.as_ref().map(Typed::from_asset).unwrap_or_default();
    let id_text = |id: Option<i64>| id.map(|n| n.to_string()).unwrap_or_default();
    let has_iface = (0..IFACES).any(|i| {
        [
            Column::Ip(i),
            Column::Mac(i),
            Column::Netbios(i),
            Column::Role(i),
        ]
        .iter()
        .any(|c| cells.has(*c))
    });
    // List values by name; a new model takes the asset's type and manufacturer.
    for (kind, column, field) in [
        (Kind::Type, Column::Type, &mut typed.type_id),
        (
            Kind::Manufacturer,
            Column::Manufacturer,
            &mut typed.manufacturer,
        ),
        (Kind::State, Column::State, &mut typed.state),
        (Kind::Location, Column::Location, &mut typed.location),
        (Kind::Service, Column::Service, &mut typed.service),
    ] {
        if let Some(id) = known.id(tx, kind, cells.get(column))? {
            *field = id.to_string();
        }
    }
    let facts = ModelFacts {
        type_id: typed.type_id.parse().ok(),
        manufacturer_id: typed.manufacturer.parse().ok(),
        has_ip: has_iface,
    };
    if let Some(id) = known.model(tx, cells.get(Column::Model), facts)? {
        typed.model = id.to_string();
    }
    if typed.state.is_empty() {
        typed.state = id_text(default_state);
    }
    for (column, field) in [
        (Column::User, &mut typed.user),
        (Column::Technician, &mut typed.technician),
    ] {
        let cell = cells.get(column);
        if cell.is_empty() {
            continue;
        }
        match known.person(tx, cell)? {
            Some(id) => *field = format!("u{id}"),
            None => problems.push(Reason {
                column: Some(column.code()),
                msg: msg("asset-import-unknown-person").arg("who", cell),
            }),
        }
    }
    for (column, field) in [
        (Column::Name, &mut typed.name),
        (Column::SnManufacturer, &mut typed.sn_manufacturer),
        (Column::SnInternal, &mut typed.sn_internal),
        (Column::Socket, &mut typed.socket),
        (Column::Description, &mut typed.description),
    ] {
        if cells.has(column) {
            cells.get(column).clone_into(field);
        }
    }
    for (column, field) in [
        (Column::PurchasedOn, &mut typed.purchased_on),
        (Column::InstalledOn, &mut typed.installed_on),
        (Column::EndOfLifeOn, &mut typed.end_of_life_on),
        (Column::WarrantyEnd, &mut typed.warranty_end),
    ] {
        if cells.has(column) {
            *field = date(cells.get(column));
        }
    }
    if cells.has(Column::Virtual) {
        match flag(cells.get(Column::Virtual)) {
            Ok(v) => typed.is_virtual = v,
            Err(()) => problems.push(Reason {
                column: Some(Column::Virtual.code()),
                msg: msg("asset-import-not-a-flag"),
            }),
        }
    }
    let mut slots: Vec<Option<usize>> = vec![None; typed.ifaces.len()];
    if has_iface {
        let mut line_ifaces = Vec::with_capacity(IFACES);
        for i in 0..IFACES {
            let role = known.id(tx, Kind::Role, cells.get(Column::Role(i)))?;
            line_ifaces.push(TypedIface {
                role: id_text(role),
                netbios: cells.get(Column::Netbios(i)).to_owned(),
                ip: cells.get(Column::Ip(i)).to_owned(),
                mac: cells.get(Column::Mac(i)).to_owned(),
            });
        }
        slots = merge_ifaces(&mut typed.ifaces, line_ifaces);
    }
    let me = existing.as_ref().map(|a| a.id);
    let checked = rules::check(tx, &typed, me, today)?;
    let checked = match checked {
        Ok(c) if problems.is_empty() => c,
        Ok(_) => return Ok(Outcome::Refused(problems)),
        Err(errors) => {
            problems.extend(reasons(errors, &slots));
            return Ok(Outcome::Refused(problems));
        }
    };
    match existing {
        None => {
            let id = repo::insert(tx, &checked, now)?;
            history::record(tx, id, who.author, now, &What::Created)?;
            Ok(Outcome::Created(id))
        }
        Some(asset) => {
            let changes = history::changes(&asset, &checked);
            if changes.is_empty() {
                return Ok(Outcome::Unchanged(asset.id));
            }
            if !repo::update(tx, asset.id, asset.version, &checked, now)? {
                return Ok(refused(msg("asset-conflict")));
            }
            history::record_changes(tx, asset.id, who.author, now, changes)?;
            Ok(Outcome::Updated(asset.id))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_flags_and_dates_in_the_four_languages() {
        for yes in ["yes", "Oui", "sí", "JA", "1", "x"] {
            assert_eq!(flag(yes), Ok(true), "{yes}");
        }
        for no in ["no", "Non", "nein", "0", ""] {
            assert_eq!(flag(no), Ok(false), "{no}");
        }
        assert!(flag("maybe").is_err());
        assert_eq!(date("14/03/2025"), "2025-03-14");
        assert_eq!(date("1.2.2024"), "2024-02-01");
        assert_eq!(date("2025-03-14"), "2025-03-14");
        assert_eq!(date("soon"), "soon");
    }

    #[test]
    fn field_errors_name_the_file_s_columns() {
        let slots = [None, Some(1), Some(0)];
        assert_eq!(column_of("iface-1-mac", &slots).as_deref(), Some("mac2"));
        assert_eq!(column_of("iface-2-ip", &slots).as_deref(), Some("ip"));
        assert_eq!(
            column_of("sn_manufacturer", &slots).as_deref(),
            Some("sn_manufacturer")
        );
        assert_eq!(column_of("type", &slots).as_deref(), Some("type"));
    }

    #[test]
    fn a_line_s_interfaces_change_the_asset_s_by_mac_else_by_ip_and_add_the_others() {
        let iface = |ip: &str, mac: &str, netbios: &str| TypedIface {
            role: String::new(),
            netbios: netbios.to_owned(),
            ip: ip.to_owned(),
            mac: mac.to_owned(),
        };
        let mut current = vec![
            iface("10.0.0.5", "AA:BB:CC:DD:EE:01", "PC1"),
            iface("10.0.1.5", "", ""),
        ];
        let slots = merge_ifaces(
            &mut current,
            vec![
                iface("", "aa-bb-cc-dd-ee-01", "PC1-NEW"),
                TypedIface::default(),
                iface("10.0.1.5", "00:11:22:33:44:55", ""),
                iface("10.0.2.5", "", ""),
            ],
        );
        assert_eq!(
            current,
            [
                iface("10.0.0.5", "aa-bb-cc-dd-ee-01", "PC1-NEW"),
                iface("10.0.1.5", "00:11:22:33:44:55", ""),
                iface("10.0.2.5", "", ""),
            ]
        );
        assert_eq!(slots, [Some(0), Some(2), Some(3)]);
    }
}
