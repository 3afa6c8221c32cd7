//! The paths of the application, shared by the router and the pages that link to them.

pub const HOME: &str = "/";
pub const HEALTHZ: &str = "/healthz";
/// The API's own address for "who am I".
pub const API_ME: &str = "/api/v1/me";
pub const API_TICKETS: &str = "/api/v1/tickets";
pub const API_LIST: &str = "/api/v1/lists/{list}";
pub const API_USERS: &str = "/api/v1/users";
pub const API_USER: &str = "/api/v1/users/{id}";
pub const API_TICKET: &str = "/api/v1/tickets/{id}";
pub const API_TICKET_FILES: &str = "/api/v1/tickets/{id}/files";
pub const API_TICKET_FILE: &str = "/api/v1/tickets/{id}/files/{file}";
pub const API_ASSETS: &str = "/api/v1/assets";
pub const API_ASSET: &str = "/api/v1/assets/{id}";
/// The API's OpenAPI document.
pub const API_OPENAPI: &str = "/api/v1/openapi.json";
/// The API's reference page.
pub const API_REFERENCE: &str = "/api";
/// Anything else under the API (answered with a problem document).
pub const API_ANY: &str = "/api/v1/{*rest}";
pub const ADMIN_API: &str = "/admin/api";
pub const ADMIN_API_REVOKE: &str = "/admin/api/{id}/revoke";
pub const ADMIN_API_SETTINGS: &str = "/admin/api/settings";
pub const ADMIN_INTRANET: &str = "/admin/intranet-form";
pub const ADMIN_WEBHOOKS: &str = "/admin/webhooks";
pub const ADMIN_WEBHOOK: &str = "/admin/webhooks/{id}";
pub const ADMIN_WEBHOOK_DELETE: &str = "/admin/webhooks/{id}/delete";
pub const ADMIN_WEBHOOK_PING: &str = "/admin/webhooks/{id}/ping";
pub const ADMIN_WEBHOOK_RETRY: &str = "/admin/webhook-deliveries/{id}/retry";
pub const STATIC: &str = "/static/{hash}/{*path}";
pub const LOGIN: &str = "/login";
pub const LOGOUT: &str = "/logout";
pub const LANGUAGE: &str = "/language";
pub const SETUP: &str = "/setup/{token}";
/// The set-up page's "Move from GestSup": the form, how far it is, and the import after a check.
pub const SETUP_MOVE: &str = "/setup/{token}/gestsup";
pub const SETUP_MOVE_PROGRESS: &str = "/setup/{token}/gestsup/progress";
pub const SETUP_MOVE_CONFIRM: &str = "/setup/{token}/gestsup/confirm";
pub const PASSWORD: &str = "/password";
pub const PROFILE: &str = "/profile";
pub const PROFILE_TWO_FACTOR: &str = "/profile/two-factor";
pub const PROFILE_TWO_FACTOR_CONFIRM: &str = "/profile/two-factor/confirm";
pub const PROFILE_TWO_FACTOR_OFF: &str = "/profile/two-factor/off";
pub const PROFILE_TWO_FACTOR_CODES: &str = "/profile/two-factor/codes";
pub const LOGIN_CODE: &str = "/login/code";
pub const PROFILE_SETTINGS: &str = "/profile/settings";
pub const PROFILE_VIEWS: &str = "/profile/views";
pub const PROFILE_VIEW_DELETE: &str = "/profile/views/{id}/delete";
pub const REGISTER: &str = "/register";
pub const INTRANET_FORM: &str = "/intranet/form";
pub const ADMIN_SYSTEM: &str = "/admin/system";
pub const ADMIN_THROTTLE_CLEAR: &str = "/admin/system/throttle/clear";
pub const ADMIN_HTTPS: &str = "/admin/https";
pub const ADMIN_HTTPS_CERTIFICATE: &str = "/admin/https/certificate";
pub const ADMIN_HTTPS_RENEW: &str = "/admin/https/renew";
pub const ADMIN_SYSTEM_RUN: &str = "/admin/system/jobs/run";
pub const ADMIN_SYSTEM_INTEGRITY: &str = "/admin/system/integrity";
pub const ADMIN_SYSTEM_LOGS: &str = "/admin/system/logs";
pub const ADMIN_SYSTEM_LOG_DOWNLOAD: &str = "/admin/system/logs/{name}";
pub const ADMIN_USERS: &str = "/admin/users";
pub const ADMIN_USER_NEW: &str = "/admin/users/new";
pub const ADMIN_USER: &str = "/admin/users/{id}";
pub const ADMIN_USER_DISABLE: &str = "/admin/users/{id}/disable";
pub const ADMIN_USER_ENABLE: &str = "/admin/users/{id}/enable";
pub const ADMIN_USER_UNLOCK: &str = "/admin/users/{id}/unlock";
pub const ADMIN_USER_TWO_FACTOR_RESET: &str = "/admin/users/{id}/two-factor/reset";
pub const ADMIN_USER_ERASE: &str = "/admin/users/{id}/delete";
pub const ADMIN_USER_REQUESTERS: &str = "/admin/users/{id}/requesters";
pub const ADMIN_USER_REQUESTER_DELETE: &str = "/admin/users/{id}/requesters/{item}/delete";
pub const ADMIN_USER_VIEWS: &str = "/admin/users/{id}/views";
pub const ADMIN_USER_VIEW_DELETE: &str = "/admin/users/{id}/views/{item}/delete";
pub const QUICK_USER_NEW: &str = "/users/quick";
pub const QUICK_USER: &str = "/users/quick/{id}";
pub const ADMIN_RIGHTS: &str = "/admin/rights";
pub const ADMIN_RIGHTS_TOGGLE: &str = "/admin/rights/toggle";
pub const ADMIN_GROUPS: &str = "/admin/groups";
pub const ADMIN_GROUP: &str = "/admin/groups/{id}";
pub const ADMIN_GROUP_DELETE: &str = "/admin/groups/{id}/delete";
pub const ADMIN_GROUP_MEMBERS: &str = "/admin/groups/{id}/members";
pub const ADMIN_GROUP_MEMBER_DELETE: &str = "/admin/groups/{id}/members/{item}/delete";
pub const ADMIN_LISTS: &str = "/admin/lists";
pub const ADMIN_LIST: &str = "/admin/lists/{list}";
pub const ADMIN_LIST_ENTRY: &str = "/admin/lists/{list}/{id}";
pub const ADMIN_AGENCY_MOVE: &str = "/admin/agencies/{id}/move";
pub const ADMIN_LIST_ENTRY_DELETE: &str = "/admin/lists/{list}/{id}/delete";
pub const ADMIN_LIST_ENTRY_TOGGLE: &str = "/admin/lists/{list}/{id}/toggle";
pub const ADMIN_LIST_ENTRY_PICTURE: &str = "/admin/lists/{list}/{id}/picture";
pub const ADMIN_LIST_ENTRY_PICTURE_DELETE: &str = "/admin/lists/{list}/{id}/picture/delete";
pub const ADMIN_SETTINGS: &str = "/admin/settings";
pub const ADMIN_SETTINGS_LOG: &str = "/admin/settings/log";
pub const ADMIN_LOGO: &str = "/admin/settings/logo";
pub const ADMIN_LOGO_DELETE: &str = "/admin/settings/logo/delete";
pub const LOGO: &str = "/logo";
pub const ADMIN_BACKUPS: &str = "/admin/backups";
pub const ADMIN_BACKUPS_SETTINGS: &str = "/admin/backups/settings";
pub const ADMIN_BACKUP: &str = "/admin/backups/{name}";
pub const ADMIN_BACKUP_RESTORE_LIST: &str = "/admin/backups/{name}/restore-list";
pub const ADMIN_MAIL: &str = "/admin/mail";
pub const ADMIN_NETWORK: &str = "/admin/network";
pub const ADMIN_NETWORK_PING_ALL: &str = "/admin/network/ping-all";
pub const ADMIN_MAIL_TEST: &str = "/admin/mail/test";
pub const ADMIN_MAIL_IN: &str = "/admin/mail-in";
pub const ADMIN_DIRECTORY: &str = "/admin/directory";
pub const ADMIN_DIRECTORY_TEST: &str = "/admin/directory/test";
pub const ADMIN_DIRECTORY_SIMULATE: &str = "/admin/directory/simulate";
pub const ADMIN_DIRECTORY_SYNC: &str = "/admin/directory/sync";
pub const ADMIN_DIRECTORY_RUNS: &str = "/admin/directory/runs";
pub const ADMIN_MAILBOX_NEW: &str = "/admin/mail-in/new";
pub const ADMIN_MAILBOX_TEST: &str = "/admin/mail-in/test";
pub const ADMIN_MAILBOX: &str = "/admin/mail-in/{id}";
pub const ADMIN_MAILBOX_FETCH: &str = "/admin/mail-in/{id}/fetch";
pub const ADMIN_MAILBOX_DELETE: &str = "/admin/mail-in/{id}/delete";
pub const ADMIN_MAIL_FETCHES: &str = "/admin/mail-in/fetches";
pub const ADMIN_MAIL_REJECTED: &str = "/admin/mail-in/rejected";
pub const ADMIN_MAIL_REJECTED_RAW: &str = "/admin/mail-in/rejected/{id}";
pub const ADMIN_MAIL_REJECTED_DELETE: &str = "/admin/mail-in/rejected/{id}/delete";
pub const ADMIN_OUTBOX: &str = "/admin/outbox";
pub const ADMIN_OUTBOX_RETRY: &str = "/admin/outbox/{id}/retry";
pub const ADMIN_OUTBOX_DELETE: &str = "/admin/outbox/{id}/delete";
pub const TICKET_MAIL: &str = "/tickets/{id}/mail";
pub const ADMIN_NEXT_NUMBER: &str = "/admin/settings/next-number";
pub const PROCEDURES: &str = "/procedures";
pub const PROCEDURE_NEW: &str = "/procedures/new";
pub const PROCEDURE: &str = "/procedures/{id}";
pub const PROCEDURE_EDIT: &str = "/procedures/{id}/edit";
pub const PROCEDURE_DELETE: &str = "/procedures/{id}/delete";
pub const PROCEDURE_FILE: &str = "/procedures/{id}/files/{item}";
pub const PROCEDURE_FILE_DELETE: &str = "/procedures/{id}/files/{item}/delete";
pub const ASSETS: &str = "/assets";
pub const ASSETS_EXPORT: &str = "/assets/export.csv";
pub const ASSET_NEW: &str = "/assets/new";
pub const ASSETS_FREE_IP: &str = "/assets/free-ip";
pub const ASSETS_BATCH: &str = "/assets/batch";
pub const ASSETS_IMPORT: &str = "/assets/import";
pub const ASSETS_IMPORT_TEMPLATE: &str = "/assets/import/template.csv";
pub const ASSET_IMPORT: &str = "/assets/import/{id}";
pub const ASSET_CHOICES: &str = "/assets/choices";
pub const ASSET_MODEL_PICTURE: &str = "/assets/models/{id}/picture";
pub const ASSET: &str = "/assets/{id}";
pub const ASSET_EDIT: &str = "/assets/{id}/edit";
pub const ASSET_NOTE: &str = "/assets/{id}/notes";
pub const ASSET_DELETE: &str = "/assets/{id}/delete";
pub const ASSET_PING: &str = "/assets/{id}/ping";
pub const ASSET_WAKE: &str = "/assets/{id}/wake";
/// Ping or wake the assets selected in the list.
pub const ASSETS_NETWORK: &str = "/assets/network";
pub const ASSETS_DISCOVERY: &str = "/assets/discovery";
pub const ASSETS_DISCOVERY_DRY_RUN: &str = "/assets/discovery/{id}/dry-run";
pub const ASSETS_DISCOVERY_RUN: &str = "/assets/discovery/{id}/run";
pub const ASSETS_DISCOVERY_STOP: &str = "/assets/discovery/{id}/stop";
pub const ASSET_FILES: &str = "/assets/{id}/files";
pub const ASSET_FILE: &str = "/assets/{id}/files/{item}";
pub const ASSET_FILE_DELETE: &str = "/assets/{id}/files/{item}/delete";
pub const PASSWORD_FORGOT: &str = "/password/forgot";
pub const PASSWORD_RESET: &str = "/password/reset/{token}";
pub const TICKET_NEW: &str = "/tickets/new";
pub const TICKETS: &str = "/tickets";
pub const TICKETS_BULK: &str = "/tickets/bulk";
pub const TICKET: &str = "/tickets/{id}";
pub const TICKET_CLOSE: &str = "/tickets/{id}/close";
/// Reopens a closed ticket (`ticket_reopen`).
pub const TICKET_REOPEN: &str = "/tickets/{id}/reopen";
/// The print view of a ticket (`ticket_print`).
pub const TICKET_PRINT: &str = "/tickets/{id}/print";
/// The requester accepts the resolution (requester validation).
pub const TICKET_VALIDATION_ACCEPT: &str = "/tickets/{id}/validation/accept";
/// The requester refuses the resolution: the ticket is reopened.
pub const TICKET_VALIDATION_REOPEN: &str = "/tickets/{id}/validation/reopen";
/// A technician records the requester's acceptance given another way.
pub const TICKET_VALIDATION_CONFIRM: &str = "/tickets/{id}/validation/confirm";
pub const TICKET_PICTURES: &str = "/tickets/{id}/pictures";
pub const TICKET_TEMPLATE: &str = "/tickets/{id}/template";
pub const TICKET_ENTRY_EDIT: &str = "/tickets/{id}/entries/{item}";
pub const TICKET_ENTRY_DELETE: &str = "/tickets/{id}/entries/{item}/delete";
pub const TICKET_ENTRY_PRIVATE: &str = "/tickets/{id}/entries/{item}/private";
pub const TICKET_ATTACHMENT: &str = "/tickets/{id}/attachments/{item}";
pub const TICKET_ATTACHMENT_DELETE: &str = "/tickets/{id}/attachments/{item}/delete";
pub const TICKET_REMINDERS: &str = "/tickets/{id}/reminders";
pub const TICKET_MERGE: &str = "/tickets/{id}/merge";
pub const TICKET_DELETE: &str = "/tickets/{id}/delete";
pub const TICKET_OBSERVERS: &str = "/tickets/{id}/observers";
pub const TICKET_OBSERVERS_REMOVE: &str = "/tickets/{id}/observers/remove";
pub const REMINDERS: &str = "/reminders";
/// The calendar (the "planning" function switch).
pub const CALENDAR: &str = "/calendar";
pub const TICKET_INTERVENTIONS: &str = "/tickets/{id}/interventions";
pub const CALENDAR_INTERVENTIONS: &str = "/calendar/interventions";
pub const INTERVENTION: &str = "/calendar/interventions/{id}";
pub const INTERVENTION_MOVE: &str = "/calendar/interventions/{id}/move";
pub const INTERVENTION_DELETE: &str = "/calendar/interventions/{id}/delete";
/// Making and removing one's calendar feed, and the feed itself (no login: its secret is the key).
pub const CALENDAR_FEED: &str = "/calendar/feed";
pub const CALENDAR_FEED_DELETE: &str = "/calendar/feed/delete";
pub const CALENDAR_ICS: &str = "/calendar/ics/{secret}";
/// Availability (the "availability" function switch): the report, its export, its settings,
/// and a ticket's unavailability.
pub const AVAILABILITY: &str = "/availability";
pub const AVAILABILITY_CSV: &str = "/availability/export.csv";
pub const ADMIN_AVAILABILITY: &str = "/admin/availability";
pub const ADMIN_AVAILABILITY_MONITORED: &str = "/admin/availability/monitored";
pub const ADMIN_AVAILABILITY_MONITORED_DELETE: &str = "/admin/availability/monitored/{id}/delete";
pub const ADMIN_AVAILABILITY_DEPENDENCIES: &str = "/admin/availability/dependencies";
pub const ADMIN_AVAILABILITY_DEPENDENCY_DELETE: &str =
    "/admin/availability/dependencies/{id}/delete";
