//! The table of every general setting (the mail connector's are in `mail_registry`), with the
//! choice lists some of them offer.

use super::registry::{Def, Kind, Section};

const fn function(key: &'static str, label: &'static str, help: &'static str) -> Def {
    Def {
        key,
        kind: Kind::Flag,
        default: "0",
        section: Section::Functions,
        label,
        help,
    }
}

const fn flag(key: &'static str, label: &'static str, help: &'static str) -> Def {
    Def {
        key,
        kind: Kind::Flag,
        default: "0",
        section: Section::Users,
        label,
        help,
    }
}

/// The lists a user lands on after logging in, unless they chose their own: "to handle", every
/// state, or one built-in state (by id).
pub const DEFAULT_STATES: &[(&str, &str)] = &[
    ("meta", "state-meta"),
    ("all", "state-all"),
    ("5", "state-unassigned"),
    ("1", "state-waiting"),
    ("2", "state-in-progress"),
    ("6", "state-waiting-user"),
    ("3", "state-resolved"),
    ("4", "state-rejected"),
];

/// The languages pages and mails are written in, each with its own name.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("fr", "lang-choice-fr"),
    ("en", "lang-choice-en"),
    ("es", "lang-choice-es"),
    ("de", "lang-choice-de"),
];

/// The orders people's names are shown in (kept in `users.display_name`, see migration V16).
pub const NAME_ORDERS: &[(&str, &str)] = &[
    ("first_last", "name-order-first-last"),
    ("last_first", "name-order-last-first"),
];

/// Which tickets ask their requester to accept the resolution.
pub const VALIDATION_PERIMETERS: &[(&str, &str)] = &[
    ("type", "validation-perimeter-type"),
    ("all", "validation-perimeter-all"),
];

/// Which certificate HTTPS uses, if any.
pub const HTTPS_MODES: &[(&str, &str)] = &[
    ("off", "https-mode-off"),
    ("self_signed", "https-mode-self-signed"),
    ("own", "https-mode-own"),
];

