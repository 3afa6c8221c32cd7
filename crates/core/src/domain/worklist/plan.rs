//! Letting SQLite plan the list queries with their values. Statements are planned from their
//! text alone (see `db::init_connection`): planning again at every run, as SQLite otherwise
//! does once it has value statistics, took a third of a list page's time. The list queries
//! are the exception: whether a technician's 11,000 open tickets among a million are best
//! found by the technician's index or by walking the tickets in the page's order depends on
//! the values, and plans made without them took 150-300 ms instead of 2.
//!
//! For the lists of those who see many tickets (technicians, and whoever sees every ticket),
//! their values are therefore written into their text when all of them are integers (or
//! empty): numbers the server itself holds (users, states, page sizes), never text, which
//! stays bound. Such a statement is planned for its values at each run, as before, and not
//! kept: one kept per person and page pushed the statements every page shares out of the
//! connections' caches. A requester's own tickets are found by the requester's index whatever
//! the values: their lists keep plain, kept statements (with 200 people at once, mostly
//! requesters, planning had taken half of the server's time).

use std::borrow::Cow;
use std::cell::Cell;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, Row, params_from_iter};

thread_local! {
    /// Whether the list queries run on this thread are planned with their values.
    static WITH_VALUES: Cell<bool> = const { Cell::new(false) };
}

/// While kept, the list queries of this thread are planned with their values when `wide`
/// (the reader sees many tickets).
#[must_use]
pub(super) struct Planning {
    before: bool,
}

impl Planning {
    pub(super) fn start(wide: bool) -> Self {
        Planning {
            before: WITH_VALUES.replace(wide),
        }
    }
}

impl Drop for Planning {
    fn drop(&mut self) {
        WITH_VALUES.set(self.before);
    }
}

/// The rows of `sql` with `values`, each read by `f`, planned with the values when they are
/// numbers (see the module's documentation).
pub(super) fn rows<T>(
    conn: &Connection,
    sql: &str,
    values: Vec<SqlValue>,
    mut f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let (text, values) = if WITH_VALUES.get() {
        with_values(sql, values)
    } else {
        (Cow::Borrowed(sql), values)
    };
    // A statement with its values written in serves one person's page: not kept.
    let mut stmt = match text {
        Cow::Owned(text) => CachedOrNot::Not(conn.prepare(&text)?),
        Cow::Borrowed(sql) => CachedOrNot::Cached(conn.prepare_cached(sql)?),
    };
    let rows = stmt.get().query_map(params_from_iter(values), |r| f(r))?;
    rows.collect()
}

/// A statement from the connection's cache or prepared for one run.
enum CachedOrNot<'c> {
    Cached(rusqlite::CachedStatement<'c>),
    Not(rusqlite::Statement<'c>),
}

impl<'c> CachedOrNot<'c> {
    fn get(&mut self) -> &mut rusqlite::Statement<'c> {
        match self {
            CachedOrNot::Cached(s) => s,
            CachedOrNot::Not(s) => s,
        }
    }
}

/// The first row of [`rows`] (a count).
pub(super) fn one<T>(
    conn: &Connection,
    sql: &str,
    values: Vec<SqlValue>,
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    rows(conn, sql, values, f)?
        .into_iter()
        .next()
        .ok_or(rusqlite::Error::QueryReturnedNoRows)
}

/// `sql` with its `?` and `?NNN` parameters replaced by `values`, when every value is an
/// integer or NULL; otherwise, or when the text is not understood, `sql` and `values` as they
/// are.
fn with_values(sql: &str, values: Vec<SqlValue>) -> (Cow<'_, str>, Vec<SqlValue>) {
    if values.is_empty() || !values.iter().all(is_number) {
        return (Cow::Borrowed(sql), values);
    }
    match written(sql, &values) {
        Some(text) => (Cow::Owned(text), Vec::new()),
        None => (Cow::Borrowed(sql), values),
    }
}

fn is_number(v: &SqlValue) -> bool {
    matches!(v, SqlValue::Integer(_) | SqlValue::Null)
}

fn literal(v: &SqlValue) -> String {
    match v {
        // In parentheses, so that a minus before the parameter does not make a comment.
        SqlValue::Integer(n) if *n < 0 => format!("({n})"),
        SqlValue::Integer(n) => n.to_string(),
        _ => "NULL".to_owned(),
    }
}

