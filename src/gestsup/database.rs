//! A GestSup database (MySQL or MariaDB) read directly: every table's rows, by column name, in
//! the order of the table names (the order of a `mysqldump` file), inside one consistent
//! snapshot so that both passes of an import see the same site even while GestSup is still
//! in use. Rows are streamed from the server one at a time, never held whole.

use std::time::Duration;

use mysql::prelude::Queryable;
use mysql::{Conn, Opts, OptsBuilder};

use super::ImportError;
use crate::domain::import::row::{Columns, Row, Value, text_of};

/// Why the database could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DatabaseError {
    #[error(
        "the database address is not valid ({0}); write it as mysql://user:password@host:port/database"
    )]
    Address(String),
    #[error("the GestSup database answered: {0}")]
    Server(#[from] mysql::Error),
    #[error("the database {0} holds no GestSup site (it has no table tincidents)")]
    NotGestsup(String),
}

/// Where a GestSup database is, with the account to read it.
#[derive(Clone)]
pub struct Address(Opts);

impl std::fmt::Debug for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the password.
        write!(f, "Address({self})")
    }
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}@{}:{}/{}",
            self.0.get_user().unwrap_or(""),
            self.0.get_ip_or_hostname(),
            self.0.get_tcp_port(),
            self.0.get_db_name().unwrap_or("")
        )
    }
}

impl Address {
    /// `mysql://user:password@host:port/database` (or `mariadb://`); without a password in
    /// it, the `MYSQL_PWD` environment variable's, as MySQL's own tools do.
    pub fn parse(url: &str) -> Result<Address, DatabaseError> {
        let url = url.trim();
        let url = match url.strip_prefix("mariadb://") {
            Some(rest) => format!("mysql://{rest}"),
            None => url.to_owned(),
        };
        let opts = Opts::from_url(&url).map_err(|e| DatabaseError::Address(e.to_string()))?;
        if opts.get_db_name().unwrap_or("").is_empty() {
            return Err(DatabaseError::Address("no database name".into()));
        }
        let mut builder = OptsBuilder::from_opts(opts.clone());
        if opts.get_pass().is_none()
            && let Ok(pass) = std::env::var("MYSQL_PWD")
        {
            builder = builder.pass(Some(pass));
        }
        Ok(Address(builder.into()))
    }

    /// The address from its parts, as the set-up page asks for them.
    pub fn from_parts(
        host: &str,
        port: u16,
        user: &str,
        password: &str,
        database: &str,
    ) -> Address {
        Address(
            OptsBuilder::new()
                .ip_or_hostname(Some(host.trim()))
                .tcp_port(port)
                .user(Some(user.trim()))
                .pass(Some(password))
                .db_name(Some(database.trim()))
                .into(),
        )
    }
}

/// An open GestSup database, in a consistent snapshot.
pub struct Database {
    conn: Conn,
    tables: Vec<String>,
}

impl Database {
    /// Connects (within 10 s), starts the snapshot and lists the tables; refuses a database
    /// without GestSup's tickets table.
    pub fn connect(address: &Address) -> Result<Database, DatabaseError> {
        let opts = OptsBuilder::from_opts(address.0.clone())
            .tcp_connect_timeout(Some(Duration::from_secs(10)))
            .read_timeout(Some(Duration::from_secs(600)))
            .write_timeout(Some(Duration::from_secs(600)))
            // Stay on the TCP address given (a socket may log in as another account).
            .prefer_socket(false);
        let mut conn = Conn::new(opts)?;
        conn.query_drop("SET NAMES utf8mb4")?;
        // The import reads as fast as it writes: no pause should end the server's patience.
        conn.query_drop("SET SESSION net_write_timeout = 3600, net_read_timeout = 3600")?;
        conn.query_drop("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ")?;
        conn.query_drop("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY")?;
        let mut tables: Vec<String> = conn
            .query_iter("SHOW TABLES")?
            .map(|row| {
                row.map(|r| text_of(r.unwrap().into_iter().next().map_or_else(Vec::new, bytes)))
            })
            .collect::<Result<_, _>>()?;
        tables.sort();
        if !tables.iter().any(|t| t == "tincidents") {
            return Err(DatabaseError::NotGestsup(address.to_string()));
        }
        Ok(Database { conn, tables })
    }

