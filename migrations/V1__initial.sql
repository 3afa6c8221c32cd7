-- Gestdesk core schema: people, profiles and rights, sessions, settings, every editable list,
-- tickets with their thread and attachments.
--
-- Conventions
--   * Times are INTEGER seconds since the Unix epoch (UTC); calendar dates without a time are
--     TEXT 'YYYY-MM-DD'.
--   * "None" is NULL (GestSup used id 0 rows for it); foreign keys are enforced.
--   * Built-in list rows carry a `name_key` (a translation key) and a NULL `name`, so they show in
--     each reader's language; rows added by an administrator carry a `name` and no key.
--   * GestSup's ids are kept where importers need them (profiles 0..4, ticket states 1..6).

-- ---------------------------------------------------------------------------------------------
-- Profiles and rights
-- ---------------------------------------------------------------------------------------------
CREATE TABLE profiles (
    id       INTEGER PRIMARY KEY,              -- GestSup ids: 0 technician, 1 power user, 2 user,
                                               -- 3 supervisor, 4 administrator
    code     TEXT NOT NULL UNIQUE,
    name_key TEXT NOT NULL,
    position INTEGER NOT NULL
);

INSERT INTO profiles (id, code, name_key, position) VALUES
    (2, 'user',          'profile-user',          1),
    (1, 'power_user',    'profile-power-user',    2),
    (3, 'supervisor',    'profile-supervisor',    3),
    (0, 'technician',    'profile-technician',    4),
    (4, 'administrator', 'profile-administrator', 5);

