//! The JSON API: tokens made by administrators, calls acting as their user.

use reqwest::StatusCode;

use crate::common::Client;

/// Accounts made, changed and disabled by an administrator's token.
pub mod accounts;
/// Assets recorded, found and changed by an inventory agent's token.
pub mod assets;
/// Conformance: the OpenAPI document validated, every operation exercised against it.
pub mod conformance;
/// A ticket's files downloaded by those who see the ticket.
pub mod files;
/// The rights walk with a token of each profile.
pub mod rights;

/// The OpenAPI document and the reference page.
pub mod reference;
/// Tokens: made, shown once, used, refused, paced, logged and revoked.
pub mod tokens;
/// Webhooks: registered, signed, retried, never in the way of a save.
pub mod webhooks;

/// Makes a token through Administration > API; answers the page and the secret it shows once.
pub async fn make_token(admin: &Client, fields: &[(&str, &str)]) -> String {
    let reply = admin.submit("/admin/api", "/admin/api", fields).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        reply
            .headers
            .get("cache-control")
            .and_then(|v| v.to_str().ok()),
        Some("no-store")
    );
    let at = reply.body.find("value=\"gd_").expect("the secret is shown") + 7;
    reply.body[at..at + reply.body[at..].find('"').expect("end")].to_owned()
}
