//! Stories of assets through the API: an inventory agent records a PC, finds it again by
//! name, IP or part of its MAC address, and updates it only from the version it read; people
//! without the asset right, and any token while the function is off, get nothing.

use gestdesk::domain::profiles::Profile;
use reqwest::StatusCode;
use serde_json::{Value, json};

use super::make_token;
use crate::common::TestApp;

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    if_match: Option<&str>,
    body: Option<&Value>,
) -> (StatusCode, reqwest::header::HeaderMap, Value) {
    let mut request = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token);
    if let Some(v) = if_match {
        request = request.header("If-Match", v);
    }
    if let Some(b) = body {
        request = request.json(b);
    }
    let r = request.send().await.expect("call");
    let (status, headers) = (r.status(), r.headers().clone());
    let text = r.text().await.expect("body");
    (
        status,
        headers,
        serde_json::from_str(&text).unwrap_or(Value::Null),
    )
}

#[tokio::test]
async fn an_inventory_agent_records_finds_and_updates_a_pc() {
    let (app, admin) = TestApp::with_admin().await;
    app.set_setting("asset", "1");
    let agent = make_token(&admin, &[("name", "Inventory agent"), ("login", "admin")]).await;
    let get = reqwest::Method::GET;

    let (status, headers, pc) = call(
        &app,
        reqwest::Method::POST,
        "/api/v1/assets",
        &agent,
        None,
        Some(&json!({
            "name": "PC-ACCOUNTING-01",
            "sn_manufacturer": "CZC1234XYZ",
            "type_id": 1,
            "manufacturer": 1,
            "model": 1,
            "interfaces": [{ "ip": "10.0.0.21", "mac": "00:11:22:33:44:55", "netbios": "ACCT01" }],
        })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{pc}");
    let id = pc["id"].as_i64().expect("id");
    assert_eq!(
        headers.get("location").and_then(|v| v.to_str().ok()),
        Some(format!("/api/v1/assets/{id}").as_str())
    );
    assert_eq!(pc["interfaces"][0]["ip"], "10.0.0.21");
    assert!(pc["state"]["name"].is_string());

    // Found by its name, its IP address and a part of its MAC address.
    for q in ["accounting", "10.0.0.21", "33:44:55"] {
        let (status, _, page) = call(
            &app,
            get.clone(),
            &format!("/api/v1/assets?q={q}"),
            &agent,
            None,
            None,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(page["total"], 1, "searching {q}: {page}");
        assert_eq!(page["assets"][0]["id"], id);
    }

    // Read, then changed from the version read; a change from an older version is refused.
    let path = format!("/api/v1/assets/{id}");
    let (status, headers, read) = call(&app, get.clone(), &path, &agent, None, None).await;
    assert_eq!(status, StatusCode::OK);
    let etag = headers
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .expect("ETag")
        .to_owned();
    assert_eq!(etag, format!("\"{}\"", read["version"]));
    let patch = reqwest::Method::PATCH;
    let change = json!({ "description": "Moved to the second floor." });
    let (status, _, _) = call(&app, patch.clone(), &path, &agent, None, Some(&change)).await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);
    let (status, _, changed) = call(
        &app,
        patch.clone(),
        &path,
        &agent,
        Some(&etag),
        Some(&change),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["description"], "Moved to the second floor.");
    assert_eq!(changed["interfaces"][0]["mac"], "00:11:22:33:44:55", "kept");
    assert_eq!(changed["name"], "PC-ACCOUNTING-01", "kept");
    let (status, _, _) = call(
        &app,
        patch.clone(),
        &path,
        &agent,
        Some(&etag),
        Some(&json!({ "name": "Overwritten" })),
    )
    .await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    // A malformed address or an unknown field is refused with its name.
    let now = format!("\"{}\"", changed["version"]);
    let (status, _, problem) = call(
        &app,
        patch.clone(),
        &path,
        &agent,
        Some(&now),
        Some(&json!({ "interfaces": [{ "ip": "10.0.0.999" }] })),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let (status, _, problem) = call(
        &app,
        patch,
        &path,
        &agent,
        Some(&now),
        Some(&json!({ "colour": "grey" })),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem["errors"][0]["field"], "fields");
    assert_eq!(
        app.text(&format!("SELECT name FROM assets WHERE id = {id}")),
        "PC-ACCOUNTING-01"
    );

    // A requester has no asset right; with the function off, the assets do not exist.
    app.create_user("ulla", "pw-ulla-12345", Profile::User)
        .await;
    let ulla = make_token(&admin, &[("name", "Ulla"), ("login", "ulla")]).await;
    let (status, _, _) = call(&app, get.clone(), "/api/v1/assets", &ulla, None, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    app.set_setting("asset", "0");
    let (status, _, _) = call(&app, get, &path, &agent, None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}
