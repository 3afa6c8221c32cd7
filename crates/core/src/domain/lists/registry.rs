//! The declaration of every editable list.

use crate::domain::rights::names;
use crate::domain::settings;

/// What a column holds and how it is edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// The entry's name (may fall back to a translated built-in name).
    Name,
    /// Free text up to a length.
    Text { max: usize },
    /// A whole number within bounds.
    Number { min: i64, max: i64 },
    /// Yes or no.
    Flag,
    /// A `#rrggbb` colour.
    Color,
    /// A calendar date `YYYY-MM-DD`.
    Date,
    /// A mail address.
    Mail,
    /// An IPv4 address.
    Ipv4,
    /// An IPv4 netmask.
    Netmask,
    /// An entry of another list, by its code.
    Ref(&'static str),
    /// A ticket number.
    Ticket,
    /// A technician or a technician group (the default one of a category).
    Staff(Staff),
}

/// Who a [`ColumnKind::Staff`] column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Staff {
    /// An active technician or administrator.
    Technician,
    /// A technician group.
    TechGroup,
}

impl Staff {
    /// Id and name of each choice, by name.
    pub fn choices_sql(self) -> &'static str {
        match self {
            Staff::Technician => {
                "SELECT id, display_name || ' (' || login || ')' FROM users
                 WHERE profile_id IN (0, 4) AND disabled = 0
                 ORDER BY display_name COLLATE NOCASE, id"
            }
            Staff::TechGroup => {
                "SELECT id, name FROM groups WHERE kind = 'technician' ORDER BY name COLLATE NOCASE, id"
            }
        }
    }
}

/// One editable column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The database column.
    pub name: &'static str,
    /// Translation key of the column's label.
    pub label: &'static str,
    pub kind: ColumnKind,
    pub required: bool,
    /// A setting flag that must be on for the column to be shown and edited.
    pub gate: Option<settings::Flag>,
}

/// A place where entries of a list are referenced.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    pub table: &'static str,
    pub column: &'static str,
    /// Translation key of "used by N ..." (takes `$count`).
    pub label: &'static str,
}

/// One list.
#[derive(Debug, Clone, Copy)]
pub struct ListDef {
    /// Its code in URLs.
    pub code: &'static str,
    pub table: &'static str,
    /// Translation key of its title.
    pub title: &'static str,
    /// Rights that let a user manage this list besides `admin` and `admin_lists`.
    pub rights: &'static [crate::domain::rights::Right],
    pub columns: &'static [Column],
    /// `ORDER BY` of the list (column names only).
    pub order_by: &'static str,
    pub usages: &'static [Usage],
    /// Whether entries carry a `disabled` flag (retire instead of delete).
    pub has_disabled: bool,
    /// Whether built-in rows carry a translated `name_key`.
    pub translated: bool,
    /// A column whose non-null value marks a built-in row that cannot be deleted.
    pub builtin_column: Option<&'static str>,
    /// A setting flag that must be on for the list to appear.
    pub gate: Option<settings::Flag>,
    /// Whether entries can be added from the list page (templates come from tickets).
    pub can_add: bool,
}

impl ListDef {
    /// The columns shown and edited when `flag` tells which setting flags are on.
    pub fn visible_columns(
        &self,
        flag: impl Fn(settings::Flag) -> bool,
    ) -> Vec<(usize, &'static Column)> {
        self.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.gate.is_none_or(&flag))
            .collect()
    }

    /// Whether a user holding rights for which `has` is true may manage this list.
    pub fn manageable_with(&self, has: impl Fn(crate::domain::rights::Right) -> bool) -> bool {
        has(names::ADMIN) || has(names::ADMIN_LISTS) || self.rights.iter().any(|r| has(*r))
    }
}

const fn col(name: &'static str, label: &'static str, kind: ColumnKind) -> Column {
    Column {
        name,
        label,
        kind,
        required: false,
        gate: None,
    }
}

const fn required(name: &'static str, label: &'static str, kind: ColumnKind) -> Column {
    Column {
        name,
        label,
        kind,
        required: true,
        gate: None,
    }
}

