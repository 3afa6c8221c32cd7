//! Stories of the API's description: a developer reads the reference page and feeds the
//! OpenAPI document to their tools, without a token and without anything fetched elsewhere.

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::TestApp;

#[tokio::test]
async fn a_developer_reads_the_reference_and_the_openapi_document_of_every_route() {
    let (app, admin) = TestApp::with_admin().await;
    let r = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .expect("GET");
    assert_eq!(r.status(), StatusCode::OK);
    let doc: Value = r.json().await.expect("JSON");
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1"))
    );
    assert_eq!(doc["info"]["title"], "Gestdesk API");
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    for route in gestdesk::web::api_table() {
        let method = route.method.as_str().to_lowercase();
        assert!(
            doc["paths"][route.path][&method].is_object(),
            "{} {} is not described",
            route.method,
            route.path
        );
    }
    // Field descriptions come from the code's own comments.
    assert!(
        doc["components"]["schemas"]["TicketPatch"]["properties"]["reply_private"]["description"]
            .as_str()
            .is_some_and(|d| d.contains("only technicians"))
    );

    // The page, for people: every operation and type, in the reader's language.
    let page = app.client().get("/api").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("API reference")
        .assert_contains("/api/v1/tickets/{id}")
        .assert_contains("PATCH")
        .assert_contains("id=\"schema-Ticket\"")
        .assert_contains("href=\"#schema-Problem\"")
        .assert_contains("If-Match");
    assert!(
        !page.body.contains("https://"),
        "nothing is loaded from elsewhere"
    );
    let french = app.client_in("fr").get("/api").await;
    french
        .assert_contains("Référence de l'API")
        .assert_contains("Opérations");

    // The administrators' API page leads to it.
    admin
        .get("/admin/api")
        .await
        .assert_contains("href=\"/api\"");
    app.stop().await;
}
