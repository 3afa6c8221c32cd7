//! HTTPS at the edge of every page: with HTTPS on, a plain request is sent to the same address
//! in `https://` (307, so that a form posted keeps its method and fields), except the desktop
//! console's (plain, from this machine, to a loopback name); responses over TLS carry HSTS
//! when the administrator asked for it.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::header::{HOST, LOCATION, STRICT_TRANSPORT_SECURITY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::state::AppState;
use crate::tls::Transport;

/// A year, as browsers expect of HSTS.
const HSTS: &str = "max-age=31536000";

/// Whether `req` came over TLS: to this server, or to a proxy in front that says so
/// (`X-Forwarded-Proto: https`). The header only makes the sender's own cookies Secure and
/// spares its own request the redirect: nothing another client could use.
pub fn is_secure(req: &Request) -> bool {
    req.extensions().get::<Transport>().is_some_and(|t| t.tls)
        || req
            .headers()
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// The host name of a `Host` header value (without the port; an IPv6 address keeps brackets).
fn host_name(host: &str) -> &str {
    if host.starts_with('[') {
        return host.find(']').map_or(host, |i| &host[..=i]);
    }
    host.rsplit_once(':').map_or(host, |(h, _)| h)
}

/// Whether a `Host` value is safe to put back in an address.
fn plausible_host(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 255
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
}

/// Whether a plain request is the desktop console's: from this machine, to a loopback name.
fn is_console(remote: Option<SocketAddr>, host: &str) -> bool {
    remote.is_some_and(|r| r.ip().to_canonical().is_loopback())
        && matches!(host_name(host), "localhost" | "127.0.0.1" | "[::1]")
}

/// The middleware.
pub async fn redirect_and_hsts(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let tls = state.tls();
    if !tls.enabled() {
        return next.run(req).await;
    }
    if is_secure(&req) {
        let mut response = next.run(req).await;
        if tls.hsts() {
            response
                .headers_mut()
                .insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
        }
        return response;
    }
    let host = req
        .headers()
        .get(HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let remote = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(a)| *a);
    if is_console(remote, &host) {
        return next.run(req).await;
    }
    let base = if plausible_host(&host) {
        format!("https://{host}")
    } else {
        state.lan_url()
    };
    let path = req
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_owned();
    match HeaderValue::from_str(&format!("{base}{path}")) {
        Ok(to) => (StatusCode::TEMPORARY_REDIRECT, [(LOCATION, to)]).into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_requests_from_this_machine_to_a_loopback_name_stay_plain() {
        let local: SocketAddr = "127.0.0.1:50000".parse().expect("address");
        let lan: SocketAddr = "192.168.1.9:50000".parse().expect("address");
        assert!(is_console(Some(local), "127.0.0.1:8080"));
        assert!(is_console(Some(local), "localhost"));
        assert!(is_console(Some(local), "[::1]:8080"));
        assert!(!is_console(Some(local), "helpdesk.lan:8080"));
        assert!(!is_console(Some(lan), "127.0.0.1:8080"));
        assert!(!is_console(None, "localhost"));
        assert!(plausible_host("helpdesk.lan:8443") && plausible_host("[fe80::1]:80"));
        assert!(!plausible_host("evil.test/\r\nX: y") && !plausible_host(""));
    }
}
