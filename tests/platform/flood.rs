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

/// Whether the health check answers 200 to a connection from `from`.
async fn health_from(from: [u8; 4], addr: std::net::SocketAddr) -> bool {
    use tokio::io::AsyncWriteExt;
    let mut stream = connect_from(from, addr).await;
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: gestdesk\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    read_until_closed(&mut stream, Duration::from_secs(5))
        .await
        .is_some_and(|answer| String::from_utf8_lossy(&answer).starts_with("HTTP/1.1 200"))
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

    // Connections piled up from one address: the ones beyond the cap are told the server is busy
    // and closed at once, while
    // another address is still served.
    let mut piled = Vec::new();
    for _ in 0..20 {
        piled.push(connect_from([127, 0, 0, 3], addr).await);
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut extra = connect_from([127, 0, 0, 3], addr).await;
    let refused = read_until_closed(&mut extra, Duration::from_millis(500))
        .await
        .expect("the 21st connection was kept");
    assert!(
        String::from_utf8_lossy(&refused).starts_with("HTTP/1.1 503"),
        "the refusal says the server is busy"
    );
    assert!(
        health_from([127, 0, 0, 4], addr).await,
        "another address was refused"
    );
    // The idle pile is closed by the header timeout, and the address gets in again.
    for mut c in piled {
        assert!(
            read_until_closed(&mut c, Duration::from_secs(5))
                .await
                .is_some()
        );
    }
    assert!(
        health_from([127, 0, 0, 3], addr).await,
        "the address stayed refused"
    );
    app.stop().await;
}

/// The files under the attachment store (pending, linked or half-received).
fn stored_files(app: &TestApp) -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir).map_or(0, |entries| {
            entries
                .flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
    }
    walk(&app.data_dir().join("attachments"))
}

/// Uploads were stored before any right, visibility or count check (300 files posted to a
/// ticket that does not exist stayed on disk), and uploads never saved were removed only at
/// start after a day. Now the form's right, ticket and room are checked first, extra files are
/// read past, a user's waiting uploads have a quota, and they are cleaned on a schedule.
#[tokio::test]
async fn uploads_are_checked_before_they_are_stored_and_cleaned_on_a_schedule() {
    let (app, admin) = TestApp::with_admin().await;
    let ursula = app.login_as("ursula", Profile::User).await;
    let uid = app.user_id("ursula");
    let id = open_ticket(
        &app,
        &admin,
        &[("requester", &format!("u{uid}")), ("title", "Hers")],
    )
    .await;
    let theirs = open_ticket(&app, &admin, &[("requester", "u1"), ("title", "Not hers")]).await;
    let files: Vec<(String, Vec<u8>)> = (0..300)
        .map(|n| (format!("f{n}.txt"), vec![b'x'; 2048]))
        .collect();
    let as_refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let page = ursula.get(&format!("/tickets/{id}")).await;

    // A ticket that does not exist, and one she does not see: not found, nothing stored.
    for target in [999_999, theirs] {
        let forged = page
            .body
            .replace(&format!("/tickets/{id}?"), &format!("/tickets/{target}?"));
        let forged = crate::common::http::Reply {
            status: page.status,
            headers: page.headers.clone(),
            body: forged,
        };
        let r = ursula
            .send_ticket_form_from(&forged, &[("reply", "spam")], &as_refs)
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "ticket {target}");
    }
    assert_eq!(
        stored_files(&app),
        0,
        "files of a refused form stayed on disk"
    );
    assert_eq!(app.count("SELECT count(*) FROM attachments"), 0);

    // Without the right to attach, the files are read past and the form comes back.
    app.set_right(Profile::User, "ticket_attachment", false);
    let r = ursula
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "with files")],
            &as_refs[..3],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("with files")
        .assert_contains("Files cannot be attached here.");
    assert_eq!(stored_files(&app), 0);
    app.set_right(Profile::User, "ticket_attachment", true);

    // Too many files for the ticket's room: the room is kept, the rest refused with a message.
    let r = ursula
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "many")],
            &as_refs[..8],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    r.assert_contains("At most 5 attachments per ticket.");
    assert_eq!(app.count("SELECT count(*) FROM attachments"), 5);
    // Hundreds of files: given up without reading them all, nothing more stored.
    let r = ursula
        .send_ticket_form(&format!("/tickets/{id}"), &[("reply", "flood")], &as_refs)
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.count("SELECT count(*) FROM attachments"), 10);

    // Uploads waiting for their form have a quota per user (16 MB with 1 MB x 5 files).
    app.set_setting("attachment_max_mb", "1");
    let big: Vec<(String, Vec<u8>)> = (0..5)
        .map(|n| (format!("big{n}.txt"), vec![b'y'; 1000 * 1024]))
        .collect();
    let big: Vec<(&str, &[u8])> = big
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let mut refused = false;
    for _ in 0..5 {
        let r = ursula
            .send_ticket_form("/tickets/new", &[("title", "")], &big)
            .await;
        if r.body.contains("waiting for their form already take") {
            refused = true;
            break;
        }
    }
    assert!(refused, "the pending quota was never reached");
    let pending: i64 = app.count(&format!(
        "SELECT sum(size) FROM attachments WHERE uploaded_by = {uid} AND ticket_id IS NULL"
    ));
    assert!(pending <= 16 * 1024 * 1024, "{pending} bytes pending");

    // Never saved: removed by the cleaner (at start and every 15 minutes), files included.
    app.sql()
        .execute(
            "UPDATE attachments SET uploaded_at = uploaded_at - 7 * 3600 WHERE ticket_id IS NULL",
            [],
        )
        .expect("age");
    let app = app.restart().await;
    let mut left = i64::MAX;
    for _ in 0..50 {
        left = app.count("SELECT count(*) FROM attachments WHERE ticket_id IS NULL");
        if left == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(left, 0);
    assert_eq!(stored_files(&app), 0, "files of removed uploads stayed");
    app.stop().await;
}

