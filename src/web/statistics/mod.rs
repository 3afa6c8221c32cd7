//! Statistics (right `stat`): the tickets' figures and, when the asset function is on, the
//! assets', under one filter bar; each figure as a chart with its table, and as CSV.

mod figures;
mod page;

use crate::domain::rights::names;

use super::paths;
use super::routes::{Access, Routes};

/// The routes of this area.
pub fn routes() -> Routes {
    Routes::new()
        .get(paths::STATISTICS, Access::Right(names::STAT), page::page)
        .get(paths::STATISTICS_CSV, Access::Right(names::STAT), page::csv)
}
