//! The domain's error type: what went wrong, in terms a page can explain.

use crate::db::DbError;
use crate::i18n::Msg;

/// Validation failures, one message per form field, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(&'static str, Msg)>);

impl FieldErrors {
    /// No errors yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an error on `field`.
    pub fn add(&mut self, field: &'static str, message: Msg) {
        self.0.push((field, message));
    }

    /// The first error on `field`, if any.
    pub fn get(&self, field: &str) -> Option<&Msg> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| m)
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when empty, else the errors.
    pub fn into_result(self) -> Result<(), DomainError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(self))
        }
    }
}

/// A domain operation that did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    #[error("conflict: {}", .0.key)]
    Conflict(Msg),
    #[error(transparent)]
    Storage(#[from] DbError),
    #[error("password hashing failed: {0}")]
    Hash(#[from] bcrypt::BcryptError),
    #[error("file storage: {0}")]
    Files(#[from] std::io::Error),
}

impl From<rusqlite::Error> for DomainError {
    fn from(e: rusqlite::Error) -> Self {
        DomainError::Storage(DbError::Sqlite(e))
    }
}
