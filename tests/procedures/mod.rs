//! Procedures: the function switch, writing and finding them, who reads which.

/// Procedures: the function switch, writing and finding them, who reads which.
pub mod stories;
