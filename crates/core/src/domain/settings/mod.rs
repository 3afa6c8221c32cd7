//! Global settings: a key/value table where a missing key means its default.
//!
//! Every setting is declared once in [`registry::DEFS`] or [`mail_registry::DEFS`] (key, kind, default, label and help
//! text). [`Settings::load`] reads them all in one query, cheap enough for every request, which
//! is how a change applies everywhere without a restart. [`set`] validates a value against its
//! declaration and records the change in `settings_log`.

mod defs;
pub use defs::HTTPS_MODES;
pub mod directory_registry;
pub mod history;
pub mod keys;
pub mod mail_registry;
pub mod network_registry;
pub mod registry;

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::clock;
use super::ids::UserId;
use crate::i18n::{Msg, msg};

pub use keys::{Flag, Key, Number, Text};
pub use registry::{Def, Kind, Section};

/// Key of the company name shown in the top bar and on the login page.
pub const COMPANY_NAME: Text = Text::declared("company_name");
/// Key of the idle time after which a session ends, in minutes.
pub const SESSION_TIMEOUT_MINUTES: Number = Number::declared("session_timeout_minutes");
/// Key of the longest a session may last whatever its use, in hours (0: no limit).
pub const SESSION_MAX_HOURS: Number = Number::declared("session_max_hours");
/// Key of the shortest password accepted.
pub const PASSWORD_MIN_LENGTH: Number = Number::declared("password_min_length");
/// Key of "refuse the passwords everybody tries first".
pub const PASSWORD_REFUSE_COMMON: Flag = Flag::declared("password_refuse_common");
/// Key of the number of rows per page in lists.
pub const ROWS_PER_PAGE: Number = Number::declared("rows_per_page");
/// Calls an API token may make in a minute.
pub const API_CALLS_PER_MINUTE: Number = Number::declared("api_calls_per_minute");
/// Days the API's call log is kept.
pub const API_LOG_DAYS: Number = Number::declared("api_log_days");
/// Key of "show the advanced user properties".
pub const USER_ADVANCED: Flag = Flag::declared("user_advanced");
/// Key of which certificate HTTPS uses (`off`, `self_signed`, `own`).
pub const HTTPS_MODE: Text = Text::declared("https_mode");
/// Key of "TLS responses carry Strict-Transport-Security".
pub const HTTPS_HSTS: Flag = Flag::declared("https_hsts");
/// Key of "accounts may turn two-factor login on" (GestSup's `user_mfa`).
pub const USER_MFA: Flag = Flag::declared("user_mfa");
/// Keys of "two-factor login is compulsory" for each profile.
pub const USER_MFA_USER: Flag = Flag::declared("user_mfa_user");
pub const USER_MFA_POWER_USER: Flag = Flag::declared("user_mfa_power_user");
pub const USER_MFA_SUPERVISOR: Flag = Flag::declared("user_mfa_supervisor");
pub const USER_MFA_TECHNICIAN: Flag = Flag::declared("user_mfa_technician");
pub const USER_MFA_ADMINISTRATOR: Flag = Flag::declared("user_mfa_administrator");
/// Key of "users may create their own account".
pub const USER_REGISTER: Flag = Flag::declared("user_register");
/// Key of "limit the number of tickets per user".
pub const USER_LIMIT_TICKET: Flag = Flag::declared("user_limit_ticket");
/// Key of "limit the number of tickets per company".
pub const COMPANY_LIMIT_TICKET: Flag = Flag::declared("company_limit_ticket");
/// Key of "companies have hour limits" (shown and edited with the company).
pub const COMPANY_LIMIT_HOUR: Flag = Flag::declared("company_limit_hour");
/// Key of "users see every ticket of their company".
pub const USER_COMPANY_VIEW: Flag = Flag::declared("user_company_view");
/// Key of "users belong to agencies".
pub const USER_AGENCY: Flag = Flag::declared("user_agency");
/// Key of "users only see their services' tickets; lists are partitioned by service".
pub const USER_LIMIT_SERVICE: Flag = Flag::declared("user_limit_service");
/// Key of "tickets have a type".
pub const TICKET_TYPE: Flag = Flag::declared("ticket_type");
/// Key of "tickets have a place".
pub const TICKET_PLACES: Flag = Flag::declared("ticket_places");
/// Observers on tickets (GestSup's `ticket_observer`).
pub const TICKET_OBSERVER: Flag = Flag::declared("ticket_observer");
/// Key of "offer the 'to handle' meta-state (waiting, in progress, waiting for user)".
pub const META_STATE: Flag = Flag::declared("meta_state");
/// Key of the default sort order of ticket lists (GestSup's `order`).
pub const TICKET_ORDER: Text = Text::declared("order");
/// Key of the list users land on after logging in (GestSup's `ticket_default_state`).
pub const DEFAULT_STATE: Text = Text::declared("ticket_default_state");
/// Key of "technicians hear a sound when a user opens a ticket" (GestSup's `notify`).
pub const NOTIFY: Flag = Flag::declared("notify");
/// Key of "a requester's reply reopens a resolved ticket".
pub const REPLY_REOPENS: Flag = Flag::declared("ticket_reply_reopens");
/// Key of "resolved tickets wait for their requester to accept the resolution".
pub const USER_VALIDATION: Flag = Flag::declared("user_validation");
/// Key of the days after which an unanswered resolution counts as accepted.
pub const USER_VALIDATION_DELAY: Number = Number::declared("user_validation_delay");
/// Key of which tickets ask for validation: "all", or "type" (those whose type asks).
pub const USER_VALIDATION_PERIMETER: Text = Text::declared("user_validation_perimeter");
/// Key of the address users reach Gestdesk at, used in links sent by mail.
pub const SERVER_URL: Text = Text::declared("server_url");
/// Key of the message shown above the login form (plain text).
pub const LOGIN_MESSAGE: Text = Text::declared("login_message");
/// Key of the language of pages for visitors whose browser asks for none we have, and of
/// mails to users who chose none.
pub const DEFAULT_LANGUAGE: Text = Text::declared("default_language");
/// Key of the order people's names are shown in ("first_last" or "last_first").
pub const NAME_ORDER: Text = Text::declared("name_order");
/// Key of how long action messages stay bright, in milliseconds.
pub const FLASH_MS: Number = Number::declared("flash_ms");
/// Key of "pages update themselves when tickets change".
pub const LIVE_UPDATES: Flag = Flag::declared("live_updates");
/// Keys of the optional functions (GestSup's names).
pub const FUNCTION_AVAILABILITY: Flag = Flag::declared("availability");
pub const FUNCTION_CALENDAR: Flag = Flag::declared("planning");
pub const FUNCTION_ASSETS: Flag = Flag::declared("asset");
pub const FUNCTION_ASSET_IP: Flag = Flag::declared("asset_ip");
pub const FUNCTION_ASSET_WARRANTY: Flag = Flag::declared("asset_warranty");
pub const FUNCTION_ASSET_VNC: Flag = Flag::declared("asset_vnc_link");
pub const FUNCTION_PROCEDURES: Flag = Flag::declared("procedure");
pub const FUNCTION_SURVEYS: Flag = Flag::declared("survey");
/// Keys of availability (GestSup's names): every subcategory monitored, dependencies counted,
/// and what makes a ticket an unavailability (`criticality:<id>` or `type:<id>`).
pub const AVAILABILITY_ALL: Flag = Flag::declared("availability_all_cat");
pub const AVAILABILITY_DEPENDENCIES: Flag = Flag::declared("availability_dep");
pub const AVAILABILITY_CONDITION: Text = Text::declared("availability_condition");
/// Keys of surveys (GestSup's names, and the days a link lives): the state whose entry mails
/// the survey, and whether answering it resolves the ticket.
pub const SURVEY_STATE: Number = Number::declared("survey_ticket_state");
pub const SURVEY_AUTO_CLOSE: Flag = Flag::declared("survey_auto_close_ticket");
pub const SURVEY_LINK_DAYS: Number = Number::declared("survey_link_days");
/// Key of the first day of the calendar's weeks ("monday", "sunday" or "saturday").
pub const CALENDAR_WEEK_START: Text = Text::declared("planning_week_start");
/// Keys of the working hours the calendar's day and week views show (first hour, hour after
/// the last).
pub const CALENDAR_DAY_START: Number = Number::declared("planning_day_start");
pub const CALENDAR_DAY_END: Number = Number::declared("planning_day_end");
/// Key of "mail the requester each planned intervention with an invitation" (GestSup's
/// `planning_ics`).
pub const CALENDAR_MAIL: Flag = Flag::declared("planning_ics");
/// Key of "administrators see what went wrong on error pages".
pub const DEBUG: Flag = Flag::declared("debug");
/// Key of the theme of users who did not choose one.
pub const THEME: Text = Text::declared("theme");
/// Key of the separator of exported CSV files.
pub const CSV_SEPARATOR: Text = Text::declared("csv_separator");
/// Key of the most attachments one ticket may have.
pub const ATTACHMENT_MAX_COUNT: Number = Number::declared("attachment_max_count");
/// Key of the largest attachment, in megabytes.
pub const ATTACHMENT_MAX_MB: Number = Number::declared("attachment_max_mb");