CREATE TABLE rights (
    name     TEXT PRIMARY KEY,                 -- GestSup's right name, e.g. ticket_title_disp
    family   TEXT NOT NULL,                    -- grouping for the rights matrix
    position INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

-- A row means "granted"; no row means "denied".
CREATE TABLE profile_rights (
    profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    right_name TEXT NOT NULL REFERENCES rights(name) ON DELETE CASCADE,
    PRIMARY KEY (profile_id, right_name)
) WITHOUT ROWID;

INSERT INTO rights (name, family, position) VALUES
    ('search', 'global', 1),
    ('task_checkbox', 'global', 2),
    ('procedure', 'procedure', 3),
    ('procedure_add', 'procedure', 4),
    ('procedure_delete', 'procedure', 5),
    ('procedure_modify', 'procedure', 6),
    ('procedure_company', 'procedure', 7),
    ('procedure_list_company_only', 'procedure', 8),
    ('stat', 'stat', 9),
    ('stat_ticket_time_by_states', 'stat', 10),
    ('planning', 'planning', 11),
    ('planning_tech_color', 'planning', 12),
    ('planning_direct_event', 'planning', 13),
    ('project', 'global', 14),
    ('contract', 'global', 15),
    ('availability', 'global', 16),
    ('asset', 'global', 17),
    ('asset_net_scan', 'asset', 18),
    ('asset_delete', 'asset', 19),
    ('asset_virtualization_disp', 'asset', 20),
    ('asset_location_disp', 'asset', 21),
    ('asset_list_department_only', 'asset_list', 22),
    ('asset_list_company_only', 'asset_list', 23),
    ('asset_list_tenant_only', 'asset_list', 24),
    ('asset_list_view_only', 'asset_list', 25),
    ('asset_list_col_location', 'asset_list', 26),
    ('asset_list_col_sn_manufacturer', 'asset_list', 27),
    ('asset_list_col_tenant', 'asset_list', 28),
    ('admin', 'global', 29),
    ('admin_groups', 'admin', 30),
    ('admin_lists', 'admin_lists', 31),
    ('admin_lists_category', 'admin_lists', 32),
    ('admin_lists_subcat', 'admin_lists', 33),
    ('admin_lists_criticality', 'admin_lists', 34),
    ('admin_lists_priority', 'admin_lists', 35),
    ('admin_lists_type', 'admin_lists', 36),
    ('admin_user_profile', 'admin', 37),
    ('admin_user_view', 'admin', 38),
    ('admin_backup', 'admin', 39),
    ('dashboard_service_only', 'dashboard', 40),
    ('dashboard_agency_only', 'dashboard', 41),
    ('dashboard_firstname', 'dashboard', 42),
    ('dashboard_col_technician', 'dashboard_col', 43),
    ('dashboard_col_user_service', 'dashboard_col', 44),
    ('dashboard_col_service', 'dashboard_col', 45),
    ('dashboard_col_agency', 'dashboard_col', 46),
    ('dashboard_col_company', 'dashboard_col', 47),
    ('dashboard_col_type', 'dashboard_col', 48),
    ('dashboard_col_category', 'dashboard_col', 49),
    ('dashboard_col_subcat', 'dashboard_col', 50),
    ('dashboard_col_asset', 'dashboard_col', 51),
    ('dashboard_col_criticality', 'dashboard_col', 52),
    ('dashboard_col_priority', 'dashboard_col', 53),
    ('dashboard_col_date_create', 'dashboard_col', 54),
    ('dashboard_col_date_create_hour', 'dashboard_col', 55),
    ('dashboard_col_date_hope', 'dashboard_col', 56),
    ('dashboard_col_date_res', 'dashboard_col', 57),
    ('dashboard_col_date_modif', 'dashboard_col', 58),
    ('dashboard_col_time', 'dashboard_col', 59),
    ('userbar', 'global', 60),
    ('side', 'global', 61),
    ('side_open_ticket', 'side', 62),
    ('side_asset_create', 'side', 63),
    ('side_asset_all_state', 'side', 64),
    ('side_your', 'side_your', 65),
    ('side_your_not_read', 'side_your', 66),
    ('side_your_not_attribute', 'side_your', 67),
    ('side_your_meta', 'side_your', 68),
    ('side_your_tech_group', 'side_your', 69),
    ('side_your_observer', 'side_your', 70),
    ('side_group', 'side', 71),
    ('side_all', 'side_all', 72),
    ('side_all_wait', 'side_all', 73),
    ('side_all_meta', 'side_all', 74),
    ('side_all_service_disp', 'side_all', 75),
    ('side_all_service_edit', 'side_all', 76),
    ('side_all_agency_disp', 'side_all', 77),
    ('side_all_agency_edit', 'side_all', 78),
    ('side_company', 'side', 79),
    ('side_view', 'side', 80),
    ('ticket_next', 'ticket', 81),
    ('ticket_print', 'ticket', 82),
    ('ticket_fusion', 'ticket', 83),
    ('ticket_template', 'ticket', 84),
    ('ticket_calendar', 'ticket', 85),
    ('ticket_event', 'ticket', 86),
    ('ticket_save', 'ticket', 87),
    ('ticket_type', 'ticket', 88),
    ('ticket_type_disp', 'ticket', 89),
    ('ticket_type_service_limit', 'ticket', 90),
    ('ticket_type_mandatory', 'ticket', 91),
    ('ticket_type_answer_disp', 'ticket', 92),
    ('ticket_service', 'ticket', 93),
    ('ticket_service_disp', 'ticket', 94),
    ('ticket_service_mandatory', 'ticket', 95),
    ('ticket_user', 'ticket', 96),
    ('ticket_user_disp', 'ticket', 97),
    ('ticket_user_mandatory', 'ticket', 98),
    ('ticket_user_actions', 'ticket', 99),
    ('ticket_user_company', 'ticket', 100),
    ('ticket_user_mail', 'ticket', 101),
    ('ticket_user_mobile', 'ticket', 102),
    ('ticket_user_info_mobile', 'ticket', 103),
    ('ticket_observer', 'ticket', 104),
    ('ticket_observer_disp', 'ticket', 105),
    ('ticket_tech', 'ticket', 106),
    ('ticket_tech_disp', 'ticket', 107),
    ('ticket_tech_service_lock', 'ticket', 108),
    ('ticket_tech_mandatory', 'ticket', 109),
    ('ticket_tech_admin', 'ticket', 110),
    ('ticket_tech_super', 'ticket', 111),
    ('ticket_asset', 'ticket', 112),
    ('ticket_asset_disp', 'ticket', 113),
    ('ticket_asset_mandatory', 'ticket', 114),
    ('ticket_asset_user_only', 'ticket', 115),
    ('ticket_asset_type', 'ticket', 116),
    ('ticket_asset_model', 'ticket', 117),
    ('ticket_cat', 'ticket', 118),
    ('ticket_cat_disp', 'ticket', 119),
    ('ticket_cat_actions', 'ticket', 120),
    ('ticket_cat_mandatory', 'ticket', 121),
    ('ticket_cat_service_only', 'ticket', 122),
    ('ticket_subcat_disp', 'ticket', 123),
    ('ticket_agency', 'ticket', 124),
    ('ticket_agency_mandatory', 'ticket', 125),
    ('ticket_sender_service_disp', 'ticket', 126),
    ('ticket_place', 'ticket', 127),
    ('ticket_place_mandatory', 'ticket', 128),
    ('ticket_title', 'ticket', 129),
    ('ticket_title_disp', 'ticket', 130),
    ('ticket_title_mandatory', 'ticket', 131),
    ('ticket_description', 'ticket', 132),
    ('ticket_description_disp', 'ticket', 133),
    ('ticket_description_mandatory', 'ticket', 134),
    ('ticket_description_insert_image', 'ticket', 135),
    ('ticket_resolution_disp', 'ticket', 136),
    ('ticket_resolution_insert_image', 'ticket', 137),
    ('ticket_resolution_text_only', 'ticket', 138),
    ('ticket_attachment', 'ticket', 139),
    ('ticket_attachment_delete', 'ticket', 140),
    ('ticket_date_create', 'ticket', 141),
    ('ticket_date_create_disp', 'ticket', 142),
    ('ticket_date_hope', 'ticket', 143),
    ('ticket_date_hope_disp', 'ticket', 144),
    ('ticket_date_hope_mandatory', 'ticket', 145),
    ('ticket_date_res', 'ticket', 146),
    ('ticket_date_res_disp', 'ticket', 147),
    ('ticket_time', 'ticket', 148),
    ('ticket_time_disp', 'ticket', 149),
    ('ticket_time_hope', 'ticket', 150),
    ('ticket_time_hope_disp', 'ticket', 151),
    ('ticket_priority', 'ticket', 152),
    ('ticket_priority_disp', 'ticket', 153),
    ('ticket_priority_mandatory', 'ticket', 154),
    ('ticket_priority_service_limit', 'ticket', 155),
    ('ticket_criticality', 'ticket', 156),
    ('ticket_criticality_disp', 'ticket', 157),
    ('ticket_criticality_mandatory', 'ticket', 158),
    ('ticket_criticality_service_limit', 'ticket', 159),
    ('ticket_billable', 'ticket', 160),
    ('ticket_state', 'ticket', 161),
    ('ticket_state_disp', 'ticket', 162),
    ('ticket_user_validation', 'ticket', 163),
    ('ticket_availability', 'ticket', 164),
    ('ticket_availability_disp', 'ticket', 165),
    ('ticket_delete', 'ticket', 166),
    ('ticket_close', 'ticket', 167),
    ('ticket_reopen', 'ticket', 168),
    ('ticket_thread_add', 'ticket_thread', 169),
    ('ticket_thread_delete', 'ticket_thread', 170),
    ('ticket_thread_delete_all', 'ticket_thread', 171),
    ('ticket_thread_edit', 'ticket_thread', 172),
    ('ticket_thread_edit_all', 'ticket_thread', 173),
    ('ticket_thread_post', 'ticket_thread', 174),
    ('ticket_thread_private', 'ticket_thread', 175),
    ('ticket_thread_private_button', 'ticket_thread', 176),
    ('ticket_save_close', 'ticket', 177),
    ('ticket_send_mail', 'ticket', 178),
    ('ticket_cancel', 'ticket', 179),
    ('ticket_new_type', 'ticket_new', 180),
    ('ticket_new_type_disp', 'ticket_new', 181),
    ('ticket_new_service', 'ticket_new', 182),
    ('ticket_new_service_disp', 'ticket_new', 183),
    ('ticket_new_user', 'ticket_new', 184),
    ('ticket_new_user_disp', 'ticket_new', 185),
    ('ticket_new_tech_disp', 'ticket_new', 186),
    ('ticket_new_asset_disp', 'ticket_new', 187),
    ('ticket_new_cat', 'ticket_new', 188),
    ('ticket_new_cat_disp', 'ticket_new', 189),
    ('ticket_new_resolution_disp', 'ticket_new', 190),
    ('ticket_new_send', 'ticket_new', 191),
    ('ticket_new_save', 'ticket_new', 192),
    ('user_profil_company', 'user_profil', 193),
    ('user_profil_service', 'user_profil', 194),
    ('user_profil_agency', 'user_profil', 195);

-- Default grants: GestSup 3.2.55's trights rows, one line per profile.
INSERT INTO profile_rights (profile_id, right_name) SELECT 0, name FROM rights WHERE name IN (
    'search', 'task_checkbox', 'procedure', 'procedure_add', 'procedure_delete',
    'procedure_modify', 'stat', 'planning', 'planning_direct_event', 'project', 'availability',
    'asset', 'asset_delete', 'admin_user_view', 'dashboard_col_technician',
    'dashboard_col_category', 'dashboard_col_subcat', 'dashboard_col_criticality',
    'dashboard_col_priority', 'dashboard_col_date_create', 'dashboard_col_date_create_hour',
    'userbar', 'side', 'side_open_ticket', 'side_asset_create', 'side_asset_all_state',
    'side_your', 'side_your_not_read', 'side_your_not_attribute', 'side_your_meta', 'side_all',
    'side_all_wait', 'side_all_meta', 'side_view', 'ticket_next', 'ticket_print', 'ticket_fusion',
    'ticket_template', 'ticket_calendar', 'ticket_event', 'ticket_save', 'ticket_type',
    'ticket_type_disp', 'ticket_type_service_limit', 'ticket_service', 'ticket_user',
    'ticket_user_disp', 'ticket_user_actions', 'ticket_tech', 'ticket_tech_disp',
    'ticket_tech_admin', 'ticket_cat', 'ticket_cat_disp', 'ticket_cat_actions',
    'ticket_cat_service_only', 'ticket_subcat_disp', 'ticket_place', 'ticket_title',
    'ticket_title_disp', 'ticket_description', 'ticket_description_disp',
    'ticket_description_insert_image', 'ticket_resolution_disp', 'ticket_resolution_insert_image',
    'ticket_attachment', 'ticket_attachment_delete', 'ticket_date_create',
    'ticket_date_create_disp', 'ticket_date_hope', 'ticket_date_hope_disp', 'ticket_date_res',
    'ticket_date_res_disp', 'ticket_time', 'ticket_time_disp', 'ticket_time_hope',
    'ticket_time_hope_disp', 'ticket_priority', 'ticket_priority_disp',
    'ticket_priority_service_limit', 'ticket_criticality', 'ticket_criticality_disp',
    'ticket_criticality_service_limit', 'ticket_state', 'ticket_state_disp',
    'ticket_user_validation', 'ticket_availability', 'ticket_availability_disp', 'ticket_delete',
    'ticket_thread_add', 'ticket_thread_delete_all', 'ticket_thread_edit',
    'ticket_thread_edit_all', 'ticket_thread_post', 'ticket_thread_private', 'ticket_save_close',
    'ticket_send_mail', 'ticket_cancel', 'ticket_new_type', 'ticket_new_type_disp',
    'ticket_new_service', 'ticket_new_user', 'ticket_new_user_disp', 'ticket_new_tech_disp',
    'ticket_new_cat', 'ticket_new_cat_disp', 'ticket_new_resolution_disp', 'ticket_new_save',
    'user_profil_company', 'user_profil_service', 'user_profil_agency');
INSERT INTO profile_rights (profile_id, right_name) SELECT 1, name FROM rights WHERE name IN (
    'planning_direct_event', 'asset_list_department_only', 'asset_list_view_only',
    'dashboard_col_technician', 'dashboard_col_category', 'dashboard_col_subcat',
    'dashboard_col_criticality', 'dashboard_col_priority', 'dashboard_col_date_create',
    'dashboard_col_date_create_hour', 'side', 'side_open_ticket', 'side_your', 'side_all_wait',
    'side_company', 'ticket_next', 'ticket_print', 'ticket_save', 'ticket_type_service_limit',
    'ticket_user_disp', 'ticket_tech_disp', 'ticket_asset_user_only', 'ticket_cat_disp',
    'ticket_cat_service_only', 'ticket_subcat_disp', 'ticket_title_disp',
    'ticket_description_disp', 'ticket_description_insert_image', 'ticket_resolution_disp',
    'ticket_resolution_insert_image', 'ticket_attachment', 'ticket_priority_service_limit',
    'ticket_criticality_service_limit', 'ticket_close', 'ticket_thread_add', 'ticket_thread_edit',
    'ticket_thread_post', 'ticket_cancel', 'ticket_new_service', 'ticket_new_cat',
    'ticket_new_cat_disp', 'ticket_new_send', 'user_profil_company');
INSERT INTO profile_rights (profile_id, right_name) SELECT 2, name FROM rights WHERE name IN (
    'planning_direct_event', 'dashboard_col_technician', 'dashboard_col_category',
    'dashboard_col_subcat', 'dashboard_col_criticality', 'dashboard_col_priority',
    'dashboard_col_date_create', 'dashboard_col_date_create_hour', 'side', 'side_open_ticket',
    'side_your', 'side_company', 'ticket_next', 'ticket_print', 'ticket_save',
    'ticket_type_service_limit', 'ticket_user_disp', 'ticket_tech_disp', 'ticket_asset_user_only',
    'ticket_cat_disp', 'ticket_cat_service_only', 'ticket_subcat_disp', 'ticket_title_disp',
    'ticket_description_disp', 'ticket_description_insert_image', 'ticket_resolution_disp',
    'ticket_resolution_insert_image', 'ticket_attachment', 'ticket_priority_service_limit',
    'ticket_criticality_service_limit', 'ticket_close', 'ticket_thread_add', 'ticket_thread_post',
    'ticket_cancel', 'ticket_new_service', 'ticket_new_cat', 'ticket_new_cat_disp',
    'ticket_new_send', 'user_profil_company');
INSERT INTO profile_rights (profile_id, right_name) SELECT 3, name FROM rights WHERE name IN (
    'search', 'task_checkbox', 'procedure', 'procedure_add', 'procedure_delete',
    'procedure_modify', 'stat', 'planning', 'planning_direct_event', 'project', 'availability',
    'asset', 'asset_delete', 'admin_user_view', 'dashboard_col_technician',
    'dashboard_col_category', 'dashboard_col_subcat', 'dashboard_col_criticality',
    'dashboard_col_priority', 'dashboard_col_date_create', 'dashboard_col_date_create_hour',
    'side', 'side_open_ticket', 'side_asset_create', 'side_asset_all_state', 'side_your',
    'side_your_meta', 'side_all', 'side_all_meta', 'side_view', 'ticket_next', 'ticket_print',
    'ticket_template', 'ticket_calendar', 'ticket_event', 'ticket_save', 'ticket_type',
    'ticket_type_disp', 'ticket_type_service_limit', 'ticket_service', 'ticket_user',
    'ticket_user_disp', 'ticket_user_actions', 'ticket_tech', 'ticket_tech_disp',
    'ticket_tech_admin', 'ticket_asset_user_only', 'ticket_cat', 'ticket_cat_disp',
    'ticket_cat_actions', 'ticket_cat_service_only', 'ticket_subcat_disp', 'ticket_place',
    'ticket_title', 'ticket_title_disp', 'ticket_description', 'ticket_description_disp',
    'ticket_description_insert_image', 'ticket_resolution_disp', 'ticket_resolution_insert_image',
    'ticket_attachment', 'ticket_date_create', 'ticket_date_create_disp', 'ticket_date_hope',
    'ticket_date_hope_disp', 'ticket_date_res', 'ticket_date_res_disp', 'ticket_time',
    'ticket_time_disp', 'ticket_time_hope', 'ticket_time_hope_disp', 'ticket_priority',
    'ticket_priority_disp', 'ticket_priority_service_limit', 'ticket_criticality',
    'ticket_criticality_disp', 'ticket_criticality_service_limit', 'ticket_state',
    'ticket_state_disp', 'ticket_availability', 'ticket_availability_disp', 'ticket_delete',
    'ticket_thread_add', 'ticket_thread_edit', 'ticket_thread_post', 'ticket_thread_private',
    'ticket_save_close', 'ticket_send_mail', 'ticket_cancel', 'ticket_new_type',
    'ticket_new_type_disp', 'ticket_new_service', 'ticket_new_user', 'ticket_new_user_disp',
    'ticket_new_tech_disp', 'ticket_new_cat', 'ticket_new_cat_disp', 'ticket_new_resolution_disp',
    'ticket_new_save', 'user_profil_company', 'user_profil_service', 'user_profil_agency');
INSERT INTO profile_rights (profile_id, right_name) SELECT 4, name FROM rights WHERE name IN (
    'search', 'task_checkbox', 'procedure', 'procedure_add', 'procedure_delete',
    'procedure_modify', 'stat', 'planning', 'planning_direct_event', 'project', 'contract',
    'availability', 'asset', 'asset_delete', 'admin', 'admin_user_profile', 'admin_user_view',
    'admin_backup', 'dashboard_col_technician', 'dashboard_col_category', 'dashboard_col_subcat',
    'dashboard_col_criticality', 'dashboard_col_priority', 'dashboard_col_date_create',
    'dashboard_col_date_create_hour', 'userbar', 'side', 'side_open_ticket', 'side_asset_create',
    'side_asset_all_state', 'side_your', 'side_your_not_read', 'side_your_not_attribute',
    'side_your_meta', 'side_all', 'side_all_wait', 'side_all_meta', 'side_view', 'ticket_next',
    'ticket_print', 'ticket_fusion', 'ticket_template', 'ticket_calendar', 'ticket_event',
    'ticket_save', 'ticket_type', 'ticket_type_disp', 'ticket_type_service_limit',
    'ticket_service', 'ticket_user', 'ticket_user_disp', 'ticket_user_actions', 'ticket_tech',
    'ticket_tech_disp', 'ticket_tech_admin', 'ticket_cat', 'ticket_cat_disp', 'ticket_cat_actions',
    'ticket_cat_service_only', 'ticket_subcat_disp', 'ticket_place', 'ticket_title',
    'ticket_title_disp', 'ticket_description', 'ticket_description_disp',
    'ticket_description_insert_image', 'ticket_resolution_disp', 'ticket_resolution_insert_image',
    'ticket_attachment', 'ticket_attachment_delete', 'ticket_date_create',
    'ticket_date_create_disp', 'ticket_date_hope', 'ticket_date_hope_disp', 'ticket_date_res',
    'ticket_date_res_disp', 'ticket_time', 'ticket_time_disp', 'ticket_time_hope',
    'ticket_time_hope_disp', 'ticket_priority', 'ticket_priority_disp',
    'ticket_priority_service_limit', 'ticket_criticality', 'ticket_criticality_disp',
    'ticket_criticality_service_limit', 'ticket_state', 'ticket_state_disp',
    'ticket_user_validation', 'ticket_availability', 'ticket_availability_disp', 'ticket_delete',
    'ticket_thread_add', 'ticket_thread_delete_all', 'ticket_thread_edit',
    'ticket_thread_edit_all', 'ticket_thread_post', 'ticket_thread_private', 'ticket_save_close',
    'ticket_send_mail', 'ticket_cancel', 'ticket_new_type', 'ticket_new_type_disp',
    'ticket_new_service', 'ticket_new_user', 'ticket_new_user_disp', 'ticket_new_tech_disp',
    'ticket_new_cat', 'ticket_new_cat_disp', 'ticket_new_resolution_disp', 'ticket_new_save',
    'user_profil_company', 'user_profil_service', 'user_profil_agency');

-- ---------------------------------------------------------------------------------------------
-- Settings (key/value; the code holds each key's default, a row holds an administrator's choice)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE settings (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by INTEGER                         -- users.id, NULL when set from the command line
) WITHOUT ROWID;

-- ---------------------------------------------------------------------------------------------
-- Organisation
-- ---------------------------------------------------------------------------------------------
CREATE TABLE companies (
    id                      INTEGER PRIMARY KEY,
    name                    TEXT NOT NULL,
    address                 TEXT NOT NULL DEFAULT '',
    zip                     TEXT NOT NULL DEFAULT '',
    city                    TEXT NOT NULL DEFAULT '',
    country                 TEXT NOT NULL DEFAULT '',
    legal_status            TEXT NOT NULL DEFAULT '',
    siret                   TEXT NOT NULL DEFAULT '',
    vat                     TEXT NOT NULL DEFAULT '',
    limit_ticket_number     INTEGER NOT NULL DEFAULT 0,   -- 0 = no limit
    limit_ticket_days       INTEGER NOT NULL DEFAULT 0,
    limit_ticket_date_start TEXT,
    comment                 TEXT NOT NULL DEFAULT '',
    information_message     TEXT NOT NULL DEFAULT '',
    disabled                INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX companies_name ON companies(name COLLATE NOCASE);

CREATE TABLE services (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    ldap_guid TEXT NOT NULL DEFAULT '',
    disabled  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE agencies (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    mail      TEXT NOT NULL DEFAULT '',
    ldap_guid TEXT NOT NULL DEFAULT '',
    disabled  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE places (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0
);

-- ---------------------------------------------------------------------------------------------
-- Users, groups, sessions
-- ---------------------------------------------------------------------------------------------
CREATE TABLE users (
    id                      INTEGER PRIMARY KEY,
    login                   TEXT NOT NULL COLLATE NOCASE UNIQUE,
    password_hash           TEXT,                          -- bcrypt; NULL for directory-only accounts
    firstname               TEXT NOT NULL DEFAULT '',
    lastname                TEXT NOT NULL DEFAULT '',
    profile_id              INTEGER NOT NULL REFERENCES profiles(id),
    mail                    TEXT NOT NULL DEFAULT '',
    phone                   TEXT NOT NULL DEFAULT '',
    mobile                  TEXT NOT NULL DEFAULT '',
    fax                     TEXT NOT NULL DEFAULT '',
    function                TEXT NOT NULL DEFAULT '',
    company_id              INTEGER REFERENCES companies(id),
    address1                TEXT NOT NULL DEFAULT '',
    address2                TEXT NOT NULL DEFAULT '',
    zip                     TEXT NOT NULL DEFAULT '',
    city                    TEXT NOT NULL DEFAULT '',
    custom1                 TEXT NOT NULL DEFAULT '',
    custom2                 TEXT NOT NULL DEFAULT '',
    disabled                INTEGER NOT NULL DEFAULT 0,
    must_change_password    INTEGER NOT NULL DEFAULT 0,
    last_login_at           INTEGER,
    password_changed_at     INTEGER,
    theme                   TEXT,                          -- NULL = the default theme from settings
    language                TEXT,                          -- NULL = browser's language
    default_ticket_state    TEXT,                          -- NULL = the default from settings
    ticket_order            TEXT,                          -- NULL = the default from settings
    limit_ticket_number     INTEGER NOT NULL DEFAULT 0,
    limit_ticket_days       INTEGER NOT NULL DEFAULT 0,
    limit_ticket_date_start TEXT,
    ldap_guid               TEXT NOT NULL DEFAULT '',
    planning_color          TEXT NOT NULL DEFAULT '',
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL
);
CREATE INDEX users_active_name ON users(disabled, lastname COLLATE NOCASE, firstname COLLATE NOCASE);
CREATE INDEX users_company ON users(company_id);
CREATE INDEX users_profile ON users(profile_id);
CREATE INDEX users_mail ON users(mail COLLATE NOCASE);

CREATE TABLE user_services (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, service_id)
) WITHOUT ROWID;
CREATE INDEX user_services_service ON user_services(service_id, user_id);

CREATE TABLE user_agencies (
    user_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX user_agencies_agency ON user_agencies(agency_id, user_id);

CREATE TABLE groups (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('user', 'technician')),
    service_id INTEGER REFERENCES services(id),
    disabled   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX groups_kind_name ON groups(kind, name COLLATE NOCASE);

CREATE TABLE group_members (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
) WITHOUT ROWID;
CREATE INDEX group_members_user ON group_members(user_id, group_id);

-- Requesters (a user or a user group) whose new tickets go straight to a technician.
CREATE TABLE technician_requesters (
    id            INTEGER PRIMARY KEY,
    technician_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    user_id       INTEGER REFERENCES users(id) ON DELETE CASCADE,
    user_group_id INTEGER REFERENCES groups(id) ON DELETE CASCADE,
    CHECK ((user_id IS NULL) <> (user_group_id IS NULL))
);
CREATE UNIQUE INDEX technician_requesters_user ON technician_requesters(user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX technician_requesters_group ON technician_requesters(user_group_id) WHERE user_group_id IS NOT NULL;
CREATE INDEX technician_requesters_tech ON technician_requesters(technician_id);

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token   TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    ip           TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_last_seen ON sessions(last_seen_at);

-- Failed logins, kept for the throttling window.
CREATE TABLE auth_failures (
    id    INTEGER PRIMARY KEY,
    at    INTEGER NOT NULL,
    login TEXT NOT NULL COLLATE NOCASE,
    ip    TEXT NOT NULL
);
CREATE INDEX auth_failures_login ON auth_failures(login, at);
CREATE INDEX auth_failures_ip ON auth_failures(ip, at);
CREATE INDEX auth_failures_at ON auth_failures(at);

-- Security and administration events (logins, password resets, set-up, ...).
CREATE TABLE event_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    kind    TEXT NOT NULL,
    message TEXT NOT NULL,
    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    ip      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX event_log_at ON event_log(at);
CREATE INDEX event_log_kind_at ON event_log(kind, at);

-- ---------------------------------------------------------------------------------------------
-- Ticket lists
-- ---------------------------------------------------------------------------------------------
CREATE TABLE ticket_states (
    id                   INTEGER PRIMARY KEY,        -- GestSup ids kept for the built-in states
    code                 TEXT UNIQUE,                -- built-in states only; they cannot be deleted
    position             INTEGER NOT NULL,
    name                 TEXT,
    name_key             TEXT,
    description          TEXT NOT NULL DEFAULT '',
    description_key      TEXT,
    mail_subject         TEXT NOT NULL DEFAULT '',
    mail_subject_key     TEXT,
    color                TEXT NOT NULL,
    icon                 TEXT NOT NULL DEFAULT '',
    is_meta              INTEGER NOT NULL DEFAULT 0, -- part of the "to handle" meta-state
    hidden               INTEGER NOT NULL DEFAULT 0,
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
INSERT INTO ticket_states (id, code, position, name_key, description_key, mail_subject_key, color, icon, is_meta) VALUES
    (5, 'unassigned',   1, 'state-unassigned',   'state-unassigned-desc',   'state-unassigned-mail',   '#d15b47', 'user',      0),
    (1, 'waiting',      2, 'state-waiting',      'state-waiting-desc',      'state-waiting-mail',      '#428bca', 'hourglass', 1),
    (2, 'in_progress',  3, 'state-in-progress',  'state-in-progress-desc',  'state-in-progress-mail',  '#f89406', 'progress',  1),
    (6, 'waiting_user', 4, 'state-waiting-user', 'state-waiting-user-desc', 'state-waiting-user-mail', '#d6487e', 'reply',     1),
    (3, 'resolved',     5, 'state-resolved',     'state-resolved-desc',     'state-resolved-mail',     '#82af6f', 'check',     0),
    (4, 'rejected',     6, 'state-rejected',     'state-rejected-desc',     'state-rejected-mail',     '#555555', 'cross',     0);

CREATE TABLE priorities (
    id         INTEGER PRIMARY KEY,
    position   INTEGER NOT NULL,
    name       TEXT,
    name_key   TEXT,
    color      TEXT NOT NULL,
    service_id INTEGER REFERENCES services(id),
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
INSERT INTO priorities (id, position, name_key, color) VALUES
    (1, 1, 'priority-urgent',    '#d15b47'),
    (2, 2, 'priority-very-high', '#f89406'),
    (3, 3, 'priority-high',      '#f8c806'),
    (4, 4, 'priority-medium',    '#e7ef20'),
    (5, 5, 'priority-low',       '#c2c921'),
    (6, 6, 'priority-very-low',  '#82af6f');

CREATE TABLE criticalities (
    id         INTEGER PRIMARY KEY,
    position   INTEGER NOT NULL,
    name       TEXT,
    name_key   TEXT,
    color      TEXT NOT NULL,
    service_id INTEGER REFERENCES services(id),
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
INSERT INTO criticalities (id, position, name_key, color) VALUES
    (1, 1, 'criticality-critical', '#d15b47'),
    (2, 2, 'criticality-serious',  '#f89406'),
    (3, 3, 'criticality-medium',   '#f8c806'),
    (4, 4, 'criticality-low',      '#82af6f');

CREATE TABLE ticket_types (
    id              INTEGER PRIMARY KEY,
    name            TEXT,
    name_key        TEXT,
    service_id      INTEGER REFERENCES services(id),
    user_validation INTEGER NOT NULL DEFAULT 0,
    mail            TEXT NOT NULL DEFAULT '',      -- extra notification address for this type
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
INSERT INTO ticket_types (id, name_key) VALUES
    (1, 'type-request'),
    (2, 'type-incident');

CREATE TABLE categories (
    id            INTEGER PRIMARY KEY,
    position      INTEGER NOT NULL DEFAULT 0,
    name          TEXT,
    name_key      TEXT,
    service_id    INTEGER REFERENCES services(id),
    technician_id INTEGER REFERENCES users(id),
    tech_group_id INTEGER REFERENCES groups(id),
    type_id       INTEGER REFERENCES ticket_types(id),
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
CREATE INDEX categories_service ON categories(service_id);
INSERT INTO categories (id, position, name_key) VALUES
    (1, 1, 'category-software'),
    (2, 2, 'category-hardware');

CREATE TABLE subcategories (
    id            INTEGER PRIMARY KEY,
    category_id   INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    name          TEXT,
    name_key      TEXT,
    technician_id INTEGER REFERENCES users(id),
    tech_group_id INTEGER REFERENCES groups(id),
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
CREATE INDEX subcategories_category ON subcategories(category_id);
INSERT INTO subcategories (id, category_id, name_key) VALUES
    (1, 1, 'subcategory-office'),
    (2, 2, 'subcategory-pc');

-- Time presets for "time spent" and "estimated time".
CREATE TABLE time_values (
    id       INTEGER PRIMARY KEY,
    minutes  INTEGER NOT NULL UNIQUE CHECK (minutes > 0),
    name     TEXT,
    name_key TEXT,
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
INSERT INTO time_values (id, minutes, name_key) VALUES
    (1, 1,    'time-1-minute'),
    (2, 5,    'time-5-minutes'),
    (3, 10,   'time-10-minutes'),
    (4, 30,   'time-30-minutes'),
    (5, 60,   'time-1-hour'),
    (6, 180,  'time-3-hours'),
    (7, 300,  'time-5-hours'),
    (8, 480,  'time-1-day'),
    (9, 960,  'time-2-days'),
    (10, 2400, 'time-1-week');

-- Personal views: a named shortcut to a category or subcategory in a user's left menu.
CREATE TABLE personal_views (
    id             INTEGER PRIMARY KEY,
    user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    category_id    INTEGER REFERENCES categories(id) ON DELETE CASCADE,
    subcategory_id INTEGER REFERENCES subcategories(id) ON DELETE CASCADE
);
CREATE INDEX personal_views_user ON personal_views(user_id);

-- ---------------------------------------------------------------------------------------------
-- Asset lists (the asset records themselves come with the assets capability)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE asset_types (
    id             INTEGER PRIMARY KEY,
    name           TEXT,
    name_key       TEXT,
    virtualization INTEGER NOT NULL DEFAULT 0,
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
INSERT INTO asset_types (id, name_key, virtualization) VALUES (1, 'asset-type-pc', 0);

CREATE TABLE asset_manufacturers (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
INSERT INTO asset_manufacturers (id, name) VALUES (1, 'Dell');

CREATE TABLE asset_models (
    id              INTEGER PRIMARY KEY,
    type_id         INTEGER REFERENCES asset_types(id),
    manufacturer_id INTEGER REFERENCES asset_manufacturers(id),
    name            TEXT NOT NULL,
    image           TEXT NOT NULL DEFAULT '',
    has_ip          INTEGER NOT NULL DEFAULT 0,
    has_wifi        INTEGER NOT NULL DEFAULT 0,
    warranty_years  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO asset_models (id, type_id, manufacturer_id, name, has_ip, has_wifi, warranty_years)
    VALUES (1, 1, 1, 'Optiplex 3020', 1, 0, 3);

CREATE TABLE asset_states (
    id              INTEGER PRIMARY KEY,
    position        INTEGER NOT NULL,
    name            TEXT,
    name_key        TEXT,
    description     TEXT NOT NULL DEFAULT '',
    description_key TEXT,
    block_ip_search INTEGER NOT NULL DEFAULT 0,
    color           TEXT NOT NULL DEFAULT '#428bca',
    disabled        INTEGER NOT NULL DEFAULT 0,
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
INSERT INTO asset_states (id, position, name_key, description_key, block_ip_search, color) VALUES
    (1, 1, 'asset-state-stock',     'asset-state-stock-desc',     0, '#428bca'),
    (2, 2, 'asset-state-installed', 'asset-state-installed-desc', 1, '#82af6f'),
    (3, 3, 'asset-state-standby',   'asset-state-standby-desc',   0, '#f89406'),
    (4, 4, 'asset-state-recycled',  'asset-state-recycled-desc',  0, '#555555');

CREATE TABLE asset_networks (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    network  TEXT NOT NULL,
    netmask  TEXT NOT NULL,
    scan     INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE asset_locations (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE asset_iface_roles (
    id       INTEGER PRIMARY KEY,
    name     TEXT,
    name_key TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    CHECK (name IS NOT NULL OR name_key IS NOT NULL)
);
INSERT INTO asset_iface_roles (id, name_key) VALUES (1, 'iface-role-lan'), (2, 'iface-role-wifi');

-- ---------------------------------------------------------------------------------------------
-- Tickets
-- ---------------------------------------------------------------------------------------------
CREATE TABLE tickets (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT, -- the ticket number
    type_id            INTEGER REFERENCES ticket_types(id),
    title              TEXT NOT NULL,
    description        TEXT NOT NULL DEFAULT '',          -- Markdown
    requester_id       INTEGER REFERENCES users(id),
    user_group_id      INTEGER REFERENCES groups(id),
    technician_id      INTEGER REFERENCES users(id),
    tech_group_id      INTEGER REFERENCES groups(id),
    creator_id         INTEGER REFERENCES users(id),
    service_id         INTEGER REFERENCES services(id),
    sender_service_id  INTEGER REFERENCES services(id),
    agency_id          INTEGER REFERENCES agencies(id),
    place_id           INTEGER REFERENCES places(id),
    category_id        INTEGER REFERENCES categories(id),
    subcategory_id     INTEGER REFERENCES subcategories(id),
    state_id           INTEGER NOT NULL REFERENCES ticket_states(id),
    priority_id        INTEGER REFERENCES priorities(id),
    criticality_id     INTEGER REFERENCES criticalities(id),
    created_at         INTEGER NOT NULL,
    hope_date          TEXT,                               -- hoped resolution date
    resolved_at        INTEGER,
    modified_at        INTEGER NOT NULL,
    time_spent_minutes INTEGER NOT NULL DEFAULT 0,
    time_hope_minutes  INTEGER NOT NULL DEFAULT 0,
    tech_read          INTEGER NOT NULL DEFAULT 0,         -- read by its technician
    tech_read_at       INTEGER,
    user_read          INTEGER NOT NULL DEFAULT 1,         -- read by its requester
    last_tech_reply_at INTEGER,                            -- last text reply by a technician
    is_template        INTEGER NOT NULL DEFAULT 0,
    deleted            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tickets_state_created ON tickets(state_id, created_at);
CREATE INDEX tickets_technician_state ON tickets(technician_id, state_id, created_at);
CREATE INDEX tickets_tech_group_state ON tickets(tech_group_id, state_id) WHERE tech_group_id IS NOT NULL;
CREATE INDEX tickets_requester_state ON tickets(requester_id, state_id, created_at);
CREATE INDEX tickets_user_group ON tickets(user_group_id) WHERE user_group_id IS NOT NULL;
CREATE INDEX tickets_category ON tickets(category_id, subcategory_id);
CREATE INDEX tickets_service_state ON tickets(service_id, state_id);
CREATE INDEX tickets_agency_state ON tickets(agency_id, state_id);
CREATE INDEX tickets_created ON tickets(created_at);
CREATE INDEX tickets_modified ON tickets(modified_at);
CREATE INDEX tickets_resolved ON tickets(resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX tickets_priority ON tickets(priority_id);
CREATE INDEX tickets_criticality ON tickets(criticality_id);

CREATE TABLE ticket_templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    ticket_id  INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL DEFAULT (unixepoch())
);

-- The conversation and event history of a ticket ("Résolution").
CREATE TABLE thread_entries (
    id            INTEGER PRIMARY KEY,
    ticket_id     INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,
    author_id     INTEGER REFERENCES users(id),
    kind          TEXT NOT NULL CHECK (kind IN
                      ('text', 'opened', 'assigned', 'state', 'closed', 'attachment',
                       'attachment_removed', 'mail')),
    body          TEXT NOT NULL DEFAULT '',               -- Markdown for text entries
    tech_from_id  INTEGER REFERENCES users(id),
    tech_to_id    INTEGER REFERENCES users(id),
    group_from_id INTEGER REFERENCES groups(id),
    group_to_id   INTEGER REFERENCES groups(id),
    state_id      INTEGER REFERENCES ticket_states(id),
    private       INTEGER NOT NULL DEFAULT 0,             -- hidden from the requester
    mail_to       TEXT NOT NULL DEFAULT '',
    time_minutes  INTEGER NOT NULL DEFAULT 0,
    edited_at     INTEGER
);
CREATE INDEX thread_entries_ticket ON thread_entries(ticket_id, created_at, id);
CREATE INDEX thread_entries_author_created ON thread_entries(author_id, created_at);
CREATE INDEX thread_entries_created_kind ON thread_entries(created_at, kind);

-- Files live under <data dir>/attachments/<storage_name>; names are generated, never the upload's.
CREATE TABLE attachments (
    id              INTEGER PRIMARY KEY,
    storage_name    TEXT NOT NULL UNIQUE,
    ticket_id       INTEGER REFERENCES tickets(id) ON DELETE CASCADE,
    thread_entry_id INTEGER REFERENCES thread_entries(id) ON DELETE SET NULL,
    filename        TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    uploaded_by     INTEGER REFERENCES users(id),
    uploaded_at     INTEGER NOT NULL
);
CREATE INDEX attachments_ticket ON attachments(ticket_id);
