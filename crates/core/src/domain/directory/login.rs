//! How a synchronised account logs in: its password is never stored here but checked by the
//! directory ([`PasswordCheck`], implemented over LDAP outside the domain), each time, so that
//! an account disabled or removed in the directory cannot log in even before the next
//! synchronisation. Accounts with a local password (the administrator made at set-up, an
//! account linked to the directory after it was made) keep it, so that a directory outage never
//! locks the team out.

use std::future::Future;

use rusqlite::{Connection, OptionalExtension};

use crate::domain::ids::UserId;
use crate::domain::settings::Settings;

/// A synchronised account, as the directory knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub login: String,
    /// The entry's directory id: the entry found at login must be this one.
    pub guid: String,
    pub dn: String,
}

/// What the directory said of a password.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Accepted,
    /// A wrong password, an entry disabled in or missing from the directory.
    Refused,
    /// The directory could not be reached or could not say.
    Unreachable,
}

/// Checks a synchronised account's password against the directory.
pub trait PasswordCheck: Send + Sync {
    fn check(
        &self,
        settings: &Settings,
        account: &Account,
        password: &str,
    ) -> impl Future<Output = Verdict> + Send;
}

/// No directory: every directory account is refused (for callers without a connector).
pub struct NoDirectory;

impl PasswordCheck for NoDirectory {
    async fn check(&self, _: &Settings, _: &Account, _: &str) -> Verdict {
        Verdict::Refused
    }
}

/// The directory side of account `id`, when it logs in through the directory: linked to an
/// entry and without a local password.
pub fn account(conn: &Connection, id: UserId) -> rusqlite::Result<Option<Account>> {
    conn.prepare_cached(
        "SELECT login, ldap_guid, directory_dn FROM users
         WHERE id = ?1 AND ldap_guid <> '' AND password_hash IS NULL",
    )?
    .query_row([id.0], |r| {
        Ok(Account {
            login: r.get(0)?,
            guid: r.get(1)?,
            dn: r.get(2)?,
        })
    })
    .optional()
}