/// Every setting.
pub const DEFS: &[Def] = &[
    Def {
        key: "https_mode",
        kind: Kind::Choice(HTTPS_MODES),
        default: "off",
        section: Section::Https,
        label: "setting-https-mode",
        help: "setting-https-mode-help",
    },
    Def {
        key: "https_hsts",
        kind: Kind::Flag,
        default: "0",
        section: Section::Https,
        label: "setting-https-hsts",
        help: "setting-https-hsts-help",
    },
    Def {
        key: "company_name",
        kind: Kind::Text { max: 100 },
        default: "",
        section: Section::General,
        label: "setting-company-name",
        help: "setting-company-name-help",
    },
    Def {
        key: "session_timeout_minutes",
        kind: Kind::Number {
            min: 5,
            max: 43_200,
        },
        default: "1440",
        section: Section::General,
        label: "setting-session-timeout",
        help: "setting-session-timeout-help",
    },
    Def {
        key: "rows_per_page",
        kind: Kind::Number { min: 5, max: 500 },
        default: "10",
        section: Section::General,
        label: "setting-rows-per-page",
        help: "setting-rows-per-page-help",
    },
    Def {
        key: "server_url",
        kind: Kind::Url,
        default: "",
        section: Section::General,
        label: "setting-server-url",
        help: "setting-server-url-help",
    },
    Def {
        key: "login_message",
        kind: Kind::Text { max: 500 },
        default: "",
        section: Section::Users,
        label: "setting-login-message",
        help: "setting-login-message-help",
    },
    Def {
        key: "default_language",
        kind: Kind::Choice(LANGUAGES),
        default: "fr",
        section: Section::General,
        label: "setting-default-language",
        help: "setting-default-language-help",
    },
    Def {
        key: "user_validation",
        kind: Kind::Flag,
        default: "0",
        section: Section::Users,
        label: "setting-user-validation",
        help: "setting-user-validation-help",
    },
    Def {
        key: "user_validation_delay",
        kind: Kind::Number { min: 1, max: 365 },
        default: "7",
        section: Section::Users,
        label: "setting-user-validation-delay",
        help: "setting-user-validation-delay-help",
    },
    Def {
        key: "user_validation_perimeter",
        kind: Kind::Choice(VALIDATION_PERIMETERS),
        default: "type",
        section: Section::Users,
        label: "setting-user-validation-perimeter",
        help: "setting-user-validation-perimeter-help",
    },
    Def {
        key: "name_order",
        kind: Kind::Choice(NAME_ORDERS),
        default: "first_last",
        section: Section::General,
        label: "setting-name-order",
        help: "setting-name-order-help",
    },
    Def {
        key: "flash_ms",
        kind: Kind::Number {
            min: 1000,
            max: 60_000,
        },
        default: "6000",
        section: Section::General,
        label: "setting-flash-ms",
        help: "setting-flash-ms-help",
    },
    Def {
        key: "live_updates",
        kind: Kind::Flag,
        default: "1",
        section: Section::General,
        label: "setting-live-updates",
        help: "setting-live-updates-help",
    },
    Def {
        key: "session_max_hours",
        kind: Kind::Number { min: 0, max: 8760 },
        default: "0",
        section: Section::General,
        label: "setting-session-max",
        help: "setting-session-max-help",
    },
    Def {
        key: "password_min_length",
        kind: Kind::Number { min: 8, max: 64 },
        default: "8",
        section: Section::General,
        label: "setting-password-min-length",
        help: "setting-password-min-length-help",
    },
    Def {
        key: "password_refuse_common",
        kind: Kind::Flag,
        default: "1",
        section: Section::General,
        label: "setting-password-refuse-common",
        help: "setting-password-refuse-common-help",
    },
    Def {
        key: "debug",
        kind: Kind::Flag,
        default: "0",
        section: Section::General,
        label: "setting-debug",
        help: "setting-debug-help",
    },
    function(
        "availability",
        "setting-availability",
        "setting-availability-help",
    ),
    function("planning", "setting-calendar", "setting-calendar-help"),
    function("asset", "setting-assets", "setting-assets-help"),
    function("asset_ip", "setting-asset-ip", "setting-asset-ip-help"),
    function(
        "asset_warranty",
        "setting-asset-warranty",
        "setting-asset-warranty-help",
    ),
    function(
        "asset_vnc_link",
        "setting-asset-vnc",
        "setting-asset-vnc-help",
    ),
    function("procedure", "setting-procedures", "setting-procedures-help"),
    function("survey", "setting-surveys", "setting-surveys-help"),
    Def {
        key: "availability_all_cat",
        kind: Kind::Flag,
        default: "1",
        section: Section::Availability,
        label: "setting-availability-all",
        help: "setting-availability-all-help",
    },
    Def {
        key: "availability_dep",
        kind: Kind::Flag,
        default: "0",
        section: Section::Availability,
        label: "setting-availability-dependencies",
        help: "setting-availability-dependencies-help",
    },
    Def {
        key: "availability_condition",
        kind: Kind::Text { max: 40 },
        default: "criticality:1",
        section: Section::Availability,
        label: "setting-availability-condition",
        help: "setting-availability-condition-help",
    },
    Def {
        key: "survey_ticket_state",
        kind: Kind::Number {
            min: 1,
            max: 1_000_000,
        },
        default: "3",
        section: Section::Surveys,
        label: "setting-survey-state",
        help: "setting-survey-state-help",
    },
    Def {
        key: "survey_auto_close_ticket",
        kind: Kind::Flag,
        default: "0",
        section: Section::Surveys,
        label: "setting-survey-auto-close",
        help: "setting-survey-auto-close-help",
    },
    Def {
        key: "survey_link_days",
        kind: Kind::Number { min: 1, max: 365 },
        default: "14",
        section: Section::Surveys,
        label: "setting-survey-link-days",
        help: "setting-survey-link-days-help",
    },
    Def {
        key: "planning_week_start",
        kind: Kind::Choice(crate::domain::calendar::WeekStart::CHOICES),
        default: "monday",
        section: Section::Calendar,
        label: "setting-calendar-week-start",
        help: "setting-calendar-week-start-help",
    },
    Def {
        key: "planning_day_start",
        kind: Kind::Number { min: 0, max: 23 },
        default: "8",
        section: Section::Calendar,
        label: "setting-calendar-day-start",
        help: "setting-calendar-day-start-help",
    },
    Def {
        key: "planning_day_end",
        kind: Kind::Number { min: 1, max: 24 },
        default: "19",
        section: Section::Calendar,
        label: "setting-calendar-day-end",
        help: "setting-calendar-day-end-help",
    },
    Def {
        key: "planning_ics",
        kind: Kind::Flag,
        default: "1",
        section: Section::Calendar,
        label: "setting-calendar-mail",
        help: "setting-calendar-mail-help",
    },
    Def {
        key: "attachment_max_count",
        kind: Kind::Number { min: 0, max: 50 },
        default: "5",
        section: Section::Tickets,
        label: "setting-attachment-max-count",
        help: "setting-attachment-max-count-help",
    },
    Def {
        key: "attachment_max_mb",
        kind: Kind::Number { min: 1, max: 100 },
        default: "10",
        section: Section::Tickets,
        label: "setting-attachment-max-mb",
        help: "setting-attachment-max-mb-help",
    },
    Def {
        key: "ticket_type",
        kind: Kind::Flag,
        default: "0",
        section: Section::Tickets,
        label: "setting-ticket-type",
        help: "setting-ticket-type-help",
    },
    Def {
        key: "ticket_observer",
        kind: Kind::Flag,
        default: "1",
        section: Section::Tickets,
        label: "setting-ticket-observer",
        help: "setting-ticket-observer-help",
    },
    Def {
        key: "ticket_places",
        kind: Kind::Flag,
        default: "0",
        section: Section::Tickets,
        label: "setting-ticket-places",
        help: "setting-ticket-places-help",
    },
    Def {
        key: "meta_state",
        kind: Kind::Flag,
        default: "1",
        section: Section::Tickets,
        label: "setting-meta-state",
        help: "setting-meta-state-help",
    },
    Def {
        key: "order",
        kind: Kind::Choice(crate::domain::users::preferences::TICKET_ORDERS),
        default: "state",
        section: Section::Tickets,
        label: "setting-ticket-order",
        help: "setting-ticket-order-help",
    },
    Def {
        key: "theme",
        kind: Kind::Choice(crate::domain::users::preferences::THEMES),
        default: "blue",
        section: Section::General,
        label: "setting-theme",
        help: "setting-theme-help",
    },
    Def {
        key: "ticket_default_state",
        kind: Kind::Choice(DEFAULT_STATES),
        default: "meta",
        section: Section::Tickets,
        label: "setting-default-state",
        help: "setting-default-state-help",
    },
    Def {
        key: "notify",
        kind: Kind::Flag,
        default: "0",
        section: Section::Tickets,
        label: "setting-notify",
        help: "setting-notify-help",
    },
    Def {
        key: "ticket_reply_reopens",
        kind: Kind::Flag,
        default: "1",
        section: Section::Tickets,
        label: "setting-reply-reopens",
        help: "setting-reply-reopens-help",
    },
    Def {
        key: "csv_separator",
        kind: Kind::Choice(&[(";", "setting-csv-semicolon"), (",", "setting-csv-comma")]),
        default: ";",
        section: Section::General,
        label: "setting-csv-separator",
        help: "setting-csv-separator-help",
    },
    flag(
        "user_advanced",
        "setting-user-advanced",
        "setting-user-advanced-help",
    ),
    flag("user_mfa", "setting-user-mfa", "setting-user-mfa-help"),
    flag(
        "user_mfa_user",
        "setting-user-mfa-user",
        "setting-user-mfa-required-help",
    ),
    flag(
        "user_mfa_power_user",
        "setting-user-mfa-power-user",
        "setting-user-mfa-required-help",
    ),
    flag(
        "user_mfa_supervisor",
        "setting-user-mfa-supervisor",
        "setting-user-mfa-required-help",
    ),
    flag(
        "user_mfa_technician",
        "setting-user-mfa-technician",
        "setting-user-mfa-required-help",
    ),
    flag(
        "user_mfa_administrator",
        "setting-user-mfa-administrator",
        "setting-user-mfa-required-help",
    ),
    flag(
        "user_register",
        "setting-user-register",
        "setting-user-register-help",
    ),
    flag(
        "user_limit_ticket",
        "setting-user-limit-ticket",
        "setting-user-limit-ticket-help",
    ),
    flag(
        "company_limit_ticket",
        "setting-company-limit-ticket",
        "setting-company-limit-ticket-help",
    ),
    flag(
        "company_limit_hour",
        "setting-company-limit-hour",
        "setting-company-limit-hour-help",
    ),
    flag(
        "user_company_view",
        "setting-user-company-view",
        "setting-user-company-view-help",
    ),
    flag(
        "user_agency",
        "setting-user-agency",
        "setting-user-agency-help",
    ),
    flag(
        "user_limit_service",
        "setting-user-limit-service",
        "setting-user-limit-service-help",
    ),
    Def {
        key: "api_calls_per_minute",
        kind: Kind::Number {
            min: 10,
            max: 100_000,
        },
        default: "600",
        section: Section::Api,
        label: "setting-api-calls-per-minute",
        help: "setting-api-calls-per-minute-help",
    },
    Def {
        key: "api_log_days",
        kind: Kind::Number { min: 1, max: 3_650 },
        default: "90",
        section: Section::Api,
        label: "setting-api-log-days",
        help: "setting-api-log-days-help",
    },
];
