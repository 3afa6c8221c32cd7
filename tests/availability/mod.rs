//! Availability: its settings, a ticket's unavailability, and the rates of monitored services
//! checked against figures worked out by hand.

/// The report on a small known set of incidents; corrections on a ticket; who may see what.
pub mod stories;
