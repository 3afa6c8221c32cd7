//! Availability: the rate at which monitored services (subcategories) were available over a
//! period, computed from the tickets that made them unavailable. A ticket counts when it meets
//! the condition the settings set (a criticality, or a type) and its subcategory is monitored
//! (all of them, or the chosen categories and subcategories), or is one the others depend on
//! (then it hits every monitored service). Its unavailability runs from its opening to its
//! resolution unless a technician corrected it on the ticket, planned or not; overlapping
//! incidents of one service count once. Each monitored subcategory may have a yearly target.

mod repo;
pub mod rules;
mod use_cases;

pub use rules::{Figures, Period, PeriodKind, Window};

/// Adds a monitored or dependency entry while moving in from GestSup (ids already mapped).
pub fn import_scope(
    tx: &rusqlite::Transaction<'_>,
    list: List,
    category: i64,
    subcategory: Option<i64>,
) -> rusqlite::Result<()> {
    repo::add_scope(tx, list, category, subcategory).map(|_| ())
}

/// Sets a yearly target while moving in from GestSup (ids already mapped).
pub fn import_target(
    tx: &rusqlite::Transaction<'_>,
    subcategory: i64,
    year: i32,
    target: f64,
) -> rusqlite::Result<()> {
    repo::set_target(tx, subcategory, year, target)
}
pub use use_cases::{
    Config, Draft, Incident, Report, Service, TicketWindow, add_scope, config, remove_scope,
    remove_target, report, reset_window, save_window, set_target, ticket_window,
};

/// Which list a category or subcategory is added to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Monitored,
    Dependencies,
}

impl List {
    fn table(self) -> &'static str {
        match self {
            List::Monitored => "availability_monitored",
            List::Dependencies => "availability_dependencies",
        }
    }
}

/// A category as a whole, or one subcategory of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub id: i64,
    pub category_id: i64,
    pub subcategory_id: Option<i64>,
    /// "Category" or "Category › Subcategory".
    pub label: String,
}

/// A yearly target.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub subcategory_id: i64,
    pub label: String,
    pub year: i32,
    pub target: f64,
}

/// What makes a ticket an unavailability.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    Criticality(i64),
    Type(i64),
    /// No condition set: no ticket counts.
    Unset,
}