/// Where a change comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Web,
    CommandLine,
}

impl Source {
    fn code(self) -> &'static str {
        match self {
            Source::Web => "web",
            Source::CommandLine => "cli",
        }
    }
}

/// The settings as stored, with defaults for what is not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    values: HashMap<&'static str, String>,
}

impl Settings {
    /// Reads every setting; unknown keys are ignored and unreadable values fall back to their
    /// default.
    pub fn load(conn: &Connection) -> Result<Self, rusqlite::Error> {
        let mut values = HashMap::new();
        let mut stmt = conn.prepare_cached("SELECT key, value FROM settings")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            let value: String = row.get(1)?;
            if let Some(def) = registry::find(&key)
                && def.validate(&value).is_ok()
            {
                values.insert(def.key, value);
            }
        }
        Ok(Self { values })
    }

    /// The stored or default value of `key` as text.
    pub fn raw<K: Key>(&self, key: K) -> &str {
        self.named(key.name()).unwrap_or("")
    }

    /// The stored or default value of declared setting `def`.
    pub fn value(&self, def: &Def) -> &str {
        self.values.get(def.key).map_or(def.default, String::as_str)
    }

    /// The stored or default value of the setting named `name`; `None` when no setting has
    /// that name.
    pub fn named(&self, name: &str) -> Option<&str> {
        registry::find(name).map(|def| self.values.get(def.key).map_or(def.default, String::as_str))
    }

    /// A yes/no setting.
    pub fn flag(&self, key: Flag) -> bool {
        self.raw(key) == "1"
    }

    /// A number setting.
    pub fn number(&self, key: Number) -> i64 {
        self.raw(key).parse().unwrap_or(0)
    }

    /// The language of what is written for no one in particular (the default language).
    pub fn default_lang(&self) -> crate::i18n::Lang {
        crate::i18n::Lang::from_code(self.raw(DEFAULT_LANGUAGE)).unwrap_or_default()
    }

    /// The company name; empty means "Gestdesk".
    pub fn company_name(&self) -> &str {
        self.raw(COMPANY_NAME)
    }

    /// The idle timeout in seconds.
    pub fn session_timeout_secs(&self) -> i64 {
        self.number(SESSION_TIMEOUT_MINUTES).saturating_mul(60)
    }

    /// The longest a session may last in seconds, whatever its use (`None`: no limit).
    pub fn session_max_secs(&self) -> Option<i64> {
        Some(self.number(SESSION_MAX_HOURS).saturating_mul(3600)).filter(|s| *s > 0)
    }

    /// Rows per page in lists.
    pub fn rows_per_page(&self) -> i64 {
        self.number(ROWS_PER_PAGE).max(1)
    }
}

