//! Every right of GestSup's matrix as a typed name, in the matrix's order: the code checks a
//! [`Right`], never a string, so a misspelt right does not compile. The list is the one the
//! migrations seed (a test checks it), with sets of rights some pages accept.

use super::Right;

// global
/// The search box of the ticket lists, and searching them.
pub const SEARCH: Right = Right("search");
pub const TASK_CHECKBOX: Right = Right("task_checkbox");

// procedure
pub const PROCEDURE: Right = Right("procedure");
pub const PROCEDURE_ADD: Right = Right("procedure_add");
pub const PROCEDURE_DELETE: Right = Right("procedure_delete");
pub const PROCEDURE_MODIFY: Right = Right("procedure_modify");
pub const PROCEDURE_COMPANY: Right = Right("procedure_company");
pub const PROCEDURE_LIST_COMPANY_ONLY: Right = Right("procedure_list_company_only");

// stat
pub const STAT: Right = Right("stat");
pub const STAT_TICKET_TIME_BY_STATES: Right = Right("stat_ticket_time_by_states");

// planning
pub const PLANNING: Right = Right("planning");
pub const PLANNING_TECH_COLOR: Right = Right("planning_tech_color");
pub const PLANNING_DIRECT_EVENT: Right = Right("planning_direct_event");

// global
pub const PROJECT: Right = Right("project");
pub const CONTRACT: Right = Right("contract");
pub const AVAILABILITY: Right = Right("availability");
pub const ASSET: Right = Right("asset");

// asset
pub const ASSET_NET_SCAN: Right = Right("asset_net_scan");
pub const ASSET_DELETE: Right = Right("asset_delete");
pub const ASSET_VIRTUALIZATION_DISP: Right = Right("asset_virtualization_disp");
pub const ASSET_LOCATION_DISP: Right = Right("asset_location_disp");

// asset_list
pub const ASSET_LIST_DEPARTMENT_ONLY: Right = Right("asset_list_department_only");
pub const ASSET_LIST_COMPANY_ONLY: Right = Right("asset_list_company_only");
pub const ASSET_LIST_TENANT_ONLY: Right = Right("asset_list_tenant_only");
pub const ASSET_LIST_VIEW_ONLY: Right = Right("asset_list_view_only");
pub const ASSET_LIST_COL_LOCATION: Right = Right("asset_list_col_location");
pub const ASSET_LIST_COL_SN_MANUFACTURER: Right = Right("asset_list_col_sn_manufacturer");
pub const ASSET_LIST_COL_TENANT: Right = Right("asset_list_col_tenant");

// global
/// The whole Administration menu and its pages.
pub const ADMIN: Right = Right("admin");

// admin
/// Administration > Groups only.
pub const ADMIN_GROUPS: Right = Right("admin_groups");

// admin_lists
/// Administration > Lists only.
pub const ADMIN_LISTS: Right = Right("admin_lists");
/// Administration > Lists > Categories only.
pub const ADMIN_LISTS_CATEGORY: Right = Right("admin_lists_category");
/// Administration > Lists > Subcategories only.
pub const ADMIN_LISTS_SUBCAT: Right = Right("admin_lists_subcat");
/// Administration > Lists > Criticalities only.
pub const ADMIN_LISTS_CRITICALITY: Right = Right("admin_lists_criticality");
/// Administration > Lists > Priorities only.
pub const ADMIN_LISTS_PRIORITY: Right = Right("admin_lists_priority");
/// Administration > Lists > Ticket types only.
pub const ADMIN_LISTS_TYPE: Right = Right("admin_lists_type");

// admin
/// Changing the profile of users.
pub const ADMIN_USER_PROFILE: Right = Right("admin_user_profile");
/// Changing the personal views of other users.
pub const ADMIN_USER_VIEW: Right = Right("admin_user_view");
/// Administration > Backups only.
pub const ADMIN_BACKUP: Right = Right("admin_backup");

