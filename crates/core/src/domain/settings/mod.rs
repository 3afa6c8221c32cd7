//! Global settings: a key/value table where a missing key means its default.
//!
//! Every setting is declared once in [`registry::DEFS`] or [`mail_registry::DEFS`] (key, kind, default, label and help
//! text). [`Settings::load`] reads them all in one query, cheap enough for every request, which
//! is how a change applies everywhere without a restart. [`set`] validates a value against its
//! declaration and records the change in `settings_log`.

mod defs;
pub mod history;
pub mod mail_registry;
pub mod registry;

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::clock;
use super::ids::UserId;
use crate::i18n::{Msg, msg};

pub use registry::{Def, Kind, Section};

/// Key of the company name shown in the top bar and on the login page.
pub const COMPANY_NAME: &str = "company_name";
/// Key of the idle time after which a session ends, in minutes.
pub const SESSION_TIMEOUT_MINUTES: &str = "session_timeout_minutes";
/// Key of the longest a session may last whatever its use, in hours (0: no limit).
pub const SESSION_MAX_HOURS: &str = "session_max_hours";
/// Key of the shortest password accepted.
pub const PASSWORD_MIN_LENGTH: &str = "password_min_length";
/// Key of "refuse the passwords everybody tries first".
pub const PASSWORD_REFUSE_COMMON: &str = "password_refuse_common";
/// Key of the number of rows per page in lists.
pub const ROWS_PER_PAGE: &str = "rows_per_page";
/// Key of "show the advanced user properties".
pub const USER_ADVANCED: &str = "user_advanced";
/// Key of "users may create their own account".
pub const USER_REGISTER: &str = "user_register";
/// Key of "limit the number of tickets per user".
pub const USER_LIMIT_TICKET: &str = "user_limit_ticket";
/// Key of "limit the number of tickets per company".
pub const COMPANY_LIMIT_TICKET: &str = "company_limit_ticket";
/// Key of "companies have hour limits" (shown and edited with the company).
pub const COMPANY_LIMIT_HOUR: &str = "company_limit_hour";
/// Key of "users see every ticket of their company".
pub const USER_COMPANY_VIEW: &str = "user_company_view";
/// Key of "users belong to agencies".
pub const USER_AGENCY: &str = "user_agency";
/// Key of "users only see their services' tickets; lists are partitioned by service".
pub const USER_LIMIT_SERVICE: &str = "user_limit_service";
/// Key of "tickets have a type".
pub const TICKET_TYPE: &str = "ticket_type";
/// Key of "tickets have a place".
pub const TICKET_PLACES: &str = "ticket_places";
/// Key of "offer the 'to handle' meta-state (waiting, in progress, waiting for user)".
pub const META_STATE: &str = "meta_state";
/// Key of the default sort order of ticket lists (GestSup's `order`).
pub const TICKET_ORDER: &str = "order";
/// Key of the list users land on after logging in (GestSup's `ticket_default_state`).
pub const DEFAULT_STATE: &str = "ticket_default_state";
/// Key of "technicians hear a sound when a user opens a ticket" (GestSup's `notify`).
pub const NOTIFY: &str = "notify";
/// Key of "a requester's reply reopens a resolved ticket".
pub const REPLY_REOPENS: &str = "ticket_reply_reopens";
/// Key of "resolved tickets wait for their requester to accept the resolution".
pub const USER_VALIDATION: &str = "user_validation";
/// Key of the days after which an unanswered resolution counts as accepted.
pub const USER_VALIDATION_DELAY: &str = "user_validation_delay";
/// Key of which tickets ask for validation: "all", or "type" (those whose type asks).
pub const USER_VALIDATION_PERIMETER: &str = "user_validation_perimeter";
/// Key of the address users reach Gestdesk at, used in links sent by mail.
pub const SERVER_URL: &str = "server_url";
/// Key of the message shown above the login form (plain text).
pub const LOGIN_MESSAGE: &str = "login_message";
/// Key of the language of pages for visitors whose browser asks for none we have, and of
/// mails to users who chose none.
pub const DEFAULT_LANGUAGE: &str = "default_language";
/// Key of the order people's names are shown in ("first_last" or "last_first").
pub const NAME_ORDER: &str = "name_order";
/// Key of how long action messages stay bright, in milliseconds.
pub const FLASH_MS: &str = "flash_ms";
/// Key of "pages update themselves when tickets change".
pub const LIVE_UPDATES: &str = "live_updates";
/// Keys of the optional functions (GestSup's names).
pub const FUNCTION_AVAILABILITY: &str = "availability";
pub const FUNCTION_CALENDAR: &str = "planning";
pub const FUNCTION_ASSETS: &str = "asset";
pub const FUNCTION_ASSET_IP: &str = "asset_ip";
pub const FUNCTION_ASSET_WARRANTY: &str = "asset_warranty";
pub const FUNCTION_ASSET_VNC: &str = "asset_vnc_link";
pub const FUNCTION_PROCEDURES: &str = "procedure";
pub const FUNCTION_SURVEYS: &str = "survey";
/// Key of "administrators see what went wrong on error pages".
pub const DEBUG: &str = "debug";
/// Key of the theme of users who did not choose one.
pub const THEME: &str = "theme";
/// Key of the separator of exported CSV files.
pub const CSV_SEPARATOR: &str = "csv_separator";
/// Key of the most attachments one ticket may have.
pub const ATTACHMENT_MAX_COUNT: &str = "attachment_max_count";
/// Key of the largest attachment, in megabytes.
pub const ATTACHMENT_MAX_MB: &str = "attachment_max_mb";

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
    pub fn raw(&self, key: &str) -> &str {
        match registry::find(key) {
            Some(def) => self.values.get(def.key).map_or(def.default, String::as_str),
            None => "",
        }
    }

    /// A yes/no setting.
    pub fn flag(&self, key: &str) -> bool {
        self.raw(key) == "1"
    }

    /// A number setting.
    pub fn number(&self, key: &str) -> i64 {
        self.raw(key).parse().unwrap_or(0)
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
    key: &'static str,
    value: String,
    by: UserId,
) -> Result<bool, crate::domain::DomainError> {
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
