//! A GestSup backup file (the mysqldump-style `.sql` its backup page writes, or `mysqldump`'s
//! own) read as a stream, without a MySQL server: the columns of each `CREATE TABLE`, then
//! every row of every `INSERT` (one row per statement or many, with or without a column list),
//! one at a time, so that a dump of any size is read in little memory. Comments, `/*! ... */`
//! directives and every other statement are skipped. Strings follow MySQL's escapes; text that
//! is not UTF-8 is read as Latin-1, as MySQL would have stored it.

use std::collections::HashMap;
use std::io::{BufRead, ErrorKind};
use std::sync::Arc;

pub use crate::domain::import::row::{Columns, Row, Value, text_of};

/// What the dump could not read, and where.
#[derive(Debug, thiserror::Error)]
pub enum DumpError {
    #[error("reading the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("line {line}: {what}")]
    Syntax { line: u64, what: String },
}

/// Bytes read from a buffered source, one at a time, with the line number.
struct Bytes<R> {
    inner: R,
    line: u64,
}

impl<R: BufRead> Bytes<R> {
    fn peek(&mut self) -> Result<Option<u8>, DumpError> {
        loop {
            match self.inner.fill_buf() {
                Ok(buf) => return Ok(buf.first().copied()),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(e.into()),
            }
        }
    }

    fn next(&mut self) -> Result<Option<u8>, DumpError> {
        let b = self.peek()?;
        if let Some(b) = b {
            self.inner.consume(1);
            if b == b'\n' {
                self.line += 1;
            }
        }
        Ok(b)
    }

    fn skip_space(&mut self) -> Result<(), DumpError> {
        while let Some(b) = self.peek()? {
            if b.is_ascii_whitespace() {
                self.next()?;
            } else {
                break;
            }
        }
        Ok(())
    }

    fn fail<T>(&self, what: impl Into<String>) -> Result<T, DumpError> {
        Err(DumpError::Syntax {
            line: self.line + 1,
            what: what.into(),
        })
    }

    fn expect(&mut self, want: u8) -> Result<(), DumpError> {
        self.skip_space()?;
        match self.next()? {
            Some(b) if b == want => Ok(()),
            Some(b) => self.fail(format!(
                "expected '{}', found '{}'",
                want as char, b as char
            )),
            None => self.fail(format!("expected '{}', found the end", want as char)),
        }
    }

    /// A word of letters, digits and `_` (upper-cased).
    fn word(&mut self) -> Result<String, DumpError> {
        self.skip_space()?;
        let mut w = Vec::new();
        while let Some(b) = self.peek()? {
            if b.is_ascii_alphanumeric() || b == b'_' {
                w.push(b.to_ascii_uppercase());
                self.next()?;
            } else {
                break;
            }
        }
        Ok(String::from_utf8_lossy(&w).into_owned())
    }