// dashboard
pub const DASHBOARD_SERVICE_ONLY: Right = Right("dashboard_service_only");
pub const DASHBOARD_AGENCY_ONLY: Right = Right("dashboard_agency_only");
pub const DASHBOARD_FIRSTNAME: Right = Right("dashboard_firstname");

// dashboard_col
pub const DASHBOARD_COL_TECHNICIAN: Right = Right("dashboard_col_technician");
pub const DASHBOARD_COL_USER_SERVICE: Right = Right("dashboard_col_user_service");
pub const DASHBOARD_COL_SERVICE: Right = Right("dashboard_col_service");
pub const DASHBOARD_COL_AGENCY: Right = Right("dashboard_col_agency");
pub const DASHBOARD_COL_COMPANY: Right = Right("dashboard_col_company");
pub const DASHBOARD_COL_TYPE: Right = Right("dashboard_col_type");
pub const DASHBOARD_COL_CATEGORY: Right = Right("dashboard_col_category");
pub const DASHBOARD_COL_SUBCAT: Right = Right("dashboard_col_subcat");
pub const DASHBOARD_COL_ASSET: Right = Right("dashboard_col_asset");
pub const DASHBOARD_COL_CRITICALITY: Right = Right("dashboard_col_criticality");
pub const DASHBOARD_COL_PRIORITY: Right = Right("dashboard_col_priority");
pub const DASHBOARD_COL_DATE_CREATE: Right = Right("dashboard_col_date_create");
pub const DASHBOARD_COL_DATE_CREATE_HOUR: Right = Right("dashboard_col_date_create_hour");
pub const DASHBOARD_COL_DATE_HOPE: Right = Right("dashboard_col_date_hope");
pub const DASHBOARD_COL_DATE_RES: Right = Right("dashboard_col_date_res");
pub const DASHBOARD_COL_DATE_MODIF: Right = Right("dashboard_col_date_modif");
pub const DASHBOARD_COL_TIME: Right = Right("dashboard_col_time");

// global
pub const USERBAR: Right = Right("userbar");
pub const SIDE: Right = Right("side");

// side
pub const SIDE_OPEN_TICKET: Right = Right("side_open_ticket");
pub const SIDE_ASSET_CREATE: Right = Right("side_asset_create");
pub const SIDE_ASSET_ALL_STATE: Right = Right("side_asset_all_state");

// side_your
pub const SIDE_YOUR: Right = Right("side_your");
pub const SIDE_YOUR_NOT_READ: Right = Right("side_your_not_read");
pub const SIDE_YOUR_NOT_ATTRIBUTE: Right = Right("side_your_not_attribute");
pub const SIDE_YOUR_META: Right = Right("side_your_meta");
pub const SIDE_YOUR_TECH_GROUP: Right = Right("side_your_tech_group");
pub const SIDE_YOUR_OBSERVER: Right = Right("side_your_observer");

// side
pub const SIDE_GROUP: Right = Right("side_group");

// side_all
pub const SIDE_ALL: Right = Right("side_all");
pub const SIDE_ALL_WAIT: Right = Right("side_all_wait");
pub const SIDE_ALL_META: Right = Right("side_all_meta");
pub const SIDE_ALL_SERVICE_DISP: Right = Right("side_all_service_disp");
pub const SIDE_ALL_SERVICE_EDIT: Right = Right("side_all_service_edit");
pub const SIDE_ALL_AGENCY_DISP: Right = Right("side_all_agency_disp");
pub const SIDE_ALL_AGENCY_EDIT: Right = Right("side_all_agency_edit");

// side
pub const SIDE_COMPANY: Right = Right("side_company");
pub const SIDE_VIEW: Right = Right("side_view");