pub const ADMIN_AVAILABILITY_TARGETS: &str = "/admin/availability/targets";
pub const ADMIN_AVAILABILITY_TARGET_DELETE: &str = "/admin/availability/targets/delete";
pub const STATISTICS: &str = "/statistics";
pub const STATISTICS_CSV: &str = "/statistics/export.csv";
pub const ADMIN_SURVEYS: &str = "/admin/surveys";
pub const ADMIN_SURVEY_QUESTIONS: &str = "/admin/surveys/questions";
pub const ADMIN_SURVEY_QUESTION: &str = "/admin/surveys/questions/{id}";
pub const ADMIN_SURVEY_QUESTION_DELETE: &str = "/admin/surveys/questions/{id}/delete";
pub const ADMIN_SURVEY_QUESTION_MOVE: &str = "/admin/surveys/questions/{id}/move";
pub const ADMIN_SURVEY_MAIL: &str = "/admin/surveys/mail";
pub const SURVEY: &str = "/survey/{secret}";
pub const SURVEY_ANSWERS: &str = "/surveys";
pub const SURVEY_ANSWERS_CSV: &str = "/surveys/export.csv";
pub const TICKET_UNAVAILABILITY: &str = "/tickets/{id}/unavailability";
pub const TICKET_UNAVAILABILITY_RESET: &str = "/tickets/{id}/unavailability/reset";
pub const REMINDER_DONE: &str = "/reminders/{id}/done";
pub const QUICK_SUBCATEGORY: &str = "/subcategories/quick";
pub const ACTIVITY: &str = "/activity";
pub const SUPERVISION: &str = "/supervision";
pub const LIVE: &str = "/live";
pub const EXPORT_TICKETS: &str = "/export/tickets.csv";
pub const USER_CHOICES: &str = "/users/choices";

