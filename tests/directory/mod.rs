//! The directory: the LDAP connector against a real OpenLDAP.

/// The LDAP side of the directory connector: plain, StartTLS and LDAPS, each failure told
/// apart, paged searches beyond the server's size limit, password checks, escaped filters.
pub mod connector;

/// Administration > Settings > Directory: the connector's settings and its Test button.
pub mod settings;

/// Synchronisation: simulate, synchronise, follow the directory's changes; thousands of users.
pub mod sync;

/// Logging in with the directory's password; injections; an outage.
pub mod login;