/// Validates and stores a setting, and records the change. Returns whether the value changed.
pub fn set(
    tx: &Transaction<'_>,
    key: &str,
    value: &str,
    by: Option<UserId>,
    source: Source,
) -> Result<bool, SetError> {
    let def = registry::find(key).ok_or(SetError::UnknownKey)?;
    let value = def.validate(value).map_err(SetError::Invalid)?;
    let old: Option<String> = tx
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [def.key],
            |r| r.get(0),
        )
        .optional()?;
    let before = old.as_deref().unwrap_or(def.default);
    if before == value {
        return Ok(false);
    }
    // The history shows that a secret changed, never the secret.
    let (logged_before, logged_after) = (def.shown(before), def.shown(&value));
    let now = clock::now();
    tx.execute(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by",
        params![def.key, value, now, by.map(|u| u.0)],
    )?;
    tx.execute(
        "INSERT INTO settings_log (at, key, old_value, new_value, user_id, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            now,
            def.key,
            logged_before,
            logged_after,
            by.map(|u| u.0),
            source.code()
        ],
    )?;
    Ok(true)
}

/// Stores `value` for setting `key` unless someone set it already (set-up fills the server
/// address with the one the administrator used, and the default language with theirs, so
/// that links in mails are never empty). Returns whether it was stored.
pub async fn adopt(
    db: &crate::db::Db,
    key: impl Key,
    value: String,
    by: UserId,
) -> Result<bool, crate::domain::DomainError> {
    let key = key.name();
    db.write(move |tx| {
        let current: Option<String> = tx
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        if current.is_some_and(|v| !v.trim().is_empty()) {
            return Ok(false);
        }
        match set(tx, key, &value, Some(by), Source::Web) {
            Ok(changed) => Ok(changed),
            // An address the checks refuse is left for the administrator to type.
            Err(SetError::Invalid(_) | SetError::UnknownKey) => Ok(false),
            Err(SetError::Storage(e)) => Err(e.into()),
        }
    })
    .await
}

