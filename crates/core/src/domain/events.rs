//! The event log: security and administration events with who, when and from where.

use rusqlite::{Transaction, params};

use super::clock;
use super::ids::UserId;

/// Kinds of logged events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    LoginSuccess,
    LoginFailure,
    LoginThrottled,
    Logout,
    PasswordChanged,
    PasswordReset,
    AdminCreated,
    UserCreated,
    UserRegistered,
    UserUpdated,
    UserDisabled,
    UserEnabled,
    RightChanged,
    GroupChanged,
    ListChanged,
    /// An administrator lifted a lock on an account or an address.
    ThrottleLifted,
    /// A working administrator was restored from the command line.
    AdminRepaired,
    /// An account was deleted, or anonymised because tickets point to it.
    UserErased,
    /// Two-factor login turned on or off, new recovery codes, or a reset by an administrator.
    SecondFactorChanged,
}

impl EventKind {
    fn code(self) -> &'static str {
        match self {
            EventKind::LoginSuccess => "login_success",
            EventKind::LoginFailure => "login_failure",
            EventKind::LoginThrottled => "login_throttled",
            EventKind::Logout => "logout",
            EventKind::PasswordChanged => "password_changed",
            EventKind::PasswordReset => "password_reset",
            EventKind::AdminCreated => "admin_created",
            EventKind::UserCreated => "user_created",
            EventKind::UserRegistered => "user_registered",
            EventKind::UserUpdated => "user_updated",
            EventKind::UserDisabled => "user_disabled",
            EventKind::UserEnabled => "user_enabled",
            EventKind::RightChanged => "right_changed",
            EventKind::GroupChanged => "group_changed",
            EventKind::ListChanged => "list_changed",
            EventKind::ThrottleLifted => "throttle_lifted",
            EventKind::AdminRepaired => "admin_repaired",
            EventKind::UserErased => "user_erased",
            EventKind::SecondFactorChanged => "second_factor_changed",
        }
    }
}

/// Records an event.
pub fn record(
    tx: &Transaction<'_>,
    kind: EventKind,
    message: &str,
    user: Option<UserId>,
    ip: &str,
) -> Result<(), rusqlite::Error> {
    tx.execute(
        "INSERT INTO event_log (at, kind, message, user_id, ip) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![clock::now(), kind.code(), message, user.map(|u| u.0), ip],
    )?;
    Ok(())
}
