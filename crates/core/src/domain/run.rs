//! How a use case reaches the database: one read on a pooled connection, or one write in one
//! immediate transaction, off the async workers, with every failure as a [`DomainError`].

use rusqlite::{Connection, Transaction};

use crate::db::Db;
use crate::domain::DomainError;

/// Runs `f` on a reading connection.
pub async fn read<T, F>(db: &Db, f: F) -> Result<T, DomainError>
where
    F: FnOnce(&Connection) -> Result<T, DomainError> + Send + 'static,
    T: Send + 'static,
{
    db.read(f).await
}

/// Runs `f` in one transaction, committed when it returns `Ok`.
pub async fn write<T, F>(db: &Db, f: F) -> Result<T, DomainError>
where
    F: FnOnce(&Transaction<'_>) -> Result<T, DomainError> + Send + 'static,
    T: Send + 'static,
{
    db.write(f).await
}