/// Fills the `{...}` parameters of `pattern` in order.
pub fn fill(pattern: &str, values: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut rest = pattern;
    let mut values = values.iter();
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map_or(rest.len(), |e| start + e + 1);
        if let Some(v) = values.next() {
            out.push_str(&v.to_string());
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Whether `next` is a safe place to send a user after logging in or switching the language: a
/// plain path on this site. It starts with one `/` (not `//` or `/\\`, which browsers read as
/// another host) and holds only visible ASCII characters: browsers drop tabs and line breaks
/// from an address (`/\t/evil.example/` becomes `//evil.example/`), and other control
/// characters cannot go in a header at all.
pub fn is_local_path(next: &str) -> bool {
    let b = next.as_bytes();
    b.first() == Some(&b'/')
        && !matches!(b.get(1), Some(b'/' | b'\\'))
        && b.iter().all(|c| (0x21..=0x7e).contains(c) && *c != b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_filled_in_order() {
        assert_eq!(
            fill(ADMIN_USER_REQUESTER_DELETE, &[&3, &9]),
            "/admin/users/3/requesters/9/delete"
        );
        assert_eq!(
            fill(ADMIN_LIST_ENTRY, &[&"states", &1]),
            "/admin/lists/states/1"
        );
        assert_eq!(fill(HOME, &[]), "/");
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/profile"));
        assert!(is_local_path("/?a=b"));
        assert!(!is_local_path("//evil.test/"));
        assert!(!is_local_path("https://evil.test/"));
        assert!(!is_local_path("/\\evil.test"));
        assert!(!is_local_path("profile"));
        for sneaky in [
            "/\t/evil.example/",
            "/\n/evil.example/",
            "/\r\n/evil.example",
            "/\x0b/x",
            "/ /x",
            "/\u{a0}/x",
            "/\u{202e}/x",
            "",
            "\\\\evil",
        ] {
            assert!(!is_local_path(sneaky), "{sneaky:?}");
        }
        assert!(is_local_path("/tickets?view=all&q=caf%C3%A9"));
    }

    proptest::proptest! {
        /// A path judged local goes in a `Location` header as is, and stays on this site even
        /// once a browser drops the characters it ignores.
        #[test]
        fn a_local_path_is_a_valid_header_that_stays_here(next in "\\PC{0,12}|/[\\t\\n\\r /\\\\a-z%.]{0,12}") {
            if is_local_path(&next) {
                proptest::prop_assert!(axum::http::HeaderValue::from_str(&next).is_ok());
                let browser: String = next.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
                proptest::prop_assert!(!browser.starts_with("//") && !browser.starts_with("/\\"));
            }
        }
    }
}