    /// A name, in backquotes or bare.
    fn name(&mut self) -> Result<String, DumpError> {
        self.skip_space()?;
        if self.peek()? == Some(b'`') {
            self.next()?;
            let mut n = Vec::new();
            loop {
                match self.next()? {
                    Some(b'`') if self.peek()? == Some(b'`') => {
                        self.next()?;
                        n.push(b'`');
                    }
                    Some(b'`') => break,
                    Some(b) => n.push(b),
                    None => return self.fail("unterminated name"),
                }
            }
            Ok(text_of(n))
        } else {
            let mut n = Vec::new();
            while let Some(b) = self.peek()? {
                if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' {
                    n.push(b);
                    self.next()?;
                } else {
                    break;
                }
            }
            if n.is_empty() {
                return self.fail("expected a name");
            }
            Ok(text_of(n))
        }
    }

    /// The body of a quoted string whose opening `quote` was read, with MySQL's escapes.
    fn quoted(&mut self, quote: u8) -> Result<Vec<u8>, DumpError> {
        let mut s = Vec::new();
        loop {
            match self.next()? {
                None => return self.fail("unterminated string"),
                Some(b'\\') => match self.next()? {
                    Some(b'0') => s.push(0),
                    Some(b'b') => s.push(8),
                    Some(b'n') => s.push(b'\n'),
                    Some(b'r') => s.push(b'\r'),
                    Some(b't') => s.push(b'\t'),
                    Some(b'Z') => s.push(26),
                    // `\%` and `\_` keep their backslash, as MySQL reads them outside LIKE.
                    Some(b @ (b'%' | b'_')) => s.extend_from_slice(&[b'\\', b]),
                    Some(b) => s.push(b),
                    None => return self.fail("unterminated string"),
                },
                Some(b) if b == quote => {
                    if self.peek()? == Some(quote) {
                        self.next()?;
                        s.push(quote);
                    } else {
                        return Ok(s);
                    }
                }
                Some(b) => s.push(b),
            }
        }
    }

    /// Skips to the end of the statement (its `;` outside quotes), keeping what it read when
    /// `keep`.
    fn rest_of_statement(&mut self, keep: bool) -> Result<Vec<u8>, DumpError> {
        let mut kept = Vec::new();
        while let Some(b) = self.next()? {
            match b {
                b';' => break,
                b'\'' | b'"' | b'`' => {
                    let body = self.quoted_raw(b)?;
                    if keep {
                        kept.push(b);
                        kept.extend_from_slice(&body);
                        kept.push(b);
                    }
                }
                _ => {
                    if keep {
                        kept.push(b);
                    }
                }
            }
        }
        Ok(kept)
    }

    /// The body of a quoted part as written (escapes left in), to skip or keep it whole.
    fn quoted_raw(&mut self, quote: u8) -> Result<Vec<u8>, DumpError> {
        let mut s = Vec::new();
        loop {
            match self.next()? {
                None => return self.fail("unterminated quote"),
                Some(b'\\') if quote != b'`' => {
                    s.push(b'\\');
                    match self.next()? {
                        Some(b) => s.push(b),
                        None => return self.fail("unterminated quote"),
                    }
                }
                Some(b) if b == quote => {
                    if self.peek()? == Some(quote) {
                        self.next()?;
                        s.extend_from_slice(&[quote, quote]);
                    } else {
                        return Ok(s);
                    }
                }
                Some(b) => s.push(b),
            }
        }
    }

    /// One value of a row.
    fn value(&mut self) -> Result<Value, DumpError> {
        self.skip_space()?;
        match self.peek()? {
            Some(q @ (b'\'' | b'"')) => {
                self.next()?;
                Ok(Value::Text(text_of(self.quoted(q)?)))
            }
            Some(b'-' | b'+' | b'.' | b'0'..=b'9') => self.number(),
            Some(b'_') => {
                // A character set introducer: `_binary 'x'`, `_utf8mb4'x'`.
                let set = self.word()?;
                self.skip_space()?;
                match self.next()? {
                    Some(q @ (b'\'' | b'"')) => {
                        let body = self.quoted(q)?;
                        Ok(if set == "_BINARY" {
                            Value::Bytes(body)
                        } else {
                            Value::Text(text_of(body))
                        })
                    }
                    _ => self.fail(format!("a string after {set}")),
                }
            }
            Some(b'x' | b'X') => {
                self.next()?;
                match self.next()? {
                    Some(b'\'') => {
                        let hex = self.quoted(b'\'')?;
                        Ok(Value::Bytes(
                            from_hex(&hex).map_or_else(|| self.fail("bad hexadecimal"), Ok)?,
                        ))
                    }
                    _ => self.fail("a hexadecimal string"),
                }
            }
            Some(b'N' | b'n') => {
                let w = self.word()?;
                if w == "NULL" {
                    Ok(Value::Null)
                } else {
                    self.fail(format!("unexpected {w}"))
                }
            }
            Some(b) => self.fail(format!("unexpected '{}' in a row", b as char)),
            None => self.fail("the end inside a row"),
        }
    }

    fn number(&mut self) -> Result<Value, DumpError> {
        let mut n = Vec::new();
        while let Some(b) = self.peek()? {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.') {
                n.push(b);
                self.next()?;
            } else {
                break;
            }
        }
        let text = String::from_utf8_lossy(&n).into_owned();
        if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            return from_hex(hex.as_bytes())
                .map(Value::Bytes)
                .map_or_else(|| self.fail("bad hexadecimal"), Ok);
        }
        if let Ok(i) = text.parse::<i64>() {
            return Ok(Value::Int(i));
        }
        match text.parse::<f64>() {
            Ok(f) => Ok(Value::Float(f)),
            Err(_) => self.fail(format!("bad number {text}")),
        }
    }
}

