//! Typed identifiers, so that a user id is never passed where a ticket id is expected. Each is
//! usable directly in SQL (it binds and reads as its integer), in page addresses (it parses from
//! a path segment; anything else is "not found") and in text (it prints as its number).

use std::fmt;
use std::str::FromStr;

use rusqlite::ToSql;
use rusqlite::types::{FromSql, FromSqlResult, ToSqlOutput, ValueRef};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = std::num::ParseIntError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                i64::deserialize(d).map($name)
            }
        }

        impl From<$name> for rusqlite::types::Value {
            fn from(id: $name) -> rusqlite::types::Value {
                rusqlite::types::Value::Integer(id.0)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }
    };
}

id_type!(
    /// The id of a user account.
    UserId
);
id_type!(
    /// The id of an API token.
    ApiTokenId
);
id_type!(
    /// The id of a webhook.
    WebhookId
);
id_type!(
    /// The id of one delivery of an event to a webhook.
    DeliveryId
);
id_type!(
    /// The id (and number) of a ticket.
    TicketId
);
id_type!(
    /// The id of a group of users or technicians.
    GroupId
);
id_type!(
    /// The id of a stored file.
    AttachmentId
);
id_type!(
    /// The id of a procedure.
    ProcedureId
);
id_type!(
    /// The id of a reminder.
    ReminderId
);
id_type!(
    /// The id of an asset.
    AssetId
);
id_type!(
    /// The id of a planned intervention.
    InterventionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_bind_and_read_in_sql_and_parse_from_addresses() {
        let conn = rusqlite::Connection::open_in_memory().expect("db");
        conn.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, owner INTEGER);")
            .expect("table");
        conn.execute("INSERT INTO t VALUES (?1, ?2)", (TicketId(12), UserId(3)))
            .expect("insert");
        let owner: UserId = conn
            .query_row("SELECT owner FROM t WHERE id = ?1", [TicketId(12)], |r| {
                r.get(0)
            })
            .expect("read");
        assert_eq!(owner, UserId(3));
        assert_eq!("42".parse::<TicketId>(), Ok(TicketId(42)));
        assert!("42abc".parse::<TicketId>().is_err());
        assert_eq!(ProcedureId(7).to_string(), "7");
        let from_json: GroupId = serde_json::from_str("9").expect("json");
        assert_eq!(from_json, GroupId(9));
    }
}