const fn gated(
    name: &'static str,
    label: &'static str,
    kind: ColumnKind,
    gate: settings::Flag,
) -> Column {
    Column {
        name,
        label,
        kind,
        required: false,
        gate: Some(gate),
    }
}

const NAME: Column = required("name", "list-col-name", ColumnKind::Name);
const POSITION: Column = col(
    "position",
    "list-col-position",
    ColumnKind::Number { min: 0, max: 9999 },
);
const COLOR: Column = required("color", "list-col-color", ColumnKind::Color);
const TECHNICIAN: Column = col(
    "technician_id",
    "list-col-technician",
    ColumnKind::Staff(Staff::Technician),
);
const TECH_GROUP: Column = col(
    "tech_group_id",
    "list-col-tech-group",
    ColumnKind::Staff(Staff::TechGroup),
);
const SERVICE: Column = gated(
    "service_id",
    "list-col-service",
    ColumnKind::Ref("services"),
    settings::USER_LIMIT_SERVICE,
);

/// "Tickets here never ask their requester to validate" (GestSup's validation exclusions).
const NO_VALIDATION: Column = gated(
    "no_user_validation",
    "list-col-no-user-validation",
    ColumnKind::Flag,
    settings::USER_VALIDATION,
);

const fn usage(table: &'static str, column: &'static str, label: &'static str) -> Usage {
    Usage {
        table,
        column,
        label,
    }
}

const fn list(code: &'static str, table: &'static str, title: &'static str) -> ListDef {
    ListDef {
        code,
        table,
        title,
        rights: &[],
        columns: &[NAME],
        order_by: "name COLLATE NOCASE, id",
        usages: &[],
        has_disabled: true,
        translated: false,
        builtin_column: None,
        gate: None,
        can_add: true,
    }
}