fn from_hex(hex: &[u8]) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    hex.chunks(2)
        .map(|p| {
            let d = |c: u8| (c as char).to_digit(16);
            Some(u8::try_from(d(p[0])? * 16 + d(p[1])?).unwrap_or(0))
        })
        .collect()
}

/// The names of the columns of a `CREATE TABLE`'s body (what is between its parentheses).
fn create_columns(body: &str) -> Vec<String> {
    let Some(open) = body.find('(') else {
        return Vec::new();
    };
    let inner = &body[open + 1..];
    let mut parts = Vec::new();
    let (mut depth, mut start, mut quote) = (0i32, 0usize, None::<char>);
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), '\\') => {
                chars.next();
            }
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') if depth == 0 => {
                parts.push(&inner[start..i]);
                break;
            }
            (None, ')') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts
        .iter()
        .filter_map(|p| {
            let p = p.trim();
            let rest = p.strip_prefix('`')?;
            let end = rest.find('`')?;
            Some(rest[..end].to_owned())
        })
        .collect()
}

/// Where the reader stands.
enum State {
    /// Between statements.
    Statements,
    /// Inside the rows of an `INSERT` into a table, with its columns.
    Rows(Arc<str>, Arc<Columns>),
}

/// A dump being read.
pub struct Dump<R> {
    bytes: Bytes<R>,
    tables: HashMap<String, Arc<Columns>>,
    state: State,
}

impl<R: BufRead> Dump<R> {
    pub fn new(reader: R) -> Dump<R> {
        Dump {
            bytes: Bytes {
                inner: reader,
                line: 0,
            },
            tables: HashMap::new(),
            state: State::Statements,
        }
    }

    /// The columns of `table` as its `CREATE TABLE` declared them, once read.
    pub fn columns(&self, table: &str) -> Option<&Columns> {
        self.tables.get(&table.to_lowercase()).map(AsRef::as_ref)
    }

