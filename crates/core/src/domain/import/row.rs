//! A row read from GestSup (a backup file or its database), by column name, so that GestSup
//! 3.1 and 3.2 read alike: a column a version lacks reads as NULL and takes its default.

use std::collections::HashMap;
use std::sync::Arc;

/// A value of a column.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Bytes(Vec<u8>),
}

impl Value {
    /// The value as an integer (a number written as text too); 0 for anything else, as
    /// GestSup's "none".
    pub fn int(&self) -> i64 {
        match self {
            Value::Int(i) => *i,
            // Truncation is what MySQL does reading a decimal into an integer column.
            #[allow(clippy::cast_possible_truncation)]
            Value::Float(f) => *f as i64,
            Value::Text(t) => t.trim().parse().unwrap_or(0),
            Value::Null | Value::Bytes(_) => 0,
        }
    }

    /// The value as text; "" for NULL.
    pub fn text(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => f.to_string(),
            Value::Text(t) => repaired(t),
            Value::Bytes(b) => repaired(&text_of(b.clone())),
        }
    }
}

/// `text` repaired when it is UTF-8 read once too often: older GestSup sites keep UTF-8 bytes
/// in Latin-1 columns, which a UTF-8 dump writes as "CafÃ©". Such text has only characters of
/// Latin-1 whose bytes make valid UTF-8 with accents; anything else is left as it is.
fn repaired(text: &str) -> String {
    let suspicious = text.chars().any(|c| matches!(c, '\u{c2}'..='\u{f4}'))
        && text.chars().all(|c| (c as u32) <= 0xff);
    if !suspicious {
        return text.to_owned();
    }
    // Every character is at most U+00FF: one byte each.
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) if !fixed.is_ascii() => fixed,
        _ => text.to_owned(),
    }
}

/// A row: its table's column names and its values, read by column name.
#[derive(Debug, Clone)]
pub struct Row {
    pub table: Arc<str>,
    columns: Arc<Columns>,
    values: Vec<Value>,
}

/// Column names in order, with their positions by lower-case name.
#[derive(Debug)]
pub struct Columns {
    names: Vec<String>,
    by_name: HashMap<String, usize>,
}

impl Columns {
    pub fn new(names: Vec<String>) -> Columns {
        let by_name = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_lowercase(), i))
            .collect();
        Columns { names, by_name }
    }

    /// The names, in order.
    pub fn names(&self) -> &[String] {
        &self.names
    }
}

const NULL: Value = Value::Null;

impl Row {
    /// The value of column `name` (any case); NULL when the table has no such column (an older
    /// GestSup), so that the caller's default applies.
    pub fn get(&self, name: &str) -> &Value {
        self.columns
            .by_name
            .get(&name.to_lowercase())
            .and_then(|&i| self.values.get(i))
            .unwrap_or(&NULL)
    }

    /// The table's column names, in order.
    pub fn column_names(&self) -> &[String] {
        self.columns.names()
    }

    /// Whether the table has column `name`.
    pub fn has(&self, name: &str) -> bool {
        self.columns.by_name.contains_key(&name.to_lowercase())
    }
}

impl Row {
    /// A row of `table` with `values` for `columns`, in order.
    pub fn new(table: Arc<str>, columns: Arc<Columns>, values: Vec<Value>) -> Row {
        Row {
            table,
            columns,
            values,
        }
    }
}

/// Bytes as text: UTF-8, else Latin-1 (each byte its own character).
pub fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|e| e.into_bytes().into_iter().map(char::from).collect())
}

#[cfg(test)]
mod tests {
    use super::Value;

    #[test]
    fn utf8_read_twice_is_repaired_and_nothing_else_changes() {
        let t = |s: &str| Value::Text(s.to_owned()).text();
        assert_eq!(t("CafÃ©"), "Café");
        assert_eq!(t("Ã©tÃ© Ã  Noël"), "Ã©tÃ© Ã  Noël", "mixed: left as it is");
        assert_eq!(t("Ã©tÃ© Ã\u{a0}NoÃ«l"), "été àNoël");
        assert_eq!(t("Café"), "Café");
        assert_eq!(t("Zoé 🎉 Ã©"), "Zoé 🎉 Ã©");
        assert_eq!(t("plain"), "plain");
        assert_eq!(Value::Bytes(vec![b'C', 0xe9]).text(), "Cé");
    }
}
