//! Statistics: every figure of a small known set of tickets checked against figures worked out
//! in the test, under the period and the filters, through the page and its exports.

/// A supervisor reads June's figures.
pub mod stories;
