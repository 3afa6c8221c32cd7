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

/// The account name in a login typed the Windows way, `name@domain` or `DOMAIN\name`, for the
/// directory's `domain` (`example.com`: `EXAMPLE\name` and `example.com\name` too); None when
/// the login is not written so.
pub fn short_login(login: &str, domain: &str) -> Option<String> {
    let domain = domain.trim().to_lowercase();
    if domain.is_empty() {
        return None;
    }
    let lower = login.to_lowercase();
    let netbios = domain.split('.').next().unwrap_or_default();
    let short = if let Some(at) = lower.rfind('@') {
        (lower[at + 1..] == domain).then(|| &login[..at])
    } else if let Some(slash) = lower.find('\\') {
        let prefix = &lower[..slash];
        (prefix == domain || prefix == netbios).then(|| &login[slash + 1..])
    } else {
        None
    };
    short.filter(|s| !s.is_empty()).map(str::to_owned)
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

#[cfg(test)]
mod tests {
    use super::short_login;

    #[test]
    fn a_login_typed_the_windows_way_names_the_account() {
        let d = "example.com";
        assert_eq!(short_login("jdoe@example.com", d).as_deref(), Some("jdoe"));
        assert_eq!(short_login("JDoe@EXAMPLE.COM", d).as_deref(), Some("JDoe"));
        assert_eq!(short_login("EXAMPLE\\jdoe", d).as_deref(), Some("jdoe"));
        assert_eq!(short_login("example.com\\jdoe", d).as_deref(), Some("jdoe"));
        assert_eq!(short_login("jdoe@other.com", d), None);
        assert_eq!(short_login("OTHER\\jdoe", d), None);
        assert_eq!(short_login("@example.com", d), None);
        assert_eq!(short_login("jdoe", d), None);
        assert_eq!(short_login("jdoe@example.com", ""), None);
    }
}
