//! Stories of a ticket's files through the API: the requester's integration downloads the
//! file attached to their ticket, as a download; nobody else's token gets it.

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