    /// The tables, in name order.
    pub fn tables(&self) -> &[String] {
        &self.tables
    }

    /// How many rows `table` has.
    pub fn count(&mut self, table: &str) -> Result<usize, DatabaseError> {
        let n: Option<u64> = self
            .conn
            .query_first(format!("SELECT COUNT(*) FROM {}", quoted(table)))?;
        Ok(usize::try_from(n.unwrap_or(0)).unwrap_or(usize::MAX))
    }

    /// Gives every row of `table` to `each`, in the table's order, as they come.
    pub fn each(
        &mut self,
        table: &str,
        each: &mut dyn FnMut(Row) -> Result<(), ImportError>,
    ) -> Result<(), ImportError> {
        let name: std::sync::Arc<str> = table.into();
        let mut rows = self
            .conn
            .query_iter(format!("SELECT * FROM {}", quoted(table)))
            .map_err(DatabaseError::from)?;
        let columns = std::sync::Arc::new(Columns::new(
            rows.columns()
                .as_ref()
                .iter()
                .map(|c| c.name_str().into_owned())
                .collect(),
        ));
        for row in rows.by_ref() {
            let values = row
                .map_err(DatabaseError::from)?
                .unwrap()
                .into_iter()
                .map(value)
                .collect();
            each(Row::new(name.clone(), columns.clone(), values))?;
        }
        Ok(())
    }
}

/// `name` as an identifier.
fn quoted(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

fn bytes(v: mysql::Value) -> Vec<u8> {
    match v {
        mysql::Value::Bytes(b) => b,
        other => value_text(&other).into_bytes(),
    }
}

/// A value of the server as one of a GestSup row (the text protocol gives text, which reads
/// like a backup file's).
fn value(v: mysql::Value) -> Value {
    match v {
        mysql::Value::NULL => Value::Null,
        mysql::Value::Bytes(b) => Value::Text(text_of(b)),
        mysql::Value::Int(i) => Value::Int(i),
        mysql::Value::UInt(u) => Value::Int(i64::try_from(u).unwrap_or(i64::MAX)),
        mysql::Value::Float(f) => Value::Float(f64::from(f)),
        mysql::Value::Double(f) => Value::Float(f),
        other => Value::Text(value_text(&other)),
    }
}

fn value_text(v: &mysql::Value) -> String {
    match v {
        mysql::Value::Date(y, mo, d, h, mi, s, _) => {
            format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
        }
        mysql::Value::Time(neg, days, h, mi, s, _) => {
            let hours = u32::from(*h) + days * 24;
            format!("{}{hours:02}:{mi:02}:{s:02}", if *neg { "-" } else { "" })
        }
        mysql::Value::Int(i) => i.to_string(),
        mysql::Value::UInt(u) => u.to_string(),
        mysql::Value::Float(f) => f.to_string(),
        mysql::Value::Double(f) => f.to_string(),
        mysql::Value::Bytes(b) => text_of(b.clone()),
        mysql::Value::NULL => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::Address;

    #[test]
    fn an_address_is_read_and_shown_without_its_password() {
        let a =
            Address::parse("mysql://gestsup:s%40cret@db.example.test:3307/gestsup").expect("ok");
        assert_eq!(a.to_string(), "gestsup@db.example.test:3307/gestsup");
        assert!(!format!("{a:?}").contains("cret"));
        assert!(Address::parse("mariadb://u:p@h/db").is_ok());
        assert!(
            Address::parse("mysql://u:p@h:3306/").is_err(),
            "no database"
        );
        assert!(Address::parse("postgres://u:p@h/db").is_err());
        assert!(Address::parse("not an address").is_err());
    }
}
