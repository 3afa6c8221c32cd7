//! Accepting connections and serving HTTP/1.1 on each, within bounds that one client cannot
//! stretch: how long a request's headers may take to arrive (also how long an idle
//! keep-alive connection stays open), how long a response may wait for a client that does not
//! read ([`super::stall`]), how long a request body may pause and take in all, and how many
//! connections one address and everyone together may hold.
//!
//! The open-file limit is raised to what the system allows at start, and the total cap keeps
//! enough files free for the database, attachments and logs.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt;
use tower_http::timeout::{DeadlineBody, TimeoutBody};

use super::stall::StallGuard;

/// The bounds of every connection.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a request's headers may take to arrive, counted from the first byte awaited:
    /// half-sent headers and idle keep-alive connections are closed after it.
    pub header_timeout: Duration,
    /// How long a response may wait for a client that reads nothing.
    pub write_stall: Duration,
    /// How long a request body may go without a byte arriving.
    pub body_idle: Duration,
    /// How long a whole request body may take (the largest upload on a slow network).
    pub body_total: Duration,
    /// Connections one address may hold at once (a NAT or a terminal server shares one).
    pub per_address: u32,
    /// Connections held at once by everyone.
    pub total: u32,
}

/// The answer to a connection over the caps: the client shows a busy server and may try again,
/// rather than a reset connection.
const REFUSED: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 41\r\n\r\nToo many connections: try again shortly.\n";

/// Files kept free for the database, attachments, backups and logs.
const FILES_KEPT_FREE: u64 = 128;

impl Limits {
    /// The limits used when serving: the total follows the open-file limit (raised first).
    pub fn for_this_system() -> Limits {
        let files = raise_file_limit();
        let total = files.saturating_sub(FILES_KEPT_FREE).clamp(64, 16_384);
        Limits {
            header_timeout: Duration::from_secs(15),
            write_stall: Duration::from_secs(60),
            body_idle: Duration::from_secs(30),
            body_total: Duration::from_secs(30 * 60),
            per_address: per_address_for(total),
            total: u32::try_from(total).unwrap_or(16_384),
        }
    }
}

/// What one address may hold out of `total`: a quarter, and never under 256. One browser opens
/// up to six connections, so a school or an office behind one NAT address, or a terminal
/// server, needs hundreds; a quarter still leaves three quarters to everyone else.
fn per_address_for(total: u64) -> u32 {
    u32::try_from((total / 4).max(256)).unwrap_or(u32::MAX)
}

/// Raises the soft open-file limit to the hard one; returns the limit in force.
fn raise_file_limit() -> u64 {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(n) => n,
        Err(e) => {
            tracing::warn!("could not read or raise the open-file limit: {e}");
            1024
        }
    }
}

/// Connections held now, per address and in all.
#[derive(Debug, Default)]
struct Held {
    per_address: HashMap<IpAddr, u32>,
    total: u32,
}

/// The connection counts shared by the accept loop and the connections.
#[derive(Debug, Clone, Default)]
struct Counter(Arc<Mutex<Held>>);

/// A connection's place under the caps; released when dropped.
struct Slot {
    counter: Counter,
    address: IpAddr,
}

impl Counter {
    fn take(&self, address: IpAddr, limits: &Limits) -> Option<Slot> {
        let mut held = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mine = held.per_address.get(&address).copied().unwrap_or(0);
        if mine >= limits.per_address || held.total >= limits.total {
            return None;
        }
        *held.per_address.entry(address).or_insert(0) += 1;
        held.total += 1;
        Some(Slot {
            counter: self.clone(),
            address,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut held = self
            .counter
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        held.total = held.total.saturating_sub(1);
        if let Some(n) = held.per_address.get_mut(&self.address) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                held.per_address.remove(&self.address);
            }
        }
    }
}

