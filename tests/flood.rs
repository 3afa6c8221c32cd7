//! Floods and heavy input: what one user or one address can make the server spend. Nested
//! Markdown, parallel logins, idle and half-sent connections, huge form fields and uploads
//! nobody may make are each bounded, and the server keeps answering everyone else.

use std::time::{Duration, Instant};

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::{TestApp, open_ticket};

/// A reply of 20,000 quote markers (40 KB) and a description of nested list markers took
/// seconds to render on every view of the ticket, on the server's async workers. Now texts are
/// rendered once when saved, with nesting bounded, off the async workers.
#[tokio::test]
async fn a_deeply_nested_reply_is_shown_at_once_and_does_not_stall_others() {
    let (app, admin) = TestApp::with_admin().await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let uid = app.user_id("ursula");
    let id = open_ticket(
        &app,
        &admin,
        &[
            ("requester", &format!("u{uid}")),
            ("title", "Printer"),
            ("description", &"- ".repeat(10_000)),
        ],
    )
    .await;
    let quotes = format!("{}the printer is on fire", "> ".repeat(20_000));
    let saving = Instant::now();
    let r = ursula
        .send_ticket_form(&format!("/tickets/{id}"), &[("reply", &quotes)], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let lists = format!("{}deep", "1. - * ".repeat(6_000));
    let r = ursula
        .send_ticket_form(&format!("/tickets/{id}"), &[("reply", &lists)], &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        saving.elapsed() < Duration::from_secs(3),
        "saving took {:?}",
        saving.elapsed()
    );
    assert_eq!(
        app.count("SELECT count(*) FROM thread_entry_html"),
        2,
        "both replies kept rendered"
    );

    // Four views at once (two used to freeze every page) while someone else asks for a page.
    let started = Instant::now();
    let views: Vec<_> = (0..4)
        .map(|_| {
            let c = admin.clone();
            let path = format!("/tickets/{id}");
            tokio::spawn(async move { c.get(&path).await })
        })
        .collect();
    let other = app.client().get("/login").await;
    assert_eq!(other.status, StatusCode::OK);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "another page waited {:?}",
        started.elapsed()
    );
    for v in views {
        let page = v.await.expect("view");
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("the printer is on fire"));
        let depth = page.body.matches("<blockquote>").count();
        assert!(
            depth <= gestdesk::markdown::MAX_DEPTH,
            "{depth} quotes nested"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "four views took {:?}",
        started.elapsed()
    );
    // The requester reads her ticket (description read-only, from its kept rendering) as fast.
    let started = Instant::now();
    let mine = ursula.get(&format!("/tickets/{id}")).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(started.elapsed() < Duration::from_secs(2));
    app.stop().await;
}

/// Connect from a chosen loopback address (all of 127.0.0.0/8 is this machine).
async fn connect_from(from: [u8; 4], to: std::net::SocketAddr) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .bind(std::net::SocketAddr::from((from, 0)))
        .expect("bind");
    socket.connect(to).await.expect("connect")
}

/// Reads until the server closes the connection (or `within` passes); returns what came.
async fn read_until_closed(
    stream: &mut tokio::net::TcpStream,
    within: Duration,
) -> Option<Vec<u8>> {
    use tokio::io::AsyncReadExt;
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(got),
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
        }
    }
}

/// The server had no header, idle or body timeouts and no connection cap: a few hundred idle
/// sockets took all its file descriptors, and half-sent headers stayed open for minutes. Now a
/// request's headers must arrive within the header timeout (an idle keep-alive connection is
/// closed by the same rule), a body may not pause longer than its idle timeout, and one
/// address holds a bounded number of connections while others are still served.
#[tokio::test]
async fn slow_idle_and_piled_up_connections_are_closed_or_refused() {
    use tokio::io::AsyncWriteExt;
    let limits = gestdesk::server::Limits {
        header_timeout: Duration::from_secs(1),
        write_stall: Duration::from_secs(2),
        body_idle: Duration::from_secs(1),
        body_total: Duration::from_secs(10),
        per_address: 20,
        total: 1000,
    };
    let app = TestApp::spawn_within(limits).await;
    app.client().create_first_admin(&app).await;
    let addr: std::net::SocketAddr = app
        .base
        .trim_start_matches("http://")
        .parse()
        .expect("addr");

    // Half-sent headers.
    let started = Instant::now();
    let mut slow = connect_from([127, 0, 0, 1], addr).await;
    slow.write_all(b"GET /login HTTP/1.1\r\nHost: gestdesk\r\nX-Slow: ")
        .await
        .expect("write");
    assert!(
        read_until_closed(&mut slow, Duration::from_secs(5))
            .await
            .is_some(),
        "half-sent headers still open"
    );
    assert!(started.elapsed() < Duration::from_secs(4));

    // An idle keep-alive connection after a complete exchange.
    let mut idle = connect_from([127, 0, 0, 1], addr).await;
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: gestdesk\r\n\r\n")
        .await
        .expect("write");
    let answer = read_until_closed(&mut idle, Duration::from_secs(5))
        .await
        .expect("idle connection closed");
    assert!(String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"));

    // A body that stops arriving.
    let page = app.client().get("/login").await;
    let token = page.csrf();
    let mut trickle = connect_from([127, 0, 0, 1], addr).await;
    trickle
        .write_all(
            format!(
                "POST /login HTTP/1.1\r\nHost: gestdesk\r\nCookie: gd_csrf={token}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nlogin=a"
            )
            .as_bytes(),
        )
        .await
        .expect("write");
    assert!(
        read_until_closed(&mut trickle, Duration::from_secs(5))
            .await
            .is_some(),
        "a stalled body kept its connection"
    );

    // Connections piled up from one address: the ones beyond the cap are closed at once, while
    // another address is still served.
    let mut piled = Vec::new();
    for _ in 0..20 {
        piled.push(connect_from([127, 0, 0, 3], addr).await);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut extra = connect_from([127, 0, 0, 3], addr).await;
    let refused = read_until_closed(&mut extra, Duration::from_millis(500)).await;
    assert_eq!(
        refused.as_deref(),
        Some(&[][..]),
        "the 21st connection was kept"
    );
    let mut other = connect_from([127, 0, 0, 4], addr).await;
    other
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: gestdesk\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    let served = read_until_closed(&mut other, Duration::from_secs(5))
        .await
        .expect("served");
    assert!(String::from_utf8_lossy(&served).starts_with("HTTP/1.1 200"));
    // The idle pile is closed by the header timeout, and the address gets in again.
    for mut c in piled {
        assert!(
            read_until_closed(&mut c, Duration::from_secs(5))
                .await
                .is_some()
        );
    }
    let mut again = connect_from([127, 0, 0, 3], addr).await;
    again
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: gestdesk\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    let served = read_until_closed(&mut again, Duration::from_secs(5))
        .await
        .expect("served");
    assert!(String::from_utf8_lossy(&served).starts_with("HTTP/1.1 200"));
    app.stop().await;
}
