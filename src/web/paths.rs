//! The paths of the application, shared by the router and the pages that link to them.

pub const HOME: &str = "/";
pub const HEALTHZ: &str = "/healthz";
pub const STATIC: &str = "/static/{hash}/{*path}";
pub const LOGIN: &str = "/login";
pub const LOGOUT: &str = "/logout";
pub const LANGUAGE: &str = "/language";
pub const SETUP: &str = "/setup/{token}";
pub const PASSWORD: &str = "/password";
pub const PROFILE: &str = "/profile";
pub const ADMIN_SYSTEM: &str = "/admin/system";

/// Whether `next` is a safe place to send a user after logging in: a path on this site.
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.contains("://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/profile"));
        assert!(is_local_path("/?a=b"));
        assert!(!is_local_path("//evil.test/"));
        assert!(!is_local_path("https://evil.test/"));
        assert!(!is_local_path("/\\evil.test"));
        assert!(!is_local_path("profile"));
    }
}