// ticket
pub const TICKET_NEXT: Right = Right("ticket_next");
pub const TICKET_PRINT: Right = Right("ticket_print");
pub const TICKET_FUSION: Right = Right("ticket_fusion");
pub const TICKET_TEMPLATE: Right = Right("ticket_template");
pub const TICKET_CALENDAR: Right = Right("ticket_calendar");
pub const TICKET_EVENT: Right = Right("ticket_event");
pub const TICKET_SAVE: Right = Right("ticket_save");
pub const TICKET_TYPE: Right = Right("ticket_type");
pub const TICKET_TYPE_DISP: Right = Right("ticket_type_disp");
pub const TICKET_TYPE_SERVICE_LIMIT: Right = Right("ticket_type_service_limit");
pub const TICKET_TYPE_MANDATORY: Right = Right("ticket_type_mandatory");
pub const TICKET_TYPE_ANSWER_DISP: Right = Right("ticket_type_answer_disp");
pub const TICKET_SERVICE: Right = Right("ticket_service");
pub const TICKET_SERVICE_DISP: Right = Right("ticket_service_disp");
pub const TICKET_SERVICE_MANDATORY: Right = Right("ticket_service_mandatory");
pub const TICKET_USER: Right = Right("ticket_user");
pub const TICKET_USER_DISP: Right = Right("ticket_user_disp");
pub const TICKET_USER_MANDATORY: Right = Right("ticket_user_mandatory");
/// Quick add and edit of a requester from a form.
pub const TICKET_USER_ACTIONS: Right = Right("ticket_user_actions");
pub const TICKET_USER_COMPANY: Right = Right("ticket_user_company");
pub const TICKET_USER_MAIL: Right = Right("ticket_user_mail");
pub const TICKET_USER_MOBILE: Right = Right("ticket_user_mobile");
pub const TICKET_USER_INFO_MOBILE: Right = Right("ticket_user_info_mobile");
pub const TICKET_OBSERVER: Right = Right("ticket_observer");
pub const TICKET_OBSERVER_DISP: Right = Right("ticket_observer_disp");
pub const TICKET_TECH: Right = Right("ticket_tech");
pub const TICKET_TECH_DISP: Right = Right("ticket_tech_disp");
pub const TICKET_TECH_SERVICE_LOCK: Right = Right("ticket_tech_service_lock");
pub const TICKET_TECH_MANDATORY: Right = Right("ticket_tech_mandatory");
pub const TICKET_TECH_ADMIN: Right = Right("ticket_tech_admin");
pub const TICKET_TECH_SUPER: Right = Right("ticket_tech_super");
pub const TICKET_ASSET: Right = Right("ticket_asset");
pub const TICKET_ASSET_DISP: Right = Right("ticket_asset_disp");
pub const TICKET_ASSET_MANDATORY: Right = Right("ticket_asset_mandatory");
pub const TICKET_ASSET_USER_ONLY: Right = Right("ticket_asset_user_only");
pub const TICKET_ASSET_TYPE: Right = Right("ticket_asset_type");
pub const TICKET_ASSET_MODEL: Right = Right("ticket_asset_model");
pub const TICKET_CAT: Right = Right("ticket_cat");
pub const TICKET_CAT_DISP: Right = Right("ticket_cat_disp");
pub const TICKET_CAT_ACTIONS: Right = Right("ticket_cat_actions");
pub const TICKET_CAT_MANDATORY: Right = Right("ticket_cat_mandatory");
pub const TICKET_CAT_SERVICE_ONLY: Right = Right("ticket_cat_service_only");
pub const TICKET_SUBCAT_DISP: Right = Right("ticket_subcat_disp");
pub const TICKET_AGENCY: Right = Right("ticket_agency");
pub const TICKET_AGENCY_MANDATORY: Right = Right("ticket_agency_mandatory");
pub const TICKET_SENDER_SERVICE_DISP: Right = Right("ticket_sender_service_disp");
pub const TICKET_PLACE: Right = Right("ticket_place");
pub const TICKET_PLACE_MANDATORY: Right = Right("ticket_place_mandatory");
pub const TICKET_TITLE: Right = Right("ticket_title");
pub const TICKET_TITLE_DISP: Right = Right("ticket_title_disp");
pub const TICKET_TITLE_MANDATORY: Right = Right("ticket_title_mandatory");
pub const TICKET_DESCRIPTION: Right = Right("ticket_description");
pub const TICKET_DESCRIPTION_DISP: Right = Right("ticket_description_disp");
pub const TICKET_DESCRIPTION_MANDATORY: Right = Right("ticket_description_mandatory");
pub const TICKET_DESCRIPTION_INSERT_IMAGE: Right = Right("ticket_description_insert_image");
pub const TICKET_RESOLUTION_DISP: Right = Right("ticket_resolution_disp");
pub const TICKET_RESOLUTION_INSERT_IMAGE: Right = Right("ticket_resolution_insert_image");
pub const TICKET_RESOLUTION_TEXT_ONLY: Right = Right("ticket_resolution_text_only");
pub const TICKET_ATTACHMENT: Right = Right("ticket_attachment");
pub const TICKET_ATTACHMENT_DELETE: Right = Right("ticket_attachment_delete");
pub const TICKET_DATE_CREATE: Right = Right("ticket_date_create");
pub const TICKET_DATE_CREATE_DISP: Right = Right("ticket_date_create_disp");
pub const TICKET_DATE_HOPE: Right = Right("ticket_date_hope");
pub const TICKET_DATE_HOPE_DISP: Right = Right("ticket_date_hope_disp");
pub const TICKET_DATE_HOPE_MANDATORY: Right = Right("ticket_date_hope_mandatory");
pub const TICKET_DATE_RES: Right = Right("ticket_date_res");
pub const TICKET_DATE_RES_DISP: Right = Right("ticket_date_res_disp");
pub const TICKET_TIME: Right = Right("ticket_time");
pub const TICKET_TIME_DISP: Right = Right("ticket_time_disp");
pub const TICKET_TIME_HOPE: Right = Right("ticket_time_hope");
pub const TICKET_TIME_HOPE_DISP: Right = Right("ticket_time_hope_disp");
pub const TICKET_PRIORITY: Right = Right("ticket_priority");
pub const TICKET_PRIORITY_DISP: Right = Right("ticket_priority_disp");
pub const TICKET_PRIORITY_MANDATORY: Right = Right("ticket_priority_mandatory");
pub const TICKET_PRIORITY_SERVICE_LIMIT: Right = Right("ticket_priority_service_limit");
pub const TICKET_CRITICALITY: Right = Right("ticket_criticality");
pub const TICKET_CRITICALITY_DISP: Right = Right("ticket_criticality_disp");
pub const TICKET_CRITICALITY_MANDATORY: Right = Right("ticket_criticality_mandatory");
pub const TICKET_CRITICALITY_SERVICE_LIMIT: Right = Right("ticket_criticality_service_limit");
pub const TICKET_BILLABLE: Right = Right("ticket_billable");
pub const TICKET_STATE: Right = Right("ticket_state");
pub const TICKET_STATE_DISP: Right = Right("ticket_state_disp");
pub const TICKET_USER_VALIDATION: Right = Right("ticket_user_validation");
pub const TICKET_AVAILABILITY: Right = Right("ticket_availability");
pub const TICKET_AVAILABILITY_DISP: Right = Right("ticket_availability_disp");
pub const TICKET_DELETE: Right = Right("ticket_delete");
pub const TICKET_CLOSE: Right = Right("ticket_close");
pub const TICKET_REOPEN: Right = Right("ticket_reopen");

