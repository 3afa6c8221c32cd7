//! Stories of API tokens: an administrator makes one for an intranet page, the page reads its
//! requester's tickets and no one else's, the calls show in the log, and a revoked, expired or
//! unknown token, or a browser's session cookie, is refused.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;
use serde_json::Value;

use super::make_token;
use crate::common::TestApp;
use crate::common::lists::open_ticket;

/// `GET path` with the token, as an integration calls.
async fn call(
    app: &TestApp,
    path: &str,
    token: &str,
) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let r = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .expect("GET");
    let (status, headers) = (r.status(), r.headers().clone());
    (status, headers, r.text().await.expect("body"))
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn is_problem(headers: &reqwest::header::HeaderMap) -> bool {
    headers.get("content-type").and_then(|v| v.to_str().ok()) == Some("application/problem+json")
}

#[tokio::test]
async fn an_intranet_token_acting_as_a_requester_reads_only_that_requesters_tickets() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    let bob = app.login_as("bob", Profile::User).await;
    let hers = open_ticket(&app, &alice, &[("title", "Printer jammed on floor 2")]).await;
    let his = open_ticket(&app, &bob, &[("title", "Bob's secret laptop")]).await;

    let token = make_token(&admin, &[("name", "Intranet page"), ("login", "alice")]).await;
    assert_eq!(token.len(), 3 + 64);
    // Only a fingerprint is kept: the secret itself is nowhere in the database.
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM api_tokens WHERE secret_hash = '{token}' OR prefix = '{token}'"
        )),
        0
    );
    assert_eq!(app.count("SELECT count(*) FROM api_tokens"), 1);

    let (status, _, body) = call(&app, "/api/v1/me", &token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let me = json(&body);
    assert_eq!(me["login"], "alice");
    assert_eq!(me["profile"], "user");
    assert_eq!(me["read_only"], false);
    assert!(
        !me["rights"]
            .as_array()
            .expect("rights")
            .iter()
            .any(|r| r == "admin")
    );

    let (status, headers, body) = call(&app, &format!("/api/v1/tickets/{hers}"), &token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ticket = json(&body);
    assert_eq!(ticket["id"], hers);
    assert_eq!(ticket["title"], "Printer jammed on floor 2");
    assert_eq!(ticket["requester"]["id"], app.user_id("alice"));
    let version = ticket["version"].as_i64().expect("version");
    assert_eq!(
        headers.get("etag").and_then(|v| v.to_str().ok()),
        Some(format!("\"{version}\"").as_str())
    );
    assert!(ticket["thread"].as_array().is_some_and(|t| !t.is_empty()));

    // Bob's ticket does not exist for Alice's token, exactly as on her pages.
    let (status, headers, body) = call(&app, &format!("/api/v1/tickets/{his}"), &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(is_problem(&headers), "{headers:?}");
    let problem = json(&body);
    assert_eq!(problem["status"], 404);
    assert!(!body.contains("secret laptop"));

    // The administrator sees the calls and the token's last use.
    let page = admin.get("/admin/api").await;
    assert!(page.body.contains("Intranet page"));
    assert!(page.body.contains("/api/v1/tickets/{id}"), "{}", page.body);
    assert!(!page.body.contains(&token), "the secret is shown only once");
    assert_eq!(
        app.count("SELECT count(*) FROM api_tokens WHERE last_used_at IS NOT NULL"),
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM api_calls WHERE route = '/api/v1/tickets/{{id}}' AND status = 404 AND user_id = {}",
            app.user_id("alice")
        )),
        1
    );
    app.stop().await;
}

