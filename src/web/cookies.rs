//! Reading the `Cookie` header and writing `Set-Cookie` values.

use axum::http::HeaderMap;
use axum::http::header::COOKIE;

/// The session cookie: a random token, HttpOnly, SameSite=Lax.
pub const SESSION: &str = "gd_session";
/// The CSRF token of a visitor who is not logged in (double-submit).
pub const ANON_CSRF: &str = "gd_csrf";
/// The language chosen on the login page.
pub const LANGUAGE: &str = "gd_lang";
/// A one-shot action message code.
pub const FLASH: &str = "gd_flash";
/// A login whose password was right, waiting for its second-factor code.
pub const SECOND_FACTOR: &str = "gd_2fa";
/// The address of the last ticket list seen, for the previous and next arrows of a ticket.
pub const LAST_LIST: &str = "gd_list";

/// The value of cookie `name`, if the request carries it.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim_matches('"'))
}

/// How long a cookie lives.
#[derive(Debug, Clone, Copy)]
pub enum Lifetime {
    /// Until the browser closes.
    Session,
    /// This many seconds.
    Seconds(i64),
    /// Delete it now.
    Remove,
}

/// A `Set-Cookie` value: Path=/, HttpOnly, SameSite=Lax, Secure when served over HTTPS.
pub fn set(name: &str, value: &str, lifetime: Lifetime, secure: bool) -> String {
    let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    match lifetime {
        Lifetime::Session => {}
        Lifetime::Seconds(s) => cookie.push_str(&format!("; Max-Age={s}")),
        Lifetime::Remove => cookie.push_str("; Max-Age=0"),
    }
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn finds_a_cookie_among_several() {
        let mut h = HeaderMap::new();
        h.append(
            COOKIE,
            HeaderValue::from_static("a=1; gd_session=abc ; b=2"),
        );
        assert_eq!(get(&h, SESSION), Some("abc"));
        assert_eq!(get(&h, "b"), Some("2"));
        assert_eq!(get(&h, "missing"), None);
    }

    #[test]
    fn set_cookie_has_the_safety_attributes() {
        let c = set(SESSION, "t", Lifetime::Session, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
        assert!(set(SESSION, "", Lifetime::Remove, false).contains("Max-Age=0"));
    }
}
