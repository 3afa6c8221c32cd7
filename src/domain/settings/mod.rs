//! Global settings: a key/value table where a missing key means its default.
//!
//! [`Settings::load`] reads them all in one query; it is cheap enough to do on every request,
//! which is how a change applies everywhere without a restart.

use rusqlite::{Connection, Transaction, params};

use super::clock;
use super::ids::UserId;

/// Key of the company name shown in the top bar and on the login page.
pub const COMPANY_NAME: &str = "company_name";
/// Key of the idle time after which a session ends, in minutes.
pub const SESSION_TIMEOUT_MINUTES: &str = "session_timeout_minutes";

/// The settings the code reads, with their defaults applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Shown in the top bar and on the login page; empty means "Gestdesk".
    pub company_name: String,
    /// Idle minutes before a session ends (GestSup's default: 24 hours).
    pub session_timeout_minutes: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            company_name: String::new(),
            session_timeout_minutes: 24 * 60,
        }
    }
}

impl Settings {
    /// Reads every setting, falling back to defaults for missing or unreadable values.
    pub fn load(conn: &Connection) -> Result<Self, rusqlite::Error> {
        let mut settings = Settings::default();
        let mut stmt = conn.prepare_cached("SELECT key, value FROM settings")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            let value: String = row.get(1)?;
            match key.as_str() {
                COMPANY_NAME => settings.company_name = value,
                SESSION_TIMEOUT_MINUTES => {
                    if let Ok(minutes) = value.parse::<i64>()
                        && minutes > 0
                    {
                        settings.session_timeout_minutes = minutes;
                    }
                }
                _ => {}
            }
        }
        Ok(settings)
    }

    /// The idle timeout in seconds.
    pub fn session_timeout_secs(&self) -> i64 {
        self.session_timeout_minutes.saturating_mul(60)
    }
}

/// Stores a setting value.
pub fn set(
    tx: &Transaction<'_>,
    key: &str,
    value: &str,
    by: Option<UserId>,
) -> Result<(), rusqlite::Error> {
    tx.execute(
        "INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by",
        params![key, value, clock::now(), by.map(|u| u.0)],
    )?;
    Ok(())
}