#[tokio::test]
async fn no_token_a_wrong_one_or_a_browser_session_is_refused_with_a_problem() {
    let (app, admin) = TestApp::with_admin().await;
    let anonymous = reqwest::Client::new();
    let r = anonymous
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        r.headers()
            .get("www-authenticate")
            .and_then(|v| v.to_str().ok()),
        Some("Bearer realm=\"gestdesk\"")
    );
    assert!(is_problem(r.headers()));
    let problem = json(&r.text().await.expect("body"));
    assert_eq!(problem["status"], 401);
    assert_eq!(problem["title"], "Not authenticated");

    let fake = format!("gd_{}", "0".repeat(64));
    for wrong in [fake.as_str(), "gd_short", "Basic YWRtaW46YWRtaW4="] {
        let (status, _, _) = call(&app, "/api/v1/me", wrong).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{wrong}");
    }

    // Every API route asks for a token, whatever it does.
    for route in gestdesk::web::api_table() {
        let path = crate::common::concrete_route(route.path, "1", "1");
        let r = anonymous
            .request(route.method.clone(), app.url(&path))
            .send()
            .await
            .expect("call");
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "{} {path}",
            route.method
        );
        assert!(is_problem(r.headers()), "{path}");
    }

    // A logged-in administrator's browser, cookies and all, is not an API caller: a page
    // elsewhere cannot make it call the API.
    let r = admin.get("/api/v1/me").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // Unknown addresses and malformed numbers are problems too, never a page or a 500.
    let token = make_token(&admin, &[("name", "Monitoring"), ("login", "admin")]).await;
    let (status, headers, _) = call(&app, "/api/v1/nothing/here", &token).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(is_problem(&headers));
    let (status, headers, body) = call(&app, "/api/v1/tickets/abc", &token).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(is_problem(&headers), "{body}");
    assert!(
        json(&body)["detail"]
            .as_str()
            .is_some_and(|d| d.contains("abc")),
        "{body}"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM api_calls WHERE status >= 500"),
        0
    );
    app.stop().await;
}

#[tokio::test]
async fn revoked_expired_and_disabled_tokens_stop_working_at_once() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("agent", "password-of-agent", Profile::Technician)
        .await;
    let revoked = make_token(&admin, &[("name", "Old agent"), ("login", "agent")]).await;
    let expiring = make_token(
        &admin,
        &[("name", "Trial"), ("login", "agent"), ("days", "1")],
    )
    .await;
    assert_eq!(call(&app, "/api/v1/me", &revoked).await.0, StatusCode::OK);
    assert_eq!(call(&app, "/api/v1/me", &expiring).await.0, StatusCode::OK);

    let id = app.count("SELECT id FROM api_tokens WHERE name = 'Old agent'");
    let reply = admin
        .submit("/admin/api", &format!("/admin/api/{id}/revoke"), &[])
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(
        call(&app, "/api/v1/me", &revoked).await.0,
        StatusCode::UNAUTHORIZED
    );
    let page = admin.get("/admin/api").await;
    assert!(page.body.contains("Revoked on"), "{}", page.body);

    // A day later the trial token has expired.
    app.sql()
        .execute(
            "UPDATE api_tokens SET expires_at = strftime('%s','now') - 1 WHERE name = 'Trial'",
            [],
        )
        .expect("expire");
    assert_eq!(
        call(&app, "/api/v1/me", &expiring).await.0,
        StatusCode::UNAUTHORIZED
    );

    // A token acting as a disabled account stops with it.
    let third = make_token(&admin, &[("name", "Agent 2"), ("login", "agent")]).await;
    assert_eq!(call(&app, "/api/v1/me", &third).await.0, StatusCode::OK);
    app.sql()
        .execute("UPDATE users SET disabled = 1 WHERE login = 'agent'", [])
        .expect("disable");
    assert_eq!(
        call(&app, "/api/v1/me", &third).await.0,
        StatusCode::UNAUTHORIZED
    );

    // Only administrators reach the page and its actions.
    let tech = app.login_as("tech", Profile::Technician).await;
    assert_eq!(tech.get("/admin/api").await.status, StatusCode::FORBIDDEN);
    app.stop().await;
}

