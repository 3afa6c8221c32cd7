//! Finding work: the views of the ticket list (whose tickets, which states), the list itself
//! with its columns, filters, search, sort and pages, the counters of the menu and the user bar,
//! the activity view and the supervision screen's figures.

pub mod activity;
mod by_name;
pub mod choices;
pub mod columns;
pub mod count_cache;
pub mod counters;
pub mod kept_counts;
mod kept_searches;
pub mod listing;
mod plan;
pub mod reader;
mod row_labels;
mod rows;
pub mod scope;
pub mod search;
pub mod search_queue;
pub mod supervision;
pub mod use_cases;
mod wide_search;