/// Every list, in the order of the page.
pub const ALL: &[ListDef] = &[
    ListDef {
        rights: &[names::ADMIN_LISTS_CATEGORY],
        columns: &[
            NAME,
            POSITION,
            col("type_id", "list-col-type", ColumnKind::Ref("types")),
            SERVICE,
            TECHNICIAN,
            TECH_GROUP,
            NO_VALIDATION,
        ],
        order_by: "position, name COLLATE NOCASE, id",
        usages: &[
            usage("tickets", "category_id", "usage-tickets"),
            usage("subcategories", "category_id", "usage-subcategories"),
            usage("personal_views", "category_id", "usage-views"),
            usage("procedures", "category_id", "usage-procedures"),
        ],
        translated: true,
        ..list("categories", "categories", "list-categories")
    },
    ListDef {
        rights: &[names::ADMIN_LISTS_SUBCAT],
        columns: &[
            required(
                "category_id",
                "list-col-category",
                ColumnKind::Ref("categories"),
            ),
            NAME,
            SERVICE,
            TECHNICIAN,
            TECH_GROUP,
            NO_VALIDATION,
        ],
        order_by: "category_id, name COLLATE NOCASE, id",
        usages: &[
            usage("tickets", "subcategory_id", "usage-tickets"),
            usage("personal_views", "subcategory_id", "usage-views"),
            usage("procedures", "subcategory_id", "usage-procedures"),
        ],
        translated: true,
        ..list("subcategories", "subcategories", "list-subcategories")
    },
    ListDef {
        columns: &[
            NAME,
            POSITION,
            COLOR,
            col("is_meta", "list-col-meta", ColumnKind::Flag),
        ],
        order_by: "position, id",
        usages: &[
            usage("tickets", "state_id", "usage-tickets"),
            usage("thread_entries", "state_id", "usage-thread-entries"),
        ],
        has_disabled: false,
        translated: true,
        builtin_column: Some("code"),
        ..list("states", "ticket_states", "list-states")
    },
    ListDef {
        rights: &[names::ADMIN_LISTS_PRIORITY],
        columns: &[NAME, POSITION, COLOR, SERVICE],
        order_by: "position, id",
        usages: &[usage("tickets", "priority_id", "usage-tickets")],
        translated: true,
        ..list("priorities", "priorities", "list-priorities")
    },
    ListDef {
        rights: &[names::ADMIN_LISTS_CRITICALITY],
        columns: &[NAME, POSITION, COLOR, SERVICE],
        order_by: "position, id",
        usages: &[usage("tickets", "criticality_id", "usage-tickets")],
        translated: true,
        ..list("criticalities", "criticalities", "list-criticalities")
    },
    ListDef {
        rights: &[names::ADMIN_LISTS_TYPE],
        columns: &[
            NAME,
            col("mail", "list-col-mail", ColumnKind::Mail),
            SERVICE,
            col(
                "user_validation",
                "list-col-user-validation",
                ColumnKind::Flag,
            ),
        ],
        usages: &[
            usage("tickets", "type_id", "usage-tickets"),
            usage("categories", "type_id", "usage-categories"),
        ],
        translated: true,
        ..list("types", "ticket_types", "list-types")
    },
    ListDef {
        rights: &[names::ADMIN_LISTS_TYPE],
        usages: &[usage("tickets", "answer_type_id", "usage-tickets")],
        ..list("answer-types", "answer_types", "list-answer-types")
    },
    ListDef {
        columns: &[
            NAME,
            required(
                "minutes",
                "list-col-minutes",
                ColumnKind::Number {
                    min: 1,
                    max: 1_000_000,
                },
            ),
        ],
        order_by: "minutes, id",
        translated: true,
        ..list("times", "time_values", "list-times")
    },
    ListDef {
        usages: &[usage("tickets", "place_id", "usage-tickets")],
        ..list("places", "places", "list-places")
    },
    ListDef {
        columns: &[
            NAME,
            required("ticket_id", "list-col-ticket", ColumnKind::Ticket),
        ],
        has_disabled: false,
        ..list("templates", "ticket_templates", "list-templates")
    },
    ListDef {
        usages: &[
            usage("user_services", "service_id", "usage-users"),
            usage("tickets", "service_id", "usage-tickets"),
            usage("tickets", "sender_service_id", "usage-tickets-sender"),
            usage("groups", "service_id", "usage-groups"),
            usage("categories", "service_id", "usage-categories"),
            usage("subcategories", "service_id", "usage-subcategories"),
            usage("criticalities", "service_id", "usage-criticalities"),
            usage("priorities", "service_id", "usage-priorities"),
            usage("ticket_types", "service_id", "usage-types"),
        ],
        ..list("services", "services", "list-services")
    },
    ListDef {
        columns: &[
            NAME,
            col("address", "list-col-address", ColumnKind::Text { max: 200 }),
            col("zip", "list-col-zip", ColumnKind::Text { max: 20 }),
            col("city", "list-col-city", ColumnKind::Text { max: 100 }),
            col("country", "list-col-country", ColumnKind::Text { max: 100 }),
            col(
                "legal_status",
                "list-col-legal-status",
                ColumnKind::Text { max: 256 },
            ),
            col("siret", "list-col-siret", ColumnKind::Text { max: 20 }),
            col("vat", "list-col-vat", ColumnKind::Text { max: 20 }),
            col("comment", "list-col-comment", ColumnKind::Text { max: 512 }),
            col(
                "information_message",
                "list-col-information-message",
                ColumnKind::Text { max: 2048 },
            ),
            gated(
                "limit_ticket_number",
                "list-col-limit-number",
                ColumnKind::Number {
                    min: 0,
                    max: 1_000_000,
                },
                settings::COMPANY_LIMIT_TICKET,
            ),
            gated(
                "limit_ticket_days",
                "list-col-limit-days",
                ColumnKind::Number {
                    min: 0,
                    max: 36_500,
                },
                settings::COMPANY_LIMIT_TICKET,
            ),
            gated(
                "limit_ticket_date_start",
                "list-col-limit-start",
                ColumnKind::Date,
                settings::COMPANY_LIMIT_TICKET,
            ),
            gated(
                "limit_hour_number",
                "list-col-limit-hours",
                ColumnKind::Number {
                    min: 0,
                    max: 1_000_000,
                },
                settings::COMPANY_LIMIT_HOUR,
            ),
            gated(
                "limit_hour_days",
                "list-col-limit-hour-days",
                ColumnKind::Number {
                    min: 0,
                    max: 36_500,
                },
                settings::COMPANY_LIMIT_HOUR,
            ),
            gated(
                "limit_hour_date_start",
                "list-col-limit-hour-start",
                ColumnKind::Date,
                settings::COMPANY_LIMIT_HOUR,
            ),
        ],
        usages: &[
            usage("users", "company_id", "usage-users"),
            usage("procedures", "company_id", "usage-procedures"),
        ],
        ..list("companies", "companies", "list-companies")
    },
    ListDef {
        columns: &[NAME, col("mail", "list-col-mail", ColumnKind::Mail)],
        usages: &[
            usage("user_agencies", "agency_id", "usage-users"),
            usage("tickets", "agency_id", "usage-tickets"),
        ],
        gate: Some(settings::USER_AGENCY),
        ..list("agencies", "agencies", "list-agencies")
    },
    ListDef {
        columns: &[
            NAME,
            col(
                "virtualization",
                "list-col-virtualization",
                ColumnKind::Flag,
            ),
        ],
        usages: &[usage("asset_models", "type_id", "usage-models")],
        translated: true,
        ..list("asset-types", "asset_types", "list-asset-types")
    },
    ListDef {
        usages: &[usage("asset_models", "manufacturer_id", "usage-models")],
        ..list(
            "asset-manufacturers",
            "asset_manufacturers",
            "list-asset-manufacturers",
        )
    },
    ListDef {
        columns: &[
            NAME,
            col(
                "type_id",
                "list-col-asset-type",
                ColumnKind::Ref("asset-types"),
            ),
            col(
                "manufacturer_id",
                "list-col-manufacturer",
                ColumnKind::Ref("asset-manufacturers"),
            ),
            col("has_ip", "list-col-ip", ColumnKind::Flag),
            col("has_wifi", "list-col-wifi", ColumnKind::Flag),
            col(
                "warranty_years",
                "list-col-warranty",
                ColumnKind::Number { min: 0, max: 50 },
            ),
        ],
        ..list("asset-models", "asset_models", "list-asset-models")
    },
    ListDef {
        columns: &[
            NAME,
            POSITION,
            COLOR,
            col("block_ip_search", "list-col-block-ip", ColumnKind::Flag),
        ],
        order_by: "position, id",
        translated: true,
        ..list("asset-states", "asset_states", "list-asset-states")
    },
    ListDef {
        columns: &[
            NAME,
            required("network", "list-col-network", ColumnKind::Ipv4),
            required("netmask", "list-col-netmask", ColumnKind::Netmask),
            col("scan", "list-col-scan", ColumnKind::Flag),
        ],
        ..list("asset-networks", "asset_networks", "list-asset-networks")
    },
    list("asset-locations", "asset_locations", "list-asset-locations"),
    ListDef {
        translated: true,
        ..list("iface-roles", "asset_iface_roles", "list-iface-roles")
    },
];

/// The list with code `code`.
pub fn find(code: &str) -> Option<&'static ListDef> {
    ALL.iter().find(|l| l.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_point_to_declared_lists() {
        for l in ALL {
            for c in l.columns {
                if let ColumnKind::Ref(target) = c.kind {
                    assert!(find(target).is_some(), "{}.{} -> {target}", l.code, c.name);
                }
            }
            assert!(
                l.columns.iter().any(|c| c.kind == ColumnKind::Name),
                "{}",
                l.code
            );
        }
    }

    #[test]
    fn titles_columns_and_usages_are_translated() {
        for l in ALL {
            let keys = std::iter::once(l.title)
                .chain(l.columns.iter().map(|c| c.label))
                .chain(l.usages.iter().map(|u| u.label));
            for key in keys {
                for lang in crate::i18n::Lang::ALL {
                    assert!(lang.has(key), "{} {key}", lang.code());
                }
            }
        }
    }

    #[test]
    fn codes_are_unique() {
        for (i, a) in ALL.iter().enumerate() {
            assert!(ALL[i + 1..].iter().all(|b| b.code != a.code), "{}", a.code);
        }
    }
}
