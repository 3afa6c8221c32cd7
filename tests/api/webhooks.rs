//! Stories of webhooks: an administrator registers a team chat's address, and the chat hears
//! of each ticket event, signed; a receiver that is down gets the event on a later try; a
//! receiver that hangs never slows a save, and a refused save sends nothing; the form refuses
//! what cannot be sent to and keeps what was typed.

use std::time::{Duration, Instant};

use gestdesk::domain::clock;
use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::lists::open_ticket;
use crate::common::receiver::{Receiver, verified_time};
use crate::common::{Client, TestApp, free_port};

const ALL_EVENTS: [&str; 5] = [
    "ticket.created",
    "ticket.updated",
    "ticket.replied",
    "ticket.state_changed",
    "ticket.assigned",
];

/// Registers a hook through Administration > Webhooks; answers its id and its secret as its
/// page shows them.
async fn register(admin: &Client, url: &str, events: &[&str]) -> (i64, String) {
    let mut fields = vec![("url", url), ("active", "1")];
    fields.extend(events.iter().map(|e| ("events", *e)));
    let reply = admin
        .submit("/admin/webhooks", "/admin/webhooks", &fields)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let page = reply.location().expect("the hook's page").to_owned();
    let id: i64 = page
        .trim_start_matches("/admin/webhooks/")
        .parse()
        .expect("hook id");
    let shown = admin.get(&page).await;
    assert_eq!(shown.status, StatusCode::OK);
    let at = shown
        .body
        .find("value=\"whsec_")
        .expect("the secret is shown")
        + 7;
    let secret = shown.body[at..at + shown.body[at..].find('"').expect("end")].to_owned();
    (id, secret)
}