/// Serves `router` on `listener` within `limits` until `shutdown` resolves; then stops
/// accepting, asks every connection to finish its request in flight, and returns once they
/// have all closed.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    tls: crate::tls::Tls,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let counter = Counter::default();
    // Connections hold a receiver; its sender is dropped when the server stops.
    let (stop_tx, stop_rx) = watch::channel(());
    let (done_tx, done_rx) = watch::channel(());
    let mut shutdown = std::pin::pin!(shutdown);
    let mut refused_logged = 0u64;
    loop {
        let accepted = tokio::select! {
            () = &mut shutdown => break,
            a = listener.accept() => a,
        };
        let (stream, remote) = match accepted {
            Ok(a) => a,
            Err(e) => {
                // Out of files or a connection reset before it was taken: wait a little.
                tracing::warn!("could not accept a connection: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let address = remote.ip().to_canonical();
        let Some(slot) = counter.take(address, &limits) else {
            refused_logged += 1;
            if refused_logged.is_power_of_two() {
                tracing::warn!(
                    "connection from {address} refused: too many open connections ({refused_logged} so far)"
                );
            }
            // Said in a few bytes if the socket takes them at once, never waited for.
            let _ = stream.try_write(REFUSED);
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = router.clone();
        let stop = stop_rx.clone();
        let done = done_rx.clone();
        let acceptor = tls.acceptor();
        tokio::spawn(async move {
            match acceptor {
                Some(acceptor) => {
                    serve_tls_or_plain(stream, remote, service, limits, stop, acceptor).await;
                }
                None => serve_one(stream, remote, service, limits, stop, false).await,
            }
            drop((slot, done));
        });
    }
    drop(listener);
    drop(stop_tx);
    drop(done_rx);
    done_tx.closed().await;
}

/// The first byte of a TLS handshake (a TLS record of type "handshake").
const TLS_HANDSHAKE: u8 = 0x16;

/// With HTTPS on: a connection that opens with a TLS handshake is served over TLS once the
/// handshake is done (within the header timeout); any other is served as plain HTTP, where the
/// pages send it to the `https://` address (see `crate::web::https`).
async fn serve_tls_or_plain(
    stream: tokio::net::TcpStream,
    remote: SocketAddr,
    router: Router,
    limits: Limits,
    stop: watch::Receiver<()>,
    acceptor: tokio_rustls::TlsAcceptor,
) {
    let mut first = [0u8; 1];
    match tokio::time::timeout(limits.header_timeout, stream.peek(&mut first)).await {
        Ok(Ok(1)) if first[0] == TLS_HANDSHAKE => {
            match tokio::time::timeout(limits.header_timeout, acceptor.accept(stream)).await {
                Ok(Ok(tls)) => serve_one(tls, remote, router, limits, stop, true).await,
                Ok(Err(e)) => tracing::debug!("TLS handshake with {remote} failed: {e}"),
                Err(_) => tracing::debug!("TLS handshake with {remote} timed out"),
            }
        }
        Ok(Ok(1)) => serve_one(stream, remote, router, limits, stop, false).await,
        // Closed before a byte, or nothing within the timeout.
        _ => {}
    }
}

async fn serve_one<S>(
    stream: S,
    remote: SocketAddr,
    router: Router,
    limits: Limits,
    mut stop: watch::Receiver<()>,
    tls: bool,
) where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let io = TokioIo::new(StallGuard::new(stream, limits.write_stall));
    let service = router
        .map_request(move |req: hyper::Request<Incoming>| {
            let mut req = req.map(|body| {
                let idle = TimeoutBody::new(limits.body_idle, body);
                Body::new(DeadlineBody::new(limits.body_total, idle))
            });
            req.extensions_mut().insert(ConnectInfo(remote));
            req.extensions_mut().insert(crate::tls::Transport { tls });
            req
        })
        .map_err(|never: Infallible| match never {});
    let hyper_service = TowerToHyperService::new(service);
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    let conn = builder.serve_connection(io, hyper_service);
    let mut conn = std::pin::pin!(conn);
    loop {
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!("connection from {remote} ended: {e}");
                }
                return;
            }
            changed = stop.changed() => {
                if changed.is_err() {
                    // The server is stopping: finish the request in flight, then close.
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.as_mut().await;
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_capped_per_address_and_in_all() {
        let limits = Limits {
            header_timeout: Duration::from_secs(1),
            write_stall: Duration::from_secs(1),
            body_idle: Duration::from_secs(1),
            body_total: Duration::from_secs(1),
            per_address: 2,
            total: 3,
        };
        let counter = Counter::default();
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        let first = counter.take(a, &limits).expect("first");
        let _second = counter.take(a, &limits).expect("second");
        assert!(
            counter.take(a, &limits).is_none(),
            "a third from one address"
        );
        let _other = counter.take(b, &limits).expect("another address");
        assert!(counter.take(b, &limits).is_none(), "over the total");
        drop(first);
        assert!(counter.take(a, &limits).is_some(), "a place freed");
    }
}
