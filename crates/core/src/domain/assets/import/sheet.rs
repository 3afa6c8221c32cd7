//! Reading an asset CSV file as spreadsheets write it: UTF-8 with or without a byte-order mark,
//! or Windows-1252 when the bytes are not UTF-8; cells separated by `;` or `,` (whichever the
//! header line holds more of outside quotes); quoted cells that may hold separators and line
//! breaks. A file that is too large, binary, has too many lines, too many columns or too long
//! a cell is refused as a whole with the reason, before anything is imported.

use crate::i18n::{Msg, msg};

/// Largest file read, in bytes.
pub const MAX_BYTES: usize = 8 * 1024 * 1024;
/// Most lines under the header.
pub const MAX_LINES: usize = 20_000;
/// Most cells in one line.
pub const MAX_COLUMNS: usize = 64;
/// Longest cell, in characters.
pub const MAX_CELL: usize = 5_000;

/// A file read into cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The separator found.
    pub separator: u8,
    /// Whether the bytes were read as Windows-1252 (they were not UTF-8).
    pub windows_1252: bool,
    /// The header's cells.
    pub header: Vec<String>,
    /// Every line under the header with its line number in the file (1 is the header), blank
    /// lines left out.
    pub lines: Vec<(usize, Vec<String>)>,
}

/// The text of `bytes`: UTF-8 (a byte-order mark dropped) when it is, else Windows-1252;
/// refused when it holds NUL or other control characters no CSV file holds (a binary file).
pub fn decode(bytes: &[u8]) -> Result<(String, bool), Msg> {
    if bytes.len() > MAX_BYTES {
        return Err(msg("asset-import-too-big").arg("max", MAX_BYTES / (1024 * 1024)));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, latin) = match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), false),
        Err(_) => {
            let (t, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (t.into_owned(), true)
        }
    };
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'));
    if binary {
        return Err(msg("asset-import-binary"));
    }
    Ok((text, latin))
}

/// `;` or `,`: the one the first line holds more of outside quotes (`;` when even).
pub fn separator(text: &str) -> u8 {
    let (mut semicolons, mut commas, mut quoted) = (0usize, 0usize, false);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\n' if !quoted => break,
            _ => {}
        }
    }
    if commas > semicolons { b',' } else { b';' }
}

/// Reads `bytes` into a header and lines, within the bounds above.
pub fn read(bytes: &[u8]) -> Result<Sheet, Msg> {
    let (text, windows_1252) = decode(bytes)?;
    let separator = separator(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut lines = Vec::new();
    let mut record = csv::StringRecord::new();
    // Line numbers as a spreadsheet shows them, blank lines counted: the newlines before
    // each record's first byte, counted on from the previous record's.
    let (mut counted_to, mut newlines) = (0usize, 0usize);
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| msg("asset-import-unreadable").arg("line", error_line(&e)))?;
        if !more {
            break;
        }
        let mut start = record
            .position()
            .map_or(counted_to, |p| {
                usize::try_from(p.byte()).unwrap_or(usize::MAX)
            })
            .clamp(counted_to, text.len());
        // The position may be that of blank lines the reader skipped before the record.
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        newlines += bytecount(&text.as_bytes()[counted_to..start]);
        counted_to = start;
        let line = newlines + 1;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() > MAX_COLUMNS {
            return Err(msg("asset-import-too-many-columns")
                .arg("line", line)
                .arg("max", MAX_COLUMNS));
        }
        if record.iter().any(|c| c.chars().count() > MAX_CELL) {
            return Err(msg("asset-import-cell-too-long")
                .arg("line", line)
                .arg("max", MAX_CELL));
        }
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if header.is_none() {
            header = Some(cells);
            continue;
        }
        if lines.len() == MAX_LINES {
            return Err(msg("asset-import-too-many-lines").arg("max", MAX_LINES));
        }
        lines.push((line, cells));
    }
    let header = header.ok_or_else(|| msg("asset-import-empty"))?;
    Ok(Sheet {
        separator,
        windows_1252,
        header,
        lines,
    })
}

fn bytecount(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
}

fn error_line(e: &csv::Error) -> u64 {
    e.position().map_or(0, csv::Position::line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheets_files_are_read_whatever_their_encoding_and_separator() {
        let utf8 = read("\u{feff}name;ip\nPC-1;10.0.0.1\n\n\"PC;2\";\"10.0.0.2\"\n".as_bytes())
            .expect("read");
        assert_eq!(utf8.separator, b';');
        assert!(!utf8.windows_1252);
        assert_eq!(utf8.header, ["name", "ip"]);
        assert_eq!(
            utf8.lines,
            [
                (2, vec!["PC-1".to_owned(), "10.0.0.1".to_owned()]),
                (4, vec!["PC;2".to_owned(), "10.0.0.2".to_owned()])
            ]
        );
        // "Imprimante réseau" in Windows-1252, comma-separated, a quoted cell over two lines.
        let latin =
            read(b"name,description\r\nImprimante r\xE9seau,\"two\r\nlines\"\r\n").expect("read");
        assert_eq!(latin.separator, b',');
        assert!(latin.windows_1252);
        assert_eq!(latin.lines[0].1, ["Imprimante réseau", "two\r\nlines"]);
    }

    #[test]
    fn files_beyond_the_bounds_are_refused_with_the_reason() {
        let key = |r: Result<Sheet, Msg>| r.map(|_| ()).expect_err("refused").key;
        assert_eq!(key(read(b"\x00\x01\x02PK")), "asset-import-binary");
        assert_eq!(key(read(b"")), "asset-import-empty");
        let wide = format!("name\n{}\n", "x;".repeat(10_000));
        assert_eq!(key(read(wide.as_bytes())), "asset-import-too-many-columns");
        let long = format!("name\n{}\n", "x".repeat(1_000_000));
        assert_eq!(key(read(long.as_bytes())), "asset-import-cell-too-long");
        let many = format!("name\n{}", "pc\n".repeat(MAX_LINES + 1));
        assert_eq!(key(read(many.as_bytes())), "asset-import-too-many-lines");
        let huge = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(key(read(&huge)), "asset-import-too-big");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

        /// Whatever the bytes, reading ends with a sheet or a reason, within the bounds.
        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
            if let Ok(sheet) = read(&bytes) {
                proptest::prop_assert!(sheet.lines.len() <= MAX_LINES);
                proptest::prop_assert!(sheet.header.len() <= MAX_COLUMNS);
            }
        }

        /// Cells written as a spreadsheet quotes them come back as they were, with either
        /// separator and either encoding of their text.
        #[test]
        fn written_cells_come_back(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-zA-Z0-9éèà;,\" .:-]{0,12}", 3),
                1..20,
            ),
            comma: bool,
            bom: bool,
        ) {
            let sep = if comma { ',' } else { ';' };
            let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\""));
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            text.push_str(&["a", "b", "c"].map(quote).join(&sep.to_string()));
            text.push_str("\r\n");
            for row in &rows {
                let cells: Vec<String> = row.iter().map(|c| quote(c)).collect();
                text.push_str(&cells.join(&sep.to_string()));
                text.push_str("\r\n");
            }
            let sheet = read(text.as_bytes()).expect("read");
            proptest::prop_assert_eq!(sheet.separator, sep as u8);
            let expected: Vec<Vec<String>> = rows
                .iter()
                .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
                .map(|r| r.iter().map(|c| c.trim().to_owned()).collect())
                .collect();
            let got: Vec<Vec<String>> = sheet.lines.into_iter().map(|(_, c)| c).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
