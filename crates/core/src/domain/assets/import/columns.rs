//! The columns an asset CSV file may hold, named by the codes of the downloadable template
//! (any case; `-` or a space for `_`), and the template itself. Up to [`IFACES`] interfaces per
//! line: `ip`, `mac`, `netbios` and `role` for the first, `ip2`, `mac2` ... for the next.

use crate::i18n::{Msg, msg};

/// Interfaces one line may describe.
pub const IFACES: usize = 4;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    Type,
    Manufacturer,
    Model,
    State,
    User,
    Service,
    Location,
    Socket,
    Technician,
    SnManufacturer,
    SnInternal,
    PurchasedOn,
    InstalledOn,
    EndOfLifeOn,
    WarrantyEnd,
    Description,
    Virtual,
    /// An interface's field, by interface (0 for the first).
    Ip(usize),
    Mac(usize),
    Netbios(usize),
    Role(usize),
}

/// The asset fields in the template's order, with their codes.
const FIELDS: [(&str, Column); 18] = [
    ("name", Column::Name),
    ("type", Column::Type),
    ("manufacturer", Column::Manufacturer),
    ("model", Column::Model),
    ("state", Column::State),
    ("user", Column::User),
    ("service", Column::Service),
    ("location", Column::Location),
    ("socket", Column::Socket),
    ("technician", Column::Technician),
    ("sn_manufacturer", Column::SnManufacturer),
    ("sn_internal", Column::SnInternal),
    ("purchased_on", Column::PurchasedOn),
    ("installed_on", Column::InstalledOn),
    ("end_of_life_on", Column::EndOfLifeOn),
    ("warranty_end", Column::WarrantyEnd),
    ("description", Column::Description),
    ("virtual", Column::Virtual),
];

impl Column {
    /// The column a header cell names.
    pub fn parse(header: &str) -> Option<Column> {
        let code: String = header
            .trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        if let Some((_, c)) = FIELDS.iter().find(|(name, _)| *name == code) {
            return Some(*c);
        }
        let (base, n) = match code.char_indices().find(|(_, c)| c.is_ascii_digit()) {
            Some((at, _)) => (
                code[..at].trim_end_matches('_'),
                code[at..].parse::<usize>().ok()?,
            ),
            None => (code.as_str(), 1),
        };
        if !(1..=IFACES).contains(&n) {
            return None;
        }
        let i = n - 1;
        match base {
            "ip" => Some(Column::Ip(i)),
            "mac" => Some(Column::Mac(i)),
            "netbios" => Some(Column::Netbios(i)),
            "role" => Some(Column::Role(i)),
            _ => None,
        }
    }

    /// The template's code of this column.
    pub fn code(self) -> String {
        let iface = |base: &str, i: usize| {
            if i == 0 {
                base.to_owned()
            } else {
                format!("{base}{}", i + 1)
            }
        };
        match self {
            Column::Ip(i) => iface("ip", i),
            Column::Mac(i) => iface("mac", i),
            Column::Netbios(i) => iface("netbios", i),
            Column::Role(i) => iface("role", i),
            other => FIELDS
                .iter()
                .find(|(_, c)| *c == other)
                .map_or_else(String::new, |(name, _)| (*name).to_owned()),
        }
    }
}

/// The columns of `header`, in order; refused when one is unknown or named twice.
pub fn read_header(header: &[String]) -> Result<Vec<Column>, Msg> {
    let mut out: Vec<Column> = Vec::with_capacity(header.len());
    for cell in header {
        let Some(column) = Column::parse(cell) else {
            return Err(msg("asset-import-unknown-column").arg("column", cell));
        };
        if out.contains(&column) {
            return Err(msg("asset-import-column-twice").arg("column", cell));
        }
        out.push(column);
    }
    if !out.contains(&Column::Name) {
        return Err(msg("asset-import-no-name"));
    }
    Ok(out)
}

/// The downloadable template: every column, and two example lines.
pub fn template() -> String {
    let mut codes: Vec<String> = FIELDS.iter().map(|(name, _)| (*name).to_owned()).collect();
    codes.extend(
        [
            Column::Role(0),
            Column::Netbios(0),
            Column::Ip(0),
            Column::Mac(0),
        ]
        .map(Column::code),
    );
    let examples = [
        [
            "PC-001",
            "PC",
            "Dell",
            "Optiplex 7010",
            "Installed",
            "",
            "",
            "",
            "B12",
            "",
            "SN123456",
            "INV-001",
            "2025-03-14",
            "2025-03-20",
            "",
            "",
            "Reception desk",
            "no",
            "LAN",
            "PC-001",
            "192.168.1.21",
            "00:1A:2B:3C:4D:5E",
        ],
        [
            "SRV-VM-01",
            "PC",
            "",
            "",
            "Stock",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "2028-12-31",
            "",
            "yes",
            "",
            "",
            "",
            "",
        ],
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&codes.join(";"));
    out.push_str("\r\n");
    for line in examples {
        out.push_str(&line.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_by_code_in_any_case() {
        let header: Vec<String> = ["Name", "SN-Manufacturer", "ip", "MAC2", "role 4"]
            .map(str::to_owned)
            .to_vec();
        assert_eq!(
            read_header(&header).expect("header"),
            [
                Column::Name,
                Column::SnManufacturer,
                Column::Ip(0),
                Column::Mac(1),
                Column::Role(3)
            ]
        );
        for bad in [["name", "colour"], ["name", "ip5"], ["name", "NAME"]] {
            assert!(read_header(&bad.map(str::to_owned)).is_err(), "{bad:?}");
        }
        assert!(read_header(&["ip".to_owned()]).is_err());
    }

    #[test]
    fn the_template_names_every_column_it_reads() {
        let sheet = super::super::sheet::read(template().as_bytes()).expect("read");
        let columns = read_header(&sheet.header).expect("header");
        assert_eq!(columns.len(), 22);
        assert!(
            sheet
                .lines
                .iter()
                .all(|(_, cells)| cells.len() == columns.len())
        );
        for c in columns {
            assert_eq!(Column::parse(&c.code()), Some(c));
        }
    }
}
