//! The filter every figure and export of the statistics page applies, read from the page's
//! address, and the lists its bar offers.

use std::collections::HashMap;

use crate::db::Db;
use crate::domain::{DomainError, run};
use crate::i18n::Lang;

/// What the figures are restricted to, besides the period (`None`: any).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub technician: Option<i64>,
    pub tech_group: Option<i64>,
    pub service: Option<i64>,
    pub company: Option<i64>,
    pub agency: Option<i64>,
    pub ticket_type: Option<i64>,
    pub criticality: Option<i64>,
    pub priority: Option<i64>,
    pub category: Option<i64>,
}

/// The address's names of the filter's fields, in the bar's order.
pub const FIELDS: [&str; 9] = [
    "technician",
    "tech_group",
    "service",
    "company",
    "agency",
    "type",
    "criticality",
    "priority",
    "category",
];

impl Filter {
    /// The filter the address's `pairs` ask for; a value that is no id is no filter.
    pub fn from_pairs(pairs: &[(String, String)]) -> Filter {
        let id = |name: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == name)
                .and_then(|(_, v)| v.trim().parse::<i64>().ok())
                .filter(|v| *v > 0)
        };
        Filter {
            technician: id("technician"),
            tech_group: id("tech_group"),
            service: id("service"),
            company: id("company"),
            agency: id("agency"),
            ticket_type: id("type"),
            criticality: id("criticality"),
            priority: id("priority"),
            category: id("category"),
        }
    }

    /// Each field's value, in the order of [`FIELDS`].
    pub fn values(&self) -> [Option<i64>; 9] {
        [
            self.technician,
            self.tech_group,
            self.service,
            self.company,
            self.agency,
            self.ticket_type,
            self.criticality,
            self.priority,
            self.category,
        ]
    }

    /// Whether any field is set.
    pub fn is_set(&self) -> bool {
        self.values().iter().any(Option::is_some)
    }
}

/// The entries of each list the filter bar offers: id and name, in the list's order.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub technicians: Vec<(i64, String)>,
    pub tech_groups: Vec<(i64, String)>,
    pub services: Vec<(i64, String)>,
    pub companies: Vec<(i64, String)>,
    pub agencies: Vec<(i64, String)>,
    pub types: Vec<(i64, String)>,
    pub criticalities: Vec<(i64, String)>,
    pub priorities: Vec<(i64, String)>,
    pub categories: Vec<(i64, String)>,
}

pub(super) use crate::domain::lists::named_rows as listed;

/// The constant queries of the lists (no user input reaches them).
pub(super) const TECHNICIANS: &str = "SELECT u.id, u.display_name, NULL FROM users u
     WHERE u.id IN (SELECT DISTINCT technician_id FROM tickets WHERE technician_id IS NOT NULL)
        OR (u.disabled = 0 AND u.profile_id IN (0, 4))
     ORDER BY u.display_name COLLATE NOCASE";
const GROUPS: &str =
    "SELECT id, name, NULL FROM groups WHERE kind = 'technician' ORDER BY name COLLATE NOCASE";
const SERVICES: &str = "SELECT id, name, NULL FROM services ORDER BY name COLLATE NOCASE";
const COMPANIES: &str = "SELECT id, name, NULL FROM companies ORDER BY name COLLATE NOCASE";
const AGENCIES: &str = "SELECT id, name, NULL FROM agencies ORDER BY name COLLATE NOCASE";
pub(super) const TYPES: &str = "SELECT id, name, name_key FROM ticket_types ORDER BY id";
pub(super) const CRITICALITIES: &str =
    "SELECT id, name, name_key FROM criticalities ORDER BY position, id";
pub(super) const PRIORITIES: &str =
    "SELECT id, name, name_key FROM priorities ORDER BY position, id";
pub(super) const CATEGORIES: &str =
    "SELECT id, name, name_key FROM categories ORDER BY position, name COLLATE NOCASE";
pub(super) const STATES: &str =
    "SELECT id, name, name_key FROM ticket_states ORDER BY position, id";

/// The lists of the filter bar.
pub async fn choices(db: &Db, lang: Lang) -> Result<Choices, DomainError> {
    run::read(db, move |conn| {
        Ok(Choices {
            technicians: listed(conn, TECHNICIANS, lang)?,
            tech_groups: listed(conn, GROUPS, lang)?,
            services: listed(conn, SERVICES, lang)?,
            companies: listed(conn, COMPANIES, lang)?,
            agencies: listed(conn, AGENCIES, lang)?,
            types: listed(conn, TYPES, lang)?,
            criticalities: listed(conn, CRITICALITIES, lang)?,
            priorities: listed(conn, PRIORITIES, lang)?,
            categories: listed(conn, CATEGORIES, lang)?,
        })
    })
    .await
}

/// Names by id, from a list's rows.
pub(super) fn by_id(rows: &[(i64, String)]) -> HashMap<i64, String> {
    rows.iter().cloned().collect()
}