/// Waits until `sql` counts at least `n`, for up to `secs`.
async fn wait_count(app: &TestApp, sql: &str, n: i64, secs: u64) {
    let until = Instant::now() + Duration::from_secs(secs);
    while app.count(sql) < n {
        assert!(Instant::now() < until, "{sql} stayed under {n}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn the_team_chat_hears_of_every_ticket_event_signed_with_its_secret() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    let tina = app.login_as("tina", Profile::Technician).await;
    let tina_id = app.user_id("tina");
    let chat = Receiver::start().await;
    let (_, secret) = register(&admin, &chat.url("/hooks/helpdesk"), &ALL_EVENTS).await;
    assert_eq!(secret.len(), 6 + 48);

    // Alice opens a ticket: the chat hears of it.
    let id = open_ticket(&app, &alice, &[("title", "Screen flickers in room 12")]).await;
    let got = chat.wait_for(1, 10).await;
    let opened = &got[0];
    assert_eq!(opened.path, "/hooks/helpdesk");
    assert_eq!(opened.event, "ticket.created");
    assert_eq!(opened.content_type, "application/json");
    let sent_at = verified_time(&secret, &opened.signature, &opened.body);
    assert!(
        (sent_at - clock::now()).abs() < 60,
        "the signed time is now"
    );
    let body = opened.json();
    assert_eq!(body["event"], "ticket.created");
    assert_eq!(body["ticket"]["id"], id);
    assert_eq!(body["ticket"]["title"], "Screen flickers in room 12");
    assert_eq!(body["ticket"]["requester"]["name"], "Test alice");
    assert_eq!(body["by"]["id"], app.user_id("alice"));
    assert!(body["ticket"]["state"]["name"].is_string());

    // Tina takes it, starts on it and replies, in one save: four events, each its own post.
    let reply = tina
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[
                ("technician", &format!("u{tina_id}")),
                ("state_id", "2"),
                ("reply", "Swapped the cable; does it still flicker?"),
            ],
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let got = chat.wait_for(5, 10).await;
    let mut events: Vec<&str> = got[1..].iter().map(|r| r.event.as_str()).collect();
    events.sort_unstable();
    assert_eq!(
        events,
        [
            "ticket.assigned",
            "ticket.replied",
            "ticket.state_changed",
            "ticket.updated"
        ]
    );
    for r in &got {
        verified_time(&secret, &r.signature, &r.body);
        assert_eq!(r.json()["event"], r.event.as_str(), "header and body agree");
        assert_eq!(r.json()["ticket"]["id"], id);
    }
    let of = |event: &str| {
        got.iter()
            .find(|r| r.event == event)
            .map(|r| r.json())
            .expect("event received")
    };
    assert_eq!(of("ticket.assigned")["assignment"]["to"]["id"], tina_id);
    assert_eq!(of("ticket.assigned")["assignment"]["to"]["kind"], "user");
    assert_eq!(of("ticket.assigned")["by"]["id"], tina_id);
    assert_eq!(of("ticket.state_changed")["state"]["to"]["id"], 2);
    assert_eq!(of("ticket.state_changed")["ticket"]["state"]["id"], 2);
    let replied = of("ticket.replied");
    assert_eq!(
        replied["reply"]["text"],
        "Swapped the cable; does it still flicker?"
    );
    assert_eq!(replied["reply"]["hidden"], false);
    assert_eq!(replied["ticket"]["technician"]["id"], tina_id);
    let mut deliveries: Vec<&str> = got.iter().map(|r| r.delivery.as_str()).collect();
    deliveries.dedup();
    assert_eq!(deliveries.len(), 5, "each post is its own delivery");

    // The hook's page lists the five deliveries as delivered, with the receiver's answer.
    let hooks = admin.get("/admin/webhooks").await;
    assert!(hooks.body.contains(&chat.url("/hooks/helpdesk")));
    wait_count(
        &app,
        "SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered' AND last_status = 200",
        5,
        5,
    )
    .await;
    let page = admin.get("/admin/webhooks/1").await;
    assert_eq!(page.body.matches("data-state=\"delivered\"").count(), 5);
}

#[tokio::test]
async fn a_receiver_that_is_down_gets_the_event_on_a_later_try() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/inbox");
    let (hook, secret) = register(&admin, &url, &["ticket.created"]).await;

    // Nothing listens yet: the first try fails, and the delivery waits for its next try.
    open_ticket(&app, &alice, &[("title", "VPN drops every hour")]).await;
    wait_count(
        &app,
        "SELECT count(*) FROM webhook_deliveries WHERE attempts = 1 AND state = 'queued'
           AND last_status IS NULL AND last_answer LIKE 'cannot connect%'",
        1,
        10,
    )
    .await;
    let page = admin.get(&format!("/admin/webhooks/{hook}")).await;
    assert!(page.body.contains("not reached"), "{}", page.body);
    assert!(page.body.contains("next try"));
    let delivery = app.count("SELECT id FROM webhook_deliveries");

    // The receiver comes back, answering 503: the next try reaches it, and still fails.
    let inbox = Receiver::start_on(port).await;
    inbox.answer_with(503);
    let got = inbox.wait_for(1, 30).await;
    verified_time(&secret, &got[0].signature, &got[0].body);
    assert_eq!(got[0].delivery, delivery.to_string());
    wait_count(
        &app,
        "SELECT count(*) FROM webhook_deliveries WHERE attempts = 2 AND last_status = 503
           AND state = 'queued'",
        1,
        5,
    )
    .await;

    // It is fixed; the administrator sends the delivery again without waiting.
    inbox.answer_with(200);
    let page_path = format!("/admin/webhooks/{hook}");
    let retry = admin
        .submit(
            &page_path,
            &format!("/admin/webhook-deliveries/{delivery}/retry"),
            &[],
        )
        .await;
    assert_eq!(retry.status, StatusCode::SEE_OTHER);
    let got = inbox.wait_for(2, 10).await;
    assert_eq!(got[1].delivery, got[0].delivery, "the same delivery");
    assert_eq!(got[1].body, got[0].body, "with the body of the event");
    wait_count(
        &app,
        "SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered' AND last_status = 200",
        1,
        5,
    )
    .await;
    let page = admin.get(&page_path).await;
    assert!(page.body.contains("Delivered"));
}

#[tokio::test]
async fn a_hanging_receiver_never_slows_a_save_and_a_refused_save_sends_nothing() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    // A receiver that takes connections and never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("address").port();
    let holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    register(
        &admin,
        &format!("http://127.0.0.1:{port}/slow"),
        &ALL_EVENTS,
    )
    .await;

    for n in 0..3 {
        let started = Instant::now();
        open_ticket(&app, &alice, &[("title", &format!("Keyboard {n} sticks"))]).await;
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "a save waited for the receiver: {:?}",
            started.elapsed()
        );
    }
    assert_eq!(
        app.count("SELECT count(*) FROM webhook_deliveries WHERE event = 'ticket.created'"),
        3
    );

    // A ticket refused for its missing title writes no delivery.
    let refused = alice
        .send_ticket_form("/tickets/new", &[("title", "")], &[])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT count(*) FROM webhook_deliveries"), 3);
    holder.abort();
}

