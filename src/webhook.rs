//! The webhook adapter: posts a JSON body to an address over HTTP or HTTPS (hyper's client
//! connection over tokio, rustls for HTTPS, trusting the system's certificate store), signed
//! with HMAC-SHA256 (ring, which rustls already brings), within a time limit, and reads the
//! start of the answer. Redirects are not followed. Like the other adapters, it takes plain
//! values and never imports the domain.
//!
//! What a receiver gets: the body, and the headers
//! - `Gestdesk-Event`: the event's name (`ticket.created`...);
//! - `Gestdesk-Delivery`: the delivery's number, the same on every try of it;
//! - `Gestdesk-Signature`: `t=<Unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the
//!   hook's secret>`, so that a receiver checks both who sent it and that it is fresh.

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, Uri, header};
use futures_util::StreamExt;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::rustls::pki_types::ServerName;

/// The header naming the event.
pub const EVENT_HEADER: &str = "Gestdesk-Event";
/// The header carrying the delivery's number.
pub const DELIVERY_HEADER: &str = "Gestdesk-Delivery";
/// The header carrying the time and signature.
pub const SIGNATURE_HEADER: &str = "Gestdesk-Signature";

/// Bytes of the answer's body kept.
const ANSWER_READ: usize = 2_048;

/// One post.
#[derive(Debug, Clone, Copy)]
pub struct Post<'a> {
    pub url: &'a str,
    pub secret: &'a str,
    pub event: &'a str,
    pub delivery: i64,
    pub body: &'a str,
    /// Unix seconds, signed with the body.
    pub timestamp: i64,
}

/// What the receiver answered.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    /// The start of its body, as text.
    pub body: String,
}

/// Why a post got no answer.
#[derive(Debug, thiserror::Error)]
pub enum PostError {
    #[error("the address cannot be used: {0}")]
    Address(String),
    #[error("cannot connect: {0}")]
    Connect(std::io::Error),
    #[error("secure connection failed: {0}")]
    Tls(String),
    #[error("no answer within {0} s")]
    Timeout(u64),
    #[error("the exchange failed: {0}")]
    Exchange(String),
}

/// The `Gestdesk-Signature` value of `body` sent at `timestamp` with `secret`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    let mut ctx = ring::hmac::Context::with_key(&key);
    ctx.update(timestamp.to_string().as_bytes());
    ctx.update(b".");
    ctx.update(body.as_bytes());
    let tag = ctx.sign();
    let hex: String = tag.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    format!("t={timestamp},v1={hex}")
}

/// Posts `post` and reads the answer's status and the start of its body, all within `limit`.
pub async fn send(post: &Post<'_>, limit: Duration) -> Result<Answer, PostError> {
    match tokio::time::timeout(limit, exchange(post)).await {
        Ok(answer) => answer,
        Err(_) => Err(PostError::Timeout(limit.as_secs())),
    }
}

async fn exchange(post: &Post<'_>) -> Result<Answer, PostError> {
    let uri: Uri = post
        .url
        .parse()
        .map_err(|e: axum::http::uri::InvalidUri| PostError::Address(e.to_string()))?;
    let https = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => false,
        _ => return Err(PostError::Address("only http and https".to_owned())),
    };
    let host = uri
        .host()
        .ok_or_else(|| PostError::Address("no host".to_owned()))?
        .to_owned();
    let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
    let bare = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let authority = uri
        .port_u16()
        .map_or_else(|| host.clone(), |p| format!("{host}:{p}"));
    let target = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    let request = Request::post(target)
        .header(header::HOST, authority)
        .header(header::CONTENT_TYPE, "application/json")
        .header(
            header::USER_AGENT,
            concat!("Gestdesk-Webhook/", env!("CARGO_PKG_VERSION")),
        )
        .header(EVENT_HEADER, post.event)
        .header(DELIVERY_HEADER, post.delivery.to_string())
        .header(
            SIGNATURE_HEADER,
            signature(post.secret, post.timestamp, post.body),
        )
        .body(Body::from(post.body.to_owned()))
        .map_err(|e| PostError::Address(e.to_string()))?;
    let tcp = TcpStream::connect((bare.as_str(), port))
        .await
        .map_err(PostError::Connect)?;
    let _ = tcp.set_nodelay(true);
    if https {
        let name = ServerName::try_from(bare).map_err(|e| PostError::Address(e.to_string()))?;
        let tls = crate::tls_client::connector(false)
            .map_err(|e| PostError::Tls(e.to_string()))?
            .connect(name, tcp)
            .await
            .map_err(|e| PostError::Tls(e.to_string()))?;
        over(tls, request).await
    } else {
        over(tcp, request).await
    }
}

/// Sends `request` over `io` (HTTP/1.1, one request) and reads the answer's start.
async fn over<I>(io: I, request: Request<Body>) -> Result<Answer, PostError>
where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(io))
        .await
        .map_err(|e| PostError::Exchange(e.to_string()))?;
    let driver = tokio::spawn(connection);
    let result = async {
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| PostError::Exchange(e.to_string()))?;
        let status = response.status().as_u16();
        let mut stream = Body::new(response.into_body()).into_data_stream();
        let mut read = Vec::new();
        while read.len() < ANSWER_READ {
            match stream.next().await {
                Some(Ok(chunk)) => read.extend_from_slice(&chunk),
                // A body cut short still leaves its status, which is what counts.
                Some(Err(_)) | None => break,
            }
        }
        read.truncate(ANSWER_READ);
        Ok(Answer {
            status,
            body: String::from_utf8_lossy(&read).into_owned(),
        })
    }
    .await;
    driver.abort();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_hmac_of_time_dot_body() {
        // Computed apart with Python's hmac module:
        // hmac.new(b"Jefe", b'1700000000.{"event":"ping"}', "sha256").hexdigest()
        assert_eq!(
            signature("Jefe", 1_700_000_000, r#"{"event":"ping"}"#),
            "t=1700000000,v1=f3e097cde69e23471c620900c5a8a262f242b16162e03460edee4c1308bac639"
        );
    }
}
