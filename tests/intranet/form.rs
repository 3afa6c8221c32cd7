//! Stories of the intranet form: the administrator opens it for the intranet's site; a
//! colleague without an account asks for help from it and gets the acknowledgement mail; a
//! known address becomes the ticket of its account; robots, stale and hasty forms, pages of
//! other sites and floods from one address are turned away, without losing what was typed.

use std::time::Duration;

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use crate::common::smtp::SmtpPeer;
use crate::common::{Client, TestApp};

const INTRANET: &str = "https://intranet.example.test";

/// Opens the form through Administration > Intranet form, with `extra` settings over the
/// defaults (the intranet's origin allowed, one second at least between showing and sending).
async fn open_form(admin: &Client, extra: &[(&str, &str)]) {
    let mut fields = vec![
        ("enabled", "1"),
        ("origins", INTRANET),
        ("ask_name", "1"),
        ("create_requesters", "1"),
        ("per_hour", "5"),
        ("min_seconds", "1"),
    ];
    for (k, v) in extra {
        fields.retain(|(f, _)| f != k);
        fields.push((k, v));
    }
    let saved = admin
        .submit("/admin/intranet-form", "/admin/intranet-form", &fields)
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
}

/// A browser without any cookie, as in an intranet page's frame.
fn visitor() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Shows the form; answers its signed time.
async fn shown(app: &TestApp, http: &reqwest::Client) -> String {
    let page = http
        .get(app.url("/intranet/form"))
        .send()
        .await
        .expect("GET");
    assert_eq!(page.status(), StatusCode::OK);
    let body = page.text().await.expect("body");
    let at = body.find("name=\"t\" value=\"").expect("the signed time") + 16;
    body[at..at + body[at..].find('"').expect("end")].to_owned()
}

/// Sends the form with `fields`, from `origin` if given.
async fn send(
    app: &TestApp,
    http: &reqwest::Client,
    origin: Option<&str>,
    fields: &[(&str, &str)],
) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let mut request = http.post(app.url("/intranet/form")).form(fields);
    if let Some(o) = origin {
        request = request.header("Origin", o);
    }
    let r = request.send().await.expect("POST");
    let (status, headers) = (r.status(), r.headers().clone());
    (status, headers, r.text().await.expect("body"))
}

