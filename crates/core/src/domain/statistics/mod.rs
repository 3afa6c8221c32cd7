//! Statistics (right `stat`): how the team performs over a period, for supervisors and
//! administrators, as GestSup shows them and a little more. One filter (the period, and a
//! technician, technician group, service, company, agency, type, criticality, priority or
//! category) applies to every figure and export.
//!
//! The tickets are read once through a narrow covering index with the filter in SQL, and the
//! thread's state changes and replies since the period began once through partial covering
//! indexes (migration V41), the two on two connections at the same time (see
//! [`read::tickets`]); every figure is then counted in memory. `tally` holds that counting,
//! free of SQL, so that tests can check it against figures worked out by hand.

mod assets;
pub mod filter;
mod read;
pub mod tally;

pub use assets::{AssetStats, WarrantyQuarter, assets};
pub use filter::{Choices, Filter, choices};
pub use read::{ExportRow, granularity, starts, ticket_rows, tickets};
pub use tally::{Bucket, Granularity, Resolution, Share, TicketStats};
