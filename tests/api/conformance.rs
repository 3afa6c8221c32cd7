//! The API held to its own description: the OpenAPI document Gestdesk serves is valid
//! (openapi-spec-validator), and Schemathesis, calling every operation with thousands of
//! generated requests (well-formed and not) with an administrator's token, finds no server
//! error, no status the document does not list, and no answer whose body, headers or type
//! break it. Both tools come from PyPI (`tests/peers/api-tools.sh`).

use std::path::PathBuf;
use std::process::Command;

use reqwest::StatusCode;

use super::make_token;
use crate::common::TestApp;
use crate::common::lists::open_ticket;

/// The conformance tools' environment, installed on first use.
fn tools() -> PathBuf {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/peers/api-tools.sh");
    let made = Command::new(&script).status().expect("run api-tools.sh");
    assert!(
        made.success(),
        "the API conformance tools could not be installed"
    );
    std::env::var_os("GESTDESK_API_TOOLS").map_or_else(
        || PathBuf::from("/var/tmp/gestdesk-api-tools"),
        PathBuf::from,
    )
}

/// Runs `program` with `args` away from the server's runtime; answers success and output.
async fn run(program: PathBuf, args: Vec<String>) -> (bool, String) {
    tokio::task::spawn_blocking(move || {
        let out = Command::new(&program)
            .args(&args)
            .output()
            .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    })
    .await
    .expect("the tool ran")
}

#[tokio::test]
async fn the_document_is_valid_and_every_operation_answers_as_it_says() {
    let tools = tools();
    let (app, admin) = TestApp::with_admin().await;
    // Every area the API covers is open, the inventory included.
    app.set_setting("asset", "1");
    for title in ["Printer jammed", "VPN drops", "New laptop for Sam"] {
        open_ticket(&app, &admin, &[("title", title)]).await;
    }
    // A pace no generated run reaches, so that every call reaches the operation behind it.
    let paced = admin
        .submit(
            "/admin/api",
            "/admin/api/settings",
            &[("api_calls_per_minute", "100000"), ("api_log_days", "90")],
        )
        .await;
    assert_eq!(paced.status, StatusCode::SEE_OTHER, "{}", paced.body);
    let token = make_token(&admin, &[("name", "Conformance"), ("login", "admin")]).await;

    let document = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .expect("GET")
        .text()
        .await
        .expect("document");
    let file = tempfile::NamedTempFile::with_suffix(".json").expect("temp file");
    std::fs::write(file.path(), &document).expect("write the document");
    let (valid, said) = run(
        tools.join("bin/openapi-spec-validator"),
        vec![file.path().display().to_string()],
    )
    .await;
    assert!(valid, "the OpenAPI document is not valid:\n{said}");

    let (passed, said) = run(
        tools.join("bin/st"),
        [
            "run",
            &app.url("/api/v1/openapi.json"),
            "--header",
            &format!("Authorization: Bearer {token}"),
            "--checks",
            "not_a_server_error,status_code_conformance,content_type_conformance,\
             response_headers_conformance,response_schema_conformance",
            "--max-examples",
            "25",
            "--workers",
            "1",
            "--seed",
            "20261207",
            "--no-color",
        ]
        .into_iter()
        .map(str::to_owned)
        .collect(),
    )
    .await;
    assert!(
        passed,
        "Schemathesis found answers that break the document:\n{said}"
    );
    assert!(said.contains("passed"), "{said}");
    // Its calls went through the same log as any integration's.
    assert!(app.count("SELECT count(*) FROM api_calls") > 500);
    app.stop().await;
}