fn ticket_number(body: &str) -> i64 {
    let at = body.find("ticket #").expect("the ticket's number") + 8;
    body[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("a number")
}

#[tokio::test]
async fn a_colleague_without_an_account_asks_for_help_and_gets_the_acknowledgement() {
    let smtp = SmtpPeer::start();
    let (app, admin) = TestApp::with_admin().await;
    app.use_smtp(&smtp);
    let category = app.count("SELECT min(id) FROM categories").to_string();
    open_form(&admin, &[("category_id", &category)]).await;

    // The form may be framed by the intranet only, and needs no cookie.
    let http = visitor();
    let page = http
        .get(app.url("/intranet/form"))
        .send()
        .await
        .expect("GET");
    assert_eq!(page.status(), StatusCode::OK);
    let policy = page
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("a policy")
        .to_owned();
    assert!(
        policy.contains(&format!("frame-ancestors 'self' {INTRANET}")),
        "{policy}"
    );
    assert!(page.headers().get("x-frame-options").is_none());
    assert!(page.headers().get("set-cookie").is_none(), "no cookie");
    // Every other page still refuses frames.
    let login = http.get(app.url("/login")).send().await.expect("GET");
    assert_eq!(
        login
            .headers()
            .get("x-frame-options")
            .and_then(|v| v.to_str().ok()),
        Some("DENY")
    );

    let t = shown(&app, &http).await;
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let (status, _, body) = send(
        &app,
        &http,
        Some(INTRANET),
        &[
            ("t", &t),
            ("name", "Chloé Petit"),
            ("mail", "chloe.petit@example.test"),
            ("title", "The badge reader refuses my badge"),
            ("description", "Since this morning, at the main entrance."),
            ("website", ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id = ticket_number(&body);
    assert!(body.contains("chloe.petit@example.test"));

    // The ticket is hers (a requester account made for her address), in the given category.
    let requester = app.count(&format!("SELECT requester_id FROM tickets WHERE id = {id}"));
    assert_eq!(
        app.text(&format!("SELECT mail || '|' || firstname || '|' || lastname || '|' || profile_id FROM users WHERE id = {requester}")),
        "chloe.petit@example.test|Chloé|Petit|2"
    );
    assert_eq!(
        app.text(&format!(
            "SELECT title || '|' || category_id FROM tickets WHERE id = {id}"
        )),
        format!("The badge reader refuses my badge|{category}")
    );
    // She gets the acknowledgement, under the ticket's number.
    let mails = smtp.wait_for(1, 30).await;
    assert!(
        mails
            .iter()
            .any(|m| m.rcpt.contains(&"chloe.petit@example.test".to_owned())
                && m.subject.contains(&format!("[#{id}]"))),
        "{:?}",
        mails
            .iter()
            .map(|m| (&m.rcpt, &m.subject))
            .collect::<Vec<_>>()
    );

    // Someone who has an account asks from the form: the ticket is theirs, no account is made.
    app.create_user("bruno", "pw-bruno-1", Profile::User).await;
    app.set_mail("bruno", "Bruno.Roux@example.test", "fr");
    let users = app.count("SELECT count(*) FROM users");
    let t = shown(&app, &http).await;
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let (status, _, body) = send(
        &app,
        &http,
        None,
        &[
            ("t", &t),
            ("mail", "bruno.roux@example.test"),
            ("title", "Second screen stays black"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let id = ticket_number(&body);
    assert_eq!(
        app.count(&format!("SELECT requester_id FROM tickets WHERE id = {id}")),
        app.user_id("bruno")
    );
    assert_eq!(app.count("SELECT count(*) FROM users"), users);
}

#[tokio::test]
async fn robots_stale_and_hasty_forms_and_other_sites_are_turned_away_without_losing_input() {
    let (app, admin) = TestApp::with_admin().await;
    open_form(&admin, &[("min_seconds", "3")]).await;
    let http = visitor();
    let tickets = || app.count("SELECT count(*) FROM tickets");

    // Sent at once: a person needs a moment; the form comes back as typed.
    let t = shown(&app, &http).await;
    let fields = [
        ("t", t.as_str()),
        ("mail", "dan@example.test"),
        ("title", "Wi-Fi in the meeting room"),
        ("description", "It drops every few minutes."),
    ];
    let (status, _, body) = send(&app, &http, Some(INTRANET), &fields).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Take a moment"), "{body}");
    assert!(body.contains("value=\"Wi-Fi in the meeting room\""));
    assert!(body.contains("It drops every few minutes."));

    // A plain HTML form carries no signed time: it is shown back, filled in, to be sent again.
    let (status, _, body) = send(&app, &http, Some(INTRANET), &fields[1..]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Check your request, then send it again."));
    assert!(body.contains("value=\"dan@example.test\""));
    // A forged time is as good as none.
    let forged = format!("{}.{}", gestdesk::domain::clock::now() - 60, "0".repeat(64));
    let mut with_forged = fields;
    with_forged[0] = ("t", &forged);
    let (status, _, body) = send(&app, &http, Some(INTRANET), &with_forged).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Check your request"));

    // The trap field filled in: refused.
    tokio::time::sleep(Duration::from_millis(3_100)).await;
    let mut robot = fields.to_vec();
    robot.push(("website", "http://spam.example"));
    let (status, _, body) = send(&app, &http, Some(INTRANET), &robot).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("This form could not be sent."));

    // A page of another site may not post it.
    let (status, _, _) = send(&app, &http, Some("https://evil.example"), &fields).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(tickets(), 0, "nothing was opened");

    // Missing and wrong fields come back with their messages and the rest as typed.
    let (status, _, body) = send(
        &app,
        &http,
        Some(INTRANET),
        &[
            ("t", &t),
            ("mail", "not an address"),
            ("title", " "),
            ("description", "Still typed"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Give a valid e-mail address"));
    assert!(body.contains("Give a subject."));
    assert!(body.contains("Still typed"));
    assert_eq!(tickets(), 0);

    // The same form, from the intranet, in time: taken.
    let (status, _, body) = send(&app, &http, Some(INTRANET), &fields).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(tickets(), 1);
}

#[tokio::test]
async fn one_address_is_held_to_its_hourly_share_and_others_are_not() {
    let (app, admin) = TestApp::with_admin().await;
    open_form(&admin, &[("per_hour", "2"), ("min_seconds", "0")]).await;
    let http = visitor();
    for n in 0..2 {
        let t = shown(&app, &http).await;
        let (status, _, body) = send(
            &app,
            &http,
            None,
            &[
                ("t", &t),
                ("mail", "eve@example.test"),
                ("title", &format!("Request {n}")),
            ],
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let t = shown(&app, &http).await;
    let (status, headers, body) = send(
        &app,
        &http,
        None,
        &[
            ("t", &t),
            ("mail", "eve@example.test"),
            ("title", "Request 3"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((3_000..=3_600).contains(&wait), "{wait}");
    assert!(body.contains("Too many requests came from your address"));
    assert!(body.contains("value=\"Request 3\""));
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 2);

    // A colleague at another address is not held back by it.
    let other = reqwest::Client::builder()
        .local_address(std::net::IpAddr::from([127, 0, 0, 2]))
        .build()
        .expect("client");
    let t = shown(&app, &other).await;
    let (status, _, body) = send(
        &app,
        &other,
        None,
        &[
            ("t", &t),
            ("mail", "fred@example.test"),
            ("title", "My own request"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 3);
}

#[tokio::test]
async fn the_form_is_closed_until_opened_and_unknown_addresses_can_be_refused() {
    let (app, admin) = TestApp::with_admin().await;
    let http = visitor();
    assert_eq!(
        http.get(app.url("/intranet/form"))
            .send()
            .await
            .expect("GET")
            .status(),
        StatusCode::NOT_FOUND
    );
    let (status, _, _) = send(
        &app,
        &http,
        None,
        &[("mail", "x@example.test"), ("title", "x")],
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A page address is not an origin; the form keeps what was typed.
    let refused = admin
        .submit(
            "/admin/intranet-form",
            "/admin/intranet-form",
            &[
                ("enabled", "1"),
                ("origins", "https://intranet.example.test/helpdesk.html"),
                ("per_hour", "0"),
                ("min_seconds", "1"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("is not an origin"));
    assert!(
        refused
            .body
            .contains("https://intranet.example.test/helpdesk.html")
    );
    assert!(
        refused
            .body
            .contains("Enter a whole number from 1 to 1000.")
    );
    assert_eq!(app.count("SELECT enabled FROM intranet_form"), 0);

    // Only people who already have an account may use it.
    open_form(&admin, &[("create_requesters", "0"), ("min_seconds", "0")]).await;
    let t = shown(&app, &http).await;
    let (status, _, body) = send(
        &app,
        &http,
        None,
        &[
            ("t", &t),
            ("mail", "stranger@example.test"),
            ("title", "Let me in"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("This address cannot open requests from this form"));
    assert_eq!(app.count("SELECT count(*) FROM tickets"), 0);
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE mail = 'stranger@example.test'"),
        0
    );
}
