//! The columns of the ticket list: which ones a reader sees (the `dashboard_col_*` rights and
//! the settings), how each sorts and filters, in SQL over the ticket `t` and its joins.

use crate::domain::rights::names as right;
use crate::domain::settings;

use super::reader::Reader;

/// A column of the ticket list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Number,
    Type,
    Technician,
    Requester,
    Company,
    /// The requester's service (GestSup's "user service").
    SenderService,
    Service,
    Agency,
    Place,
    /// The asset the ticket is about (`dashboard_col_asset`, the asset function).
    Asset,
    Category,
    Subcategory,
    Title,
    Created,
    HopeDate,
    ResolvedAt,
    Modified,
    /// Time spent on the ticket.
    TimeSpent,
    /// Whether the work is billed (`ticket_billable`).
    Billable,
    Priority,
    Criticality,
    State,
}

/// How a column is filtered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// Text the value contains.
    Text,
    /// One value of a list (by id; the list code names where the choices come from).
    Choice(&'static str),
    /// A day (`YYYY-MM-DD`).
    Day,
    /// A ticket number.
    Number,
    /// Not filtered.
    None,
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 22] = [
        Column::Number,
        Column::Type,
        Column::Technician,
        Column::Requester,
        Column::Company,
        Column::SenderService,
        Column::Service,
        Column::Agency,
        Column::Place,
        Column::Asset,
        Column::Category,
        Column::Subcategory,
        Column::Title,
        Column::Created,
        Column::HopeDate,
        Column::ResolvedAt,
        Column::Modified,
        Column::TimeSpent,
        Column::Billable,
        Column::Priority,
        Column::Criticality,
        Column::State,
    ];

    /// The code in addresses (`sort=`, `f_<code>=`).
    pub fn code(self) -> &'static str {
        match self {
            Column::Number => "number",
            Column::Type => "type",
            Column::Technician => "technician",
            Column::Requester => "requester",
            Column::Company => "company",
            Column::SenderService => "requester-service",
            Column::Service => "service",
            Column::Agency => "agency",
            Column::Place => "place",
            Column::Asset => "asset",
            Column::Category => "category",
            Column::Subcategory => "subcategory",
            Column::Title => "title",
            Column::Created => "created",
            Column::HopeDate => "hope",
            Column::ResolvedAt => "resolved",
            Column::Modified => "modified",
            Column::TimeSpent => "time",
            Column::Billable => "billable",
            Column::Priority => "priority",
            Column::Criticality => "criticality",
            Column::State => "state",
        }
    }

    /// The column of an address code.
    pub fn parse(code: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Translation key of the header.
    pub fn label(self) -> &'static str {
        match self {
            Column::Number => "col-number",
            Column::Type => "col-type",
            Column::Technician => "col-technician",
            Column::Requester => "col-requester",
            Column::Company => "col-company",
            Column::SenderService => "col-requester-service",
            Column::Service => "col-service",
            Column::Agency => "col-agency",
            Column::Place => "col-place",
            Column::Asset => "col-asset",
            Column::Category => "col-category",
            Column::Subcategory => "col-subcategory",
            Column::Title => "col-title",
            Column::Created => "col-created",
            Column::HopeDate => "col-hope-date",
            Column::ResolvedAt => "col-resolved",
            Column::Modified => "col-modified",
            Column::TimeSpent => "col-time-spent",
            Column::Billable => "col-billable",
            Column::Priority => "col-priority",
            Column::Criticality => "col-criticality",
            Column::State => "col-state",
        }
    }

    /// Whether `r` sees this column.
    pub fn shown(self, r: &Reader) -> bool {
        let s = &r.settings;
        match self {
            Column::Number | Column::Requester | Column::Title | Column::State => true,
            Column::Type => s.flag(settings::TICKET_TYPE) && r.has(right::DASHBOARD_COL_TYPE),
            Column::Technician => r.has(right::DASHBOARD_COL_TECHNICIAN),
            Column::Company => r.has(right::DASHBOARD_COL_COMPANY),
            Column::SenderService => r.has(right::DASHBOARD_COL_USER_SERVICE),
            Column::Service => r.has(right::DASHBOARD_COL_SERVICE),
            Column::Agency => s.flag(settings::USER_AGENCY) && r.has(right::DASHBOARD_COL_AGENCY),
            Column::Place => s.flag(settings::TICKET_PLACES),
            Column::Asset => s.flag(settings::FUNCTION_ASSETS) && r.has(right::DASHBOARD_COL_ASSET),
            Column::Category => r.has(right::DASHBOARD_COL_CATEGORY),
            Column::Subcategory => r.has(right::DASHBOARD_COL_SUBCAT),
            Column::Created => r.has(right::DASHBOARD_COL_DATE_CREATE),
            Column::HopeDate => r.has(right::DASHBOARD_COL_DATE_HOPE),
            Column::ResolvedAt => r.has(right::DASHBOARD_COL_DATE_RES),
            Column::Modified => r.has(right::DASHBOARD_COL_DATE_MODIF),
            Column::TimeSpent => r.has(right::DASHBOARD_COL_TIME),
            Column::Billable => r.has(right::TICKET_BILLABLE),
            Column::Priority => r.has(right::DASHBOARD_COL_PRIORITY),
            Column::Criticality => r.has(right::DASHBOARD_COL_CRITICALITY),
        }
    }

    /// The columns `r` sees, in display order.
    pub fn visible(r: &Reader) -> Vec<Column> {
        Column::ALL.into_iter().filter(|c| c.shown(r)).collect()
    }

    /// How the column is filtered.
    pub fn filter_kind(self) -> FilterKind {
        match self {
            Column::Number => FilterKind::Number,
            Column::Requester | Column::Title | Column::Company | Column::Asset => FilterKind::Text,
            Column::Created | Column::HopeDate | Column::ResolvedAt | Column::Modified => {
                FilterKind::Day
            }
            Column::Type => FilterKind::Choice("types"),
            Column::Technician => FilterKind::Choice("technicians"),
            Column::Service | Column::SenderService => FilterKind::Choice("services"),
            Column::TimeSpent | Column::Billable => FilterKind::None,
            Column::Agency => FilterKind::Choice("agencies"),
            Column::Place => FilterKind::Choice("places"),
            Column::Category => FilterKind::Choice("categories"),
            Column::Subcategory => FilterKind::Choice("subcategories"),
            Column::Priority => FilterKind::Choice("priorities"),
            Column::Criticality => FilterKind::Choice("criticalities"),
            Column::State => FilterKind::Choice("states"),
        }
    }

    /// The joins sorting or filtering on this column needs.
    pub fn joins(self) -> &'static [Join] {
        match self {
            Column::Technician => &[Join::Technician, Join::TechGroup],
            Column::Requester => &[Join::Requester, Join::UserGroup],
            Column::Company => &[Join::Requester, Join::Company],
            Column::Type => &[Join::Type],
            Column::Service => &[Join::Service],
            Column::SenderService => &[Join::SenderService],
            Column::Agency => &[Join::Agency],
            Column::Place => &[Join::Place],
            Column::Asset => &[Join::Asset],
            Column::Category => &[Join::Category],
            Column::Subcategory => &[Join::Subcategory],
            Column::Priority => &[Join::Priority],
            Column::Criticality => &[Join::Criticality],
            Column::State => &[Join::State],
            _ => &[],
        }
    }

    /// The terms the column sorts by: empty values last whatever the direction, then the
    /// values themselves, reversed for a descending sort.
    pub fn sort_terms(self) -> &'static [SortTerm] {
        use SortTerm::{EmptyLast, Value};
        match self {
            Column::Number => &[Value("t.id")],
            Column::Type => &[
                EmptyLast("ty.name IS NULL AND ty.name_key IS NULL"),
                Value("COALESCE(ty.name, ty.name_key)"),
            ],
            Column::Technician => &[
                EmptyLast("te.id IS NULL AND tg.id IS NULL"),
                Value("COALESCE(te.display_name, tg.name) COLLATE NOCASE"),
            ],
            Column::Requester => &[
                EmptyLast("ru.id IS NULL AND ug.id IS NULL"),
                Value("COALESCE(ru.display_name, ug.name) COLLATE NOCASE"),
            ],
            Column::Company => &[
                EmptyLast("co.name IS NULL"),
                Value("co.name COLLATE NOCASE"),
            ],
            Column::Service => &[
                EmptyLast("sv.name IS NULL"),
                Value("sv.name COLLATE NOCASE"),
            ],
            Column::SenderService => &[
                EmptyLast("ss.name IS NULL"),
                Value("ss.name COLLATE NOCASE"),
            ],
            Column::TimeSpent => &[Value("t.time_spent_minutes")],
            Column::Billable => &[Value("t.billable")],
            Column::Agency => &[
                EmptyLast("ag.name IS NULL"),
                Value("ag.name COLLATE NOCASE"),
            ],
            Column::Place => &[
                EmptyLast("pl.name IS NULL"),
                Value("pl.name COLLATE NOCASE"),
            ],
            Column::Asset => &[
                EmptyLast("aa.name IS NULL"),
                Value("aa.name COLLATE NOCASE"),
            ],
            Column::Category => &[
                EmptyLast("ca.id IS NULL"),
                Value("COALESCE(ca.name, ca.name_key) COLLATE NOCASE"),
            ],
            Column::Subcategory => &[
                EmptyLast("sc.id IS NULL"),
                Value("COALESCE(sc.name, sc.name_key) COLLATE NOCASE"),
            ],
            Column::Title => &[Value("t.title COLLATE NOCASE")],
            Column::Created => &[Value("t.created_at")],
            Column::HopeDate => &[EmptyLast("t.hope_date IS NULL"), Value("t.hope_date")],
            Column::ResolvedAt => &[EmptyLast("t.resolved_at IS NULL"), Value("t.resolved_at")],
            Column::Modified => &[Value("t.modified_at")],
            Column::Priority => &[EmptyLast("pr.position IS NULL"), Value("pr.position")],
            Column::Criticality => &[EmptyLast("cr.position IS NULL"), Value("cr.position")],
            Column::State => &[Value("st.position")],
        }
    }
}

