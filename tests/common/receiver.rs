//! A webhook receiver for the stories: a small HTTP server on loopback that keeps what it is
//! posted and answers with the status the story sets, and an HMAC-SHA256 written here from
//! SHA-256 alone (RFC 2104), to check Gestdesk's signatures independently of its own code.

use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// One post the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub event: String,
    pub delivery: String,
    pub signature: String,
    pub content_type: String,
    pub body: String,
}

impl Received {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

#[derive(Clone)]
struct Shared {
    got: Arc<Mutex<Vec<Received>>>,
    status: Arc<AtomicU16>,
}

/// A receiver listening on loopback.
pub struct Receiver {
    pub port: u16,
    shared: Shared,
    task: tokio::task::JoinHandle<()>,
}

async fn take(
    State(shared): State<Shared>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    shared.got.lock().expect("lock").push(Received {
        path: uri.path().to_owned(),
        event: header("gestdesk-event"),
        delivery: header("gestdesk-delivery"),
        signature: header("gestdesk-signature"),
        content_type: header("content-type"),
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    StatusCode::from_u16(shared.status.load(Ordering::SeqCst)).unwrap_or(StatusCode::OK)
}

impl Receiver {
    /// Starts a receiver on a free loopback port, answering 200.
    pub async fn start() -> Receiver {
        Receiver::start_on(0).await
    }

    /// Starts a receiver on loopback port `port` (0: any), answering 200.
    pub async fn start_on(port: u16) -> Receiver {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind the receiver");
        let port = listener.local_addr().expect("address").port();
        let shared = Shared {
            got: Arc::new(Mutex::new(Vec::new())),
            status: Arc::new(AtomicU16::new(200)),
        };
        let app = Router::new()
            .route("/{*path}", post(take))
            .with_state(shared.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Receiver { port, shared, task }
    }

    /// The address of `path` on this receiver.
    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Answers `status` from now on.
    pub fn answer_with(&self, status: u16) {
        self.shared.status.store(status, Ordering::SeqCst);
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.shared.got.lock().expect("lock").clone()
    }

    /// Waits up to `secs` until `n` posts have arrived; answers them all.
    pub async fn wait_for(&self, n: usize, secs: u64) -> Vec<Received> {
        let until = Instant::now() + Duration::from_secs(secs);
        loop {
            let got = self.received();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < until,
                "{} post(s) received in {secs} s, {n} expected: {got:#?}",
                got.len()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Stops listening.
    pub fn stop(self) {
        self.task.abort();
    }
}

/// HMAC-SHA256 of `message` with `key` (RFC 2104), in hexadecimal.
pub fn hmac_sha256_hex(key: &[u8], message: &[u8]) -> String {
    const BLOCK: usize = 64;
    let mut k = if key.len() > BLOCK {
        Sha256::digest(key).to_vec()
    } else {
        key.to_vec()
    };
    k.resize(BLOCK, 0);
    let inner: Vec<u8> = k
        .iter()
        .map(|b| b ^ 0x36)
        .chain(message.iter().copied())
        .collect();
    let inner_hash = Sha256::digest(&inner);
    let outer: Vec<u8> = k
        .iter()
        .map(|b| b ^ 0x5c)
        .chain(inner_hash.iter().copied())
        .collect();
    Sha256::digest(&outer)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks a `Gestdesk-Signature` header against `body` and `secret`; answers its time.
pub fn verified_time(secret: &str, header: &str, body: &str) -> i64 {
    let mut t = None;
    let mut v1 = None;
    for part in header.split(',') {
        match part.split_once('=') {
            Some(("t", value)) => t = Some(value.to_owned()),
            Some(("v1", value)) => v1 = Some(value.to_owned()),
            _ => {}
        }
    }
    let t = t.unwrap_or_else(|| panic!("no time in {header:?}"));
    let v1 = v1.unwrap_or_else(|| panic!("no signature in {header:?}"));
    let expected = hmac_sha256_hex(secret.as_bytes(), format!("{t}.{body}").as_bytes());
    assert_eq!(v1, expected, "the signature does not match the body");
    t.parse().expect("a time in seconds")
}

#[test]
fn the_hmac_here_matches_rfc_4231() {
    // RFC 4231, test case 2.
    assert_eq!(
        hmac_sha256_hex(b"Jefe", b"what do ya want for nothing?"),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
}
