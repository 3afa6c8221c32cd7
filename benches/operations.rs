//! Operations benchmark: the system page, HTTPS against plain HTTP, and the headless server's
//! start, against the real release `gestdesk` binary.
//!
//!     cargo bench --bench operations
//!
//! Targets:
//! - Administration > System under 20 ms median on `gestdesk demo --tickets 100000` (one
//!   keep-alive connection, logged in as the administrator);
//! - HTTPS adds under 1 ms to the median of a page at 16 connections once their handshakes are
//!   done (the login page, 16 keep-alive connections each asking in turn, TLS with the
//!   self-signed certificate against plain HTTP on the same server);
//! - the headless server answers `/healthz` under 300 ms after its start (a new data folder,
//!   and the 100,000-ticket one).

mod common;

use std::path::Path;
use std::process::Child;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{ms, percentile, stop, verdict};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio_rustls::rustls;

const TICKETS: u32 = 100_000;
const USERS: u32 = 1_000;
const CONNECTIONS: usize = 16;
const PER_CONNECTION: usize = 200;
const STARTS: usize = 10;

/// Starts the server on `data_dir` and times its first answer on `/healthz`; the caller stops
/// the server it is handed.
#[allow(clippy::zombie_processes)]
fn time_start(data_dir: &Path) -> (Duration, Child, u16) {
    let port = common::free_port();
    let started = Instant::now();
    let child = common::serve(data_dir, port);
    loop {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            use std::io::{Read, Write};
            let _ = s.write_all(
                b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
            );
            let mut buf = [0u8; 12];
            if s.read_exact(&mut buf).is_ok() && buf.ends_with(b"200") {
                return (started.elapsed(), child, port);
            }
        }
        assert!(started.elapsed() < Duration::from_secs(20), "no answer");
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// Starts and stops the server `STARTS` times on `data_dir`; the sorted times to answer.
fn starts(data_dir: &Path) -> Vec<Duration> {
    let mut times = Vec::new();
    for _ in 0..STARTS {
        let (took, mut child, _) = time_start(data_dir);
        times.push(took);
        stop(&mut child);
    }
    times.sort();
    times
}

/// Sends `GET path` on `stream` and reads the whole answer (its length from Content-Length).
async fn get<S: AsyncRead + AsyncWrite + Unpin>(stream: &mut S, path: &str, host: &str) {
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n");
    stream.write_all(request.as_bytes()).await.expect("write");
    stream.flush().await.expect("flush");
    let mut head = Vec::with_capacity(1024);
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).await.expect("head");
        head.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&head).to_ascii_lowercase();
    assert!(text.starts_with("http/1.1 200"), "{text}");
    let length: usize = text
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .expect("a length");
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await.expect("body");
}

/// Each of `CONNECTIONS` connections made by `connect` asks `path` `PER_CONNECTION` times;
/// the sorted times of every request (the handshakes excluded).
async fn load<S, F, Fut>(connect: F, path: &'static str, host: &'static str) -> Vec<Duration>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = S>,
{
    let mut streams = Vec::new();
    for _ in 0..CONNECTIONS {
        // Buffered both ways: the client reads its answers from memory, not byte by byte
        // from the socket, whichever the transport.
        let mut s = tokio::io::BufStream::new(connect().await);
        get(&mut s, path, host).await;
        streams.push(s);
    }
    let tasks: Vec<_> = streams
        .into_iter()
        .map(|mut s| {
            tokio::spawn(async move {
                let mut times = Vec::with_capacity(PER_CONNECTION);
                for _ in 0..PER_CONNECTION {
                    let t = Instant::now();
                    get(&mut s, path, host).await;
                    times.push(t.elapsed());
                }
                times
            })
        })
        .collect();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("task"));
    }
    all.sort();
    all
}

/// A TLS client trusting the self-signed certificate of the instance in `data_dir`.
fn tls_client(data_dir: &Path) -> tokio_rustls::TlsConnector {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let pem = std::fs::read(data_dir.join("tls/self-signed.crt")).expect("certificate");
    let cert = CertificateDer::from_pem_slice(&pem).expect("PEM");
    let mut roots = rustls::RootCertStore::empty();
    roots.add(cert).expect("trusted");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

fn main() {
    // The headless start on a new data folder (the first start makes the database).
    let fresh = tempfile::tempdir().expect("dir");
    let (first, mut child, _) = time_start(fresh.path());
    stop(&mut child);
    let again = starts(fresh.path());

    let dir = tempfile::tempdir().expect("dir");
    let out = common::demo_timed(dir.path(), TICKETS, USERS);
    let large = starts(dir.path());
    println!("headless start, time to the first answer on /healthz:");
    println!("  a new data folder, first start: {:.1} ms", ms(first));
    for (what, times) in [
        ("the same folder again", &again),
        ("100,000 tickets", &large),
    ] {
        let median = percentile(times, 0.5);
        println!(
            "  {what}: median {:.1} ms, max {:.1} ms; target < 300 ms: {}",
            ms(median),
            ms(times[times.len() - 1]),
            verdict(median < Duration::from_millis(300))
        );
    }

    // The system page.
    let password = common::demo_password(&out);
    common::set_setting(dir.path(), "https_mode", "self_signed");
    let (mut server, port) = {
        let (_, child, port) = time_start(dir.path());
        (child, port)
    };
    let base = format!("http://127.0.0.1:{port}");
    let runtime = common::client_runtime();
    runtime.block_on(async {
        let admin = common::log_in(&base, "admin", &password, 1).await;
        let system = common::timed_gets(&admin, &format!("{base}/admin/system"), 5, 40).await;
        println!("Administration > System, 100,000 tickets:");
        common::report(vec![("system page".to_owned(), system, Some(20.0))]);

        // HTTPS against plain HTTP on the same server, same page, 16 connections.
        let connector = tls_client(dir.path());
        let plain = load(
            || async move {
                let s = tokio::net::TcpStream::connect(("127.0.0.1", port))
                    .await
                    .expect("connect");
                s.set_nodelay(true).expect("nodelay");
                s
            },
            "/login",
            "127.0.0.1",
        )
        .await;
        let tls = load(
            || {
                let connector = connector.clone();
                async move {
                    let s = tokio::net::TcpStream::connect(("127.0.0.1", port))
                        .await
                        .expect("connect");
                    s.set_nodelay(true).expect("nodelay");
                    let name = rustls::pki_types::ServerName::try_from("localhost").expect("name");
                    connector.connect(name, s).await.expect("handshake")
                }
            },
            "/login",
            "localhost",
        )
        .await;
        let (p, t) = (percentile(&plain, 0.5), percentile(&tls, 0.5));
        let added = t.saturating_sub(p);
        println!("the login page at {CONNECTIONS} connections, {PER_CONNECTION} requests each:");
        println!(
            "  plain HTTP: median {:.3} ms, p99 {:.3} ms",
            ms(p),
            ms(percentile(&plain, 0.99))
        );
        println!(
            "  HTTPS:      median {:.3} ms, p99 {:.3} ms",
            ms(t),
            ms(percentile(&tls, 0.99))
        );
        println!(
            "  added by HTTPS: {:.3} ms at the median; target < 1 ms: {}",
            ms(added),
            verdict(added < Duration::from_millis(1))
        );
    });
    stop(&mut server);
}
