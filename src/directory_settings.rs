//! Where the settings meet the directory adapter: the LDAP connector's plain configuration read
//! from the domain's settings, so that the adapter itself never reads them, and the "Test"
//! button: bind with the service account, then count the users of each branch.

use std::time::Duration;

use crate::directory::{self, DirectoryError, LdapConfig, Security};
use crate::domain::settings::Settings;
use crate::domain::settings::directory_registry as keys;

/// How long connecting and each operation may take.
const TIMEOUT: Duration = Duration::from_secs(15);

/// The LDAP connector's configuration, read from the settings.
pub fn ldap_config(s: &Settings) -> LdapConfig {
    LdapConfig {
        host: s.raw(keys::LDAP_HOST).to_owned(),
        port: u16::try_from(s.number(keys::LDAP_PORT)).unwrap_or(389),
        security: match s.raw(keys::LDAP_SECURITY) {
            keys::SECURITY_NONE => Security::None,
            keys::SECURITY_LDAPS => Security::Ldaps,
            _ => Security::StartTls,
        },
        accept_invalid_certs: s.flag(keys::LDAP_ACCEPT_INVALID_CERTS),
        bind_dn: s.raw(keys::LDAP_BIND_DN).to_owned(),
        password: s.raw(keys::LDAP_PASSWORD).to_owned(),
        timeout: TIMEOUT,
    }
}

/// What the "Test" button found: the users of each branch, or what failed.
#[derive(Debug)]
pub enum Tested {
    /// (branch, users in it), in the settings' order.
    Branches(Vec<(String, usize)>),
    /// No user branch is set: the bind alone was tried, and worked.
    BoundOnly,
    Failed(DirectoryError),
}

/// Binds with the saved settings and counts the users of each branch.
pub async fn test(s: &Settings) -> Tested {
    let cfg = ldap_config(s);
    let mut d = match directory::connect(&cfg).await {
        Ok(d) => d,
        Err(e) => return Tested::Failed(e),
    };
    let branches = keys::user_branches(s);
    if branches.is_empty() {
        d.close().await;
        return Tested::BoundOnly;
    }
    let mut counted = Vec::new();
    for b in branches {
        match d.count(&b, keys::user_filter(s)).await {
            Ok(n) => counted.push((b, n)),
            Err(e) => {
                d.close().await;
                return Tested::Failed(e);
            }
        }
    }
    d.close().await;
    Tested::Branches(counted)
}

/// The translation key saying what failed.
pub fn failure_key(e: &DirectoryError) -> &'static str {
    match e {
        DirectoryError::NameNotFound(_) => "directory-failure-name-not-found",
        DirectoryError::Refused(_) => "directory-failure-refused",
        DirectoryError::Timeout => "directory-failure-timeout",
        DirectoryError::Tls(_) => "directory-failure-tls",
        DirectoryError::BadCredentials => "directory-failure-bad-credentials",
        DirectoryError::NoSuchBranch(_) => "directory-failure-no-such-branch",
        DirectoryError::Protocol(_) => "directory-failure-protocol",
    }
}
