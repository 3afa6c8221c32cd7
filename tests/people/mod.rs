//! People: accounts, profiles, registration, groups and lists.

/// Administration > Users, the own profile, self-registration and the quick user dialog.
pub mod accounts;
/// Administration > Groups and Administration > Lists.
pub mod organisation;