/// One term of a column's sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortTerm {
    /// True for rows without a value: sorted after the others in both directions.
    EmptyLast(&'static str),
    /// The value, reversed when sorting descending.
    Value(&'static str),
}

impl SortTerm {
    /// The `ORDER BY` term.
    pub fn sql(self, desc: bool) -> String {
        match self {
            SortTerm::EmptyLast(e) => e.to_owned(),
            SortTerm::Value(v) if desc => format!("{v} DESC"),
            SortTerm::Value(v) => v.to_owned(),
        }
    }
}

/// A table joined to the ticket `t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Join {
    Technician,
    TechGroup,
    Requester,
    UserGroup,
    Company,
    Type,
    Service,
    SenderService,
    Agency,
    Place,
    Asset,
    Category,
    Subcategory,
    Priority,
    Criticality,
    State,
}

impl Join {
    /// The `LEFT JOIN` clause.
    pub fn sql(self) -> &'static str {
        match self {
            Join::Technician => "LEFT JOIN users te ON te.id = t.technician_id",
            Join::TechGroup => "LEFT JOIN groups tg ON tg.id = t.tech_group_id",
            Join::Requester => "LEFT JOIN users ru ON ru.id = t.requester_id",
            Join::UserGroup => "LEFT JOIN groups ug ON ug.id = t.user_group_id",
            Join::Company => "LEFT JOIN companies co ON co.id = ru.company_id",
            Join::Type => "LEFT JOIN ticket_types ty ON ty.id = t.type_id",
            Join::Service => "LEFT JOIN services sv ON sv.id = t.service_id",
            Join::SenderService => "LEFT JOIN services ss ON ss.id = t.sender_service_id",
            Join::Agency => "LEFT JOIN agencies ag ON ag.id = t.agency_id",
            Join::Place => "LEFT JOIN places pl ON pl.id = t.place_id",
            Join::Asset => "LEFT JOIN assets aa ON aa.id = t.asset_id",
            Join::Category => "LEFT JOIN categories ca ON ca.id = t.category_id",
            Join::Subcategory => "LEFT JOIN subcategories sc ON sc.id = t.subcategory_id",
            Join::Priority => "LEFT JOIN priorities pr ON pr.id = t.priority_id",
            Join::Criticality => "LEFT JOIN criticalities cr ON cr.id = t.criticality_id",
            Join::State => "JOIN ticket_states st ON st.id = t.state_id",
        }
    }
}