    /// The next row of the dump, in the order written; None at the end.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<Row>, DumpError> {
        loop {
            if let State::Rows(table, columns) = &self.state {
                let (table, columns) = (table.clone(), columns.clone());
                let b = &mut self.bytes;
                b.expect(b'(')?;
                let mut values = Vec::with_capacity(columns.names().len());
                loop {
                    values.push(b.value()?);
                    b.skip_space()?;
                    match b.next()? {
                        Some(b',') => {}
                        Some(b')') => break,
                        _ => return b.fail("expected ',' or ')' in a row"),
                    }
                }
                b.skip_space()?;
                match b.next()? {
                    Some(b',') => {}
                    Some(b';') | None => self.state = State::Statements,
                    Some(c) => return b.fail(format!("unexpected '{}' after a row", c as char)),
                }
                if values.len() != columns.names().len() {
                    return b.fail(format!(
                        "a row of {table} has {} values for {} columns",
                        values.len(),
                        columns.names().len()
                    ));
                }
                return Ok(Some(Row::new(table, columns, values)));
            }
            if !self.statement()? {
                return Ok(None);
            }
        }
    }

    /// Reads up to the next `INSERT`'s rows, or the end (false).
    fn statement(&mut self) -> Result<bool, DumpError> {
        let b = &mut self.bytes;
        loop {
            b.skip_space()?;
            match b.peek()? {
                None => return Ok(false),
                Some(b'-' | b'#') => {
                    // A comment to the end of the line (`-- ` or `#`).
                    while let Some(c) = b.next()? {
                        if c == b'\n' {
                            break;
                        }
                    }
                    continue;
                }
                Some(b'/') => {
                    b.next()?;
                    if b.next()? != Some(b'*') {
                        return b.fail("unexpected '/'");
                    }
                    let mut star = false;
                    while let Some(c) = b.next()? {
                        if star && c == b'/' {
                            break;
                        }
                        star = c == b'*';
                    }
                    b.skip_space()?;
                    if b.peek()? == Some(b';') {
                        b.next()?;
                    }
                    continue;
                }
                Some(b';') => {
                    b.next()?;
                    continue;
                }
                _ => {}
            }
            let word = b.word()?;
            match word.as_str() {
                "CREATE" => {
                    let what = b.word()?;
                    let rest = b.rest_of_statement(what == "TABLE")?;
                    if what == "TABLE" {
                        let text = text_of(rest);
                        let mut t = text.trim_start();
                        if let Some(after) = t.strip_prefix("IF NOT EXISTS") {
                            t = after.trim_start();
                        }
                        let name = t
                            .strip_prefix('`')
                            .and_then(|r| r.split('`').next())
                            .unwrap_or_else(|| t.split_whitespace().next().unwrap_or(""))
                            .to_lowercase();
                        let columns = create_columns(t);
                        self.tables.insert(name, Arc::new(Columns::new(columns)));
                    }
                }
                "INSERT" | "REPLACE" => {
                    let mut next = b.word()?;
                    while matches!(
                        next.as_str(),
                        "IGNORE" | "LOW_PRIORITY" | "DELAYED" | "HIGH_PRIORITY"
                    ) {
                        next = b.word()?;
                    }
                    if next != "INTO" {
                        return b.fail(format!("INSERT {next}"));
                    }
                    let table = b.name()?;
                    b.skip_space()?;
                    let columns = if b.peek()? == Some(b'(') {
                        b.next()?;
                        let mut names = Vec::new();
                        loop {
                            names.push(b.name()?);
                            b.skip_space()?;
                            match b.next()? {
                                Some(b',') => {}
                                Some(b')') => break,
                                _ => return b.fail("expected ',' or ')' in a column list"),
                            }
                        }
                        Arc::new(Columns::new(names))
                    } else {
                        match self.tables.get(&table.to_lowercase()) {
                            Some(c) => c.clone(),
                            None => {
                                return b.fail(format!(
                                    "rows of {table} before its CREATE TABLE, without column names"
                                ));
                            }
                        }
                    };
                    let values = b.word()?;
                    if values != "VALUES" && values != "VALUE" {
                        return b.fail(format!("INSERT INTO {table} {values}"));
                    }
                    self.state = State::Rows(Arc::from(table.to_lowercase()), columns);
                    return Ok(true);
                }
                _ => {
                    b.rest_of_statement(false)?;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(sql: &str) -> Vec<Row> {
        let mut d = Dump::new(sql.as_bytes());
        let mut out = Vec::new();
        while let Some(r) = d.next().expect("row") {
            out.push(r);
        }
        out
    }

    const DUMP: &str = "-- MySQL dump 10.19\n\
        /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n\
        DROP TABLE IF EXISTS `tusers`;\n\
        CREATE TABLE `tusers` (\n  `id` int(10) NOT NULL AUTO_INCREMENT,\n  `login` varchar(255) NOT NULL DEFAULT '',\n  \
        `firstname` varchar(40) DEFAULT 'a, b (c)',\n  `last_login` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',\n  \
        PRIMARY KEY (`id`),\n  KEY `login` (`login`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3;\n\
        LOCK TABLES `tusers` WRITE;\n\
        INSERT INTO `tusers` VALUES (1,'admin','Zoé 🎉','2024-01-02 03:04:05'),(2,'it''s','a\\\\b\\n\\'c\\';d',NULL);\n\
        UNLOCK TABLES;\n\
        INSERT INTO tusers (`login`, `id`) VALUES ('late', 3);\n\
        # a comment\n\
        CREATE TABLE `tother` (`id` int, `data` blob);\n\
        INSERT IGNORE INTO `tother` VALUES (1, _binary 'x\\0y'), (2, 0x414243), (-3, X'00ff');\n";

    #[test]
    fn rows_are_read_by_column_name_with_mysql_escapes() {
        let r = rows(DUMP);
        assert_eq!(r.len(), 6);
        assert_eq!(&*r[0].table, "tusers");
        assert_eq!(r[0].get("ID"), &Value::Int(1));
        assert_eq!(r[0].get("firstname").text(), "Zoé 🎉");
        assert_eq!(r[1].get("login").text(), "it's");
        assert_eq!(r[1].get("firstname").text(), "a\\b\n'c';d");
        assert_eq!(r[1].get("last_login"), &Value::Null);
        // A column the table lacks reads as NULL.
        assert_eq!(r[1].get("language"), &Value::Null);
        assert!(!r[1].has("language"));
        assert_eq!(r[2].get("id").int(), 3);
        assert_eq!(r[2].get("login").text(), "late");
        assert_eq!(r[3].get("data"), &Value::Bytes(b"x\0y".to_vec()));
        assert_eq!(r[4].get("data"), &Value::Bytes(b"ABC".to_vec()));
        assert_eq!(r[5].get("id"), &Value::Int(-3));
        assert_eq!(r[5].get("data"), &Value::Bytes(vec![0, 255]));
    }

    #[test]
    fn a_declared_column_list_ignores_keys_and_defaults_with_commas() {
        let mut d = Dump::new(DUMP.as_bytes());
        d.next().expect("first row");
        assert_eq!(
            d.columns("TUSERS").expect("tusers").names(),
            ["id", "login", "firstname", "last_login"]
        );
    }

    #[test]
    fn latin1_text_and_broken_dumps_are_told_apart() {
        let mut bytes = b"CREATE TABLE `t` (`a` text);\nINSERT INTO `t` VALUES ('caf".to_vec();
        bytes.extend_from_slice(&[0xe9, b'\'', b')', b';']);
        let mut d = Dump::new(&bytes[..]);
        assert_eq!(d.next().expect("row").expect("one").get("a").text(), "café");
        for broken in [
            "INSERT INTO `nowhere` VALUES (1);",
            "CREATE TABLE `t` (`a` int);\nINSERT INTO `t` VALUES (1, 2);",
            "CREATE TABLE `t` (`a` text);\nINSERT INTO `t` VALUES ('open",
            "CREATE TABLE `t` (`a` int);\nINSERT INTO `t` VALUES (1)(2);",
        ] {
            let mut d = Dump::new(broken.as_bytes());
            assert!(d.next().is_err(), "{broken}");
        }
    }

    #[test]
    fn a_large_dump_is_read_row_by_row() {
        let mut sql = String::from("CREATE TABLE `t` (`id` int, `text` longtext);\n");
        for chunk in 0..100 {
            sql.push_str("INSERT INTO `t` VALUES ");
            for i in 0..100 {
                if i > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("({},'row; {} (x)')", chunk * 100 + i, i));
            }
            sql.push_str(";\n");
        }
        let r = rows(&sql);
        assert_eq!(r.len(), 10_000);
        assert_eq!(r[9_999].get("id").int(), 9_999);
        assert_eq!(r[5].get("text").text(), "row; 5 (x)");
    }
}