/// The text with the values in it, or `None` when a parameter is named, out of range, or left
/// without a value, or the text holds a comment.
fn written(sql: &str, values: &[SqlValue]) -> Option<String> {
    if sql.contains("--") || sql.contains("/*") {
        return None;
    }
    let mut out = String::with_capacity(sql.len() + values.len() * 4);
    let mut used = vec![false; values.len()];
    // SQLite's numbering: a bare `?` takes one more than the largest number so far.
    let mut largest = 0usize;
    let mut quote: Option<char> = None;
    let mut chars = sql.char_indices().peekable();
    while let Some((_, ch)) = chars.next() {
        if let Some(q) = quote {
            out.push(ch);
            if ch == q {
                quote = None;
            }
            continue;
        }
        match ch {
            '\'' | '"' | '`' => {
                quote = Some(ch);
                out.push(ch);
            }
            '[' => {
                quote = Some(']');
                out.push(ch);
            }
            ':' | '@' | '$' => return None,
            '?' => {
                let mut digits = String::new();
                while let Some((_, d)) = chars.peek().copied().filter(|(_, d)| d.is_ascii_digit()) {
                    digits.push(d);
                    chars.next();
                }
                let number = if digits.is_empty() {
                    largest + 1
                } else {
                    digits.parse().ok()?
                };
                largest = largest.max(number);
                let index = number.checked_sub(1)?;
                out.push_str(&literal(values.get(index)?));
                used[index] = true;
            }
            _ => out.push(ch),
        }
    }
    used.iter().all(|u| *u).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(n: i64) -> SqlValue {
        SqlValue::Integer(n)
    }

    #[test]
    fn numbers_are_written_in_and_text_stays_bound() {
        let (sql, values) = with_values(
            "SELECT t.id FROM tickets t WHERE t.state_id = ? AND t.priority_id IS ? LIMIT ? OFFSET ?",
            vec![int(3), SqlValue::Null, int(20), int(-40)],
        );
        assert_eq!(
            sql,
            "SELECT t.id FROM tickets t WHERE t.state_id = 3 AND t.priority_id IS NULL LIMIT 20 OFFSET (-40)"
        );
        assert!(values.is_empty());
        let (sql, _) = with_values("SELECT t.created_at -? FROM tickets t", vec![int(-5)]);
        assert_eq!(sql, "SELECT t.created_at -(-5) FROM tickets t");
        let text = vec![int(1), SqlValue::Text("' OR 1 --".to_owned())];
        let (sql, values) = with_values("SELECT 1 WHERE a = ? AND b LIKE ?", text.clone());
        assert_eq!(sql, "SELECT 1 WHERE a = ? AND b LIKE ?");
        assert_eq!(values, text);
    }

    #[test]
    fn a_query_reads_the_same_rows_with_its_values_written_in_or_bound() {
        let conn = Connection::open_in_memory().expect("memory");
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER);
             INSERT INTO t VALUES (1, 5, NULL), (2, -3, 7), (3, 5, 7), (4, 9, NULL);",
        )
        .expect("table");
        let sql = "SELECT id FROM t WHERE a -?1 > ?2 AND b IS ?3 ORDER BY id LIMIT ?4";
        let values = || vec![int(-1), int(0), SqlValue::Null, int(10)];
        let read = |wide: bool| {
            let _planning = Planning::start(wide);
            rows(&conn, sql, values(), |r| r.get::<_, i64>(0)).expect("rows")
        };
        assert_eq!(read(false), vec![1, 4]);
        assert_eq!(read(true), read(false));
        // The thread goes back to plain statements when the planning ends.
        assert!(!WITH_VALUES.get());
    }

    #[test]
    fn numbered_parameters_quotes_and_odd_texts_are_understood_or_left_alone() {
        let (sql, _) = with_values(
            "SELECT '?' FROM x WHERE a IN (?1, ?2) AND b = ?1 AND c = ?",
            vec![int(5), int(6), int(7)],
        );
        assert_eq!(
            sql,
            "SELECT '?' FROM x WHERE a IN (5, 6) AND b = 5 AND c = 7"
        );
        for (odd, n) in [
            ("SELECT ? -- ?", 1),
            ("SELECT :a", 1),
            ("SELECT ?", 2),
            ("SELECT ?3", 1),
            ("SELECT ?0", 1),
        ] {
            let values = vec![int(1); n];
            let (sql, kept) = with_values(odd, values.clone());
            assert_eq!((sql.as_ref(), kept), (odd, values), "{odd}");
        }
    }
}