// ticket_thread
pub const TICKET_THREAD_ADD: Right = Right("ticket_thread_add");
pub const TICKET_THREAD_DELETE: Right = Right("ticket_thread_delete");
pub const TICKET_THREAD_DELETE_ALL: Right = Right("ticket_thread_delete_all");
pub const TICKET_THREAD_EDIT: Right = Right("ticket_thread_edit");
pub const TICKET_THREAD_EDIT_ALL: Right = Right("ticket_thread_edit_all");
pub const TICKET_THREAD_POST: Right = Right("ticket_thread_post");
pub const TICKET_THREAD_PRIVATE: Right = Right("ticket_thread_private");
pub const TICKET_THREAD_PRIVATE_BUTTON: Right = Right("ticket_thread_private_button");

// ticket
pub const TICKET_SAVE_CLOSE: Right = Right("ticket_save_close");
pub const TICKET_SEND_MAIL: Right = Right("ticket_send_mail");
pub const TICKET_CANCEL: Right = Right("ticket_cancel");

// ticket_new
pub const TICKET_NEW_TYPE: Right = Right("ticket_new_type");
pub const TICKET_NEW_TYPE_DISP: Right = Right("ticket_new_type_disp");
pub const TICKET_NEW_SERVICE: Right = Right("ticket_new_service");
pub const TICKET_NEW_SERVICE_DISP: Right = Right("ticket_new_service_disp");
pub const TICKET_NEW_USER: Right = Right("ticket_new_user");
pub const TICKET_NEW_USER_DISP: Right = Right("ticket_new_user_disp");
pub const TICKET_NEW_TECH_DISP: Right = Right("ticket_new_tech_disp");
pub const TICKET_NEW_ASSET_DISP: Right = Right("ticket_new_asset_disp");
pub const TICKET_NEW_CAT: Right = Right("ticket_new_cat");
pub const TICKET_NEW_CAT_DISP: Right = Right("ticket_new_cat_disp");
pub const TICKET_NEW_RESOLUTION_DISP: Right = Right("ticket_new_resolution_disp");
pub const TICKET_NEW_SEND: Right = Right("ticket_new_send");
pub const TICKET_NEW_SAVE: Right = Right("ticket_new_save");