/// Validates every `(key, value)` first, then stores them all in one transaction, so that one
/// bad value saves nothing. Errors are reported per key. Returns how many values changed.
pub async fn save_all(
    db: &crate::db::Db,
    values: Vec<(&'static str, String)>,
    by: Option<UserId>,
    source: Source,
) -> Result<usize, super::DomainError> {
    let mut errors = super::FieldErrors::new();
    for (key, value) in &values {
        match registry::find(key) {
            Some(def) => {
                if let Err(m) = def.validate(value) {
                    errors.add(def.key, m);
                }
            }
            None => errors.add(key, msg("error-setting-unknown")),
        }
    }
    errors.into_result()?;
    db.write(move |tx| {
        let mut changed = 0;
        for (key, value) in &values {
            if set(tx, key, value, by, source)? {
                changed += 1;
            }
        }
        Ok(changed)
    })
    .await
}

/// Why a setting could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum SetError {
    #[error("unknown setting")]
    UnknownKey,
    #[error("invalid value: {}", .0.key)]
    Invalid(Msg),
    #[error(transparent)]
    Storage(#[from] rusqlite::Error),
}

impl From<SetError> for super::DomainError {
    fn from(e: SetError) -> Self {
        match e {
            SetError::UnknownKey => super::DomainError::Conflict(msg("error-setting-unknown")),
            SetError::Invalid(m) => {
                let mut errors = super::FieldErrors::new();
                errors.add("value", m);
                super::DomainError::Invalid(errors)
            }
            SetError::Storage(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod typed_tests {
    use super::*;

    #[test]
    fn an_unknown_name_is_none_not_an_empty_value() {
        let s = Settings::default();
        assert_eq!(s.named("no_such_setting"), None);
        assert!(s.named(ROWS_PER_PAGE.name()).is_some());
        assert!(!s.flag(USER_AGENCY));
        assert!(s.number(ROWS_PER_PAGE) > 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_when_nothing_is_stored() {
        let s = Settings::default();
        assert_eq!(s.company_name(), "");
        assert_eq!(s.session_timeout_secs(), 24 * 3600);
        assert_eq!(s.rows_per_page(), 10);
        assert!(!s.flag(USER_ADVANCED));
    }
}
