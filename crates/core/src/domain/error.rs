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

    /// The first message, if any.
    pub fn first(&self) -> Option<&Msg> {
        self.0.first().map(|(_, m)| m)
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

/// What a failed operation means for whoever asked, whatever the front end (pages or API): each
/// front end turns it into its status and message in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    NotFound,
    Forbidden,
    /// Input the rules refuse; the first message (the form shows all of them).
    Invalid(Msg),
    /// The action no longer fits what is stored.
    Conflict(Msg),
    /// The disk is full.
    StorageFull,
    /// The data cannot be written (read-only disk or file system, lost permissions).
    StorageReadOnly,
    /// Anything else: a fault to log, never to show.
    Internal,
}

impl DomainError {
    /// What this error means for whoever asked.
    pub fn failure(&self) -> Failure {
        match self {
            DomainError::NotFound => Failure::NotFound,
            DomainError::Forbidden => Failure::Forbidden,
            DomainError::Conflict(m) => Failure::Conflict(m.clone()),
            DomainError::Invalid(errors) => Failure::Invalid(
                errors
                    .0
                    .first()
                    .map_or_else(|| crate::i18n::msg("form-has-errors"), |(_, m)| m.clone()),
            ),
            other => match storage_refusal(other) {
                Some(true) => Failure::StorageFull,
                Some(false) => Failure::StorageReadOnly,
                None => Failure::Internal,
            },
        }
    }
}

/// Whether a failure is the disk or file system refusing to write: `Some(true)` when full,
/// `Some(false)` when read-only, `None` for anything else.
fn storage_refusal(e: &DomainError) -> Option<bool> {
    use rusqlite::ErrorCode;
    let io = |e: &std::io::Error| match e.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Some(true),
        std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
            Some(false)
        }
        _ => None,
    };
    match e {
        DomainError::Storage(DbError::Sqlite(rusqlite::Error::SqliteFailure(f, _))) => {
            match f.code {
                ErrorCode::DiskFull => Some(true),
                // A file system remounted read-only under an open database shows as an I/O
                // error on the next write.
                ErrorCode::ReadOnly
                | ErrorCode::CannotOpen
                | ErrorCode::PermissionDenied
                | ErrorCode::SystemIoFailure => Some(false),
                _ => None,
            }
        }
        DomainError::Files(e) => io(e),
        _ => None,
    }
}

impl From<rusqlite::Error> for DomainError {
    fn from(e: rusqlite::Error) -> Self {
        DomainError::Storage(DbError::Sqlite(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: i32) -> DomainError {
        DomainError::Storage(DbError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        )))
    }

    #[test]
    fn a_full_or_read_only_disk_is_told_apart_from_a_fault() {
        assert_eq!(
            sqlite(rusqlite::ffi::SQLITE_FULL).failure(),
            Failure::StorageFull
        );
        for code in [
            rusqlite::ffi::SQLITE_READONLY,
            rusqlite::ffi::SQLITE_IOERR_WRITE,
        ] {
            assert_eq!(sqlite(code).failure(), Failure::StorageReadOnly);
        }
        let io = DomainError::Files(std::io::Error::from(std::io::ErrorKind::StorageFull));
        assert_eq!(io.failure(), Failure::StorageFull);
        assert_eq!(
            sqlite(rusqlite::ffi::SQLITE_CORRUPT).failure(),
            Failure::Internal
        );
    }

    #[test]
    fn refused_input_and_conflicts_carry_their_message() {
        let mut errors = FieldErrors::new();
        errors.add("title", crate::i18n::msg("error-required"));
        errors.add("body", crate::i18n::msg("error-too-long"));
        assert_eq!(
            DomainError::Invalid(errors).failure(),
            Failure::Invalid(crate::i18n::msg("error-required"))
        );
        let m = crate::i18n::msg("error-hour-limit-reached");
        assert_eq!(
            DomainError::Conflict(m.clone()).failure(),
            Failure::Conflict(m)
        );
        assert_eq!(DomainError::NotFound.failure(), Failure::NotFound);
    }
}
