//! Moving in from another helpdesk.

/// A GestSup backup file imported with `gestdesk import gestsup`.
pub mod gestsup;

/// "Move from GestSup" on the first-run set-up page.
pub mod setup_move;
