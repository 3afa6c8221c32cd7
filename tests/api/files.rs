//! Stories of a ticket's files through the API: the requester's integration attaches a file to
//! their ticket and downloads the one attached on the page, as a download; nobody else's token
//! gets either, and a file the ticket form would refuse is refused.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;

use super::make_token;
use crate::common::TestApp;

#[tokio::test]
async fn a_requesters_token_downloads_the_file_of_their_ticket_and_no_one_elses_does() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    app.create_user("bob", "pw-bob-12345", Profile::User).await;
    let content = b"Error 0x80070005 when printing\n".as_slice();
    let reply = alice
        .send_ticket_form(
            "/tickets/new",
            &[("title", "Printing fails")],
            &[("error.txt", content)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let ticket: i64 = reply
        .location()
        .expect("the ticket")
        .trim_start_matches("/tickets/")
        .parse()
        .expect("number");
    let hers = make_token(&admin, &[("name", "Alice's script"), ("login", "alice")]).await;
    let his = make_token(&admin, &[("name", "Bob's script"), ("login", "bob")]).await;
    let http = reqwest::Client::new();

    let read: serde_json::Value = http
        .get(app.url(&format!("/api/v1/tickets/{ticket}")))
        .bearer_auth(&hers)
        .send()
        .await
        .expect("GET")
        .json()
        .await
        .expect("JSON");
    assert_eq!(read["files"][0]["name"], "error.txt");
    let file = read["files"][0]["id"].as_i64().expect("file id");

    let path = format!("/api/v1/tickets/{ticket}/files/{file}");
    let r = http
        .get(app.url(&path))
        .bearer_auth(&hers)
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), StatusCode::OK);
    let disposition = r
        .headers()
        .get("content-disposition")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(disposition.contains("error.txt"));
    assert_eq!(r.bytes().await.expect("bytes").as_ref(), content);

    // Bob's token does not see the ticket: the file does not exist for it.
    let r = http
        .get(app.url(&path))
        .bearer_auth(&his)
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // Nor is the file reached through another ticket's number.
    let other = crate::common::lists::open_ticket(&app, &alice, &[("title", "Other")]).await;
    let r = http
        .get(app.url(&format!("/api/v1/tickets/{other}/files/{file}")))
        .bearer_auth(&hers)
        .send()
        .await
        .expect("GET");
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

/// Posts `files` (name, bytes) to the ticket's files with `token`.
async fn attach(
    app: &TestApp,
    ticket: i64,
    token: &str,
    files: &[(&str, &[u8])],
) -> (StatusCode, serde_json::Value) {
    let mut form = reqwest::multipart::Form::new();
    for (name, bytes) in files {
        form = form.part(
            "attachments",
            reqwest::multipart::Part::bytes(bytes.to_vec()).file_name((*name).to_owned()),
        );
    }
    let r = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/tickets/{ticket}/files")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .expect("POST");
    let status = r.status();
    (status, r.json().await.unwrap_or(serde_json::Value::Null))
}

#[tokio::test]
async fn a_requesters_token_attaches_a_file_to_their_ticket_within_the_forms_limits() {
    let (app, admin) = TestApp::with_admin().await;
    let alice = app.login_as("alice", Profile::User).await;
    app.create_user("bob", "pw-bob-12345", Profile::User).await;
    let ticket =
        crate::common::lists::open_ticket(&app, &alice, &[("title", "Scanner offline")]).await;
    let hers = make_token(&admin, &[("name", "Alice's script"), ("login", "alice")]).await;
    let his = make_token(&admin, &[("name", "Bob's script"), ("login", "bob")]).await;
    let reader = make_token(
        &admin,
        &[("name", "Report"), ("login", "alice"), ("read_only", "1")],
    )
    .await;

    let log = b"12:01 scanner lost its network\n".as_slice();
    let (status, read) = attach(&app, ticket, &hers, &[("scanner.log", log)]).await;
    assert_eq!(status, StatusCode::OK, "{read}");
    assert_eq!(read["files"][0]["name"], "scanner.log");
    assert!(
        read["thread"]
            .as_array()
            .expect("thread")
            .iter()
            .any(|e| e["kind"] == "attachment" && e["text"] == "scanner.log"),
        "{read}"
    );
    let file = read["files"][0]["id"].as_i64().expect("id");
    let r = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/tickets/{ticket}/files/{file}")))
        .bearer_auth(&hers)
        .send()
        .await
        .expect("GET");
    assert_eq!(r.bytes().await.expect("bytes").as_ref(), log);

    // Another requester's token does not see the ticket; a read-only one changes nothing.
    let (status, _) = attach(&app, ticket, &his, &[("x.log", b"x")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = attach(&app, ticket, &reader, &[("x.log", b"x")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // A program the ticket form would refuse is refused, and so is a post without a file.
    let (status, problem) =
        attach(&app, ticket, &hers, &[("setup.exe", b"MZ\x90\x00 program")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "attachments");
    let r = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/tickets/{ticket}/files")))
        .bearer_auth(&hers)
        .multipart(reqwest::multipart::Form::new().text("note", "no file here"))
        .send()
        .await
        .expect("POST");
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count(&format!(
            "SELECT count(*) FROM attachments WHERE ticket_id = {ticket}"
        )),
        1
    );
    app.stop().await;
}
