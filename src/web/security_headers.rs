//! Security headers on every response.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::middleware::Next;
use axum::response::Response;

/// Scripts and styles come from this site only; pages cannot be framed elsewhere.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; \
     frame-ancestors 'none'";

/// The policy of a page that the sites of `origins` may frame (the intranet form): the same
/// as every page's, but for `frame-ancestors`.
pub fn framed_by(origins: &[String]) -> String {
    let mut ancestors = String::from("'self'");
    for o in origins {
        // Origins are checked when saved; anything that could end the directive is left out.
        if !o.contains([';', ',', ' ', '\'', '"']) {
            ancestors.push(' ');
            ancestors.push_str(o);
        }
    }
    CSP.replace(
        "frame-ancestors 'none'",
        &format!("frame-ancestors {ancestors}"),
    )
}

/// The middleware. A page that set its own policy (one that may be framed) keeps it, and gets
/// no `X-Frame-Options`, which would forbid what its policy allows.
pub async fn add(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    if !h.contains_key(CONTENT_SECURITY_POLICY) {
        h.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
        h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    response
}
