//! The rights of GestSup's matrix that take no effect in this version, each with why. They are
//! kept (an imported GestSup site keeps its grants, and they will apply once their function
//! exists) and the rights page says of each that it does nothing yet. Every other right takes
//! effect on the server; a story walks them all.

/// Why a right does nothing yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Its function is not in this version (assets, calendar, statistics, availability,
    /// projects, contracts).
    Function(Function),
    /// A ticket option not in this version (observers, merging, printing, billing ...).
    TicketOption,
    /// A ticket list or menu option not in this version.
    ListOption,
}

/// A function this version does not have yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    Assets,
    Calendar,
    Statistics,
    Availability,
    Projects,
    Contracts,
}

impl Pending {
    /// The translation key of the sentence that says so.
    pub fn message_key(self) -> &'static str {
        match self {
            Pending::Function(Function::Assets) => "rights-pending-assets",
            Pending::Function(Function::Calendar) => "rights-pending-calendar",
            Pending::Function(Function::Statistics) => "rights-pending-statistics",
            Pending::Function(Function::Availability) => "rights-pending-availability",
            Pending::Function(Function::Projects) => "rights-pending-projects",
            Pending::Function(Function::Contracts) => "rights-pending-contracts",
            Pending::TicketOption => "rights-pending-ticket",
            Pending::ListOption => "rights-pending-list",
        }
    }
}

use Function::{Assets, Availability, Calendar, Contracts, Projects, Statistics};
use Pending::{ListOption, TicketOption};

/// Every right without effect in this version.
pub const PENDING: &[(&str, Pending)] = &[
    ("task_checkbox", ListOption),
    ("stat", Pending::Function(Statistics)),
    ("stat_ticket_time_by_states", Pending::Function(Statistics)),
    ("planning", Pending::Function(Calendar)),
    ("planning_tech_color", Pending::Function(Calendar)),
    ("planning_direct_event", Pending::Function(Calendar)),
    ("project", Pending::Function(Projects)),
    ("contract", Pending::Function(Contracts)),
    ("availability", Pending::Function(Availability)),
    ("asset", Pending::Function(Assets)),
    ("asset_net_scan", Pending::Function(Assets)),
    ("asset_delete", Pending::Function(Assets)),
    ("asset_virtualization_disp", Pending::Function(Assets)),
    ("asset_location_disp", Pending::Function(Assets)),
    ("asset_list_department_only", Pending::Function(Assets)),
    ("asset_list_company_only", Pending::Function(Assets)),
    ("asset_list_tenant_only", Pending::Function(Assets)),
    ("asset_list_view_only", Pending::Function(Assets)),
    ("asset_list_col_location", Pending::Function(Assets)),
    ("asset_list_col_sn_manufacturer", Pending::Function(Assets)),
    ("asset_list_col_tenant", Pending::Function(Assets)),
    ("dashboard_service_only", ListOption),
    ("dashboard_agency_only", ListOption),
    ("dashboard_firstname", ListOption),
    ("dashboard_col_asset", Pending::Function(Assets)),
    ("side", ListOption),
    ("side_asset_create", Pending::Function(Assets)),
    ("side_asset_all_state", Pending::Function(Assets)),
    ("side_your_not_attribute", ListOption),
    ("side_your_observer", TicketOption),
    ("side_group", ListOption),
    ("side_all_wait", ListOption),
    ("side_all_service_edit", ListOption),
    ("side_all_agency_edit", ListOption),
    ("ticket_next", TicketOption),
    ("ticket_print", TicketOption),
    ("ticket_fusion", TicketOption),
    ("ticket_calendar", Pending::Function(Calendar)),
    ("ticket_type_service_limit", TicketOption),
    ("ticket_type_answer_disp", TicketOption),
    ("ticket_user_mail", TicketOption),
    ("ticket_user_mobile", TicketOption),
    ("ticket_user_info_mobile", TicketOption),
    ("ticket_observer", TicketOption),
    ("ticket_observer_disp", TicketOption),
    ("ticket_tech_service_lock", TicketOption),
    ("ticket_tech_admin", TicketOption),
    ("ticket_tech_super", TicketOption),
    ("ticket_asset", Pending::Function(Assets)),
    ("ticket_asset_disp", Pending::Function(Assets)),
    ("ticket_asset_mandatory", Pending::Function(Assets)),
    ("ticket_asset_user_only", Pending::Function(Assets)),
    ("ticket_asset_type", Pending::Function(Assets)),
    ("ticket_asset_model", Pending::Function(Assets)),
    ("ticket_cat_service_only", TicketOption),
    ("ticket_sender_service_disp", TicketOption),
    ("ticket_resolution_text_only", TicketOption),
    ("ticket_priority_service_limit", TicketOption),
    ("ticket_criticality_service_limit", TicketOption),
    ("ticket_billable", TicketOption),
    ("ticket_availability", Pending::Function(Availability)),
    ("ticket_availability_disp", Pending::Function(Availability)),
    ("ticket_delete", TicketOption),
    ("ticket_reopen", TicketOption),
    ("ticket_thread_add", TicketOption),
    ("ticket_thread_private_button", TicketOption),
    ("ticket_cancel", TicketOption),
    ("ticket_new_asset_disp", Pending::Function(Assets)),
    ("ticket_new_resolution_disp", TicketOption),
    ("ticket_new_send", TicketOption),
    ("ticket_new_save", TicketOption),
];

/// Why `right` does nothing yet, if it does nothing yet.
pub fn pending(right: &str) -> Option<Pending> {
    PENDING.iter().find(|(r, _)| *r == right).map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pending_right_is_listed_once() {
        for (i, (a, _)) in PENDING.iter().enumerate() {
            assert!(
                PENDING[i + 1..].iter().all(|(b, _)| a != b),
                "{a} listed twice"
            );
        }
    }
}