#[tokio::test]
async fn a_token_form_with_mistakes_comes_back_with_the_input_and_the_reasons() {
    let (app, admin) = TestApp::with_admin().await;
    let reply = admin
        .submit(
            "/admin/api",
            "/admin/api",
            &[
                ("name", "  "),
                ("login", "nobody-by-that-name"),
                ("days", "forever"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    reply
        .assert_contains("Give the token a name")
        .assert_contains("No enabled user has this login.")
        .assert_contains("Give a number of days from 1 to 3650")
        .assert_contains("value=\"nobody-by-that-name\"")
        .assert_contains("value=\"forever\"");
    assert_eq!(app.count("SELECT count(*) FROM api_tokens"), 0);

    let long = "x".repeat(101);
    let reply = admin
        .submit(
            "/admin/api",
            "/admin/api",
            &[("name", &long), ("login", "admin"), ("days", "0")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    reply.assert_contains("limited to 100 characters");
    assert_eq!(app.count("SELECT count(*) FROM api_tokens"), 0);
    app.stop().await;
}

#[tokio::test]
async fn a_script_in_a_loop_is_told_how_long_to_wait() {
    let (app, admin) = TestApp::with_admin().await;
    let token = make_token(&admin, &[("name", "Loop"), ("login", "admin")]).await;
    // The administrator sets the pace on the API page; a pace too slow to use is refused.
    let slow = admin
        .submit(
            "/admin/api",
            "/admin/api/settings",
            &[("api_calls_per_minute", "5"), ("api_log_days", "30")],
        )
        .await;
    assert_eq!(slow.status, StatusCode::UNPROCESSABLE_ENTITY);
    slow.assert_contains("from 10 to 100000");
    slow.assert_contains("value=\"5\"");
    let set = admin
        .submit(
            "/admin/api",
            "/admin/api/settings",
            &[("api_calls_per_minute", "20"), ("api_log_days", "30")],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    let http = reqwest::Client::new();
    let mut refused = None;
    // Twenty calls a minute: refused by the 41st call at the latest (a minute may turn).
    for _ in 0..41 {
        let r = http
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .expect("GET");
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(r);
            break;
        }
        assert_eq!(r.status(), StatusCode::OK);
    }
    let refused = refused.expect("the pace is limited");
    let wait: u64 = refused
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=60).contains(&wait));
    assert!(is_problem(refused.headers()));
    // Another token is not held back by the first one's pace.
    let other = make_token(&admin, &[("name", "Other"), ("login", "admin")]).await;
    assert_eq!(call(&app, "/api/v1/me", &other).await.0, StatusCode::OK);
    app.stop().await;
}

/// `PATCH path` with the token, `If-Match` when given, and a JSON body.
async fn patch(
    app: &TestApp,
    path: &str,
    token: &str,
    if_match: Option<&str>,
    body: &str,
) -> (StatusCode, String) {
    let mut req = reqwest::Client::new()
        .patch(app.url(path))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body.to_owned());
    if let Some(v) = if_match {
        req = req.header("if-match", v);
    }
    let r = req.send().await.expect("PATCH");
    let status = r.status();
    (status, r.text().await.expect("body"))
}

#[tokio::test]
async fn a_script_changes_a_ticket_only_at_the_version_it_read_and_only_what_its_user_may() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    let id = open_ticket(&app, &alice, &[("title", "Screen flickers")]).await;
    let script = make_token(&admin, &[("name", "Monitoring"), ("login", "admin")]).await;
    let path = format!("/api/v1/tickets/{id}");
    let (_, headers, _) = call(&app, &path, &script).await;
    let etag = headers
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("ETag")
        .to_owned();

    // Without the version read, nothing is changed blindly.
    let (status, body) = patch(&app, &path, &script, None, r#"{"title": "Blind"}"#).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED, "{body}");
    assert!(
        json(&body)["detail"]
            .as_str()
            .is_some_and(|d| d.contains("If-Match"))
    );

    let (status, body) = patch(
        &app,
        &path,
        &script,
        Some(&etag),
        r#"{"title": "Screen flickers on floor 2", "reply": "Checked by monitoring: the cable is loose."}"#,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let ticket = json(&body);
    assert_eq!(ticket["title"], "Screen flickers on floor 2");
    assert_ne!(format!("\"{}\"", ticket["version"]), etag);
    assert!(
        body.contains("the cable is loose"),
        "the reply is in the thread"
    );

    // The same version again: the ticket has moved on, the second change is refused.
    let (status, body) = patch(&app, &path, &script, Some(&etag), r#"{"title": "Stale"}"#).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED, "{body}");
    assert_eq!(json(&body)["status"], 412);
    assert_eq!(
        app.text(&format!("SELECT title FROM tickets WHERE id = {id}")),
        "Screen flickers on floor 2"
    );

    // Wrong input: the reason and the field, never a 500, nothing written.
    let now = format!("\"{}\"", ticket["version"]);
    let (status, body) = patch(&app, &path, &script, Some(&now), r#"{"colour": "red"}"#).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let problem = json(&body);
    assert_eq!(problem["errors"][0]["field"], "fields");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("colour"))
    );
    let (status, body) = patch(
        &app,
        &path,
        &script,
        Some(&now),
        r#"{"title": ["a", "list"]}"#,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(json(&body)["errors"][0]["field"], "title", "{body}");
    let (status, body) = patch(&app, &path, &script, Some(&now), r#"{"title": "#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        json(&body)["detail"]
            .as_str()
            .is_some_and(|d| !d.is_empty())
    );
    let (status, body) = patch(&app, &path, &script, Some(&now), "[1, 2]").await;
    assert!(status.is_client_error(), "{status} {body}");

    // A read-only token reads, and is refused any change.
    let reader = make_token(
        &admin,
        &[
            ("name", "Dashboard"),
            ("login", "admin"),
            ("read_only", "1"),
        ],
    )
    .await;
    assert_eq!(call(&app, &path, &reader).await.0, StatusCode::OK);
    let (status, body) = patch(
        &app,
        &path,
        &reader,
        Some(&now),
        r#"{"title": "Not allowed"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(
        json(&body)["detail"]
            .as_str()
            .is_some_and(|d| d.contains("only read"))
    );

    // A requester's token may not set what her pages do not let her change.
    let hers = make_token(&admin, &[("name", "Alice's intranet"), ("login", "alice")]).await;
    let (status, body) = patch(&app, &path, &hers, Some(&now), r#"{"state_id": 3}"#).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(json(&body)["errors"][0]["field"], "state_id");

    assert_eq!(
        app.text(&format!("SELECT title FROM tickets WHERE id = {id}")),
        "Screen flickers on floor 2"
    );
    assert_eq!(
        app.count("SELECT count(*) FROM api_calls WHERE status >= 500"),
        0
    );
    assert!(app.count("SELECT count(*) FROM api_calls WHERE method = 'PATCH'") >= 6);
    app.stop().await;
}

#[tokio::test]
async fn a_script_lists_tickets_with_the_list_pages_views_filters_search_sort_and_pages() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    let bob = app.login_as("bob", Profile::User).await;
    let a1 = open_ticket(&app, &alice, &[("title", "Printer out of toner")]).await;
    let a2 = open_ticket(&app, &alice, &[("title", "Badge reader broken")]).await;
    let b1 = open_ticket(&app, &bob, &[("title", "Printer makes noise")]).await;
    let hers = make_token(&admin, &[("name", "Alice's intranet"), ("login", "alice")]).await;
    let all = make_token(&admin, &[("name", "Reporting"), ("login", "admin")]).await;

    // Alice's token lists her tickets (every state of her own list), never Bob's.
    let (status, _, body) = call(&app, "/api/v1/tickets?view=your&state=all", &hers).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = json(&body);
    let ids: Vec<i64> = page["tickets"]
        .as_array()
        .expect("tickets")
        .iter()
        .filter_map(|t| t["id"].as_i64())
        .collect();
    assert!(ids.contains(&a1) && ids.contains(&a2), "{body}");
    assert!(!ids.contains(&b1), "{body}");
    // A view her pages do not offer is refused, not widened.
    let (status, headers, _) = call(&app, "/api/v1/tickets?view=all", &hers).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(is_problem(&headers));

    // The administrator's token: every ticket, searched, sorted and paged like the list page.
    let (_, _, body) = call(
        &app,
        "/api/v1/tickets?view=all&q=printer&sort=title&dir=asc",
        &all,
    )
    .await;
    let page = json(&body);
    let titles: Vec<&str> = page["tickets"]
        .as_array()
        .expect("tickets")
        .iter()
        .filter_map(|t| t["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        ["Printer makes noise", "Printer out of toner"],
        "{body}"
    );
    assert_eq!(page["total"], 2);
    let (_, _, body) = call(
        &app,
        "/api/v1/tickets?view=all&sort=number&dir=desc&per_page=1&page=2",
        &all,
    )
    .await;
    let page = json(&body);
    assert_eq!(page["per_page"], 1);
    assert_eq!(page["page"], 2);
    assert_eq!(page["pages"], 3);
    assert_eq!(page["tickets"][0]["id"], a2);
    assert!(
        page["tickets"][0]["state"]["name"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );
    let (_, _, body) = call(&app, "/api/v1/tickets?view=all&per_page=100000", &all).await;
    assert_eq!(json(&body)["per_page"], 100);
    // A filter that cannot be read is left out and said so.
    let (status, _, body) = call(
        &app,
        "/api/v1/tickets?view=all&f_created=yesterday-ish",
        &all,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        json(&body)["ignored"][0]["parameter"],
        "f_created",
        "{body}"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_script_reads_a_list_in_its_users_language_and_sets_a_field_by_id() {
    let (app, admin) = TestApp::with_admin().await;
    app.sql()
        .execute("UPDATE users SET language = 'fr' WHERE login = 'admin'", [])
        .expect("language");
    let id = open_ticket(&app, &admin, &[("title", "Wi-Fi down")]).await;
    let token = make_token(&admin, &[("name", "Supervision"), ("login", "admin")]).await;

    let (status, _, body) = call(&app, "/api/v1/lists/states", &token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let states = json(&body);
    let in_progress = states["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .find(|e| e["name"] == "En cours")
        .unwrap_or_else(|| panic!("no state “En cours”: {body}"))["id"]
        .as_i64()
        .expect("id");
    for missing in ["templates", "asset-networks", "nothing"] {
        let (status, headers, _) = call(&app, &format!("/api/v1/lists/{missing}"), &token).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        assert!(is_problem(&headers));
    }

    let path = format!("/api/v1/tickets/{id}");
    let (_, headers, _) = call(&app, &path, &token).await;
    let etag = headers
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("ETag")
        .to_owned();
    let (status, body) = patch(
        &app,
        &path,
        &token,
        Some(&etag),
        &format!(r#"{{"state_id": {in_progress}}}"#),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(json(&body)["state"]["name"], "En cours");
    // A refusal speaks French too.
    let (status, body) = patch(&app, &path, &token, Some(&etag), r#"{"state_id": 2}"#).await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    assert!(
        json(&body)["detail"]
            .as_str()
            .is_some_and(|d| d.contains("Relisez")),
        "{body}"
    );
    app.stop().await;
}

/// `POST path` with the token and a JSON body.
async fn post(
    app: &TestApp,
    path: &str,
    token: &str,
    body: &str,
) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let r = reqwest::Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("POST");
    let (status, headers) = (r.status(), r.headers().clone());
    (status, headers, r.text().await.expect("body"))
}

#[tokio::test]
async fn monitoring_opens_a_ticket_for_a_requester_as_the_new_ticket_form_would() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    app.create_user("monitor", "pw-monitor", Profile::Technician)
        .await;
    let monitoring = make_token(&admin, &[("name", "Monitoring"), ("login", "monitor")]).await;
    let alice_id = app.user_id("alice");

    let (status, headers, body) = post(
        &app,
        "/api/v1/tickets",
        &monitoring,
        &format!(
            r#"{{"requester": "u{alice_id}", "title": "Disk almost full on FILESRV", "description": "C: has 2% free.", "reply": "Opened by the monitoring."}}"#
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ticket = json(&body);
    let id = ticket["id"].as_i64().expect("id");
    assert_eq!(
        headers.get("location").and_then(|v| v.to_str().ok()),
        Some(format!("/api/v1/tickets/{id}").as_str())
    );
    assert_eq!(ticket["title"], "Disk almost full on FILESRV");
    assert_eq!(ticket["requester"]["id"], alice_id);
    assert!(body.contains("Opened by the monitoring."));
    // Alice finds it among her tickets, as if a technician had opened it on the page.
    let (_, _, mine) = call(
        &app,
        &format!("/api/v1/tickets/{id}"),
        &make_token(&admin, &[("name", "Alice"), ("login", "alice")]).await,
    )
    .await;
    assert_eq!(json(&mine)["id"], id);
    let page = alice.get(&format!("/tickets/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);

    // Refusals name the field; nothing is half-written.
    let before = app.count("SELECT count(*) FROM tickets");
    let (status, _, body) = post(
        &app,
        "/api/v1/tickets",
        &monitoring,
        r#"{"title": "", "requester": "u999999"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(!json(&body)["errors"].as_array().expect("errors").is_empty());
    let hers = make_token(&admin, &[("name", "Alice's intranet"), ("login", "alice")]).await;
    let (status, _, body) = post(
        &app,
        "/api/v1/tickets",
        &hers,
        &format!(
            r#"{{"title": "Mouse broken", "technician": "u{}"}}"#,
            app.user_id("monitor")
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(json(&body)["errors"][0]["field"], "technician");
    let reader = make_token(
        &admin,
        &[
            ("name", "Wall screen"),
            ("login", "monitor"),
            ("read_only", "1"),
        ],
    )
    .await;
    let (status, _, _) = post(&app, "/api/v1/tickets", &reader, r#"{"title": "No"}"#).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _, body) = post(&app, "/api/v1/tickets", &monitoring, "title=form-encoded").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(app.count("SELECT count(*) FROM tickets"), before);

    // Her own token opens her own ticket, as her simple form would.
    let (status, _, body) = post(
        &app,
        "/api/v1/tickets",
        &hers,
        r#"{"title": "Mouse broken"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(json(&body)["requester"]["id"], alice_id);
    app.stop().await;
}

#[tokio::test]
async fn a_requester_reads_only_her_own_account_and_administrators_search_them_all() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("alice", "pw-alice", Profile::User).await;
    app.create_user("bob", "pw-bob", Profile::User).await;
    let (alice, bob) = (app.user_id("alice"), app.user_id("bob"));
    let hers = make_token(&admin, &[("name", "Alice's intranet"), ("login", "alice")]).await;
    let all = make_token(&admin, &[("name", "Directory export"), ("login", "admin")]).await;

    let (status, _, body) = call(&app, &format!("/api/v1/users/{alice}"), &hers).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let me = json(&body);
    assert_eq!(me["login"], "alice");
    assert_eq!(me["profile"], "user");
    assert!(!body.contains("password"), "{body}");
    // Bob's account does not exist for her, no more than an account that does not exist.
    for other in [bob, 999_999] {
        let (status, headers, _) = call(&app, &format!("/api/v1/users/{other}"), &hers).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(is_problem(&headers));
    }
    let (status, _, _) = call(&app, "/api/v1/users?q=bob", &hers).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The administrator's token reads and searches every account.
    let (status, _, body) = call(&app, &format!("/api/v1/users/{bob}"), &all).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, body) = call(&app, "/api/v1/users?q=bob&per_page=5", &all).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let page = json(&body);
    assert_eq!(page["total"], 1);
    assert_eq!(page["users"][0]["login"], "bob");
    let (status, headers, body) = call(&app, "/api/v1/users?disabled=maybe", &all).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(is_problem(&headers));
    app.stop().await;
}