// user_profil
/// Changing one's own company on the profile page.
pub const USER_PROFIL_COMPANY: Right = Right("user_profil_company");
/// Changing one's own services on the profile page.
pub const USER_PROFIL_SERVICE: Right = Right("user_profil_service");
/// Changing one's own agencies on the profile page.
pub const USER_PROFIL_AGENCY: Right = Right("user_profil_agency");

/// Every right, in the matrix's order.
pub const ALL: [Right; 195] = [
    SEARCH,
    TASK_CHECKBOX,
    PROCEDURE,
    PROCEDURE_ADD,
    PROCEDURE_DELETE,
    PROCEDURE_MODIFY,
    PROCEDURE_COMPANY,
    PROCEDURE_LIST_COMPANY_ONLY,
    STAT,
    STAT_TICKET_TIME_BY_STATES,
    PLANNING,
    PLANNING_TECH_COLOR,
    PLANNING_DIRECT_EVENT,
    PROJECT,
    CONTRACT,
    AVAILABILITY,
    ASSET,
    ASSET_NET_SCAN,
    ASSET_DELETE,
    ASSET_VIRTUALIZATION_DISP,
    ASSET_LOCATION_DISP,
    ASSET_LIST_DEPARTMENT_ONLY,
    ASSET_LIST_COMPANY_ONLY,
    ASSET_LIST_TENANT_ONLY,
    ASSET_LIST_VIEW_ONLY,
    ASSET_LIST_COL_LOCATION,
    ASSET_LIST_COL_SN_MANUFACTURER,
    ASSET_LIST_COL_TENANT,
    ADMIN,
    ADMIN_GROUPS,
    ADMIN_LISTS,
    ADMIN_LISTS_CATEGORY,
    ADMIN_LISTS_SUBCAT,
    ADMIN_LISTS_CRITICALITY,
    ADMIN_LISTS_PRIORITY,
    ADMIN_LISTS_TYPE,
    ADMIN_USER_PROFILE,
    ADMIN_USER_VIEW,
    ADMIN_BACKUP,
    DASHBOARD_SERVICE_ONLY,
    DASHBOARD_AGENCY_ONLY,
    DASHBOARD_FIRSTNAME,
    DASHBOARD_COL_TECHNICIAN,
    DASHBOARD_COL_USER_SERVICE,
    DASHBOARD_COL_SERVICE,
    DASHBOARD_COL_AGENCY,
    DASHBOARD_COL_COMPANY,
    DASHBOARD_COL_TYPE,
    DASHBOARD_COL_CATEGORY,
    DASHBOARD_COL_SUBCAT,
    DASHBOARD_COL_ASSET,
    DASHBOARD_COL_CRITICALITY,
    DASHBOARD_COL_PRIORITY,
    DASHBOARD_COL_DATE_CREATE,
    DASHBOARD_COL_DATE_CREATE_HOUR,
    DASHBOARD_COL_DATE_HOPE,
    DASHBOARD_COL_DATE_RES,
    DASHBOARD_COL_DATE_MODIF,
    DASHBOARD_COL_TIME,
    USERBAR,
    SIDE,
    SIDE_OPEN_TICKET,
    SIDE_ASSET_CREATE,
    SIDE_ASSET_ALL_STATE,
    SIDE_YOUR,
    SIDE_YOUR_NOT_READ,
    SIDE_YOUR_NOT_ATTRIBUTE,
    SIDE_YOUR_META,
    SIDE_YOUR_TECH_GROUP,
    SIDE_YOUR_OBSERVER,
    SIDE_GROUP,
    SIDE_ALL,
    SIDE_ALL_WAIT,
    SIDE_ALL_META,
    SIDE_ALL_SERVICE_DISP,
    SIDE_ALL_SERVICE_EDIT,
    SIDE_ALL_AGENCY_DISP,
    SIDE_ALL_AGENCY_EDIT,
    SIDE_COMPANY,
    SIDE_VIEW,
    TICKET_NEXT,
    TICKET_PRINT,
    TICKET_FUSION,
    TICKET_TEMPLATE,
    TICKET_CALENDAR,
    TICKET_EVENT,
    TICKET_SAVE,
    TICKET_TYPE,
    TICKET_TYPE_DISP,
    TICKET_TYPE_SERVICE_LIMIT,
    TICKET_TYPE_MANDATORY,
    TICKET_TYPE_ANSWER_DISP,
    TICKET_SERVICE,
    TICKET_SERVICE_DISP,
    TICKET_SERVICE_MANDATORY,
    TICKET_USER,
    TICKET_USER_DISP,
    TICKET_USER_MANDATORY,
    TICKET_USER_ACTIONS,
    TICKET_USER_COMPANY,
    TICKET_USER_MAIL,
    TICKET_USER_MOBILE,
    TICKET_USER_INFO_MOBILE,
    TICKET_OBSERVER,
    TICKET_OBSERVER_DISP,
    TICKET_TECH,
    TICKET_TECH_DISP,
    TICKET_TECH_SERVICE_LOCK,
    TICKET_TECH_MANDATORY,
    TICKET_TECH_ADMIN,
    TICKET_TECH_SUPER,
    TICKET_ASSET,
    TICKET_ASSET_DISP,
    TICKET_ASSET_MANDATORY,
    TICKET_ASSET_USER_ONLY,
    TICKET_ASSET_TYPE,
    TICKET_ASSET_MODEL,
    TICKET_CAT,
    TICKET_CAT_DISP,
    TICKET_CAT_ACTIONS,
    TICKET_CAT_MANDATORY,
    TICKET_CAT_SERVICE_ONLY,
    TICKET_SUBCAT_DISP,
    TICKET_AGENCY,
    TICKET_AGENCY_MANDATORY,
    TICKET_SENDER_SERVICE_DISP,
    TICKET_PLACE,
    TICKET_PLACE_MANDATORY,
    TICKET_TITLE,
    TICKET_TITLE_DISP,
    TICKET_TITLE_MANDATORY,
    TICKET_DESCRIPTION,
    TICKET_DESCRIPTION_DISP,
    TICKET_DESCRIPTION_MANDATORY,
    TICKET_DESCRIPTION_INSERT_IMAGE,
    TICKET_RESOLUTION_DISP,
    TICKET_RESOLUTION_INSERT_IMAGE,
    TICKET_RESOLUTION_TEXT_ONLY,
    TICKET_ATTACHMENT,
    TICKET_ATTACHMENT_DELETE,
    TICKET_DATE_CREATE,
    TICKET_DATE_CREATE_DISP,
    TICKET_DATE_HOPE,
    TICKET_DATE_HOPE_DISP,
    TICKET_DATE_HOPE_MANDATORY,
    TICKET_DATE_RES,
    TICKET_DATE_RES_DISP,
    TICKET_TIME,
    TICKET_TIME_DISP,
    TICKET_TIME_HOPE,
    TICKET_TIME_HOPE_DISP,
    TICKET_PRIORITY,
    TICKET_PRIORITY_DISP,
    TICKET_PRIORITY_MANDATORY,
    TICKET_PRIORITY_SERVICE_LIMIT,
    TICKET_CRITICALITY,
    TICKET_CRITICALITY_DISP,
    TICKET_CRITICALITY_MANDATORY,
    TICKET_CRITICALITY_SERVICE_LIMIT,
    TICKET_BILLABLE,
    TICKET_STATE,
    TICKET_STATE_DISP,
    TICKET_USER_VALIDATION,
    TICKET_AVAILABILITY,
    TICKET_AVAILABILITY_DISP,
    TICKET_DELETE,
    TICKET_CLOSE,
    TICKET_REOPEN,
    TICKET_THREAD_ADD,
    TICKET_THREAD_DELETE,
    TICKET_THREAD_DELETE_ALL,
    TICKET_THREAD_EDIT,
    TICKET_THREAD_EDIT_ALL,
    TICKET_THREAD_POST,
    TICKET_THREAD_PRIVATE,
    TICKET_THREAD_PRIVATE_BUTTON,
    TICKET_SAVE_CLOSE,
    TICKET_SEND_MAIL,
    TICKET_CANCEL,
    TICKET_NEW_TYPE,
    TICKET_NEW_TYPE_DISP,
    TICKET_NEW_SERVICE,
    TICKET_NEW_SERVICE_DISP,
    TICKET_NEW_USER,
    TICKET_NEW_USER_DISP,
    TICKET_NEW_TECH_DISP,
    TICKET_NEW_ASSET_DISP,
    TICKET_NEW_CAT,
    TICKET_NEW_CAT_DISP,
    TICKET_NEW_RESOLUTION_DISP,
    TICKET_NEW_SEND,
    TICKET_NEW_SAVE,
    USER_PROFIL_COMPANY,
    USER_PROFIL_SERVICE,
    USER_PROFIL_AGENCY,
];

/// Whoever may open Administration > Backups.
pub const ANY_BACKUP: &[Right] = &[ADMIN, ADMIN_BACKUP];
/// Whoever may open Administration > Lists at all.
pub const ANY_LISTS: &[Right] = &[
    ADMIN,
    ADMIN_LISTS,
    ADMIN_LISTS_CATEGORY,
    ADMIN_LISTS_SUBCAT,
    ADMIN_LISTS_CRITICALITY,
    ADMIN_LISTS_PRIORITY,
    ADMIN_LISTS_TYPE,
];
/// Whoever may open Administration > Groups.
pub const ANY_GROUPS: &[Right] = &[ADMIN, ADMIN_GROUPS];
