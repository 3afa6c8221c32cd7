//! Stories of accounts through the API: the directory script of a company makes a technician's
//! account, corrects its address and disables it when they leave, with the administration
//! form's rules; other tokens may not.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::make_token;
use crate::common::TestApp;

/// `method path` with the token and a JSON body; answers the status, `Location` and body.
async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: &Value,
) -> (StatusCode, Option<String>, Value) {
    let r = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token)
        .json(body)
        .send()
        .await
        .expect("call");
    let status = r.status();
    let location = r
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let text = r.text().await.expect("body");
    let json = serde_json::from_str(&text).unwrap_or(Value::Null);
    (status, location, json)
}

#[tokio::test]
async fn a_directory_script_makes_corrects_and_disables_an_account() {
    let (app, admin) = TestApp::with_admin().await;
    let token = make_token(&admin, &[("name", "Directory script"), ("login", "admin")]).await;
    let post = reqwest::Method::POST;
    let patch = reqwest::Method::PATCH;

    let (status, location, sam) = send(
        &app,
        post.clone(),
        "/api/v1/users",
        &token,
        &json!({
            "login": "sam.lee",
            "firstname": "Sam",
            "lastname": "Lee",
            "mail": "sam@example.test",
            "profile": "technician",
            "password": "Correct-horse-battery-9",
        }),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{sam}");
    let id = sam["id"].as_i64().expect("id");
    assert_eq!(
        location.as_deref(),
        Some(format!("/api/v1/users/{id}").as_str())
    );
    assert_eq!(sam["profile"], "technician");
    assert_eq!(sam["name"], "Sam Lee");
    // The account works on the pages with the password given.
    let sam_client = app.client();
    let login = sam_client.login("sam.lee", "Correct-horse-battery-9").await;
    assert_eq!(login.status, StatusCode::SEE_OTHER, "{}", login.body);
    assert_eq!(
        app.count("SELECT count(*) FROM event_log WHERE kind = 'user_created'"),
        1
    );

    // The form's rules: a login taken, a field that does not exist, a value of the wrong type.
    let (status, _, problem) = send(
        &app,
        post.clone(),
        "/api/v1/users",
        &token,
        &json!({ "login": "SAM.LEE", "lastname": "Again" }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "login");
    assert_eq!(
        problem["errors"][0]["message"],
        "This login is already taken."
    );
    let (status, _, problem) = send(
        &app,
        post.clone(),
        "/api/v1/users",
        &token,
        &json!({ "login": "kim", "nickname": "K" }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "fields");
    let (status, _, problem) = send(
        &app,
        post.clone(),
        "/api/v1/users",
        &token,
        &json!({ "login": "kim", "firstname": ["K"] }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "firstname");
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE login = 'kim'"),
        0
    );

    // Its address corrected: the other fields keep their values.
    let path = format!("/api/v1/users/{id}");
    let (status, _, sam) = send(
        &app,
        patch.clone(),
        &path,
        &token,
        &json!({ "mail": "sam.lee@example.test" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{sam}");
    assert_eq!(sam["mail"], "sam.lee@example.test");
    assert_eq!(sam["firstname"], "Sam");
    assert_eq!(sam["profile"], "technician");

    // Sam leaves: disabled, the session Sam had is over.
    let (status, _, sam) = send(
        &app,
        patch.clone(),
        &path,
        &token,
        &json!({ "disabled": true }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{sam}");
    assert_eq!(sam["disabled"], true);
    let after = sam_client.get("/tickets").await;
    assert!(
        after.location().is_some_and(|l| l.starts_with("/login")),
        "a disabled account's session ends"
    );
    // Nobody disables their own account; a change asking for it is refused whole.
    let admin_id = app.user_id("admin");
    let mail_before = app.text(&format!("SELECT mail FROM users WHERE id = {admin_id}"));
    let (status, _, _) = send(
        &app,
        patch.clone(),
        &format!("/api/v1/users/{admin_id}"),
        &token,
        &json!({ "mail": "changed@example.test", "disabled": true }),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(
        app.text(&format!("SELECT mail FROM users WHERE id = {admin_id}")),
        mail_before
    );
    app.stop().await;
}

#[tokio::test]
async fn only_an_administrators_writing_token_makes_or_changes_accounts() {
    let (app, admin) = TestApp::with_admin().await;
    app.create_user("tina", "pw-tina-12345", Profile::Technician)
        .await;
    let tina = make_token(&admin, &[("name", "Tina's script"), ("login", "tina")]).await;
    let reader = make_token(
        &admin,
        &[("name", "Report"), ("login", "admin"), ("read_only", "1")],
    )
    .await;
    let tina_id = app.user_id("tina");
    for token in [&tina, &reader] {
        let (status, _, _) = send(
            &app,
            reqwest::Method::POST,
            "/api/v1/users",
            token,
            &json!({ "login": "mallory", "profile": "administrator", "password": "Sneaky-pass-123" }),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _, _) = send(
            &app,
            reqwest::Method::PATCH,
            &format!("/api/v1/users/{tina_id}"),
            token,
            &json!({ "profile": "administrator" }),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    assert_eq!(
        app.count("SELECT count(*) FROM users WHERE login = 'mallory'"),
        0
    );
    assert_eq!(
        app.count(&format!(
            "SELECT profile_id FROM users WHERE id = {tina_id}"
        )),
        Profile::Technician.id()
    );
    app.stop().await;
}
