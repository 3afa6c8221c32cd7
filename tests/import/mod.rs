//! Moving in from another helpdesk.

/// A GestSup backup file imported with `gestdesk import gestsup`.
pub mod gestsup;