#[tokio::test]
async fn a_hook_hears_only_the_events_it_chose_and_nothing_once_off() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    let chat = Receiver::start().await;

    // What cannot be sent to is refused, and the form keeps what was typed.
    let refused = admin
        .submit(
            "/admin/webhooks",
            "/admin/webhooks",
            &[("url", "ftp://files.example.org/drop")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Give a full http:// or https:// address")
    );
    assert!(refused.body.contains("Choose at least one event."));
    assert!(
        refused
            .body
            .contains("value=\"ftp://files.example.org/drop\"")
    );
    let odd = admin
        .submit(
            "/admin/webhooks",
            "/admin/webhooks",
            &[("url", "http://"), ("events", "ticket.deleted")],
        )
        .await;
    assert_eq!(odd.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("SELECT count(*) FROM webhooks"), 0);

    // A hook for replies only: opening a ticket sends it nothing, a reply does.
    let (hook, secret) = register(&admin, &chat.url("/replies"), &["ticket.replied"]).await;
    let id = open_ticket(&app, &alice, &[("title", "Mouse wheel skips")]).await;
    let reply = alice
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "It also squeaks.")],
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let got = chat.wait_for(1, 10).await;
    assert_eq!(got[0].event, "ticket.replied");
    assert_eq!(got[0].json()["reply"]["text"], "It also squeaks.");
    assert_eq!(app.count("SELECT count(*) FROM webhook_deliveries"), 1);

    // A test event reaches it whatever its events.
    let page = format!("/admin/webhooks/{hook}");
    let ping = admin
        .submit(&page, &format!("/admin/webhooks/{hook}/ping"), &[])
        .await;
    assert_eq!(ping.status, StatusCode::SEE_OTHER);
    let got = chat.wait_for(2, 10).await;
    assert_eq!(got[1].event, "ping");
    verified_time(&secret, &got[1].signature, &got[1].body);

    // Turned off, it is told nothing more.
    let off = admin
        .submit(
            &page,
            &page,
            &[("url", &chat.url("/replies")), ("events", "ticket.replied")],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT active FROM webhooks"), 0);
    alice
        .send_ticket_form(
            &format!("/tickets/{id}"),
            &[("reply", "Still squeaks.")],
            &[],
        )
        .await;
    assert_eq!(app.count("SELECT count(*) FROM webhook_deliveries"), 2);

    // Deleted, it leaves no delivery behind.
    let deleted = admin
        .submit(&page, &format!("/admin/webhooks/{hook}/delete"), &[])
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT count(*) FROM webhooks"), 0);
    assert_eq!(app.count("SELECT count(*) FROM webhook_deliveries"), 0);
    assert_eq!(admin.get(&page).await.status, StatusCode::NOT_FOUND);
}
