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