/// A multipart text field was read whole into memory before its size was checked (four
/// parallel requests cost 1.2 GB). Every part is now read in pieces and refused once too long,
/// without reading the rest, and a form has a bounded number of parts.
#[tokio::test]
async fn an_oversized_form_field_is_refused_while_it_arrives() {
    use tokio::io::AsyncWriteExt;
    let (app, admin) = TestApp::with_admin().await;
    let page = admin.get("/tickets/new").await;
    let action = crate::common::http::extract_attr(
        &page.body[page.body.find("id=\"ticket-form\"").expect("form")..],
        "action=\"",
    )
    .expect("action")
    .replace("&amp;", "&");
    let cookie = admin.cookie_header(&app.base);
    let addr = app.base.trim_start_matches("http://").to_owned();

    // Announces 200 MB, sends 2 MB of one text field: the answer comes before the rest.
    let mut stream = tokio::net::TcpStream::connect(&addr)
        .await
        .expect("connect");
    let head = format!(
        "POST {action} HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\n\
         Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 209715200\r\n\r\n\
         --XYZ\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.expect("head");
    let chunk = vec![b'a'; 64 * 1024];
    let started = Instant::now();
    for _ in 0..32 {
        if stream.write_all(&chunk).await.is_err() {
            break;
        }
    }
    let answer = read_until_closed(&mut stream, Duration::from_secs(10))
        .await
        .expect("answered");
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 413"),
        "{}",
        &answer[..answer.len().min(200)]
    );
    assert!(started.elapsed() < Duration::from_secs(5));

    // Too many parts.
    let mut form = reqwest::multipart::Form::new();
    for n in 0..500 {
        form = form.text(format!("f{n}"), "x");
    }
    let r = reqwest::Client::new()
        .post(format!("{}{action}", app.base))
        .header("cookie", cookie)
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    app.stop().await;
}

/// Things one user can add one request at a time are bounded in number too: sessions opened by
/// logging in again and again (the oldest ends), reminders waiting on a ticket, personal views
/// (see the people stories) and the addresses of a manual mail (see the mail stories).
#[tokio::test]
async fn what_one_user_adds_request_after_request_is_bounded_in_number() {
    let (app, first) = TestApp::with_admin().await;
    let max = gestdesk::domain::sessions::MAX_PER_USER;
    for _ in 0..max + 5 {
        let c = app.client();
        assert_eq!(
            c.login("admin", crate::common::ADMIN_PASSWORD).await.status,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(
        app.count("SELECT count(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE login = 'admin')"),
        max
    );
    // The newest sessions are the ones kept: the first one ended, the last one works.
    assert_eq!(first.get("/profile").await.status, StatusCode::SEE_OTHER);
    let admin = app.client();
    admin.login("admin", crate::common::ADMIN_PASSWORD).await;
    assert_eq!(admin.get("/profile").await.status, StatusCode::OK);

    let tom = app.login_as("tom", Profile::Technician).await;
    let id = open_ticket(
        &app,
        &admin,
        &[
            ("requester", "u1"),
            ("technician", &format!("u{}", app.user_id("tom"))),
            ("title", "Reminded"),
        ],
    )
    .await;
    let page = format!("/tickets/{id}");
    let limit = gestdesk::domain::tickets::reminders::MAX_PER_TICKET;
    for n in 0..limit {
        let r = tom
            .submit(
                &page,
                &format!("{page}/reminders"),
                &[
                    ("due_at", "2099-01-01T10:00"),
                    ("text", &format!("call back {n}")),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let refused = tom
        .submit(
            &page,
            &format!("{page}/reminders"),
            &[("due_at", "2099-01-01T10:00"), ("text", "one more")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("reminders waiting already");
    assert_eq!(app.count("SELECT count(*) FROM reminders"), limit);
    app.stop().await;
}
